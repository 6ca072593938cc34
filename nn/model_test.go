package nn

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// validModel is a model file in the exact shape of the format's definition.
const validModel = `{"format": "nnplay.model/1",
 "inputs": ["x1", "x2"],
 "layers": [2, 4, 1],
 "activation": "sigmoid",
 "output": "sigmoid",
 "weights": [[[0.1, -0.2], [0.3, 0.4], [-0.5, 0.6], [0.7, -0.8]], [[0.5, -0.6, 0.7, -0.8]]],
 "biases":  [[0.1, -0.1, 0.2, 0], [0.05]]}`

func TestDecodeModel(t *testing.T) {
	m, err := DecodeModel([]byte(validModel))
	if err != nil {
		t.Fatal(err)
	}
	want := Model{
		Format: "nnplay.model/1", Inputs: []string{"x1", "x2"}, Layers: []int{2, 4, 1},
		Activation: "sigmoid", Output: "sigmoid",
		Weights: [][][]float64{{{0.1, -0.2}, {0.3, 0.4}, {-0.5, 0.6}, {0.7, -0.8}}, {{0.5, -0.6, 0.7, -0.8}}},
		Biases:  [][]float64{{0.1, -0.1, 0.2, 0}, {0.05}},
	}
	if !reflect.DeepEqual(m, want) {
		t.Fatalf("DecodeModel = %+v, want %+v", m, want)
	}
	n, fs, err := m.Network()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(fs, []Feature{X1, X2}) || n.Hidden() != Sigmoid || n.Output() != Sigmoid {
		t.Errorf("Network: features %v, %v/%v; want x1 x2, sigmoid/sigmoid", fs, n.Hidden(), n.Output())
	}
	// weights[l][j][i] is into node j of layer l+1 from node i of layer l.
	if n.Weight(0, 2, 1) != 0.6 || n.Weight(1, 0, 3) != -0.8 || n.Bias(0, 1) != -0.1 || n.Bias(1, 0) != 0.05 {
		t.Errorf("weights placed wrongly: W[0][2][1] = %v, W[1][0][3] = %v, b[0][1] = %v, b[1][0] = %v",
			n.Weight(0, 2, 1), n.Weight(1, 0, 3), n.Bias(0, 1), n.Bias(1, 0))
	}
	// The network of the hand-worked test: the same output.
	if got := n.Forward([]float64{1, -2})[0]; math.Abs(got-0.39193594059912601) > 1e-12 {
		t.Errorf("Forward(1, −2) = %v, want 0.39193594059912601", got)
	}
	// The network shares no memory with the model.
	n.SetWeight(0, 0, 0, 42)
	if m.Weights[0][0][0] != 0.1 {
		t.Error("the network shares memory with its model")
	}
}

func TestDecodeModelIgnoresUnknownKeys(t *testing.T) {
	data := strings.Replace(validModel, `"format"`, `"comment": {"by": "me", "n": [1, 2]}, "version": 3, "format"`, 1)
	if _, err := DecodeModel([]byte(data)); err != nil {
		t.Errorf("a file with unknown keys: %v", err)
	}
}

func TestModelRoundTrip(t *testing.T) {
	tests := []struct {
		layers         []int
		hidden, output Activation
		features       []Feature
	}{
		{[]int{2, 4, 1}, Sigmoid, Sigmoid, []Feature{X1, X2}},
		{[]int{3, 5, 2}, Tanh, Linear, []Feature{X1Squared, SinX2, X1}},
		{[]int{7, 8, 8, 8, 8, 8, 8, 1}, ReLU, Sigmoid, allFeatures},
		{[]int{1, 1}, Linear, Linear, []Feature{X1TimesX2}},
		{[]int{1, 64, 1, 1, 1, 1, 1, 1, 1, 1}, Sigmoid, Linear, []Feature{X2}},
	}
	for _, tt := range tests {
		n := newNet(t, tt.layers, tt.hidden, tt.output, 5)
		// Numbers that need all 17 digits, and extreme ones.
		rng := rand.New(rand.NewPCG(1, 2))
		for k := range n.Params() {
			n.Params()[k] = rng.NormFloat64() * math.Pow(10, float64(rng.IntN(40)-20))
		}
		n.Params()[0] = math.MaxFloat64
		n.Params()[len(n.Params())-1] = -5e-324
		m := NewModel(n, tt.features)
		data, err := EncodeModel(m)
		if err != nil {
			t.Fatalf("%v: EncodeModel: %v", tt.layers, err)
		}
		back, err := DecodeModel(data)
		if err != nil {
			t.Fatalf("%v: DecodeModel: %v", tt.layers, err)
		}
		if !reflect.DeepEqual(back, m) {
			t.Errorf("%v: the decoded model differs from the encoded one", tt.layers)
		}
		n2, fs, err := back.Network()
		if err != nil {
			t.Fatal(err)
		}
		if !sameBits(n2.Params(), n.Params()) || !slices.Equal(fs, tt.features) ||
			!slices.Equal(n2.Layers(), tt.layers) || n2.Hidden() != tt.hidden || n2.Output() != tt.output {
			t.Errorf("%v: the round trip changed the network", tt.layers)
		}
		// The model shares no memory with the network.
		m.Weights[0][0][0] = 1
		if n.Params()[0] != math.MaxFloat64 {
			t.Errorf("%v: NewModel shares memory with the network", tt.layers)
		}
	}
}

// TestDecodeModelRejects edits the valid file one way at a time; each must be refused with
// an error naming what and where, and the zero Model.
func TestDecodeModelRejects(t *testing.T) {
	tests := []struct {
		name     string
		old, new string // replace old by new in validModel; old "" means the whole file is new
		want     string
	}{
		{"not JSON", "", `{"format": `, "not a model file"},
		{"an array", "", `[1, 2]`, "not a model file: want a JSON object, got array"},
		{"empty", "", ``, "not a model file"},
		{"no format", `"format": "nnplay.model/1",`, ``, "format: missing"},
		{"no inputs", `"inputs": ["x1", "x2"],`, ``, "inputs: missing"},
		{"no layers", `"layers": [2, 4, 1],`, ``, "layers: missing"},
		{"no activation", `"activation": "sigmoid",`, ``, "activation: missing"},
		{"no output", `"output": "sigmoid",`, ``, "output: missing"},
		{"no weights", `"weights": [[[0.1, -0.2], [0.3, 0.4], [-0.5, 0.6], [0.7, -0.8]], [[0.5, -0.6, 0.7, -0.8]]],`, ``, "weights: missing"},
		{"no biases", `,
 "biases":  [[0.1, -0.1, 0.2, 0], [0.05]]`, ``, "biases: missing"},
		{"null biases", `"biases":  [[0.1, -0.1, 0.2, 0], [0.05]]`, `"biases": null`, "biases: missing"},
		{"other format", `nnplay.model/1`, `nnplay.model/2`, `format: "nnplay.model/2", want "nnplay.model/1"`},
		{"format not a string", `"nnplay.model/1"`, `1`, "format: want a string, found number"},
		{"another format, nothing else", "", `{"format": "nnplay.model/2", "net": {}}`, `format: "nnplay.model/2", want "nnplay.model/1"`},
		{"unknown feature", `"x2"]`, `"x3"]`, `inputs[1]: unknown feature "x3": want x1, x2, x1^2, x2^2, x1*x2, sin(x1) or sin(x2)`},
		{"duplicate feature", `"x2"]`, `"x1"]`, `inputs[1]: feature "x1" already given as inputs[0]`},
		{"too few features", `["x1", "x2"]`, `["x1"]`, "inputs: 1 features for an input layer of 2 (layers[0])"},
		{"inputs not a list", `["x1", "x2"]`, `"x1"`, "inputs: want a list of feature names, found string"},
		{"fractional layer", `[2, 4, 1]`, `[2, 4.5, 1]`, "layers: want a list of whole numbers, found number 4.5"},
		{"huge layer", `[2, 4, 1]`, `[2, 1e30, 1]`, "layers: want a list of whole numbers, found number 1e30"},
		{"one layer", `[2, 4, 1]`, `[2]`, "layers: has 1 entries, want at least 2"},
		{"empty layer", `[2, 4, 1]`, `[2, 0, 1]`, "layers[1]: 0 nodes, want 1 to 64"},
		{"wide layer", `[2, 4, 1]`, `[2, 65, 1]`, "layers[1]: 65 nodes, want 1 to 64"},
		{"deep", `[2, 4, 1]`, `[2, 4, 4, 4, 4, 4, 4, 4, 4, 4, 1]`, "layers: 9 hidden layers, want at most 8"},
		{"unknown activation", `"activation": "sigmoid"`, `"activation": "softmax"`, `activation: unknown activation "softmax": want sigmoid, tanh, relu or linear`},
		{"tanh output", `"output": "sigmoid"`, `"output": "tanh"`, `output: "tanh", want sigmoid (classification) or linear (regression)`},
		{"weights not a list", `"weights": [`, `"weights": {"a": 1}, "x": [`, "weights: want a list of layers of rows of numbers, found object"},
		{"weight layers", `, [[0.5, -0.6, 0.7, -0.8]]],`, `],`, "weights: has 1 layers, want 2"},
		{"weight rows", `[0.7, -0.8]]`, `[0.7, -0.8], [1, 1]]`, "weights[0]: has 5 rows, want 4 (layers[1])"},
		{"weight entries", `[[0.5, -0.6, 0.7, -0.8]]`, `[[0.5, -0.6, 0.7]]`, "weights[1][0]: has 3 entries, want 4 (layers[1])"},
		{"weight overflow", `[-0.5, 0.6]`, `[-0.5, 1e999]`, "weights[0][2][1]: 1e999 overflows a float64"},
		{"weight as string", `[[[0.1,`, `[[["0.1",`, `weights[0][0][0]: "0.1" is not a number`},
		{"weight null", `[[[0.1,`, `[[[null,`, `weights[0][0][0]: null is not a number`},
		{"weight list", `[[[0.1,`, `[[[[0.1],`, `weights[0][0][0]: [0.1] is not a number`},
		{"bias layers", `[[0.1, -0.1, 0.2, 0], [0.05]]`, `[[0.1, -0.1, 0.2, 0]]`, "biases: has 1 layers, want 2"},
		{"bias entries", `[[0.1, -0.1, 0.2, 0],`, `[[0.1, -0.1, 0.2],`, "biases[0]: has 3 entries, want 4 (layers[1])"},
		{"bias overflow", `[0.05]`, `[-1e400]`, "biases[1][0]: -1e400 overflows a float64"},
		{"bias as bool", `[0.05]`, `[true]`, "biases[1][0]: true is not a number"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := tt.new
			if tt.old != "" {
				if !strings.Contains(validModel, tt.old) {
					t.Fatalf("the valid model has no %q", tt.old)
				}
				data = strings.Replace(validModel, tt.old, tt.new, 1)
			}
			m, err := DecodeModel([]byte(data))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("DecodeModel = %v; want an error containing %q", err, tt.want)
			}
			t.Log(err)
			if !reflect.DeepEqual(m, Model{}) {
				t.Errorf("a refused file gave the model %+v, want the zero Model", m)
			}
		})
	}
}

func TestValidate(t *testing.T) {
	base := func() Model {
		m, err := DecodeModel([]byte(validModel))
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	tests := []struct {
		name string
		edit func(m *Model)
		want string
	}{
		{"NaN weight", func(m *Model) { m.Weights[0][1][0] = math.NaN() }, "weights[0][1][0]: NaN is not a finite number"},
		{"infinite weight", func(m *Model) { m.Weights[1][0][3] = math.Inf(-1) }, "weights[1][0][3]: -Inf is not a finite number"},
		{"infinite bias", func(m *Model) { m.Biases[1][0] = math.Inf(1) }, "biases[1][0]: +Inf is not a finite number"},
		{"no format", func(m *Model) { m.Format = "" }, `format: "", want "nnplay.model/1"`},
		{"nil weights", func(m *Model) { m.Weights = nil }, "weights: has 0 layers, want 2"},
		{"nil layers", func(m *Model) { m.Layers = nil }, "layers: has 0 entries, want at least 2"},
		{"features for another shape", func(m *Model) { m.Inputs = FeatureNames(allFeatures) }, "inputs: 7 features for an input layer of 2"},
	}
	for _, tt := range tests {
		m := base()
		if err := m.Validate(); err != nil {
			t.Fatalf("the valid model: %v", err)
		}
		tt.edit(&m)
		for _, err := range []error{
			m.Validate(),
			func() error { _, _, err := m.Network(); return err }(),
			func() error { _, err := EncodeModel(m); return err }(),
		} {
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("%s: %v; want an error containing %q", tt.name, err, tt.want)
			}
		}
	}
}

// FuzzDecodeModel checks that DecodeModel never panics, refuses with the zero Model, and
// that any model it accepts builds a network and survives encoding and decoding unchanged.
// The seed corpus is in testdata/fuzz/FuzzDecodeModel.
func FuzzDecodeModel(f *testing.F) {
	f.Add([]byte(validModel))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := DecodeModel(data)
		if err != nil {
			if err.Error() == "" {
				t.Error("an empty error message")
			}
			if !reflect.DeepEqual(m, Model{}) {
				t.Errorf("refused with a non-zero model %+v", m)
			}
			return
		}
		n, fs, err := m.Network()
		if err != nil {
			t.Fatalf("accepted, but Network fails: %v", err)
		}
		if again := NewModel(n, fs); !reflect.DeepEqual(again, m) {
			t.Fatalf("the network's model %+v differs from the decoded %+v", again, m)
		}
		enc, err := EncodeModel(m)
		if err != nil {
			t.Fatalf("accepted, but EncodeModel fails: %v", err)
		}
		back, err := DecodeModel(enc)
		if err != nil {
			t.Fatalf("re-decoding the encoded model: %v\n%s", err, enc)
		}
		if !reflect.DeepEqual(back, m) {
			t.Fatalf("the round trip changed the model: %+v, want %+v", back, m)
		}
		var generic map[string]any
		if err := json.Unmarshal(enc, &generic); err != nil || len(generic) != len(modelKeys) {
			t.Fatalf("EncodeModel wrote %d keys (%v), want %d", len(generic), err, len(modelKeys))
		}
	})
}

// TestFuzzCorpus checks the committed seed corpus says what its names say: files named
// valid-* decode, files named bad-* are refused.
func TestFuzzCorpus(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("testdata", "fuzz", "FuzzDecodeModel", "*"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no seed corpus (%v)", err)
	}
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		header, body, ok := strings.Cut(strings.TrimSpace(string(raw)), "\n")
		if !ok || header != "go test fuzz v1" || !strings.HasPrefix(body, "[]byte(") || !strings.HasSuffix(body, ")") {
			t.Fatalf("%s: not a go test fuzz v1 file", p)
		}
		data, err := strconv.Unquote(strings.TrimSuffix(strings.TrimPrefix(body, "[]byte("), ")"))
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		_, err = DecodeModel([]byte(data))
		switch name := filepath.Base(p); {
		case strings.HasPrefix(name, "valid-") && err != nil:
			t.Errorf("%s: refused: %v", name, err)
		case strings.HasPrefix(name, "bad-") && err == nil:
			t.Errorf("%s: accepted", name)
		}
	}
}

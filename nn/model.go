package nn

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strconv"
)

// ModelFormat is the format tag of a model file.
const ModelFormat = "nnplay.model/1"

// Model is a trained network as stored in a model file (JSON). Weights[l][j][i] is the weight
// into node j of layer l+1 from node i of layer l; Layers is the full list, inputs first;
// Inputs names the features; Output is "sigmoid" (classification) or "linear" (regression).
type Model struct {
	Format     string        `json:"format"`
	Inputs     []string      `json:"inputs"`
	Layers     []int         `json:"layers"`
	Activation string        `json:"activation"`
	Output     string        `json:"output"`
	Weights    [][][]float64 `json:"weights"`
	Biases     [][]float64   `json:"biases"`
}

// NewModel describes network n with input features fs as a Model. The model shares no
// memory with n. It does not check that fs fits n; EncodeModel and Validate do.
func NewModel(n *Network, fs []Feature) Model {
	m := Model{
		Format:     ModelFormat,
		Inputs:     FeatureNames(fs),
		Layers:     append([]int(nil), n.layers...),
		Activation: n.hidden.String(),
		Output:     n.output.String(),
		Weights:    make([][][]float64, len(n.w)),
		Biases:     make([][]float64, len(n.b)),
	}
	for l := range n.w {
		rows := make([][]float64, n.layers[l+1])
		for j := range rows {
			rows[j] = append([]float64(nil), n.w[l][j*n.layers[l]:(j+1)*n.layers[l]]...)
		}
		m.Weights[l] = rows
		m.Biases[l] = append([]float64(nil), n.b[l]...)
	}
	return m
}

// Validate reports the first inconsistency in m, saying what and where, for example
// "weights[1][0]: has 3 entries, want 4". It checks the format tag, the shape (at most
// MaxHiddenLayers hidden layers, 1 to MaxLayerSize nodes in each), one known and distinct
// feature per input node, the activation names, the counts of weights and biases, and that
// every number is finite.
func (m Model) Validate() error {
	_, _, err := m.parse()
	return err
}

// parse validates m and returns its features and its hidden and output activations.
func (m Model) parse() (fs []Feature, acts [2]Activation, err error) {
	if m.Format != ModelFormat {
		return nil, acts, fmt.Errorf("format: %q, want %q", m.Format, ModelFormat)
	}
	if err := checkShape(m.Layers); err != nil {
		return nil, acts, err
	}
	if len(m.Inputs) != m.Layers[0] {
		return nil, acts, fmt.Errorf("inputs: %d features for an input layer of %d (layers[0])", len(m.Inputs), m.Layers[0])
	}
	fs = make([]Feature, len(m.Inputs))
	for i, name := range m.Inputs {
		f, err := ParseFeature(name)
		if err != nil {
			return nil, acts, fmt.Errorf("inputs[%d]: %v", i, err)
		}
		for k, g := range fs[:i] {
			if g == f {
				return nil, acts, fmt.Errorf("inputs[%d]: feature %q already given as inputs[%d]", i, name, k)
			}
		}
		fs[i] = f
	}
	if acts[0], err = ParseActivation(m.Activation); err != nil {
		return nil, acts, fmt.Errorf("activation: %v", err)
	}
	if acts[1], err = parseOutput(m.Output); err != nil {
		return nil, acts, fmt.Errorf("output: %v", err)
	}
	L := len(m.Layers) - 1
	if len(m.Weights) != L {
		return nil, acts, fmt.Errorf("weights: has %d layers, want %d (one per layer after the inputs)", len(m.Weights), L)
	}
	if len(m.Biases) != L {
		return nil, acts, fmt.Errorf("biases: has %d layers, want %d (one per layer after the inputs)", len(m.Biases), L)
	}
	for l := 0; l < L; l++ {
		if len(m.Weights[l]) != m.Layers[l+1] {
			return nil, acts, fmt.Errorf("weights[%d]: has %d rows, want %d (layers[%d])", l, len(m.Weights[l]), m.Layers[l+1], l+1)
		}
		for j, row := range m.Weights[l] {
			if len(row) != m.Layers[l] {
				return nil, acts, fmt.Errorf("weights[%d][%d]: has %d entries, want %d (layers[%d])", l, j, len(row), m.Layers[l], l)
			}
			for i, w := range row {
				if math.IsNaN(w) || math.IsInf(w, 0) {
					return nil, acts, fmt.Errorf("weights[%d][%d][%d]: %v is not a finite number", l, j, i, w)
				}
			}
		}
		if len(m.Biases[l]) != m.Layers[l+1] {
			return nil, acts, fmt.Errorf("biases[%d]: has %d entries, want %d (layers[%d])", l, len(m.Biases[l]), m.Layers[l+1], l+1)
		}
		for j, b := range m.Biases[l] {
			if math.IsNaN(b) || math.IsInf(b, 0) {
				return nil, acts, fmt.Errorf("biases[%d][%d]: %v is not a finite number", l, j, b)
			}
		}
	}
	return fs, acts, nil
}

// parseOutput returns the output activation named name: sigmoid or linear.
func parseOutput(name string) (Activation, error) {
	switch name {
	case "sigmoid":
		return Sigmoid, nil
	case "linear":
		return Linear, nil
	}
	return 0, fmt.Errorf("%q, want sigmoid (classification) or linear (regression)", name)
}

// Network builds the network and the features m describes; it fails if m does not validate.
// The network shares no memory with m.
func (m Model) Network() (*Network, []Feature, error) {
	fs, acts, err := m.parse()
	if err != nil {
		return nil, nil, err
	}
	n, err := New(m.Layers, acts[0], acts[1], nil)
	if err != nil {
		return nil, nil, err
	}
	for l := range n.w {
		for j, row := range m.Weights[l] {
			copy(n.w[l][j*m.Layers[l]:], row)
		}
		copy(n.b[l], m.Biases[l])
	}
	return n, fs, nil
}

// EncodeModel returns m as indented JSON, after checking that it validates.
func EncodeModel(m Model) ([]byte, error) {
	if err := m.Validate(); err != nil {
		return nil, err
	}
	return json.MarshalIndent(m, "", " ")
}

// DecodeModel parses and validates a model file. Every field is required (null counts as
// missing); unknown keys are ignored. Numbers must be JSON numbers (not strings) that fit a
// float64: JSON cannot write NaN or Inf, but 1e999 would overflow to Inf and is refused.
// Errors name the field and position at fault, as Validate's do.
func DecodeModel(data []byte) (Model, error) {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			return Model{}, fmt.Errorf("not a model file: want a JSON object, got %s", te.Value)
		}
		return Model{}, fmt.Errorf("not a model file: %v", err)
	}
	var m Model
	if v, ok := raw["format"]; ok && !bytes.Equal(v, []byte("null")) {
		if err := decodeField(raw, "format", "a string", &m.Format); err != nil {
			return Model{}, err
		}
		if m.Format != ModelFormat {
			// Check the tag first: a file of another format (or version) should say so, not
			// fail on a field that format lacks.
			return Model{}, fmt.Errorf("format: %q, want %q", m.Format, ModelFormat)
		}
	}
	for _, k := range modelKeys {
		v, ok := raw[k]
		if !ok || bytes.Equal(v, []byte("null")) {
			return Model{}, fmt.Errorf("%s: missing (a model file needs format, inputs, layers, activation, output, weights and biases)", k)
		}
	}
	if err := decodeField(raw, "inputs", "a list of feature names", &m.Inputs); err != nil {
		return Model{}, err
	}
	if err := decodeField(raw, "layers", "a list of whole numbers", &m.Layers); err != nil {
		return Model{}, err
	}
	if err := checkShape(m.Layers); err != nil {
		// Refuse absurd sizes before reading the numbers.
		return Model{}, err
	}
	if err := decodeField(raw, "activation", "a string", &m.Activation); err != nil {
		return Model{}, err
	}
	if err := decodeField(raw, "output", "a string", &m.Output); err != nil {
		return Model{}, err
	}
	var ws [][][]json.RawMessage
	if err := decodeField(raw, "weights", "a list of layers of rows of numbers", &ws); err != nil {
		return Model{}, err
	}
	var bs [][]json.RawMessage
	if err := decodeField(raw, "biases", "a list of layers of numbers", &bs); err != nil {
		return Model{}, err
	}
	m.Weights = make([][][]float64, len(ws))
	for l, rows := range ws {
		m.Weights[l] = make([][]float64, len(rows))
		for j, row := range rows {
			v, err := parseNumbers(row, fmt.Sprintf("weights[%d][%d]", l, j))
			if err != nil {
				return Model{}, err
			}
			m.Weights[l][j] = v
		}
	}
	m.Biases = make([][]float64, len(bs))
	for l, row := range bs {
		v, err := parseNumbers(row, fmt.Sprintf("biases[%d]", l))
		if err != nil {
			return Model{}, err
		}
		m.Biases[l] = v
	}
	if err := m.Validate(); err != nil {
		return Model{}, err
	}
	return m, nil
}

// modelKeys are the fields every model file must have.
var modelKeys = [...]string{"format", "inputs", "layers", "activation", "output", "weights", "biases"}

// decodeField unmarshals raw[key] into dst, saying what was wanted when it does not fit.
func decodeField(raw map[string]json.RawMessage, key, want string, dst any) error {
	if err := json.Unmarshal(raw[key], dst); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			return fmt.Errorf("%s: want %s, found %s", key, want, te.Value)
		}
		return fmt.Errorf("%s: want %s: %v", key, want, err)
	}
	return nil
}

// parseNumbers converts the JSON values of a list to float64, naming the entry (where[i])
// that is not a number or overflows.
func parseNumbers(vals []json.RawMessage, where string) ([]float64, error) {
	out := make([]float64, len(vals))
	for i, v := range vals {
		if len(v) == 0 || !(v[0] == '-' || v[0] >= '0' && v[0] <= '9') {
			return nil, fmt.Errorf("%s[%d]: %s is not a number", where, i, clip(v))
		}
		x, err := strconv.ParseFloat(string(v), 64)
		switch {
		case errors.Is(err, strconv.ErrRange):
			return nil, fmt.Errorf("%s[%d]: %s overflows a float64 (not a finite number)", where, i, clip(v))
		case err != nil:
			return nil, fmt.Errorf("%s[%d]: %s is not a number", where, i, clip(v))
		}
		out[i] = x
	}
	return out, nil
}

// clip shortens a JSON value for an error message.
func clip(v []byte) string {
	const max = 40
	if len(v) > max {
		return string(v[:max]) + "…"
	}
	return string(v)
}

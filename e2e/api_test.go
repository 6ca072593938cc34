//go:build !(js && wasm)

package e2e

import (
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"

	"nnplay/internal/browser"
	"nnplay/nn"
)

// TestAPIState: state() is a plain object with every field of the contract, of the right
// type.
func TestAPIState(t *testing.T) {
	p := open(t)
	raw := call[map[string]any](p, "state")
	checkStateTypes(t, raw)
	if t.Failed() {
		return
	}

	st := p.state()
	s := st.Settings
	if !reflect.DeepEqual(s.Layers(), []int{2, 4, 1}) || s.Activation != "sigmoid" || s.Problem != "classification" ||
		!reflect.DeepEqual(s.Features, []string{"x1", "x2"}) {
		t.Errorf("default settings %+v; want a 2-4-1 sigmoid classifier on x1, x2", s)
	}
	if len(st.Points) != s.NumPoints {
		t.Errorf("%d points, but numPoints is %d", len(st.Points), s.NumPoints)
	}
	if st.Error != nil {
		t.Errorf("error %q on a fresh page", *st.Error)
	}
	if st.TrainAccuracy == nil || *st.TrainAccuracy < 0 || *st.TrainAccuracy > 1 {
		t.Errorf("trainAccuracy %v, want a number in [0, 1]", fmtPtr(st.TrainAccuracy))
	}
	// state() is computed at the call: after a step, the loss is that of the new weights.
	p.pause()
	l0 := p.state().TrainLoss
	p.do("step", 20)
	if l1 := p.state().TrainLoss; l0 == nil || l1 == nil || *l1 == *l0 {
		t.Errorf("trainLoss %v before and %v after step(20): state() is not current", fmtPtr(l0), fmtPtr(l1))
	}
	n := eval[bool](p, `(() => { const s = nnplay.state(); return s === s && Object.getPrototypeOf(s) === Object.prototype; })()`)
	if !n {
		t.Errorf("state() is not a plain object")
	}
}

// checkStateTypes: raw, state() as a script receives it, has every field of the contract, of
// the right type: its settings, frame figures, domain and each point.
func checkStateTypes(t *testing.T, raw map[string]any) {
	num := func(v any) bool { _, ok := v.(float64); return ok }
	numOrNull := func(v any) bool { return v == nil || num(v) }
	integer := func(v any) bool { f, ok := v.(float64); return ok && f == math.Trunc(f) }
	str := func(v any) bool { _, ok := v.(string); return ok }
	boolean := func(v any) bool { _, ok := v.(bool); return ok }
	check := func(obj map[string]any, where string, fields map[string]func(any) bool) {
		t.Helper()
		for name, ok := range fields {
			v, present := obj[name]
			if !present {
				t.Errorf("%s has no %q", where, name)
				continue
			}
			if !ok(v) {
				t.Errorf("%s.%s = %#v has the wrong type", where, name, v)
			}
		}
	}
	isObj := func(v any) bool { _, ok := v.(map[string]any); return ok }
	isArr := func(v any) bool { _, ok := v.([]any); return ok }
	check(raw, "state()", map[string]func(any) bool{
		"epoch": integer, "running": boolean,
		"trainLoss": numOrNull, "testLoss": numOrNull, "trainAccuracy": numOrNull, "testAccuracy": numOrNull,
		"settings": isObj, "points": isArr, "domain": isObj, "error": func(v any) bool { return v == nil || str(v) },
		"frame": isObj,
	})
	if t.Failed() {
		return
	}
	check(raw["settings"].(map[string]any), "settings", map[string]func(any) bool{
		"layers": isArr, "activation": str, "learningRate": num, "batchSize": integer,
		"regularization": str, "regularizationRate": num, "features": isArr, "problem": str,
		"dataset": str, "numPoints": integer, "noise": num, "testRatio": num, "seed": integer,
		"dataSeed": integer, "speed": num,
	})
	check(raw["frame"].(map[string]any), "frame", map[string]func(any) bool{
		"updateMs": num, "drawMs": num, "trainMs": num, "epochsPerSecond": num, "fps": num,
		"fieldMs": num, "heapBytes": num, // this page's extras
	})
	check(raw, "state()", map[string]func(any) bool{
		"menu": func(v any) bool { return v == nil || isObj(v) }, // this page's extra: the touch delete offer
	})
	d := raw["domain"].(map[string]any)
	if d["xmin"] != -6.0 || d["xmax"] != 6.0 || d["ymin"] != -6.0 || d["ymax"] != 6.0 {
		t.Errorf("domain %v, want {xmin: -6, xmax: 6, ymin: -6, ymax: 6}", d)
	}
	pts := raw["points"].([]any)
	if len(pts) == 0 {
		t.Fatalf("the default data set has no points")
	}
	for i, q := range pts {
		m, ok := q.(map[string]any)
		if !ok {
			t.Fatalf("points[%d] = %#v is not an object", i, q)
		}
		check(m, fmt.Sprintf("points[%d]", i), map[string]func(any) bool{"x": num, "y": num, "label": num, "test": boolean})
		if t.Failed() {
			return
		}
	}
}

// TestAPIConfigure: configure applies valid settings (training settings keep the weights,
// shape changes rebuild) and refuses bad ones with an Error that names the setting,
// changing nothing.
func TestAPIConfigure(t *testing.T) {
	p := openPaused(t)
	p.do("step", 10)

	t.Run("refused", func(t *testing.T) { configureRefused(t, p) })
	t.Run("training settings keep the weights", func(t *testing.T) { configureTraining(t, p) })
	t.Run("shape rebuilds", func(t *testing.T) { configureShape(t, p) })
	t.Run("data settings regenerate", func(t *testing.T) { configureData(t, p) })
}

// configureRefused: configure refuses every setting out of its range, unknown or of the wrong
// kind, and an argument that is no object, naming the setting, and changes nothing.
func configureRefused(t *testing.T, p *page) {
	before := p.state()
	m0 := p.model()
	tests := []struct {
		arg  string // the JavaScript argument
		name string // the message must name this
	}{
		{`{bogus: 1}`, "bogus"},
		{`{learningRate: 0}`, "learningRate"},
		{`{learningRate: 10.5}`, "learningRate"},
		{`{learningRate: -1}`, "learningRate"},
		{`{learningRate: NaN}`, "learningRate"},
		{`{learningRate: Infinity}`, "learningRate"},
		{`{learningRate: "fast"}`, "learningRate"},
		{`{activation: "softmax"}`, "activation"},
		{`{batchSize: 0}`, "batchSize"},
		{`{batchSize: 1.5}`, "batchSize"},
		{`{regularization: "l3"}`, "regularization"},
		{`{regularizationRate: -0.1}`, "regularizationRate"},
		{`{regularizationRate: 11}`, "regularizationRate"},
		{`{features: ["x3"]}`, "features"},
		{`{layers: [3, 4, 1]}`, "layers"},
		{`{layers: [2, 4, 2]}`, "layers"},
		{`{layers: [2, 1, 1, 1, 1, 1, 1, 1, 1]}`, "layers"},
		{`{layers: [2, 9, 1]}`, "layers"},
		{`{layers: [2, 0, 1]}`, "layers"},
		{`{layers: [2, 2.5, 1]}`, "layers"},
		{`{features: ["x1", "x2", "x1*x2"], layers: [2, 4, 1]}`, "layers"},
		{`{problem: "clustering"}`, "problem"},
		{`{dataset: "moons"}`, "dataset"},
		{`{numPoints: 0}`, "numPoints"},
		{`{numPoints: 2001}`, "numPoints"},
		{`{noise: 0.6}`, "noise"},
		{`{noise: -0.1}`, "noise"},
		{`{testRatio: 0.05}`, "testRatio"},
		{`{testRatio: 0.95}`, "testRatio"},
		{`{seed: -1}`, "seed"},
		{`{seed: 4294967296}`, "seed"},
		{`{seed: 1.5}`, "seed"},
		{`{dataSeed: -1}`, "dataSeed"},
		{`{speed: -1}`, "speed"},
		{`{speed: 2000000}`, "speed"},
		{`{learningRate: 0.1, noise: 0.9}`, "noise"}, // all or nothing: the valid half is not applied
	}
	for _, tc := range tests {
		msg := p.refused("configure", "["+tc.arg+"]")
		if msg != "" && !strings.Contains(strings.ToLower(msg), strings.ToLower(tc.name)) {
			t.Errorf("configure(%s) threw %q, which does not name %s", tc.arg, msg, tc.name)
		}
	}
	for _, arg := range []string{``, `null`, `42`, `"learningRate"`} {
		p.refused("configure", "["+arg+"]")
	}
	after := p.state()
	if !reflect.DeepEqual(after.Settings, before.Settings) {
		t.Errorf("refused configure calls changed the settings:\n%+v\n→\n%+v", before.Settings, after.Settings)
	}
	if !slices.Equal(after.Points, before.Points) || after.Epoch != before.Epoch || !reflect.DeepEqual(p.model(), m0) {
		t.Errorf("refused configure calls changed the points, epoch or weights")
	}
	if after.Error != nil {
		t.Errorf("a refused call was stored in state().error: %q", *after.Error)
	}
}

// configureTraining: the training settings change and keep the weights, the epoch and the points.
func configureTraining(t *testing.T, p *page) {
	m0 := p.model()
	before := p.state()
	patch := map[string]any{"learningRate": 0.1, "batchSize": 5, "regularization": "l2", "regularizationRate": 0.001, "speed": 0}
	p.do("configure", patch)
	st := p.state()
	if st.Settings.LearningRate != 0.1 || st.Settings.BatchSize != 5 || st.Settings.Regularization != "l2" ||
		st.Settings.RegularizationRate != 0.001 || st.Settings.Speed != 0 {
		t.Errorf("configure(%v) gave settings %+v", patch, st.Settings)
	}
	if !reflect.DeepEqual(p.model(), m0) || st.Epoch != before.Epoch || !slices.Equal(st.Points, before.Points) {
		t.Errorf("training settings changed the weights, epoch or points")
	}
	p.do("configure", map[string]any{"speed": 100})
	if got := p.state().Settings.Speed; got != 100 {
		t.Errorf("speed %v after configure({speed: 100})", got)
	}
}

// configureShape: a new shape, features or activation rebuilds the network at epoch 0 over the
// same points; the input layer follows the features, up to 6 hidden layers of 8.
func configureShape(t *testing.T, p *page) {
	points := p.state().Points
	p.do("configure", map[string]any{"layers": []int{2, 3, 2, 1}, "activation": "tanh"})
	st := p.state()
	m := p.model()
	if !reflect.DeepEqual(st.Settings.Layers(), []int{2, 3, 2, 1}) || !reflect.DeepEqual(m.Layers, []int{2, 3, 2, 1}) || m.Activation != "tanh" {
		t.Errorf("layers %v, model %v %s; want [2 3 2 1] tanh", st.Settings.Layers(), m.Layers, m.Activation)
	}
	if st.Epoch != 0 {
		t.Errorf("epoch %d after a new shape, want 0", st.Epoch)
	}
	if !slices.Equal(st.Points, points) {
		t.Errorf("changing the shape changed the points")
	}
	p.do("configure", map[string]any{"features": []string{"x1", "x2", "x1*x2"}})
	if st := p.state(); st.Settings.Layers()[0] != 3 || !reflect.DeepEqual(st.Settings.Features, []string{"x1", "x2", "x1*x2"}) {
		t.Errorf("features x1, x2, x1*x2 gave layers %v features %v; the input layer follows the features", st.Settings.Layers(), st.Settings.Features)
	}
	p.do("configure", map[string]any{"features": []string{"x1^2", "x2^2", "sin(x1)", "sin(x2)"}, "layers": []int{4, 8, 8, 8, 8, 8, 8, 1}})
	if st := p.state(); !reflect.DeepEqual(st.Settings.Layers(), []int{4, 8, 8, 8, 8, 8, 8, 1}) {
		t.Errorf("6 hidden layers of 8 gave layers %v", st.Settings.Layers())
	}
	p.do("configure", map[string]any{"features": []string{"x1", "x2"}, "layers": []int{2, 1}, "activation": "sigmoid"})
	if st := p.state(); !reflect.DeepEqual(st.Settings.Layers(), []int{2, 1}) {
		t.Errorf("no hidden layer gave layers %v", st.Settings.Layers())
	}
}

// configureData: the data settings regenerate the points (the data set, how many, the held-out
// share); regression answers no accuracy and outputs linearly; the seeds take their whole range.
func configureData(t *testing.T, p *page) {
	p.do("configure", map[string]any{"dataset": "xor", "numPoints": 100, "testRatio": 0.3, "noise": 0.1})
	st := p.state()
	if st.Settings.Dataset != "xor" || len(st.Points) != 100 {
		t.Errorf("dataset %s with %d points, want xor with 100", st.Settings.Dataset, len(st.Points))
	}
	test := 0
	for _, q := range st.Points {
		if q.Test {
			test++
		}
		if q.Label != 0 && q.Label != 1 {
			t.Fatalf("xor has a point with label %v", q.Label)
		}
	}
	if test < 25 || test > 35 {
		t.Errorf("%d of 100 points are held out with testRatio 0.3", test)
	}
	p.do("configure", map[string]any{"problem": "regression", "dataset": "plane"})
	st = p.state()
	if st.Settings.Problem != "regression" || st.TrainAccuracy != nil || st.TestAccuracy != nil {
		t.Errorf("regression: problem %s, accuracies %s %s; want null accuracies", st.Settings.Problem, fmtPtr(st.TrainAccuracy), fmtPtr(st.TestAccuracy))
	}
	if m := p.model(); m.Output != "linear" {
		t.Errorf("a regression model's output is %q, want linear", m.Output)
	}
	p.do("configure", map[string]any{"seed": 4294967295, "dataSeed": 0})
	if st := p.state(); st.Settings.Seed != 4294967295 || st.Settings.DataSeed != 0 {
		t.Errorf("seeds %d %d, want 4294967295 0", st.Settings.Seed, st.Settings.DataSeed)
	}
}

// TestAPISetData: setData replaces the points exactly (test optional, false by default),
// keeps the weights and marks the data custom; it refuses points outside the plane, bad
// labels and more than 2,000 points, changing nothing.
func TestAPISetData(t *testing.T) {
	p := openPaused(t)
	p.do("step", 10)
	m0 := p.model()
	epoch := p.state().Epoch

	data := []map[string]any{
		{"x": 1.25, "y": -2.5, "label": 0},
		{"x": -6, "y": 6, "label": 1, "test": true},
		{"x": 6, "y": -6, "label": 1, "test": false},
		{"x": 0.1, "y": 0.2, "label": 0},
	}
	p.do("setData", data)
	st := p.state()
	want := []Point{{X: 1.25, Y: -2.5, Label: 0}, {X: -6, Y: 6, Label: 1, Test: true}, {X: 6, Y: -6, Label: 1}, {X: 0.1, Y: 0.2, Label: 0}}
	if !slices.Equal(st.Points, want) {
		t.Errorf("points %+v, want exactly %+v", st.Points, want)
	}
	if st.Settings.Dataset != "custom" {
		t.Errorf("dataset %q after setData, want custom", st.Settings.Dataset)
	}
	if !reflect.DeepEqual(p.model(), m0) || st.Epoch != epoch {
		t.Errorf("setData changed the weights or the epoch")
	}
	if st.TestLoss == nil || st.TrainLoss == nil {
		t.Errorf("losses %s %s on data with both splits", fmtPtr(st.TrainLoss), fmtPtr(st.TestLoss))
	}
	p.do("setData", []map[string]any{{"x": 1, "y": 1, "label": 1}})
	if st := p.state(); st.TestLoss != nil || st.TestAccuracy != nil {
		t.Errorf("with no test points testLoss %s testAccuracy %s, want null", fmtPtr(st.TestLoss), fmtPtr(st.TestAccuracy))
	}
	p.do("setData", data)

	before := p.state().Points
	for _, arg := range []string{
		`[{x: 6.01, y: 0, label: 0}]`,
		`[{x: 0, y: -7, label: 1}]`,
		`[{x: NaN, y: 0, label: 1}]`,
		`[{x: 0, y: 0, label: 2}]`,
		`[{x: 0, y: 0, label: 0.5}]`,
		`[{x: 0, y: 0, label: NaN}]`,
		`[{x: 0, y: 0, label: "1"}]`,
		`[{x: 0, y: 0}]`,
		`[{x: 1, y: 1, label: 0}, {x: 99, y: 0, label: 0}]`,
		`Array.from({length: 2001}, (_, i) => ({x: (i % 100) / 10 - 5, y: Math.floor(i / 100) / 4 - 5, label: i % 2}))`,
		`42`,
		`null`,
	} {
		p.refused("setData", "["+arg+"]")
	}
	if !slices.Equal(p.state().Points, before) {
		t.Errorf("refused setData calls changed the points")
	}
	n := eval[int](p, `(() => { nnplay.setData(Array.from({length: 2000}, (_, i) => ({x: (i % 50) / 5 - 5, y: Math.floor(i / 50) / 4 - 5, label: i % 2}))); return nnplay.state().points.length; })()`)
	if n != 2000 {
		t.Errorf("setData with 2,000 points kept %d", n)
	}
	p.do("configure", map[string]any{"problem": "regression", "dataset": "plane"})
	p.do("setData", []map[string]any{{"x": 0, "y": 0, "label": -3.5}, {"x": 1, "y": 1, "label": 12.25}})
	if st := p.state(); len(st.Points) != 2 || st.Points[1].Label != 12.25 {
		t.Errorf("regression setData kept %+v", st.Points)
	}
	p.refused("setData", `[[{x: 0, y: 0, label: Infinity}]]`)
}

// forward computes the network's output at (x, y) in Go from a model file.
func forward(t *testing.T, m Model, x, y float64) float64 {
	t.Helper()
	data, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	nm, err := nn.DecodeModel(data)
	if err != nil {
		t.Fatalf("the page's model() does not decode: %v", err)
	}
	net, fs, err := nm.Network()
	if err != nil {
		t.Fatal(err)
	}
	in := make([]float64, len(fs))
	nn.ApplyFeatures(in, fs, x, y)
	return net.Forward(in)[0]
}

// TestAPIModel: model() is an nnplay.model/1 file; loadModel takes it back exactly
// (pausing, epoch 0, data and training settings kept) and refuses what the core or the
// controls cannot take, changing nothing; predict agrees with the model's own arithmetic.
func TestAPIModel(t *testing.T) {
	p := openPaused(t)
	p.do("configure", map[string]any{"learningRate": 0.3})
	m0 := p.model()
	if m0.Format != "nnplay.model/1" || !reflect.DeepEqual(m0.Inputs, []string{"x1", "x2"}) || !reflect.DeepEqual(m0.Layers, []int{2, 4, 1}) ||
		m0.Activation != "sigmoid" || m0.Output != "sigmoid" {
		t.Errorf("model() = %+v, want an nnplay.model/1 2-4-1 sigmoid on x1, x2", m0)
	}
	if len(m0.Weights) != 2 || len(m0.Weights[0]) != 4 || len(m0.Weights[0][0]) != 2 || len(m0.Weights[1]) != 1 || len(m0.Weights[1][0]) != 4 ||
		len(m0.Biases) != 2 || len(m0.Biases[0]) != 4 || len(m0.Biases[1]) != 1 {
		t.Fatalf("model() weights/biases have the wrong shape: %v %v", m0.Weights, m0.Biases)
	}

	t.Run("predict", func(t *testing.T) {
		for _, q := range [][2]float64{{0, 0}, {1.5, -2}, {-6, 6}, {5.5, 5.5}} {
			got := call[float64](p, "predict", q[0], q[1])
			if want := forward(t, m0, q[0], q[1]); math.Abs(got-want) > 1e-9 {
				t.Errorf("predict(%v, %v) = %v, the model computes %v", q[0], q[1], got, want)
			}
			if got < 0 || got > 1 {
				t.Errorf("predict(%v, %v) = %v, outside (0, 1) for a sigmoid output", q[0], q[1], got)
			}
		}
	})

	t.Run("round trip", func(t *testing.T) {
		p.do("play")
		p.do("step", 30)
		points := p.state().Points
		p.do("loadModel", m0)
		st := p.state()
		if got := p.model(); !reflect.DeepEqual(got, m0) {
			t.Errorf("model() after loadModel(m) differs from m")
		}
		if st.Epoch != 0 || st.Running {
			t.Errorf("after loadModel: epoch %d running %v; want 0 and paused", st.Epoch, st.Running)
		}
		if !slices.Equal(st.Points, points) || st.Settings.LearningRate != 0.3 {
			t.Errorf("loadModel changed the data or the training settings")
		}
	})

	t.Run("another shape", func(t *testing.T) { loadAnotherShape(t, p, m0) })
	t.Run("refused", func(t *testing.T) { loadRefused(t, p) })
}

// loadAnotherShape: loadModel takes a model of another shape, features, activation and output,
// which sets the settings to match, and predict computes it; then m0 again.
func loadAnotherShape(t *testing.T, p *page, m0 Model) {
	m := Model{Format: "nnplay.model/1", Inputs: []string{"x1", "x2", "x1*x2"}, Layers: []int{3, 2, 1}, Activation: "tanh", Output: "linear",
		Weights: [][][]float64{{{0.1, -0.2, 0.3}, {0.4, 0.5, -0.6}}, {{0.7, -0.8}}}, Biases: [][]float64{{0.01, -0.02}, {0.03}}}
	p.do("loadModel", m)
	st := p.state()
	if !reflect.DeepEqual(st.Settings.Layers(), m.Layers) || !reflect.DeepEqual(st.Settings.Features, m.Inputs) ||
		st.Settings.Activation != "tanh" || st.Settings.Problem != "regression" {
		t.Errorf("after loading a 3-2-1 tanh linear model: settings %+v", st.Settings)
	}
	if got := call[float64](p, "predict", 2, -1); math.Abs(got-forward(t, m, 2, -1)) > 1e-9 {
		t.Errorf("predict(2, -1) = %v, the loaded model computes %v", got, forward(t, m, 2, -1))
	}
	p.do("loadModel", m0)
}

// loadRefused: loadModel refuses a model the core or the controls cannot take, or no model, and
// changes nothing.
func loadRefused(t *testing.T, p *page) {
	before := p.state()
	mb := p.model()
	mut := func(js string) string {
		return `[(() => { const m = nnplay.model(); ` + js + `; return m; })()]`
	}
	for _, arg := range []string{
		mut(`m.format = "nnplay.model/2"`),
		mut(`delete m.biases`),
		mut(`delete m.layers`),
		mut(`m.weights[0].pop()`),
		mut(`m.weights[0][0].push(1)`),
		mut(`m.biases[1].push(0)`),
		mut(`m.weights[0][0][0] = NaN`),
		mut(`m.biases[0][0] = Infinity`),
		mut(`m.activation = "swish"`),
		mut(`m.output = "softmax"`),
		mut(`m.inputs = ["x1", "x3"]`),
		mut(`m.layers = [2, 4, 2]`),
		// Valid for the core but not for the controls: 7 hidden layers, 9 nodes, 2 outputs.
		mut(`m.layers = [2, 1, 1, 1, 1, 1, 1, 1, 1]; m.weights = [[[1, 1]], [[1]], [[1]], [[1]], [[1]], [[1]], [[1]], [[1]]]; m.biases = [[0], [0], [0], [0], [0], [0], [0], [0]]`),
		mut(`m.layers = [2, 9, 1]; m.weights = [Array.from({length: 9}, () => [0.1, 0.2]), [Array(9).fill(0.3)]]; m.biases = [Array(9).fill(0), [0]]`),
		mut(`m.layers = [2, 4, 2]; m.weights[1].push([1, 1, 1, 1]); m.biases[1].push(0)`),
		`[null]`,
		`["{}"]`,
	} {
		p.refused("loadModel", arg)
	}
	after := p.state()
	if !reflect.DeepEqual(p.model(), mb) || !reflect.DeepEqual(after.Settings, before.Settings) || after.Epoch != before.Epoch || after.Running != before.Running {
		t.Errorf("refused loadModel calls changed the model, settings, epoch or play state")
	}
}

// TestAPIControl: play/pause, step's refusals, reset (epoch 0, play state kept, weights
// from the seed) and toScreen's corners.
func TestAPIControl(t *testing.T) {
	p := open(t)
	p.do("play")
	if !p.state().Running {
		t.Errorf("play() did not play")
	}
	p.do("pause")
	if p.state().Running {
		t.Errorf("pause() did not pause")
	}
	epoch := p.state().Epoch
	for _, arg := range []string{`0`, `-1`, `100001`, `1.5`, `"3"`, `NaN`, `Infinity`, ``} {
		p.refused("step", "["+arg+"]")
	}
	if st := p.state(); st.Epoch != epoch || st.Error != nil {
		t.Errorf("refused step calls changed the epoch (%d → %d) or set error %v", epoch, st.Epoch, st.Error)
	}

	p.do("reset")
	m0 := p.model()
	p.do("step", 40)
	if reflect.DeepEqual(p.model(), m0) {
		t.Fatalf("40 epochs did not change the weights")
	}
	for _, playing := range []bool{false, true} {
		if playing {
			p.do("play")
		}
		// In one script, so no frame trains between reset and the reads.
		got := eval[struct {
			Epoch   int
			Running bool
			Model   Model
		}](p, `(() => { nnplay.reset(); const s = nnplay.state(); return {Epoch: s.epoch, Running: s.running, Model: nnplay.model()}; })()`)
		if got.Epoch != 0 || got.Running != playing {
			t.Errorf("reset while running=%v: epoch %d running %v; want 0, play state kept", playing, got.Epoch, got.Running)
		}
		if !reflect.DeepEqual(got.Model, m0) {
			t.Errorf("reset while running=%v: the weights are not the seed's", playing)
		}
	}
	p.do("pause")

	t.Run("toScreen", func(t *testing.T) {
		corners := map[string]browser.Pt{}
		for _, c := range []struct {
			name string
			x, y float64
		}{{"bottom-left", -6, -6}, {"top-left", -6, 6}, {"bottom-right", 6, -6}, {"top-right", 6, 6}} {
			pt := p.toScreen(c.x, c.y)
			corners[c.name] = pt
			if pt.X < 0 || pt.X > 1280 || pt.Y < 0 || pt.Y > 800 {
				t.Errorf("toScreen(%v, %v) = (%.1f, %.1f), outside the 1280×800 viewport", c.x, c.y, pt.X, pt.Y)
			}
		}
		tl, br := corners["top-left"], corners["bottom-right"]
		if !(tl.X < br.X && tl.Y < br.Y) {
			t.Errorf("the plane's top-left maps to %+v and bottom-right to %+v: y must point up, x right", tl, br)
		}
		if w, h := br.X-tl.X, br.Y-tl.Y; math.Abs(w-h) > 1 || w < 200 {
			t.Errorf("the plot is %.1f×%.1f px; want a square at least 200 px wide", w, h)
		}
		c := p.toScreen(0, 0)
		if math.Abs(c.X-(tl.X+br.X)/2) > 0.5 || math.Abs(c.Y-(tl.Y+br.Y)/2) > 0.5 {
			t.Errorf("toScreen(0, 0) = %+v is not the plot's centre", c)
		}
	})
}

// TestAPIDivergence: a learning rate of 10 on a setting that diverges stops training with
// a message — no throw, no NaN in state(), a visible banner with the fix — and reset
// clears it.
func TestAPIDivergence(t *testing.T) {
	p := openPaused(t)
	p.do("configure", map[string]any{"problem": "regression", "dataset": "plane", "activation": "linear", "learningRate": 10, "batchSize": 1})
	p.do("step", 1000)
	st := p.state()
	if st.Error == nil || *st.Error == "" {
		t.Fatalf("1000 epochs at learning rate 10 on a linear regression set no error (epoch %d, loss %s)", st.Epoch, fmtPtr(st.TrainLoss))
	}
	t.Logf("error: %s", *st.Error)
	if st.Epoch >= 1000 {
		t.Errorf("training ran all 1000 epochs; it should stop at the divergence")
	}
	if st.Running {
		t.Errorf("still running after diverging")
	}
	finite := eval[bool](p, `(() => { const s = nnplay.state(); return [s.trainLoss, s.testLoss].every(v => v === null || Number.isFinite(v)) &&
		nnplay.model().weights.flat(2).every(Number.isFinite) && Number.isFinite(nnplay.predict(1, 1)); })()`)
	if !finite {
		t.Errorf("after diverging, state() losses, the weights or predict are not finite")
	}
	p.frames(3)
	msg := *st.Error
	// The innermost element showing the message must be laid out, on screen and not hidden.
	visible := eval[bool](p, `(() => {
		const want = `+jsString(msg)+`;
		const holders = [...document.querySelectorAll("body *")].filter(e => e.innerText && e.innerText.includes(want));
		const inner = holders.filter(e => ![...e.children].some(c => c.innerText && c.innerText.includes(want)));
		return inner.some(e => { const r = e.getBoundingClientRect(), cs = getComputedStyle(e);
			return r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight && cs.visibility !== "hidden" && cs.opacity !== "0"; });
	})()`)
	if !visible {
		t.Errorf("no visible banner on the page shows %q", msg)
	}
	if eval[bool](p, `document.body.innerText.includes("NaN")`) {
		t.Errorf("the page shows NaN")
	}
	if low := strings.ToLower(msg); !strings.Contains(low, "learning rate") || !strings.Contains(low, "lower") && !strings.Contains(low, "reset") {
		t.Errorf("the message %q does not name the cause (the learning rate) and the fix (lower it, reset)", msg)
	}
	p.do("reset")
	if st := p.state(); st.Error != nil || st.Epoch != 0 {
		t.Errorf("after reset: error %v epoch %d; want null and 0", st.Error, st.Epoch)
	}
	p.frames(3)
	if eval[bool](p, `document.body.innerText.includes(`+jsString(msg)+`)`) {
		t.Errorf("the banner still shows after reset")
	}
}

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

package session

import (
	"encoding/json"
	"errors"
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"nnplay/nn"
)

// newSession returns a session with the default settings changed by edit.
func newSession(t testing.TB, edit func(*Settings)) *Session {
	t.Helper()
	st := ClassicSettings()
	if edit != nil {
		edit(&st)
	}
	s, err := New(st)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return s
}

// state is everything observable about a session, deep-copied, to tell whether an
// operation changed anything.
type state struct {
	Settings Settings
	Points   []Point
	Params   []float64
	Layers   []int
	Epoch    int
	Version  uint64
	Running  bool
	Err      string
	CanUndo  bool
	History  int
}

func stateOf(s *Session) state {
	return state{
		Settings: s.Settings(),
		Points:   slices.Clone(s.Points()),
		Params:   slices.Clone(s.Network().Params()),
		Layers:   slices.Clone(s.Network().Layers()),
		Epoch:    s.Epoch(),
		Version:  s.Version(),
		Running:  s.Running(),
		Err:      s.Err(),
		CanUndo:  s.CanUndo(),
		History:  s.History().Len(),
	}
}

// checkConsistent verifies that every array derived from the points is in step with them.
func checkConsistent(t *testing.T, s *Session) {
	t.Helper()
	fs := s.Features()
	nf := len(fs)
	pts := s.Points()
	if len(s.data.Inputs) != len(pts)*nf || len(s.data.Targets) != len(pts) {
		t.Fatalf("data has %d inputs and %d targets for %d points of %d features",
			len(s.data.Inputs), len(s.data.Targets), len(pts), nf)
	}
	want := make([]float64, nf)
	var train, test []int
	for k, p := range pts {
		nn.ApplyFeatures(want, fs, p.X, p.Y)
		if got := s.data.Inputs[k*nf : (k+1)*nf]; !slices.Equal(got, want) {
			t.Fatalf("inputs of point %d = %v, want %v", k, got, want)
		}
		if s.data.Targets[k] != p.Label {
			t.Fatalf("target of point %d = %g, want %g", k, s.data.Targets[k], p.Label)
		}
		if p.Test {
			test = append(test, k)
		} else {
			train = append(train, k)
		}
	}
	if !slices.Equal(s.train, train) || !slices.Equal(s.test, test) {
		t.Fatalf("index lists train %v test %v, want %v and %v", s.train, s.test, train, test)
	}
}

func TestNew(t *testing.T) {
	s := newSession(t, nil)
	if got := len(s.Points()); got != 250 {
		t.Errorf("%d points, want 250", got)
	}
	if len(s.train) != 125 || len(s.test) != 125 {
		t.Errorf("split %d/%d, want 125/125", len(s.train), len(s.test))
	}
	if got := s.Network().Layers(); !slices.Equal(got, []int{2, 4, 1}) {
		t.Errorf("layers %v, want [2 4 1]", got)
	}
	if s.Network().Output() != nn.Sigmoid || s.Network().Hidden() != nn.Sigmoid {
		t.Errorf("activations %v/%v, want sigmoid/sigmoid", s.Network().Hidden(), s.Network().Output())
	}
	if s.Epoch() != 0 || s.Running() || s.Err() != "" || s.CanUndo() || s.History().Len() != 0 {
		t.Errorf("fresh session: epoch %d running %v err %q undo %v history %d",
			s.Epoch(), s.Running(), s.Err(), s.CanUndo(), s.History().Len())
	}
	checkConsistent(t, s)

	// The same settings give the same session.
	s2 := newSession(t, nil)
	if !reflect.DeepEqual(stateOf(s), stateOf(s2)) {
		t.Error("two sessions from the same settings differ")
	}
}

func TestNewRefuses(t *testing.T) {
	tests := []struct {
		name string
		edit func(*Settings)
		want string
	}{
		{"learning rate", func(s *Settings) { s.LearningRate = 20 }, "learningRate must be a finite number in (0, 10], got 20"},
		{"custom", func(s *Settings) { s.Dataset = Custom }, `dataset "custom" cannot be generated`},
		{"mismatch", func(s *Settings) { s.Dataset = "plane" }, `dataset "plane" is a regression data set; set problem to regression first`},
		{"hidden", func(s *Settings) { s.Hidden = []int{4, 9} }, "layers[2] (a hidden layer) must be a whole number in [1, 8], got 9"},
	}
	for _, tt := range tests {
		st := ClassicSettings()
		tt.edit(&st)
		if _, err := New(st); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: New error %v, want %q", tt.name, err, tt.want)
		}
	}
}

func TestConfigureKeepsWeights(t *testing.T) {
	tests := []struct {
		name  string
		patch Patch
		check func(Settings) bool
	}{
		{"learningRate", patch(`{"learningRate": 0.5}`), func(s Settings) bool { return s.LearningRate == 0.5 }},
		{"batchSize", patch(`{"batchSize": 3.0}`), func(s Settings) bool { return s.BatchSize == 3 }},
		{"regularization", patch(`{"regularization": "l2", "regularizationRate": 0.01}`),
			func(s Settings) bool { return s.Regularization == "l2" && s.RegularizationRate == 0.01 }},
		{"speed", patch(`{"speed": 0.0}`), func(s Settings) bool { return s.Speed == 0 }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newSession(t, nil)
			mustStep(t, s, 20)
			s.Record()
			before := stateOf(s)
			if err := s.Configure(tt.patch); err != nil {
				t.Fatal(err)
			}
			after := stateOf(s)
			if !tt.check(after.Settings) {
				t.Errorf("settings %+v do not show the change", after.Settings)
			}
			if !slices.Equal(after.Params, before.Params) || after.Epoch != 20 || after.History != 1 || !slices.Equal(after.Points, before.Points) {
				t.Errorf("the change touched weights, epoch, history or points")
			}
			if after.Version == before.Version {
				t.Errorf("Version did not change")
			}
			if s.cfg != trainConfig(after.Settings) {
				t.Errorf("training config %+v not updated", s.cfg)
			}
		})
	}
}

func TestConfigureRebuilds(t *testing.T) {
	tests := []struct {
		name   string
		patch  Patch
		layers []int
	}{
		{"features keep hidden sizes", patch(`{"features": ["x1", "x2", "x1*x2"]}`), []int{3, 4, 1}},
		{"layers", patch(`{"layers": [2, 8, 3, 1]}`), []int{2, 8, 3, 1}},
		{"no hidden layer", patch(`{"layers": [2, 1]}`), []int{2, 1}},
		{"features and layers", patch(`{"features": ["sin(x1)"], "layers": [1, 2, 1]}`), []int{1, 2, 1}},
		{"activation", patch(`{"activation": "relu"}`), []int{2, 4, 1}},
		{"seed", patch(`{"seed": 99.0}`), []int{2, 4, 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newSession(t, nil)
			mustStep(t, s, 20)
			s.Record()
			pts := slices.Clone(s.Points())
			if err := s.Configure(tt.patch); err != nil {
				t.Fatal(err)
			}
			if got := s.Network().Layers(); !slices.Equal(got, tt.layers) {
				t.Errorf("layers %v, want %v", got, tt.layers)
			}
			if s.Epoch() != 0 || s.History().Len() != 0 {
				t.Errorf("epoch %d, history %d: want a fresh start", s.Epoch(), s.History().Len())
			}
			if !slices.Equal(s.Points(), pts) {
				t.Errorf("the rebuild touched the data")
			}
			checkConsistent(t, s)
			// The network is the one a new session with these settings starts with.
			fresh, err := New(s.Settings())
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(s.Network().Params(), fresh.Network().Params()) {
				t.Errorf("rebuilt weights differ from a new session's")
			}
			// And it trains like one.
			mustStep(t, s, 5)
			mustStep(t, fresh, 5)
			if !slices.Equal(s.Network().Params(), fresh.Network().Params()) {
				t.Errorf("training after the rebuild differs from a new session's")
			}
		})
	}
}

func TestConfigureRegenerates(t *testing.T) {
	tests := []struct {
		name  string
		patch Patch
	}{
		{"dataset", patch(`{"dataset": "xor"}`)},
		{"noise", patch(`{"noise": 0.2}`)},
		{"numPoints", patch(`{"numPoints": 100.0}`)},
		{"dataSeed", patch(`{"dataSeed": 7.0}`)},
		{"testRatio", patch(`{"testRatio": 0.2}`)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newSession(t, nil)
			mustStep(t, s, 20)
			before := stateOf(s)
			if err := s.Configure(tt.patch); err != nil {
				t.Fatal(err)
			}
			st := s.Settings()
			want, err := Generate(st.Dataset, st.NumPoints, st.Noise, st.DataSeed, st.TestRatio)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(s.Points(), want) {
				t.Errorf("points are not the generator's")
			}
			if !slices.Equal(s.Network().Params(), before.Params) || s.Epoch() != 20 {
				t.Errorf("regenerating touched the weights or the epoch")
			}
			if !s.CanUndo() {
				t.Fatalf("cannot undo")
			}
			checkConsistent(t, s)
			if err := s.Undo(); err != nil {
				t.Fatal(err)
			}
			after := stateOf(s)
			if !reflect.DeepEqual(after.Settings, before.Settings) || !slices.Equal(after.Points, before.Points) {
				t.Errorf("Undo restored %+v, want %+v", after.Settings, before.Settings)
			}
			if s.CanUndo() || !s.CanRedo() {
				t.Errorf("after the only undo: can undo %v, can redo %v", s.CanUndo(), s.CanRedo())
			}
			checkConsistent(t, s)
		})
	}
}

func TestConfigureRefusesAndChangesNothing(t *testing.T) {
	tests := []struct {
		name string
		json string
		want string
	}{
		{"learning rate", `{"learningRate": 20.0}`, "learningRate must be a finite number in (0, 10], got 20"},
		{"later field bad", `{"learningRate": 0.5, "numPoints": 2.5}`, "numPoints must be a whole number in [1, 2000], got 2.5"},
		{"layers first", `{"layers": [3, 4, 1]}`, "layers[0] must be the number of features (2), got 3"},
		{"layers first after features", `{"features": ["x1"], "layers": [2, 4, 1]}`, "layers[0] must be the number of features (1), got 2"},
		{"layers last", `{"layers": [2, 4, 2]}`, "layers[2] (the output) must be 1, got 2"},
		{"too deep", `{"layers": [2, 1, 1, 1, 1, 1, 1, 1, 1]}`, "layers must list the inputs, 0 to 6 hidden layers and the output (2 to 8 sizes), got 9 sizes"},
		{"too wide", `{"layers": [2, 9, 1]}`, "layers[1] (a hidden layer) must be a whole number in [1, 8], got 9"},
		{"empty layer", `{"layers": [2, 0, 1]}`, "layers[1] (a hidden layer) must be a whole number in [1, 8], got 0"},
		{"dataset against problem", `{"dataset": "xor", "problem": "regression"}`, `dataset "xor" is a classification data set, but problem is regression`},
		{"custom", `{"dataset": "custom"}`, `dataset "custom" cannot be chosen`},
		{"unknown dataset", `{"dataset": "moons"}`, `dataset must be one of circle, xor, gauss, spiral, plane, gauss-multi, custom, got "moons"`},
		{"feature", `{"features": ["x1", "x3"]}`, `features[1] must be one of x1, x2, x1^2, x2^2, x1*x2, sin(x1), sin(x2), got "x3"`},
		{"no features", `{"features": []}`, "features must name at least one input"},
		{"twice", `{"features": ["x1", "x1"]}`, `features lists "x1" twice`},
		{"activation", `{"activation": "softmax"}`, `activation must be one of sigmoid, tanh, relu, linear, got "softmax"`},
		{"regularization", `{"regularization": "l3"}`, `regularization must be one of none, l1, l2, got "l3"`},
		{"problem", `{"problem": "ranking"}`, `problem must be one of classification, regression, got "ranking"`},
		{"seed", `{"seed": -1.0}`, "seed must be a whole number in [0, 4294967295], got -1"},
		{"seed too big", `{"dataSeed": 4294967296.0}`, "dataSeed must be a whole number in [0, 4294967295], got 4294967296"},
		{"speed", `{"speed": 0.5}`, "speed must be 0 (as fast as it goes) or a finite number in [1, 1000000] epochs per second, got 0.5"},
		{"noise", `{"noise": -0.1}`, "noise must be a finite number in [0, 0.5], got -0.1"},
		{"testRatio", `{"testRatio": 0.95}`, "testRatio must be a finite number in [0.1, 0.9], got 0.95"},
		{"batchSize", `{"batchSize": 0.0}`, "batchSize must be a whole number in [1, 2000], got 0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newSession(t, nil)
			mustStep(t, s, 3)
			before := stateOf(s)
			p, err := ParsePatch([]byte(tt.json))
			if err == nil {
				err = s.Configure(p)
			}
			if err == nil || err.Error() != tt.want && !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("error %v, want %q", err, tt.want)
			}
			if after := stateOf(s); !reflect.DeepEqual(after, before) {
				t.Errorf("a refused Configure changed the session:\n got %+v\nwant %+v", after, before)
			}
		})
	}
}

func TestConfigureSameValuesChangeNothing(t *testing.T) {
	s := newSession(t, nil)
	mustStep(t, s, 10)
	before := stateOf(s)
	st := s.Settings()
	text, err := json.Marshal(st) // every setting, as state().settings shows them
	if err != nil {
		t.Fatal(err)
	}
	p := patch(string(text))
	if err := s.Configure(p); err != nil {
		t.Fatal(err)
	}
	if after := stateOf(s); !reflect.DeepEqual(after, before) {
		t.Errorf("configuring the current values changed the session")
	}
}

func TestConfigureProblem(t *testing.T) {
	s := newSession(t, func(st *Settings) { st.Dataset = "xor" })
	mustStep(t, s, 10)
	if err := s.Configure(patch(`{"problem": "regression"}`)); err != nil {
		t.Fatal(err)
	}
	st := s.Settings()
	if st.Problem != Regression || st.Dataset != "plane" {
		t.Errorf("problem %q dataset %q, want regression on plane", st.Problem, st.Dataset)
	}
	if s.Network().Output() != nn.Linear || s.Epoch() != 0 {
		t.Errorf("output %v epoch %d, want a linear output, rebuilt", s.Network().Output(), s.Epoch())
	}
	if m := s.Metrics(); m.HasAccuracy || !math.IsNaN(m.TestAccuracy) || !m.HasTrain || !m.HasTest {
		t.Errorf("regression metrics %+v, want losses and no accuracy", m)
	}
	mustStep(t, s, 10)
	// Back: the data set classification used last.
	if err := s.Configure(patch(`{"problem": "classification"}`)); err != nil {
		t.Fatal(err)
	}
	if st := s.Settings(); st.Dataset != "xor" || s.Network().Output() != nn.Sigmoid {
		t.Errorf("back to classification: dataset %q output %v, want xor, sigmoid", st.Dataset, s.Network().Output())
	}
	// Both at once.
	if err := s.Configure(patch(`{"problem": "regression", "dataset": "gauss-multi"}`)); err != nil {
		t.Fatal(err)
	}
	if st := s.Settings(); st.Dataset != "gauss-multi" || st.Problem != Regression {
		t.Errorf("got %s on %s, want regression on gauss-multi", st.Problem, st.Dataset)
	}
	// Undo restores the classification data and rebuilds for it.
	if err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	if st := s.Settings(); st.Dataset != "xor" || st.Problem != Classification || s.Network().Output() != nn.Sigmoid {
		t.Errorf("after Undo: %s on %s, output %v; want classification on xor, sigmoid", st.Problem, st.Dataset, s.Network().Output())
	}
	checkConsistent(t, s)
}

func TestConfigureCustomData(t *testing.T) {
	s := newSession(t, nil)
	pts := []Point{{1, 1, 1, false}, {-1, -1, 0, false}, {2, -2, 1, false}, {-3, 3, 0, false}, {0, 0, 1, true}}
	if err := s.SetData(pts); err != nil {
		t.Fatal(err)
	}
	// testRatio alone re-splits the custom points as they are.
	if err := s.Configure(patch(`{"testRatio": 0.4}`)); err != nil {
		t.Fatal(err)
	}
	if s.Settings().Dataset != Custom {
		t.Errorf("dataset %q, want custom", s.Settings().Dataset)
	}
	tests := 0
	for i, p := range s.Points() {
		if p.X != pts[i].X || p.Y != pts[i].Y || p.Label != pts[i].Label {
			t.Fatalf("re-split moved point %d", i)
		}
		if p.Test {
			tests++
		}
	}
	if tests != 2 {
		t.Errorf("%d test points, want round(5·0.4) = 2", tests)
	}
	checkConsistent(t, s)
	// Noise regenerates from the last generator.
	if err := s.Configure(patch(`{"noise": 0.1}`)); err != nil {
		t.Fatal(err)
	}
	if st := s.Settings(); st.Dataset != "circle" || len(s.Points()) != st.NumPoints {
		t.Errorf("dataset %q with %d points, want circle regenerated", st.Dataset, len(s.Points()))
	}
	// Echoing dataset custom is allowed only while the data is custom.
	if err := s.Configure(patch(`{"dataset": "custom"}`)); err == nil {
		t.Errorf("dataset custom accepted for generated data")
	}
	if _, err := s.AddPoint(0, 0, 1); err != nil {
		t.Fatal(err)
	}
	if err := s.Configure(patch(`{"dataset": "custom"}`)); err != nil {
		t.Errorf("echoing dataset custom for custom data: %v", err)
	}
}

func TestEdits(t *testing.T) {
	s := newSession(t, nil)
	mustStep(t, s, 10)
	if err := s.Regenerate(); err != nil {
		t.Fatal(err)
	}
	params := slices.Clone(s.Network().Params())
	n := len(s.Points())
	v := s.Version()

	i, err := s.AddPoint(1.5, -2, 1)
	if err != nil || i != n {
		t.Fatalf("AddPoint = %d, %v; want %d", i, err, n)
	}
	if p := s.Points()[i]; p != (Point{X: 1.5, Y: -2, Label: 1}) {
		t.Errorf("added %+v", p)
	}
	checkConsistent(t, s)
	if err := s.MovePoint(3, Min, Max); err != nil {
		t.Fatal(err)
	}
	if p := s.Points()[3]; p.X != Min || p.Y != Max {
		t.Errorf("moved point at (%g, %g)", p.X, p.Y)
	}
	checkConsistent(t, s)
	if err := s.SetLabel(3, 1-s.Points()[3].Label); err != nil {
		t.Fatal(err)
	}
	checkConsistent(t, s)
	deleted := s.Points()[4]
	next := s.Points()[5]
	if err := s.DeletePoint(4); err != nil {
		t.Fatal(err)
	}
	if len(s.Points()) != n || s.Points()[4] != next || slices.Contains(s.Points(), deleted) {
		t.Errorf("DeletePoint(4) did not remove the point and shift the rest")
	}
	checkConsistent(t, s)
	if err := s.DeletePoint(len(s.Points()) - 1); err != nil {
		t.Fatal(err)
	}
	checkConsistent(t, s)

	if !slices.Equal(s.Network().Params(), params) || s.Epoch() != 10 {
		t.Errorf("edits touched the weights or the epoch")
	}
	if s.Settings().Dataset != Custom {
		t.Errorf("dataset %q after edits, want custom", s.Settings().Dataset)
	}
	if !s.CanUndo() {
		t.Errorf("edits dropped the pending undo")
	}
	if s.Version() == v {
		t.Errorf("edits did not change Version")
	}
	// The edited data trains.
	mustStep(t, s, 5)
}

func TestEditsRefuse(t *testing.T) {
	tests := []struct {
		name string
		edit func(s *Session) error
		want string
	}{
		{"add outside", func(s *Session) error { _, err := s.AddPoint(6.5, 0, 1); return err }, "point (6.5, 0) is outside the plane [-6, 6]²"},
		{"add NaN", func(s *Session) error { _, err := s.AddPoint(math.NaN(), 0, 1); return err }, "point (NaN, 0) is outside the plane"},
		{"add label", func(s *Session) error { _, err := s.AddPoint(0, 0, 0.5); return err }, "label must be 0 or 1 for classification, got 0.5"},
		{"add beyond max", func(s *Session) error {
			for len(s.Points()) < MaxPoints {
				if _, err := s.AddPoint(0, 0, 1); err != nil {
					return err
				}
			}
			_, err := s.AddPoint(0, 0, 1)
			return err
		}, "at most 2000 points: delete some first"},
		{"move outside", func(s *Session) error { return s.MovePoint(0, 0, -7) }, "point (0, -7) is outside the plane"},
		{"move bad index", func(s *Session) error { return s.MovePoint(250, 0, 0) }, "no point 250: there are 250 points"},
		{"delete bad index", func(s *Session) error { return s.DeletePoint(-1) }, "no point -1: there are 250 points"},
		{"label", func(s *Session) error { return s.SetLabel(0, 2) }, "label must be 0 or 1 for classification, got 2"},
		{"label index", func(s *Session) error { return s.SetLabel(300, 1) }, "no point 300"},
		{"setData too many", func(s *Session) error { return s.SetData(make([]Point, MaxPoints+1)) }, "at most 2000 points, got 2001"},
		{"setData outside", func(s *Session) error {
			return s.SetData([]Point{{0, 0, 1, false}, {0, 9, 1, false}})
		}, "points[1]: point (0, 9) is outside the plane"},
		{"setData label", func(s *Session) error { return s.SetData([]Point{{0, 0, -1, false}}) }, "points[0]: label must be 0 or 1"},
		{"undo nothing", func(s *Session) error { return s.Undo() }, "nothing to undo"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newSession(t, nil)
			before := stateOf(s)
			err := tt.edit(s)
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Fatalf("error %v, want %q", err, tt.want)
			}
			if tt.name == "add beyond max" {
				if len(s.Points()) != MaxPoints {
					t.Errorf("%d points, want %d", len(s.Points()), MaxPoints)
				}
				return
			}
			if after := stateOf(s); !reflect.DeepEqual(after, before) {
				t.Errorf("a refused edit changed the session")
			}
		})
	}
}

func TestRegressionLabels(t *testing.T) {
	s := newSession(t, func(st *Settings) { st.Problem, st.Dataset = Regression, "gauss-multi" })
	if _, err := s.AddPoint(0, 0, -3.25); err != nil {
		t.Errorf("regression label -3.25 refused: %v", err)
	}
	if err := s.SetLabel(0, math.Inf(-1)); err == nil || !strings.Contains(err.Error(), "label must be a finite number for regression, got -Inf") {
		t.Errorf("SetLabel(-Inf) error %v", err)
	}
	checkConsistent(t, s)
}

func TestSetData(t *testing.T) {
	s := newSession(t, nil)
	mustStep(t, s, 10)
	before := stateOf(s)
	pts := []Point{{X: -1, Y: 2, Label: 1}, {X: 3, Y: -4, Label: 0, Test: true}, {X: 6, Y: -6, Label: 1}}
	given := slices.Clone(pts)
	if err := s.SetData(pts); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(pts, given) {
		t.Errorf("SetData modified its argument")
	}
	pts[0].X = 5 // the session keeps its own copy
	if got := s.Points(); !slices.Equal(got, []Point{{-1, 2, 1, false}, {3, -4, 0, true}, {6, -6, 1, false}}) {
		t.Errorf("points %v, not exactly as given", got)
	}
	if s.Settings().Dataset != Custom || !s.CanUndo() || !slices.Equal(s.Network().Params(), before.Params) {
		t.Errorf("SetData: dataset %q, can undo %v, weights kept %v", s.Settings().Dataset, s.CanUndo(),
			slices.Equal(s.Network().Params(), before.Params))
	}
	checkConsistent(t, s)
	if err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(s.Points(), before.Points) || s.Settings().Dataset != "circle" {
		t.Errorf("Undo did not restore the generated data")
	}
	// Empty data is allowed; training then refuses.
	if err := s.SetData(nil); err != nil {
		t.Fatal(err)
	}
	s.SetRunning(true)
	if _, err := s.Step(1); !errors.Is(err, ErrNoTrainingPoints) || s.Running() {
		t.Errorf("Step on no data: %v, running %v; want ErrNoTrainingPoints, paused", err, s.Running())
	}
	m := s.Metrics()
	if m.HasTrain || m.HasTest || !math.IsNaN(m.TrainLoss) {
		t.Errorf("metrics of no data %+v", m)
	}
}

func TestRegenerate(t *testing.T) {
	s := newSession(t, func(st *Settings) { st.DataSeed = math.MaxUint32 })
	before := s.Points()[0]
	if err := s.Regenerate(); err != nil {
		t.Fatal(err)
	}
	if got := s.Settings().DataSeed; got != 0 {
		t.Errorf("dataSeed %d after regenerating from 2³²−1, want 0", got)
	}
	if s.Points()[0] == before {
		t.Errorf("regenerate kept the points")
	}
	// Regenerate from custom data uses the last generator.
	if err := s.MovePoint(0, 0, 0); err != nil {
		t.Fatal(err)
	}
	if err := s.Regenerate(); err != nil {
		t.Fatal(err)
	}
	if st := s.Settings(); st.Dataset != "circle" || st.DataSeed != 1 {
		t.Errorf("regenerated custom data as %q seed %d, want circle seed 1", st.Dataset, st.DataSeed)
	}
	// Undo goes back to the edited data, then to the data before the edit.
	if err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	if s.Settings().Dataset != Custom || s.Points()[0].X != 0 {
		t.Errorf("Undo did not restore the edited data")
	}
	if err := s.Undo(); err != nil || s.Points()[0].X == 0 || s.Settings().Dataset != "circle" {
		t.Errorf("a second Undo did not restore the data before the move: %v", err)
	}
	checkConsistent(t, s)
}

func TestStepNoTrainingPoints(t *testing.T) {
	s := newSession(t, nil)
	pts := slices.Clone(s.Points())
	for i := range pts {
		pts[i].Test = true
	}
	if err := s.SetData(pts); err != nil {
		t.Fatal(err)
	}
	s.SetRunning(true)
	n, err := s.Step(5)
	if n != 0 || err == nil || err.Error() != "no training points: add some or lower the test ratio" {
		t.Errorf("Step = %d, %v", n, err)
	}
	if s.Running() {
		t.Errorf("still running")
	}
}

func TestStepDeterministic(t *testing.T) {
	a := newSession(t, nil)
	b := newSession(t, nil)
	mustStep(t, a, 30)
	for range 3 {
		mustStep(t, b, 10)
	}
	if !slices.Equal(a.Network().Params(), b.Network().Params()) {
		t.Fatalf("30 epochs at once differ from 3×10")
	}
	want := slices.Clone(a.Network().Params())
	a.Reset()
	if a.Epoch() != 0 {
		t.Errorf("epoch %d after Reset", a.Epoch())
	}
	mustStep(t, a, 30)
	if !slices.Equal(a.Network().Params(), want) {
		t.Errorf("the run after Reset differs from the first")
	}
	if a.Epoch() != 30 {
		t.Errorf("epoch %d, want 30", a.Epoch())
	}
}

func TestStepDiverges(t *testing.T) {
	tests := []struct {
		name string
		edit func(*Settings)
		want string
	}{
		{"learning rate", func(st *Settings) {
			st.Problem, st.Dataset, st.Activation, st.Hidden = Regression, "plane", "relu", []int{8, 8}
			st.LearningRate, st.BatchSize = 10, 1
		}, "learning rate 10 is too high; lower it and press reset"},
		{"regularization", func(st *Settings) {
			st.Problem, st.Dataset, st.Activation = Regression, "plane", "linear"
			st.LearningRate, st.Regularization, st.RegularizationRate = 1, "l2", 10
		}, "regularization rate 10 is too high for learning rate 1; lower one of them and press reset"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newSession(t, tt.edit)
			s.SetRunning(true)
			var err error
			for k := 0; k < 1000 && err == nil; k++ {
				good := slices.Clone(s.Network().Params())
				epoch := s.Epoch()
				var n int
				n, err = s.Step(1)
				if err != nil {
					if n != 0 || s.Epoch() != epoch {
						t.Errorf("diverging Step = %d, epoch %d; want 0, %d", n, s.Epoch(), epoch)
					}
					if !slices.Equal(s.Network().Params(), good) {
						t.Errorf("the weights are not the last good ones")
					}
					wantMsg := "diverged at epoch " + FormatNumber(float64(epoch+1)) + ": " + tt.want
					if s.Err() != wantMsg || err.Error() != wantMsg {
						t.Errorf("Err() = %q, error %v, want %q", s.Err(), err, wantMsg)
					}
				}
			}
			if err == nil {
				t.Fatal("training did not diverge")
			}
			if s.Running() {
				t.Errorf("still running after divergence")
			}
			m := s.Metrics()
			if math.IsNaN(m.TrainLoss) || math.IsInf(m.TrainLoss, 0) {
				t.Errorf("loss %g after divergence, want the last good finite loss", m.TrainLoss)
			}
			s.Reset()
			if s.Err() != "" || s.Epoch() != 0 {
				t.Errorf("Reset kept err %q epoch %d", s.Err(), s.Epoch())
			}
		})
	}
}

// TestStepNonFiniteBeforeTraining: when the training loss is not finite before any step
// (a regression label too large to square), Step refuses and says so; it does not blame the
// learning rate, which no value of could fix.
func TestStepNonFiniteBeforeTraining(t *testing.T) {
	s := newSession(t, func(st *Settings) { st.Problem, st.Dataset = Regression, "plane" })
	if err := s.SetData([]Point{{1, 1, 1e200, false}, {2, -1, 0.5, false}}); err != nil {
		t.Fatal(err)
	}
	params := slices.Clone(s.Network().Params())
	n, err := s.Step(1)
	if err == nil || n != 0 {
		t.Fatalf("Step = %d, %v; want 0 and an error", n, err)
	}
	want := "cannot train: the training loss is not finite before any step; a label as large as 1e+200 is too large (keep labels within ±1e+150)"
	if s.Err() != want || err.Error() != want {
		t.Errorf("Err() = %q, error %v; want %q", s.Err(), err, want)
	}
	if !slices.Equal(s.Network().Params(), params) || s.Running() {
		t.Errorf("weights changed or still running after the refusal")
	}
}

// TestLossFiniteBound checks the cheap bound against evaluating the loss.
func TestLossFiniteBound(t *testing.T) {
	s := newSession(t, func(st *Settings) {
		st.Problem, st.Dataset, st.Activation, st.Hidden = Regression, "plane", "relu", []int{3, 3}
	})
	p := s.Network().Params()
	if !s.lossFinite() {
		t.Fatal("fresh network judged non-finite")
	}
	for i := range p {
		p[i] = 1e80 // each layer multiplies the bound by about 1e80
	}
	if s.lossFinite() {
		t.Error("weights of 1e80 through three layers judged finite")
	}
	for i := range p {
		p[i] = 1e30 // large, but the loss is finite: the bound is exceeded, evaluation decides
	}
	if !s.lossFinite() {
		t.Error("weights of 1e30 judged non-finite")
	}
	p[0] = math.NaN()
	if s.lossFinite() {
		t.Error("a NaN weight judged finite")
	}
}

func TestMetricsAndPredict(t *testing.T) {
	s := newSession(t, func(st *Settings) { st.Features = []string{"x1", "x2", "x1*x2", "sin(x2)"} })
	mustStep(t, s, 50)
	m := s.Metrics()
	wantTrain, wantTrainAcc := s.Network().Evaluate(s.data, s.train)
	wantTest, wantTestAcc := s.Network().Evaluate(s.data, s.test)
	if m.TrainLoss != wantTrain || m.TestLoss != wantTest || m.TrainAccuracy != wantTrainAcc || m.TestAccuracy != wantTestAcc ||
		!m.HasTrain || !m.HasTest || !m.HasAccuracy {
		t.Errorf("Metrics %+v", m)
	}
	// Predict applies the features: compare with a by-hand forward pass.
	for _, pt := range [][2]float64{{0, 0}, {1.5, -2}, {-6, 6}} {
		x, y := pt[0], pt[1]
		in := []float64{x, y, x * y, math.Sin(y)}
		want := s.Network().Forward(in)[0]
		if got := s.Predict(x, y); got != want {
			t.Errorf("Predict(%g, %g) = %g, want %g", x, y, got, want)
		}
	}
	// The loss by hand.
	sum := 0.0
	for _, p := range s.Points() {
		if !p.Test {
			e := s.Predict(p.X, p.Y) - p.Label
			sum += e * e
		}
	}
	if want := sum / float64(len(s.train)); math.Abs(m.TrainLoss-want) > 1e-12*want {
		t.Errorf("TrainLoss %g, by hand %g", m.TrainLoss, want)
	}
}

func TestRecord(t *testing.T) {
	s := newSession(t, nil)
	for range 5 {
		mustStep(t, s, 7)
		s.Record()
	}
	s.Record() // paused: the same epoch again updates the last sample
	if s.History().Len() != 5 {
		t.Fatalf("history of %d samples, want 5", s.History().Len())
	}
	m := s.Metrics()
	e, tr, te := s.History().At(4)
	if e != 35 || tr != m.TrainLoss || te != m.TestLoss {
		t.Errorf("last sample %d %g %g, want 35 %g %g", e, tr, te, m.TrainLoss, m.TestLoss)
	}
}

func TestAllocs(t *testing.T) {
	s := newSession(t, nil)
	clock := fakeClock(10 * time.Microsecond)
	tests := []struct {
		name string
		f    func()
	}{
		{"Step", func() { mustStep(t, s, 2) }},
		{"Metrics", func() { s.Metrics() }},
		{"Predict", func() { s.Predict(1, 2) }},
		{"Record", func() { mustStep(t, s, 1); s.Record() }},
		{"TrainFor", func() { s.TrainFor(100*time.Microsecond, 20, clock) }},
	}
	for _, tt := range tests {
		if a := testing.AllocsPerRun(50, tt.f); a != 0 {
			t.Errorf("%s allocates %g times per call, want 0", tt.name, a)
		}
	}
}

func TestVersion(t *testing.T) {
	tests := []struct {
		name string
		op   func(s *Session)
		bump bool
	}{
		{"Step", func(s *Session) { s.Step(3) }, false},
		{"Metrics and Record", func(s *Session) { s.Metrics(); s.Record() }, false},
		{"play", func(s *Session) { s.SetRunning(true) }, true},
		{"pause when paused", func(s *Session) { s.SetRunning(false) }, false},
		{"Reset", func(s *Session) { s.Reset() }, true},
		{"Configure", func(s *Session) { s.Configure(patch(`{"learningRate": 1.0}`)) }, true},
		{"refused Configure", func(s *Session) { s.Configure(patch(`{"learningRate": 1.0, "layers": [3, 4, 1]}`)) }, false},
		{"AddPoint", func(s *Session) { s.AddPoint(0, 0, 1) }, true},
		{"MovePoint", func(s *Session) { s.MovePoint(0, 0, 0) }, true},
		{"SetLabel", func(s *Session) { s.SetLabel(0, 1) }, true},
		{"DeletePoint", func(s *Session) { s.DeletePoint(0) }, true},
		{"SetData", func(s *Session) { s.SetData(nil) }, true},
		{"Regenerate", func(s *Session) { s.Regenerate() }, true},
		{"LoadModel", func(s *Session) { s.LoadModel(s.Model()) }, true},
	}
	for _, tt := range tests {
		s := newSession(t, nil)
		v := s.Version()
		tt.op(s)
		if got := s.Version() != v; got != tt.bump {
			t.Errorf("%s: Version changed %v, want %v", tt.name, got, tt.bump)
		}
	}
}

func mustStep(t testing.TB, s *Session, n int) {
	t.Helper()
	if got, err := s.Step(n); err != nil || got != n {
		t.Fatalf("Step(%d) = %d, %v", n, got, err)
	}
}

// patch parses a JSON object of settings, panicking if ParsePatch refuses it (the tests'
// patches are known to be valid).
func patch(text string) Patch {
	p, err := ParsePatch([]byte(text))
	if err != nil {
		panic("ParsePatch(" + text + "): " + err.Error())
	}
	return p
}

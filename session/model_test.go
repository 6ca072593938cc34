package session

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	"nnplay/nn"
)

// modelOf returns the model of a network of the given shape and activations with random
// weights, over the first features.
func modelOf(t *testing.T, layers []int, hidden, output nn.Activation) nn.Model {
	t.Helper()
	net, err := nn.New(layers, hidden, output, rand.New(rand.NewPCG(1, 2)))
	if err != nil {
		t.Fatal(err)
	}
	fs := []nn.Feature{nn.X1, nn.X2, nn.X1Squared, nn.X2Squared, nn.X1TimesX2, nn.SinX1, nn.SinX2}[:layers[0]]
	return nn.NewModel(net, fs)
}

func TestModelRoundTrip(t *testing.T) {
	src := newSession(t, func(st *Settings) {
		st.Features, st.Hidden, st.Activation = []string{"x1", "x2", "x1*x2"}, []int{5, 3}, "tanh"
	})
	mustStep(t, src, 40)
	data, err := nn.EncodeModel(src.Model())
	if err != nil {
		t.Fatal(err)
	}
	m, err := nn.DecodeModel(data)
	if err != nil {
		t.Fatal(err)
	}

	dst := newSession(t, func(st *Settings) { st.LearningRate, st.Dataset = 0.5, "xor" })
	mustStep(t, dst, 10)
	dst.Record()
	dst.SetRunning(true)
	pts := slices.Clone(dst.Points())
	if err := dst.LoadModel(m); err != nil {
		t.Fatal(err)
	}
	st := dst.Settings()
	if !slices.Equal(st.Features, []string{"x1", "x2", "x1*x2"}) || !slices.Equal(st.Hidden, []int{5, 3}) || st.Activation != "tanh" {
		t.Errorf("loaded settings %+v", st)
	}
	if st.LearningRate != 0.5 || st.Dataset != "xor" || !slices.Equal(dst.Points(), pts) {
		t.Errorf("LoadModel changed the data or training settings")
	}
	if dst.Epoch() != 0 || dst.Running() || dst.History().Len() != 0 {
		t.Errorf("after LoadModel: epoch %d running %v history %d", dst.Epoch(), dst.Running(), dst.History().Len())
	}
	for _, p := range [][2]float64{{0, 0}, {2, -3}, {-5.5, 4}} {
		if a, b := src.Predict(p[0], p[1]), dst.Predict(p[0], p[1]); a != b {
			t.Errorf("Predict(%v) = %g after loading, %g in the source", p, b, a)
		}
	}
	if !reflect.DeepEqual(dst.Model(), src.Model()) {
		t.Errorf("the loaded model reads back differently")
	}
	checkConsistent(t, dst)
	mustStep(t, dst, 5)
}

func TestLoadModelProblem(t *testing.T) {
	// A regression model on classification data: labels 0/1 fit regression too.
	s := newSession(t, nil)
	if err := s.LoadModel(modelOf(t, []int{2, 3, 1}, nn.Tanh, nn.Linear)); err != nil {
		t.Fatal(err)
	}
	if st := s.Settings(); st.Problem != Regression || st.Dataset != Custom {
		t.Errorf("problem %q dataset %q, want regression on custom data", st.Problem, st.Dataset)
	}
	if s.Metrics().HasAccuracy {
		t.Errorf("regression reports accuracy")
	}
	// A classification model on regression data whose labels are not 0/1: refused.
	r := newSession(t, func(st *Settings) { st.Problem, st.Dataset = Regression, "plane" })
	before := stateOf(r)
	err := r.LoadModel(modelOf(t, []int{2, 3, 1}, nn.Tanh, nn.Sigmoid))
	if err == nil || !strings.Contains(err.Error(), "switch the problem to classification first") {
		t.Errorf("error %v", err)
	}
	if !reflect.DeepEqual(stateOf(r), before) {
		t.Errorf("a refused LoadModel changed the session")
	}
}

func TestLoadModelRefuses(t *testing.T) {
	bad := modelOf(t, []int{2, 2, 1}, nn.Sigmoid, nn.Sigmoid)
	bad.Weights[0][1] = []float64{1, 2, 3}
	tests := []struct {
		name string
		m    nn.Model
		want string
	}{
		{"seven hidden layers", modelOf(t, []int{2, 1, 1, 1, 1, 1, 1, 1, 1}, nn.Sigmoid, nn.Sigmoid), "model has 7 hidden layers; the playground shows at most 6"},
		{"nine nodes", modelOf(t, []int{2, 4, 9, 1}, nn.Sigmoid, nn.Sigmoid), "model's layer 2 has 9 nodes; the playground shows at most 8 in a hidden layer"},
		{"two outputs", modelOf(t, []int{2, 4, 2}, nn.Sigmoid, nn.Sigmoid), "model has 2 outputs; the playground shows exactly 1"},
		{"inconsistent", bad, "model: weights[0][1]: has 3 entries, want 2"},
		{"empty", nn.Model{}, "model: format"},
	}
	for _, tt := range tests {
		s := newSession(t, nil)
		mustStep(t, s, 3)
		before := stateOf(s)
		err := s.LoadModel(tt.m)
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want %q", tt.name, err, tt.want)
		}
		if !reflect.DeepEqual(stateOf(s), before) {
			t.Errorf("%s: a refused LoadModel changed the session", tt.name)
		}
	}
}

// TestProblemFollowsOutput: whatever changes the problem (a setting, a loaded model, undo
// and redo of either), Problem names the problem of the network's output activation, which
// the view reads it for.
func TestProblemFollowsOutput(t *testing.T) {
	s := newSession(t, nil)
	steps := []struct {
		name string
		do   func() error
		want string
	}{
		{"regression model loaded", func() error { return s.LoadModel(modelOf(t, []int{2, 3, 1}, nn.Tanh, nn.Linear)) }, Regression},
		{"load undone", s.Undo, Classification},
		{"load redone", s.Redo, Regression},
		{"classification set", func() error { return s.Configure(patch(`{"problem": "classification"}`)) }, Classification},
		{"setting undone", s.Undo, Regression},
		{"regression set from classification", func() error {
			if err := s.Configure(patch(`{"problem": "classification"}`)); err != nil {
				return err
			}
			return s.Configure(patch(`{"problem": "regression"}`))
		}, Regression},
	}
	for _, st := range steps {
		if err := st.do(); err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		if got, out := s.Problem(), s.Network().Output(); got != st.want || problemOf(out) != got {
			t.Errorf("%s: Problem %q, output %v; want %q with its output %v", st.name, got, out, st.want, outputOf(st.want))
		}
	}
}

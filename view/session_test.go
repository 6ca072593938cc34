package view

import (
	"testing"

	"nnplay/session"
)

// newSession returns a session from the default settings changed by p.
func newSession(t testing.TB, p session.Patch) *session.Session {
	t.Helper()
	s, err := session.New(session.DefaultSettings())
	if err != nil {
		t.Fatalf("session.New: %v", err)
	}
	if err := s.Configure(p); err != nil {
		t.Fatalf("Configure(%+v): %v", p, err)
	}
	return s
}

func ptr[T any](v T) *T { return &v }

// Sessions of several shapes for the tests of the pictures.
var shapes = []struct {
	name  string
	patch session.Patch
}{
	{"default 2-4-1", session.Patch{}},
	{"no hidden layer", session.Patch{Layers: []float64{2, 1}}},
	{"all features, 3 layers of 8", session.Patch{
		Features: []string{"x1", "x2", "x1^2", "x2^2", "x1*x2", "sin(x1)", "sin(x2)"},
		Layers:   []float64{7, 8, 8, 8, 1},
	}},
	{"six hidden layers, tanh", session.Patch{Layers: []float64{2, 3, 1, 5, 8, 2, 6, 1}, Activation: ptr("tanh")}},
	{"regression, relu", session.Patch{Problem: ptr(session.Regression), Activation: ptr("relu")}},
	{"tanh, squares and sines", session.Patch{
		Features: []string{"x1^2", "sin(x2)", "x2", "sin(x1)"}, Layers: []float64{4, 6, 3, 1}, Activation: ptr("tanh"),
	}},
	{"linear, regression, no hidden layer", session.Patch{Problem: ptr(session.Regression), Activation: ptr("linear"), Layers: []float64{2, 1}}},
}

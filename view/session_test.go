package view

import (
	"fmt"
	"testing"

	"nnplay/session"
)

// newSession returns a session from the default settings changed by p.
func newSession(t testing.TB, p session.Patch) *session.Session {
	t.Helper()
	s, err := session.New(session.ClassicSettings())
	if err != nil {
		t.Fatalf("session.New: %v", err)
	}
	if err := s.Configure(p); err != nil {
		t.Fatalf("Configure(%+v): %v", p, err)
	}
	return s
}

// patch parses a JSON object of settings, panicking if ParsePatch refuses it (the tests'
// fixtures are known to be valid).
func patch(text string) session.Patch {
	p, err := session.ParsePatch([]byte(text))
	if err != nil {
		panic(fmt.Sprintf("ParsePatch(%s): %v", text, err))
	}
	return p
}

// Sessions of several shapes for the tests of the pictures.
var shapes = []struct {
	name  string
	patch session.Patch
}{
	{"default 2-4-1", session.Patch{}},
	{"no hidden layer", patch(`{"layers": [2, 1]}`)},
	{"all features, 3 layers of 8", patch(`{"features": ["x1", "x2", "x1^2", "x2^2", "x1*x2", "sin(x1)", "sin(x2)"], "layers": [7, 8, 8, 8, 1]}`)},
	{"six hidden layers, tanh", patch(`{"layers": [2, 3, 1, 5, 8, 2, 6, 1], "activation": "tanh"}`)},
	{"regression, relu", patch(`{"problem": "regression", "activation": "relu"}`)},
	{"tanh, squares and sines", patch(`{"features": ["x1^2", "sin(x2)", "x2", "sin(x1)"], "layers": [4, 6, 3, 1], "activation": "tanh"}`)},
	{"linear, regression, no hidden layer", patch(`{"problem": "regression", "activation": "linear", "layers": [2, 1]}`)},
}

package session

import (
	"reflect"
	"strings"
	"testing"
)

// TestLinkRoundTrip: a link read back into a session with the default settings gives the
// settings it was written from.
func TestLinkRoundTrip(t *testing.T) {
	tests := []struct {
		name string
		edit func(*Settings)
	}{
		{"defaults", func(*Settings) {}},
		{"xor, features, deep tanh", func(s *Settings) {
			s.Dataset, s.Noise, s.NumPoints, s.TestRatio, s.DataSeed = "xor", 0.35, 1234, 0.25, 7
			s.Features = []string{"x1", "x2", "x1^2", "x2^2", "x1*x2", "sin(x1)", "sin(x2)"}
			s.Hidden, s.Activation, s.Seed = []int{8, 8, 3}, "tanh", 4294967295
			s.LearningRate, s.BatchSize, s.Regularization, s.RegularizationRate, s.Speed = 0.00001, 2000, "l2", 0.003, 0
		}},
		{"regression, no hidden layer", func(s *Settings) {
			s.Problem, s.Dataset, s.Hidden, s.Activation, s.Features = "regression", "gauss-multi", []int{}, "relu", []string{"x2"}
			s.LearningRate, s.Regularization, s.RegularizationRate, s.Speed = 10, "l1", 10, 1000000
		}},
	}
	for _, tc := range tests {
		want := DefaultSettings()
		tc.edit(&want)
		link := want.Link()
		p, err := ParseLink("#" + link)
		if err != nil {
			t.Errorf("%s: ParseLink(%q): %v", tc.name, link, err)
			continue
		}
		s := newSession(t, nil)
		if err := s.Configure(p); err != nil {
			t.Errorf("%s: configuring from %q: %v", tc.name, link, err)
			continue
		}
		got := s.Settings()
		if len(got.Hidden) == 0 && len(want.Hidden) == 0 {
			got.Hidden, want.Hidden = nil, nil // no hidden layer, however written
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: link %q gives\n %+v\nwant %+v", tc.name, link, got, want)
		}
	}
}

// TestLinkShape: a link is readable (names as the API's, lists comma-separated, names
// escaped) and leaves hand-made data out.
func TestLinkShape(t *testing.T) {
	s := DefaultSettings()
	s.Features = []string{"x1", "x1*x2"}
	want := "dataset=circle&problem=classification&noise=0&numPoints=250&testRatio=0.5&dataSeed=1&" +
		"features=x1,x1%2Ax2&layers=2,4,1&activation=sigmoid&seed=1&learningRate=0.03&batchSize=10&" +
		"regularization=none&regularizationRate=0&speed=500"
	if got := s.Link(); got != want {
		t.Errorf("Link() =\n %s\nwant\n %s", got, want)
	}
	s.Dataset = Custom
	if got := s.Link(); strings.Contains(got, "dataset") || !strings.HasPrefix(got, "problem=") {
		t.Errorf("custom data: Link() = %s, want no dataset", got)
	}
	s.Speed, s.LearningRate = 1e6, 1e-5
	if got := s.Link(); !strings.Contains(got, "speed=1000000") || !strings.Contains(got, "learningRate=0.00001") {
		t.Errorf("Link() = %s, want speed=1000000 and learningRate=0.00001 (no exponent to escape)", got)
	}
}

// TestParseLinkRejects: a malformed link is refused with a message naming the setting at
// fault, before anything changes.
func TestParseLinkRejects(t *testing.T) {
	tests := []struct{ link, want string }{
		{"learningRate=abc", `learningRate: "abc" is not a number`},
		{"learningRate=NaN", `learningRate: "NaN" is not a number`},
		{"learningRate=0x10", `learningRate: "0x10" is not a number`},
		{"learningRate=", `learningRate: "" is not a number`},
		{"learningRate=%201", `learningRate: " 1" is not a number`},
		{"learningRate=20", "learningRate must be a finite number in (0, 10], got 20"},
		{"learningRate=1e999", `learningRate: "1e999" is not a number`},
		{"learningRate", `"learningRate" has no value (want name=value)`},
		{"colour=red", `unknown setting "colour"`},
		{"seed=1&seed=2", "seed is given twice"},
		{"layers=2,x,1", `layers: "x" is not a number`},
		{"layers=2,4.5,1", "layers"},
		{"features=x1,%zz", `features: "%zz" is not properly escaped`},
		{"activation=softmax", "activation"},
		{"numPoints=5000", "numPoints"},
		{"seed=-1", "seed"},
	}
	for _, tc := range tests {
		p, err := ParseLink(tc.link)
		if err == nil {
			t.Errorf("ParseLink(%q) = %+v, want an error", tc.link, p)
			continue
		}
		if !strings.Contains(err.Error(), tc.want) {
			t.Errorf("ParseLink(%q): %q, want it to say %q", tc.link, err, tc.want)
		}
	}
	for _, empty := range []string{"", "#", "&&"} {
		if p, err := ParseLink(empty); err != nil || !reflect.DeepEqual(p, Patch{}) {
			t.Errorf("ParseLink(%q) = %+v, %v; want the empty patch", empty, p, err)
		}
	}
}

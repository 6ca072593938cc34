package session

import (
	"reflect"
	"testing"
)

// FuzzConfigure feeds JSON settings through ParsePatch and Configure: nothing panics, a
// refusal changes nothing, and an accepted patch leaves valid settings, a network of their
// shape and data in step.
func FuzzConfigure(f *testing.F) {
	for _, seed := range []string{
		`{}`,
		`{"learningRate": 0.3, "batchSize": 1}`,
		`{"layers": [3, 8, 8, 1], "features": ["x1", "x2", "x1*x2"]}`,
		`{"features": ["sin(x1)"]}`,
		`{"problem": "regression"}`,
		`{"problem": "regression", "dataset": "gauss-multi", "noise": 0.5}`,
		`{"dataset": "plane"}`,
		`{"dataset": "custom"}`,
		`{"testRatio": 0.9, "numPoints": 1}`,
		`{"seed": 4294967295, "dataSeed": 0, "speed": 0}`,
		`{"layers": [2, 1]}`,
		`{"activation": "relu", "regularization": "l1", "regularizationRate": 10}`,
		`{"batchSize": 1e400}`,
		`{"layers": [2, null, 1]}`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		s, ok := configured(t, ParsePatch, data)
		if !ok {
			return
		}
		st := s.Settings()
		if err := st.Validate(); err != nil {
			t.Fatalf("accepted %s into invalid settings: %v", data, err)
		}
		if got := s.Network().Layers(); !reflect.DeepEqual(got, st.Layers()) {
			t.Fatalf("layers %v, settings say %v", got, st.Layers())
		}
		checkConsistent(t, s)
		if len(s.train) > 0 {
			mustStep(t, s, 1)
			if err := s.StepBatch(); err != nil && s.Err() == "" {
				t.Fatalf("StepBatch after %s: %v", data, err)
			}
		}
		checkMath(t, s)
	})
}

// checkMath takes the chain rule of the first and the last weight layer's first weight on
// the first point: refused never, and where defined the gradient agrees with the finite
// difference.
func checkMath(t *testing.T, s *Session) {
	t.Helper()
	if len(s.Points()) == 0 {
		return
	}
	var m PointMath
	for _, p := range []Param{{}, s.DefaultParam()} {
		if err := s.Math(&m, 0, p); err != nil {
			t.Fatalf("Math(0, %+v): %v", p, err)
		}
		if sel := m.Selected; sel.Why == Defined && !(sel.RelativeError < 1e-4) {
			t.Fatalf("Math(0, %+v): gradient %g, finite difference %g", p, sel.Gradient, sel.FiniteDifference)
		}
	}
}

// configured parses input and applies the patch to a new default session. It reports false
// when parse or Configure refuses it, failing the test if Configure's refusal changed the
// session.
func configured[In []byte | string](t *testing.T, parse func(In) (Patch, error), input In) (*Session, bool) {
	t.Helper()
	p, err := parse(input)
	if err != nil {
		return nil, false
	}
	s := newSession(t, nil)
	before := stateOf(s)
	if err := s.Configure(p); err != nil {
		if !reflect.DeepEqual(stateOf(s), before) {
			t.Fatalf("refused %q (%v) but changed the session", input, err)
		}
		return s, false
	}
	return s, true
}

// FuzzParseLink feeds addresses' fragments through ParseLink and Configure: nothing panics,
// a refusal changes nothing, and the link of the settings an accepted link gives reads back
// into the same settings.
func FuzzParseLink(f *testing.F) {
	for _, seed := range []string{
		"",
		"#dataset=xor&layers=2,8,8,1&activation=tanh",
		DefaultSettings().Link(),
		"features=x1,x2,x1%2Ax2&layers=3,4,1",
		"problem=regression&dataset=plane&learningRate=0.00001&speed=1000000",
		"learningRate=abc",
		"seed=1&seed=2",
		"layers=2,,1",
		"features=",
		"noise=%",
		"&&=&",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, link string) {
		s, ok := configured(t, ParseLink, link)
		if !ok {
			return
		}
		st := s.Settings()
		q, err := ParseLink(st.Link())
		if err != nil {
			t.Fatalf("the link %q of accepted settings does not parse: %v", st.Link(), err)
		}
		again := newSession(t, nil)
		if err := again.Configure(q); err != nil {
			t.Fatalf("the link %q of accepted settings is refused: %v", st.Link(), err)
		}
		got := again.Settings()
		if st.Dataset == Custom {
			got.Dataset = Custom // a link leaves hand-made data out
		}
		if len(got.Hidden) == 0 && len(st.Hidden) == 0 {
			got.Hidden, st.Hidden = nil, nil
		}
		if !reflect.DeepEqual(got, st) {
			t.Fatalf("%q gave %+v; its link %q gives %+v", link, st, st.Link(), got)
		}
	})
}

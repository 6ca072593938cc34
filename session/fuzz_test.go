package session

import (
	"reflect"
	"testing"
)

// FuzzConfigure feeds JSON settings through ParsePatch and Configure: nothing panics, a
// refusal changes nothing, and an accepted patch leaves valid settings, a network of their
// shape and data in step. The seed corpus is in testdata/fuzz/FuzzConfigure.
func FuzzConfigure(f *testing.F) {
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
// into the same settings. The seed corpus is in testdata/fuzz/FuzzParseLink.
func FuzzParseLink(f *testing.F) {
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

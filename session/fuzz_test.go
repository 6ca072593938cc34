package session

import (
	"math"
	"reflect"
	"slices"
	"testing"
)

// FuzzConfigure feeds JSON settings through ParsePatch and Configure: nothing panics, a
// refusal changes nothing, and an accepted patch leaves valid settings, a network of their
// shape and data in step. The seed corpus is in testdata/fuzz/FuzzConfigure.
func FuzzConfigure(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		s, ok := configured(t, func(b []byte) (Link, error) {
			p, err := ParsePatch(b)
			return Link{Patch: p}, err
		}, data)
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

// configured parses input and applies it to a new default session. It reports false when
// parse or ApplyLink refuses it, failing the test if ApplyLink's refusal changed the session.
func configured[In []byte | string](t *testing.T, parse func(In) (Link, error), input In) (*Session, bool) {
	t.Helper()
	l, err := parse(input)
	if err != nil {
		return nil, false
	}
	s := newSession(t, nil)
	before := stateOf(s)
	if err := s.ApplyLink(l); err != nil {
		if !reflect.DeepEqual(stateOf(s), before) {
			t.Fatalf("refused %q (%v) but changed the session", input, err)
		}
		return s, false
	}
	return s, true
}

// FuzzParseLink feeds addresses' fragments through ParseLink and ApplyLink: nothing panics,
// a refusal changes nothing, the weights and points an accepted link carries are installed
// bit for bit, and the link of the settings an accepted link gives (settings only, and
// shared with the current weights and the points) reads back into the same settings, and
// the same weights and points to the bit. The seed corpus is in testdata/fuzz/FuzzParseLink.
func FuzzParseLink(f *testing.F) {
	f.Fuzz(func(t *testing.T, link string) {
		s, ok := configured(t, ParseLink, link)
		if !ok {
			return
		}
		l, _ := ParseLink(link)
		if l.Weights != nil && !sameBits(s.Network().Params(), l.Weights) {
			t.Fatalf("%q: the weights are %v, the link carries %v", link, s.Network().Params(), l.Weights)
		}
		if l.Points != nil && !samePoints(s.Points(), l.Points) {
			t.Fatalf("%q: the points are not the %d the link carries", link, len(l.Points))
		}
		for _, sh := range []Share{{Weights: WeightsNone}, {Weights: WeightsCurrent, Data: true}} {
			checkShared(t, s, sh)
		}
	})
}

// checkShared checks that s's link, shared as sh, opened in a new default session gives s's
// settings, and when sh carries them, s's weights and points bit for bit.
func checkShared(t *testing.T, s *Session, sh Share) {
	t.Helper()
	st := s.Settings()
	shared, err := s.ShareLink(sh)
	if err != nil {
		t.Fatalf("ShareLink(%+v): %v", sh, err)
	}
	q, err := ParseLink(shared)
	if err != nil {
		t.Fatalf("the link %q of accepted settings does not parse: %v", shared, err)
	}
	again := newSession(t, nil)
	if err := again.ApplyLink(q); err != nil {
		t.Fatalf("the link %q of accepted settings is refused: %v", shared, err)
	}
	got := again.Settings()
	if st.Dataset == Custom {
		got.Dataset = Custom // a link leaves hand-made data out
	}
	if len(got.Hidden) == 0 && len(st.Hidden) == 0 {
		got.Hidden, st.Hidden = nil, nil
	}
	if !reflect.DeepEqual(got, st) {
		t.Fatalf("%+v; its link %q gives %+v", st, shared, got)
	}
	if sh.Weights == WeightsCurrent && !sameBits(again.Network().Params(), s.Network().Params()) {
		t.Fatalf("the link %q gives the weights %v, want %v", shared, again.Network().Params(), s.Network().Params())
	}
	if sh.Data && !samePoints(again.Points(), s.Points()) {
		t.Fatalf("the link %q does not give the %d points", shared, len(s.Points()))
	}
}

// sameBits reports whether a and b hold the same float64s, bit for bit.
func sameBits(a, b []float64) bool {
	return slices.EqualFunc(a, b, func(x, y float64) bool { return math.Float64bits(x) == math.Float64bits(y) })
}

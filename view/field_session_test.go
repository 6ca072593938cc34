package view

import (
	"math"
	"slices"
	"testing"

	"nnplay/session"
)

// fieldTol is how far the field may differ from Predict (nn.Grid's rounding), relative to the
// magnitude of the value beyond 1.
const fieldTol = 1e-12

// TestRefreshMatchesPredict: the field shows the network's prediction at every cell centre,
// coloured on the problem's scale, for every shape (nn's tests cover the grid's cases).
func TestRefreshMatchesPredict(t *testing.T) {
	type tweak struct {
		name string
		do   func(s *session.Session)
	}
	tweaks := []tweak{
		{"as initialised and trained", func(s *session.Session) { s.Step(20) }},
		{"huge first-layer weights", func(s *session.Session) {
			// Exponents far beyond what can be factored: the evaluator must fall back.
			net := s.Network()
			for j := 0; j < net.Layers()[1]; j++ {
				net.SetWeight(0, j, 0, 300*float64(j+1))
				net.SetBias(0, j, -500)
			}
		}},
	}
	for _, sh := range shapes {
		for _, tw := range tweaks {
			s := newSession(t, sh.patch)
			tw.do(s)
			name := sh.name + ", " + tw.name
			f := NewField(23, 17)
			f.Refresh(s)
			wantLo, wantHi := 0.0, 1.0
			if Regression(s) {
				wantLo, wantHi = RegressionScale(s.Points())
			}
			if f.Lo != wantLo || f.Hi != wantHi {
				t.Errorf("%s: scale [%v, %v], want [%v, %v]", name, f.Lo, f.Hi, wantLo, wantHi)
			}
			for r := 0; r < f.H; r++ {
				for c := 0; c < f.W; c++ {
					k := r*f.W + c
					want := s.Predict(f.CellX(float64(c)), f.CellY(float64(r)))
					if d := math.Abs(f.Values[k] - want); !(d <= fieldTol*math.Max(1, math.Abs(want))) {
						t.Fatalf("%s: cell (%d, %d) = %v, want Predict = %v (off by %v)", name, c, r, f.Values[k], want, d)
					}
					col := FieldColor((f.Values[k] - f.Lo) / (f.Hi - f.Lo))
					if p := f.Pix[4*k:]; p[0] != col.R || p[1] != col.G || p[2] != col.B || p[3] != 255 {
						t.Fatalf("%s: pixel (%d, %d) = %v, want %v", name, c, r, p[:4], col)
					}
				}
			}
		}
	}
}

func TestRegressionScale(t *testing.T) {
	tests := []struct {
		name   string
		pts    []session.Point
		lo, hi float64
	}{
		{"no points", nil, -1, 1},
		{"range", []session.Point{{Label: -0.5}, {Label: 2}, {Label: 0.3}}, -0.5, 2},
		{"one value", []session.Point{{Label: 3}, {Label: 3}}, 2, 4},
	}
	for _, tc := range tests {
		if lo, hi := RegressionScale(tc.pts); lo != tc.lo || hi != tc.hi {
			t.Errorf("%s: [%v, %v], want [%v, %v]", tc.name, lo, hi, tc.lo, tc.hi)
		}
	}
}

func TestRefresh(t *testing.T) {
	s := newSession(t, session.Patch{})
	f := NewField(16, 16)
	steps := []struct {
		name string
		do   func() error
		want bool
	}{
		{"first", func() error { return nil }, true},
		{"unchanged", func() error { return nil }, false},
		{"trained", func() error { _, err := s.Step(1); return err }, true},
		{"point moved (classification)", func() error { return s.MovePoint(0, 1, 1) }, false},
		{"reshaped", func() error { return s.Configure(patch(`{"layers": [2, 3, 1]}`)) }, true},
		{"regression", func() error { return s.Configure(patch(`{"problem": "regression"}`)) }, true},
		{"label changed (regression scale)", func() error { return s.SetLabel(0, 100) }, true},
		{"unchanged again", func() error { return nil }, false},
	}
	for _, st := range steps {
		if err := st.do(); err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		if got := f.Refresh(s); got != st.want {
			t.Errorf("%s: Refresh = %v, want %v", st.name, got, st.want)
		}
	}
}

func TestFieldAllocs(t *testing.T) {
	s := newSession(t, session.Patch{})
	f := NewField(64, 64)
	segs := make([]Segment, 0, 1024)
	f.Refresh(s)
	tests := []struct {
		name string
		run  func()
	}{
		{"Refresh unchanged", func() { f.Refresh(s) }},
		{"Refresh after training", func() { s.Step(1); f.Refresh(s) }},
		{"Refresh after training and Contour", func() { s.Step(1); f.Refresh(s); segs = f.Contour(segs[:0], f.Level()) }},
		{"RefreshRows after training", func() { s.Step(1); f.RefreshRows(s, 32) }},
	}
	for _, tc := range tests {
		if a := testing.AllocsPerRun(5, tc.run); a != 0 {
			t.Errorf("%s allocates %v times per run, want 0", tc.name, a)
		}
	}
}

func benchmarkField(b *testing.B, side int) {
	s := newSession(b, session.Patch{})
	if _, err := s.Step(50); err != nil {
		b.Fatal(err)
	}
	f := NewField(side, side)
	f.Refresh(s) // grow the scratch
	net := s.Network()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		net.SetBias(0, 0, float64(i%100)/100) // a change, so that every row is recomputed
		f.Refresh(s)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(side*side), "ns/pixel")
}

// BenchmarkField256 computes a 256×256 field of the default 2-4-1 network (every row, after a
// change).
func BenchmarkField256(b *testing.B) { benchmarkField(b, 256) }

// BenchmarkFieldBrowser computes the field at the browser's resolution (wasm/draw.go's
// fieldSide), and the contour of it.
func BenchmarkFieldBrowser(b *testing.B) { benchmarkField(b, BrowserFieldSide) }

// BenchmarkContourBrowser traces the 0.5 contour of a field at the browser's resolution.
func BenchmarkContourBrowser(b *testing.B) {
	s := newSession(b, session.Patch{})
	if _, err := s.Step(50); err != nil {
		b.Fatal(err)
	}
	f := NewField(BrowserFieldSide, BrowserFieldSide)
	f.Refresh(s)
	segs := f.Contour(nil, 0.5)
	b.ReportAllocs()
	for b.Loop() {
		segs = f.Contour(segs[:0], 0.5)
	}
}

func TestRefreshRows(t *testing.T) {
	s := newSession(t, session.Patch{})
	f := NewField(20, 15) // odd height: halves of 8 and 7 rows
	ref := NewField(20, 15)
	half := (f.H + 1) / 2
	if !f.RefreshRows(s, half) || f.Current() {
		t.Fatalf("first call: want some rows computed, not all")
	}
	for r := 0; r < f.H; r++ {
		computed := f.rowGen[r] == f.gen
		if computed != (r%2 == 0) {
			t.Errorf("first call: row %d computed = %v, want the even rows", r, computed)
		}
	}
	if !f.RefreshRows(s, half) || !f.Current() {
		t.Fatalf("second call: want the rest computed")
	}
	ref.Refresh(s)
	for k := range f.Values {
		if f.Values[k] != ref.Values[k] || f.Pix[4*k] != ref.Pix[4*k] {
			t.Fatalf("after two calls: value %d = %v, want %v as Refresh", k, f.Values[k], ref.Values[k])
		}
	}
	if f.RefreshRows(s, half) {
		t.Errorf("third call without a change computed rows")
	}
	// Training between every call: no row is ever more than one change behind.
	for i := range 7 {
		if _, err := s.Step(1); err != nil {
			t.Fatal(err)
		}
		f.RefreshRows(s, half)
		for r, g := range f.rowGen {
			if f.gen-g > 1 {
				t.Errorf("call %d: row %d is %d changes behind", i, r, f.gen-g)
			}
		}
	}
	// Paused: two calls make it exact.
	f.RefreshRows(s, half)
	f.RefreshRows(s, half)
	ref.Refresh(s)
	if !f.Current() {
		t.Fatalf("paused: not current after two calls")
	}
	for k := range f.Values {
		if f.Values[k] != ref.Values[k] {
			t.Fatalf("paused: value %d = %v, want %v", k, f.Values[k], ref.Values[k])
		}
	}
}

// BenchmarkFieldFrame is the painter's per-frame field work while training: half the rows of
// the browser's field refreshed, and the contour traced.
func BenchmarkFieldFrame(b *testing.B) {
	s := newSession(b, session.Patch{})
	f := NewField(BrowserFieldSide, BrowserFieldSide)
	segs := make([]Segment, 0, 1024)
	f.Refresh(s)
	net := s.Network()
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		net.SetBias(0, 0, float64(i%100)/100) // a change, as training makes every frame
		f.RefreshRows(s, BrowserFieldSide/2)
		segs = f.Contour(segs[:0], f.Level())
	}
}

// TestFieldDiscrete: a discrete field colours each sample by the class the network predicts
// (its side of the middle level), keeps the exact values, and Refresh recolours when the
// setting changes.
func TestFieldDiscrete(t *testing.T) {
	for _, sh := range []string{"classification", "regression"} {
		p := session.Patch{}
		if sh == "regression" {
			p = patch(`{"problem": "regression"}`)
		}
		s := newSession(t, p)
		s.Step(30)
		f := NewField(31, 29)
		f.Refresh(s)
		exact := slices.Clone(f.Values)
		f.Discrete = true
		if !f.Refresh(s) {
			t.Fatalf("%s: Refresh did nothing after Discrete was set", sh)
		}
		if !slices.Equal(f.Values, exact) {
			t.Errorf("%s: Discrete changed the values", sh)
		}
		below, above := 0, 0
		for k, v := range f.Values {
			want := FieldColor(0)
			if v >= f.Level() {
				want, above = FieldColor(1), above+1
			} else {
				below++
			}
			if p := f.Pix[4*k:]; p[0] != want.R || p[1] != want.G || p[2] != want.B {
				t.Fatalf("%s: sample %d (%v, level %v) coloured %v, want %v", sh, k, v, f.Level(), p[:3], want)
			}
		}
		if below == 0 || above == 0 {
			t.Errorf("%s: %d samples below the level, %d above: the test needs both", sh, below, above)
		}
		f.Discrete = false
		f.Refresh(s)
		if k := len(f.Values) / 2; f.Pix[4*k] != FieldColor((f.Values[k]-f.Lo)/(f.Hi-f.Lo)).R {
			t.Errorf("%s: switching Discrete off did not restore the graded colours", sh)
		}
	}
}

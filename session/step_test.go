package session

import (
	"errors"
	"math"
	"slices"
	"testing"

	"nnplay/nn"
)

func TestStepSample(t *testing.T) {
	for _, reg := range []string{"none", "l1", "l2"} {
		t.Run(reg, func(t *testing.T) {
			s := newSession(t, func(s *Settings) { s.Regularization, s.RegularizationRate = reg, 0.3 })
			s.SetRunning(true)
			i := slices.IndexFunc(s.Points(), func(p Point) bool { return !p.Test })
			// The reference: one Update of nn on the point alone.
			ref := s.Network().Clone()
			in := make([]float64, 2)
			nn.ApplyFeatures(in, s.Features(), s.Points()[i].X, s.Points()[i].Y)
			ref.Forward(in)
			ref.Backward([]float64{s.Points()[i].Label})
			if err := ref.Update(s.cfg, 1); err != nil {
				t.Fatal(err)
			}
			before := slices.Clone(s.Network().Params())
			epoch := s.Epoch()
			if err := s.StepSample(i); err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(s.Network().Params(), ref.Params()) {
				t.Fatalf("StepSample gave %v, one Update on the point gives %v", s.Network().Params(), ref.Params())
			}
			if s.Running() || s.Epoch() != epoch {
				t.Errorf("after StepSample: running %v, epoch %d; want paused at epoch %d", s.Running(), s.Epoch(), epoch)
			}
			for _, p := range []Param{{L: 1, J: 0, I: 2}, {L: 0, J: 1, I: 0}, {Bias: true, L: 0, J: 2}} {
				u, ok := s.LastUpdate(p)
				k := s.index(p)
				if !ok || u.Before != before[k] || u.After != s.Network().Params()[k] {
					t.Fatalf("LastUpdate(%+v) = %+v, %v; want before %g, after %g", p, u, ok, before[k], s.Network().Params()[k])
				}
				reg := 0.0
				if !p.Bias {
					reg = s.cfg.Penalty(u.Before)
				}
				if u.Regularization != reg || (reg != 0) != (s.cfg.Regularization != nn.RegNone && !p.Bias) {
					t.Errorf("%+v: regularization %g, want %g", p, u.Regularization, reg)
				}
				near(t, "w − η·(g + r)", u.Before-s.cfg.LearningRate*(u.Gradient+u.Regularization), u.After, 1e-15)
			}
			if _, err := s.Step(1); err != nil {
				t.Fatal(err)
			}
			if _, ok := s.LastUpdate(s.DefaultParam()); ok {
				t.Error("LastUpdate still shown after training moved on")
			}
		})
	}
}

func TestStepSampleRefuses(t *testing.T) {
	s := newSession(t, nil)
	s.SetRunning(true)
	before := stateOf(s)
	test := slices.IndexFunc(s.Points(), func(p Point) bool { return p.Test })
	for _, i := range []int{test, -1, len(s.Points())} {
		if err := s.StepSample(i); err == nil {
			t.Errorf("StepSample(%d) was not refused", i)
		}
	}
	if !sameState(before, stateOf(s)) {
		t.Fatal("a refused StepSample changed the session")
	}
}

func TestStepBatchWalksAnEpoch(t *testing.T) {
	for _, bs := range []int{10, 7, 1000} {
		s := newSession(t, func(s *Settings) { s.BatchSize = bs })
		ref := newSession(t, func(s *Settings) { s.BatchSize = bs })
		n := len(s.train)
		batches := (n + bs - 1) / bs
		for b := 1; b <= batches; b++ {
			if err := s.StepBatch(); err != nil {
				t.Fatal(err)
			}
			want, wantDone := 0, min(b*bs, n)
			if b == batches {
				want, wantDone = 1, 0
			}
			if done, _ := s.InEpoch(); s.Epoch() != want || done != wantDone {
				t.Fatalf("batch size %d, after batch %d of %d: epoch %d with %d done, want %d with %d",
					bs, b, batches, s.Epoch(), done, want, wantDone)
			}
		}
		if _, err := ref.Step(1); err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(s.Network().Params(), ref.Network().Params()) {
			t.Fatalf("batch size %d: %d StepBatch calls do not give the parameters of one epoch", bs, batches)
		}
		if batches == 1 {
			continue
		}
		// Part of an epoch by hand, then training finishes the same epoch: still as Step.
		if err := s.StepBatch(); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Step(2); err != nil {
			t.Fatal(err)
		}
		if _, err := ref.Step(2); err != nil {
			t.Fatal(err)
		}
		if s.Epoch() != 3 || !slices.Equal(s.Network().Params(), ref.Network().Params()) {
			t.Fatalf("batch size %d: a batch then Step(2) is at epoch %d, or differs from three epochs", bs, s.Epoch())
		}
	}
}

func TestStepBatchNewOrder(t *testing.T) {
	for _, tc := range []struct {
		name string
		edit func(*Session) error
	}{
		{"add", func(s *Session) error { _, err := s.AddPoint(1, 1, 1); return err }},
		{"move", func(s *Session) error { return s.MovePoint(0, 1, 1) }},
		{"delete", func(s *Session) error { return s.DeletePoint(3) }},
		{"label", func(s *Session) error { return s.SetLabel(0, 1) }},
		{"reset", func(s *Session) error { s.Reset(); return nil }},
		{"regenerate", func(s *Session) error { return s.Regenerate() }},
	} {
		s := newSession(t, nil)
		if err := s.StepBatch(); err != nil {
			t.Fatal(err)
		}
		if done, _ := s.InEpoch(); done == 0 {
			t.Fatal("StepBatch did not start an epoch")
		}
		if err := tc.edit(s); err != nil {
			t.Fatal(err)
		}
		if done, total := s.InEpoch(); done != 0 || total != 0 {
			t.Errorf("%s: the epoch goes on at %d of %d, want a new order", tc.name, done, total)
		}
	}
}

func TestStepBatchRefusesAndDiverges(t *testing.T) {
	s := newSession(t, func(s *Settings) { s.TestRatio = 0.9; s.NumPoints = 1 })
	if err := s.StepBatch(); !errors.Is(err, ErrNoTrainingPoints) {
		t.Errorf("StepBatch without training points: %v, want ErrNoTrainingPoints", err)
	}
	s = newSession(t, func(s *Settings) { s.Problem, s.Dataset = Regression, "plane" })
	if err := s.SetWeight(1, 0, 0, 1e300); err != nil {
		t.Fatal(err)
	}
	before := slices.Clone(s.Network().Params())
	i := slices.IndexFunc(s.Points(), func(p Point) bool { return !p.Test })
	err := s.StepSample(i)
	if err == nil || s.Err() == "" || !slices.Equal(before, s.Network().Params()) {
		t.Errorf("a diverging StepSample: %v, Err %q; want an error, Err set and nothing changed", err, s.Err())
	}
	if _, ok := s.LastUpdate(s.DefaultParam()); ok {
		t.Error("a refused step shows an update")
	}
}

func TestMeanGradients(t *testing.T) {
	s := newSession(t, func(s *Settings) { s.BatchSize = MaxPoints })
	g := make([]float64, len(s.Network().Params()))
	if !s.MeanGradients(g) {
		t.Fatal("MeanGradients: false with training points")
	}
	// One full-batch step moves every parameter by −η times the mean gradient.
	before := slices.Clone(s.Network().Params())
	if _, err := s.Step(1); err != nil {
		t.Fatal(err)
	}
	// (before − after)/η loses about 1e-16/η to rounding.
	for k, p := range s.Network().Params() {
		if got := (before[k] - p) / s.cfg.LearningRate; math.Abs(got-g[k]) > 1e-13 {
			t.Errorf("parameter %d: a full-batch step moved it by −η·%g, want −η·%g", k, got, g[k])
		}
	}
	empty := newSession(t, func(s *Settings) { s.TestRatio = 0.9; s.NumPoints = 1 })
	if empty.MeanGradients(make([]float64, len(empty.Network().Params()))) {
		t.Error("MeanGradients: true without training points")
	}
}

func TestMathAllocs(t *testing.T) {
	s := newSession(t, nil)
	var m PointMath
	g := make([]float64, len(s.Network().Params()))
	i := slices.IndexFunc(s.Points(), func(p Point) bool { return !p.Test })
	for _, tc := range []struct {
		name string
		f    func()
	}{
		{"Math", func() { _ = s.Math(&m, i, Param{L: 0, J: 1, I: 1}) }},
		{"MeanGradients", func() { s.MeanGradients(g) }},
		{"StepSample", func() { _ = s.StepSample(i) }},
		{"StepBatch", func() { _ = s.StepBatch() }},
		{"LastUpdate", func() { s.LastUpdate(s.DefaultParam()) }},
	} {
		tc.f()
		if a := testing.AllocsPerRun(50, tc.f); a != 0 {
			t.Errorf("%s: %v allocations, want 0", tc.name, a)
		}
	}
	if math.IsNaN(m.Loss) {
		t.Error("no loss")
	}
}

// BenchmarkMath is one update of the maths panel at 500 points (250 training) on a 2-8-8-1
// network: the followed point's pass, a hidden weight's chain rule and finite difference,
// the training MSE, and the training set's mean gradients for the gradients view.
func BenchmarkMath(b *testing.B) {
	st := ClassicSettings()
	st.NumPoints, st.Hidden = 500, []int{8, 8}
	s, err := New(st)
	if err != nil {
		b.Fatal(err)
	}
	var m PointMath
	g := make([]float64, len(s.Network().Params()))
	b.ReportAllocs()
	for b.Loop() {
		if err := s.Math(&m, 0, Param{L: 0, J: 3, I: 1}); err != nil {
			b.Fatal(err)
		}
		s.MeanGradients(g)
	}
}

// TestStepThenUndoRebuild: after a step on a rebuilt network, undoing the rebuild brings
// back a network of another shape; the step's update no longer shows, and the maths work.
func TestStepThenUndoRebuild(t *testing.T) {
	s := newSession(t, nil)
	patch, err := ParsePatch([]byte(`{"layers":[2,2,1]}`))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Configure(patch); err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(s.Points(), func(p Point) bool { return !p.Test })
	if err := s.StepSample(i); err != nil {
		t.Fatal(err)
	}
	if err := s.StepBatch(); err != nil {
		t.Fatal(err)
	}
	if err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	if got := s.Network().Layers(); !slices.Equal(got, []int{2, 4, 1}) {
		t.Fatalf("undo gave layers %v, want 2-4-1", got)
	}
	if u, ok := s.LastUpdate(Param{L: 1, J: 0, I: 3}); ok {
		t.Errorf("after undoing the rebuild, LastUpdate shows %+v", u)
	}
	if done, _ := s.InEpoch(); done != 0 {
		t.Errorf("after undoing the rebuild the epoch goes on at %d", done)
	}
	var m PointMath
	if err := s.Math(&m, i, Param{L: 1, J: 0, I: 3}); err != nil {
		t.Fatal(err)
	}
}

package session

import (
	"slices"
	"testing"
)

// TestMeanGradientsShared: the answer MeanGradients shares between its callers is the one a
// fresh computation gives after every kind of change: training, a point moved, added or
// relabelled, a weight set, an undo, a reset; and asking twice without a change gives the
// same answer.
func TestMeanGradientsShared(t *testing.T) {
	s := newSession(t, func(st *Settings) { *st = ClassicSettings() })
	n := len(s.Network().Params())
	got, fresh := make([]float64, n), make([]float64, n)
	check := func(after string) {
		t.Helper()
		if !s.MeanGradients(got) {
			t.Fatalf("after %s: no gradients", after)
		}
		s.grads.valid = false // what a computation from scratch gives
		s.MeanGradients(fresh)
		if !slices.Equal(got, fresh) {
			t.Errorf("after %s: shared gradients %v, computed afresh %v", after, got, fresh)
		}
	}
	changes := []struct {
		name string
		do   func() error
	}{
		{"nothing", func() error { return nil }},
		{"an epoch", func() error { _, err := s.Step(1); return err }},
		{"a point moved", func() error { return s.MovePoint(s.train[0], 1.5, -2) }},
		{"a point added", func() error { _, err := s.AddPoint(3, 3, 0); return err }},
		{"a point relabelled", func() error { return s.SetLabel(s.train[1], 1-s.points[s.train[1]].Label) }},
		{"a weight set", func() error { return s.SetWeight(0, 0, 0, 2.5) }},
		{"an undo", s.Undo},
		{"a batch stepped", s.StepBatch},
		{"a reset", func() error { s.Reset(); return nil }},
	}
	for _, c := range changes {
		s.MeanGradients(got) // the shared answer before the change
		if err := c.do(); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		check(c.name)
	}
}

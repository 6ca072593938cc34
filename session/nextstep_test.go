package session

import (
	"slices"
	"testing"
)

// TestNextUpdate: what the maths say one step on the followed point would do is, bit for
// bit, what StepSample then does, for weights and biases, with and without regularization.
func TestNextUpdate(t *testing.T) {
	for _, reg := range []string{"none", "l1", "l2"} {
		i := -1
		for _, p := range []Param{{L: 1, J: 0, I: 2}, {L: 0, J: 1, I: 0}, {Bias: true, L: 0, J: 2}, {Bias: true, L: 1}} {
			s := newSession(t, func(s *Settings) { s.Regularization, s.RegularizationRate = reg, 0.3 })
			i = slices.IndexFunc(s.Points(), func(p Point) bool { return !p.Test })
			var m PointMath
			if err := s.Math(&m, i, p); err != nil {
				t.Fatal(err)
			}
			want := s.NextUpdate(p, m.Selected.Gradient)
			if err := s.StepSample(i); err != nil {
				t.Fatal(err)
			}
			got, ok := s.LastUpdate(p)
			if !ok || got.Before != want.Before || got.After != want.After || got.Regularization != want.Regularization {
				t.Errorf("%s, %+v: NextUpdate %+v, StepSample did %+v", reg, p, want, got)
			}
			if s.Value(p) != want.After {
				t.Errorf("%s, %+v: the parameter is %g, NextUpdate said %g", reg, p, s.Value(p), want.After)
			}
		}
	}
}

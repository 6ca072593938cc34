package nn

import (
	"math/rand/v2"
	"testing"
)

// TestPenalty: Update moves every weight by −η·(gradient + Penalty(w)) and every bias by
// −η·gradient, for each regularization.
func TestPenalty(t *testing.T) {
	for _, reg := range []Regularization{RegNone, RegL1, RegL2} {
		cfg := TrainConfig{LearningRate: 0.1, Regularization: reg, RegularizationRate: 0.25}
		n, err := New([]int{2, 3, 1}, Tanh, Sigmoid, rand.New(rand.NewPCG(3, 4)))
		if err != nil {
			t.Fatal(err)
		}
		n.SetWeight(0, 1, 1, 0) // sign(0) = 0 for L1
		n.Forward([]float64{0.5, -1})
		n.Backward([]float64{1})
		before := append([]float64(nil), n.Params()...)
		grads := append([]float64(nil), n.Grads()...)
		if err := n.Update(cfg, 1); err != nil {
			t.Fatal(err)
		}
		// Params holds, per layer, the weights then the biases.
		i := 0
		for l := range n.w {
			for range n.w[l] {
				if want := before[i] - cfg.LearningRate*(grads[i]+cfg.Penalty(before[i])); n.params[i] != want {
					t.Errorf("%v: weight %d: %g, want %g", reg, i, n.params[i], want)
				}
				i++
			}
			for range n.b[l] {
				if want := before[i] - cfg.LearningRate*grads[i]; n.params[i] != want {
					t.Errorf("%v: bias %d: %g, want %g", reg, i, n.params[i], want)
				}
				i++
			}
		}
	}
	for _, tc := range []struct {
		reg  Regularization
		w    float64
		want float64
	}{
		{RegNone, 2, 0}, {RegL1, 2, 0.25}, {RegL1, -2, -0.25}, {RegL1, 0, 0}, {RegL2, -2, -0.5},
	} {
		if got := (TrainConfig{Regularization: tc.reg, RegularizationRate: 0.25}).Penalty(tc.w); got != tc.want {
			t.Errorf("%v Penalty(%g) = %g, want %g", tc.reg, tc.w, got, tc.want)
		}
	}
}

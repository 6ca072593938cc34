package session

import (
	"slices"
	"testing"
)

// epochsTo97 trains s in steps of 100 epochs until the test accuracy reaches 97% or limit
// epochs have run, and returns the epoch it got there (-1 if it did not) and the accuracy.
func epochsTo97(t *testing.T, s *Session, limit int) (int, float64) {
	t.Helper()
	acc := 0.0
	for s.Epoch() < limit {
		mustStep(t, s, 100)
		if acc = s.Metrics().TestAccuracy; acc >= 0.97 {
			return s.Epoch(), acc
		}
	}
	return -1, acc
}

// TestConvergence: with a fixed seed and no noise, 2‑4‑1 sigmoid (inputs x1, x2) reaches 97%
// test accuracy on circle and xor within the stated epochs (measured: circle at 2,500 with
// the defaults, at 800 with learning rate 0.1; xor at 1,700 with learning rate 0.3). Batch
// 10, 250 points, half held out.
func TestConvergence(t *testing.T) {
	tests := []struct {
		name    string
		dataset string
		lr      float64
		within  int
	}{
		{"circle, the defaults", "circle", ClassicSettings().LearningRate, 3000},
		{"circle, learning rate 0.1", "circle", 0.1, 1000},
		{"xor, learning rate 0.3", "xor", 0.3, 2000},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newSession(t, func(st *Settings) { st.Dataset, st.LearningRate = tt.dataset, tt.lr })
			if got := s.Network().Layers(); len(got) != 3 || got[1] != 4 {
				t.Fatalf("shape %v, want 2-4-1", got)
			}
			at, acc := epochsTo97(t, s, tt.within)
			if at < 0 {
				t.Fatalf("test accuracy %.3f after %d epochs, want ≥ 0.97", acc, tt.within)
			}
			t.Logf("97%% test accuracy at epoch %d", at)
		})
	}
}

// TestSpiralNeedsMore: the spiral is beyond 2‑4‑1 (it stays near chance after 4,000 epochs),
// while all seven features into two tanh layers of 8 pass 95% within 2,000 epochs
// (measured: 96% at 1,000).
func TestSpiralNeedsMore(t *testing.T) {
	small := newSession(t, func(st *Settings) { st.Dataset = "spiral"; st.LearningRate = 0.3 })
	mustStep(t, small, 4000)
	if acc := small.Metrics().TestAccuracy; acc > 0.75 {
		t.Errorf("2-4-1 reached %.3f on the spiral, want it well below (≤ 0.75)", acc)
	}
	big := newSession(t, func(st *Settings) {
		st.Dataset, st.LearningRate, st.Activation = "spiral", 0.03, "tanh"
		st.Features, st.Hidden = slices.Clone(featureSpec().Choices), []int{8, 8}
	})
	for big.Epoch() < 2000 && big.Metrics().TestAccuracy < 0.95 {
		mustStep(t, big, 100)
	}
	if acc := big.Metrics().TestAccuracy; acc < 0.95 {
		t.Errorf("7-8-8-1 tanh reached %.3f on the spiral after 2000 epochs, want ≥ 0.95", acc)
	} else {
		t.Logf("7-8-8-1 tanh: %.3f at epoch %d", acc, big.Epoch())
	}
}

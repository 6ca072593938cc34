package view

import (
	"math"
	"math/rand/v2"
	"testing"

	"nnplay/nn"
)

func TestExp(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	xs := []float64{0, 1, -1, 1e-300, -1e-300, 0.5 * math.Ln2, 699.9, -699.9, 700, -700, 710, -746, math.Inf(1), math.Inf(-1)}
	for range 100000 {
		xs = append(xs, (rng.Float64()*2-1)*50)
	}
	for _, x := range xs {
		got, want := exp(x), math.Exp(x)
		if math.IsInf(want, 0) || want == 0 {
			if got != want {
				t.Errorf("exp(%v) = %v, want %v", x, got, want)
			}
			continue
		}
		if d := math.Abs(got-want) / want; d > 4e-16 {
			t.Errorf("exp(%v) = %v, want %v (relative error %v)", x, got, want, d)
		}
	}
	if got := exp(math.NaN()); !math.IsNaN(got) {
		t.Errorf("exp(NaN) = %v, want NaN", got)
	}
}

func TestActivate(t *testing.T) {
	zs := []float64{0, 1e-8, -1e-8, 0.3, -0.3, 1, -2.5, 7, -19.9, 20.1, -20.1, 40, -40, 800, -800}
	for _, a := range []nn.Activation{nn.Sigmoid, nn.Tanh, nn.ReLU, nn.Linear} {
		for _, z := range zs {
			got, want := activate(a, z), a.Value(z)
			if d := math.Abs(got - want); !(d <= 1e-15*math.Max(1, math.Abs(want))) {
				t.Errorf("activate(%v, %v) = %v, want %v (off by %v)", a, z, got, want, d)
			}
		}
		if got := activate(a, math.NaN()); !math.IsNaN(got) && a != nn.ReLU {
			t.Errorf("activate(%v, NaN) = %v, want NaN", a, got)
		}
	}
}

func BenchmarkExp(b *testing.B) {
	s := 0.0
	for i := 0; b.Loop(); i++ {
		s += exp(-float64(i&1023) / 100)
	}
	sinkExp = s
}

func BenchmarkMathExp(b *testing.B) {
	s := 0.0
	for i := 0; b.Loop(); i++ {
		s += math.Exp(-float64(i&1023) / 100)
	}
	sinkExp = s
}

var sinkExp float64

func TestCellCost(t *testing.T) {
	tests := []struct {
		name  string
		patch int // index into shapes
		want  float64
	}{
		{"default 2-4-1: 4 divisions, 4 weights, 1 sigmoid", 0, 16},
		{"2-1: one division", 1, 1},
		// 7 features with x1·x2: 8·(2+8); then 8·8+8·8 twice; then 8·1+8.
		{"all features, 3 layers of 8", 2, 80 + 2*(64+64) + 16},
	}
	for _, tc := range tests {
		s := newSession(t, shapes[tc.patch].patch)
		if got := CellCost(s.Network(), s.Features()); got != tc.want {
			t.Errorf("%s: CellCost = %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestFieldSide(t *testing.T) {
	budget := 16.0 * 100 * 100 / 2
	tests := []struct {
		cost float64
		want int
	}{
		{16, 100},           // the default network: the whole field
		{1, 100},            // cheaper: still at most maxSide
		{64, 48},            // √(2·80000/64) = 50 → 48
		{736, MinFieldSide}, // √(217) ≈ 14.7 → 12, raised to MinFieldSide
		{0, 100},
	}
	for _, tc := range tests {
		if got := FieldSide(tc.cost, budget, 100); got != tc.want {
			t.Errorf("FieldSide(%v) = %d, want %d", tc.cost, got, tc.want)
		}
	}
}

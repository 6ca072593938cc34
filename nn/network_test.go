package nn

import (
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"gonum.org/v1/gonum/diff/fd"
)

// newNet returns a network or fails the test.
func newNet(t testing.TB, layers []int, hidden, output Activation, seed uint64) *Network {
	t.Helper()
	n, err := New(layers, hidden, output, rand.New(rand.NewPCG(seed, seed)))
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// uniform returns k numbers uniform in [lo, hi) from rng.
func uniform(rng *rand.Rand, k int, lo, hi float64) []float64 {
	v := make([]float64, k)
	for i := range v {
		v[i] = lo + (hi-lo)*rng.Float64()
	}
	return v
}

// sameBits reports whether a and b hold bit-identical numbers.
func sameBits(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if math.Float64bits(a[i]) != math.Float64bits(b[i]) {
			return false
		}
	}
	return true
}

func TestNewRejects(t *testing.T) {
	tests := []struct {
		name           string
		layers         []int
		hidden, output Activation
		want           string
	}{
		{"no layers", nil, Sigmoid, Sigmoid, "layers: has 0 entries, want at least 2"},
		{"inputs only", []int{2}, Sigmoid, Sigmoid, "layers: has 1 entries, want at least 2"},
		{"empty hidden", []int{2, 0, 1}, Sigmoid, Sigmoid, "layers[1]: 0 nodes, want 1 to 64"},
		{"negative", []int{-2, 1}, Sigmoid, Sigmoid, "layers[0]: -2 nodes, want 1 to 64"},
		{"too wide", []int{2, 65, 1}, Sigmoid, Sigmoid, "layers[1]: 65 nodes, want 1 to 64"},
		{"too deep", []int{2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, Sigmoid, Sigmoid, "9 hidden layers, want at most 8"},
		{"unknown hidden", []int{2, 1}, Activation(9), Sigmoid, "hidden activation Activation(9): want Sigmoid, Tanh, ReLU or Linear"},
		{"tanh output", []int{2, 1}, Sigmoid, Tanh, "output activation tanh: want Sigmoid (classification) or Linear (regression)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, err := New(tt.layers, tt.hidden, tt.output, nil)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("New(%v) = %v, %v; want an error containing %q", tt.layers, n, err, tt.want)
			}
		})
	}
}

func TestNewAccepts(t *testing.T) {
	tests := []struct {
		layers []int
		params int
	}{
		{[]int{2, 4, 1}, 2*4 + 4 + 4 + 1},
		{[]int{1, 1}, 2},
		{[]int{3, 5, 2}, 3*5 + 5 + 5*2 + 2},
		{[]int{64, 1, 1, 1, 1, 1, 1, 1, 1, 64}, 64 + 1 + 7*2 + 64 + 64},
	}
	for _, tt := range tests {
		layers := slices.Clone(tt.layers)
		n, err := New(layers, ReLU, Linear, nil)
		if err != nil {
			t.Fatalf("New(%v): %v", tt.layers, err)
		}
		if !slices.Equal(layers, tt.layers) {
			t.Errorf("New modified its layers argument: %v, want %v", layers, tt.layers)
		}
		layers[0] = 99
		if !slices.Equal(n.Layers(), tt.layers) {
			t.Errorf("Layers() = %v, want %v (a copy of the argument)", n.Layers(), tt.layers)
		}
		if got := len(n.Params()); got != tt.params {
			t.Errorf("%v: %d parameters, want %d", tt.layers, got, tt.params)
		}
		if got := len(n.Grads()); got != tt.params {
			t.Errorf("%v: %d gradients, want %d", tt.layers, got, tt.params)
		}
		if n.Hidden() != ReLU || n.Output() != Linear {
			t.Errorf("activations %v, %v; want relu, linear", n.Hidden(), n.Output())
		}
	}
}

func TestInit(t *testing.T) {
	a := newNet(t, []int{2, 8, 8, 1}, Sigmoid, Sigmoid, 1)
	b := newNet(t, []int{2, 8, 8, 1}, Sigmoid, Sigmoid, 1)
	c := newNet(t, []int{2, 8, 8, 1}, Sigmoid, Sigmoid, 2)
	if !sameBits(a.Params(), b.Params()) {
		t.Error("two networks from the same seed differ")
	}
	if sameBits(a.Params(), c.Params()) {
		t.Error("networks from seeds 1 and 2 are identical")
	}
	layers := a.Layers()
	for l := 0; l+1 < len(layers); l++ {
		for j := 0; j < layers[l+1]; j++ {
			for i := 0; i < layers[l]; i++ {
				if w := a.Weight(l, j, i); w < -0.5 || w >= 0.5 {
					t.Errorf("W[%d][%d][%d] = %v, want in [-0.5, 0.5)", l, j, i, w)
				}
			}
			if bias := a.Bias(l, j); bias != 0.1 {
				t.Errorf("b[%d][%d] = %v, want 0.1", l, j, bias)
			}
		}
	}
	// Init from the same state again gives the same weights, and zeroes the gradients.
	for k := range a.Grads() {
		a.Grads()[k] = 1
	}
	a.Init(rand.New(rand.NewPCG(1, 1)))
	if !sameBits(a.Params(), b.Params()) {
		t.Error("Init with the seed of New gives other weights")
	}
	if slices.ContainsFunc(a.Grads(), func(g float64) bool { return g != 0 }) {
		t.Error("Init left gradients non-zero")
	}
	// A nil generator is a fixed seed, not the global source.
	d := newNet(t, []int{2, 3, 1}, Sigmoid, Sigmoid, 0)
	e, _ := New([]int{2, 3, 1}, Sigmoid, Sigmoid, nil)
	if !sameBits(d.Params(), e.Params()) {
		t.Error("New with a nil rng differs from a PCG seeded (0, 0)")
	}
}

func TestParamLayout(t *testing.T) {
	n := newNet(t, []int{3, 2, 1}, Sigmoid, Sigmoid, 1)
	// Layout: W[0] (2×3 row-major), b[0] (2), W[1] (1×2), b[1] (1).
	tests := []struct {
		set  func(v float64)
		get  func() float64
		want int
	}{
		{func(v float64) { n.SetWeight(0, 0, 0, v) }, func() float64 { return n.Weight(0, 0, 0) }, 0},
		{func(v float64) { n.SetWeight(0, 0, 2, v) }, func() float64 { return n.Weight(0, 0, 2) }, 2},
		{func(v float64) { n.SetWeight(0, 1, 0, v) }, func() float64 { return n.Weight(0, 1, 0) }, 3},
		{func(v float64) { n.SetBias(0, 1, v) }, func() float64 { return n.Bias(0, 1) }, 7},
		{func(v float64) { n.SetWeight(1, 0, 1, v) }, func() float64 { return n.Weight(1, 0, 1) }, 9},
		{func(v float64) { n.SetBias(1, 0, v) }, func() float64 { return n.Bias(1, 0) }, 10},
	}
	for k, tt := range tests {
		v := 100 + float64(k)
		tt.set(v)
		if got := n.Params()[tt.want]; got != v {
			t.Errorf("case %d: Params()[%d] = %v after setting %v", k, tt.want, got, v)
		}
		if got := tt.get(); got != v {
			t.Errorf("case %d: got %v back, want %v", k, got, v)
		}
	}
}

func TestForward(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 5))
	for _, layers := range [][]int{{2, 4, 1}, {3, 5, 2}, {2, 8, 8, 1}, {1, 1, 1}, {7, 3}} {
		for _, hidden := range []Activation{Sigmoid, Tanh, ReLU, Linear} {
			for _, output := range []Activation{Sigmoid, Linear} {
				n := newNet(t, layers, hidden, output, 3)
				var tr Trace
				for range 5 {
					x := uniform(rng, layers[0], -6, 6)
					xc := slices.Clone(x)
					n.TraceInto(&tr, x, make([]float64, layers[len(layers)-1]))
					want := tr.Output()
					got := n.Forward(x)
					if !slices.Equal(x, xc) {
						t.Fatalf("Forward modified its input: %v, was %v", x, xc)
					}
					if !sameBits(got, want) {
						t.Errorf("%v %v/%v: Forward(%v) = %v, want the reference's %v bit for bit", layers, hidden, output, x, got, want)
					}
					if !slices.Equal(n.Activations(0), x) {
						t.Errorf("Activations(0) = %v, want the input %v", n.Activations(0), x)
					}
					if !slices.Equal(n.Activations(len(layers)-1), got) {
						t.Errorf("Activations(last) = %v, want the output %v", n.Activations(len(layers)-1), got)
					}
				}
			}
		}
	}
}

func TestForwardPanicsOnWrongLength(t *testing.T) {
	n := newNet(t, []int{2, 4, 1}, Sigmoid, Sigmoid, 1)
	defer func() {
		if r := recover(); r == nil || !strings.Contains(r.(string), "nn: Forward") {
			t.Errorf("Forward with 3 inputs for 2: recovered %v, want an nn: Forward panic", r)
		}
	}()
	n.Forward([]float64{1, 2, 3})
}

// halfSquaredError returns ½Σ(y − ŷ)² of n on (x, y).
func halfSquaredError(n *Network, x, y []float64) float64 {
	s := 0.0
	for o, yhat := range n.Forward(x) {
		s += (y[o] - yhat) * (y[o] - yhat)
	}
	return s / 2
}

// awayFromKink reports whether every pre-activation z of a ReLU node, for input x, is more
// than 1e-3 from 0; it recomputes z from the weights and the previous layer's activations.
func awayFromKink(n *Network, x []float64) bool {
	if n.Hidden() != ReLU {
		return true
	}
	n.Forward(x)
	layers := n.Layers()
	for l := 0; l+2 < len(layers); l++ {
		in := n.Activations(l)
		for j := 0; j < layers[l+1]; j++ {
			z := n.Bias(l, j)
			for i, a := range in {
				z += n.Weight(l, j, i) * a
			}
			if math.Abs(z) <= 1e-3 {
				return false
			}
		}
	}
	return true
}

// TestGradientCheck compares Backward with a central finite difference of ½Σ(y − ŷ)²
// (gonum's fd.Gradient, step 1e-6) for every weight and bias. The difference's error is
// about h²·f‴ + ε·f/h ≈ 1e-10 here, so the test allows 1e-7·(1 + |∂L/∂p|).
func TestGradientCheck(t *testing.T) {
	const tol = 1e-7
	shapes := [][]int{{2, 4, 1}, {3, 5, 2}, {2, 8, 8, 1}, {1, 1, 1}}
	rng := rand.New(rand.NewPCG(11, 11))
	settings := &fd.Settings{Formula: fd.Central, Step: 1e-6}
	for _, layers := range shapes {
		for _, hidden := range []Activation{Sigmoid, Tanh, ReLU, Linear} {
			for _, output := range []Activation{Sigmoid, Linear} {
				n := newNet(t, layers, hidden, output, 7)
				// Spread the weights wider than Init does so that every node matters.
				for k := range n.Params() {
					n.Params()[k] = uniform(rng, 1, -1, 1)[0]
				}
				for trial := range 3 {
					var x []float64
					for tries := 0; ; tries++ {
						x = uniform(rng, layers[0], -6, 6)
						if awayFromKink(n, x) {
							break
						}
						if tries == 1000 {
							t.Fatalf("%v relu: no input away from the kink", layers)
						}
					}
					y := uniform(rng, layers[len(layers)-1], 0, 1)
					p0 := slices.Clone(n.Params())

					n.ZeroGrads()
					n.Forward(x)
					n.Backward(y)
					analytic := slices.Clone(n.Grads())

					loss := func(p []float64) float64 {
						copy(n.Params(), p)
						return halfSquaredError(n, x, y)
					}
					numeric := fd.Gradient(nil, loss, p0, settings)
					copy(n.Params(), p0)

					worst := 0.0
					for k := range analytic {
						err := math.Abs(analytic[k]-numeric[k]) / (1 + math.Abs(analytic[k]))
						worst = max(worst, err)
						if err > tol {
							t.Errorf("%v %v/%v trial %d: ∂L/∂p[%d] = %.12g by Backward, %.12g by finite difference",
								layers, hidden, output, trial, k, analytic[k], numeric[k])
						}
					}
					if trial == 0 {
						t.Logf("%v %v/%v: worst relative difference %.2g", layers, hidden, output, worst)
					}
				}
			}
		}
	}
}

func TestBackwardAccumulates(t *testing.T) {
	n := newNet(t, []int{2, 4, 1}, Tanh, Sigmoid, 1)
	x, y := []float64{1.5, -2}, []float64{1}
	n.Forward(x)
	n.Backward(y)
	once := slices.Clone(n.Grads())
	yc := slices.Clone(y)
	n.Backward(y)
	if !slices.Equal(y, yc) {
		t.Errorf("Backward modified its target: %v, was %v", y, yc)
	}
	for k, g := range n.Grads() {
		if g != 2*once[k] {
			t.Errorf("Grads()[%d] = %v after two Backward calls, want 2 × %v", k, g, once[k])
		}
	}
	n.ZeroGrads()
	if slices.ContainsFunc(n.Grads(), func(g float64) bool { return g != 0 }) {
		t.Errorf("ZeroGrads left %v", n.Grads())
	}
}

// TestHandWorked checks one step of learning against numbers derived by hand (and
// computed to 17 digits with 50-digit arithmetic).
//
// The network is 2‑4‑1, sigmoid hidden and output, with
//
//	W1 = [[0.1, −0.2], [0.3, 0.4], [−0.5, 0.6], [0.7, −0.8]], b1 = [0.1, −0.1, 0.2, 0]
//	W2 = [0.5, −0.6, 0.7, −0.8],                              b2 = 0.05
//
// and the point x = (1, −2) with target y = 1, learning rate η = 0.5, a batch of one.
//
// Forward. z1_j = W1_j·x + b1_j:
//
//	z1 = [0.1 + 0.4 + 0.1, 0.3 − 0.8 − 0.1, −0.5 − 1.2 + 0.2, 0.7 + 1.6 + 0] = [0.6, −0.6, −1.5, 2.3]
//	h  = σ(z1) = [0.64565630622579545, 0.35434369377420455, 0.18242552380635634, 0.90887703898514386]
//	z2 = W2·h + b2 = 0.32282815311289773 − 0.21260621626452273 + 0.12769786666444944
//	     − 0.72710163118811509 + 0.05 = −0.43918182767529066
//	ŷ  = σ(z2) = 0.39193594059912601
//
// Backward, with δ = ∂L/∂z for L = ½(y − ŷ)²:
//
//	δ2   = (ŷ − y)·σ(z2)(1 − σ(z2)) = −0.60806405940087399 · 0.23832215906580438 = −0.14491513948673381
//	h(1 − h) = [0.2287842404566573, 0.2287842404566573, 0.14914645207033286, 0.082819566990741144]
//	δ1_j = h_j(1 − h_j)·W2_j·δ2 = [−0.016577150059071471, 0.019892580070885765,
//	                               −0.015129505234006622, 0.0096014472821553186]
//
// Gradients: ∂L/∂W2_j = δ2·h_j, ∂L/∂b2 = δ2, ∂L/∂W1_ji = δ1_j·x_i, ∂L/∂b1_j = δ1_j.
// Update, w ← w − η·∂L/∂w (the mean over a batch of one is the gradient itself):
//
//	W2' = [0.5 + 0.5·0.093565373677200469, …] = [0.54678268683860023, −0.57432511709523333,
//	       0.7132181101141693, −0.73414497855958914]
//	b2' = 0.05 + 0.5·0.14491513948673381 = 0.12245756974336691
//	W1'_j = W1_j − 0.5·δ1_j·(1, −2), b1'_j = b1_j − 0.5·δ1_j (numbers in the table below).
func TestHandWorked(t *testing.T) {
	n := newNet(t, []int{2, 4, 1}, Sigmoid, Sigmoid, 1)
	copy(n.Params(), []float64{
		0.1, -0.2, 0.3, 0.4, -0.5, 0.6, 0.7, -0.8, // W1
		0.1, -0.1, 0.2, 0, // b1
		0.5, -0.6, 0.7, -0.8, // W2
		0.05, // b2
	})
	x, y := []float64{1, -2}, []float64{1}
	const tol = 1e-12
	check := func(what string, got, want float64) {
		t.Helper()
		if math.Abs(got-want) > tol {
			t.Errorf("%s = %.17g, want %.17g", what, got, want)
		}
	}

	yhat := n.Forward(x)[0]
	check("ŷ", yhat, 0.39193594059912601)
	for j, want := range []float64{0.64565630622579545, 0.35434369377420455, 0.18242552380635634, 0.90887703898514386} {
		check("h", n.Activations(1)[j], want)
	}
	n.Backward(y)
	check("∂L/∂b2 = δ2", n.Grads()[16], -0.14491513948673381)
	for j, want := range []float64{-0.016577150059071471, 0.019892580070885765, -0.015129505234006622, 0.0096014472821553186} {
		check("∂L/∂b1 = δ1", n.Grads()[8+j], want)
	}
	for j, want := range []float64{-0.093565373677200469, -0.051349765809533344, -0.026436220228338609, -0.13171004288082173} {
		check("∂L/∂W2", n.Grads()[12+j], want)
	}

	if err := n.Update(TrainConfig{LearningRate: 0.5, BatchSize: 1}, 1); err != nil {
		t.Fatal(err)
	}
	want := []float64{
		0.10828857502953574, -0.21657715005907147, 0.29005370996455712, 0.41989258007088577,
		-0.49243524738299669, 0.58487049476599338, 0.69519927635892234, -0.79039855271784468,
		0.10828857502953574, -0.10994629003544288, 0.20756475261700331, -0.0048007236410776593,
		0.54678268683860023, -0.57432511709523333, 0.7132181101141693, -0.73414497855958914,
		0.12245756974336691,
	}
	for k, w := range want {
		check("updated parameter", n.Params()[k], w)
	}
	if math.Abs(halfSquaredError(n, x, y)) >= 0.18487095016753481 {
		t.Errorf("½(y − ŷ)² after the step is %v, not below %v before it", halfSquaredError(n, x, y), 0.18487095016753481)
	}
}

func TestCloneAndCopyFrom(t *testing.T) {
	a := newNet(t, []int{2, 4, 1}, Tanh, Linear, 1)
	a.Forward([]float64{1, 2})
	a.Backward([]float64{3})
	c := a.Clone()
	if !sameBits(c.Params(), a.Params()) || !sameBits(c.Grads(), a.Grads()) {
		t.Fatal("Clone differs from the original")
	}
	if c.Hidden() != Tanh || c.Output() != Linear || !slices.Equal(c.Layers(), a.Layers()) {
		t.Fatalf("Clone is %v %v/%v, want %v tanh/linear", c.Layers(), c.Hidden(), c.Output(), a.Layers())
	}
	c.Params()[0] = 42
	if a.Params()[0] == 42 {
		t.Error("Clone shares parameters with the original")
	}

	same := newNet(t, []int{2, 4, 1}, Sigmoid, Sigmoid, 9)
	params := same.Params()
	same.CopyFrom(a)
	if !sameBits(same.Params(), a.Params()) || same.Hidden() != Tanh || same.Output() != Linear {
		t.Error("CopyFrom of the same shape did not copy")
	}
	if &params[0] != &same.Params()[0] {
		t.Error("CopyFrom of the same shape did not reuse memory")
	}

	other := newNet(t, []int{3, 2, 2, 2}, ReLU, Sigmoid, 9)
	other.CopyFrom(a)
	if !sameBits(other.Params(), a.Params()) || !slices.Equal(other.Layers(), a.Layers()) {
		t.Error("CopyFrom of another shape did not copy")
	}
	if got := other.Forward([]float64{0.5, -1}); got[0] != a.Forward([]float64{0.5, -1})[0] {
		t.Error("CopyFrom of another shape computes something else")
	}
	other.Params()[0] = 42
	if a.Params()[0] == 42 {
		t.Error("CopyFrom shares parameters with its source")
	}
}

// TestZeroAllocs checks every hot call allocates nothing, for every hidden activation, each
// regularization, two inputs (the specialised loops) and three, and an odd batch (the
// pairing in TrainBatch and Evaluate leaves one sample over).
func TestZeroAllocs(t *testing.T) {
	regs := []Regularization{RegNone, RegL1, RegL2}
	for _, layers := range [][]int{{2, 8, 8, 1}, {3, 5, 2}} {
		for h, hidden := range []Activation{Sigmoid, Tanh, ReLU, Linear} {
			n := newNet(t, layers, hidden, Sigmoid, 1)
			rng := rand.New(rand.NewPCG(1, 2))
			ni, no := layers[0], layers[len(layers)-1]
			d := Data{Inputs: uniform(rng, 25*ni, -6, 6), Targets: uniform(rng, 25*no, 0, 1)}
			order := make([]int, 25)
			for k := range order {
				order[k] = k
			}
			cfg := TrainConfig{LearningRate: 0.03, BatchSize: 10, Regularization: regs[h%3], RegularizationRate: 0.001}
			x, y := d.Inputs[:ni], d.Targets[:no]
			tests := []struct {
				name string
				f    func()
			}{
				{"Forward", func() { n.Forward(x) }},
				{"Backward", func() { n.Backward(y) }},
				{"Update", func() { _ = n.Update(cfg, 10) }},
				{"TrainBatch", func() { _ = n.TrainBatch(d, order[:7], cfg) }},
				{"TrainEpoch", func() { _ = n.TrainEpoch(d, order, rng, cfg) }},
				{"Evaluate", func() { n.Evaluate(d, order) }},
			}
			for _, tt := range tests {
				if allocs := testing.AllocsPerRun(20, tt.f); allocs != 0 {
					t.Errorf("%v %v %v: %s: %v allocations per run, want 0", layers, hidden, cfg.Regularization, tt.name, allocs)
				}
			}
		}
	}
}

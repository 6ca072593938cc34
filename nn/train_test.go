package nn

import (
	"cmp"
	"errors"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// xorData returns n points of the plane [−6, 6]² labelled 1 where x1·x2 > 0, and the
// indices 0…n−1.
func xorData(n int, seed uint64) (Data, []int) {
	rng := rand.New(rand.NewPCG(seed, 0))
	var d Data
	idx := make([]int, n)
	for k := range idx {
		x1, x2 := rng.Float64()*12-6, rng.Float64()*12-6
		y := 0.0
		if x1*x2 > 0 {
			y = 1
		}
		d.Inputs = append(d.Inputs, x1, x2)
		d.Targets = append(d.Targets, y)
		idx[k] = k
	}
	return d, idx
}

// cloneData returns a deep copy of d.
func cloneData(d Data) Data {
	return Data{Inputs: slices.Clone(d.Inputs), Targets: slices.Clone(d.Targets)}
}

func TestUpdate(t *testing.T) {
	// A 2‑1 network: parameters w1, w2, b. Gradients set by hand, Update checked against
	// w ← w − η·(g/count + penalty(w)), with the penalty on weights only.
	tests := []struct {
		name   string
		cfg    TrainConfig
		params []float64 // w1, w2, b
		grads  []float64
		count  int
		want   []float64
	}{
		{"mean", TrainConfig{LearningRate: 0.5}, []float64{1, -2, 3}, []float64{4, 8, -2}, 4,
			[]float64{1 - 0.5*1, -2 - 0.5*2, 3 + 0.5*0.5}},
		{"one sample", TrainConfig{LearningRate: 0.1}, []float64{1, -2, 3}, []float64{4, 8, -2}, 1,
			[]float64{1 - 0.4, -2 - 0.8, 3 + 0.2}},
		{"l1 adds λ·sign(w)", TrainConfig{LearningRate: 0.5, Regularization: RegL1, RegularizationRate: 0.25},
			[]float64{1, -2, 3}, []float64{0, 0, 0}, 2,
			[]float64{1 - 0.5*0.25, -2 + 0.5*0.25, 3}},
		{"l1 of zero weight is 0", TrainConfig{LearningRate: 0.5, Regularization: RegL1, RegularizationRate: 0.25},
			[]float64{0, -2, 3}, []float64{2, 0, 2}, 2,
			[]float64{0 - 0.5*1, -2 + 0.5*0.25, 3 - 0.5*1}},
		{"l2 adds λ·w", TrainConfig{LearningRate: 0.5, Regularization: RegL2, RegularizationRate: 0.25},
			[]float64{1, -2, 3}, []float64{2, 2, 2}, 2,
			[]float64{1 - 0.5*(1+0.25), -2 - 0.5*(1-0.5), 3 - 0.5*1}},
		{"rate without regularization", TrainConfig{LearningRate: 1, Regularization: RegNone, RegularizationRate: 5},
			[]float64{1, -2, 3}, []float64{1, 1, 1}, 1,
			[]float64{0, -3, 2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := newNet(t, []int{2, 1}, Sigmoid, Linear, 1)
			copy(n.Params(), tt.params)
			copy(n.Grads(), tt.grads)
			if err := n.Update(tt.cfg, tt.count); err != nil {
				t.Fatal(err)
			}
			for k, want := range tt.want {
				if got := n.Params()[k]; math.Abs(got-want) > 1e-15 {
					t.Errorf("parameter %d = %v, want %v", k, got, want)
				}
			}
			if slices.ContainsFunc(n.Grads(), func(g float64) bool { return g != 0 }) {
				t.Errorf("Update left gradients %v, want zeros", n.Grads())
			}
		})
	}
}

func TestUpdateDiverged(t *testing.T) {
	tests := []struct {
		name   string
		lr     float64
		params []float64
		grads  []float64
	}{
		{"infinite gradient", 0.1, []float64{1, 2, 3}, []float64{0, math.Inf(1), 0}},
		{"NaN gradient of a bias", 0.1, []float64{1, 2, 3}, []float64{0, 0, math.NaN()}},
		{"overflow", 1e300, []float64{1, 2, 3}, []float64{1e300, 0, 0}},
		{"infinite learning rate", math.Inf(1), []float64{1, 2, 3}, []float64{1, 0, 0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := newNet(t, []int{2, 1}, Sigmoid, Linear, 1)
			copy(n.Params(), tt.params)
			copy(n.Grads(), tt.grads)
			err := n.Update(TrainConfig{LearningRate: tt.lr}, 1)
			if !errors.Is(err, ErrDiverged) {
				t.Fatalf("Update = %v, want ErrDiverged", err)
			}
			if !slices.Equal(n.Params(), tt.params) {
				t.Errorf("a diverged Update changed the parameters to %v, want %v", n.Params(), tt.params)
			}
			if slices.ContainsFunc(n.Grads(), func(g float64) bool { return g != 0 }) {
				t.Errorf("a diverged Update left gradients %v, want zeros", n.Grads())
			}
		})
	}
}

func TestTrainBatchIsMeanOfSampleGradients(t *testing.T) {
	d, _ := xorData(20, 3)
	idx := []int{4, 0, 17, 9, 9, 12, 3}
	for _, reg := range []Regularization{RegNone, RegL1, RegL2} {
		cfg := TrainConfig{LearningRate: 0.3, BatchSize: 100, Regularization: reg, RegularizationRate: 0.01}
		n := newNet(t, []int{2, 4, 1}, Sigmoid, Sigmoid, 1)
		want := slices.Clone(n.Params())
		// Per-sample gradients, one at a time on a copy, summed.
		sum := make([]float64, len(want))
		c := n.Clone()
		for _, k := range idx {
			c.ZeroGrads()
			c.Forward(d.Inputs[2*k : 2*k+2])
			c.Backward(d.Targets[k : k+1])
			for p, g := range c.Grads() {
				sum[p] += g
			}
		}
		// Layout: W1 at 0–7, b1 at 8–11, W2 at 12–15, b2 at 16; the penalty is on weights only.
		for p := range want {
			pen := 0.0
			if w := want[p]; p < 8 || (p >= 12 && p < 16) {
				switch reg {
				case RegL1: // λ·sign(w)
					pen = cfg.RegularizationRate * float64(cmp.Compare(w, 0))
				case RegL2: // λ·w
					pen = cfg.RegularizationRate * w
				}
			}
			want[p] -= cfg.LearningRate * (sum[p]/float64(len(idx)) + pen)
		}
		dc, idxc := cloneData(d), slices.Clone(idx)
		if err := n.TrainBatch(d, idx, cfg); err != nil {
			t.Fatal(err)
		}
		for p := range want {
			if math.Abs(n.Params()[p]-want[p]) > 1e-14 {
				t.Errorf("%v: parameter %d = %v, want %v", reg, p, n.Params()[p], want[p])
			}
		}
		if !slices.Equal(d.Inputs, dc.Inputs) || !slices.Equal(d.Targets, dc.Targets) || !slices.Equal(idx, idxc) {
			t.Errorf("%v: TrainBatch modified its data or indices", reg)
		}
	}
}

// TestEpochIsBatches checks that an epoch is the shuffled order cut into batches of
// BatchSize, the short last one with its own mean: replaying the shuffled order batch by
// batch through TrainBatch gives the same network, bit for bit.
func TestEpochIsBatches(t *testing.T) {
	d, idx := xorData(60, 4)
	train := idx[:25]
	for _, bs := range []int{1, 7, 10, 25, 26, 1000} {
		cfg := TrainConfig{LearningRate: 0.1, BatchSize: bs, Regularization: RegL2, RegularizationRate: 0.003}
		n := newNet(t, []int{2, 3, 1}, Tanh, Sigmoid, 2)
		replay := n.Clone()
		order := slices.Clone(train)
		dc := cloneData(d)
		if err := n.TrainEpoch(d, order, rand.New(rand.NewPCG(1, 1)), cfg); err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(d.Inputs, dc.Inputs) || !slices.Equal(d.Targets, dc.Targets) {
			t.Fatalf("TrainEpoch modified its data")
		}
		if sorted := slices.Sorted(slices.Values(order)); !slices.Equal(sorted, train) {
			t.Fatalf("batch %d: order after the epoch is %v, not a permutation of %v", bs, order, train)
		}
		steps := 0
		for start := 0; start < len(order); start += bs {
			if err := replay.TrainBatch(d, order[start:min(start+bs, len(order))], cfg); err != nil {
				t.Fatal(err)
			}
			steps++
		}
		if !sameBits(n.Params(), replay.Params()) {
			t.Errorf("batch %d: the epoch differs from %d steps over the shuffled order", bs, steps)
		}
		if bs >= len(train) && steps != 1 {
			t.Errorf("batch %d ≥ %d points: %d steps, want 1 (full batch)", bs, len(train), steps)
		}
	}
}

// TestFullBatch checks that with BatchSize ≥ the number of points an epoch is one
// gradient step over all of them, whatever the shuffle.
func TestFullBatch(t *testing.T) {
	d, idx := xorData(30, 5)
	cfg := TrainConfig{LearningRate: 0.2, BatchSize: 30}
	n := newNet(t, []int{2, 4, 1}, Sigmoid, Sigmoid, 3)
	step := n.Clone()
	if err := step.TrainBatch(d, idx, cfg); err != nil {
		t.Fatal(err)
	}
	if err := n.TrainEpoch(d, slices.Clone(idx), rand.New(rand.NewPCG(9, 9)), cfg); err != nil {
		t.Fatal(err)
	}
	for p, want := range step.Params() {
		// The sum runs in shuffled order, so the last bits may differ.
		if got := n.Params()[p]; math.Abs(got-want) > 1e-15*(1+math.Abs(want)) {
			t.Errorf("parameter %d = %v after a full-batch epoch, want %v (one step)", p, got, want)
		}
	}
}

func TestEmptyTraining(t *testing.T) {
	n := newNet(t, []int{2, 4, 1}, Sigmoid, Sigmoid, 3)
	before := slices.Clone(n.Params())
	cfg := TrainConfig{LearningRate: 0.2, BatchSize: 10}
	if err := n.TrainEpoch(Data{}, nil, rand.New(rand.NewPCG(1, 1)), cfg); err != nil {
		t.Errorf("TrainEpoch with no samples: %v", err)
	}
	if err := n.TrainBatch(Data{}, []int{}, cfg); err != nil {
		t.Errorf("TrainBatch with no samples: %v", err)
	}
	if !slices.Equal(n.Params(), before) {
		t.Error("training on no samples changed the network")
	}
}

func TestShuffleUsesRng(t *testing.T) {
	_, idx := xorData(50, 1)
	cfg := TrainConfig{LearningRate: 0.01, BatchSize: 10}
	d, _ := xorData(50, 1)
	shuffle := func(seed uint64) ([]int, *rand.Rand) {
		n := newNet(t, []int{2, 2, 1}, Sigmoid, Sigmoid, 1)
		order := slices.Clone(idx)
		rng := rand.New(rand.NewPCG(seed, 0))
		if err := n.TrainEpoch(d, order, rng, cfg); err != nil {
			t.Fatal(err)
		}
		return order, rng
	}
	a, rngA := shuffle(1)
	b, _ := shuffle(1)
	c, _ := shuffle(2)
	if !slices.Equal(a, b) {
		t.Error("the same seed gives different shuffles")
	}
	if slices.Equal(a, c) || slices.Equal(a, idx) {
		t.Error("the shuffle does not depend on the generator")
	}
	if rngA.Uint64() == rand.New(rand.NewPCG(1, 0)).Uint64() {
		t.Error("TrainEpoch did not draw from the given generator")
	}
}

func TestDeterminism(t *testing.T) {
	run := func() *Network {
		d, idx := xorData(200, 8)
		n := newNet(t, []int{2, 8, 8, 1}, Tanh, Sigmoid, 42)
		rng := rand.New(rand.NewPCG(42, 1))
		cfg := TrainConfig{LearningRate: 0.1, BatchSize: 10, Regularization: RegL1, RegularizationRate: 0.001}
		for range 20 {
			if err := n.TrainEpoch(d, idx, rng, cfg); err != nil {
				t.Fatal(err)
			}
		}
		return n
	}
	a, b := run(), run()
	if !sameBits(a.Params(), b.Params()) {
		t.Error("two runs from the same seeds differ")
	}
}

// TestDivergence trains a regression with a huge learning rate: the epoch must stop with
// ErrDiverged, and the network must hold the parameters of the last good step, which a
// replay of the same batches finds.
func TestDivergence(t *testing.T) {
	rng := rand.New(rand.NewPCG(2, 2))
	var d Data
	for range 40 {
		x1, x2 := rng.Float64()*12-6, rng.Float64()*12-6
		d.Inputs = append(d.Inputs, x1, x2)
		d.Targets = append(d.Targets, 3*x1-x2)
	}
	idx := make([]int, 40)
	for k := range idx {
		idx[k] = k
	}
	cfg := TrainConfig{LearningRate: 10, BatchSize: 4}
	n := newNet(t, []int{2, 4, 1}, Linear, Linear, 1)
	shuffle := rand.New(rand.NewPCG(3, 3))
	var err error
	epoch := 0
	var start *Network
	var order []int
	for epoch = 1; epoch <= 100; epoch++ {
		start = n.Clone()
		order = slices.Clone(idx)
		if err = n.TrainEpoch(d, order, shuffle, cfg); err != nil {
			break
		}
	}
	if !errors.Is(err, ErrDiverged) {
		t.Fatalf("100 epochs at learning rate 10: err = %v, want ErrDiverged", err)
	}
	for p, v := range n.Params() {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			t.Fatalf("parameter %d = %v after divergence", p, v)
		}
	}
	// Replay the failing epoch: the last good parameters are those before the first step
	// that fails.
	replay := start
	for s := 0; s < len(order); s += cfg.BatchSize {
		last := replay.Clone()
		if err := replay.TrainBatch(d, order[s:s+cfg.BatchSize], cfg); err != nil {
			if !sameBits(n.Params(), last.Params()) {
				t.Errorf("after ErrDiverged in epoch %d the parameters are not the last good ones", epoch)
			}
			if s == 0 && epoch == 1 {
				t.Error("diverged at the first step: the test shows nothing about keeping good steps")
			}
			t.Logf("diverged at step %d of epoch %d", s/cfg.BatchSize+1, epoch)
			return
		}
	}
	t.Fatalf("the replay of epoch %d did not diverge", epoch)
}

func TestEvaluate(t *testing.T) {
	// A 1‑1 sigmoid network with weight 0 and bias 0 answers 0.5 everywhere; with
	// weight 1 it answers σ(x).
	tests := []struct {
		name      string
		w         float64
		data      Data
		idx       []int
		loss, acc float64
	}{
		{"constant 0.5", 0, Data{Inputs: []float64{1, 2, 3}, Targets: []float64{0, 1, 1}}, []int{0, 1, 2},
			0.25, 2.0 / 3},
		{"subset", 0, Data{Inputs: []float64{1, 2, 3}, Targets: []float64{0, 1, 1}}, []int{0},
			0.25, 0},
		{"repeated index", 0, Data{Inputs: []float64{1, 2, 3}, Targets: []float64{0, 1, 1}}, []int{2, 2, 0},
			0.25, 2.0 / 3},
		{"σ(x)", 1, Data{Inputs: []float64{-2, 0, 2}, Targets: []float64{0, 0, 1}}, []int{0, 1, 2},
			(math.Pow(1/(1+math.Exp(2)), 2) + 0.25 + math.Pow(1-1/(1+math.Exp(-2)), 2)) / 3, 2.0 / 3},
		{"empty", 1, Data{Inputs: []float64{-2}, Targets: []float64{0}}, nil, math.NaN(), math.NaN()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := newNet(t, []int{1, 1}, Sigmoid, Sigmoid, 1)
			n.SetWeight(0, 0, 0, tt.w)
			n.SetBias(0, 0, 0)
			dc, idxc := cloneData(tt.data), slices.Clone(tt.idx)
			loss, acc := n.Evaluate(tt.data, tt.idx)
			if !closeTo(loss, tt.loss) || !closeTo(acc, tt.acc) {
				t.Errorf("Evaluate = %v, %v; want %v, %v", loss, acc, tt.loss, tt.acc)
			}
			if !slices.Equal(dc.Inputs, tt.data.Inputs) || !slices.Equal(dc.Targets, tt.data.Targets) || !slices.Equal(idxc, tt.idx) {
				t.Error("Evaluate modified its arguments")
			}
		})
	}
}

// closeTo reports whether a and b agree to 1e-15, or are both NaN.
func closeTo(a, b float64) bool {
	if math.IsNaN(a) || math.IsNaN(b) {
		return math.IsNaN(a) && math.IsNaN(b)
	}
	return math.Abs(a-b) <= 1e-15
}

func TestEvaluateSeveralOutputs(t *testing.T) {
	// A 1‑2 linear network: outputs (x, −x). Loss sums over outputs; the class is the
	// largest output against the largest target.
	n := newNet(t, []int{1, 2}, Linear, Linear, 1)
	copy(n.Params(), []float64{1, -1, 0, 0})
	d := Data{Inputs: []float64{2, -1}, Targets: []float64{1, 0, 0, 1}}
	loss, acc := n.Evaluate(d, []int{0, 1})
	want := ((2-1)*(2-1) + (-2-0)*(-2-0) + (-1-0)*(-1-0) + (1-1)*(1-1)) / 2.0
	if loss != want || acc != 1 {
		t.Errorf("Evaluate = %v, %v; want %v, 1", loss, acc, want)
	}
}

func TestDataLen(t *testing.T) {
	tests := []struct {
		d       Data
		outputs int
		want    int
	}{
		{Data{}, 1, 0},
		{Data{Inputs: []float64{1, 2, 3, 4}, Targets: []float64{0, 1}}, 1, 2},
		{Data{Inputs: []float64{1, 2, 3, 4}, Targets: []float64{0, 1, 1, 0}}, 2, 2},
	}
	for _, tt := range tests {
		if got := tt.d.Len(tt.outputs); got != tt.want {
			t.Errorf("%v.Len(%d) = %d, want %d", tt.d, tt.outputs, got, tt.want)
		}
	}
}

func TestParseRegularization(t *testing.T) {
	checkNames(t, []Regularization{RegNone, RegL1, RegL2}, ParseRegularization, "none l1 l2",
		[]string{"", "L1", "l3", "dropout"}, "want none, l1 or l2", Regularization(7), "Regularization(7)")
}

// TestTrainBatchMatchesSampleBySample checks that TrainBatch, which runs several samples
// side by side, gives the parameters of Forward, Backward per sample in the order of idx and
// one Update, bit for bit, and that Evaluate gives the loss of Forward per sample, bit for
// bit: batches of 1 to 9 (whole groups of lanes and remainders), two inputs (the
// specialised loops) and three, every activation.
func TestTrainBatchMatchesSampleBySample(t *testing.T) {
	for _, layers := range [][]int{{2, 4, 1}, {3, 5, 4, 2}, {2, 3, 3, 1}} {
		for _, hidden := range []Activation{Sigmoid, Tanh, ReLU, Linear} {
			for size := 1; size <= 9; size++ {
				n := newNet(t, layers, hidden, Sigmoid, uint64(size))
				rng := rand.New(rand.NewPCG(uint64(size), 9))
				ni, no := layers[0], layers[len(layers)-1]
				d := Data{Inputs: uniform(rng, 10*ni, -6, 6), Targets: uniform(rng, 10*no, 0, 1)}
				idx := rng.Perm(10)[:size]
				cfg := TrainConfig{LearningRate: 0.5, BatchSize: size, Regularization: RegL1, RegularizationRate: 0.01}

				one := n.Clone()
				sum := 0.0
				for _, k := range idx {
					out := one.Forward(d.Inputs[k*ni : (k+1)*ni])
					for o, yhat := range out {
						e := d.Targets[k*no+o] - yhat
						sum += e * e
					}
					one.Backward(d.Targets[k*no : (k+1)*no])
				}
				if err := one.Update(cfg, len(idx)); err != nil {
					t.Fatal(err)
				}
				loss, _ := n.Evaluate(d, idx)
				if want := sum / float64(len(idx)); math.Float64bits(loss) != math.Float64bits(want) {
					t.Errorf("%v %v, %d samples: Evaluate loss %v, sample by sample %v", layers, hidden, size, loss, want)
				}
				if err := n.TrainBatch(d, idx, cfg); err != nil {
					t.Fatal(err)
				}
				if !sameBits(n.Params(), one.Params()) {
					t.Errorf("%v %v, %d samples: TrainBatch differs from sample by sample", layers, hidden, size)
				}
			}
		}
	}
}

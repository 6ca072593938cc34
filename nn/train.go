package nn

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
)

// Regularization is the penalty added to the gradient of every weight (never biases) and
// left out of the reported loss.
type Regularization uint8

// The regularizations, named "none", "l1", "l2".
const (
	RegNone Regularization = iota
	RegL1                  // adds λ·sign(w)
	RegL2                  // adds λ·w
)

var regularizationNames = [...]string{RegNone: "none", RegL1: "l1", RegL2: "l2"}

// RegularizationNames returns the name of every regularization, in the order of their
// constants.
func RegularizationNames() []string { return append([]string(nil), regularizationNames[:]...) }

// ParseRegularization returns the regularization with the given name.
func ParseRegularization(name string) (Regularization, error) {
	if r := slices.Index(regularizationNames[:], name); r >= 0 {
		return Regularization(r), nil
	}
	return 0, fmt.Errorf("unknown regularization %q: want %s", name, orList(regularizationNames[:]))
}

// String returns the regularization's name.
func (r Regularization) String() string {
	if int(r) < len(regularizationNames) {
		return regularizationNames[r]
	}
	return fmt.Sprintf("Regularization(%d)", uint8(r))
}

// ErrDiverged reports a training step that would have made a parameter NaN or infinite.
var ErrDiverged = errors.New("nn: training diverged")

// TrainConfig holds the settings of gradient descent.
type TrainConfig struct {
	LearningRate       float64        // η, the step size
	BatchSize          int            // samples per mini-batch; ≥ the data size means full batch, < 1 means 1
	Regularization     Regularization // penalty on weights
	RegularizationRate float64        // λ
}

// Data is a set of samples on flat slices: sample k's input is
// Inputs[k*inputs : (k+1)*inputs] and its target Targets[k*outputs : (k+1)*outputs].
type Data struct {
	Inputs  []float64
	Targets []float64
}

// Len returns the number of samples for a network with the given number of outputs
// (Targets holds outputs numbers per sample). It panics if outputs < 1.
func (d Data) Len(outputs int) int {
	if outputs < 1 {
		panic("nn: Data.Len: outputs must be at least 1")
	}
	return len(d.Targets) / outputs
}

// load copies the input of sample k of d into the input of the lane ls and returns the
// sample's target.
func load(ls []layer, d Data, k int) (y []float64) {
	in := ls[0].in
	x := d.Inputs[k*len(in) : (k+1)*len(in)]
	for i, v := range x {
		in[i] = v
	}
	no := len(ls[len(ls)-1].out)
	return d.Targets[k*no : (k+1)*no]
}

// TrainEpoch shuffles order (the indices of the samples to train on) with rng, then makes
// one pass over them in mini-batches of cfg.BatchSize, each followed by Update with that
// batch's own size. With no samples it does nothing. It stops at the first step that would
// diverge, keeping the last good parameters, and returns ErrDiverged. It allocates nothing.
func (n *Network) TrainEpoch(d Data, order []int, rng *rand.Rand, cfg TrainConfig) error {
	Shuffle(order, rng)
	bs := cfg.BatchSize
	if bs < 1 {
		bs = 1
	}
	for start := 0; start < len(order); start += bs {
		end := min(start+bs, len(order))
		if err := n.TrainBatch(d, order[start:end], cfg); err != nil {
			return err
		}
	}
	return nil
}

// Shuffle puts order in a random order drawn from rng (Fisher–Yates, from the end), the
// order TrainEpoch trains an epoch in; with the same rng state it gives the same order. It
// allocates nothing.
func Shuffle(order []int, rng *rand.Rand) {
	for i := len(order) - 1; i > 0; i-- {
		j := rng.IntN(i + 1)
		order[i], order[j] = order[j], order[i]
	}
}

// Penalty returns the regularization term Update adds to the gradient of a weight w (never
// a bias): λ·sign(w) for L1 (0 at w = 0), λ·w for L2, 0 for none.
func (c TrainConfig) Penalty(w float64) float64 {
	switch c.Regularization {
	case RegL1:
		return l1(c.RegularizationRate, w)
	case RegL2:
		return c.RegularizationRate * w
	}
	return 0
}

// l1 returns λ·sign(w), 0 at w = 0.
func l1(lambda, w float64) float64 {
	if w > 0 {
		return lambda
	} else if w < 0 {
		return -lambda
	}
	return 0
}

// Update applies w ← w − η·(Grads/count + regularization) to every parameter
// (regularization on weights only) and zeroes the gradients. If any new parameter would not
// be finite it changes nothing, zeroes the gradients and returns ErrDiverged.
func (n *Network) Update(cfg TrainConfig, count int) error {
	if count < 1 {
		panic("nn: Update: count must be at least 1")
	}
	// The new values go into the gradient slots first, so that a diverging step changes
	// nothing; only if all are finite are they copied over the parameters.
	finite := true
	for l, w := range n.w {
		finite = stepWeights(n.gw[l], w, cfg, count) && finite
		finite = stepBiases(n.gb[l], n.b[l], cfg.LearningRate, count) && finite
	}
	if finite {
		copy(n.params, n.grads)
	}
	n.ZeroGrads()
	if !finite {
		return ErrDiverged
	}
	return nil
}

// stepWeights replaces each gradient sum g[k] by the stepped weight
// w[k] − η·(g[k]/count + penalty(w[k])) and reports whether all of them are finite.
func stepWeights(g, w []float64, cfg TrainConfig, count int) (finite bool) {
	g = g[:len(w)]
	eta, inv, lambda := cfg.LearningRate, 1/float64(count), cfg.RegularizationRate
	check := 0.0 // a sum of v−v: 0 while every v is finite, NaN after any ±Inf or NaN
	switch cfg.Regularization {
	case RegL1:
		for k, wk := range w {
			v := wk - float64(eta*(float64(g[k]*inv)+l1(lambda, wk)))
			g[k] = v
			check += v - v
		}
	case RegL2:
		for k, wk := range w {
			v := wk - float64(eta*(float64(g[k]*inv)+float64(lambda*wk)))
			g[k] = v
			check += v - v
		}
	default:
		for k, wk := range w {
			v := wk - float64(eta*(g[k]*inv))
			g[k] = v
			check += v - v
		}
	}
	return check == 0
}

// stepBiases replaces each gradient sum g[k] by the stepped bias b[k] − η·g[k]/count and
// reports whether all of them are finite.
func stepBiases(g, b []float64, eta float64, count int) (finite bool) {
	g = g[:len(b)]
	inv := 1 / float64(count)
	check := 0.0 // as in stepWeights
	for k, bk := range b {
		v := bk - float64(eta*g[k]*inv)
		g[k] = v
		check += v - v
	}
	return check == 0
}

// TrainBatch accumulates the gradient over the samples idx and applies one Update.
// With no samples it does nothing.
func (n *Network) TrainBatch(d Data, idx []int, cfg TrainConfig) error {
	count := len(idx)
	if count == 0 {
		return nil
	}
	// Up to laneCount samples at a time, one per lane: their forward passes are
	// independent, so the processor overlaps them. The gradients are still added in the
	// order of idx, so the result is the same, bit for bit, as one sample at a time.
	var ys [laneCount][]float64
	for len(idx) > 0 {
		lanes := n.lanes[:min(laneCount, len(idx))]
		for i, ls := range lanes {
			ys[i] = load(ls, d, idx[i])
		}
		n.forwardLanes(lanes)
		for i, ls := range lanes {
			n.backward(ls, ys[i])
		}
		idx = idx[len(lanes):]
	}
	return n.Update(cfg, count)
}

// Evaluate returns the mean squared error (1/n)·Σ(y − ŷ)² (Loss, summed over outputs) over the
// samples idx of d, and the accuracy: the share of samples classified right, where a single
// output ŷ ≥ 0.5 means class 1 and a target ≥ 0.5 is class 1 (with several outputs, the
// largest output must be the largest target). With no samples both are NaN. It allocates
// nothing.
func (n *Network) Evaluate(d Data, idx []int) (loss, accuracy float64) {
	if len(idx) == 0 {
		return math.NaN(), math.NaN()
	}
	var s score
	// Up to laneCount samples at a time, as in TrainBatch, scored in the order of idx.
	var ys [laneCount][]float64
	for rest := idx; len(rest) > 0; {
		lanes := n.lanes[:min(laneCount, len(rest))]
		for i, ls := range lanes {
			ys[i] = load(ls, d, rest[i])
		}
		n.forwardLanes(lanes)
		for i, ls := range lanes {
			s.add(ls[len(ls)-1].out, ys[i])
		}
		rest = rest[len(lanes):]
	}
	m := float64(len(idx))
	return s.sum / m, float64(s.right) / m
}

// score accumulates the squared errors and the samples classified right.
type score struct {
	sum   float64
	right int
}

// add scores the output out of one sample with target y.
func (s *score) add(out, y []float64) {
	y = y[:len(out)]
	for o, yhat := range out {
		s.sum += Loss(yhat, y[o])
	}
	if len(out) == 1 {
		if (out[0] >= 0.5) == (y[0] >= 0.5) {
			s.right++
		}
	} else if argmax(out) == argmax(y) {
		s.right++
	}
}

func argmax(v []float64) int {
	best := 0
	for i, x := range v {
		if x > v[best] {
			best = i
		}
	}
	return best
}

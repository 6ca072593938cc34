package nn

import (
	"fmt"
	"math/rand/v2"
)

// Network is a fully connected feed-forward network.
//
// Parameters live in one flat slice: for each layer l (from 0, the first weight layer) the
// weights W[l] row-major, W[l][j][i] into node j of layer l+1 from node i of layer l, then
// the biases b[l]. Gradients live in a slice of the same layout.
type Network struct {
	layers         []int
	hidden, output Activation
	params, grads  []float64

	// Per weight layer l: views into params and grads, each cut to its exact length so the
	// hot loops need no bounds checks beyond the first.
	w, b, gw, gb [][]float64
	// a[l] holds the activations of layer l from the last Forward (a[0] is the input);
	// delta[l] holds ∂L/∂z of layer l+1 from the last Backward.
	a, delta [][]float64
}

// MaxLayerSize and MaxHiddenLayers bound the shapes New and DecodeModel accept.
const (
	MaxLayerSize    = 64
	MaxHiddenLayers = 8
)

// New returns a network with the given layer sizes (inputs first, outputs last, at least two
// layers, at most MaxHiddenLayers hidden ones, each of 1 to MaxLayerSize nodes), hidden
// activation (any) and output activation (Sigmoid for classification, Linear for
// regression), and weights initialised from rng (see Init). It copies layers.
func New(layers []int, hidden, output Activation, rng *rand.Rand) (*Network, error) {
	if err := checkShape(layers); err != nil {
		return nil, fmt.Errorf("nn: New %v: %v", layers, err)
	}
	if int(hidden) >= len(activationNames) {
		return nil, fmt.Errorf("nn: New: hidden activation %v: want Sigmoid, Tanh, ReLU or Linear", hidden)
	}
	if output != Sigmoid && output != Linear {
		return nil, fmt.Errorf("nn: New: output activation %v: want Sigmoid (classification) or Linear (regression)", output)
	}
	n := &Network{layers: append([]int(nil), layers...), hidden: hidden, output: output}
	total := 0
	for l := 0; l+1 < len(layers); l++ {
		total += layers[l+1]*layers[l] + layers[l+1]
	}
	n.params = make([]float64, total)
	n.grads = make([]float64, total)
	L := len(layers) - 1
	n.w, n.b = make([][]float64, L), make([][]float64, L)
	n.gw, n.gb = make([][]float64, L), make([][]float64, L)
	n.a, n.delta = make([][]float64, L+1), make([][]float64, L)
	n.a[0] = make([]float64, layers[0])
	off := 0
	for l := 0; l < L; l++ {
		nw, nb := layers[l+1]*layers[l], layers[l+1]
		n.w[l], n.gw[l] = n.params[off:off+nw:off+nw], n.grads[off:off+nw:off+nw]
		off += nw
		n.b[l], n.gb[l] = n.params[off:off+nb:off+nb], n.grads[off:off+nb:off+nb]
		off += nb
		n.a[l+1] = make([]float64, nb)
		n.delta[l] = make([]float64, nb)
	}
	n.Init(rng)
	return n, nil
}

// checkShape reports layer lists New cannot build.
func checkShape(layers []int) error {
	if len(layers) < 2 {
		return fmt.Errorf("layers: has %d entries, want at least 2 (inputs and outputs)", len(layers))
	}
	if len(layers)-2 > MaxHiddenLayers {
		return fmt.Errorf("layers: %d hidden layers, want at most %d", len(layers)-2, MaxHiddenLayers)
	}
	for l, size := range layers {
		if size < 1 || size > MaxLayerSize {
			return fmt.Errorf("layers[%d]: %d nodes, want 1 to %d", l, size, MaxLayerSize)
		}
	}
	return nil
}

// Init re-initialises every weight from rng, uniform in [−0.5, 0.5), and every bias to 0.1,
// as TensorFlow Playground does; the same rng state gives the same network. The weights are
// drawn layer by layer, row by row, in the order of Params. On the raw inputs of the plane
// [−6, 6]² this keeps the first layer's z within about ±6, where sigmoid and tanh still have
// a slope, and a 2‑4‑1 sigmoid network learns the circle and (for most seeds) XOR with
// learning rates 0.03 to 0.3 and batches of 10. A nil rng means a PCG generator seeded with
// (0, 0). Gradients are zeroed.
func (n *Network) Init(rng *rand.Rand) {
	if rng == nil {
		rng = rand.New(rand.NewPCG(0, 0))
	}
	for l := range n.w {
		for k := range n.w[l] {
			n.w[l][k] = rng.Float64() - 0.5
		}
		for k := range n.b[l] {
			n.b[l][k] = 0.1
		}
	}
	n.ZeroGrads()
}

// Layers returns the layer sizes, inputs first. The caller must not modify it.
func (n *Network) Layers() []int { return n.layers }

// Hidden returns the activation of the hidden layers.
func (n *Network) Hidden() Activation { return n.hidden }

// Output returns the activation of the output layer.
func (n *Network) Output() Activation { return n.output }

// Params returns the flat parameter slice (layout in the type's comment). Writing to it
// changes the network.
func (n *Network) Params() []float64 { return n.params }

// Grads returns the flat gradient accumulator, in the layout of Params.
func (n *Network) Grads() []float64 { return n.grads }

// Weight returns W[l][j][i], the weight into node j of layer l+1 from node i of layer l.
func (n *Network) Weight(l, j, i int) float64 { return n.w[l][j*n.layers[l]+i] }

// SetWeight sets W[l][j][i].
func (n *Network) SetWeight(l, j, i int, w float64) { n.w[l][j*n.layers[l]+i] = w }

// Bias returns the bias of node j of layer l+1.
func (n *Network) Bias(l, j int) float64 { return n.b[l][j] }

// SetBias sets the bias of node j of layer l+1.
func (n *Network) SetBias(l, j int, b float64) { n.b[l][j] = b }

// Forward runs the network on input x (len(x) must be Layers()[0]) and returns the output
// activations, a slice owned by the network that the next Forward overwrites. Per layer it
// computes z = W·a + b, then a = σ(z). It allocates nothing.
func (n *Network) Forward(x []float64) []float64 {
	in := n.a[0]
	if len(x) != len(in) {
		panic("nn: Forward: input length does not match the input layer")
	}
	copy(in, x)
	last := len(n.w) - 1
	for l, w := range n.w {
		out := n.a[l+1]
		b := n.b[l]
		b = b[:len(out)]
		k := 0
		for j := range out {
			row := w[k : k+len(in)]
			s := b[j]
			for i, v := range in {
				s += row[i] * v
			}
			out[j] = s
			k += len(in)
		}
		if l == last {
			n.output.apply(out)
		} else {
			n.hidden.apply(out)
		}
		in = out
	}
	return in
}

// Activations returns the activations of layer l (0 is the input) from the last Forward.
// The caller must not modify it.
func (n *Network) Activations(l int) []float64 { return n.a[l] }

// Backward adds to Grads the gradient of ½·Σ(y − ŷ)² with respect to every parameter, for the
// input of the last Forward and the target y. By the chain rule, with δ = ∂L/∂z:
// at the output δ = (ŷ − y)·σ′(z); for a hidden layer δ_i = σ′(z_i)·Σ_j W_ji·δ_j;
// and ∂L/∂W_ji = δ_j·a_i, ∂L/∂b_j = δ_j. It allocates nothing.
func (n *Network) Backward(y []float64) {
	L := len(n.w)
	out := n.a[L]
	d := n.delta[L-1]
	if len(y) != len(out) {
		panic("nn: Backward: target length does not match the output layer")
	}
	for j, yhat := range out {
		d[j] = (yhat - y[j]) * n.output.derivOut(yhat)
	}
	for l := L - 1; l >= 0; l-- {
		in := n.a[l]
		d := n.delta[l]
		gw, gb := n.gw[l], n.gb[l]
		gb = gb[:len(d)]
		k := 0
		for j, dj := range d {
			gb[j] += dj
			row := gw[k : k+len(in)]
			for i, v := range in {
				row[i] += dj * v
			}
			k += len(in)
		}
		if l == 0 {
			break
		}
		// δ of layer l: σ′(a_i)·Σ_j W_ji·δ_j.
		prev := n.delta[l-1]
		prev = prev[:len(in)]
		w := n.w[l]
		for i := range prev {
			prev[i] = 0
		}
		k = 0
		for _, dj := range d {
			row := w[k : k+len(in)]
			for i, wji := range row {
				prev[i] += wji * dj
			}
			k += len(in)
		}
		h := n.hidden
		for i, ai := range in {
			prev[i] *= h.derivOut(ai)
		}
	}
}

// ZeroGrads sets every gradient to zero.
func (n *Network) ZeroGrads() { clear(n.grads) }

// Update applies w ← w − η·(Grads/count + regularization) to every parameter
// (regularization on weights only) and zeroes the gradients. If any new parameter would not
// be finite it changes nothing, zeroes the gradients and returns ErrDiverged.
func (n *Network) Update(cfg TrainConfig, count int) error {
	if count < 1 {
		panic("nn: Update: count must be at least 1")
	}
	eta, inv := cfg.LearningRate, 1/float64(count)
	// First pass: check that every new value is finite, so that a diverging step changes
	// nothing. x−x is 0 for finite x and NaN for ±Inf and NaN.
	bad := false
	for l, w := range n.w {
		gw := n.gw[l][:len(w)]
		for k, wk := range w {
			v := wk - eta*(gw[k]*inv+cfg.penalty(wk))
			bad = bad || v-v != 0
		}
		b := n.b[l]
		gb := n.gb[l][:len(b)]
		for k, bk := range b {
			v := bk - eta*gb[k]*inv
			bad = bad || v-v != 0
		}
	}
	if bad {
		n.ZeroGrads()
		return ErrDiverged
	}
	for l, w := range n.w {
		gw := n.gw[l][:len(w)]
		for k, wk := range w {
			w[k] = wk - eta*(gw[k]*inv+cfg.penalty(wk))
		}
		b := n.b[l]
		gb := n.gb[l][:len(b)]
		for k, bk := range b {
			b[k] = bk - eta*gb[k]*inv
		}
	}
	n.ZeroGrads()
	return nil
}

// penalty returns the regularization term added to the gradient of weight w.
func (c *TrainConfig) penalty(w float64) float64 {
	switch c.Regularization {
	case RegL1:
		switch {
		case w > 0:
			return c.RegularizationRate
		case w < 0:
			return -c.RegularizationRate
		}
		return 0
	case RegL2:
		return c.RegularizationRate * w
	}
	return 0
}

// CopyFrom makes n an exact copy of src's shape and parameters, reusing n's memory when the
// shapes match.
func (n *Network) CopyFrom(src *Network) {
	if !n.sameShape(src) {
		*n = *src.Clone()
		return
	}
	n.hidden, n.output = src.hidden, src.output
	copy(n.params, src.params)
	copy(n.grads, src.grads)
}

// Clone returns a deep copy of n.
func (n *Network) Clone() *Network {
	c, err := New(n.layers, n.hidden, n.output, nil)
	if err != nil {
		panic("nn: Clone: " + err.Error())
	}
	copy(c.params, n.params)
	copy(c.grads, n.grads)
	return c
}

func (n *Network) sameShape(o *Network) bool {
	if len(n.layers) != len(o.layers) {
		return false
	}
	for i := range n.layers {
		if n.layers[i] != o.layers[i] {
			return false
		}
	}
	return true
}

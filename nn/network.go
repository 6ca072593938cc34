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
	// lanes[0][l] gathers the slices the hot loops use for weight layer l, with the
	// activations and δs above; each further lane shares the parameters and gradients but
	// has its own activations and δs, so that TrainBatch and Evaluate can run several
	// samples side by side.
	lanes [laneCount][]layer
}

// layer is weight layer l as the forward and backward passes see it: views into the
// network's slices, loaded once per layer rather than once per use.
type layer struct {
	w, b   []float64 // W[l] (row-major, one row of len(in) per node) and b[l]
	gw, gb []float64 // ∂L/∂W[l] and ∂L/∂b[l], accumulated by Backward
	in     []float64 // a[l], the activations feeding this layer
	out    []float64 // a[l+1], this layer's activations σ(z)
	delta  []float64 // δ = ∂L/∂z of this layer's nodes
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
	if int(hidden) >= len(activations) {
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
	for lane := range n.lanes {
		ls := make([]layer, L)
		in := n.a[0]
		if lane > 0 {
			in = make([]float64, layers[0])
		}
		for l := range ls {
			out, delta := n.a[l+1], n.delta[l]
			if lane > 0 {
				out, delta = make([]float64, layers[l+1]), make([]float64, layers[l+1])
			}
			ls[l] = layer{w: n.w[l], b: n.b[l], gw: n.gw[l], gb: n.gb[l], in: in, out: out, delta: delta}
			in = out
		}
		n.lanes[lane] = ls
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
			n.w[l][k] = float64(rng.Float64()) - 0.5
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

// Activation returns the activation of the nodes of layer l, numbered as in Layers (1 is the
// first hidden layer, len(Layers())−1 the output layer): Output for the output layer, Hidden
// for the others. It panics for the input layer (0), which computes nothing, and beyond the
// output layer.
func (n *Network) Activation(l int) Activation {
	switch {
	case l < 1 || l >= len(n.layers):
		panic("nn: Activation: no such layer (the input layer, 0, has no activation)")
	case l == len(n.layers)-1:
		return n.output
	}
	return n.hidden
}

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
	for i, v := range x {
		in[i] = v
	}
	return n.forward(n.lanes[0])
}

// forward runs the layers ls (one lane) on the input already in ls[0].in and returns the
// output activations.
func (n *Network) forward(ls []layer) []float64 {
	for l := range ls {
		ls[l].affine()
		n.Activation(l + 1).apply(ls[l].out)
	}
	return ls[len(ls)-1].out
}

// laneCount is how many samples TrainBatch and Evaluate run side by side.
const laneCount = 4

// forwardLanes runs the lanes side by side, layer by layer, so that the exponentials of all
// their samples are in flight together; each lane computes exactly what forward does.
func (n *Network) forwardLanes(lanes [][]layer) {
	for l := range n.w {
		for _, ls := range lanes {
			ls[l].affine()
		}
		act := n.Activation(l + 1)
		for _, ls := range lanes {
			act.apply(ls[l].out)
		}
	}
}

// affine sets z = W·in + b into out: out[j] = b[j] + Σ_i W_ji·in[i], summed in the order
// b, then i = 0, 1, …, each product rounded before it is added (never fused: see the
// package comment). It takes the layer by pointer: as a function of the four slices (12
// words, more than the registers Go passes arguments in) the training step and Evaluate
// measured 4–5 % slower.
func (L *layer) affine() {
	in, out := L.in, L.out
	b := L.b[:len(out)]
	w := L.w[:len(out)*len(in)]
	if len(in) == 2 {
		x0, x1 := in[0], in[1]
		for j := range out {
			row := w[2*j : 2*j+2]
			out[j] = b[j] + float64(row[0]*x0) + float64(row[1]*x1)
		}
		return
	}
	for j := range out {
		row := w[:len(in)]
		z := b[j]
		for i, v := range in {
			z += float64(row[i] * v)
		}
		out[j] = z
		w = w[len(in):]
	}
}

// Activations returns the activations of layer l (0 is the input) from the last Forward
// (TrainBatch, TrainEpoch and Evaluate overwrite them). The caller must not modify it.
func (n *Network) Activations(l int) []float64 { return n.a[l] }

// Backward adds to Grads the gradient of ½·Σ(y − ŷ)² with respect to every parameter, for the
// input of the last Forward and the target y. By the chain rule, with δ = ∂L/∂z:
// at the output δ = (ŷ − y)·σ′(z) (LossDeriv, Deriv); for a hidden layer
// δ_i = σ′(z_i)·Σ_j W_ji·δ_j; and ∂L/∂W_ji = δ_j·a_i, ∂L/∂b_j = δ_j. TraceInto computes the
// same node by node. It allocates nothing.
func (n *Network) Backward(y []float64) {
	if len(y) != len(n.a[len(n.w)]) {
		panic("nn: Backward: target length does not match the output layer")
	}
	n.backward(n.lanes[0], y)
}

// backward is Backward without the length check, for the lane ls.
func (n *Network) backward(ls []layer, y []float64) {
	top := &ls[len(ls)-1]
	d, out := top.delta, top.out
	out, y = out[:len(d)], y[:len(d)]
	for j, yhat := range out {
		d[j] = LossDeriv(yhat, y[j])
	}
	n.Activation(len(ls)).scaleByDeriv(d, out)
	for l := len(ls) - 1; l > 0; l-- {
		below := &ls[l-1]
		ls[l].accumulate()
		ls[l].propagate(below.delta)
		n.Activation(l).scaleByDeriv(below.delta, below.out)
	}
	ls[0].accumulate()
}

// accumulate adds δ_j·in_i to ∂L/∂W_ji and δ_j to ∂L/∂b_j. Its rows are walked as affine's
// are, the first layer's two inputs unrolled: with the general loop alone the training step
// measured 4 % slower (BenchmarkTrainStep 722 → 749 ns; 2‑8‑8‑1's 13 %, 2,405 → 2,728 ns),
// and without affine's unrolling 11 % (Evaluate 19 %, 12.2 → 14.6 µs).
func (L *layer) accumulate() {
	d, in := L.delta, L.in
	gb := L.gb[:len(d)]
	gw := L.gw[:len(d)*len(in)]
	if len(in) == 2 {
		x0, x1 := in[0], in[1]
		for j, dj := range d {
			gb[j] += dj
			row := gw[2*j : 2*j+2]
			row[0] += float64(dj * x0)
			row[1] += float64(dj * x1)
		}
		return
	}
	for j, dj := range d {
		gb[j] += dj
		row := gw[:len(in)]
		for i, v := range in {
			row[i] += float64(dj * v)
		}
		gw = gw[len(in):]
	}
}

// propagate sets below[i] = Σ_j W_ji·δ_j, summed in the order j = 0, 1, …, walking W row by
// row; σ′ of the layer below turns it into that layer's δ.
func (L *layer) propagate(below []float64) {
	d := L.delta
	below = below[:len(L.in)]
	w := L.w[:len(d)*len(below)]
	for i, wi := range w[:len(below)] {
		below[i] = wi * d[0]
	}
	for _, dj := range d[1:] {
		w = w[len(below):]
		for i, wi := range w[:len(below)] {
			below[i] += float64(wi * dj)
		}
	}
}

// ZeroGrads sets every gradient to zero.
func (n *Network) ZeroGrads() { clear(n.grads) }

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

package nn

import "math/rand/v2"

// Network is a fully connected feed-forward network.
//
// Parameters live in one flat slice: for each layer l (from 0, the first weight layer) the
// weights W[l] row-major, W[l][j][i] into node j of layer l+1 from node i of layer l, then
// the biases b[l]. Gradients live in a slice of the same layout.
type Network struct {
	layers         []int
	hidden, output Activation
	params, grads  []float64
	// unexported offsets and per-layer scratch (z, a, δ) follow.
}

// MaxLayerSize and MaxHiddenLayers bound the shapes New and DecodeModel accept.
const (
	MaxLayerSize    = 64
	MaxHiddenLayers = 8
)

// New returns a network with the given layer sizes (inputs first, outputs last, at least two
// layers), hidden and output activations, and weights initialised from rng (see Init).
func New(layers []int, hidden, output Activation, rng *rand.Rand) (*Network, error) {
	panic("unimplemented")
}

// Init re-initialises every weight from rng, uniform in ±1/√fanIn·… (deterministic for a
// given rng state), and every bias to 0.1 as TensorFlow Playground does. Gradients are zeroed.
func (n *Network) Init(rng *rand.Rand) { panic("unimplemented") }

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
func (n *Network) Weight(l, j, i int) float64 { panic("unimplemented") }

// SetWeight sets W[l][j][i].
func (n *Network) SetWeight(l, j, i int, w float64) { panic("unimplemented") }

// Bias returns the bias of node j of layer l+1.
func (n *Network) Bias(l, j int) float64 { panic("unimplemented") }

// SetBias sets the bias of node j of layer l+1.
func (n *Network) SetBias(l, j int, b float64) { panic("unimplemented") }

// Forward runs the network on input x (len(x) must be Layers()[0]) and returns the output
// activations, a slice owned by the network that the next Forward overwrites. It allocates
// nothing.
func (n *Network) Forward(x []float64) []float64 { panic("unimplemented") }

// Activations returns the activations of layer l (0 is the input) from the last Forward.
// The caller must not modify it.
func (n *Network) Activations(l int) []float64 { panic("unimplemented") }

// Backward adds to Grads the gradient of ½·Σ(y − ŷ)² with respect to every parameter, for the
// input of the last Forward and the target y. It allocates nothing.
func (n *Network) Backward(y []float64) { panic("unimplemented") }

// ZeroGrads sets every gradient to zero.
func (n *Network) ZeroGrads() { panic("unimplemented") }

// Update applies w ← w − η·(Grads/count + regularization) to every parameter
// (regularization on weights only) and zeroes the gradients. If any new parameter would not
// be finite it changes nothing, zeroes the gradients and returns ErrDiverged.
func (n *Network) Update(cfg TrainConfig, count int) error { panic("unimplemented") }

// CopyFrom makes n an exact copy of src's shape and parameters, reusing n's memory when the
// shapes match.
func (n *Network) CopyFrom(src *Network) { panic("unimplemented") }

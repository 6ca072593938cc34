package nn

import (
	"fmt"
	"slices"
)

// Trace is one sample's pass through a network, written out node by node: what TraceInto,
// the package's reference implementation, computes, and what a picture of the maths shows.
//
// Layers are numbered as in Layers: 0 is the input layer, L = len(Layers())−1 the output.
// For every layer l from 1 to L and node j of it:
//
//	Z[l][j]     = b[l−1][j] + Σ_i W[l−1][j][i]·A[l−1][i]   the pre-activation z = W·a + b
//	A[l][j]     = σ(Z[l][j])                              the activation a = σ(z) (Activation(l))
//	Delta[l][j] = ∂L/∂Z[l][j]                             the error signal δ
//
// A[0] is the input x, and A[L] the output ŷ; Z[0] and Delta[0] are empty (the inputs are
// given, not computed). The gradient of every parameter follows from A and Delta
// (WeightGrad, BiasGrad). The zero value is ready to use: TraceInto sizes it.
type Trace struct {
	Z, A, Delta [][]float64
	Y           []float64 // the target y
	// Loss is Σ_o Loss(ŷ_o, y_o), this sample's term of the mean squared error Evaluate
	// reports. The gradients are those of half of it (see Loss).
	Loss float64

	layers []int // the shape the slices are sized for
}

// Output returns the network's output ŷ, A[L].
func (tr *Trace) Output() []float64 { return tr.A[len(tr.A)-1] }

// WeightGrad returns ∂L/∂W[l][j][i] = δ_j·a_i = Delta[l+1][j]·A[l][i], the gradient of the
// weight into node j of layer l+1 from node i of layer l (numbered as Network.Weight).
func (tr *Trace) WeightGrad(l, j, i int) float64 { return float64(tr.Delta[l+1][j] * tr.A[l][i]) }

// BiasGrad returns ∂L/∂b[l][j] = δ_j = Delta[l+1][j], the gradient of the bias of node j of
// layer l+1 (numbered as Network.Bias).
func (tr *Trace) BiasGrad(l, j int) float64 { return tr.Delta[l+1][j] }

// fit sizes tr for the layer sizes layers, reusing its memory when they are the ones it has.
func (tr *Trace) fit(layers []int) {
	if slices.Equal(tr.layers, layers) {
		return
	}
	tr.layers = slices.Clone(layers)
	total := 0
	for _, size := range layers[1:] {
		total += size
	}
	buf := make([]float64, 3*total+layers[0]+layers[len(layers)-1])
	cut := func(k int) []float64 {
		s := buf[:k:k]
		buf = buf[k:]
		return s
	}
	tr.Z, tr.A, tr.Delta = make([][]float64, len(layers)), make([][]float64, len(layers)), make([][]float64, len(layers))
	tr.A[0], tr.Z[0], tr.Delta[0] = cut(layers[0]), []float64{}, []float64{}
	for l, size := range layers[1:] {
		tr.Z[l+1], tr.A[l+1], tr.Delta[l+1] = cut(size), cut(size), cut(size)
	}
	tr.Y = cut(layers[len(layers)-1])
}

// TraceInto runs the network on the input x and back from the target y, node by node, and
// writes every z, a and δ into tr, with the loss. It is the package's reference
// implementation, the textbook formulas one number at a time:
//
//	forward, for l = 1 … L:   z_j = b_j + Σ_i W_ji·a_i,  a_j = σ(z_j)
//	at the output:            δ_j = ∂L/∂ŷ_j · σ′(z_j) = (ŷ_j − y_j)·σ′(z_j)   (LossDeriv, Deriv)
//	back, for l = L−1 … 1:    δ_i = σ′(z_i) · Σ_j W_ji·δ_j   (j over layer l+1)
//
// Forward, Backward and TrainBatch compute the same numbers layer by layer on flat slices,
// in the same order of operations, so they agree with it bit for bit (the tests hold them
// to that): A and Delta are what Forward and Backward compute, and Backward adds
// WeightGrad and BiasGrad to Grads. TraceInto sizes tr for the network (allocating only when
// its shape differs from the last), leaves the network unchanged and allocates nothing
// otherwise. It panics if x or y does not match the input or output layer.
func (n *Network) TraceInto(tr *Trace, x, y []float64) {
	L := len(n.layers) - 1
	if len(x) != n.layers[0] || len(y) != n.layers[L] {
		panic(fmt.Sprintf("nn: TraceInto: input of %d and target of %d for a %v network", len(x), len(y), n.layers))
	}
	tr.fit(n.layers)
	copy(tr.A[0], x)
	copy(tr.Y, y)

	// Forward: z = W·a + b, then a = σ(z), layer by layer.
	for l := 1; l <= L; l++ {
		act := n.Activation(l)
		for j := range tr.Z[l] {
			z := n.Bias(l-1, j)
			for i, a := range tr.A[l-1] {
				z += float64(n.Weight(l-1, j, i) * a)
			}
			tr.Z[l][j] = z
			tr.A[l][j] = act.Value(z)
		}
	}

	// The loss, and δ at the output by the chain rule: ∂L/∂z = ∂L/∂ŷ · ∂ŷ/∂z.
	tr.Loss = 0
	act := n.Activation(L)
	for j, yhat := range tr.A[L] {
		tr.Loss += Loss(yhat, y[j])
		tr.Delta[L][j] = LossDeriv(yhat, y[j]) * act.Deriv(yhat)
	}

	// Backward: each node's δ from the δs of the layer above it, ∂L/∂z_i = σ′(z_i)·Σ_j W_ji·δ_j,
	// summed from j = 0 up.
	for l := L - 1; l >= 1; l-- {
		act := n.Activation(l)
		above := tr.Delta[l+1]
		for i, a := range tr.A[l] {
			sum := float64(n.Weight(l, 0, i) * above[0])
			for j := 1; j < len(above); j++ {
				sum += float64(n.Weight(l, j, i) * above[j])
			}
			tr.Delta[l][i] = sum * act.Deriv(a)
		}
	}
}

package session

import (
	"math"

	"nnplay/nn"
)

// FDStep is the step h of the central finite difference (L(θ+h) − L(θ−h))/(2h) that checks
// a gradient.
const FDStep = 1e-6

// PointMath is the arithmetic of the network on one data point, as the maths panel shows it:
// the forward pass layer by layer, the point's loss, and the chain rule for one parameter.
// Fill it with Session.Math; it is sized on the first call for a shape and reused after.
type PointMath struct {
	Index    int       // the point's index in Points
	Point    Point     // the point itself
	Features []float64 // the input vector x: the point's features

	// Layers[k] is weight layer k: its W is W[k], its Z, A and Delta those of the nodes it
	// feeds (layer k+1).
	Layers []LayerMath

	YHat         float64 // the network's output ŷ
	SquaredError float64 // (y − ŷ)², what the loss curves average
	Loss         float64 // L = ½(y − ŷ)², whose gradient training follows
	DLdYHat      float64 // ∂L/∂ŷ = ŷ − y
	MSE          float64 // the mean squared error over the training set; NaN without one

	Selected ParamMath // the chain rule for one parameter

	target [1]float64 // the label as the target
	trace  nn.Trace   // the pass Z, A and Delta of Layers view
}

// LayerMath is one weight layer on the point: z = W·a + b, then a = σ(z).
type LayerMath struct {
	Activation nn.Activation
	W          [][]float64 // W[j][i], into node j from node i of the layer below
	B          []float64   // b[j]
	Z          []float64   // z[j] = Σ_i W[j][i]·a_below[i] + b[j] (nn.Trace.Z)
	A          []float64   // a[j] = σ(z[j])
	Delta      []float64   // δ[j] = ∂L/∂z[j] (NaN for a test point, which is not trained on)
}

// Why tells why a parameter's gradient is not given.
type Why uint8

// The reasons a gradient is not given.
const (
	Defined    Why = iota // the gradient is given
	NotTrained            // the point is a test point: it is never trained on
	Kink                  // a ReLU node on the chain sits exactly at its kink, z = 0
)

// Factor is one factor of the chain rule: its name as the maths write it, and its value.
type Factor struct {
	Name  string
	Value float64
}

// ParamMath is the chain rule for one parameter on one point.
//
// For a weight into the output node, ∂L/∂w = ∂L/∂ŷ · σ′(z) · a (a the input the weight
// multiplies); for a weight into a hidden node j from node i, ∂L/∂w = (Σₖ δₖ·wₖⱼ) · σ′(zⱼ) · aᵢ,
// the sum over the nodes k of the layer above; a bias drops the last factor.
type ParamMath struct {
	Param
	Value            float64  // the parameter's value
	Factors          []Factor // the chain rule's factors, whose product is Gradient (NaN where undefined)
	Gradient         float64  // ∂L/∂θ by backpropagation (NaN unless Why is Defined)
	FiniteDifference float64  // (L(θ+h) − L(θ−h))/(2h), h = FDStep
	RelativeError    float64  // |g − fd| / max(|g|, |fd|, 1e-8) (NaN unless Why is Defined)
	Why              Why      // why Gradient is not given, or Defined
	KinkLayer        int      // for Kink: the layer (1 = first hidden) of the node at its kink
	KinkNode         int      // and the node
}

// The names of the chain rule's factors.
const (
	FactorDLdYHat = "∂L/∂ŷ"
	FactorDeriv   = "σ′(z)"
	FactorInput   = "a"
	FactorSum     = "Σₖ δₖ·wₖⱼ"
	FactorDerivJ  = "σ′(zⱼ)"
	FactorInputI  = "aᵢ"
)

// size makes m fit the network's shape, allocating only when the shape changed.
func (m *PointMath) size(net *nn.Network) {
	layers := net.Layers()
	if len(m.Layers) == len(layers)-1 && len(m.Features) == layers[0] {
		same := true
		for k := range m.Layers {
			same = same && len(m.Layers[k].B) == layers[k+1] && len(m.Layers[k].W[0]) == layers[k]
		}
		if same {
			return
		}
	}
	m.Features = make([]float64, layers[0])
	m.Layers = make([]LayerMath, len(layers)-1)
	for k := range m.Layers {
		in, out := layers[k], layers[k+1]
		flat := make([]float64, in*out+out)
		L := &m.Layers[k]
		L.W = make([][]float64, out)
		for j := range L.W {
			L.W[j] = flat[j*in : (j+1)*in : (j+1)*in]
		}
		flat = flat[in*out:]
		L.B = flat
	}
	m.Selected.Factors = make([]Factor, 0, 3)
}

// Math fills m with the arithmetic of point i (an index into Points) for parameter p; it
// refuses an index that names no point or a parameter the network does not have. After the
// first call for a shape it allocates nothing. It leaves the network's parameters as they
// were and its activations those of point i.
func (s *Session) Math(m *PointMath, i int, p Param) error {
	if err := s.checkIndex(i); err != nil {
		return err
	}
	if err := s.CheckParam(p); err != nil {
		return err
	}
	net := s.net
	m.size(net)
	m.Index, m.Point = i, s.points[i]
	m.MSE, _ = net.Evaluate(s.data, s.train)
	copy(m.Features, s.input(i))
	m.target[0] = m.Point.Label
	net.TraceInto(&m.trace, m.Features, m.target[:])
	tr := &m.trace
	for k := range m.Layers {
		L := &m.Layers[k]
		L.Activation = net.Activation(k + 1)
		L.Z, L.A, L.Delta = tr.Z[k+1], tr.A[k+1], tr.Delta[k+1]
		for j := range L.B {
			L.B[j] = net.Bias(k, j)
			for i := range L.W[j] {
				L.W[j][i] = net.Weight(k, j, i)
			}
		}
	}
	m.YHat = tr.Output()[0]
	m.SquaredError = tr.Loss
	m.Loss = 0.5 * tr.Loss
	m.DLdYHat = nn.LossDeriv(m.YHat, m.Point.Label)

	sel := &m.Selected
	sel.Param, sel.Value = p, s.Value(p)
	sel.Factors = sel.Factors[:0]
	sel.Gradient, sel.RelativeError = math.NaN(), math.NaN()
	sel.Why, sel.KinkLayer, sel.KinkNode = Defined, 0, 0
	sel.FiniteDifference = s.finiteDifference(m, p)
	if m.Point.Test {
		sel.Why = NotTrained
		for k := range m.Layers {
			fill(m.Layers[k].Delta, math.NaN())
		}
		return nil
	}
	g := tr.WeightGrad(p.L, p.J, p.I)
	if p.Bias {
		g = tr.BiasGrad(p.L, p.J)
	}
	m.factors()
	if l, j, ok := m.kink(p); ok {
		sel.Why, sel.KinkLayer, sel.KinkNode = Kink, l, j
		// Undefined: σ′ of the parameter's own node, else the sum that carries a δ through it.
		undefined := 0
		if l == p.L+1 && p.L < len(m.Layers)-1 {
			undefined = 1
		}
		sel.Factors[undefined].Value = math.NaN()
		return nil
	}
	sel.Gradient = g
	sel.RelativeError = math.Abs(g-sel.FiniteDifference) / max(math.Abs(g), math.Abs(sel.FiniteDifference), 1e-8)
	return nil
}

// input returns the features of point k, the network's input for it.
func (s *Session) input(k int) []float64 {
	nf := len(s.features)
	return s.data.Inputs[k*nf : (k+1)*nf]
}

// factors fills m.Selected.Factors with the chain rule for its parameter.
func (m *PointMath) factors() {
	sel := &m.Selected
	p := sel.Param
	L := &m.Layers[p.L]
	deriv := L.Activation.Deriv(L.A[p.J])
	input := func() float64 {
		if p.L == 0 {
			return m.Features[p.I]
		}
		return m.Layers[p.L-1].A[p.I]
	}
	if p.L == len(m.Layers)-1 {
		sel.Factors = append(sel.Factors, Factor{FactorDLdYHat, m.DLdYHat}, Factor{FactorDeriv, deriv})
		if !p.Bias {
			sel.Factors = append(sel.Factors, Factor{FactorInput, input()})
		}
		return
	}
	above := &m.Layers[p.L+1]
	sum := 0.0
	for k, d := range above.Delta {
		sum += above.W[k][p.J] * d
	}
	sel.Factors = append(sel.Factors, Factor{FactorSum, sum}, Factor{FactorDerivJ, deriv})
	if !p.Bias {
		sel.Factors = append(sel.Factors, Factor{FactorInputI, input()})
	}
}

// kink reports the first ReLU node on p's chain (the node p feeds, then every hidden node
// above it) whose z is exactly 0, where the derivative is undefined: its layer (1 = first
// hidden) and node.
func (m *PointMath) kink(p Param) (layer, node int, ok bool) {
	for k := p.L; k < len(m.Layers); k++ {
		L := &m.Layers[k]
		if L.Activation != nn.ReLU {
			continue
		}
		for j, z := range L.Z {
			if z == 0 && (k > p.L || j == p.J) {
				return k + 1, j, true
			}
		}
	}
	return 0, 0, false
}

// finiteDifference returns (L(θ+h) − L(θ−h))/(2h) for parameter p on the point of m, and
// leaves the parameter as it was and the network forward on the point.
func (s *Session) finiteDifference(m *PointMath, p Param) float64 {
	params := s.net.Params()
	k := s.index(p)
	theta := params[k]
	loss := func(v float64) float64 {
		params[k] = v
		return 0.5 * nn.Loss(s.net.Forward(m.Features)[0], m.Point.Label)
	}
	fd := (loss(theta+FDStep) - loss(theta-FDStep)) / (2 * FDStep)
	params[k] = theta
	s.net.Forward(m.Features)
	return fd
}

// fill sets every element of v to x.
func fill(v []float64, x float64) {
	for i := range v {
		v[i] = x
	}
}

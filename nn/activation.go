package nn

import (
	"fmt"
	"slices"
)

// Activation is a node's non-linearity: a value σ(z) and its derivative σ′ side by side.
type Activation uint8

// The activations, named in settings and model files as "sigmoid", "tanh", "relu", "linear".
const (
	Sigmoid Activation = iota // σ(z) = 1/(1+e^(−z)), σ′ = σ(1−σ)
	Tanh                      // tanh(z), derivative 1 − tanh²
	ReLU                      // max(0, z), derivative 1 for z > 0, else 0 (relu′(0) = 0)
	Linear                    // z, derivative 1
)

// activations is every activation's name, value and derivative, one row each: the formulas
// themselves are the small functions below, which the per-layer loops (apply, scaleByDeriv,
// Grid) call too, so each is written once. The derivative is a function of the output
// a = σ(z), which backpropagation has at hand (no second exp). expK is k where σ is also a
// function of e^(k·z) alone (sigmoidOfExp, tanhOfExp), which Grid uses; 0 for none.
var activations = [...]struct {
	name  string
	value func(z float64) float64
	deriv func(a float64) float64
	expK  float64
}{
	Sigmoid: {"sigmoid", sigmoid, sigmoidDeriv, -1},
	Tanh:    {"tanh", tanh, tanhDeriv, -2},
	ReLU:    {"relu", relu, reluDeriv, 0},
	Linear:  {"linear", linear, linearDeriv, 0},
}

// The formulas, each value beside its derivative.

// σ(z) = 1/(1 + e^(−z)), written through sigmoidOfExp so that a layer can compute all its
// e^(−z) in one loop (apply); σ′ = σ(1 − σ).
func sigmoid(z float64) float64      { return sigmoidOfExp(exp(-z)) }
func sigmoidOfExp(e float64) float64 { return 1 / (1 + e) } // σ given e = e^(−z)
func sigmoidDeriv(a float64) float64 { return a * (1 - a) }

// tanh(z) is in exp.go (math.Tanh's method on the package's exp), and also
// (1 − e^(−2z))/(1 + e^(−2z)) (tanhOfExp, for Grid); tanh′ = 1 − tanh².
func tanhOfExp(e float64) float64 { return (1 - e) / (1 + e) } // tanh given e = e^(−2z)
func tanhDeriv(a float64) float64 { return 1 - float64(a*a) }

// relu(z) = max(0, z), with NaN kept (so a diverging network shows it) and −0 made 0;
// relu′ = 1 where a > 0, which is exactly where z > 0, else 0 (relu′(0) = 0).
func relu(z float64) float64 {
	if z <= 0 {
		return 0
	}
	return z
}
func reluDeriv(a float64) float64 {
	if a > 0 {
		return 1
	}
	return 0
}

// linear(z) = z, linear′ = 1.
func linear(z float64) float64    { return z }
func linearDeriv(float64) float64 { return 1 }

// ActivationNames returns the name of every activation, in the order of their constants.
func ActivationNames() []string {
	names := make([]string, len(activations))
	for a, row := range activations {
		names[a] = row.name
	}
	return names
}

// ParseActivation returns the activation with the given name, or an error naming the
// allowed names.
func ParseActivation(name string) (Activation, error) {
	if a := slices.Index(ActivationNames(), name); a >= 0 {
		return Activation(a), nil
	}
	return 0, fmt.Errorf("unknown activation %q: want %s", name, orList(ActivationNames()))
}

// String returns the activation's name as used in settings and model files.
func (a Activation) String() string {
	if int(a) < len(activations) {
		return activations[a].name
	}
	return fmt.Sprintf("Activation(%d)", uint8(a))
}

// Value returns σ(z). Sigmoid and tanh use the package's own exp (see Exp); Value gives the
// same bits as the network's forward pass. It panics on an unknown activation.
func (a Activation) Value(z float64) float64 { return activations[a].value(z) }

// Deriv returns σ′(z) given the output a = σ(z): σ(1−σ), 1−σ², 1 where σ > 0 else 0 (σ > 0
// exactly when z > 0, so relu′(0) = 0), and 1. It is what backpropagation multiplies by. It
// panics on an unknown activation.
func (a Activation) Deriv(out float64) float64 { return activations[a].deriv(out) }

// apply replaces every z in v by σ(z), with one switch per layer rather than per node; each
// lane gives the bits of Value.
func (a Activation) apply(v []float64) {
	switch a {
	case Sigmoid:
		// −z for every node, e^−z for all of them in one loop, then σ.
		for j, z := range v {
			v[j] = -z
		}
		expSlice(v)
		for j, e := range v {
			v[j] = sigmoidOfExp(e)
		}
	case Tanh:
		tanhSlice(v)
	case ReLU:
		for j, z := range v {
			v[j] = relu(z)
		}
	}
}

// scaleByDeriv multiplies every v[i] by σ′ at the node whose output is out[i] (Deriv), with
// one switch per layer rather than per node.
func (a Activation) scaleByDeriv(v, out []float64) {
	v = v[:len(out)]
	switch a {
	case Sigmoid:
		for i, o := range out {
			v[i] *= sigmoidDeriv(o)
		}
	case Tanh:
		for i, o := range out {
			v[i] *= tanhDeriv(o)
		}
	case ReLU:
		// Multiplying by 0 (rather than setting 0) keeps an infinite sum visible as NaN, so
		// Update reports the divergence.
		for i, o := range out {
			v[i] *= reluDeriv(o)
		}
	}
}

// Loss and LossDeriv are the loss as a value and derivative pair, per output, for the
// prediction ŷ and the target y. Loss is the squared error (y − ŷ)², which Evaluate averages
// and the loss curves show; LossDeriv is ∂L/∂ŷ = ŷ − y, the derivative of ½(y − ŷ)², which
// training follows (the ½ only scales the learning rate), as TensorFlow Playground does.
func Loss(yhat, y float64) float64 { e := y - yhat; return float64(e * e) }

// LossDeriv is ∂L/∂ŷ = ŷ − y: see Loss.
func LossDeriv(yhat, y float64) float64 { return yhat - y }

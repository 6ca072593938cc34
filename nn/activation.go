package nn

import (
	"fmt"
	"slices"
)

// Activation is a node's non-linearity: a value σ(z) and its derivative σ′(z) side by side.
type Activation uint8

// The activations, named in settings and model files as "sigmoid", "tanh", "relu", "linear".
const (
	Sigmoid Activation = iota // σ(z) = 1/(1+e^(−z)), σ′ = σ(1−σ)
	Tanh                      // tanh(z), derivative 1 − tanh²
	ReLU                      // max(0, z), derivative 1 for z > 0, else 0 (relu′(0) = 0)
	Linear                    // z, derivative 1
)

var activationNames = [...]string{Sigmoid: "sigmoid", Tanh: "tanh", ReLU: "relu", Linear: "linear"}

// ActivationNames returns the name of every activation, in the order of their constants.
func ActivationNames() []string { return append([]string(nil), activationNames[:]...) }

// ParseActivation returns the activation with the given name, or an error naming the
// allowed names.
func ParseActivation(name string) (Activation, error) {
	if a := slices.Index(activationNames[:], name); a >= 0 {
		return Activation(a), nil
	}
	return 0, fmt.Errorf("unknown activation %q: want sigmoid, tanh, relu or linear", name)
}

// String returns the activation's name as used in settings and model files.
func (a Activation) String() string {
	if int(a) < len(activationNames) {
		return activationNames[a]
	}
	return fmt.Sprintf("Activation(%d)", uint8(a))
}

// Value returns σ(z). Sigmoid and tanh use the package's own exp, which agrees with
// math.Exp to a relative 4e-16 and lets a layer compute its exps in one loop; Value gives
// the same bits as the network's forward pass.
func (a Activation) Value(z float64) float64 {
	switch a {
	case Sigmoid:
		return 1 / (1 + exp(-z))
	case Tanh:
		return tanh(z)
	case ReLU:
		if z > 0 {
			return z
		}
		return 0
	}
	return z
}

// Deriv returns σ′(z), given z and out = σ(z) (so sigmoid and tanh need no second exp).
// For every activation here the derivative follows from out alone, which is what the
// network uses; z is accepted for clarity and ignored.
func (a Activation) Deriv(z, out float64) float64 { return a.derivOut(out) }

// derivOut returns σ′ from the output σ(z) alone: σ(1−σ), 1−σ², [σ > 0] (σ > 0 exactly when
// z > 0), 1.
func (a Activation) derivOut(out float64) float64 {
	switch a {
	case Sigmoid:
		return out * (1 - out)
	case Tanh:
		return 1 - out*out
	case ReLU:
		if out > 0 {
			return 1
		}
		return 0
	}
	return 1
}

// apply replaces every z in v by σ(z), with one switch per layer rather than per node.
func (a Activation) apply(v []float64) {
	switch a {
	case Sigmoid:
		// −z for every node, e^−z for all of them in one loop, then 1/(1 + e^−z).
		for j, z := range v {
			v[j] = -z
		}
		expSlice(v)
		for j, e := range v {
			v[j] = 1 / (1 + e)
		}
	case Tanh:
		tanhSlice(v)
	case ReLU:
		for j, z := range v {
			if z <= 0 {
				v[j] = 0
			}
		}
	}
}

// scaleByDeriv multiplies every v[i] by σ′ at the node whose output is out[i].
func (a Activation) scaleByDeriv(v, out []float64) {
	v = v[:len(out)]
	switch a {
	case Sigmoid:
		for i, o := range out {
			v[i] *= o * (1 - o)
		}
	case Tanh:
		for i, o := range out {
			v[i] *= 1 - o*o
		}
	case ReLU:
		// relu′ is 0 where the output is not positive; multiplying (rather than setting 0)
		// keeps an infinite sum visible as NaN, so Update reports the divergence.
		for i, o := range out {
			if !(o > 0) {
				v[i] *= 0
			}
		}
	}
}

package nn

// Activation is a node's non-linearity: a value σ(z) and its derivative σ′(z) side by side.
type Activation uint8

// The activations, named in settings and model files as "sigmoid", "tanh", "relu", "linear".
const (
	Sigmoid Activation = iota // σ(z) = 1/(1+e^(−z)), σ′ = σ(1−σ)
	Tanh                      // tanh(z), derivative 1 − tanh²
	ReLU                      // max(0, z), derivative 1 for z > 0, else 0 (relu′(0) = 0)
	Linear                    // z, derivative 1
)

// ParseActivation returns the activation with the given name, or an error naming the
// allowed names.
func ParseActivation(name string) (Activation, error) { panic("unimplemented") }

// String returns the activation's name as used in settings and model files.
func (a Activation) String() string { panic("unimplemented") }

// Value returns σ(z).
func (a Activation) Value(z float64) float64 { panic("unimplemented") }

// Deriv returns σ′(z), given z and out = σ(z) (so sigmoid and tanh need no second exp).
func (a Activation) Deriv(z, out float64) float64 { panic("unimplemented") }

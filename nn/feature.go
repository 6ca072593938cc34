package nn

// Feature is one input of the network computed from a point (x1, x2) of the plane, as in
// TensorFlow Playground. Inputs are the raw coordinates, not normalised.
type Feature uint8

// The features, named in settings and model files exactly
// "x1", "x2", "x1^2", "x2^2", "x1*x2", "sin(x1)", "sin(x2)".
const (
	X1 Feature = iota
	X2
	X1Squared
	X2Squared
	X1TimesX2
	SinX1
	SinX2
)

// DefaultFeatures returns the default input features, x1 and x2.
func DefaultFeatures() []Feature { return []Feature{X1, X2} }

// ParseFeature returns the feature with the given name, or an error naming the allowed names.
func ParseFeature(name string) (Feature, error) { panic("unimplemented") }

// ParseFeatures parses a list of feature names; it rejects an empty list and duplicates.
func ParseFeatures(names []string) ([]Feature, error) { panic("unimplemented") }

// FeatureNames returns the names of fs.
func FeatureNames(fs []Feature) []string { panic("unimplemented") }

// String returns the feature's name.
func (f Feature) String() string { panic("unimplemented") }

// Value returns the feature of the point (x1, x2).
func (f Feature) Value(x1, x2 float64) float64 { panic("unimplemented") }

// ApplyFeatures writes the features fs of the point (x1, x2) into dst[:len(fs)].
// It panics if dst is shorter than fs.
func ApplyFeatures(dst []float64, fs []Feature, x1, x2 float64) { panic("unimplemented") }

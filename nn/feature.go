package nn

import (
	"fmt"
	"math"
	"slices"
	"strings"
)

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

var featureNames = [...]string{
	X1: "x1", X2: "x2", X1Squared: "x1^2", X2Squared: "x2^2",
	X1TimesX2: "x1*x2", SinX1: "sin(x1)", SinX2: "sin(x2)",
}

// featureOn is what each feature depends on: x1 alone, x2 alone or both (Grid separates the
// first two).
var featureOn = [...]uint8{
	X1: onX1, X2: onX2, X1Squared: onX1, X2Squared: onX2,
	X1TimesX2: onX1 | onX2, SinX1: onX1, SinX2: onX2,
}

const (
	onX1 = 1 << iota
	onX2
)

// AllFeatureNames returns the name of every feature, in the order of their constants.
func AllFeatureNames() []string { return append([]string(nil), featureNames[:]...) }

// ParseFeature returns the feature with the given name, or an error naming the allowed names.
func ParseFeature(name string) (Feature, error) {
	if f := slices.Index(featureNames[:], name); f >= 0 {
		return Feature(f), nil
	}
	return 0, fmt.Errorf("unknown feature %q: want %s", name, orList(featureNames[:]))
}

// ParseFeatures parses a list of feature names; it rejects an empty list and duplicates.
func ParseFeatures(names []string) ([]Feature, error) {
	if len(names) == 0 {
		return nil, fmt.Errorf("no input features: choose at least one of %s", strings.Join(featureNames[:], ", "))
	}
	fs := make([]Feature, len(names))
	for i, name := range names {
		f, err := ParseFeature(name)
		if err != nil {
			return nil, err
		}
		for _, g := range fs[:i] {
			if g == f {
				return nil, fmt.Errorf("feature %q given twice", name)
			}
		}
		fs[i] = f
	}
	return fs, nil
}

// FeatureNames returns the names of fs.
func FeatureNames(fs []Feature) []string {
	names := make([]string, len(fs))
	for i, f := range fs {
		names[i] = f.String()
	}
	return names
}

// String returns the feature's name.
func (f Feature) String() string {
	if int(f) < len(featureNames) {
		return featureNames[f]
	}
	return fmt.Sprintf("Feature(%d)", uint8(f))
}

// Value returns the feature of the point (x1, x2). It panics on an unknown feature.
func (f Feature) Value(x1, x2 float64) float64 {
	switch f {
	case X1:
		return x1
	case X2:
		return x2
	case X1Squared:
		return x1 * x1
	case X2Squared:
		return x2 * x2
	case X1TimesX2:
		return x1 * x2
	case SinX1:
		return math.Sin(x1)
	case SinX2:
		return math.Sin(x2)
	}
	panic("nn: unknown feature")
}

// ApplyFeatures writes the features fs of the point (x1, x2) into dst[:len(fs)].
// It panics if dst is shorter than fs.
func ApplyFeatures(dst []float64, fs []Feature, x1, x2 float64) {
	dst = dst[:len(fs)]
	for i, f := range fs {
		dst[i] = f.Value(x1, x2)
	}
}

// orList writes names for a message, from the table that defines them: "a, b or c".
func orList(names []string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

package nn

import (
	"math"
	"slices"
	"strings"
	"testing"
)

var allFeatures = []Feature{X1, X2, X1Squared, X2Squared, X1TimesX2, SinX1, SinX2}

func TestFeatureNames(t *testing.T) {
	want := []string{"x1", "x2", "x1^2", "x2^2", "x1*x2", "sin(x1)", "sin(x2)"}
	if got := FeatureNames(allFeatures); !slices.Equal(got, want) {
		t.Errorf("FeatureNames = %q, want %q", got, want)
	}
	for _, f := range allFeatures {
		got, err := ParseFeature(f.String())
		if err != nil || got != f {
			t.Errorf("ParseFeature(%q) = %v, %v; want %v", f.String(), got, err, f)
		}
	}
	if got := Feature(12).String(); got != "Feature(12)" {
		t.Errorf("Feature(12).String() = %q", got)
	}
}

func TestFeatureValue(t *testing.T) {
	const x1, x2 = 1.5, -2.0
	want := []float64{1.5, -2, 2.25, 4, -3, math.Sin(1.5), math.Sin(-2)}
	for k, f := range allFeatures {
		if got := f.Value(x1, x2); got != want[k] {
			t.Errorf("%v.Value(%v, %v) = %v, want %v", f, x1, x2, got, want[k])
		}
	}
	dst := make([]float64, 4)
	for k := range dst {
		dst[k] = 99
	}
	ApplyFeatures(dst, []Feature{X1TimesX2, X1, SinX2}, x1, x2)
	if w := []float64{-3, 1.5, math.Sin(-2), 99}; !slices.Equal(dst, w) {
		t.Errorf("ApplyFeatures wrote %v, want %v", dst, w)
	}
}

func TestApplyFeaturesPanicsOnShortDst(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("ApplyFeatures into a short dst did not panic")
		}
	}()
	ApplyFeatures(make([]float64, 1), []Feature{X1, X2}, 1, 2)
}

func TestParseFeatures(t *testing.T) {
	tests := []struct {
		names []string
		want  []Feature
		err   string
	}{
		{[]string{"x1", "x2"}, []Feature{X1, X2}, ""},
		{[]string{"sin(x2)", "x1^2", "x1*x2"}, []Feature{SinX2, X1Squared, X1TimesX2}, ""},
		{nil, nil, "no input features: choose at least one of x1, x2, x1^2, x2^2, x1*x2, sin(x1), sin(x2)"},
		{[]string{"x1", "x3"}, nil, `unknown feature "x3": want x1, x2, x1^2, x2^2, x1*x2, sin(x1) or sin(x2)`},
		{[]string{"X1"}, nil, `unknown feature "X1"`},
		{[]string{"x1", "x2", "x1"}, nil, `feature "x1" given twice`},
	}
	for _, tt := range tests {
		names := slices.Clone(tt.names)
		got, err := ParseFeatures(names)
		if !slices.Equal(names, tt.names) {
			t.Errorf("ParseFeatures modified its argument: %q, was %q", names, tt.names)
		}
		if tt.err == "" {
			if err != nil || !slices.Equal(got, tt.want) {
				t.Errorf("ParseFeatures(%q) = %v, %v; want %v", tt.names, got, err, tt.want)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), tt.err) {
			t.Errorf("ParseFeatures(%q) = %v, %v; want an error containing %q", tt.names, got, err, tt.err)
		}
	}
}

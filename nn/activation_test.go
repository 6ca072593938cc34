package nn

import (
	"fmt"
	"math"
	"strings"
	"testing"
)

// TestActivation: each activation's value and derivative (given the output, as
// backpropagation asks for it), side by side.
func TestActivation(t *testing.T) {
	tests := []struct {
		a            Activation
		z            float64
		value, deriv float64
	}{
		{Sigmoid, 0, 0.5, 0.25},
		{Sigmoid, math.Log(3), 0.75, 0.1875}, // 0.75 · 0.25
		{Sigmoid, -math.Log(3), 0.25, 0.1875},
		{Sigmoid, 800, 1, 0},
		{Sigmoid, -800, 0, 0},
		{Tanh, 0, 0, 1},
		{Tanh, math.Log(2), 0.6, 0.64}, // (4 − 1)/(4 + 1); 1 − 0.6²
		{Tanh, -math.Log(2), -0.6, 0.64},
		{ReLU, -1.5, 0, 0},
		{ReLU, 0, 0, 0}, // relu′(0) = 0
		{ReLU, 1e-300, 1e-300, 1},
		{ReLU, 2.5, 2.5, 1},
		{Linear, -3.25, -3.25, 1},
		{Linear, 1e300, 1e300, 1},
	}
	for _, tt := range tests {
		if got := tt.a.Value(tt.z); math.Abs(got-tt.value) > 1e-15 {
			t.Errorf("%v.Value(%v) = %v, want %v", tt.a, tt.z, got, tt.value)
		}
		if got := tt.a.Deriv(tt.a.Value(tt.z)); math.Abs(got-tt.deriv) > 1e-15 {
			t.Errorf("%v.Deriv at %v = %v, want %v", tt.a, tt.z, got, tt.deriv)
		}
	}
	// Against a central difference, away from ReLU's kink.
	for _, a := range []Activation{Sigmoid, Tanh, ReLU, Linear} {
		for _, z := range []float64{-4, -1.3, -0.2, 0.4, 1, 3.7} {
			const h = 1e-6
			num := (a.Value(z+h) - a.Value(z-h)) / (2 * h)
			if got := a.Deriv(a.Value(z)); math.Abs(got-num) > 1e-9 {
				t.Errorf("%v.Deriv(%v) = %v, central difference %v", a, z, got, num)
			}
		}
	}
}

// TestApplyMatchesValue: the layer's loops (apply, scaleByDeriv) give the bits of Value and
// Deriv, also for −0, ±Inf and NaN (which a diverging network must keep showing).
func TestApplyMatchesValue(t *testing.T) {
	zs := []float64{-30, -2, -0.5, math.Copysign(0, -1), 0, 1e-9, 0.5, 2, 30, math.Inf(-1), math.Inf(1), math.NaN()}
	for _, a := range []Activation{Sigmoid, Tanh, ReLU, Linear} {
		v := append([]float64(nil), zs...)
		a.apply(v)
		for k, z := range zs {
			if want := a.Value(z); math.Float64bits(v[k]) != math.Float64bits(want) {
				t.Errorf("%v: apply gives %v at %v, Value %v", a, v[k], z, want)
			}
		}
		sums := []float64{3, -1, 0.5, 1e300, math.Inf(1), 2, 1, 7, -2, 4, 5, 6}
		d := append([]float64(nil), sums...)
		a.scaleByDeriv(d, v)
		for k, out := range v {
			want := sums[k] * a.Deriv(out)
			if math.Float64bits(d[k]) != math.Float64bits(want) && !(math.IsNaN(d[k]) && math.IsNaN(want)) {
				t.Errorf("%v: scaleByDeriv gives %v at output %v, Deriv %v", a, d[k], out, want)
			}
		}
	}
	if got := ReLU.Value(math.NaN()); !math.IsNaN(got) {
		t.Errorf("ReLU.Value(NaN) = %v, want NaN as the network computes", got)
	}
}

func TestParseActivation(t *testing.T) {
	checkNames(t, []Activation{Sigmoid, Tanh, ReLU, Linear}, ParseActivation, "sigmoid tanh relu linear",
		[]string{"", "Sigmoid", "softmax", "relu "}, "want sigmoid, tanh, relu or linear", Activation(9), "Activation(9)")
}

// checkNames checks the names of a kind of value: each of values prints as its name in names
// (space-separated) and parses back to itself; each of bad is refused with an error that
// contains want; unknown, a value outside the kind, prints as unknownName.
func checkNames[T interface {
	comparable
	fmt.Stringer
}](t *testing.T, values []T, parse func(string) (T, error), names string, bad []string, want string, unknown T, unknownName string) {
	t.Helper()
	var got []string
	for _, v := range values {
		got = append(got, v.String())
		if p, err := parse(v.String()); err != nil || p != v {
			t.Errorf("parsing %q = %v, %v; want %v", v.String(), p, err, v)
		}
	}
	if strings.Join(got, " ") != names {
		t.Errorf("names %v, want %s", got, names)
	}
	for _, b := range bad {
		if _, err := parse(b); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("parsing %q: %v, want an error saying %q", b, err, want)
		}
	}
	if s := unknown.String(); s != unknownName {
		t.Errorf("an unknown value prints as %q, want %q", s, unknownName)
	}
}

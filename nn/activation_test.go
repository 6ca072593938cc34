package nn

import (
	"math"
	"strings"
	"testing"
)

func TestActivationValue(t *testing.T) {
	tests := []struct {
		a    Activation
		z    float64
		want float64
	}{
		{Sigmoid, 0, 0.5},
		{Sigmoid, math.Log(3), 0.75},
		{Sigmoid, -math.Log(3), 0.25},
		{Sigmoid, 800, 1},
		{Sigmoid, -800, 0},
		{Tanh, 0, 0},
		{Tanh, math.Log(2), 0.6}, // (4 − 1)/(4 + 1)
		{Tanh, -math.Log(2), -0.6},
		{ReLU, -1.5, 0},
		{ReLU, 0, 0},
		{ReLU, 2.5, 2.5},
		{Linear, -3.25, -3.25},
		{Linear, 1e300, 1e300},
	}
	for _, tt := range tests {
		if got := tt.a.Value(tt.z); math.Abs(got-tt.want) > 1e-15 {
			t.Errorf("%v.Value(%v) = %v, want %v", tt.a, tt.z, got, tt.want)
		}
	}
}

func TestActivationDeriv(t *testing.T) {
	tests := []struct {
		a    Activation
		z    float64
		want float64
	}{
		{Sigmoid, 0, 0.25},
		{Sigmoid, math.Log(3), 0.1875}, // 0.75 · 0.25
		{Tanh, 0, 1},
		{Tanh, math.Log(2), 0.64}, // 1 − 0.6²
		{ReLU, -1, 0},
		{ReLU, 0, 0}, // relu′(0) = 0
		{ReLU, 1e-300, 1},
		{ReLU, 3, 1},
		{Linear, -7, 1},
	}
	for _, tt := range tests {
		if got := tt.a.Deriv(tt.a.Value(tt.z)); math.Abs(got-tt.want) > 1e-15 {
			t.Errorf("%v.Deriv(%v) = %v, want %v", tt.a, tt.z, got, tt.want)
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
	for _, a := range []Activation{Sigmoid, Tanh, ReLU, Linear} {
		got, err := ParseActivation(a.String())
		if err != nil || got != a {
			t.Errorf("ParseActivation(%q) = %v, %v; want %v", a.String(), got, err, a)
		}
	}
	names := []string{Sigmoid.String(), Tanh.String(), ReLU.String(), Linear.String()}
	if strings.Join(names, " ") != "sigmoid tanh relu linear" {
		t.Errorf("names %v, want sigmoid tanh relu linear", names)
	}
	for _, bad := range []string{"", "Sigmoid", "softmax", "relu "} {
		_, err := ParseActivation(bad)
		if err == nil || !strings.Contains(err.Error(), "want sigmoid, tanh, relu or linear") {
			t.Errorf("ParseActivation(%q) = %v, want an error naming the four activations", bad, err)
		}
	}
	if got := Activation(9).String(); got != "Activation(9)" {
		t.Errorf("Activation(9).String() = %q", got)
	}
}

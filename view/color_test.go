package view

import (
	"image/color"
	"math"
	"testing"
)

func TestFieldColor(t *testing.T) {
	// 60% of the way from white to the class colour: 255·0.4 + c·0.6, rounded.
	want0 := color.RGBA{241, 170, 108, 255}
	want1 := color.RGBA{118, 171, 241, 255}
	tests := []struct {
		name string
		v    float64
		want color.RGBA
	}{
		{"class 0", 0, want0},
		{"below 0 clamps", -3, want0},
		{"boundary", 0.5, Paper},
		{"class 1", 1, want1},
		{"above 1 clamps", 7, want1},
		{"NaN", math.NaN(), Paper},
		{"quarter toward 0", 0.25, color.RGBA{248, 212, 182, 255}}, // a = 0.3
		{"quarter toward 1", 0.75, color.RGBA{186, 213, 248, 255}},
	}
	for _, tc := range tests {
		if got := FieldColor(tc.v); got != tc.want {
			t.Errorf("%s: FieldColor(%v) = %v, want %v", tc.name, tc.v, got, tc.want)
		}
	}
}

func TestValueColor(t *testing.T) {
	tests := []struct {
		v    float64
		want color.RGBA
	}{{0, Class0}, {0.5, Paper}, {1, Class1}, {-1, Class0}, {2, Class1}, {math.NaN(), Paper}}
	for _, tc := range tests {
		if got := ValueColor(tc.v); got != tc.want {
			t.Errorf("ValueColor(%v) = %v, want %v", tc.v, got, tc.want)
		}
	}
}

func TestWeightColorAndWidth(t *testing.T) {
	tests := []struct {
		w         float64
		color     color.RGBA
		width     float64
		widthNote string
	}{
		{0, NearZero, MinWeightWidth, "zero is thinnest"},
		{WeightFull, Class1, MinWeightWidth + 1.5*WeightFull, "positive is blue"},
		{-WeightFull, Class0, MinWeightWidth + 1.5*WeightFull, "negative is orange"},
		{-100, Class0, MaxWeightWidth, "clamped"},
		{100, Class1, MaxWeightWidth, "clamped"},
		{math.NaN(), NearZero, MinWeightWidth, "NaN is faint"},
	}
	for _, tc := range tests {
		if got := WeightColor(tc.w); got != tc.color {
			t.Errorf("WeightColor(%v) = %v, want %v", tc.w, got, tc.color)
		}
		if got := WeightWidth(tc.w); math.Abs(got-tc.width) > 1e-12 {
			t.Errorf("WeightWidth(%v) = %v, want %v (%s)", tc.w, got, tc.width, tc.widthNote)
		}
	}
	// Near zero an edge is mostly grey: closer to NearZero than to the class colour.
	c := WeightColor(0.1)
	if dist(c, NearZero) >= dist(c, Class1) {
		t.Errorf("WeightColor(0.1) = %v is not near grey", c)
	}
}

func dist(a, b color.RGBA) float64 {
	d := func(x, y uint8) float64 { return float64(x) - float64(y) }
	return math.Sqrt(d(a.R, b.R)*d(a.R, b.R) + d(a.G, b.G)*d(a.G, b.G) + d(a.B, b.B)*d(a.B, b.B))
}

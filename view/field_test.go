package view

import (
	"math"
	"testing"
)

// fill sets the field's values from f over the plane.
func fill(fd *Field, f func(x, y float64) float64) {
	for r := 0; r < fd.H; r++ {
		for c := 0; c < fd.W; c++ {
			fd.Values[r*fd.W+c] = f(fd.CellX(float64(c)), fd.CellY(float64(r)))
		}
	}
}

func TestCells(t *testing.T) {
	f := NewField(4, 3)
	tests := []struct {
		name, axis string
		got, want  float64
	}{
		{"first column", "x", f.CellX(0), -4.5},
		{"last column", "x", f.CellX(3), 4.5},
		{"first row is the top", "y", f.CellY(0), 4},
		{"last row", "y", f.CellY(2), -4},
	}
	for _, tc := range tests {
		if math.Abs(tc.got-tc.want) > 1e-12 {
			t.Errorf("%s: %s = %v, want %v", tc.name, tc.axis, tc.got, tc.want)
		}
	}
}

func TestNewFieldPanics(t *testing.T) {
	for _, sz := range [][2]int{{1, 5}, {5, 0}, {MaxFieldSide + 1, 2}} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("NewField(%d, %d) did not panic", sz[0], sz[1])
				}
			}()
			NewField(sz[0], sz[1])
		}()
	}
}

func TestContour(t *testing.T) {
	tests := []struct {
		name  string
		w, h  int
		f     func(x, y float64) float64
		level float64
		// dist returns how far a point lies from the true level line.
		dist   func(x, y float64) float64
		tol    float64
		minLen float64 // total length the segments must reach
	}{
		{
			name: "vertical line (linear, exact)", w: 16, h: 16,
			f:     func(x, y float64) float64 { return x },
			level: 0.3,
			dist:  func(x, y float64) float64 { return math.Abs(x - 0.3) },
			tol:   1e-12, minLen: 11.25, // the line spans the cell centres: 12 − 12/16
		},
		{
			name: "diagonal (linear, exact)", w: 20, h: 20,
			f:     func(x, y float64) float64 { return x + y },
			level: 0,
			dist:  func(x, y float64) float64 { return math.Abs(x+y) / math.Sqrt2 },
			tol:   1e-12, minLen: 15,
		},
		{
			name: "circle of radius 3", w: 64, h: 64,
			f:     func(x, y float64) float64 { return math.Hypot(x, y) },
			level: 3,
			dist:  func(x, y float64) float64 { return math.Abs(math.Hypot(x, y) - 3) },
			tol:   0.01, minLen: 2 * math.Pi * 3 * 0.99,
		},
		{
			name: "sigmoid boundary", w: 64, h: 64,
			f:     func(x, y float64) float64 { return 1 / (1 + math.Exp(-(2*x - y + 1))) },
			level: 0.5,
			dist:  func(x, y float64) float64 { return math.Abs(2*x-y+1) / math.Sqrt(5) },
			tol:   0.01, minLen: 10,
		},
	}
	for _, tc := range tests {
		fd := NewField(tc.w, tc.h)
		fill(fd, tc.f)
		segs := fd.Contour(nil, tc.level)
		total := 0.0
		for _, s := range segs {
			for _, p := range [][2]float64{{s.X0, s.Y0}, {s.X1, s.Y1}} {
				if d := tc.dist(p[0], p[1]); d > tc.tol {
					t.Errorf("%s: endpoint (%v, %v) is %v from the level line, want ≤ %v", tc.name, p[0], p[1], d, tc.tol)
				}
			}
			total += math.Hypot(s.X1-s.X0, s.Y1-s.Y0)
		}
		if total < tc.minLen {
			t.Errorf("%s: contour length %v, want ≥ %v (%d segments)", tc.name, total, tc.minLen, len(segs))
		}
	}
}

func TestContourNoneAndNaN(t *testing.T) {
	fd := NewField(8, 8)
	fill(fd, func(x, y float64) float64 { return 0.9 })
	if segs := fd.Contour(nil, 0.5); len(segs) != 0 {
		t.Errorf("flat field: %d segments, want 0", len(segs))
	}
	fill(fd, func(x, y float64) float64 { return math.NaN() })
	if segs := fd.Contour(nil, 0.5); len(segs) != 0 {
		t.Errorf("NaN field: %d segments, want 0", len(segs))
	}
}

func TestContourSaddle(t *testing.T) {
	// One square: a and d (top left, bottom right) high, b and e low.
	tests := []struct {
		name       string
		a, b, d, e float64
		// whether the segments cut off the low corners (b, e) or the high ones (a, d)
		cutLow bool
	}{
		{"centre high joins a and d", 1, 0, 1, 0.2, true},
		{"centre low joins b and e", 0.6, 0, 0.6, 0, false},
	}
	for _, tc := range tests {
		fd := NewField(2, 2)
		copy(fd.Values, []float64{tc.a, tc.b, tc.e, tc.d}) // row-major: a b / e d
		segs := fd.Contour(nil, 0.5)
		if len(segs) != 2 {
			t.Fatalf("%s: %d segments, want 2", tc.name, len(segs))
		}
		// A segment cutting off the corner b (top right, at (3, 3)) has both ends near it.
		nearB := 0
		for _, s := range segs {
			if s.X0 >= 0 && s.X1 >= 0 && s.Y0 >= 0 && s.Y1 >= 0 {
				nearB++
			}
		}
		if (nearB == 1) != tc.cutLow {
			t.Errorf("%s: segments %+v, cut off the low corners = %v, want %v", tc.name, segs, nearB == 1, tc.cutLow)
		}
	}
}

func TestContourAllocs(t *testing.T) {
	fd := NewField(64, 64)
	fill(fd, func(x, y float64) float64 { return math.Hypot(x, y) })
	segs := fd.Contour(nil, 3)
	allocs := testing.AllocsPerRun(20, func() { segs = fd.Contour(segs[:0], 3) })
	if allocs != 0 {
		t.Errorf("Contour allocates %v times per run, want 0", allocs)
	}
}

func TestColour(t *testing.T) {
	fd := NewField(8, 8)
	fill(fd, func(x, y float64) float64 { return 1 / (1 + math.Exp(-x)) })
	fd.colourRows(0, fd.H)
	for k, v := range fd.Values {
		c := FieldColor(v)
		if p := fd.Pix[4*k : 4*k+4]; p[0] != c.R || p[1] != c.G || p[2] != c.B || p[3] != 255 {
			t.Fatalf("pixel %d = %v, want FieldColor(%v) = %v", k, p, v, c)
		}
	}
}

func TestPaddedPix(t *testing.T) {
	f := NewField(3, 2)
	for k := range f.Pix {
		f.Pix[k] = byte(k)
	}
	got := f.PaddedPix(nil)
	w := f.W + 2
	for r := 0; r < f.H+2; r++ {
		for c := 0; c < w; c++ {
			sr, sc := min(max(r-1, 0), f.H-1), min(max(c-1, 0), f.W-1)
			for ch := range 4 {
				if g, want := got[4*(r*w+c)+ch], f.Pix[4*(sr*f.W+sc)+ch]; g != want {
					t.Fatalf("padded (%d, %d) channel %d = %d, want %d (from (%d, %d))", c, r, ch, g, want, sc, sr)
				}
			}
		}
	}
	buf := make([]byte, 0, 4*(w)*(f.H+2))
	if a := testing.AllocsPerRun(10, func() { buf = f.PaddedPix(buf) }); a != 0 {
		t.Errorf("PaddedPix allocates %v times per run, want 0", a)
	}
}

package session

import (
	"math"
	"slices"
	"strings"
	"testing"
)

func TestGenerate(t *testing.T) {
	for _, name := range DatasetNames() {
		for _, noise := range []float64{0, 0.25, 0.5} {
			for _, n := range []int{1, 2, 7, 250, MaxPoints} {
				pts, err := Generate(name, n, noise, 42, 0.3)
				if err != nil {
					t.Fatalf("Generate(%q, %d, %g): %v", name, n, noise, err)
				}
				if len(pts) != n {
					t.Fatalf("Generate(%q, %d, %g) gave %d points", name, n, noise, len(pts))
				}
				problem, _ := DatasetProblem(name)
				tests := 0
				for i, p := range pts {
					if !(p.X >= Min && p.X <= Max && p.Y >= Min && p.Y <= Max) {
						t.Fatalf("%s noise %g: point %d (%g, %g) outside the plane", name, noise, i, p.X, p.Y)
					}
					if problem == Classification && p.Label != 0 && p.Label != 1 {
						t.Fatalf("%s: point %d has label %g, want 0 or 1", name, i, p.Label)
					}
					if math.IsNaN(p.Label) || math.IsInf(p.Label, 0) || math.Abs(p.Label) > 1 {
						t.Fatalf("%s: point %d has label %g, want finite in [-1, 1]", name, i, p.Label)
					}
					if p.Test {
						tests++
					}
				}
				if want := int(math.Round(float64(n) * 0.3)); tests != want {
					t.Errorf("%s, %d points: %d test points, want %d", name, n, tests, want)
				}
			}
		}
	}
}

func TestGenerateClassesBalanced(t *testing.T) {
	for _, name := range []string{"circle", "xor", "gauss", "spiral"} {
		pts, err := Generate(name, 1000, 0, 7, 0.5)
		if err != nil {
			t.Fatal(err)
		}
		ones := 0
		for _, p := range pts {
			ones += int(p.Label)
		}
		if ones < 400 || ones > 600 {
			t.Errorf("%s: %d of 1000 points in class 1, want about half", name, ones)
		}
	}
}

// TestGenerateShapes checks each noiseless data set against the rule that defines it.
func TestGenerateShapes(t *testing.T) {
	tests := []struct {
		name string
		ok   func(p Point) bool
	}{
		{"circle", func(p Point) bool {
			r := math.Hypot(p.X, p.Y)
			if p.Label == 1 {
				return r <= 2.5
			}
			return r >= 3.5 && r <= 5
		}},
		{"xor", func(p Point) bool {
			return math.Abs(p.X) >= 0.3 && math.Abs(p.Y) >= 0.3 && (p.X*p.Y > 0) == (p.Label == 1)
		}},
		{"gauss", func(p Point) bool {
			c := -2.0
			if p.Label == 1 {
				c = 2
			}
			return math.Hypot(p.X-c, p.Y-c) < 5*math.Sqrt(0.5) // within 5 standard deviations
		}},
		{"spiral", func(p Point) bool {
			r := math.Hypot(p.X, p.Y)
			t := 1.75 * 2 * math.Pi * r / 5 // the arm's angle at radius r
			if p.Label == 0 {
				t += math.Pi
			}
			return r <= 5 && math.Abs(p.X-r*math.Sin(t)) < 1e-9 && math.Abs(p.Y-r*math.Cos(t)) < 1e-9
		}},
		{"plane", func(p Point) bool { return math.Abs(p.Label-(p.X+p.Y)/12) < 1e-15 }},
		{"gauss-multi", func(p Point) bool { return p.Label == gaussMultiLabel(p.X, p.Y) }},
	}
	for _, tt := range tests {
		pts, err := Generate(tt.name, 500, 0, 3, 0.5)
		if err != nil {
			t.Fatal(err)
		}
		for i, p := range pts {
			if !tt.ok(p) {
				t.Fatalf("%s: point %d %+v breaks the data set's rule", tt.name, i, p)
			}
		}
	}
}

func TestGaussMultiLabel(t *testing.T) {
	tests := []struct{ x, y, want float64 }{
		{-4, 2.5, 1}, {0, 2.5, -1}, {4, -2.5, -1}, {0, -2.5, 1},
		{-4, 3.5, 0.5},  // distance 1 from a positive centre
		{0, 0, 0},       // 2.5 from every centre on the axis: out of reach
		{6, 6, 0},       // far from all
		{2, 2.5, 0},     // between a + and a − centre, 2 from both
		{1, -2.5, 0.5},  // 1 from (0, −2.5, +)
		{-1, 2.5, -0.5}, // 1 from (0, 2.5, −)
	}
	for _, tt := range tests {
		if got := gaussMultiLabel(tt.x, tt.y); math.Abs(got-tt.want) > 1e-15 {
			t.Errorf("gaussMultiLabel(%g, %g) = %g, want %g", tt.x, tt.y, got, tt.want)
		}
	}
}

func TestGenerateDeterministic(t *testing.T) {
	a, _ := Generate("spiral", 300, 0.2, 9, 0.5)
	b, _ := Generate("spiral", 300, 0.2, 9, 0.5)
	if !slices.Equal(a, b) {
		t.Error("the same arguments gave different points")
	}
	c, _ := Generate("spiral", 300, 0.2, 10, 0.5)
	if slices.Equal(a, c) {
		t.Error("another data seed gave the same points")
	}
	// Only the split depends on testRatio.
	d, _ := Generate("spiral", 300, 0.2, 9, 0.8)
	moved := 0
	for i := range a {
		if a[i].X != d[i].X || a[i].Y != d[i].Y || a[i].Label != d[i].Label {
			moved++
		}
	}
	if moved != 0 {
		t.Errorf("changing testRatio moved %d points, want 0", moved)
	}
}

func TestGenerateNoiseMovesPoints(t *testing.T) {
	for _, name := range DatasetNames() {
		a, _ := Generate(name, 200, 0, 5, 0.5)
		b, _ := Generate(name, 200, 0.3, 5, 0.5)
		sum := 0.0
		for i := range a {
			sum += math.Hypot(a[i].X-b[i].X, a[i].Y-b[i].Y)
		}
		if sum/200 < 0.1 {
			t.Errorf("%s: noise 0.3 moved points by %.3g on average, want visibly more", name, sum/200)
		}
	}
}

func TestGenerateRefuses(t *testing.T) {
	tests := []struct {
		name, dataset    string
		n                int
		noise, testRatio float64
		want             string
	}{
		{"unknown", "moons", 10, 0, 0.5, `dataset must be one of circle, xor, gauss, spiral, plane, gauss-multi, custom, got "moons"`},
		{"custom", Custom, 10, 0, 0.5, `dataset "custom" cannot be generated`},
		{"no points", "circle", 0, 0, 0.5, "numPoints must be a whole number in [1, 2000], got 0"},
		{"too many", "circle", 2001, 0, 0.5, "numPoints must be a whole number in [1, 2000], got 2001"},
		{"noise", "circle", 10, 0.6, 0.5, "noise must be a finite number in [0, 0.5], got 0.6"},
		{"ratio", "circle", 10, 0, 1, "testRatio must be a finite number in [0.1, 0.9], got 1"},
	}
	for _, tt := range tests {
		_, err := Generate(tt.dataset, tt.n, tt.noise, 1, tt.testRatio)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: got error %v, want %q", tt.name, err, tt.want)
		}
	}
}

package nn

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

// gridTol is how far Grid may differ from Forward (its sums in another order, its
// exponentials factored), relative to the value beyond 1: see Grid.
const gridTol = 1e-12

// gridCases are networks with the features they read, covering the grid's three ways of
// computing the first layer: exponentials factored (sigmoid or tanh without x1·x2),
// separated sums with the x1·x2 weight, and an activation without exponentials.
var gridCases = []struct {
	layers   []int
	hidden   Activation
	output   Activation
	fs       []Feature
	factored bool
}{
	{[]int{2, 4, 1}, Sigmoid, Sigmoid, []Feature{X1, X2}, true},
	{[]int{2, 1}, Sigmoid, Sigmoid, []Feature{X2, X1}, true},
	{[]int{2, 1}, Sigmoid, Linear, []Feature{X1, X2}, false},
	{[]int{4, 6, 3, 1}, Tanh, Sigmoid, []Feature{X1Squared, SinX2, X2, SinX1}, true},
	{[]int{7, 8, 8, 8, 1}, Sigmoid, Sigmoid, []Feature{X1, X2, X1Squared, X2Squared, X1TimesX2, SinX1, SinX2}, false},
	{[]int{3, 5, 1}, Tanh, Linear, []Feature{X1TimesX2, X1, X2}, false},
	{[]int{2, 4, 1}, ReLU, Linear, []Feature{X1, X2}, false},
	{[]int{2, 3, 1, 5, 8, 2, 6, 1}, Tanh, Sigmoid, []Feature{X1, X2}, true},
	{[]int{2, 4, 2}, Linear, Sigmoid, []Feature{X2, X1}, false},
}

// TestGridMatchesForward: every point of the grid is Forward on the point's features, within
// gridTol, for each case with weights as initialised, spread wider, and so large that the
// factored exponentials would overflow (the grid must fall back).
func TestGridMatchesForward(t *testing.T) {
	xs, ys := []float64{-6, -2.5, -0.1, 0, 0.3, 4, 5.9}, []float64{5.5, 1, 0, -0.7, -6}
	rng := rand.New(rand.NewPCG(4, 4))
	var g Grid
	for _, tc := range gridCases {
		n := newNet(t, tc.layers, tc.hidden, tc.output, 2)
		spreads := []struct {
			name     string
			scale    float64
			factored bool
		}{{"as initialised", 0, tc.factored}, {"spread", 3, tc.factored}, {"huge", 300, false}}
		for _, sp := range spreads {
			if sp.scale > 0 {
				for k := range n.Params() {
					n.Params()[k] = uniform(rng, 1, -sp.scale, sp.scale)[0]
				}
			}
			name := strings.Join([]string{sp.name, tc.hidden.String(), tc.output.String()}, " ")
			g.Reset(n, tc.fs, xs, ys)
			if g.factored != sp.factored {
				t.Errorf("%v %s: factored %v, want %v", tc.layers, name, g.factored, sp.factored)
			}
			worst := checkGrid(t, n, &g, tc.fs, xs, ys)
			t.Logf("%v %s: worst difference %.2g", tc.layers, name, worst)
		}
	}
}

// checkGrid compares every row of g with Forward and returns the worst relative difference.
func checkGrid(t *testing.T, n *Network, g *Grid, fs []Feature, xs, ys []float64) float64 {
	t.Helper()
	row, in := make([]float64, len(xs)), make([]float64, len(fs))
	worst := 0.0
	for r, y := range ys {
		g.Row(r, row)
		for c, x := range xs {
			ApplyFeatures(in, fs, x, y)
			want := n.Forward(in)[0]
			d := math.Abs(row[c]-want) / max(1, math.Abs(want))
			if !(d <= gridTol) {
				t.Fatalf("%v: grid at (%v, %v) = %v, Forward %v", n.Layers(), x, y, row[c], want)
			}
			worst = max(worst, d)
			// Every layer's activations at the point, not only the output, are Forward's.
			for l, size := range n.Layers()[1:] {
				got := g.Activations(l + 1)[c*size : (c+1)*size]
				for j, a := range n.Activations(l + 1) {
					if d := math.Abs(got[j]-a) / max(1, math.Abs(a)); !(d <= gridTol) {
						t.Fatalf("%v: layer %d node %d at (%v, %v) = %v, Forward %v", n.Layers(), l+1, j, x, y, got[j], a)
					}
				}
			}
		}
	}
	return worst
}

// TestGridFollowsReset: a grid reset for another network, shape or set of points evaluates
// that one, and allocates nothing once it has seen the shape.
func TestGridFollowsReset(t *testing.T) {
	small := newNet(t, []int{2, 4, 1}, Sigmoid, Sigmoid, 1)
	big := newNet(t, []int{3, 8, 8, 1}, ReLU, Linear, 1)
	fs2, fs3 := []Feature{X1, X2}, []Feature{X1, X2, X1TimesX2}
	var g Grid
	for _, xs := range [][]float64{{-1, 1}, {-3, 0, 3, 4}} {
		g.Reset(small, fs2, xs, []float64{2})
		checkGrid(t, small, &g, fs2, xs, []float64{2})
		g.Reset(big, fs3, xs, []float64{-2, 1})
		checkGrid(t, big, &g, fs3, xs, []float64{-2, 1})
	}
	row := make([]float64, 4)
	if a := testing.AllocsPerRun(10, func() { g.Reset(big, fs3, row, row); g.Row(3, row) }); a != 0 {
		t.Errorf("Reset and Row allocate %v times per run, want 0", a)
	}
	defer func() {
		if r, _ := recover().(string); !strings.Contains(r, "nn: Grid.Reset") {
			t.Errorf("Reset with 2 features for 3 inputs: recovered %q, want an nn: Grid.Reset panic", r)
		}
	}()
	g.Reset(big, fs2, row, row)
}

func TestGridCost(t *testing.T) {
	tests := []struct {
		layers []int
		hidden Activation
		fs     []Feature
		want   float64
	}{
		{[]int{2, 4, 1}, Sigmoid, []Feature{X1, X2}, 4 + 4 + 8},                  // factored: a division per node
		{[]int{3, 4, 1}, Sigmoid, []Feature{X1, X2, X1TimesX2}, 4*(2+8) + 4 + 8}, // x1·x2: no factoring
		{[]int{2, 4, 1}, ReLU, []Feature{X1, X2}, 4*(2+1) + 4 + 8},
		{[]int{2, 3, 2, 1}, Tanh, []Feature{X1, X2}, 3 + (6 + 2*8) + (2 + 8)},
		{[]int{2, 1}, Sigmoid, []Feature{X1, X2}, 1},
	}
	for _, tc := range tests {
		n := newNet(t, tc.layers, tc.hidden, Sigmoid, 1)
		if got := GridCost(n, tc.fs); got != tc.want {
			t.Errorf("%v %v %v: GridCost = %v, want %v", tc.layers, tc.hidden, tc.fs, got, tc.want)
		}
	}
}

package nn

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// traceShapes are the networks the reference is compared on: two inputs (the specialised
// loops) and more, one to two hidden layers and none, one output and several.
var traceShapes = [][]int{{2, 4, 1}, {3, 5, 2}, {2, 8, 8, 1}, {1, 1, 1}, {7, 3}}

// TestTraceMatchesFastPath: Forward's activations, Backward's δs and gradients, and the
// loss Evaluate sums are the reference's, bit for bit, for every shape and activation, and
// TraceInto changes nothing in the network.
func TestTraceMatchesFastPath(t *testing.T) {
	rng := rand.New(rand.NewPCG(21, 21))
	var tr Trace
	for _, layers := range traceShapes {
		for _, hidden := range []Activation{Sigmoid, Tanh, ReLU, Linear} {
			for _, output := range []Activation{Sigmoid, Linear} {
				n := newNet(t, layers, hidden, output, 5)
				for k := range n.Params() { // wider than Init, so that every node matters
					n.Params()[k] = uniform(rng, 1, -2, 2)[0]
				}
				name := hidden.String() + "/" + output.String()
				for range 4 {
					x := uniform(rng, layers[0], -6, 6)
					y := uniform(rng, layers[len(layers)-1], 0, 1)
					params := slices.Clone(n.Params())
					n.TraceInto(&tr, x, y)
					if !sameBits(n.Params(), params) || slices.ContainsFunc(n.Grads(), func(g float64) bool { return g != 0 }) {
						t.Fatalf("%v %s: TraceInto changed the network", layers, name)
					}
					checkTrace(t, n, &tr, x, y, layers, name)
				}
			}
		}
	}
}

// checkTrace compares tr, traced for (x, y), with Forward, Backward and Evaluate on n.
func checkTrace(t *testing.T, n *Network, tr *Trace, x, y []float64, layers []int, name string) {
	t.Helper()
	n.ZeroGrads()
	n.Forward(x)
	n.Backward(y)
	for l := range layers {
		if !sameBits(n.Activations(l), tr.A[l]) {
			t.Errorf("%v %s: layer %d: Forward's activations %v, the reference's %v", layers, name, l, n.Activations(l), tr.A[l])
		}
		if l > 0 && !sameBits(n.delta[l-1], tr.Delta[l]) {
			t.Errorf("%v %s: layer %d: Backward's δ %v, the reference's %v", layers, name, l, n.delta[l-1], tr.Delta[l])
		}
		for j, z := range tr.Z[l] {
			if a := n.Activation(l).Value(z); !sameBits([]float64{a}, tr.A[l][j:j+1]) {
				t.Errorf("%v %s: A[%d][%d] = %v is not σ(Z) = %v", layers, name, l, j, tr.A[l][j], a)
			}
		}
	}
	// Backward adds each gradient to a zeroed sum: 0 + g (which turns −0 into 0).
	var want []float64
	for l := 0; l+1 < len(layers); l++ {
		for j := range layers[l+1] {
			for i := range layers[l] {
				want = append(want, 0+tr.WeightGrad(l, j, i))
			}
		}
		for j := range layers[l+1] {
			want = append(want, 0+tr.BiasGrad(l, j))
		}
	}
	if !sameBits(n.Grads(), want) {
		t.Errorf("%v %s: Backward's gradients %v, the reference's %v", layers, name, n.Grads(), want)
	}
	n.ZeroGrads()
	if loss, _ := n.Evaluate(Data{Inputs: x, Targets: y}, []int{0}); !sameBits([]float64{loss}, []float64{tr.Loss}) {
		t.Errorf("%v %s: Evaluate's loss %v, the reference's %v", layers, name, loss, tr.Loss)
	}
}

// TestTraceReuse: a Trace follows the network it is given, reusing its memory while the
// shape stays, and traces without allocating.
func TestTraceReuse(t *testing.T) {
	var tr Trace
	small, big := newNet(t, []int{2, 4, 1}, Tanh, Sigmoid, 1), newNet(t, []int{3, 5, 5, 2}, ReLU, Linear, 2)
	x2, y1, x3, y2 := []float64{1, -2}, []float64{1}, []float64{1, 2, 3}, []float64{0, 1}
	big.TraceInto(&tr, x3, y2)
	if len(tr.A) != 4 || len(tr.Delta[2]) != 5 || !slices.Equal(tr.Y, y2) || !slices.Equal(tr.A[0], x3) {
		t.Fatalf("after tracing a 3-5-5-2 network: %d layers, Y %v, A[0] %v", len(tr.A), tr.Y, tr.A[0])
	}
	if len(tr.Z[0]) != 0 || len(tr.Delta[0]) != 0 {
		t.Errorf("Z[0] %v and Delta[0] %v: want both empty", tr.Z[0], tr.Delta[0])
	}
	small.TraceInto(&tr, x2, y1)
	if len(tr.A) != 3 || !slices.Equal(tr.A[0], x2) {
		t.Fatalf("back on the 2-4-1 network: %d layers, A[0] %v", len(tr.A), tr.A[0])
	}
	mem := &tr.A[0][0]
	small.TraceInto(&tr, []float64{0.5, 0.5}, y1)
	if mem != &tr.A[0][0] {
		t.Error("tracing the same shape again did not reuse the Trace's memory")
	}
	if a := testing.AllocsPerRun(20, func() { small.TraceInto(&tr, x2, y1) }); a != 0 {
		t.Errorf("TraceInto allocates %v times per run on a sized Trace, want 0", a)
	}
}

func TestTracePanics(t *testing.T) {
	n := newNet(t, []int{2, 4, 1}, Sigmoid, Sigmoid, 1)
	for _, tc := range []struct{ x, y []float64 }{{[]float64{1}, []float64{1}}, {[]float64{1, 2}, nil}} {
		func() {
			defer func() {
				if r, _ := recover().(string); !strings.Contains(r, "nn: TraceInto") {
					t.Errorf("TraceInto(%v, %v): recovered %q, want an nn: TraceInto panic", tc.x, tc.y, r)
				}
			}()
			n.TraceInto(new(Trace), tc.x, tc.y)
		}()
	}
}

// TestActivationOfLayer: the hidden layers use Hidden, the output layer Output, and the
// input layer has no activation.
func TestActivationOfLayer(t *testing.T) {
	n := newNet(t, []int{2, 3, 3, 1}, ReLU, Linear, 1)
	for l, want := range map[int]Activation{1: ReLU, 2: ReLU, 3: Linear} {
		if got := n.Activation(l); got != want {
			t.Errorf("Activation(%d) = %v, want %v", l, got, want)
		}
	}
	if got := newNet(t, []int{3, 1}, Tanh, Sigmoid, 1).Activation(1); got != Sigmoid {
		t.Errorf("a network without hidden layers: Activation(1) = %v, want the output's sigmoid", got)
	}
	for _, l := range []int{0, 4, -1} {
		func() {
			defer func() {
				if r, _ := recover().(string); !strings.Contains(r, "nn: Activation") {
					t.Errorf("Activation(%d): recovered %q, want an nn: Activation panic", l, r)
				}
			}()
			n.Activation(l)
		}()
	}
}

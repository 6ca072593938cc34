//go:build !(js && wasm)

package e2e

import (
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"nnplay/internal/browser"
	"nnplay/nn"
)

// bitsModel returns a fixed model: a network of the given shape, activations and features,
// weights drawn from a seeded generator uniform in ±spread (wider than the page's own
// initialisation, so that the exponentials and the sines span a wide range).
func bitsModel(t *testing.T, layers []int, hidden, output nn.Activation, fs []nn.Feature, spread float64) Model {
	t.Helper()
	net, err := nn.New(layers, hidden, output, nil)
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(uint64(len(layers)), 9))
	for k := range net.Params() {
		net.Params()[k] = (2*rng.Float64() - 1) * spread
	}
	return nn.NewModel(net, fs)
}

// TestPredictBits: loaded into the page, a fixed model predicts exactly what the native nn
// computes from the same model file, bit for bit, at a grid of points of the plane and
// beyond it: the WebAssembly build does the same float64 arithmetic as the native one (the
// package's own exp and tanh, no fused multiply-add, JSON numbers that round-trip exactly).
// The models use every activation and feature.
func TestPredictBits(t *testing.T) {
	all := []nn.Feature{nn.X1, nn.X2, nn.X1Squared, nn.X2Squared, nn.X1TimesX2, nn.SinX1, nn.SinX2}
	models := []Model{
		bitsModel(t, []int{7, 6, 5, 1}, nn.Tanh, nn.Sigmoid, all, 1.5),
		bitsModel(t, []int{2, 8, 1}, nn.Sigmoid, nn.Linear, []nn.Feature{nn.X1, nn.X2}, 2),
		bitsModel(t, []int{3, 4, 4, 1}, nn.ReLU, nn.Sigmoid, []nn.Feature{nn.X1Squared, nn.X2Squared, nn.X1TimesX2}, 1),
		bitsModel(t, []int{2, 5, 1}, nn.Linear, nn.Linear, []nn.Feature{nn.SinX1, nn.X2}, 1),
	}
	var xs []float64
	for k := -12; k <= 12; k++ {
		xs = append(xs, float64(k)/2+0.1*float64(k%3))
	}
	xs = append(xs, math.Pi, -math.E, 1e-9, 17.25, -40)
	grid, err := json.Marshal(xs)
	if err != nil {
		t.Fatal(err)
	}
	predictAll := fmt.Sprintf(`(() => {
		const xs = %s, out = [];
		for (const y of xs) for (const x of xs) out.push(nnplay.predict(x, y));
		return out;
	})()`, grid)

	p := openPaused(t)
	for _, m := range models {
		name := fmt.Sprintf("%v %s/%s on %v", m.Layers, m.Activation, m.Output, m.Inputs)
		p.do("loadModel", m)
		got, err := browser.Eval[[]float64](p.tab, predictAll)
		if err != nil {
			t.Fatalf("%s: predicting the grid: %v", name, err)
		}
		net, fs, err := m.Network()
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(xs)*len(xs) {
			t.Fatalf("%s: %d predictions, want %d", name, len(got), len(xs)*len(xs))
		}
		in, differ := make([]float64, len(fs)), 0
		for k, v := range got {
			x, y := xs[k%len(xs)], xs[k/len(xs)]
			nn.ApplyFeatures(in, fs, x, y)
			// JSON has no −0: a zero compares as a number.
			if want := net.Forward(in)[0]; math.Float64bits(v) != math.Float64bits(want) && !(v == 0 && want == 0) {
				if differ++; differ <= 3 {
					t.Errorf("%s: predict(%v, %v) = %v (%#x) in the browser, %v (%#x) natively",
						name, x, y, v, math.Float64bits(v), want, math.Float64bits(want))
				}
			}
		}
		if differ > 0 {
			t.Errorf("%s: %d of %d predictions differ from the native ones", name, differ, len(got))
		}
	}
}

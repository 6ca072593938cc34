//go:build !(js && wasm)

package e2e

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"nnplay/internal/browser"
	"nnplay/view"
)

// fieldTolerance is the largest difference allowed per colour channel (of 255) between the
// screenshot and view.FieldColor(predict): the field is sampled on a grid and smoothly
// upscaled, so a pixel shows an interpolation of nearby samples, not predict at its exact
// centre.
const fieldTolerance = 12

// TestFieldMatchesPredict: the colour drawn at a point of the plane is the colour of the
// network's output there, for classification (output in [0, 1]) and for regression (the
// field's own scale: the range of the labels). It samples a screenshot (device scale 1) at a
// grid of plane positions away from the points (> 12 px) and from the contour (the output
// within 0.1 of the scale's middle).
func TestFieldMatchesPredict(t *testing.T) {
	for _, tc := range []struct {
		name     string
		output   string  // the model's output activation: sigmoid classifies, linear regresses
		data     []Point // set after the model; regression labels set the field's scale
		lo, hi   float64 // the scale the colours are read on: view.FieldColor((v − lo)/(hi − lo))
		discrete bool    // "discretize output" ticked with the mouse: only the side of the middle
	}{
		{"classification", "sigmoid",
			[]Point{{X: -5, Y: -5, Label: 0}, {X: 5, Y: 5, Label: 1}, {X: 5, Y: -5, Label: 1, Test: true}}, 0, 1, false},
		{"regression", "linear",
			[]Point{{X: -5, Y: -5, Label: -1}, {X: 5, Y: 5, Label: 2}, {X: 5, Y: -5, Label: 0.5, Test: true}}, -1, 2, false},
		{"classification, discretized", "sigmoid",
			[]Point{{X: -5, Y: -5, Label: 0}, {X: 5, Y: 5, Label: 1}, {X: 5, Y: -5, Label: 1, Test: true}}, 0, 1, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := openPaused(t)
			// A smooth field with both ends of the scale and a curved contour through the plot.
			p.do("loadModel", Model{
				Format: "nnplay.model/1", Inputs: []string{"x1", "x2"}, Layers: []int{2, 2, 1}, Activation: "tanh", Output: tc.output,
				Weights: [][][]float64{{{0.6, -0.3}, {-0.2, 0.5}}, {{1.5, -1.2}}},
				Biases:  [][]float64{{0.1, -0.2}, {0.05}},
			})
			p.setData(tc.data)
			if tc.discrete {
				p.clickElement("discrete")
				if !eval[bool](p, `nnplay.state().discrete && document.getElementById("discrete").checked`) {
					t.Fatal("clicking the discretize checkbox did not discretize")
				}
			}
			p.frames(6)
			checkField(t, p, tc.lo, tc.hi, tc.discrete)
		})
	}
}

// checkField compares the screenshot of p's plot with view.FieldColor of predict, read on
// the scale [lo, hi] (discrete: only its side of the middle), at a 23×23 grid of plane
// positions (at any device scale).
func checkField(t *testing.T, p *page, lo, hi float64, discrete bool) {
	t.Helper()
	type sample struct {
		X, Y, V float64
		S       browser.Pt
	}
	const n = 23
	samples := eval[[]sample](p, fmt.Sprintf(`(() => { const out = [];
		for (let i = 0; i < %[1]d; i++) for (let j = 0; j < %[1]d; j++) {
			const x = -5.5 + 11 * i / %[2]d, y = -5.5 + 11 * j / %[2]d;
			out.push({X: x, Y: y, V: nnplay.predict(x, y), S: nnplay.toScreen(x, y)});
		}
		return out; })()`, n, n-1))
	var pts []browser.Pt
	for _, q := range p.state().Points {
		pts = append(pts, p.toScreen(q.X, q.Y))
	}
	img, png, err := p.tab.Screenshot()
	if err != nil {
		t.Fatal(err)
	}
	// The screenshot is in device pixels.
	scale := float64(img.Bounds().Dx()) / eval[float64](p, `window.innerWidth`)

	compared, worst, ends := 0, 0, [2]int{}
	for _, s := range samples {
		v := (s.V - lo) / (hi - lo)
		if math.Abs(v-0.5) <= 0.1 {
			continue
		}
		near := false
		for _, q := range pts {
			if dist(q, s.S) <= 12 {
				near = true
			}
		}
		if near {
			continue
		}
		r, g, b, _ := img.At(int(math.Floor(s.S.X*scale)), int(math.Floor(s.S.Y*scale))).RGBA()
		got := [3]int{int(r >> 8), int(g >> 8), int(b >> 8)}
		shown := v
		if discrete {
			shown = 0
			if v >= 0.5 {
				shown = 1
			}
		}
		c := view.FieldColor(shown)
		want := [3]int{int(c.R), int(c.G), int(c.B)}
		d := 0
		for k := range got {
			d = max(d, abs(got[k]-want[k]))
		}
		worst = max(worst, d)
		compared++
		if v < 0.5 {
			ends[0]++
		} else {
			ends[1]++
		}
		if d > fieldTolerance {
			t.Errorf("at plane (%.2f, %.2f), client (%.1f, %.1f): predict %.3f should look %v, the screen shows %v (off by %d > %d)",
				s.X, s.Y, s.S.X, s.S.Y, s.V, want, got, d, fieldTolerance)
		}
	}
	t.Logf("compared %d of %d grid positions (%d below the middle, %d above); largest channel difference %d",
		compared, len(samples), ends[0], ends[1], worst)
	if compared < 100 || min(ends[0], ends[1]) < 20 {
		t.Errorf("only %d positions (%d below the middle, %d above) were away from the points and the contour; the test needs 100, with 20 on each side",
			compared, ends[0], ends[1])
	}
	if t.Failed() {
		saveShot(t, "field-mismatch-"+strings.ReplaceAll(t.Name(), "/", "-")+".png", png)
	}
}

// abs returns |x|.
func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

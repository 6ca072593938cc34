//go:build !(js && wasm)

package e2e

import (
	"image"
	"math"
	"testing"
)

// TestShowTestData: unticking "show test data" with the mouse hides the test points: not
// drawn, and a click where one lies adds a point instead of picking it; ticking it again
// shows them.
func TestShowTestData(t *testing.T) {
	p := openPaused(t)
	// σ(x1): the contour is the line x1 = 0, far from the test point at (3, 3).
	p.do("loadModel", Model{Format: "nnplay.model/1", Inputs: []string{"x1", "x2"}, Layers: []int{2, 1},
		Activation: "sigmoid", Output: "sigmoid", Weights: [][][]float64{{{1, 0}}}, Biases: [][]float64{{0}}})
	p.setData([]Point{{X: -3, Y: -3, Label: 0}, {X: 3, Y: 3, Label: 1, Test: true}})
	at := p.toScreen(3, 3)
	box := image.Rect(int(at.X)-9, int(at.Y)-9, int(at.X)+10, int(at.Y)+10)
	darkIn := func() int {
		t.Helper()
		p.frames(3)
		img, _, err := p.tab.Screenshot()
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for y := box.Min.Y; y < box.Max.Y; y++ {
			for x := box.Min.X; x < box.Max.X; x++ {
				if c := rgb(img.At(x, y)); math.Max(c[0], math.Max(c[1], c[2])) < 0x70 {
					n++
				}
			}
		}
		return n
	}
	toggle := func() { p.clickElement("showTest") }

	if n := darkIn(); n < 10 {
		t.Fatalf("the test point at %v shows %d dark pixels; its mark should be drawn", at, n)
	}
	toggle()
	if !eval[bool](p, `nnplay.state().hideTest && !document.getElementById("showTest").checked`) {
		t.Fatal("unticking show test data did not hide the test points")
	}
	if n := darkIn(); n != 0 {
		t.Errorf("test points hidden, yet %d dark pixels where the test point lies", n)
	}
	at = p.toScreen(3, 3) // the page may have scrolled to the checkbox
	p.click(at)
	if pts := p.state().Points; len(pts) != 3 || pts[2].Test || dist(p.toScreen(pts[2].X, pts[2].Y), at) > dropTolerance {
		t.Errorf("a click on the hidden test point: points %v; want a training point added there", pts)
	}
	toggle()
	if eval[bool](p, `nnplay.state().hideTest`) {
		t.Error("ticking show test data again did not show them")
	}
}

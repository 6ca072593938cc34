//go:build !(js && wasm)

package e2e

import (
	"fmt"
	"image"
	"image/color"
	"math"
	"testing"

	"github.com/chromedp/cdproto/input"

	"nnplay/internal/browser"
	"nnplay/view"
)

// hoverModel is a 2-4-1 sigmoid network with weights and biases easy to recognise.
var hoverModel = Model{
	Format: "nnplay.model/1", Inputs: []string{"x1", "x2"}, Layers: []int{2, 4, 1}, Activation: "sigmoid", Output: "sigmoid",
	Weights: [][][]float64{{{0.3, -0.2}, {-1.25, 0.4}, {0.8, 0.1}, {-0.5, -0.7}}, {{1.5, -2, 0.75, 0.5}}},
	Biases:  [][]float64{{0.2, -0.1, 0.1, 0.3}, {-0.25}},
}

// netGeometry returns where the network picture of p's canvas lies: client maps canvas CSS
// px to the page's client coordinates, and area is view.NetArea of the canvas's layout. The
// layout comes from view (the one the canvas uses) for the canvas's size, checked against
// toScreen.
func netGeometry(t *testing.T, p *page) (client func(x, y float64) browser.Pt, area view.Rect) {
	t.Helper()
	box := eval[struct{ X, Y, W, H float64 }](p, `(() => { const f = document.getElementById("canvas");
		const r = f.getBoundingClientRect();
		return {X: r.left + f.clientLeft, Y: r.top + f.clientTop, W: f.clientWidth, H: f.clientHeight}; })()`)
	l := view.NewLayout(box.W, box.H)
	client = func(x, y float64) browser.Pt { return browser.Pt{X: box.X + x, Y: box.Y + y} }
	if got, want := p.toScreen(1, 2), client(l.ToScreen(1, 2)); dist(got, want) > 0.5 {
		t.Fatalf("toScreen(1, 2) = %v, but the layout of a %v×%v canvas at (%v, %v) puts it at %v: the test's geometry is not the page's",
			got, box.W, box.H, box.X, box.Y, want)
	}
	return client, view.NetArea(l.Network)
}

// TestHoverShowsValues: a mouse resting on an edge, a node or a point shows its value in a
// tooltip drawn beside the pointer (state().tooltip says the text), and the network's nodes
// take the hovered point's activations. The network's geometry comes from view (the layout
// the canvas uses), checked first against toScreen.
func TestHoverShowsValues(t *testing.T) {
	p := open(t, browser.Desktop)
	p.pause()
	m := hoverModel
	p.do("loadModel", m)
	p.setData([]Point{{X: -4, Y: 3, Label: 1}, {X: 2, Y: -1.5, Label: 0, Test: true}})
	p.frames(3)
	client, area := netGeometry(t, p)
	node := func(layer, j int) browser.Pt {
		x, y, _ := view.NodeCenter(area, m.Layers, layer, j)
		return client(x, y)
	}
	// The middle of the edge into ŷ from h4: from h4's right side to ŷ's left side.
	x0, y0, h0 := view.NodeCenter(area, m.Layers, 1, 3)
	x1, y1, h1 := view.NodeCenter(area, m.Layers, 2, 0)
	edge := client((x0+h0+x1-h1)/2, (y0+y1)/2)
	away := p.toScreen(0, 5.5) // empty plane: nothing to hover

	tooltip := func() string {
		if tt := eval[*string](p, `nnplay.state().tooltip`); tt != nil {
			return *tt
		}
		return "null"
	}
	hover := func(at browser.Pt) {
		t.Helper()
		if err := p.tab.Hover(browser.Pt{X: math.Round(at.X), Y: math.Round(at.Y)}); err != nil {
			t.Fatal(err)
		}
	}
	hover(away)
	if got := tooltip(); got != "null" {
		t.Fatalf("resting on empty plane: tooltip %q, want null", got)
	}
	before, _, err := p.tab.Screenshot()
	if err != nil {
		t.Fatal(err)
	}

	for _, tc := range []struct {
		name string
		at   browser.Pt
		want string
	}{
		{"edge h4 → ŷ", edge, "w = 0.500 (h4 → ŷ)"},
		{"node h2", node(1, 1), "h2: b = −0.100"},
		{"input node x2", node(0, 1), "x2"},
		{"test point", p.toScreen(2, -1.5), "(2.00, −1.50) class 0, test"},
	} {
		hover(tc.at)
		if got := tooltip(); got != tc.want {
			t.Errorf("resting on %s at %v: tooltip %q, want %q", tc.name, tc.at, got, tc.want)
		}
		img, png, err := p.tab.Screenshot()
		if err != nil {
			t.Fatal(err)
		}
		if !tooltipFrame(before, img, tc.at) {
			t.Errorf("resting on %s at %v: no tooltip box drawn beside the pointer", tc.name, tc.at)
			saveShot(t, "hover-missing.png", png)
		}
	}

	// A click selects the test point: the nodes then show its activations, and h2's tooltip
	// adds a = σ(−1.25·2 + 0.4·(−1.5) − 0.1).
	if err := p.tab.Click(p.toScreen(2, -1.5), input.MouseButtonLeft, 0); err != nil {
		t.Fatal(err)
	}
	if sel := eval[*int](p, `nnplay.state().selected`); sel == nil || *sel != 1 {
		t.Fatalf("after clicking the test point: selected %v, want 1", sel)
	}
	hover(node(1, 1))
	a := 1 / (1 + math.Exp(-(-1.25*2 + 0.4*-1.5 - 0.1)))
	if got, want := tooltip(), fmt.Sprintf("h2: b = −0.100, a = %.3f", a); got != want {
		t.Errorf("h2 with the test point selected: tooltip %q, want %q", got, want)
	}
	hover(away)
	if got := tooltip(); got != "null" {
		t.Errorf("back on empty plane: tooltip %q, want null", got)
	}
}

// tooltipFrame reports whether after shows, and before does not, the top of a tooltip box
// beside the pointer at: the box is framed in Ink, 24 px tall, 14 px right of the pointer and
// 16 px below it, or flipped left (its right side 10 px left of it) or above (its top 36 px
// above it) near the canvas's edges. The test is a dark horizontal run of 19 px along the top
// frame, within a pixel of where it goes, at least 14 of them new in after (a hovered node's
// frame may cross it): an edge's or node's highlight near the pointer draws no such run.
func tooltipFrame(before, after image.Image, at browser.Pt) bool {
	x, y := int(math.Round(at.X)), int(math.Round(at.Y)) // where hover put the pointer
	dark := func(c color.Color) bool {
		r, g, b, _ := c.RGBA()
		return max(r, g, b)>>8 < 0x70
	}
	for _, top := range []int{y + 16, y - 36} {
		for _, x0 := range []int{x + 15, x - 29} {
			for row := top - 1; row <= top+1; row++ {
				run, fresh := true, 0
				for px := x0; px < x0+19 && run; px++ {
					run = dark(after.At(px, row))
					if !dark(before.At(px, row)) {
						fresh++
					}
				}
				if run && fresh >= 14 { // a node's frame may cross the run: a few were dark before
					return true
				}
			}
		}
	}
	return false
}

// TestTapShowsValues: on a touch screen, which has no hover, a tap on a node or an edge shows
// its value until the next touch.
func TestTapShowsValues(t *testing.T) {
	p := open(t, touchDesktop)
	p.pause()
	m := hoverModel
	p.do("loadModel", m)
	p.frames(3)
	client, area := netGeometry(t, p)
	x, y, _ := view.NodeCenter(area, m.Layers, 1, 1)
	if err := p.tab.Tap(client(x, y)); err != nil {
		t.Fatal(err)
	}
	p.frames(2)
	if got := eval[*string](p, `nnplay.state().tooltip`); got == nil || *got != "h2: b = −0.100" {
		t.Errorf("after tapping node h2: tooltip %v, want %q", got, "h2: b = −0.100")
	}
	if err := p.tab.Tap(p.toScreen(5.5, 5.5)); err != nil { // empty plane: adds a point
		t.Fatal(err)
	}
	p.frames(2)
	if got := eval[*string](p, `nnplay.state().tooltip`); got != nil {
		t.Errorf("after a tap elsewhere: tooltip %q, want none", *got)
	}
}

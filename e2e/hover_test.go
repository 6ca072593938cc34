//go:build !(js && wasm)

package e2e

import (
	"fmt"
	"image"
	"math"
	"testing"

	"nnplay/internal/browser"
	"nnplay/view"
)

// hoverModel is a 2-4-1 sigmoid network with weights and biases easy to recognise.
var hoverModel = Model{
	Format: "nnplay.model/1", Inputs: []string{"x1", "x2"}, Layers: []int{2, 4, 1}, Activation: "sigmoid", Output: "sigmoid",
	Weights: [][][]float64{{{0.3, -0.2}, {-1.25, 0.4}, {0.8, 0.1}, {-0.5, -0.7}}, {{1.5, -2, 0.75, 0.5}}},
	Biases:  [][]float64{{0.2, -0.1, 0.1, 0.3}, {-0.25}},
}

// canvasGeometry returns where p's canvas lies: its layout, from view (the one the canvas
// uses) for the canvas's size, and its top left corner in the page's client coordinates,
// checked against toScreen.
func canvasGeometry(t *testing.T, p *page) (l view.Layout, origin browser.Pt) {
	t.Helper()
	box := eval[struct{ X, Y, W, H float64 }](p, `(() => { const f = document.getElementById("canvas");
		const r = f.getBoundingClientRect();
		return {X: r.left + f.clientLeft, Y: r.top + f.clientTop, W: f.clientWidth, H: f.clientHeight}; })()`)
	l = view.NewLayout(box.W, box.H)
	origin = browser.Pt{X: box.X, Y: box.Y}
	x, y := l.ToScreen(1, 2)
	if got, want := p.toScreen(1, 2), (browser.Pt{X: origin.X + x, Y: origin.Y + y}); dist(got, want) > 0.5 {
		t.Fatalf("toScreen(1, 2) = %v, but the layout of a %v×%v canvas at %v puts it at %v: the test's geometry is not the page's",
			got, box.W, box.H, origin, want)
	}
	return l, origin
}

// netGeometry returns where the network picture of p's canvas lies: client maps canvas CSS
// px to the page's client coordinates, and area is view.NetArea of the canvas's layout (see
// canvasGeometry).
func netGeometry(t *testing.T, p *page) (client func(x, y float64) browser.Pt, area view.Rect) {
	t.Helper()
	l, origin := canvasGeometry(t, p)
	client = func(x, y float64) browser.Pt { return browser.Pt{X: origin.X + x, Y: origin.Y + y} }
	return client, view.NetArea(l.Network)
}

// TestHoverShowsValues: a mouse resting on an edge, a node or a point shows its value in a
// tooltip drawn beside the pointer (state().tooltip says the text), and the network's nodes
// take the hovered point's activations. The network's geometry comes from view (the layout
// the canvas uses), checked first against toScreen.
func TestHoverShowsValues(t *testing.T) {
	p := openPaused(t)
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

	rest(t, p, away)
	if got := p.tooltip(); got != "null" {
		t.Fatalf("resting on empty plane: tooltip %q, want null", got)
	}
	before, _, err := p.tab.Screenshot()
	if err != nil {
		t.Fatal(err)
	}
	l, origin := canvasGeometry(t, p)

	for _, tc := range []struct {
		name string
		at   browser.Pt
		want string
	}{
		{"edge h4 → ŷ", edge, "w = 0.500 (h4 → ŷ)"},
		{"node h2", node(1, 1), "h2: b = −0.100"},
		{"input node x₂", node(0, 1), "x₂"},
		{"output node ŷ, near the canvas's right edge", node(2, 0), "ŷ: b = −0.250"},
		{"test point", p.toScreen(2, -1.5), "(2.00, −1.50) class 0, test"},
	} {
		rest(t, p, tc.at)
		if got := p.tooltip(); got != tc.want {
			t.Errorf("resting on %s at %v: tooltip %q, want %q", tc.name, tc.at, got, tc.want)
		}
		img, png, err := p.tab.Screenshot()
		if err != nil {
			t.Fatal(err)
		}
		if r, ok := tooltipBox(before, img, l, origin, tc.at); !ok {
			t.Errorf("resting on %s at %v: no tooltip box drawn where view.TooltipBox puts it", tc.name, tc.at)
			saveShot(t, "hover-missing.png", png)
		} else {
			t.Logf("resting on %s: the tooltip's box is %+v", tc.name, r)
		}
	}

	hoverSelected(t, p, node(1, 1), away)
}

// hoverSelected: a click selects the test point at (2, −1.5): the nodes then show its
// activations, and h2's tooltip, resting on h2 at its place, adds a = σ(−1.25·2 +
// 0.4·(−1.5) − 0.1); away, on empty plane, there is none.
func hoverSelected(t *testing.T, p *page, h2, away browser.Pt) {
	p.click(p.toScreen(2, -1.5))
	if sel := eval[*int](p, `nnplay.state().selected`); sel == nil || *sel != 1 {
		t.Fatalf("after clicking the test point: selected %v, want 1", sel)
	}
	rest(t, p, h2)
	a := 1 / (1 + math.Exp(-(-1.25*2 + 0.4*-1.5 - 0.1)))
	if got, want := p.tooltip(), fmt.Sprintf("h2: b = −0.100, a = %.3f", a); got != want {
		t.Errorf("h2 with the test point selected: tooltip %q, want %q", got, want)
	}
	rest(t, p, away)
	if got := p.tooltip(); got != "null" {
		t.Errorf("back on empty plane: tooltip %q, want null", got)
	}
}

// rest moves the mouse to at, rounded to whole CSS px, and leaves it there.
func rest(t *testing.T, p *page, at browser.Pt) {
	t.Helper()
	if err := p.tab.Hover(browser.Pt{X: math.Round(at.X), Y: math.Round(at.Y)}); err != nil {
		t.Fatal(err)
	}
}

// tooltipBox looks in after for the tooltip's box as view.TooltipBox places it for the
// pointer at (client px; canvas px from origin) on a canvas of layout l, and returns it
// (canvas px). The text's width is the canvas's to measure in its font, so the box is looked
// for at every width up to 400 px, in quarter pixels: a frame in Ink TooltipH tall (its four
// sides dark, covering the pixels whose centres lie on them), Paper just inside its top, and
// most of the frame not already dark in before (a node's frame may lie along a side). A box
// drawn a pixel away from where TooltipBox puts it, or not drawn, is not found.
func tooltipBox(before, after image.Image, l view.Layout, origin, at browser.Pt) (view.Rect, bool) {
	dark := func(img image.Image, x, y int) bool {
		r, g, b, _ := img.At(x, y).RGBA()
		return max(r, g, b)>>8 < 0x70
	}
	light := func(x, y int) bool {
		r, g, b, _ := after.At(x, y).RGBA()
		return min(r, g, b)>>8 > 0xe0
	}
	// pixel returns the first pixel whose centre lies at or after v.
	pixel := func(v float64) int { return int(math.Ceil(v - 0.5)) }
	at = browser.Pt{X: math.Round(at.X), Y: math.Round(at.Y)} // where hover put the pointer
	px, py := at.X-origin.X, at.Y-origin.Y
	for textW := 0.0; textW <= 400; textW += 0.25 {
		r := view.TooltipBox(l, px, py, textW)
		x0, x1 := pixel(origin.X+r.X), pixel(origin.X+r.X+r.W-1)
		y0, y1 := pixel(origin.Y+r.Y), pixel(origin.Y+r.Y+r.H-1)
		found, was, frame := true, 0, 0
		for x := x0; x <= x1 && found; x++ {
			found = dark(after, x, y0) && dark(after, x, y1) && (x == x0 || x == x1 || light(x, y0+1))
		}
		for y := y0; y <= y1 && found; y++ {
			found = dark(after, x0, y) && dark(after, x1, y)
		}
		for x := x0; x <= x1 && found; x++ {
			for y := y0; y <= y1; y++ {
				if x == x0 || x == x1 || y == y0 || y == y1 {
					frame++
					if dark(before, x, y) {
						was++
					}
				}
			}
		}
		if found && was < frame/2 {
			return r, true
		}
	}
	return view.Rect{}, false
}

// TestTapShowsValues: on a touch screen, which has no hover, a tap on a node or an edge shows
// its value until the next touch.
func TestTapShowsValues(t *testing.T) {
	p := openPaused(t, touchDesktop)
	m := hoverModel
	p.do("loadModel", m)
	p.frames(3)
	client, area := netGeometry(t, p)
	x, y, _ := view.NodeCenter(area, m.Layers, 1, 1)
	if err := p.tab.Tap(client(x, y)); err != nil {
		t.Fatal(err)
	}
	p.frames(2)
	if got := p.tooltip(); got != "h2: b = −0.100" {
		t.Errorf("after tapping node h2: tooltip %q, want %q", got, "h2: b = −0.100")
	}
	if err := p.tab.Tap(p.toScreen(5.5, 5.5)); err != nil { // empty plane: adds a point
		t.Fatal(err)
	}
	p.frames(2)
	if got := p.tooltip(); got != "null" {
		t.Errorf("after a tap elsewhere: tooltip %q, want none", got)
	}
}

//go:build !(js && wasm)

package e2e

import (
	"fmt"
	"image"
	"math"
	"slices"
	"testing"
	"time"

	"nnplay/internal/browser"
)

// litPaths returns the paths of the maths panel's numbers marked lit, and how many numbers
// the panel shows at path.
func litPaths(p *page, path string) (lit []string, at int) {
	p.t.Helper()
	lit = eval[[]string](p, `Array.from(document.querySelectorAll("#math mn.lit"), e => e.getAttribute("data-path"))`)
	return lit, eval[int](p, fmt.Sprintf(`document.querySelectorAll('#math mn[data-path="%s"]').length`, path))
}

// darkAround counts the dark pixels of img (Ink's, as tooltipBox's) within r px of c.
func darkAround(img image.Image, c browser.Pt, r int) int {
	n := 0
	cx, cy := int(math.Round(c.X)), int(math.Round(c.Y))
	for x := cx - r; x <= cx+r; x++ {
		for y := cy - r; y <= cy+r; y++ {
			if cr, cg, cb, _ := img.At(x, y).RGBA(); max(cr, cg, cb)>>8 < 0x70 {
				n++
			}
		}
	}
	return n
}

// TestMathLit: hover one, see the other. The mouse resting on the edge h4 → ŷ marks its
// weight's numbers in the maths panel, and no other, without moving them; resting on that
// number in the panel highlights the edge in the network picture (an Ink border along it,
// no tooltip), state().lit says so, and leaving the number takes it away.
func TestMathLit(t *testing.T) {
	// A narrow window with a mouse, tall enough to show the network and, under it, the
	// panel's forward pass (on a wider one the panel lies a whole canvas lower).
	p := openPaused(t, browser.Viewport{Width: 600, Height: 1500, Scale: 1})
	m := hoverModel
	p.do("loadModel", m)
	p.setData([]Point{{X: -4, Y: 3, Label: 1}, {X: 1, Y: 1, Label: 0}})
	p.do("followPoint", 0)
	p.clickElement("math-drawer") // the panel is a section the user opens here
	const path = "layers.1.W.0.3" // the weight of h4 → ŷ
	waitPanel(t, p, path, "layers.0.a.3")
	// The number at the bottom of the view, the network above it.
	number := eval[struct{ X, Y, W float64 }](p, fmt.Sprintf(`(() => {
		const e = document.querySelector('#math mn[data-path="%s"]');
		e.scrollIntoView({block: "end"});
		const r = e.getBoundingClientRect();
		return {X: r.left + r.width / 2, Y: r.top + r.height / 2, W: r.width}; })()`, path))
	p.frames(2)
	edge := edgeMiddle(t, p, m.Layers, 1, 0, 3)
	if edge.Y < 0 {
		t.Fatalf("with the panel's number at y = %v, the edge lies at y = %v, above the view", number.Y, edge.Y)
	}
	title := eval[browser.Pt](p, `(() => { const r = document.getElementById("math-title").getBoundingClientRect();
		return {x: r.left + 20, y: r.top + r.height / 2}; })()`) // the panel, on no number

	rest(t, p, edge)
	p.until(5*time.Second, func() error {
		if lit, at := litPaths(p, path); at == 0 || len(lit) != at || slices.ContainsFunc(lit, func(s string) bool { return s != path }) {
			return fmt.Errorf("resting on the edge h4 → ŷ, the panel marks %q; want the %d numbers at %s", lit, at, path)
		}
		return nil
	})
	if w := eval[float64](p, fmt.Sprintf(`document.querySelector('#math mn[data-path="%s"]').getBoundingClientRect().width`, path)); w != number.W {
		t.Errorf("the marked number is %v px wide, %v unmarked: the panel jitters", w, number.W)
	}

	rest(t, p, title)
	before, _, err := p.tab.Screenshot()
	if err != nil {
		t.Fatal(err)
	}
	rest(t, p, browser.Pt{X: number.X, Y: number.Y})
	p.until(5*time.Second, func() error {
		if lit := eval[[]string](p, `nnplay.state().lit`); !slices.Equal(lit, []string{path}) {
			return fmt.Errorf("resting on the panel's %s: state().lit %q", path, lit)
		}
		return nil
	})
	p.frames(2)
	after, png, err := p.tab.Screenshot()
	if err != nil {
		t.Fatal(err)
	}
	if got := p.tooltip(); got != "null" {
		t.Errorf("resting on the panel's number: the canvas shows the tooltip %q, want none", got)
	}
	b, a := darkAround(before, edge, 6), darkAround(after, edge, 6)
	t.Logf("dark pixels within 6 px of the edge's middle: %d, lit %d", b, a)
	if a < b+12 {
		t.Errorf("resting on the panel's %s: %d dark pixels around the edge's middle, %d before: the edge is not highlighted", path, a, b)
	}
	saveShot(t, "lit-edge.png", png)

	rest(t, p, title)
	p.until(5*time.Second, func() error {
		if lit := eval[[]string](p, `nnplay.state().lit`); len(lit) != 0 {
			return fmt.Errorf("off the panel's number: state().lit %q, want []", lit)
		}
		return nil
	})
}

//go:build !(js && wasm)

package e2e

import (
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"nnplay/internal/browser"
)

// TestDragTeaches: at the defaults, after 5 s of training (2,500 epochs at 500 epochs/s),
// each training point in turn dragged with the mouse to a spot deep in the other class's
// region (the spot and every place within 2 units of it on the other side of 0.5; the one
// nearest the other class's training points, the hardest) moves the output there at least
// 0.3 toward its label, or across 0.5, within the next 2,500 epochs; just dropped, the point
// is labelled with the output under it and its loss. Each drag starts from a reset and 5 s
// of training; undo puts the point back.
func TestDragTeaches(t *testing.T) {
	p := open(t, browser.Desktop)
	const epochs = 2500 // 5 s at the default speed
	st := p.state()
	if st.Settings.Speed != 500 || st.Settings.Dataset != "gauss" {
		t.Fatalf("not the defaults: %+v", st.Settings)
	}
	trainTo := func(epoch int) {
		t.Helper()
		p.until(60*time.Second, func() error {
			if e := p.state().Epoch; e < epoch {
				return fmt.Errorf("epoch %d, waiting for %d", e, epoch)
			}
			return nil
		})
	}
	for i, pt := range st.Points {
		if pt.Test {
			continue
		}
		// Each drag starts from the network 5 s of training make from the seed.
		p.do("reset")
		p.do("play")
		trainTo(epochs)
		p.pause()
		spot, ok := p.deepSpot(pt.Label)
		if !ok {
			t.Fatalf("no spot deep in class %v's opposite region", pt.Label)
		}
		before := call[float64](p, "predict", spot.X, spot.Y)
		p.readyToDrag(pt.X, pt.Y)
		// Dragged paused, so that nothing on the page moves under the mouse; the epochs
		// after the drop are the bar's.
		if err := p.tab.MouseDrag(p.toScreen(pt.X, pt.Y), p.toScreen(spot.X, spot.Y), 8); err != nil {
			t.Fatal(err)
		}
		dropped := p.state()
		if moved := dropped.Points[i]; math.Hypot(moved.X-spot.X, moved.Y-spot.Y) > 0.1 {
			t.Fatalf("point %d landed at (%.2f, %.2f), not at the spot (%.2f, %.2f); hints %v", i, moved.X, moved.Y, spot.X, spot.Y,
				eval[[]string](p, `nnplay.state().hints`))
		}
		// Just dropped, the point is labelled with the output under it and its own loss.
		y := call[float64](p, "predict", spot.X, spot.Y)
		want := fmt.Sprintf("ŷ = %.3f · loss %.3f", y, (y-pt.Label)*(y-pt.Label))
		if label := eval[string](p, `nnplay.state().pointLabel || ""`); label != strings.ReplaceAll(want, "-", "−") {
			t.Errorf("after dropping point %d its label reads %q, want %q", i, label, want)
		}
		p.do("play")
		trainTo(dropped.Epoch + epochs)
		p.pause()
		after := call[float64](p, "predict", spot.X, spot.Y)
		move, crossed := after-before, after > 0.5
		if pt.Label == 0 {
			move, crossed = -move, after < 0.5
		}
		t.Logf("point %d (label %v) dragged to (%.1f, %.1f): output %.3f → %.3f", i, pt.Label, spot.X, spot.Y, before, after)
		if move < 0.3 && !crossed {
			t.Errorf("point %d (label %v) dragged to (%.1f, %.1f): the output there went %.3f → %.3f, not 0.3 toward the label", i, pt.Label, spot.X, spot.Y, before, after)
		}
		p.do("undo") // the point goes back, for the next
	}
}

// deepSpot returns the spot of a one-unit grid deep in the region of the class other than
// label (it and every sampled place of the plane within 2 units on that side of 0.5) that
// lies nearest the training points of that class.
func (p *page) deepSpot(label float64) (browser.Pt, bool) {
	p.t.Helper()
	r := eval[struct {
		X, Y float64
		OK   bool
	}](p, `(() => {
		const label = `+ftoa(label)+`, other = (v) => label === 1 ? v < 0.5 : v > 0.5;
		const pts = nnplay.state().points.filter(q => !q.test && q.label !== label);
		const cx = pts.reduce((s, q) => s + q.x, 0) / pts.length, cy = pts.reduce((s, q) => s + q.y, 0) / pts.length;
		let best = null, bestD = Infinity;
		for (let x = -6; x <= 6; x++) for (let y = -6; y <= 6; y++) {
			let deep = true;
			for (let r = 0; r <= 2 && deep; r += 0.5) for (let k = 0, n = Math.max(1, r * 8); k < n && deep; k++) {
				const a = 2 * Math.PI * k / n, px = x + r * Math.cos(a), py = y + r * Math.sin(a);
				if (Math.abs(px) <= 6 && Math.abs(py) <= 6 && !other(nnplay.predict(px, py))) deep = false;
			}
			const d = Math.hypot(x - cx, y - cy);
			if (deep && d < bestD) { best = {x, y}; bestD = d; }
		}
		return best ? {x: best.x, y: best.y, ok: true} : {x: 0, y: 0, ok: false};
	})()`)
	return browser.Pt{X: r.X, Y: r.Y}, r.OK
}

// readyToDrag gets the page ready for a mouse drag from (x, y) of the plane: the press
// focuses the canvas, which the browser scrolls into view, so it focuses the canvas first and
// waits until the point no longer moves on the page (the coach's line may appear).
func (p *page) readyToDrag(x, y float64) {
	p.t.Helper()
	eval[bool](p, `(document.getElementById("canvas").contentWindow.document.querySelector("canvas").focus(), true)`)
	p.until(10*time.Second, func() error {
		a := p.toScreen(x, y)
		p.frames(5)
		if b := p.toScreen(x, y); a != b {
			return fmt.Errorf("the point moved on the page from %v to %v", a, b)
		}
		return nil
	})
}

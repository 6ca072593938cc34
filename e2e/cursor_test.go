//go:build !(js && wasm)

package e2e

import (
	"fmt"
	"testing"
	"time"

	"nnplay/internal/browser"
)

// TestCursors: the canvas's cursor says what a press would do, after real mouse moves: grab
// over a point, grabbing while it is dragged (the button still down), crosshair over empty
// plot, where a click adds a point, and the arrow where a press does nothing.
func TestCursors(t *testing.T) {
	p := openPaused(t)
	p.setData([]Point{{X: 0, Y: 0, Label: 1}, {X: -4, Y: 4, Label: 0}})
	p.frames(3)
	const cursor = `getComputedStyle(document.getElementById("canvas").contentDocument.querySelector("canvas")).cursor`
	wantCursor := func(what, want string) error {
		return browser.Poll(5*time.Second, func() error {
			if got := eval[string](p, cursor); got != want {
				return fmt.Errorf("%s: cursor %q, want %q", what, got, want)
			}
			return nil
		})
	}
	hover := func(what string, at browser.Pt, want string) {
		t.Helper()
		if err := p.tab.Hover(at); err != nil {
			t.Fatal(err)
		}
		if err := wantCursor(what, want); err != nil {
			t.Error(err)
		}
	}
	hover("over the point at (0, 0)", p.toScreen(0, 0), "grab")
	hover("over empty plot", p.toScreen(3, -3), "crosshair")
	l, origin := canvasGeometry(t, p)
	hover("outside the plot, on the loss panel's title", browser.Pt{X: origin.X + l.Loss.X + 2, Y: origin.Y + l.Loss.Y + 2}, "default")
	if err := p.tab.MouseHold(p.toScreen(-4, 4), p.toScreen(-2, 2), 5, func() error {
		return wantCursor("dragging the point from (−4, 4)", "grabbing")
	}); err != nil {
		t.Error(err)
	}
	if got := p.state().Points[1]; dist(p.toScreen(got.X, got.Y), p.toScreen(-2, 2)) > 3 {
		t.Errorf("the dragged point is at (%.2f, %.2f), want (−2, 2)", got.X, got.Y)
	}
	if err := wantCursor("after the drag, over the dropped point", "grab"); err != nil {
		t.Error(err)
	}
}

//go:build !(js && wasm)

package e2e

import (
	"errors"
	"math"
	"testing"
	"time"

	"nnplay/internal/browser"
)

// TestPhoneTouch: at 390×844 with touch only, the Controls bar is on screen at load and a
// tap on it brings the controls into view; a vertical swipe that starts on empty canvas
// scrolls the page, while a drag that starts on a point moves the point and not the page.
func TestPhoneTouch(t *testing.T) {
	p := openPaused(t, browser.Phone)
	p.setData([]Point{{X: 0, Y: 0, Label: 1}, {X: -4, Y: 4, Label: 0}})
	p.frames(3)
	if _, png, err := p.tab.Screenshot(); err == nil {
		saveShot(t, "phone-touch.png", png) // docs/phone.png is a copy
	}
	drawer := eval[[4]float64](p, `(() => { const r = document.getElementById("drawer").getBoundingClientRect(); return [r.left, r.top, r.width, r.height]; })()`)
	if drawer[1] < 0 || drawer[1]+drawer[3] > 844 || drawer[3] < 44 {
		t.Errorf("the Controls bar is at %v, not wholly on the 844 px screen (or under 44 px high)", drawer)
	} else if err := p.tab.Tap(browser.Pt{X: drawer[0] + drawer[2]/2, Y: drawer[1] + drawer[3]/2}); err != nil {
		t.Fatal(err)
	} else if err := p.tab.WaitFor(`(() => { const r = document.getElementById("dataset").getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight && r.height >= 44; })()`, 5*time.Second); err != nil {
		t.Errorf("after a tap on Controls the first control is not in view (or under 44 px): %v", err)
	}
	eval[bool](p, `(scrollTo(0, 0), true)`)
	p.until(5*time.Second, func() error { return zeroScroll(p) })

	// A swipe up on empty plot scrolls the page and adds nothing.
	from := p.toScreen(3, -3)
	before := p.state().Points
	if err := p.tab.TouchDrag(from, browser.Pt{X: from.X, Y: from.Y - 250}, 8, 0); err != nil {
		t.Fatal(err)
	}
	if y := eval[float64](p, `scrollY`); y < 100 {
		t.Errorf("a swipe of 250 px up on empty canvas scrolled the page by %.0f px", y)
	}
	if after := p.state().Points; len(after) != len(before) || after[0] != before[0] || after[1] != before[1] {
		t.Errorf("the swipe changed the points: %v → %v", before, after)
	}
	eval[bool](p, `(scrollTo(0, 0), true)`)
	p.until(5*time.Second, func() error { return zeroScroll(p) })

	// A drag from a point moves it, and the page stays.
	at, to := p.toScreen(0, 0), p.toScreen(0, 3)
	if err := p.tab.TouchDrag(at, to, 8, 0); err != nil {
		t.Fatal(err)
	}
	if y := eval[float64](p, `scrollY`); y != 0 {
		t.Errorf("a drag on a point scrolled the page by %.0f px", y)
	}
	got := p.state().Points[0]
	if math.Abs(got.X) > 0.3 || math.Abs(got.Y-3) > 0.3 {
		t.Errorf("the dragged point is at (%.2f, %.2f), want near (0, 3)", got.X, got.Y)
	}
}

// zeroScroll is nil when the page is scrolled to its top.
func zeroScroll(p *page) error {
	if y := eval[float64](p, `scrollY`); y != 0 {
		return &scrollError{y}
	}
	return nil
}

type scrollError struct{ y float64 }

func (e *scrollError) Error() string { return "the page is still scrolled by " + ftoa(e.y) + " px" }

// TestPhoneBar: at 390×844 the bar of play, step, reset, undo, redo, help and the counters
// is one row at most 64 px tall, each button at least 44 px square and on screen, the
// counters beside them; under it the whole plot is on screen, above the Controls bar at
// the bottom.
func TestPhoneBar(t *testing.T) {
	p := openPaused(t, browser.Phone)
	p.frames(3)
	type box struct {
		ID                       string
		Left, Top, Width, Height float64
	}
	bar := eval[box](p, `(() => { const r = document.querySelector(".bar").getBoundingClientRect(); return {ID: "bar", Left: r.left, Top: r.top, Width: r.width, Height: r.height}; })()`)
	if bar.Height > 64 {
		t.Errorf("the bar is %.0f px tall, want one row of at most 64 px", bar.Height)
	}
	buttons := eval[[]box](p, `[...document.querySelectorAll(".bar button")].filter(b => b.offsetParent !== null).map(b => {
		const r = b.getBoundingClientRect(); return {ID: b.id, Left: r.left, Top: r.top, Width: r.width, Height: r.height}; })`)
	ids := map[string]bool{}
	for _, b := range buttons {
		ids[b.ID] = true
		if b.Width < 44 || b.Height < 44 {
			t.Errorf("the bar's %s button is %.0f×%.0f px, want at least 44×44", b.ID, b.Width, b.Height)
		}
		if b.Left < 0 || b.Left+b.Width > 390 || b.Top < bar.Top || b.Top+b.Height > bar.Top+bar.Height {
			t.Errorf("the bar's %s button at %+v is not wholly on screen inside the bar %+v", b.ID, b, bar)
		}
	}
	for _, id := range []string{"play", "step", "reset", "undo", "redo", "help-open"} {
		if !ids[id] {
			t.Errorf("the bar shows no %s button", id)
		}
	}
	counters := eval[box](p, `(() => { const r = document.querySelector(".counters").getBoundingClientRect(); return {ID: "counters", Left: r.left, Top: r.top, Width: r.width, Height: r.height}; })()`)
	if counters.Left+counters.Width > 390 || counters.Top < bar.Top || counters.Top+counters.Height > bar.Top+bar.Height {
		t.Errorf("the counters at %+v are not on screen inside the bar %+v", counters, bar)
	}
	drawer := eval[box](p, `(() => { const r = document.getElementById("drawer").getBoundingClientRect(); return {ID: "drawer", Left: r.left, Top: r.top, Width: r.width, Height: r.height}; })()`)
	topLeft, bottomRight := p.toScreen(-6, 6), p.toScreen(6, -6)
	if topLeft.Y < bar.Top+bar.Height || bottomRight.Y > drawer.Top || topLeft.X < 0 || bottomRight.X > 390 {
		t.Errorf("the plot spans %v to %v: not wholly between the bar (bottom %.0f) and the Controls bar (top %.0f)",
			topLeft, bottomRight, bar.Top+bar.Height, drawer.Top)
	}
	for _, c := range [][2]float64{{-5.5, 5.5}, {5.5, -5.5}, {0, 0}} {
		pt := p.toScreen(c[0], c[1])
		if tag := eval[string](p, `document.elementFromPoint(`+ftoa(pt.X)+`, `+ftoa(pt.Y)+`).tagName`); tag != "IFRAME" {
			t.Errorf("plot point (%v, %v) shows a %s, not the canvas", c[0], c[1], tag)
		}
	}
}

// TestPhoneCanvasStays: on a phone the canvas keeps its place while the bar's counters grow
// (a million epochs, tens of thousands a second, the shortfall of an unreachable speed) and
// play turns into pause. The bar wrapped as they grew and moved the canvas 26–50 px under
// a finger held on a point, which closed its menu (the soak found it).
func TestPhoneCanvasStays(t *testing.T) {
	p := openPaused(t, browser.Phone)
	at := p.toScreen(-6, -6)
	moved := func(when string) {
		t.Helper()
		if now := p.toScreen(-6, -6); now != at {
			t.Fatalf("%s the plot's corner moved from %v to %v", when, at, now)
		}
	}
	for range 10 {
		p.do("step", 100_000)
	}
	p.frames(3)
	moved("after a million epochs")
	p.do("configure", map[string]any{"speed": 1_000_000})
	p.do("play")
	p.until(time.Minute, func() error {
		moved("while training flat out")
		if eval[string](p, `document.getElementById("shortfall").textContent`) == "" {
			return errNoShortfall
		}
		return nil
	})
	p.frames(3)
	moved("with the shortfall shown")
}

// errNoShortfall is the wait for the bar to say the speed asked is not reached.
var errNoShortfall = errors.New("the bar does not yet say that the speed asked is not reached")

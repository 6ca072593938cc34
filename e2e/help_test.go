//go:build !(js && wasm)

package e2e

import (
	"fmt"
	"strings"
	"testing"
	"time"

	kb "github.com/chromedp/chromedp/kb"

	"nnplay/internal/browser"
)

// helpOpen is true when the help dialog is open as a modal with the focus inside it.
const helpOpen = `(() => { const d = document.getElementById("help");
	return d.open && d.matches(":modal") && d.contains(document.activeElement); })()`

// TestHelp: the ? key (on the page and on the canvas) and the ? button open the help, a
// modal dialog listing the gestures for mouse, touch and keyboard; Esc closes it and the
// focus goes back where it was.
func TestHelp(t *testing.T) {
	p := openPaused(t)
	text := eval[string](p, `document.getElementById("help").innerText`)
	for _, want := range []string{"mouse", "touch", "keyboard", "drag", "long-press", "right-click", "Delete", "Esc"} {
		if !strings.Contains(text, want) {
			t.Errorf("the help does not mention %q", want)
		}
	}
	esc := func(from string) {
		t.Helper()
		if err := p.tab.Keys(kb.Escape, 0); err != nil {
			t.Fatal(err)
		}
		if err := p.tab.WaitFor(`!document.getElementById("help").open`, 5*time.Second); err != nil {
			t.Errorf("Esc did not close the help opened by %s: %v", from, err)
		}
	}

	// The ? key on the page.
	if err := p.tab.Keys("?", browser.Shift); err != nil {
		t.Fatal(err)
	}
	if err := p.tab.WaitFor(helpOpen, 5*time.Second); err != nil {
		t.Fatalf("? on the page did not open the help with the focus in it: %v", err)
	}
	if _, png, err := p.tab.Screenshot(); err == nil {
		saveShot(t, "help.png", png) // docs/help.png is a copy
	}
	before := p.state()
	if err := p.tab.Keys("s", 0); err != nil { // the page's shortcuts rest while the help is open
		t.Fatal(err)
	}
	if st := p.state(); st.Epoch != before.Epoch {
		t.Errorf("s with the help open stepped: epoch %d → %d", before.Epoch, st.Epoch)
	}
	esc("the ? key")

	// The button; the focus returns to it.
	p.click(button(t, p, "Help: every gesture"))
	if err := p.tab.WaitFor(helpOpen, 5*time.Second); err != nil {
		t.Fatalf("the ? button did not open the help: %v", err)
	}
	esc("the button")
	if id := eval[string](p, `document.activeElement.id`); id != "help-open" {
		t.Errorf("after Esc the focus is on %q, want the ? button", id)
	}

	// The ? key on the focused canvas.
	focusCanvas(t, p)
	if err := p.tab.Keys("?", browser.Shift); err != nil {
		t.Fatal(err)
	}
	if err := p.tab.WaitFor(helpOpen, 5*time.Second); err != nil {
		t.Fatalf("? on the canvas did not open the help: %v", err)
	}
	p.click(button(t, p, "^close"))
	if err := p.tab.WaitFor(`!document.getElementById("help").open`, 5*time.Second); err != nil {
		t.Errorf("the close button did not close the help: %v", err)
	}
}

// TestHint: a first visit shows a one-line hint along the plot's bottom edge; a press on
// the canvas takes it away, for good (a reload does not bring it back).
func TestHint(t *testing.T) {
	p := open(t) // a first visit: open clears what the browser kept
	const visible = `(() => { const h = document.getElementById("hint"); return !h.hidden && h.getBoundingClientRect().height > 0; })()`
	if !eval[bool](p, visible) {
		t.Fatalf("no hint on a first visit")
	}
	if text := eval[string](p, `document.getElementById("hint").innerText`); !strings.Contains(text, "drag a point") || !strings.Contains(text, "right-click") {
		t.Errorf("the hint says %q", text)
	}
	// It lies on the plot, between its bottom edge and y = -5.5 (the page may still be
	// settling its layout: wait for it).
	p.until(10*time.Second, func() error {
		box := eval[[4]float64](p, `(() => { const r = document.querySelector("#hint > span").getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; })()`)
		lo, edge, left, right := p.toScreen(0, -5.5), p.toScreen(0, -6), p.toScreen(-6, 0), p.toScreen(6, 0)
		if box[1] < lo.Y || box[3] > edge.Y || box[0] < left.X || box[2] > right.X {
			return fmt.Errorf("the hint's chip %v is not inside the plot's bottom strip (y %.0f to %.0f, x %.0f to %.0f)", box, lo.Y, edge.Y, left.X, right.X)
		}
		return nil
	})
	p.click(p.toScreen(-4, 4))
	if err := p.tab.WaitFor(`document.getElementById("hint").hidden`, 5*time.Second); err != nil {
		t.Errorf("the hint stayed after a click on the canvas: %v", err)
	}
	// The click added a point, which the page keeps: leaving does not ask.
	if _, err := p.tab.Leave(site.URL, false); err != nil {
		t.Fatal(err)
	}
	if err := p.tab.WaitFor(`typeof window.nnplay === "object" && window.nnplay !== null`, ready); err != nil {
		t.Fatal(err)
	}
	if eval[bool](p, visible) {
		t.Errorf("the hint came back after a reload")
	}
}

// TestMessageOverlay: a refused entry is said in the page's words over the canvas, without
// moving the layout, and stays until dismissed.
func TestMessageOverlay(t *testing.T) {
	p := openPaused(t)
	// The canvas's place in its stage (the bar above may change height with its counters).
	const frame = `(() => { const r = document.getElementById("canvas").getBoundingClientRect(), s = document.querySelector(".stage").getBoundingClientRect();
		return [r.left - s.left, r.top - s.top, r.width, r.height]; })()`
	before := eval[[4]float64](p, frame)
	p.clickElement("batchSize")
	if err := p.tab.Keys(kb.End+strings.Repeat(kb.Backspace, 5)+"0"+kb.Enter, 0); err != nil {
		t.Fatal(err)
	}
	p.shownMessage("after typing 0 into the batch size", "")
	msg := eval[string](p, `document.getElementById("message").innerText`)
	if !strings.HasPrefix(msg, "Batch size must be") || strings.Contains(msg, "configure") || strings.Contains(msg, "batchSize") {
		t.Errorf("the message reads %q; want it to start \"Batch size must be\", without the API's names", msg)
	}
	if after := eval[[4]float64](p, frame); after != before {
		t.Errorf("the message moved the canvas from %v to %v", before, after)
	}
	// It stays: watched for 7 s (it used to vanish after 6), the wait ends the moment it goes.
	if err := p.tab.WaitFor(`(() => { window.shownSince = window.shownSince || performance.now();
		return document.getElementById("message").hidden || performance.now() - window.shownSince > 7000; })()`, 20*time.Second); err != nil {
		t.Fatal(err)
	}
	if eval[bool](p, `document.getElementById("message").hidden`) {
		t.Fatalf("the message went away by itself within 7 s")
	}
	p.click(button(t, p, "Dismiss"))
	if err := p.tab.WaitFor(`document.getElementById("message").hidden`, 5*time.Second); err != nil {
		t.Errorf("the dismiss button left the message: %v", err)
	}
}

// TestNoFocusRingAfterClick: a mouse click on the canvas focuses it without a focus ring;
// Tab onto it shows one.
func TestNoFocusRingAfterClick(t *testing.T) {
	p := openPaused(t)
	const ring = `(() => { const c = document.getElementById("canvas").contentDocument.querySelector("canvas");
		return c.matches(":focus") && getComputedStyle(c).outlineStyle !== "none" && parseFloat(getComputedStyle(c).outlineWidth) > 0; })()`
	p.click(p.toScreen(-4, 4))
	p.frames(2)
	if !eval[bool](p, canvasFocused) {
		t.Fatalf("a click did not focus the canvas")
	}
	if eval[bool](p, ring) {
		t.Errorf("a mouse click left a focus ring round the canvas")
	}
	// Away and back by keyboard: the ring shows.
	if err := p.tab.Keys(kb.Tab, 0); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 40 && !eval[bool](p, canvasFocused); i++ {
		if err := p.tab.Keys(kb.Tab, browser.Shift); err != nil {
			t.Fatal(err)
		}
	}
	if !eval[bool](p, ring) {
		t.Errorf("keyboard focus on the canvas shows no ring")
	}
}

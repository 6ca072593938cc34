//go:build !(js && wasm)

package e2e

import (
	"fmt"
	"image"
	"image/color"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	kb "github.com/chromedp/chromedp/kb"

	"nnplay/internal/browser"
	"nnplay/session"
	"nnplay/view"
)

// TestLossMarks: after the reset button (which clears the curves and marks epoch 0 with
// "reset"), a data set picked with the page's picture and a batch size typed into its
// field, at epochs 40 and 80, are marked on the loss curves at those epochs
// (state().lossMarks), each a thin line at its epoch's x; the mouse resting on a line shows
// what changed in a tooltip drawn beside the pointer, and the line darkens.
func TestLossMarks(t *testing.T) {
	p := openPaused(t)
	p.clickElement("reset")
	stepTo(t, p, 0)
	stepTo(t, p, 40)
	p.clickElement("dataset-pics") // scrolls it into view
	at := eval[[2]float64](p, `(() => { const b = document.querySelector('#dataset-pics button[data-name="xor"]'); const r = b.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; })()`)
	p.click(browserPt(at))
	stepTo(t, p, 80)
	p.clickElement("batchSize")
	if err := p.tab.Keys(kb.End+strings.Repeat(kb.Backspace, 5)+"5"+kb.Enter, 0); err != nil {
		t.Fatal(err)
	}
	p.until(5*time.Second, func() error {
		if b := p.status().Settings.BatchSize; b != 5 {
			return fmt.Errorf("batch size %d, want 5", b)
		}
		return nil
	})
	stepTo(t, p, 100)
	want := []session.Mark{{Epoch: 0, Text: "reset"}, {Epoch: 40, Text: "data set gauss → xor"}, {Epoch: 80, Text: "batch size 10 → 5"}}
	got := p.state().LossMarks
	if !slices.Equal(got, want) {
		t.Fatalf("state().lossMarks %+v, want %+v", got, want)
	}
	hoverMarks(t, p, want[1:]) // the reset's at the chart's left edge, on its axis
}

// stepTo steps the paused playground on to epoch and waits until the page has drawn it, so
// that the loss history has sampled it.
func stepTo(t *testing.T, p *page, epoch int) {
	t.Helper()
	if n := epoch - p.state().Epoch; n > 0 {
		call[int](p, "step", n)
	}
	p.until(10*time.Second, func() error {
		if e := p.status().Epoch; e != epoch {
			return fmt.Errorf("epoch %d, want %d", e, epoch)
		}
		return nil
	})
	p.frames(2) // the history samples it
}

// hoverMarks: each of the marks want (of 100 epochs) is a thin line at its epoch's x; the
// mouse resting beside it shows what changed in a tooltip drawn beside the pointer, and the
// line darkens; resting between the marks shows none.
func hoverMarks(t *testing.T, p *page, want []session.Mark) {
	eval[bool](p, `(scrollTo(0, 0), true)`)
	l, origin := canvasGeometry(t, p)
	a := view.LossArea(l.Loss)
	markAt := func(epoch int) browser.Pt {
		return browser.Pt{X: math.Round(origin.X + a.X + a.W*float64(epoch)/100), Y: math.Round(origin.Y + a.Y + a.H*0.3)}
	}
	if err := p.tab.Hover(browser.Pt{X: origin.X + 5, Y: origin.Y + 5}); err != nil { // nothing there
		t.Fatal(err)
	}
	p.frames(2)
	before, _, err := p.tab.Screenshot()
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range want {
		x := origin.X + a.X + a.W*float64(m.Epoch)/100
		if on, off := markPixels(before, x, origin.Y+a.Y, origin.Y+a.Y+a.H, view.LossMarkInk), markPixels(before, x+8, origin.Y+a.Y, origin.Y+a.Y+a.H, view.LossMarkInk); on < 0.6 || off > 0.2 {
			t.Errorf("the mark of epoch %d: %.0f%% of the chart's column at x %.1f in its colour (want ≥ 60%%), %.0f%% 8 px right of it (want ≤ 20%%)",
				m.Epoch, 100*on, x, 100*off)
		}
	}
	for _, m := range want {
		pt := markAt(m.Epoch)
		pt.X += 2 // beside the line, within view.MarkHitPx
		if err := p.tab.Hover(pt); err != nil {
			t.Fatal(err)
		}
		text := "epoch " + strconv.Itoa(m.Epoch) + ": " + m.Text
		p.until(5*time.Second, func() error {
			if tt := p.tooltip(); tt != text {
				return fmt.Errorf("resting by the mark of epoch %d: tooltip %q, want %q", m.Epoch, tt, text)
			}
			return nil
		})
		p.frames(2)
		img, png, err := p.tab.Screenshot()
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := tooltipBox(before, img, l, origin, pt); !ok {
			t.Errorf("resting by the mark of epoch %d: no tooltip box drawn where view.TooltipBox puts it", m.Epoch)
			saveShot(t, "lossmark-missing.png", png)
		}
		x := origin.X + a.X + a.W*float64(m.Epoch)/100
		if on := markPixels(img, x, origin.Y+a.Y+a.H*0.5, origin.Y+a.Y+a.H, view.Ink); on < 0.6 {
			t.Errorf("the hovered mark of epoch %d: %.0f%% of its column below the tooltip in ink, want ≥ 60%%", m.Epoch, 100*on)
		}
	}
	if err := p.tab.Hover(browser.Pt{X: math.Round(origin.X + a.X + a.W*0.6), Y: markAt(40).Y}); err != nil {
		t.Fatal(err)
	}
	p.until(5*time.Second, func() error {
		if tt := p.tooltip(); tt != "null" {
			return fmt.Errorf("resting between the marks: tooltip %q, want none", tt)
		}
		return nil
	})
}

// markPixels returns the share of the pixels of the column nearest client x, from y0 to y1,
// within 48 of 255 per channel of c (a 1-px line at a fractional x is blended over two
// columns: the nearer holds at least half of it).
func markPixels(img image.Image, x, y0, y1 float64, c color.RGBA) float64 {
	px := int(math.Floor(x))
	n, in := 0, 0
	for y := int(math.Ceil(y0)) + 1; y < int(y1)-1; y++ {
		n++
		r, g, b, _ := img.At(px, y).RGBA()
		if absDiff(uint8(r>>8), c.R) <= 48 && absDiff(uint8(g>>8), c.G) <= 48 && absDiff(uint8(b>>8), c.B) <= 48 {
			in++
		}
	}
	return float64(in) / float64(max(n, 1))
}

// TestLossMarkTap: on a phone (390×844, touch only) a finger's tap on a loss-curve mark
// shows what changed there (state().tooltip), as the mouse resting on it does on the
// desktop (TestLossMarks); a tap on the chart between the marks shows nothing.
func TestLossMarkTap(t *testing.T) {
	p := openPaused(t, browser.Phone)
	p.do("reset")
	stepTo(t, p, 40)
	p.do("configure", map[string]any{"dataset": "xor"})
	stepTo(t, p, 100)
	want := session.Mark{Epoch: 40, Text: "data set gauss → xor"}
	if marks := p.state().LossMarks; !slices.Contains(marks, want) {
		t.Fatalf("state().lossMarks %+v, want %+v among them", marks, want)
	}
	// Bring the loss chart into the middle of the phone's screen.
	eval[bool](p, `(scrollTo(0, 0), true)`)
	l, origin := canvasGeometry(t, p)
	a := view.LossArea(l.Loss)
	eval[bool](p, `(scrollTo(0, `+strconv.Itoa(int(origin.Y+a.Y+a.H/2-422))+`), true)`)
	p.frames(2)
	l, origin = canvasGeometry(t, p)
	a = view.LossArea(l.Loss)
	at := func(epoch float64) browser.Pt {
		return browser.Pt{X: math.Round(origin.X + a.X + a.W*epoch/100), Y: math.Round(origin.Y + a.Y + a.H*0.3)}
	}
	if y := at(40).Y; y < 0 || y > 844 {
		t.Fatalf("the loss chart's mark at y %.0f is off the phone's screen", y)
	}
	if err := p.tab.Tap(at(40)); err != nil {
		t.Fatal(err)
	}
	text := "epoch 40: " + want.Text
	p.until(5*time.Second, func() error {
		if tt := p.tooltip(); tt != text {
			return fmt.Errorf("after a tap on the mark of epoch 40: tooltip %q, want %q", tt, text)
		}
		return nil
	})
	if err := p.tab.Tap(at(70)); err != nil {
		t.Fatal(err)
	}
	p.until(5*time.Second, func() error {
		if tt := p.tooltip(); tt != "null" {
			return fmt.Errorf("after a tap between the marks: tooltip %q, want none", tt)
		}
		return nil
	})
}

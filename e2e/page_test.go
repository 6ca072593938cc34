//go:build !(js && wasm)

package e2e

import (
	"math"
	"os"
	"path/filepath"
	"testing"
	"time"

	"nnplay/internal/browser"
)

// TestPageLoads: the page opens with no console output, no exceptions and no failed
// request (the favicon included), shows the canvas, and keeps quiet while it trains.
func TestPageLoads(t *testing.T) {
	p := open(t, browser.Desktop)
	// Let it run for a moment: late requests and per-frame errors show up here.
	time.Sleep(2 * time.Second)
	p.frames(3)
	icon := eval[string](p, `(() => { const l = document.querySelector('link[rel~="icon"]'); return l ? l.href : ""; })()`)
	if icon == "" {
		t.Errorf("the page declares no favicon (<link rel=icon>), so browsers ask for /favicon.ico")
	}
	st := p.state()
	if !st.Running {
		t.Errorf("the page opened paused; it should train from the start")
	}
	if st.Epoch == 0 {
		t.Errorf("epoch is still 0 two seconds after opening")
	}
	c := p.toScreen(0, 0)
	tag := eval[string](p, `document.elementFromPoint(`+ftoa(c.X)+`, `+ftoa(c.Y)+`).tagName`)
	if tag != "IFRAME" && tag != "CANVAS" {
		t.Errorf("the plot's centre (%.0f, %.0f) shows a %s, not the canvas", c.X, c.Y, tag)
	}
}

// TestScreenshot saves a picture of the page after a few seconds of training, for people
// (e2e/out/desktop.png; with NNPLAY_UPDATE_SCREENSHOT=1 also docs/screenshot.png for the
// README).
func TestScreenshot(t *testing.T) {
	p := open(t, browser.Desktop)
	// Train as fast as it goes until the default network has solved the data (or 20 s have
	// passed), so the picture shows what a visitor sees after a few seconds: the boundary
	// around the disc and the loss curves' fall. Then pause, so the picture is exact.
	p.do("configure", map[string]any{"speed": 0})
	for end := time.Now().Add(20 * time.Second); time.Now().Before(end); time.Sleep(250 * time.Millisecond) {
		if st := p.state(); st.TestAccuracy != nil && *st.TestAccuracy >= 0.98 {
			break
		}
	}
	p.pause()
	p.frames(3)
	if st := p.state(); st.TestAccuracy != nil {
		t.Logf("screenshot at epoch %d, test accuracy %.0f%%", st.Epoch, 100**st.TestAccuracy)
	}
	img, png, err := p.tab.Screenshot()
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != 1280 || b.Dy() != 800 {
		t.Errorf("screenshot is %v, want 1280×800 at device scale 1", b)
	}
	saveShot(t, "desktop.png", png)
	if os.Getenv("NNPLAY_UPDATE_SCREENSHOT") == "1" {
		docs := filepath.Join("..", "docs")
		if err := os.MkdirAll(docs, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(docs, "screenshot.png"), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestPhone: at a phone's width (390×844, touch) the whole plot is on screen, the page
// does not scroll sideways, and the canvas is what shows there.
func TestPhone(t *testing.T) {
	p := open(t, browser.Phone)
	p.frames(5)
	for _, c := range [][2]float64{{-6, -6}, {-6, 6}, {6, -6}, {6, 6}} {
		pt := p.toScreen(c[0], c[1])
		if pt.X < 0 || pt.X > 390 || pt.Y < 0 || pt.Y > 844 {
			t.Errorf("plot corner (%v, %v) is at (%.1f, %.1f), outside the 390×844 phone screen", c[0], c[1], pt.X, pt.Y)
		}
	}
	a, b := p.toScreen(-6, -6), p.toScreen(6, 6)
	if w := b.X - a.X; w < 250 {
		t.Errorf("the plot is %.0f px wide on a 390 px phone; it should take the width", w)
	}
	if sw := eval[float64](p, `document.documentElement.scrollWidth`); sw > 391 {
		t.Errorf("the page is %.0f px wide on a 390 px phone: it scrolls sideways", sw)
	}
	c := p.toScreen(0, 0)
	tag := eval[string](p, `document.elementFromPoint(`+ftoa(c.X)+`, `+ftoa(c.Y)+`).tagName`)
	if tag != "IFRAME" && tag != "CANVAS" {
		t.Errorf("the plot's centre shows a %s, not the canvas", tag)
	}
	_, png, err := p.tab.Screenshot()
	if err != nil {
		t.Fatal(err)
	}
	saveShot(t, "phone.png", png)
}

// TestHighDPI: on a screen of two device pixels per CSS pixel the canvas draws in device
// pixels (crisp text and lines), the field still matches predict, and a mouse drag still
// lands where it is released.
func TestHighDPI(t *testing.T) {
	p := open(t, browser.Viewport{Width: 1280, Height: 800, Scale: 2})
	p.pause()
	p.frames(3)
	c := eval[struct{ W, H, CSSW, CSSH, DPR float64 }](p, `(() => {
		const c = document.getElementById("canvas").contentDocument.querySelector("canvas");
		return {W: c.width, H: c.height, CSSW: c.clientWidth, CSSH: c.clientHeight, DPR: devicePixelRatio}; })()`)
	if c.DPR != 2 {
		t.Fatalf("devicePixelRatio %v, want 2", c.DPR)
	}
	if math.Abs(c.W-2*c.CSSW) > 1 || math.Abs(c.H-2*c.CSSH) > 1 {
		t.Errorf("the canvas's backing store is %v×%v for %v×%v CSS px; want twice the CSS size at devicePixelRatio 2 (else it is blurred)",
			c.W, c.H, c.CSSW, c.CSSH)
	}

	p.do("loadModel", Model{
		Format: "nnplay.model/1", Inputs: []string{"x1", "x2"}, Layers: []int{2, 2, 1}, Activation: "tanh", Output: "sigmoid",
		Weights: [][][]float64{{{0.6, -0.3}, {-0.2, 0.5}}, {{1.5, -1.2}}},
		Biases:  [][]float64{{0.1, -0.2}, {0.05}},
	})
	p.setData(sparse)
	p.frames(4)
	checkField(t, p, 0, 1, false)

	before := p.state()
	to := p.toScreen(1.5, -1)
	if err := p.tab.MouseDrag(p.toScreen(-4, -4), to, 6); err != nil {
		t.Fatal(err)
	}
	checkMoved(t, p, before.Points, p.state().Points, 0, to)
}

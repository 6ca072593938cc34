//go:build !(js && wasm)

package e2e

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"nnplay/internal/browser"
	"nnplay/view"
)

// TestPageLoads: the page opens with no console output, no exceptions and no failed
// request (the favicon included), shows the canvas, and keeps quiet while it trains.
func TestPageLoads(t *testing.T) {
	p := open(t)
	// Let it draw 60 frames: late requests and per-frame errors show up here.
	p.until(time.Minute, func() error {
		if n := p.status().Frame.Frames; n < 60 {
			return fmt.Errorf("the canvas has drawn %d frames, want 60", n)
		}
		return nil
	})
	icon := eval[string](p, `(() => { const l = document.querySelector('link[rel~="icon"]'); return l ? l.href : ""; })()`)
	if icon == "" {
		t.Errorf("the page declares no favicon (<link rel=icon>), so browsers ask for /favicon.ico")
	}
	st := p.state()
	if !st.Running {
		t.Errorf("the page opened paused; it should train from the start")
	}
	if st.Epoch == 0 {
		t.Errorf("epoch is still 0 after 60 frames")
	}
	c := p.toScreen(0, 0)
	tag := eval[string](p, `document.elementFromPoint(`+ftoa(c.X)+`, `+ftoa(c.Y)+`).tagName`)
	if tag != "IFRAME" && tag != "CANVAS" {
		t.Errorf("the plot's centre (%.0f, %.0f) shows a %s, not the canvas", c.X, c.Y, tag)
	}
}

// TestScreenshot: once the default network has learnt the default data set (two clusters),
// the page shows what a visitor should see: the field in both class colours, matching
// predict; every node's picture, matching its activation; the points in their class colours
// where they lie. The picture is saved for people (e2e/out/desktop.png; with
// NNPLAY_UPDATE_SCREENSHOT=1 also docs/screenshot.png, the README's).
func TestScreenshot(t *testing.T) {
	p := open(t)
	// Train as fast as it goes until the network has solved the data, so the picture shows
	// the boundary between the clusters and the loss curves' fall. Then pause, so it is exact.
	p.do("configure", map[string]any{"speed": 0})
	p.until(90*time.Second, func() error {
		if st := p.status(); st.TestAccuracy == nil || *st.TestAccuracy < 0.98 {
			return fmt.Errorf("test accuracy %s at epoch %d, want 0.98: the default network does not learn the default data", fmtPtr(st.TestAccuracy), st.Epoch)
		}
		return nil
	})
	p.pause()
	t.Logf("screenshot at epoch %d", p.status().Epoch)
	checkField(t, p, 0, 1, false)
	checkNodes(t, p, p.model())
	checkPoints(t, p)

	_, png, err := p.tab.Screenshot()
	if err != nil {
		t.Fatal(err)
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

// pointTolerance is the largest difference per colour channel (of 255) between the pixel under
// a point's centre and its class colour: the mark's inside is the class colour, 5 px around.
const pointTolerance = 24

// checkPoints checks that the canvas draws the training points in their class colours where
// they lie (classification, device scale 1): the pixel under the centre of every training
// point with no other point within 14 px (whose mark could cover it) shows view.Class0 for
// label 0 and view.Class1 for label 1. At least 20 points, or every training point when
// there are fewer (the defaults have 4), must be so isolated.
func checkPoints(t *testing.T, p *page) {
	t.Helper()
	type shown struct {
		Point
		S browser.Pt `json:"s"`
	}
	pts := eval[[]shown](p, `nnplay.state().points.map(q => ({...q, s: nnplay.toScreen(q.x, q.y)}))`)
	img, png, err := p.tab.Screenshot()
	if err != nil {
		t.Fatal(err)
	}
	compared, training := 0, 0
	for i, q := range pts {
		if !q.Test {
			training++
		}
		if q.Test || slices.ContainsFunc(pts, func(o shown) bool { return o != q && dist(o.S, q.S) < 14 }) {
			continue
		}
		want := view.Class0
		if q.Label >= 0.5 {
			want = view.Class1
		}
		got := rgb(img.At(int(math.Floor(q.S.X)), int(math.Floor(q.S.Y))))
		d := 0.0
		for k, w := range [3]uint8{want.R, want.G, want.B} {
			d = math.Max(d, math.Abs(got[k]-float64(w)))
		}
		compared++
		if d > pointTolerance {
			t.Errorf("point %d (%.2f, %.2f) of label %v at client (%.1f, %.1f) shows %v, want its class colour %v (off by %.0f > %d)",
				i, q.X, q.Y, q.Label, q.S.X, q.S.Y, got, want, d, pointTolerance)
		}
	}
	t.Logf("compared the centres of %d isolated training points of %d", compared, len(pts))
	if need := min(20, training); compared < need {
		t.Errorf("only %d training points lie 14 px from all others; the test needs %d", compared, need)
	}
	if t.Failed() {
		saveShot(t, "points-mismatch.png", png)
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
	p := openPaused(t, browser.Viewport{Width: 1280, Height: 800, Scale: 2})
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

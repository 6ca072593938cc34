//go:build !(js && wasm)

package e2e

import (
	"math"
	"strings"
	"testing"
	"time"

	"nnplay/internal/browser"
	"nnplay/internal/soak"
)

// TestSoak plays the soak (see internal/soak) for 30 s from a fixed seed: drags, adds,
// deletes and key edits by mouse and finger, the controls, API calls valid and not, typed
// links, reloads and resizes, checked after every action against the soak's shadow. The
// reload bound is generous: on the 2-core machine shared by a dozen browsers a reload
// compiles the wasm in up to 30 s. make soak plays longer with the 10 s bound.
func TestSoak(t *testing.T) {
	if err := statSources(); err != nil {
		t.Fatal(err)
	}
	rep, err := soak.Run(soak.Config{URL: site.URL, Browser: chrome, Duration: 30 * time.Second, Seed: 1, ReloadBound: ready})
	var b strings.Builder
	rep.Print(&b)
	t.Log(b.String())
	if err != nil {
		t.Fatal(err)
	}
	if rep.Actions == 0 {
		t.Errorf("the soak did no action in 30 s")
	}
}

// TestPhoneFirstTap taps an empty spot of the plot on a phone as the first touch of the
// page: it adds a point there, and the page does not scroll. (Ebiten focuses its canvas on
// touchstart; a plain focus() scrolled the partly hidden frame 23 px in mid-tap and the
// tap added nothing. The soak found it.)
func TestPhoneFirstTap(t *testing.T) {
	p := openPaused(t, browser.Phone)
	before := p.state().Points
	at := p.toScreen(-5.5, 5.5)
	at.X, at.Y = math.Round(at.X), math.Round(at.Y)
	if err := p.tab.Tap(at); err != nil {
		t.Fatal(err)
	}
	p.frames(2)
	if y := eval[float64](p, `scrollY`); y != 0 {
		t.Errorf("the first tap scrolled the page to %v", y)
	}
	q := added(t, before, p.state().Points)
	if d := dist(p.toScreen(q.X, q.Y), at); d > dropTolerance {
		t.Errorf("the first tap added a point %.1f px from the tap", d)
	}
}

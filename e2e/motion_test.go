//go:build !(js && wasm)

package e2e

import (
	"fmt"
	"testing"
	"time"
)

// TestReducedMotion: for a person whose system asks for reduced motion
// (prefers-reduced-motion: reduce), no element of the page moves by itself: transitions and
// animations, the page's own and any given to an element, last no time, and scrolling jumps
// (scroll-behavior auto) — on the desktop and the phone layout, help open; while training
// goes on as asked: the speed stays the one set, and the epochs count on.
func TestReducedMotion(t *testing.T) {
	eachLayout(t, open, func(t *testing.T, p *page, touch bool) {
		// An element given motion of its own, as a later style might: a transition, an
		// animation and smooth scrolling. Without the request it moves.
		eval[bool](p, `(() => { const d = document.createElement("div"); d.id = "moving";
			d.style.cssText = "transition: opacity 1s; animation: spin 2s infinite; scroll-behavior: smooth";
			document.querySelector(".side").append(d); return true; })()`)
		if got := p.moving(); len(got) != 1 {
			t.Fatalf("without reduced motion, what moves: %v; want the test's own element alone", got)
		}
		if err := p.tab.EmulateMedia(map[string]string{"prefers-reduced-motion": "reduce"}); err != nil {
			t.Fatal(err)
		}
		if !eval[bool](p, `matchMedia("(prefers-reduced-motion: reduce)").matches`) {
			t.Fatal("the page does not see prefers-reduced-motion: reduce")
		}
		for _, help := range []bool{false, true} {
			if help {
				p.clickElement("help-open")
				p.frames(2)
			}
			if got := p.moving(); len(got) > 0 {
				t.Errorf("under reduced motion, help open %v, these still move: %v", help, got)
			}
		}
		p.clickElement("help-close")

		speed := p.status().Settings.Speed
		if def := eval[float64](p, `nnplay.schema().settings.find(s => s.name === "speed").default`); speed != def {
			t.Errorf("under reduced motion the speed is %v, want the default %v", speed, def)
		}
		if !p.status().Running {
			t.Fatal("the page does not train at load under reduced motion")
		}
		start := p.status().Epoch
		p.until(30*time.Second, func() error {
			if e := p.status().Epoch; e < start+200 {
				return fmt.Errorf("epoch %d, want at least %d: training stalls under reduced motion", e, start+200)
			}
			return nil
		})
	})
}

// moving lists the page's elements and pseudo-elements that move by themselves: a
// transition or an animation that lasts, or smooth scrolling.
func (p *page) moving() []string {
	p.t.Helper()
	return eval[[]string](p, `[...document.querySelectorAll("*")].flatMap(e => [null, "::before", "::after"].map(pseudo => {
		const s = getComputedStyle(e, pseudo);
		const moves = s.transitionDuration.split(",").some(d => parseFloat(d) > 0) ||
			s.animationName.split(",").some(n => n.trim() !== "none") || s.scrollBehavior === "smooth";
		return moves ? (e.id || e.tagName) + (pseudo || "") + ": transition " + s.transitionDuration +
			", animation " + s.animationName + ", scroll " + s.scrollBehavior : "";
	})).filter(Boolean)`)
}

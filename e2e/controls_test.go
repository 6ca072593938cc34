//go:build !(js && wasm)

package e2e

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp/kb"

	"nnplay/internal/browser"
)

// selectFor is a JavaScript expression for the <select> that offers the option value.
func selectFor(option string) string {
	return fmt.Sprintf(`[...document.querySelectorAll("select")].find(s => [...s.options].some(o => o.value === %s))`, jsString(option))
}

// TestControlsInStep: the HTML controls and the session stay in step both ways — a
// configure call shows in the controls, and a control changed by keyboard or mouse changes
// the session.
func TestControlsInStep(t *testing.T) {
	p := openPaused(t)
	for _, opt := range []string{"xor", "tanh", "l2"} {
		if !eval[bool](p, `!!`+selectFor(opt)) {
			t.Fatalf("no <select> offers %q", opt)
		}
	}

	// API → controls.
	p.do("configure", map[string]any{"dataset": "spiral", "activation": "tanh", "regularization": "l2", "learningRate": 0.0123})
	p.frames(3)
	for opt, want := range map[string]string{"xor": "spiral", "tanh": "tanh", "l2": "l2"} {
		if got := eval[string](p, selectFor(opt)+`.value`); got != want {
			t.Errorf("after configure, the control offering %s shows %q, want %q", opt, got, want)
		}
	}
	lr := eval[string](p, `(() => { const s = [...document.querySelectorAll("select, input")].find(e => e.id === "learningRate" || e.name === "learningRate" || e.dataset.setting === "learningRate"); return s ? s.value : "none"; })()`)
	if lr != "0.0123" {
		t.Errorf("learning rate 0.0123 (off the list) shows as %q in its control", lr)
	}

	// Controls → API, by keyboard: ArrowDown on the focused activation select picks the
	// next activation.
	before := p.state().Settings.Activation
	if !eval[bool](p, `(() => { const s = `+selectFor("tanh")+`; s.focus(); return document.activeElement === s; })()`) {
		t.Fatalf("cannot focus the activation control")
	}
	if err := p.tab.Keys(kb.ArrowDown, 0); err != nil {
		t.Fatal(err)
	}
	p.frames(2)
	shown := eval[string](p, selectFor("tanh")+`.value`)
	if got := p.state().Settings.Activation; shown == before || got != shown {
		t.Errorf("ArrowDown on the activation control: it shows %q (was %q), the session has %q", shown, before, got)
	}
	eval[bool](p, `(document.activeElement.blur(), true)`)

	// By mouse: the step button steps one epoch.
	at := button(t, p, "step")
	epoch := p.state().Epoch
	p.click(at)
	if st := p.state(); st.Epoch != epoch+1 || st.Running {
		t.Errorf("clicking step: epoch %d → %d, running %v; want one epoch, paused", epoch, st.Epoch, st.Running)
	}

	// Undo, once, after data given as a whole.
	kept := p.state()
	p.setData(sparse)
	p.frames(2)
	if eval[bool](p, `[...document.querySelectorAll("button")].some(b => /undo/i.test(b.innerText) && b.disabled)`) {
		t.Errorf("the undo button is disabled right after setData")
	}
	p.click(button(t, p, "undo"))
	after := p.state()
	if !slices.Equal(after.Points, kept.Points) || after.Settings.Dataset != kept.Settings.Dataset {
		t.Errorf("undo after setData: %d points of %q, want the %d points of %q back", len(after.Points), after.Settings.Dataset, len(kept.Points), kept.Settings.Dataset)
	}
}

// button scrolls the page's button whose text, title or label matches name into view and
// returns its centre.
func button(t testing.TB, p *page, name string) browser.Pt {
	t.Helper()
	at := eval[browser.Pt](p, `(() => { const b = [...document.querySelectorAll("button")].find(b => new RegExp(`+jsString(name)+`, "i").test(b.innerText + " " + (b.title || "") + " " + (b.getAttribute("aria-label") || "")));
		if (!b) return {x: -1, y: -1}; b.scrollIntoView({block: "center"}); const r = b.getBoundingClientRect(); return {x: r.left + r.width / 2, y: r.top + r.height / 2}; })()`)
	if at.X < 0 {
		t.Fatalf("no %s button", name)
	}
	return at
}

// TestControlsRefuseAbsurdEntries: a setting typed into a control out of its range is refused
// with a message naming the setting and its range; the session keeps its setting, and the
// field goes back to it.
func TestControlsRefuseAbsurdEntries(t *testing.T) {
	p := openPaused(t)
	before := p.state()
	for _, tc := range []struct {
		id, typed, says string
	}{
		{"numPoints", "5000", "Number of points must be"},
		{"batchSize", "0", "Batch size must be"},
		{"seed", "-7", "Seed (weights) must be"},
	} {
		p.clickElement(tc.id)
		if err := p.tab.Keys(kb.End+strings.Repeat(kb.Backspace, 5)+tc.typed+kb.Enter, 0); err != nil {
			t.Fatal(err)
		}
		msg := p.shownMessage("after typing "+tc.typed+" into "+tc.id, "")
		if !strings.Contains(msg, tc.says) {
			t.Errorf("typing %s into %s: message %q does not name %s", tc.typed, tc.id, msg, tc.says)
		}
		after := p.state()
		if !reflect.DeepEqual(after.Settings, before.Settings) || !slices.Equal(after.Points, before.Points) {
			t.Errorf("typing %s into %s changed the session: settings %+v", tc.typed, tc.id, after.Settings)
		}
		shown := eval[string](p, `document.getElementById(`+jsString(tc.id)+`).value`)
		if want := fmt.Sprint(map[string]any{"numPoints": before.Settings.NumPoints, "batchSize": before.Settings.BatchSize, "seed": before.Settings.Seed}[tc.id]); shown != want {
			t.Errorf("after the refusal %s shows %q, want the setting in effect %s", tc.id, shown, want)
		}
		eval[bool](p, `(document.getElementById("message").hidden = true, document.activeElement.blur(), true)`)
	}
}

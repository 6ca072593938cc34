//go:build !(js && wasm)

package e2e

import (
	"testing"
)

// TestShortcuts: on the page, space plays and pauses, `s` steps one epoch and `r` resets
// (keeping the play state); typed into a form field they do nothing.
func TestShortcuts(t *testing.T) {
	p := open(t)
	key := func(k string) State { t.Helper(); return keyState(t, p, k) }
	running := p.state().Running
	if st := key(" "); st.Running == running {
		t.Fatalf("space left running at %v", running)
	}
	if st := key(" "); st.Running != running {
		t.Errorf("a second space did not toggle back to running %v", running)
	}
	// Held down, space toggles once: its repeats (keydown with repeat set) do nothing.
	held := eval[bool](p, `(() => { const before = nnplay.state().running;
		for (const repeat of [false, true, true, true]) document.body.dispatchEvent(new KeyboardEvent("keydown", {key: " ", repeat, bubbles: true}));
		return nnplay.state().running === !before; })()`)
	if !held {
		t.Errorf("space held down (a press and three repeats) did not toggle play exactly once")
	}
	if p.state().Running {
		key(" ")
	}
	st := p.state()
	if st.Running {
		t.Fatalf("cannot pause with space")
	}
	if got := key("s"); got.Epoch != st.Epoch+1 || got.Running {
		t.Errorf("s: epoch %d → %d, running %v; want one epoch, still paused", st.Epoch, got.Epoch, got.Running)
	}
	if got := key("r"); got.Epoch != 0 || got.Running {
		t.Errorf("r: epoch %d, running %v; want 0 and still paused", got.Epoch, got.Running)
	}
	key("s")
	key("s")
	shortcutsInFields(t, p)
}

// keyState presses the key k where the focus is and returns the state after it.
func keyState(t *testing.T, p *page, k string) State {
	t.Helper()
	if err := p.tab.Keys(k, 0); err != nil {
		t.Fatal(err)
	}
	return p.state()
}

// shortcutsInFields: in form fields (a text or number input, a slider, a button, a text
// area) the shortcut keys belong to the field and do nothing to the playground; out of
// them, they act again.
func shortcutsInFields(t *testing.T, p *page) {
	fields := eval[[]string](p, `(() => {
		const out = [];
		const pick = (sel, name) => { const e = document.querySelector(sel); if (e) out.push(name); };
		pick('input[type="number"], input[type="text"], input:not([type])', "text input");
		pick('input[type="range"]', "range input");
		pick("button", "button");
		pick("textarea", "textarea");
		return out; })()`)
	if len(fields) == 0 {
		t.Fatalf("the page has no input or button to type into")
	}
	sel := map[string]string{
		"text input":  `input[type="number"], input[type="text"], input:not([type])`,
		"range input": `input[type="range"]`,
		"button":      "button",
		"textarea":    "textarea",
	}
	for _, f := range fields {
		before := p.state()
		if !eval[bool](p, `(() => { const e = document.querySelector('`+sel[f]+`'); window.__nnplayKept = e.value; e.focus(); return document.activeElement === e; })()`) {
			t.Errorf("cannot focus the %s", f)
			continue
		}
		keys := "sr "
		if f == "button" {
			keys = "sr" // space on a button presses it, as it should
		}
		for _, k := range keys {
			got := keyState(t, p, string(k))
			if got.Epoch != before.Epoch || got.Running != before.Running {
				t.Errorf("%q typed in a %s acted: epoch %d → %d, running %v → %v", k, f, before.Epoch, got.Epoch, before.Running, got.Running)
			}
		}
		// Put back what the keys typed, so leaving the field changes no setting.
		eval[bool](p, `(() => { const e = document.querySelector('`+sel[f]+`'); e.value = window.__nnplayKept; return true; })()`)
	}
	eval[bool](p, `(document.activeElement.blur(), true)`)
	before := p.state()
	if got := keyState(t, p, "s"); got.Epoch != before.Epoch+1 {
		t.Errorf("s after leaving the field: epoch %d → %d, want one more", before.Epoch, got.Epoch)
	}
}

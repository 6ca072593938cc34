//go:build !(js && wasm)

package e2e

import (
	"testing"

	kb "github.com/chromedp/chromedp/kb"
)

// TestTabOrder: Tab reaches every control of the page, the canvas as one stop, in reading
// order (the order of the document), without skipping one.
func TestTabOrder(t *testing.T) {
	p := openPaused(t)
	n := eval[int](p, `(() => {
		const seen = new Set();
		window.tabOrder = [...document.querySelectorAll("button, input, select, textarea, iframe, a[href], [tabindex]")].filter(e => {
			if (e.disabled || e.tabIndex < 0 || e.closest("dialog:not([open])") || e.getClientRects().length === 0) return false;
			if (getComputedStyle(e).visibility === "hidden") return false;
			if (e.type === "radio") { // one stop per group: the checked one
				if (seen.has(e.name) || !e.checked) return false;
				seen.add(e.name);
			}
			return true;
		});
		document.activeElement.blur();
		return window.tabOrder.length; })()`)
	if n < 20 {
		t.Fatalf("only %d focusable controls found", n)
	}
	for want := 0; want < n; want++ {
		if err := p.tab.Keys(kb.Tab, 0); err != nil {
			t.Fatal(err)
		}
		got := eval[int](p, `window.tabOrder.indexOf(document.activeElement)`)
		if got != want {
			what := eval[string](p, `(() => { const e = document.activeElement; return e.tagName + "#" + e.id + " " + (e.textContent || e.name || "").trim().slice(0, 30); })()`)
			wanted := eval[string](p, `(() => { const e = window.tabOrder[`+ftoa(float64(want))+`]; return e.tagName + "#" + e.id + " " + (e.textContent || e.name || "").trim().slice(0, 30); })()`)
			t.Fatalf("Tab %d focused %s (index %d), want %s (index %d)", want+1, what, got, wanted, want)
		}
	}
}

//go:build !(js && wasm)

package e2e

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	kb "github.com/chromedp/chromedp/kb"

	"nnplay/internal/browser"
)

// axeScript is axe-core 4.14.1 (the npm package's axe.min.js, vendored with its licences in
// testdata/axe; sha256 29348999450cdf2849a8e70b7912fc2da85a849da39c0d0d5394f51d4a9ed95c).
const axeScript = "testdata/axe/axe.min.js"

// violation is one of axe.run's violations, as much of it as a failure needs to say.
type violation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target []any `json:"target"`
	} `json:"nodes"`
}

// axeRun loads axe-core into p's page (once) and returns the violations it finds there of
// serious or critical impact. The canvas page's frame holds only the Ebiten canvas; axe
// checks the frame element (its title) from the top page.
func axeRun(t *testing.T, p *page) []violation {
	t.Helper()
	src, err := os.ReadFile(axeScript)
	if err != nil {
		t.Fatal(err)
	}
	if !eval[bool](p, `typeof window.axe === "object"`) {
		if _, err := browser.Eval[any](p.tab, string(src)+"\n;true"); err != nil {
			t.Fatalf("loading axe-core: %v", err)
		}
	}
	all, err := browser.Eval[[]violation](p.tab, `axe.run(document, {iframes: false, resultTypes: ["violations"]}).then(r => r.violations)`,
		chromedp.EvalAwaitPromise)
	if err != nil {
		t.Fatalf("axe.run: %v", err)
	}
	var bad []violation
	for _, v := range all {
		if v.Impact == "serious" || v.Impact == "critical" {
			bad = append(bad, v)
		}
	}
	return bad
}

// TestAccessibility: axe-core finds no serious or critical violations on the desktop and the
// phone layouts, with the help closed and open.
func TestAccessibility(t *testing.T) {
	eachLayout(t, openPaused, func(t *testing.T, p *page, touch bool) {
		report := func(when string) {
			t.Helper()
			for _, v := range axeRun(t, p) {
				var where []string
				for _, n := range v.Nodes {
					where = append(where, strings.TrimSpace(strings.Trim(strings.ReplaceAll(fmt.Sprint(n.Target...), "\n", " "), "[]")))
				}
				t.Errorf("%s: %s (%s): %s", when, v.ID, v.Impact, v.Help+" at "+strings.Join(where, "; "))
			}
		}
		report("help closed")
		if err := p.tab.Keys("?", browser.Shift); err != nil {
			t.Fatal(err)
		}
		if err := p.tab.WaitFor(helpOpen, 5*time.Second); err != nil {
			t.Fatal(err)
		}
		report("help open")
		if err := p.tab.Keys(kb.Escape, 0); err != nil {
			t.Fatal(err)
		}
	})
}

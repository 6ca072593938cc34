//go:build !(js && wasm)

package e2e

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp/kb"

	"nnplay/internal/browser"
)

// TestLink: the address holds the settings. Opening an address with a link applies it;
// changing a control rewrites it; editing the fragment applies the edit; a malformed link is
// refused with a message naming the setting, changes nothing and stays in the address bar.
func TestLink(t *testing.T) {
	t.Run("opened", func(t *testing.T) {
		p := openAt(t, browser.Desktop, "#dataset=xor&features=x1,x2,x1%2Ax2&layers=3,8,8,1&activation=tanh&learningRate=0.1&speed=0")
		s := p.state().Settings
		if s.Dataset != "xor" || s.Activation != "tanh" || s.LearningRate != 0.1 || s.Speed != 0 ||
			!slices.Equal(s.Layers(), []int{3, 8, 8, 1}) || !slices.Equal(s.Features, []string{"x1", "x2", "x1*x2"}) {
			t.Errorf("after opening the link the settings are %+v", s)
		}
		if got := eval[string](p, `document.getElementById("activation").value`); got != "tanh" {
			t.Errorf("the activation control shows %q", got)
		}
		// The address now holds every setting, and the same link again gives the same settings.
		hash := eval[string](p, `location.hash`)
		if want := "#" + call[string](p, "link"); hash != want {
			t.Errorf("the address's fragment is %q, want link() %q", hash, want)
		}
		q := openAt(t, browser.Desktop, hash)
		if got := q.state().Settings; !reflect.DeepEqual(got, p.state().Settings) {
			t.Errorf("the address of a configured page opens\n %+v\nwant %+v", got, p.state().Settings)
		}
	})

	t.Run("follows the controls and edits", func(t *testing.T) {
		p := openPaused(t)
		// A control changed by keyboard: ArrowDown on the activation select.
		if !eval[bool](p, `(() => { const s = document.getElementById("activation"); s.focus(); return document.activeElement === s; })()`) {
			t.Fatal("cannot focus the activation control")
		}
		if err := p.tab.Keys(kb.ArrowDown, 0); err != nil {
			t.Fatal(err)
		}
		p.frames(2)
		act := p.state().Settings.Activation
		if act == "sigmoid" {
			t.Fatal("ArrowDown did not change the activation")
		}
		if hash := eval[string](p, `location.hash`); !strings.Contains(hash, "activation="+act) {
			t.Errorf("after choosing %s the address's fragment is %q", act, hash)
		}
		// The person edits the fragment in the address bar.
		eval[bool](p, `(location.hash = "#learningRate=1&batchSize=25", true)`)
		if err := p.tab.WaitFor(`nnplay.state().settings.learningRate === 1`, 5*time.Second); err != nil {
			t.Fatalf("editing the fragment: %v", err)
		}
		s := p.state().Settings
		if s.BatchSize != 25 || s.Activation != act {
			t.Errorf("after the edit: batch %d, activation %s; want 25 and %s kept", s.BatchSize, s.Activation, act)
		}
		if hash := eval[string](p, `location.hash`); !strings.Contains(hash, "learningRate=1&batchSize=25") || !strings.Contains(hash, "dataset=gauss") {
			t.Errorf("after the edit the fragment is %q, want the whole link", hash)
		}
	})

	t.Run("malformed", func(t *testing.T) {
		const bad = "#dataset=xor&learningRate=abc"
		p := openAt(t, browser.Desktop, bad)
		msg := p.shownMessage("for a malformed link", "")
		if !strings.Contains(msg, `learningRate: "abc" is not a number`) || !strings.Contains(msg, "not applied") {
			t.Errorf("message %q should say the link was not applied and why", msg)
		}
		if s := p.state().Settings; s.Dataset != "gauss" || s.LearningRate != 1 {
			t.Errorf("a refused link changed the settings: %+v", s)
		}
		p.frames(3)
		if hash := eval[string](p, `location.hash`); hash != bad {
			t.Errorf("the refused link was replaced in the address bar by %q; it stays until a setting changes", hash)
		}
		p.do("configure", map[string]any{"noise": 0.1})
		p.frames(3)
		if hash := eval[string](p, `location.hash`); !strings.Contains(hash, "noise=0.1") || !strings.Contains(hash, "learningRate=1&") {
			t.Errorf("after a setting changed the fragment is %q, want the current link", hash)
		}
	})
}

//go:build !(js && wasm)

package e2e

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"nnplay/internal/browser"
)

// shared is what a shared link must bring back: the model's parameters and the points to
// the bit (as the page's API reads them: every number's float64 bits, as decimal text), the
// settings, and whether the playground plays.
type shared struct {
	Weights  []string `json:"weights"` // model()'s weights, then its biases
	Points   []string `json:"points"`  // state().points' x, y and label, point by point
	Tests    []bool   `json:"tests"`
	Settings Settings `json:"settings"`
	Running  bool     `json:"running"`
	Epoch    int      `json:"epoch"`
}

// sharedExpr reads shared in the page.
const sharedExpr = `(() => {
	const bits = a => Array.from(new BigUint64Array(new Float64Array(a).buffer), String);
	const m = nnplay.model(), st = nnplay.state();
	return {
		weights: bits(m.weights.flat(2).concat(m.biases.flat())),
		points: bits(st.points.flatMap(p => [p.x, p.y, p.label])),
		tests: st.points.map(p => !!p.test),
		settings: st.settings, running: st.running, epoch: st.epoch,
	};
})()`

// sameShared fails the test unless got is want, paused at epoch 0 (what was shared is what
// is seen).
func sameShared(t *testing.T, what string, got, want shared) {
	t.Helper()
	if !slices.Equal(got.Weights, want.Weights) {
		t.Errorf("%s: the weights' bits are\n %v\nwant\n %v", what, got.Weights, want.Weights)
	}
	if !slices.Equal(got.Points, want.Points) || !slices.Equal(got.Tests, want.Tests) {
		t.Errorf("%s: the points' bits are\n %v %v\nwant\n %v %v", what, got.Points, got.Tests, want.Points, want.Tests)
	}
	if !reflect.DeepEqual(got.Settings, want.Settings) {
		t.Errorf("%s: the settings are\n %+v\nwant\n %+v", what, got.Settings, want.Settings)
	}
	if got.Running || got.Epoch != 0 {
		t.Errorf("%s: running %v at epoch %d, want paused at epoch 0", what, got.Running, got.Epoch)
	}
}

// TestShareLinkFreshProfile: points made by hand with the mouse (a drag and two clicks) and
// trained weights, shared with shareLink, open in another browser with a profile of its own
// as they were, bit for bit, paused; the address then shows the settings' link; play goes
// on from there.
func TestShareLinkFreshProfile(t *testing.T) {
	p := openPaused(t)
	pts := p.state().Points
	if err := p.tab.MouseDrag(p.toScreen(pts[0].X, pts[0].Y), p.toScreen(-3.5, 4.5), 8); err != nil {
		t.Fatal(err)
	}
	for _, at := range [][2]float64{{4.5, -4.5}, {-4.75, -0.25}} {
		p.click(p.toScreen(at[0], at[1]))
	}
	p.frames(2)
	if st := p.state(); st.Settings.Dataset != "custom" || len(st.Points) != len(pts)+2 {
		t.Fatalf("after a drag and two clicks: data set %q, %d points; want custom, %d", st.Settings.Dataset, len(st.Points), len(pts)+2)
	}
	p.do("step", 40)
	link := call[string](p, "shareLink", map[string]any{"weights": "current"}) // data: true for hand-made points
	if !strings.HasPrefix(link, site.URL+"#") || !strings.Contains(link, "&points=") || !strings.Contains(link, "&weights=") {
		t.Fatalf("shareLink() = %.120q…, want %s#… with the points and the weights", link, site.URL)
	}
	want := eval[shared](p, sharedExpr)
	want.Epoch = 0

	other, err := browser.Start()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { other.Close() })
	q := openIn(t, other, browser.Desktop, link)
	sameShared(t, "opened in a fresh profile", eval[shared](q, sharedExpr), want)
	if err := q.tab.WaitFor(`document.getElementById("message-text").textContent.includes("as it was shared, paused")`, 5*time.Second); err != nil {
		t.Errorf("no message says the playground opened paused: %v", err)
	}
	q.frames(3)
	if hash, link := eval[string](q, `location.hash`), call[string](q, "link"); hash != "#"+link {
		t.Errorf("the address's fragment is %.80q…, want the settings' link %.80q…", hash, link)
	}
	q.do("play")
	q.until(10*time.Second, func() error {
		if q.status().Epoch == 0 {
			return errors.New("epoch 0 after play")
		}
		return nil
	})
}

// TestShareLinkEitherProblem: a link shared on classification applied (applyLink, a full
// address) while the page is on regression, and one shared on regression applied on
// classification, each bring their problem, weights and points, bit for bit, paused.
func TestShareLinkEitherProblem(t *testing.T) {
	p := openPaused(t)
	links, wants := map[string]string{}, map[string]shared{}
	for _, tc := range []struct {
		problem string
		points  []Point
	}{
		{"classification", []Point{{X: 1.5, Y: 2.25, Label: 1}, {X: -2, Y: -1.75, Label: 0}, {X: 0.1, Y: -0.3, Label: 1, Test: true}}},
		{"regression", []Point{{X: 1.5, Y: 2.25, Label: -3.7}, {X: -2, Y: -1.75, Label: 12.5}, {X: 0.3, Y: 0.1, Label: 1e-9}}},
	} {
		p.do("configure", map[string]any{"problem": tc.problem, "layers": []int{2, 3, 2, 1}, "activation": "tanh"})
		p.setData(tc.points)
		p.do("step", 25)
		links[tc.problem] = call[string](p, "shareLink", map[string]any{"weights": "current", "data": true})
		wants[tc.problem] = eval[shared](p, sharedExpr)
	}
	q := openPaused(t)
	q.do("configure", map[string]any{"problem": "regression"})
	for _, problem := range []string{"classification", "regression"} {
		was := q.state().Settings.Problem
		q.do("applyLink", links[problem])
		w := wants[problem]
		w.Epoch = 0
		sameShared(t, fmt.Sprintf("%s applied on %s", problem, was), eval[shared](q, sharedExpr), w)
	}
}

// TestShareButton: the share button, clicked with the mouse, copies the link of the
// choices (by default the current weights, and the points when hand-made) to the
// clipboard; where the clipboard is refused, the link is shown selected in a field to copy
// by hand, and the console stays clean.
func TestShareButton(t *testing.T) {
	p := openPaused(t)
	origin := strings.TrimSuffix(site.URL, "/")
	if err := p.tab.AllowClipboard(origin, true); err != nil {
		t.Fatal(err)
	}
	p.do("step", 10)
	copied := func(want string) {
		t.Helper()
		p.until(10*time.Second, func() error {
			text, err := p.tab.Clipboard()
			if err == nil && text != want {
				err = fmt.Errorf("the clipboard holds %.80q…, want %.80q…", text, want)
			}
			return err
		})
	}
	p.clickElement("share")
	copied(call[string](p, "shareLink", map[string]any{"weights": "current", "data": false}))

	p.clickElement("share-initial")
	p.clickElement("share-data")
	p.clickElement("share")
	copied(call[string](p, "shareLink", map[string]any{"weights": "initial", "data": true}))
	if msg := eval[string](p, `document.getElementById("share-status").textContent`); !strings.Contains(msg, "Copied the link") {
		t.Errorf("the share status says %q", msg)
	}

	if err := p.tab.AllowClipboard(origin, false); err != nil {
		t.Fatal(err)
	}
	p.clickElement("share-none")
	p.clickElement("share")
	if err := p.tab.WaitFor(`!document.getElementById("share-text").hidden`, 10*time.Second); err != nil {
		t.Fatalf("the clipboard refused, no field shows the link: %v", err)
	}
	field := eval[struct {
		Value      string `json:"value"`
		Focused    bool   `json:"focused"`
		Start, End int
		Status     string `json:"status"`
	}](p, `(() => { const f = document.getElementById("share-text");
		return {value: f.value, focused: document.activeElement === f, Start: f.selectionStart, End: f.selectionEnd,
			status: document.getElementById("share-status").textContent}; })()`)
	if want := call[string](p, "shareLink", map[string]any{"weights": "none", "data": true}); field.Value != want {
		t.Errorf("the field shows %.80q…, want %.80q…", field.Value, want)
	}
	if !field.Focused || field.Start != 0 || field.End != len(field.Value) {
		t.Errorf("the field is focused %v with %d–%d selected of %d characters; want all of it selected",
			field.Focused, field.Start, field.End, len(field.Value))
	}
	if !strings.Contains(field.Status, "refused") {
		t.Errorf("the share status says %q, want that the clipboard was refused", field.Status)
	}
}

// TestShareButtonPhone: on a phone, with the clipboard refused, the share button tapped at the
// end of the controls shows the link to copy and what to do with it wholly on screen, above
// the Controls bar fixed at the bottom. The field was focused before the words above it
// appeared, which pushed it down under the bar, with nothing to scroll it out.
func TestShareButtonPhone(t *testing.T) {
	p := openPaused(t, browser.Phone)
	if err := p.tab.AllowClipboard(strings.TrimSuffix(site.URL, "/"), false); err != nil {
		t.Fatal(err)
	}
	tap := func(id string) {
		t.Helper()
		at := eval[browser.Pt](p, `(() => { const e = document.getElementById(`+jsString(id)+`); e.scrollIntoView({block: "center"});
			const r = e.getBoundingClientRect(); return {x: r.left + r.width / 2, y: r.top + r.height / 2}; })()`)
		if err := p.tab.Tap(at); err != nil {
			t.Fatal(err)
		}
	}
	tap("drawer")
	if err := p.tab.WaitFor(`document.getElementById("drawer").getAttribute("aria-expanded") === "true"`, 5*time.Second); err != nil {
		t.Fatal(err)
	}
	tap("share")
	if err := p.tab.WaitFor(`document.activeElement === document.getElementById("share-text")`, 10*time.Second); err != nil {
		t.Fatalf("the clipboard refused, no field shows the link: %v", err)
	}
	p.frames(2)
	bar := eval[float64](p, `document.getElementById("drawer").getBoundingClientRect().top`)
	for _, id := range []string{"share-status", "share-text"} {
		box := eval[struct{ Top, Bottom, X, Y float64 }](p, `(() => { const r = document.getElementById(`+jsString(id)+`).getBoundingClientRect();
			return {Top: r.top, Bottom: r.bottom, X: r.left + r.width / 2, Y: r.top + r.height / 2}; })()`)
		seen := eval[bool](p, `document.elementFromPoint(`+ftoa(box.X)+`, `+ftoa(box.Y)+`) === document.getElementById(`+jsString(id)+`)`)
		if box.Top < 0 || box.Bottom > bar || !seen {
			t.Errorf("%s spans y %.0f–%.0f (seen at its centre: %v), not wholly above the Controls bar at %.0f", id, box.Top, box.Bottom, seen, bar)
		}
	}
}

// TestSharedLinkLeavesAddress: a shared link opened (typed into the address bar) on a page
// whose settings are already the link's leaves the settings' link in the address, not the
// shared one, so the points edited afterwards come back at a reload. (The address kept the
// shared link, and a reload opened it again over the work: 3 hand-made points became the
// default data's 8. The soak found it, seed 16.)
func TestSharedLinkLeavesAddress(t *testing.T) {
	p := openPaused(t)
	p.setData([]Point{{X: 1, Y: 1, Label: 1}, {X: -1, Y: 2, Label: 0}})
	link := call[string](p, "shareLink", map[string]any{"weights": "initial", "data": false})
	if err := p.tab.Navigate(link); err != nil {
		t.Fatal(err)
	}
	if err := p.tab.WaitFor(`document.getElementById("message-text").textContent.includes("as it was shared, paused")`, 5*time.Second); err != nil {
		t.Fatalf("the shared link was not opened: %v", err)
	}
	p.frames(3)
	if hash, own := eval[string](p, `location.hash`), call[string](p, "link"); hash != "#"+own {
		t.Errorf("after the shared link the address's fragment is %.100q…, want the settings' link %.100q…", hash, own)
	}
	edited := []Point{{X: 3, Y: 1, Label: 1}, {X: -1, Y: 4, Label: 0}, {X: 0, Y: 0, Label: 0}}
	p.setData(edited)
	if _, _, err := p.tab.Reload(ready); err != nil {
		t.Fatal(err)
	}
	if got := p.state().Points; !slices.Equal(got, edited) {
		t.Errorf("after a reload the points are %v, want the edited %v", got, edited)
	}
}

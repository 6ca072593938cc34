//go:build !(js && wasm)

package e2e

import (
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"nnplay/internal/browser"
	"nnplay/session"
)

// kept is the state a reload must bring back bit for bit.
type kept struct {
	Settings Settings
	Points   []uint64 // every number's bits (and the test flags)
	Weights  []uint64 // every weight's and bias's bits
	Epoch    int
}

func keptOf(p *page) kept {
	p.t.Helper()
	st := p.state()
	k := kept{Settings: st.Settings, Epoch: st.Epoch}
	for _, q := range st.Points {
		test := uint64(0)
		if q.Test {
			test = 1
		}
		k.Points = append(k.Points, math.Float64bits(q.X), math.Float64bits(q.Y), math.Float64bits(q.Label), test)
	}
	m := p.model()
	for l := range m.Weights {
		for _, row := range m.Weights[l] {
			for _, w := range row {
				k.Weights = append(k.Weights, math.Float64bits(w))
			}
		}
		for _, b := range m.Biases[l] {
			k.Weights = append(k.Weights, math.Float64bits(b))
		}
	}
	return k
}

// sameKept fails the test where got is not want bit for bit.
func sameKept(t *testing.T, what string, got, want kept) {
	t.Helper()
	if !reflect.DeepEqual(got.Settings, want.Settings) {
		t.Errorf("%s: settings %+v, want %+v", what, got.Settings, want.Settings)
	}
	if !reflect.DeepEqual(got.Points, want.Points) {
		t.Errorf("%s: the points are not bit for bit the same (%d numbers, want %d)", what, len(got.Points), len(want.Points))
	}
	if !reflect.DeepEqual(got.Weights, want.Weights) {
		t.Errorf("%s: the weights are not bit for bit the same", what)
	}
	if got.Epoch != want.Epoch {
		t.Errorf("%s: epoch %d, want %d", what, got.Epoch, want.Epoch)
	}
}

// message is the message overlay's text, or "" while it is hidden.
func message(p *page) string {
	p.t.Helper()
	return eval[string](p, `document.getElementById("message").hidden ? "" : document.getElementById("message-text").textContent`)
}

// waitKept waits until local storage holds the page's snapshot as it is now: the page kept
// its work without being left.
func waitKept(p *page) {
	p.t.Helper()
	if err := p.tab.WaitFor(`localStorage.getItem("nnplay.session") === nnplayPage.snapshot()`, 10*time.Second); err != nil {
		p.t.Fatalf("the page did not keep its work in local storage: %v", err)
	}
}

// TestKeptAcrossReload: points edited by the mouse, a setting and trained weights survive a
// reload bit for bit, with the epoch, paused; leaving does not ask; a line says the work was
// restored, and its start fresh returns to the defaults, one undo step that the undo button
// reverts (paused, as the work was); an address with another link wins over the kept work,
// and undo brings the work back, paused.
func TestKeptAcrossReload(t *testing.T) {
	p := open(t)
	p.do("configure", map[string]any{"learningRate": 0.3})
	p.click(p.toScreen(4.5, -4.5))
	first := p.state().Points[0]
	if err := p.tab.MouseDrag(p.toScreen(first.X, first.Y), p.toScreen(-1.5, 4.5), 6); err != nil {
		t.Fatal(err)
	}
	p.until(30*time.Second, func() error {
		if st := p.status(); st.Epoch < 300 {
			return fmt.Errorf("epoch %d, want 300 trained", st.Epoch)
		}
		return nil
	})
	p.pause()
	want := keptOf(p)
	if want.Settings.Dataset != session.Custom || len(want.Points) != 4*9 || want.Settings.LearningRate != 0.3 {
		t.Fatalf("before the reload: data set %q, %d points, learning rate %v; want 9 hand-made points at 0.3",
			want.Settings.Dataset, len(want.Points)/4, want.Settings.LearningRate)
	}
	waitKept(p)

	_, asked, err := p.tab.Reload(ready)
	if err != nil {
		t.Fatal(err)
	}
	if asked {
		t.Error("leaving asked first, though the work is kept")
	}
	restored := keptOf(p)
	sameKept(t, "after the reload", restored, want)
	if p.state().Running {
		t.Error("the restored playground trains; want it paused where it was")
	}
	if msg := message(p); !strings.Contains(msg, "Restored your work") {
		t.Errorf("after the reload the message says %q, want that the work was restored", msg)
	}

	// Start fresh: the defaults, as a new page opens, training; then undo brings the work
	// back, paused as it was (not training away what was kept).
	p.clickElement("message-action")
	fresh, err := session.New(session.DefaultSettings())
	if err != nil {
		t.Fatal(err)
	}
	st := p.state()
	if !reflect.DeepEqual(st.Settings, session.DefaultSettings()) || !reflect.DeepEqual(st.Points, fresh.Points()) || st.UndoLabel == nil || *st.UndoLabel != "start fresh" {
		t.Errorf("after start fresh: settings %+v, points %v, undo label %v; want the defaults and \"start fresh\"", st.Settings, st.Points, st.UndoLabel)
	}
	undoToKept(t, p, "start fresh", restored)

	// An address whose link differs from the kept settings' wins.
	if _, err := p.tab.Leave("about:blank", false); err != nil {
		t.Fatal(err)
	}
	if _, err := p.tab.Visit(site.URL+"#dataset=xor", ready); err != nil {
		t.Fatal(err)
	}
	st = p.state()
	if st.Settings.Dataset != "xor" || st.Settings.LearningRate != session.DefaultSettings().LearningRate || len(st.Points) != session.DefaultSettings().NumPoints {
		t.Errorf("opened at #dataset=xor: data set %q, learning rate %v, %d points; want xor's generated points at the defaults",
			st.Settings.Dataset, st.Settings.LearningRate, len(st.Points))
	}
	if msg := message(p); strings.Contains(msg, "Restored") || !strings.Contains(msg, "Undo brings back your work") {
		t.Errorf("opened at another link, the page says %q, want that undo brings the work back", msg)
	}
	// The kept work is not lost to the link: the undo button brings it back, paused.
	undoToKept(t, p, "the link opened over the kept work", restored)
}

// undoToKept presses the undo button after what replaced the kept work, and wants that
// work, restored, back bit for bit and paused, as it was.
func undoToKept(t *testing.T, p *page, what string, restored kept) {
	t.Helper()
	p.clickElement("undo")
	p.frames(2)
	sameKept(t, what+", then undo", keptOf(p), restored)
	if p.state().Running {
		t.Errorf("%s, then undo: the work trains; it was paused", what)
	}
}

// TestKeptTwoTabs: two tabs of the playground each keep their own work; the last to write
// wins (a third tab opens it), and neither errs.
func TestKeptTwoTabs(t *testing.T) {
	a := openPaused(t)
	b := revisit(t, "")
	b.pause()
	ptsA := []Point{{X: 1, Y: 1, Label: 1}, {X: -1, Y: -1, Label: 0}, {X: 0.5, Y: -2.25, Label: 1}}
	ptsB := []Point{{X: -3, Y: 2, Label: 0}, {X: 3, Y: -2, Label: 1}}
	a.setData(ptsA)
	waitKept(a)
	b.setData(ptsB)
	waitKept(b)
	// Both train on, writing every few seconds.
	a.do("play")
	b.do("play")
	a.until(30*time.Second, func() error {
		if ea, eb := a.status().Epoch, b.status().Epoch; ea < 100 || eb < 100 {
			return fmt.Errorf("epochs %d and %d, want 100 in each tab", ea, eb)
		}
		return nil
	})
	// a stops first: b sees a's last write (a storage event), then stops and writes last.
	eval[bool](b, `(window.seenWrites = [], addEventListener("storage", e => { if (e.key === "nnplay.session") seenWrites.push(e.newValue); }), true)`)
	a.pause()
	eval[bool](b, `(window.lastOfA = `+jsString(eval[string](a, `nnplayPage.snapshot()`))+`, true)`)
	if err := b.tab.WaitFor(`seenWrites.includes(lastOfA)`, 10*time.Second); err != nil {
		t.Fatalf("the first tab did not keep its work once paused: %v", err)
	}
	b.pause()
	waitKept(b)
	c := revisit(t, "")
	if got := c.state().Points; !reflect.DeepEqual(got, ptsB) {
		t.Errorf("a third tab opened the points %v, want the last writer's %v", got, ptsB)
	}
	sameKept(t, "the third tab", keptOf(c), keptOf(b))
}

// TestKeptStorageFails: where the browser's storage is full (setItem throws
// QuotaExceededError) or refused (reading localStorage throws), the page says so once,
// nothing reaches the console, the page works on, and leaving with hand-made points asks
// first.
func TestKeptStorageFails(t *testing.T) {
	for _, tc := range []struct {
		name, script, says string
	}{
		{"full", `window.setItemTries = 0; Storage.prototype.setItem = function () {
			window.setItemTries++; throw new DOMException("The quota has been exceeded.", "QuotaExceededError"); };`, "storage is full"},
		{"unavailable", `Object.defineProperty(window, "localStorage", {get() {
			throw new DOMException("The operation is insecure.", "SecurityError"); }});`, "storage is unavailable"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := newPage(t, chrome, browser.Desktop)
			if err := p.tab.InitScript(tc.script); err != nil {
				t.Fatal(err)
			}
			if _, err := p.tab.Open(site.URL, ready); err != nil {
				t.Fatal(err)
			}
			p.pause()
			add := func(x, y float64) {
				n := len(p.state().Points)
				p.click(p.toScreen(x, y))
				if got := len(p.state().Points); got != n+1 {
					t.Fatalf("%d points after a click on empty space, want %d: the page stopped working", got, n+1)
				}
			}
			add(4.5, -4.5)
			p.until(10*time.Second, func() error {
				if msg := message(p); !strings.Contains(msg, tc.says) {
					return fmt.Errorf("the message says %q, want %q", msg, tc.says)
				}
				return nil
			})
			p.clickElement("message-close")
			tries := eval[int](p, `window.setItemTries || 0`)
			add(-4.5, 4.5)
			if tc.name == "full" { // wait until the page tried to keep the new point
				if err := p.tab.WaitFor(`window.setItemTries > `+strconv.Itoa(tries), 10*time.Second); err != nil {
					t.Fatal(err)
				}
			}
			p.frames(5)
			if msg := message(p); msg != "" {
				t.Errorf("a second message: %q; the failure is said once", msg)
			}
			asked, err := p.tab.Leave("about:blank", true)
			if err != nil {
				t.Fatal(err)
			}
			if !asked {
				t.Error("leaving with hand-made points the browser could not keep did not ask first")
			}
		})
	}
}

// TestKeptCorrupt: kept work that cannot be restored is said once and changes nothing: the
// page opens at the defaults, and its next write replaces it.
func TestKeptCorrupt(t *testing.T) {
	p := newPage(t, chrome, browser.Desktop)
	if err := p.tab.InitScript(`if (window === window.top && !sessionStorage.getItem("corrupted")) {
		sessionStorage.setItem("corrupted", "1");
		localStorage.setItem("nnplay.session", '{"format": "nnplay.session/1", "epoch": 12, "settings": {"noise": 7}');
	}`); err != nil {
		t.Fatal(err)
	}
	if _, err := p.tab.Open(site.URL, ready); err != nil {
		t.Fatal(err)
	}
	p.pause()
	if msg := message(p); !strings.Contains(msg, "could not be restored") || !strings.Contains(msg, "defaults") {
		t.Errorf("the message says %q, want that the kept work could not be restored", msg)
	}
	fresh, err := session.New(session.DefaultSettings())
	if err != nil {
		t.Fatal(err)
	}
	if st := p.state(); !reflect.DeepEqual(st.Settings, session.DefaultSettings()) || !reflect.DeepEqual(st.Points, fresh.Points()) {
		t.Errorf("opened at settings %+v and points %v, want the defaults", st.Settings, st.Points)
	}
	waitKept(p)
}

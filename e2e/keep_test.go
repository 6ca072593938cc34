//go:build !(js && wasm)

package e2e

import (
	"fmt"
	"math"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"

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
// reverts; an address with another link wins over the kept work.
func TestKeptAcrossReload(t *testing.T) {
	p := open(t)
	p.do("configure", map[string]any{"learningRate": 0.3})
	if err := p.tab.Click(p.toScreen(4.5, -4.5), input.MouseButtonLeft, 0); err != nil {
		t.Fatal(err)
	}
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

	// Start fresh: the defaults, as a new page opens; then undo brings the work back.
	p.clickElement("message-action")
	p.pause()
	fresh, err := session.New(session.DefaultSettings())
	if err != nil {
		t.Fatal(err)
	}
	st := p.state()
	if !reflect.DeepEqual(st.Settings, session.DefaultSettings()) || !reflect.DeepEqual(st.Points, fresh.Points()) || st.UndoLabel == nil || *st.UndoLabel != "start fresh" {
		t.Errorf("after start fresh: settings %+v, points %v, undo label %v; want the defaults and \"start fresh\"", st.Settings, st.Points, st.UndoLabel)
	}
	p.clickElement("undo")
	p.frames(2)
	sameKept(t, "start fresh, then undo", keptOf(p), restored)

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
	if msg := message(p); strings.Contains(msg, "Restored") {
		t.Errorf("opened at another link, the page says %q", msg)
	}
}

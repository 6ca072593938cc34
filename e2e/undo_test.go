//go:build !(js && wasm)

package e2e

import (
	"reflect"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/input"

	"nnplay/internal/browser"
)

// edited is what undo must bring back, bit for bit: the points, the settings and the model.
type edited struct {
	State
	Model Model
}

func (p *page) edited() edited {
	p.t.Helper()
	return edited{p.state(), p.model()}
}

func sameEdited(a, b edited) bool {
	return reflect.DeepEqual(a.Points, b.Points) && reflect.DeepEqual(a.Settings, b.Settings) &&
		reflect.DeepEqual(a.Model, b.Model) && a.Epoch == b.Epoch
}

// TestUndoEverything: paused, edits of every kind made through the mouse (a drag, a click,
// a right-click's menu, a slider), the page's controls and the API are undone one by one through
// the undo button, Ctrl+Z and undo(), each back to a bit-identical state, and redone
// through the redo button, Ctrl+Shift+Z, Ctrl+Y and redo(); the buttons' titles say what
// they undo and redo; undo() and redo() with nothing to do throw and change nothing.
func TestUndoEverything(t *testing.T) {
	p := openPaused(t)
	p.setData(sparse)
	p.do("step", 20)
	// Everything before this point is undone until nothing is left.
	states, labels, end := editEverything(t, p)

	undo := []func(){
		func() { p.clickElement("undo") },
		func() { p.keys("z", browser.Ctrl) },
		func() { p.do("undo") },
	}
	for i := len(states) - 1; i >= 0; i-- {
		undo[i%len(undo)]()
		p.frames(2)
		if got := p.edited(); !sameEdited(got, states[i]) {
			t.Fatalf("undoing %s did not return to the state before it (epoch %d, want %d; %d points, want %d)",
				labels[i], got.Epoch, states[i].Epoch, len(got.Points), len(states[i].Points))
		}
		if title := eval[string](p, `document.getElementById("redo").title`); !strings.Contains(title, "Redo "+labels[i]) {
			t.Errorf("after undoing %s the redo button's title is %q", labels[i], title)
		}
	}
	// The setData before the edits is the first step; undo it, and then there is nothing.
	p.do("undo")
	before := p.edited()
	if msg := p.refused("undo", "[]"); !strings.Contains(msg, "nothing to undo") {
		t.Errorf("undo() with nothing to undo threw %q", msg)
	}
	if !sameEdited(p.edited(), before) || !eval[bool](p, `document.getElementById("undo").disabled`) {
		t.Errorf("a refused undo changed the playground, or the undo button is enabled with nothing to undo")
	}
	p.do("redo")

	redo := []func(){
		func() { p.clickElement("redo") },
		func() { p.keys("z", browser.Ctrl|browser.Shift) },
		func() { p.keys("y", browser.Ctrl) },
		func() { p.do("redo") },
	}
	for i := range states {
		redo[i%len(redo)]()
		p.frames(2)
		want := end
		if i+1 < len(states) {
			want = states[i+1]
		}
		if got := p.edited(); !sameEdited(got, want) {
			t.Fatalf("redoing %s did not return to the state after it", labels[i])
		}
	}
	if msg := p.refused("redo", "[]"); !strings.Contains(msg, "nothing to redo") {
		t.Errorf("redo() with nothing to redo threw %q", msg)
	}
	if !sameEdited(p.edited(), end) {
		t.Errorf("a refused redo changed the playground")
	}
}

// editEverything makes edits of every kind on p (a drag, a click, a right-click's menu, a
// slider, the page's controls and the API), each of which must change the playground and
// show in the undo button's title; it returns the state before each, their labels, and the
// state after them all.
func editEverything(t *testing.T, p *page) (states []edited, labels []string, end edited) {
	edit := func(label string, do func()) {
		t.Helper()
		states = append(states, p.edited())
		do()
		p.frames(2)
		if got := p.edited(); sameEdited(got, states[len(states)-1]) {
			t.Fatalf("%s changed nothing", label)
		}
		labels = append(labels, label)
		if title := eval[string](p, `document.getElementById("undo").title`); !strings.Contains(title, "Undo "+label) {
			t.Errorf("after %s the undo button's title is %q", label, title)
		}
	}
	edit("move point", func() {
		if err := p.tab.MouseDrag(p.toScreen(-4, -4), p.toScreen(1, -2), 8); err != nil {
			t.Fatal(err)
		}
	})
	edit("add point", func() {
		p.click(p.toScreen(-2, 1))
	})
	edit("delete point", func() {
		if err := p.tab.Click(p.toScreen(4, 4), input.MouseButtonRight, 0); err != nil {
			t.Fatal(err)
		}
		menu := p.state().Menu // the right-click's menu: its Delete
		if menu == nil {
			t.Fatalf("a right-click on a point opened no menu")
		}
		p.click(*menu)
	})
	edit("change speed", func() {
		r := eval[struct{ X, Y, W float64 }](p, `(() => { const e = document.getElementById("speed"); e.scrollIntoView({block: "center"});
			const r = e.getBoundingClientRect(); return {x: r.left, y: r.top + r.height / 2, w: r.width}; })()`)
		if err := p.tab.MouseDrag(browser.Pt{X: r.X + 0.2*r.W, Y: r.Y}, browser.Pt{X: r.X + 0.9*r.W, Y: r.Y}, 8); err != nil {
			t.Fatal(err)
		}
	})
	edit("change learningRate", func() { p.do("configure", map[string]any{"learningRate": 0.3}) })
	edit("reset", func() {
		p.click(button(t, p, "reset"))
	})
	edit("change layers", func() { p.do("configure", map[string]any{"layers": []int{2, 3, 2, 1}}) })
	return states, labels, p.edited()
}

// keys types keys with modifiers to the top page (its body focused), failing the test on
// an error.
func (p *page) keys(keys string, mods int64) {
	p.t.Helper()
	eval[bool](p, `(document.activeElement && document.activeElement.blur(), document.body.focus(), true)`)
	if err := p.tab.Keys(keys, mods); err != nil {
		p.t.Fatal(err)
	}
}

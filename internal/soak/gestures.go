//go:build !(js && wasm)

package soak

import (
	"encoding/json"
	"fmt"
	"math"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp/kb"

	"nnplay/internal/browser"
	"nnplay/session"
	"nnplay/view"
)

// Gestures press where the page's own toScreen puts a point of the plane, rounded to whole
// CSS px, and the shadow takes the edit where toScreen's inverse puts the pixels pressed:
// a drag moves its point by the plane distance between the press and the release (the page
// keeps the offset between the press and the point), a click adds at the pixel clicked.

// steady hides the two lines that come and go on their own over the canvas, the message
// (for 6 s after a refused control or link) and the training coach's hints, so that they
// cover no target of a gesture. (Until they lay over the canvas they moved it by their
// height when they showed or hid, under a gesture in flight.)
func (r *runner) steady() error {
	_, err := browser.Eval[bool](r.tab, `(document.head.insertAdjacentHTML("beforeend",
		"<style id=soak-steady>#message, #hints { display: none !important; }</style>"), true)`)
	return err
}

// mapping is the page's toScreen at the moment: the plot is a square over [-6, 6]².
type mapping struct{ a, b browser.Pt }

// readMapping reads toScreen at two corners and checks that the places of the plane at
// are drawn in the viewport and not covered (the phone's sticky bar covers the plot's top
// when the page is scrolled); when one is not, it scrolls to the top and reads again. ok
// is false when they still cannot be reached.
func (r *runner) readMapping(at ...[2]float64) (m mapping, ok bool, err error) {
	// From the top of the page the plot is in view on the desktop and on the phone; a frame
	// partly scrolled off moves when a press focuses it.
	if _, err := browser.Eval[bool](r.tab, `(scrollTo(0, 0), true)`); err != nil {
		return m, false, err
	}
	for try := 0; try < 2; try++ {
		if m.a, err = browser.Call[browser.Pt](r.tab, "toScreen", session.Min, session.Min); err != nil {
			return m, false, err
		}
		if m.b, err = browser.Call[browser.Pt](r.tab, "toScreen", session.Max, session.Max); err != nil {
			return m, false, err
		}
		pts := make([]browser.Pt, len(at))
		for i, p := range at {
			pts[i] = m.screen(p[0], p[1])
		}
		enc, _ := json.Marshal(pts)
		shown, err := browser.Eval[bool](r.tab, string(enc)+`.every(p => { const e = document.elementFromPoint(p.x, p.y); return e && e.id === "canvas"; })`)
		if err != nil || shown {
			return m, shown, err
		}
		if err := r.tab.Frames(2); err != nil {
			return m, false, err
		}
	}
	return m, false, nil
}

// still fails when the plot moved on the screen since m was read: a gesture in flight then
// lands elsewhere than the soak aimed.
func (r *runner) still(m mapping) error {
	a, err := browser.Call[browser.Pt](r.tab, "toScreen", session.Min, session.Min)
	if err == nil && (a.X != m.a.X || a.Y != m.a.Y) {
		err = fmt.Errorf("the plot moved by (%.0f, %.0f) px during the gesture", a.X-m.a.X, a.Y-m.a.Y)
	}
	return err
}

// screen returns where (x, y) of the plane is drawn, rounded to whole CSS px.
func (m mapping) screen(x, y float64) browser.Pt {
	f := func(v, a, b float64) float64 { return math.Round(a + (b-a)*(v-session.Min)/(session.Max-session.Min)) }
	return browser.Pt{X: f(x, m.a.X, m.b.X), Y: f(y, m.a.Y, m.b.Y)}
}

// plane returns the point of the plane drawn at p.
func (m mapping) plane(p browser.Pt) (x, y float64) {
	f := func(v, a, b float64) float64 { return session.Min + (session.Max-session.Min)*(v-a)/(b-a) }
	return f(p.X, m.a.X, m.b.X), f(p.Y, m.a.Y, m.b.Y)
}

// viewport returns the tab's viewport.
func (r *runner) viewport() browser.Viewport {
	if r.phone {
		return browser.Phone
	}
	return browser.Desktop
}

// spot returns a random place of the plane inside its margin.
func (r *runner) spot() (x, y float64) {
	return -5.5 + 11*r.rng.Float64(), -5.5 + 11*r.rng.Float64()
}

// pickPoint returns a shown point (test points may be hidden) whose nearest neighbour is at least 0.3 plane units away
// (7 CSS px or more at every plot size), so that a press at the shadow's place picks it and
// no other; -1 when none is found in a few draws.
func (r *runner) pickPoint() int {
	n := len(r.sh.s.Points())
	for try := 0; n > 0 && try < 20; try++ {
		i := r.rng.IntN(n)
		p := r.sh.s.Points()[i]
		if _, d := r.sh.nearest(p.X, p.Y, i); d >= 0.3 && r.sh.s.Settings().View.Shows(p) {
			return i
		}
	}
	return -1
}

// moved is a drag's landing: the point moved by the plane distance from press to release.
type moved struct {
	i    int
	x, y float64
}

// planDrag draws a drag of an isolated point to a place at least 1 unit away; nil when no
// point can be picked.
func (r *runner) planDrag() (i int, tx, ty float64, ok bool) {
	if i = r.pickPoint(); i < 0 {
		return 0, 0, 0, false
	}
	p := r.sh.s.Points()[i]
	for {
		tx, ty = r.spot()
		if math.Hypot(tx-p.X, ty-p.Y) >= 1 {
			return i, tx, ty, true
		}
	}
}

// runDrag drags point i (from the shadow's place) to (tx, ty) by mouse or by finger, and
// sets *to to where the page puts it.
func (r *runner) runDrag(i int, tx, ty float64, to *moved) (skip bool, err error) {
	p := r.sh.s.Points()[i]
	m, ok, err := r.readMapping([2]float64{p.X, p.Y}, [2]float64{tx, ty})
	if err != nil || !ok {
		return true, err
	}
	from, at := m.screen(p.X, p.Y), m.screen(tx, ty)
	fx, fy := m.plane(from)
	ax, ay := m.plane(at)
	*to = moved{i, session.Clamp(p.X + ax - fx), session.Clamp(p.Y + ay - fy)}
	if r.phone {
		err = r.tab.TouchDrag(from, at, 6, 0)
	} else {
		err = r.tab.MouseDrag(from, at, 6)
	}
	if err != nil {
		return false, err
	}
	return false, r.still(m)
}

// drag moves a point with the mouse (desktop) or a finger (phone).
func (r *runner) drag() *action {
	i, tx, ty, ok := r.planDrag()
	if !ok {
		return nil
	}
	var to moved
	return &action{kind: "drag", desc: fmt.Sprintf("point %d to (%.2f, %.2f)", i, tx, ty), keeps: true,
		run:   func(r *runner) (bool, bool, error) { skip, err := r.runDrag(i, tx, ty, &to); return false, skip, err },
		apply: func(sh *shadow) error { return sh.s.MovePoint(to.i, to.x, to.y) },
	}
}

// add clicks or taps an empty place of the plot: a point of the brush's class there.
func (r *runner) add() *action {
	var x, y float64
	for try := 0; ; try++ {
		if try == 60 {
			return nil
		}
		x, y = r.spot()
		if _, d := r.sh.nearest(x, y, -1); d >= 1 {
			break
		}
	}
	var at moved
	return &action{kind: "add", desc: fmt.Sprintf("at (%.2f, %.2f)", x, y), keeps: true,
		run: func(r *runner) (bool, bool, error) {
			m, ok, err := r.readMapping([2]float64{x, y})
			if err != nil || !ok {
				return false, true, err
			}
			p := m.screen(x, y)
			at.x, at.y = m.plane(p)
			return false, false, r.press(p)
		},
		apply: func(sh *shadow) error {
			label := sh.brush
			if sh.s.Settings().Problem == session.Classification {
				label = math.Round(sh.brush)
			}
			_, err := sh.s.AddPoint(session.Clamp(at.x), session.Clamp(at.y), label)
			return err
		},
	}
}

// onPoint plans an action of kind on a point that pickPoint picks, one that leaves the
// weights alone: run reads the mapping at the point and does gesture at its place on the
// screen, apply does the same to the shadow. how ends the description after the point's
// index; nil when no point can be picked.
func (r *runner) onPoint(kind, how string, gesture func(r *runner, m mapping, at browser.Pt) error, apply func(sh *shadow, i int) error) *action {
	i := r.pickPoint()
	if i < 0 {
		return nil
	}
	return &action{kind: kind, desc: fmt.Sprintf("point %d%s", i, how), keeps: true,
		run: func(r *runner) (bool, bool, error) {
			p := r.sh.s.Points()[i]
			m, ok, err := r.readMapping([2]float64{p.X, p.Y})
			if err != nil || !ok {
				return false, true, err
			}
			return false, false, gesture(r, m, m.screen(p.X, p.Y))
		},
		apply: func(sh *shadow) error { return apply(sh, i) },
	}
}

// remove deletes a point: an alt-click with the mouse, a long press and its Delete offer
// with a finger.
func (r *runner) remove() *action {
	return r.onPoint("delete", "", func(r *runner, m mapping, at browser.Pt) error {
		if !r.phone {
			return r.tab.Click(at, input.MouseButtonLeft, browser.Alt)
		}
		if err := r.longPressDelete(at); err != nil {
			return err
		}
		return r.still(m)
	}, func(sh *shadow, i int) error { return sh.s.DeletePoint(i) })
}

// openMenu opens the menu of the point drawn at at, as a person does: a right-click with
// the mouse, a finger held still until the menu shows (then lifted). It returns the centre
// of the menu's first item, Delete, read once the pointer is up; the items are
// view.MenuButtonH apart, top to bottom.
func (r *runner) openMenu(at browser.Pt) (browser.Pt, error) {
	var menu *browser.Pt
	shown := func() error {
		return browser.Poll(PageAnswer, func() error {
			var err error
			if menu, err = browser.Eval[*browser.Pt](r.tab, `nnplay.state().menu`); err == nil && menu == nil {
				err = fmt.Errorf("no menu on the point at %v", at)
			}
			return err
		})
	}
	var err error
	if r.phone {
		err = r.tab.TouchHold(at, 600*time.Millisecond, shown)
	} else {
		err = r.tab.Click(at, input.MouseButtonRight, 0)
	}
	if err == nil {
		err = shown()
	}
	if err != nil {
		return browser.Pt{}, err
	}
	return *menu, nil
}

// longPressDelete holds a finger on at until the page offers Delete, lifts it and taps the
// offer.
func (r *runner) longPressDelete(at browser.Pt) error {
	menu, err := r.openMenu(at)
	if err != nil {
		return err
	}
	return r.tab.Tap(menu)
}

// relabel opens a point's menu (right-click, long press) and presses its second item: a
// class point takes the other class, a regression point the brush's value.
func (r *runner) relabel() *action {
	return r.onPoint("relabel", " by its menu", func(r *runner, m mapping, at browser.Pt) error {
		menu, err := r.openMenu(at)
		if err != nil {
			return err
		}
		if err := r.press(browser.Pt{X: menu.X, Y: menu.Y + float64(view.MenuButtonH)*float64(view.MenuRelabel)}); err != nil {
			return err
		}
		return r.still(m)
	}, func(sh *shadow, i int) error {
		label := sh.brush
		if sh.s.Settings().Problem == session.Classification {
			label = 1 - sh.s.Points()[i].Label
		}
		return sh.s.SetLabel(i, label)
	})
}

// keyEdits are the keys a keyboard edit presses on the canvas after dragging a point
// (which selects it), with their modifiers and what they do to that point.
var keyEdits = []struct {
	name string
	keys string
	mods int64
	edit func(sh *shadow, i int) error
}{
	{"1", "1", 0, func(sh *shadow, i int) error { sh.brush = 0; return sh.s.SetLabel(i, 0) }},
	{"2", "2", 0, func(sh *shadow, i int) error { sh.brush = 1; return sh.s.SetLabel(i, 1) }},
	{"Delete", kb.Delete, 0, func(sh *shadow, i int) error { return sh.s.DeletePoint(i) }},
	{"shift+Right", kb.ArrowRight, browser.Shift, nudge(0.1, 0)},
	{"shift+Up", kb.ArrowUp, browser.Shift, nudge(0, 0.1)},
	{"shift+ctrl+Left", kb.ArrowLeft, browser.Shift | browser.Ctrl, nudge(-1, 0)},
	{"shift+ctrl+Down", kb.ArrowDown, browser.Shift | browser.Ctrl, nudge(0, -1)},
}

// nudge moves point i by (dx, dy), clamped inside the plane, as shift+arrows do.
func nudge(dx, dy float64) func(sh *shadow, i int) error {
	return func(sh *shadow, i int) error {
		p := sh.s.Points()[i]
		return sh.s.MovePoint(i, session.Clamp(p.X+dx), session.Clamp(p.Y+dy))
	}
}

// keyEdit drags a point with the mouse, which selects it and gives the canvas the focus,
// and presses a key on it: relabel, delete or move by keys. Desktop only.
func (r *runner) keyEdit() *action {
	if r.phone {
		return nil
	}
	i, tx, ty, ok := r.planDrag()
	if !ok {
		return nil
	}
	k := keyEdits[r.rng.IntN(len(keyEdits))]
	var to moved
	return &action{kind: "key-edit", desc: fmt.Sprintf("drag point %d to (%.2f, %.2f), then %s", i, tx, ty, k.name), keeps: true,
		run: func(r *runner) (bool, bool, error) {
			if skip, err := r.runDrag(i, tx, ty, &to); skip || err != nil {
				return false, skip, err
			}
			return false, false, r.tab.Keys(k.keys, k.mods)
		},
		apply: func(sh *shadow) error {
			if err := sh.s.MovePoint(to.i, to.x, to.y); err != nil {
				return err
			}
			return k.edit(sh, to.i)
		},
	}
}

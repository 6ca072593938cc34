//go:build !(js && wasm)

package e2e

import (
	"errors"
	"math"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp/kb"

	"nnplay/internal/browser"
)

// dropTolerance is how far (CSS px) a moved or added point may land from where the
// pointer let go: the canvas reads the pointer in whole CSS or device pixels.
const dropTolerance = 3.0

// sparse is a small data set with room between its points for gestures.
var sparse = []Point{
	{X: -4, Y: -4, Label: 0},
	{X: 4, Y: 4, Label: 1},
	{X: -4, Y: 4, Label: 1},
	{X: 4, Y: -4, Label: 0},
	{X: 0, Y: 3, Label: 0, Test: true},
}

// touchDesktop is the desktop viewport on a device that reports touch support.
var touchDesktop = browser.Viewport{Width: 1280, Height: 800, Scale: 1, Touch: true}

// checkMoved checks that exactly point i moved, to within dropTolerance of the client
// position to, keeping its label and split.
func checkMoved(t *testing.T, p *page, before, after []Point, i int, to browser.Pt) {
	t.Helper()
	if len(after) != len(before) {
		t.Fatalf("%d points after the drag, want %d", len(after), len(before))
	}
	for j := range before {
		if j != i && before[j] != after[j] {
			t.Errorf("point %d changed from %+v to %+v, but point %d was dragged", j, before[j], after[j], i)
		}
	}
	got := p.toScreen(after[i].X, after[i].Y)
	x, y := p.toPlane(to)
	if d := dist(got, to); d > dropTolerance {
		t.Errorf("dragged point is at (%.3f, %.3f) = client (%.1f, %.1f), %.1f px from the release at (%.1f, %.1f) = plane (%.3f, %.3f); want ≤ %v px",
			after[i].X, after[i].Y, got.X, got.Y, d, to.X, to.Y, x, y, dropTolerance)
	}
	if after[i].Label != before[i].Label || after[i].Test != before[i].Test {
		t.Errorf("the drag changed the point's label or split: %+v → %+v", before[i], after[i])
	}
}

// TestMouseDrag: a point dragged with the mouse lands where the button was released;
// training goes on during the drag and the weights are not reset.
func TestMouseDrag(t *testing.T) {
	p := openPaused(t)
	p.setData(sparse)
	p.do("step", 50)
	p.do("play")
	before := p.state()
	from, to := p.toScreen(-4, -4), p.toScreen(1.5, -1)
	if err := p.tab.MouseDrag(from, to, 8); err != nil {
		t.Fatal(err)
	}
	after := p.state()
	checkMoved(t, p, before.Points, after.Points, 0, to)
	if after.Epoch <= before.Epoch {
		t.Errorf("epoch went from %d to %d during the drag: training stopped or the weights were reset", before.Epoch, after.Epoch)
	}
	if after.Settings.Dataset != "custom" {
		t.Errorf("dataset %q after editing, want custom", after.Settings.Dataset)
	}
}

// TestTouchDrag: a point dragged with a finger lands where it lifted, also after a press
// and hold first; the weights are untouched.
func TestTouchDrag(t *testing.T) {
	p := openPaused(t, touchDesktop)
	p.setData(sparse)
	p.do("step", 50)
	m0 := p.model()
	tests := []struct {
		name  string
		i     int
		from  [2]float64
		to    [2]float64
		hold  time.Duration
		steps int
	}{
		{"drag", 1, [2]float64{4, 4}, [2]float64{-1, -2.5}, 0, 8},
		{"hold then drag", 3, [2]float64{4, -4}, [2]float64{2, 0.5}, 1200 * time.Millisecond, 8},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			before := p.state()
			from, to := p.toScreen(tc.from[0], tc.from[1]), p.toScreen(tc.to[0], tc.to[1])
			if err := p.tab.TouchDrag(from, to, tc.steps, tc.hold); err != nil {
				t.Fatal(err)
			}
			after := p.state()
			checkMoved(t, p, before.Points, after.Points, tc.i, to)
			if after.Epoch != before.Epoch {
				t.Errorf("paused, epoch went from %d to %d during the drag", before.Epoch, after.Epoch)
			}
			if after.Menu != nil {
				t.Errorf("a delete offer is open at %+v after the drag", *after.Menu)
			}
		})
	}
	if m := p.model(); !reflect.DeepEqual(m, m0) {
		t.Errorf("touch drags changed the weights")
	}
}

// added returns the point in after that is not in before (after has one more point).
func added(t *testing.T, before, after []Point) Point {
	t.Helper()
	if len(after) != len(before)+1 {
		t.Fatalf("%d points, want %d: no point was added", len(after), len(before)+1)
	}
	left := append([]Point(nil), before...)
	var extra []Point
	for _, q := range after {
		found := false
		for k, b := range left {
			if b == q {
				left = append(left[:k], left[k+1:]...)
				found = true
				break
			}
		}
		if !found {
			extra = append(extra, q)
		}
	}
	if len(extra) != 1 {
		t.Fatalf("adding changed other points: new or changed %+v", extra)
	}
	return extra[0]
}

// removed checks that after is before without point i.
func removed(t *testing.T, what string, before, after []Point, i int) {
	t.Helper()
	want := append(append([]Point(nil), before[:i]...), before[i+1:]...)
	if !slices.Equal(after, want) {
		t.Errorf("%s point %d %+v: points %+v, want %+v", what, i, before[i], after, want)
	}
}

// find returns the index of the point at (x, y), or fails.
func find(t *testing.T, pts []Point, x, y float64) int {
	t.Helper()
	for i, q := range pts {
		if q.X == x && q.Y == y {
			return i
		}
	}
	t.Fatalf("no point at (%v, %v) in %+v", x, y, pts)
	return -1
}

// TestMouseAddDelete: a click on empty space adds a training point of the brush's class
// where it landed (`1`/`2` switch the brush); alt-click, and right-click then its menu's Delete, delete; the weights
// are untouched.
func TestMouseAddDelete(t *testing.T) {
	p := openPaused(t)
	p.setData(sparse)
	p.do("step", 20)
	m0 := p.model()
	epoch := p.state().Epoch

	clickAdd(t, p, 2, -1, true)
	for _, tc := range []struct {
		key   string
		label float64
		x, y  float64
	}{{"1", 0, -1.5, -2}, {"2", 1, 1, 1.5}, {"1", 0, -2, 0.5}} {
		if err := p.tab.Keys(tc.key, 0); err != nil {
			t.Fatal(err)
		}
		if q := clickAdd(t, p, tc.x, tc.y, true); q.Label != tc.label {
			t.Errorf("after pressing %s the click added label %v, want %v", tc.key, q.Label, tc.label)
		}
	}

	for _, tc := range []struct {
		name   string
		button input.MouseButton
		mods   int64
		x, y   float64
	}{
		{"right-click", input.MouseButtonRight, 0, 4, 4},
		{"alt-click", input.MouseButtonLeft, browser.Alt, -4, 4},
	} {
		before := p.state().Points
		i := find(t, before, tc.x, tc.y)
		if err := p.tab.Click(p.toScreen(tc.x, tc.y), tc.button, tc.mods); err != nil {
			t.Fatal(err)
		}
		if tc.button == input.MouseButtonRight { // a menu: its Delete item
			menu := p.state().Menu
			if menu == nil {
				t.Fatalf("a right-click on a point opened no menu")
			}
			p.click(*menu)
		}
		removed(t, tc.name, before, p.state().Points, i)
	}
	if m := p.model(); !reflect.DeepEqual(m, m0) {
		t.Errorf("adding and deleting points changed the weights")
	}
	if st := p.state(); st.Epoch != epoch || st.Running {
		t.Errorf("epoch %d → %d, running %v after editing; want it unchanged and paused", epoch, st.Epoch, st.Running)
	}
	addRegression(t, p)
}

// clickAdd clicks at (x, y) of the plane and returns the point that added, which must be
// where the click landed and a training point; classes says the brush is a class, so that
// the label must be 0 or 1.
func clickAdd(t *testing.T, p *page, x, y float64, classes bool) Point {
	t.Helper()
	before := p.state().Points
	at := p.toScreen(x, y)
	p.click(at)
	q := added(t, before, p.state().Points)
	if d := dist(p.toScreen(q.X, q.Y), at); d > dropTolerance {
		t.Errorf("click at plane (%v, %v) added a point at (%.3f, %.3f), %.1f px away", x, y, q.X, q.Y, d)
	}
	if q.Test {
		t.Errorf("the added point is a test point; added points train")
	}
	if classes && q.Label != 0 && q.Label != 1 {
		t.Errorf("the added point has label %v, want the brush's 0 or 1", q.Label)
	}
	return q
}

// addRegression: in regression the brush is a value slider over the labels' range (here −3
// to 5), and a click adds a point of its value.
func addRegression(t *testing.T, p *page) {
	p.do("configure", map[string]any{"problem": "regression", "dataset": "plane"})
	p.setData([]Point{{X: -4, Y: -4, Label: 5}, {X: 4, Y: 4, Label: -3}})
	if !eval[bool](p, `(() => { const s = [...document.querySelectorAll('input[type="range"]')].find(e => /value/i.test(e.labels[0] && e.labels[0].textContent));
		if (!s || !s.offsetParent) return false; s.value = s.max; s.dispatchEvent(new Event("input")); s.scrollIntoView({block: "center"}); s.focus(); return document.activeElement === s; })()`) {
		t.Fatalf("in regression, no visible value slider for the points to add")
	}
	if err := p.tab.Keys(kb.ArrowLeft+kb.ArrowLeft, 0); err != nil {
		t.Fatal(err)
	}
	want := eval[float64](p, `Number(document.activeElement.value)`)
	if want >= 5 || want <= 4 {
		t.Fatalf("the value slider, at its top and then ArrowLeft twice, is at %v; want just below 5, the largest label", want)
	}
	if q := clickAdd(t, p, 1, 1.5, false); math.Abs(q.Label-want) > 1e-9 {
		t.Errorf("with the value slider at %v, a click added a point of value %v", want, q.Label)
	}
}

// TestTouchAddDelete: a tap on empty space adds a point; a long-press on a point offers
// Delete (state().menu) without deleting, and tapping the offer deletes it.
func TestTouchAddDelete(t *testing.T) {
	p := openPaused(t, touchDesktop)
	p.setData(sparse)

	before := p.state().Points
	at := p.toScreen(-1, -2.5)
	if err := p.tab.Tap(at); err != nil {
		t.Fatal(err)
	}
	q := added(t, before, p.state().Points)
	if d := dist(p.toScreen(q.X, q.Y), at); d > dropTolerance {
		t.Errorf("tap added a point %.1f px from the tap", d)
	}

	before = p.state().Points
	i := find(t, before, 4, -4)
	// The offer must show while the finger is still down, and stay when it lifts.
	var menu *browser.Pt
	offered := func() error {
		if menu = p.state().Menu; menu == nil {
			return errors.New("a long-press on a point offered no Delete (state().menu is null)")
		}
		return nil
	}
	if err := p.tab.TouchHold(p.toScreen(4, -4), 900*time.Millisecond, func() error { return browser.Poll(5*time.Second, offered) }); err != nil {
		t.Fatal(err)
	}
	if err := offered(); err != nil {
		t.Fatalf("after the finger lifted: %v", err)
	}
	if !slices.Equal(p.state().Points, before) {
		t.Fatalf("the long-press changed the points before Delete was tapped")
	}
	if menu.X < 0 || menu.X > 1280 || menu.Y < 0 || menu.Y > 800 {
		t.Fatalf("the Delete offer is at (%.0f, %.0f), off the 1280×800 screen", menu.X, menu.Y)
	}
	if err := p.tab.Tap(*menu); err != nil {
		t.Fatal(err)
	}
	removed(t, "tapping Delete on", before, p.state().Points, i)
	if m := p.state().Menu; m != nil {
		t.Errorf("the Delete offer is still open at %+v after use", *m)
	}
}

// canvasFocused is true when the keyboard focus is on the canvas (inside its iframe).
const canvasFocused = `(() => { let d = document, a = d.activeElement;
	while (a && a.tagName === "IFRAME") { try { d = a.contentDocument; a = d.activeElement; } catch (e) { return false; } }
	return !!a && a.tagName === "CANVAS"; })()`

// TestKeyboard: the canvas is reachable with Tab; there the arrows select points,
// shift+arrows move the selection, `1`/`2` relabel it and Delete/Backspace remove it.
func TestKeyboard(t *testing.T) {
	p := openPaused(t)
	p.setData([]Point{{X: -3, Y: -3, Label: 0}, {X: 0, Y: 0, Label: 1}, {X: 3, Y: 3, Label: 0}})
	m0 := p.model()
	focusCanvas(t, p)
	press := func(keys string, mods int64) []Point {
		t.Helper()
		if err := p.tab.Keys(keys, mods); err != nil {
			t.Fatal(err)
		}
		return p.state().Points
	}

	pts := p.state().Points
	if after := press(kb.ArrowRight, 0); !slices.Equal(after, pts) {
		t.Fatalf("a plain arrow changed the points: %+v → %+v", pts, after)
	}
	after := press(kb.ArrowUp, browser.Shift)
	i := changedPoint(t, pts, after)
	if i < 0 {
		t.Fatalf("shift+ArrowUp after ArrowRight moved no point")
	}
	if after[i].Y <= pts[i].Y || after[i].X != pts[i].X {
		t.Errorf("shift+ArrowUp moved point %d from (%v, %v) to (%v, %v); want straight up", i, pts[i].X, pts[i].Y, after[i].X, after[i].Y)
	}
	for _, tc := range []struct {
		key   string
		label float64
	}{{"2", 1}, {"1", 0}, {"2", 1}} {
		pts = p.state().Points
		after = press(tc.key, 0)
		if after[i].Label != tc.label {
			t.Errorf("pressing %s gave the selected point label %v, want %v", tc.key, after[i].Label, tc.label)
		}
		if j := changedPoint(t, pts, after); j >= 0 && j != i {
			t.Errorf("pressing %s changed point %d, not the selected %d", tc.key, j, i)
		}
	}

	pts = press(kb.ArrowRight, 0)
	after = press(kb.ArrowLeft, browser.Shift)
	j := changedPoint(t, pts, after)
	if j < 0 || after[j].X >= pts[j].X || after[j].Y != pts[j].Y {
		t.Fatalf("shift+ArrowLeft did not move the selected point left: %+v → %+v", pts, after)
	}
	pts = after
	after = press(kb.Delete, 0)
	removed(t, "Delete on the selected", pts, after, j)

	pts = press(kb.ArrowRight, 0)
	after = press(kb.Backspace, 0)
	if len(after) != len(pts)-1 {
		t.Fatalf("Backspace on a selected point: %d points, want %d", len(after), len(pts)-1)
	}
	for _, q := range after {
		find(t, pts, q.X, q.Y)
	}
	if m := p.model(); !reflect.DeepEqual(m, m0) {
		t.Errorf("keyboard editing changed the weights")
	}
	oneTabStop(t, p)
}

// changedPoint returns the index of the one point that differs between before and after,
// -1 when none does; it fails the test when the count changed or two points did.
func changedPoint(t *testing.T, before, after []Point) int {
	t.Helper()
	if len(before) != len(after) {
		t.Fatalf("the point count changed from %d to %d", len(before), len(after))
	}
	idx := -1
	for j := range before {
		if before[j] != after[j] {
			if idx >= 0 {
				t.Fatalf("two points changed: %+v → %+v", before, after)
			}
			idx = j
		}
	}
	return idx
}

// oneTabStop: the canvas, focused, is one tab stop: the next Tab leaves it for the page's
// controls, and Shift+Tab comes straight back.
func oneTabStop(t *testing.T, p *page) {
	t.Helper()
	if err := p.tab.Keys(kb.Tab, 0); err != nil {
		t.Fatal(err)
	}
	if eval[bool](p, canvasFocused) || eval[string](p, `document.activeElement.tagName`) == "IFRAME" {
		t.Errorf("Tab from the canvas kept the focus inside the canvas's frame; the canvas should be one tab stop")
	}
	if err := p.tab.Keys(kb.Tab, browser.Shift); err != nil {
		t.Fatal(err)
	}
	if !eval[bool](p, canvasFocused) {
		t.Errorf("Shift+Tab from the control after the canvas did not focus the canvas")
	}
}

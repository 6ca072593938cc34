//go:build !(js && wasm)

package e2e

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	kb "github.com/chromedp/chromedp/kb"

	"nnplay/internal/browser"
)

// announced is the live region's text.
const announced = `document.getElementById("announce").textContent`

// focusCanvas tabs to the canvas, failing after 40 presses.
func focusCanvas(t *testing.T, p *page) {
	t.Helper()
	for i := 0; i < 40 && !eval[bool](p, canvasFocused); i++ {
		if err := p.tab.Keys(kb.Tab, 0); err != nil {
			t.Fatal(err)
		}
	}
	if !eval[bool](p, canvasFocused) {
		t.Fatalf("40 presses of Tab never focused the canvas")
	}
}

// TestKeyboardByPosition: with the keyboard alone, the arrows reach the point nearest a spot
// by moving towards it (each arrow selects the nearest point that way), in a few presses
// whatever the points' order in the data; then shift+arrow moves it, 2 relabels it and
// Delete deletes it; the live region says each selection and edit.
func TestKeyboardByPosition(t *testing.T) {
	p := openPaused(t)
	// A 7×7 grid, 1.5 apart, in shuffled order.
	var pts []Point
	for i := -3; i <= 3; i++ {
		for j := -3; j <= 3; j++ {
			pts = append(pts, Point{X: 1.5 * float64(i), Y: 1.5 * float64(j), Label: float64((i + j + 6) % 2)})
		}
	}
	r := rand.New(rand.NewPCG(9, 9))
	r.Shuffle(len(pts), func(i, j int) { pts[i], pts[j] = pts[j], pts[i] })
	p.setData(pts)
	spot := [2]float64{4.2, -3.1}
	target := -1
	for i, q := range pts {
		if target < 0 || math.Hypot(q.X-spot[0], q.Y-spot[1]) < math.Hypot(pts[target].X-spot[0], pts[target].Y-spot[1]) {
			target = i
		}
	}
	focusCanvas(t, p)
	st := pressSaid(t, p, kb.ArrowRight, 0)
	if st.Selected == nil {
		t.Fatalf("the first arrow selected nothing")
	}
	if c := pts[*st.Selected]; c.X != 0 || c.Y != 0 {
		t.Fatalf("the first arrow selected the point at (%v, %v), want the one at the centre", c.X, c.Y)
	}
	presses := 1
	for ; presses < 12 && *st.Selected != target; presses++ {
		q := pts[*st.Selected]
		dx, dy := pts[target].X-q.X, pts[target].Y-q.Y
		key := map[bool]string{true: kb.ArrowRight, false: kb.ArrowLeft}[dx > 0]
		if math.Abs(dy) > math.Abs(dx) {
			key = map[bool]string{true: kb.ArrowUp, false: kb.ArrowDown}[dy > 0]
		}
		st = pressSaid(t, p, key, 0)
	}
	if *st.Selected != target {
		t.Fatalf("after %d arrows the selection is point %d at (%v, %v), want %d at (%v, %v)", presses, *st.Selected,
			pts[*st.Selected].X, pts[*st.Selected].Y, target, pts[target].X, pts[target].Y)
	}
	if want := 6; presses > want { // one to select the centre, then to (4.5, −3): 3 right, 2 down
		t.Errorf("reaching the point took %d arrows, want at most %d", presses, want)
	}
	said := eval[string](p, announced)
	if !strings.Contains(said, "point ") || !strings.Contains(said, "class ") || !strings.Contains(said, "4.50, −3.00") {
		t.Errorf("the live region says %q; want the point, its class and its place (4.50, −3.00)", said)
	}
	editSaid(t, p, pts, target)
}

// pressSaid presses keys on p and returns the state once the live region says something new
// (an error if it does not within 5 s).
func pressSaid(t *testing.T, p *page, keys string, mods int64) State {
	t.Helper()
	said := eval[string](p, announced)
	if err := p.tab.Keys(keys, mods); err != nil {
		t.Fatal(err)
	}
	if err := p.tab.WaitFor(announced+` !== `+jsString(said), 5*time.Second); err != nil {
		t.Errorf("after the keys %+q the live region still says %q", keys, said)
	}
	return p.state()
}

// editSaid: on the selected point pts[target], shift+ArrowUp moves it up, 2 or 1 gives it the
// other class and Delete deletes it; the live region says the class and the deletion.
func editSaid(t *testing.T, p *page, pts []Point, target int) {
	q := pts[target]
	st := pressSaid(t, p, kb.ArrowUp, browser.Shift)
	if got := st.Points[target]; got.Y <= q.Y || got.X != q.X {
		t.Errorf("shift+ArrowUp moved the point from (%v, %v) to (%v, %v); want straight up", q.X, q.Y, got.X, got.Y)
	}
	label := "2"
	if q.Label == 1 {
		label = "1"
	}
	st = pressSaid(t, p, label, 0)
	if st.Points[target].Label == q.Label {
		t.Errorf("pressing %s left the label %v", label, q.Label)
	}
	if said := eval[string](p, announced); !strings.Contains(said, "class "+map[string]string{"1": "0", "2": "1"}[label]) {
		t.Errorf("after relabelling the live region says %q", said)
	}
	st = pressSaid(t, p, kb.Delete, 0)
	if len(st.Points) != len(pts)-1 {
		t.Errorf("Delete left %d points, want %d", len(st.Points), len(pts)-1)
	}
	if said := eval[string](p, announced); !strings.Contains(said, "deleted") {
		t.Errorf("after Delete the live region says %q", said)
	}
}

// TestLiveRegionTraining: the live region says when training starts, where it stands while
// it goes on (at least every 15 s) and where it paused.
func TestLiveRegionTraining(t *testing.T) {
	p := openPaused(t)
	p.do("play")
	if err := p.tab.WaitFor(announced+` === "training"`, 5*time.Second); err != nil {
		t.Errorf("play: %v", err)
	}
	if err := p.tab.WaitFor(announced+`.startsWith("training: epoch")`, 25*time.Second); err != nil {
		t.Errorf("while training: %v", err)
	}
	p.do("pause")
	if err := p.tab.WaitFor(announced+`.startsWith("paused at epoch")`, 5*time.Second); err != nil {
		t.Errorf("pause: %v", err)
	}
	if said := eval[string](p, announced); !strings.Contains(said, "test accuracy") {
		t.Errorf("on pause the live region says %q; want the test accuracy", said)
	}
}

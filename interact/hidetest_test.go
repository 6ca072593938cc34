package interact

import (
	"slices"
	"testing"

	"nnplay/session"
)

// TestHiddenTestPoints: with the test points hidden (basePoints[2] is one), the keyboard
// passes over them, the mouse neither hovers nor drags them (a press there adds a point), and
// hiding drops a selection, hover or delete offer that named one.
func TestHiddenTestPoints(t *testing.T) {
	t.Run("keyboard", func(t *testing.T) {
		f := newFixture(t, "classification")
		f.hideTest(t)
		var got []int
		for _, k := range []Key{KeyDown, KeyDown, KeyLeft, KeyRight} {
			f.run(t, []op{key(k, 0)})
			got = append(got, f.ui.Selected)
		}
		// Shown, point 2 would be the one below point 0.
		if want := []int{0, 0, 1, 0}; !slices.Equal(got, want) {
			t.Errorf("down, down, left, right select %v, want %v (point 2 below is a hidden test point)", got, want)
		}
	})
	t.Run("mouse", func(t *testing.T) {
		f := newFixture(t, "classification")
		f.hideTest(t)
		f.run(t, []op{mMove(0, 4, -4)})
		if f.ui.Hover.Kind != 0 {
			t.Errorf("hovering the hidden test point: hover %+v, want none", f.ui.Hover)
		}
		f.run(t, []op{mDown(10, 4, -4), mMove(20, 2, -2), mUp(30, 2, -2)})
		if pts := f.s.Points(); len(pts) != 3 || pts[2] != basePoints[2] {
			t.Errorf("a drag from the hidden test point: points %v; want it unmoved", pts)
		}
		f.run(t, []op{mDown(40, 4, -4), mUp(50, 4, -4)})
		if pts := f.s.Points(); len(pts) != 4 || pts[2] != basePoints[2] || pts[3].Test {
			t.Errorf("a click on the hidden test point: points %v; want it unmoved and a training point added", pts)
		}
	})
	t.Run("hiding drops what named a test point", func(t *testing.T) {
		f := newFixture(t, "classification")
		f.ui.Selected, f.ui.Menu = 2, 2
		f.run(t, []op{mMove(0, 4, -4)})
		f.hideTest(t)
		f.c.Sync(f.s, f.ui)
		if f.ui.Selected != -1 || f.ui.Menu != -1 || f.ui.Hover.Kind != 0 {
			t.Errorf("after hiding: selected %d, menu %d, hover %+v; want none", f.ui.Selected, f.ui.Menu, f.ui.Hover)
		}
	})
}

// hideTest hides the test points: the setting showTestData off.
func (f *fixture) hideTest(t *testing.T) {
	t.Helper()
	p, err := session.ParsePatch([]byte(`{"showTestData": false}`))
	if err == nil {
		err = f.s.Configure(p)
	}
	if err != nil {
		t.Fatal(err)
	}
}

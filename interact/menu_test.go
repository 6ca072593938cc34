package interact

import (
	"testing"

	"nnplay/session"
	"nnplay/view"
)

// TestMenuRelabelRegression: in regression the menu's relabel item gives the point the
// brush's value.
func TestMenuRelabelRegression(t *testing.T) {
	f := newFixture(t, session.Regression)
	f.ui.Brush = 0.7
	f.run(t, []op{mDown(0, -3, 2).with(Secondary, 0), mUp(10, -3, 2).with(Secondary, 0),
		menuAt(PointerDown, 100, basePoints, 1, view.MenuRelabel, false), menuAt(PointerUp, 110, basePoints, 1, view.MenuRelabel, false)})
	if got := f.s.Points()[1].Label; got != 0.7 {
		t.Errorf("label %v, want the brush's 0.7", got)
	}
	if f.ui.Menu != -1 {
		t.Errorf("the menu is still open on %d", f.ui.Menu)
	}
}

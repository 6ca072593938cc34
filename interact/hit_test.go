package interact

import (
	"testing"

	"nnplay/session"
)

// TestKeepsTouch: the canvas keeps a touch on a point (or while a menu is open); it leaves
// the others to the page's scrolling, including one on a hidden test point.
func TestKeepsTouch(t *testing.T) {
	f := newFixture(t, session.Classification)
	tests := []struct {
		name     string
		x, y     float64
		menu     int
		hideTest bool
		want     bool
	}{
		{"on a point", 1, 1, -1, false, true},
		{"beside a point, within a fingertip", 1.2, 1.1, -1, false, true},
		{"on empty plot", -4, -4, -1, false, false},
		{"on a test point", 4, -4, -1, false, true},
		{"on a hidden test point", 4, -4, -1, true, false},
		{"on empty plot with a menu open", -4, -4, 0, false, true},
	}
	for _, tc := range tests {
		if err := configure(t, f.s, map[bool]string{true: `{"showTestData": false}`, false: `{"showTestData": true}`}[tc.hideTest]); err != nil {
			t.Fatal(err)
		}
		f.ui.Menu = tc.menu
		sx, sy := screen(tc.x, tc.y)
		if got := KeepsTouch(f.s, f.ui, sx, sy); got != tc.want {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
	}
}

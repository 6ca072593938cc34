package view

import (
	"testing"

	"nnplay/session"
)

// TestMenuRect: the menu's items are touch-sized, stacked without overlap, inside the canvas
// next to the point and not over it, and MenuHit finds each at its centre.
func TestMenuRect(t *testing.T) {
	for _, l := range []Layout{NewLayout(900, 640), NewLayout(390, PhoneHeight(390))} {
		pts := []session.Point{{X: 0, Y: 0}, {X: 6, Y: 6}, {X: -6, Y: -6}, {X: 6, Y: -6}}
		for i := range pts {
			sx, sy := l.ToScreen(pts[i].X, pts[i].Y)
			var prev Rect
			for item := range MenuItems {
				r := MenuRect(l, pts, i, item)
				if r.H < 44 || r.W < 44 {
					t.Errorf("%v wide, point %d, item %d: %+v smaller than 44 px", l.Width, i, item, r)
				}
				if !inside(r, Rect{0, 0, l.Width, l.Height}) {
					t.Errorf("%v wide, point %d, item %d: %+v leaves the canvas", l.Width, i, item, r)
				}
				if r.Contains(sx, sy) {
					t.Errorf("%v wide, point %d, item %d: %+v covers its point", l.Width, i, item, r)
				}
				if item > 0 && (r.Y != prev.Y+prev.H || r.X != prev.X) {
					t.Errorf("%v wide, point %d: item %d at %+v is not right under %+v", l.Width, i, item, r, prev)
				}
				if got, ok := MenuHit(l, pts, i, r.X+r.W/2, r.Y+r.H/2); !ok || got != item {
					t.Errorf("%v wide, point %d: MenuHit at item %d's centre = %d, %v", l.Width, i, item, got, ok)
				}
				prev = r
			}
			if _, ok := MenuHit(l, pts, i, sx, sy); ok {
				t.Errorf("MenuHit on point %d itself found an item", i)
			}
		}
	}
	if r := MenuRect(NewLayout(900, 640), nil, 0, MenuDelete); r != (Rect{}) {
		t.Errorf("no points: %+v, want the empty Rect", r)
	}
}

func TestMenuText(t *testing.T) {
	tests := []struct {
		item       MenuItem
		label      float64
		regression bool
		want       string
	}{
		{MenuDelete, 1, false, "Delete"},
		{MenuRelabel, 1, false, "Make orange (0)"},
		{MenuRelabel, 0, false, "Make blue (1)"},
		{MenuRelabel, 0.3, true, "Set to brush value"},
	}
	for _, tc := range tests {
		if got := MenuText(tc.item, session.Point{Label: tc.label}, tc.regression); got != tc.want {
			t.Errorf("item %d, label %v, regression %v: %q, want %q", tc.item, tc.label, tc.regression, got, tc.want)
		}
	}
}

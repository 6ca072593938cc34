package interact

import (
	"nnplay/session"
	"nnplay/view"
)

// TouchHitRadius is how far from a point's centre a finger still picks it, CSS px: wider than
// the mouse's view.HitRadius, since a fingertip hides what it touches.
const TouchHitRadius = 20

// hitPoint returns the shown point under (sx, sy): the nearest within view.HitRadius for a
// mouse, within TouchHitRadius for a finger (later points win ties, as they are drawn on top).
func hitPoint(ui *view.UI, v session.View, pts []session.Point, sx, sy float64, touch bool) int {
	r := float64(view.HitRadius)
	if touch {
		r = TouchHitRadius
	}
	return view.HitPointWithin(ui.Layout, pts, sx, sy, r, !v.ShowTestData)
}

package interact

import (
	"nnplay/session"
	"nnplay/view"
)

// TouchHitRadius is how far from a point's centre a finger still picks it, CSS px: wider than
// the mouse's view.HitRadius, since a fingertip hides what it touches.
const TouchHitRadius = 20

// hitPoint returns the point under (sx, sy): view.HitPoint for a mouse, the nearest point
// within TouchHitRadius for a finger (later points win ties, as they are drawn on top).
func hitPoint(l view.Layout, pts []session.Point, sx, sy float64, touch bool) int {
	if !touch {
		return view.HitPoint(l, pts, sx, sy)
	}
	return view.HitPointWithin(l, pts, sx, sy, TouchHitRadius)
}

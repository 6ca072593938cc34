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

// KeepsTouch reports whether a finger put down at (sx, sy), CSS px on the canvas, starts a
// gesture the canvas keeps for itself: on a shown point (a drag), or anywhere while a
// point's menu is open (the touch answers it). Any other touch may become a scroll of the
// page, which the canvas leaves to the browser; a tap there still adds or picks.
func KeepsTouch(s *session.Session, ui *view.UI, sx, sy float64) bool {
	return ui.Menu >= 0 || hitPoint(ui, s.View(), s.Points(), sx, sy, true) >= 0
}

// hitPanels returns what of the network picture or the loss panel's marks lies under
// (sx, sy): the network first; a mark within view.MarkHitPx of a mouse, or half of
// TouchHitRadius of a finger.
func hitPanels(ui *view.UI, s *session.Session, sx, sy float64, touch bool) view.Hover {
	if h := view.HitNetwork(ui.Layout, s, sx, sy); h.Kind != view.HoverNone {
		return h
	}
	r := float64(view.MarkHitPx)
	if touch {
		r = TouchHitRadius / 2
	}
	return view.HitLossMark(ui.Layout, s.History(), sx, sy, r)
}

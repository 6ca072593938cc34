package interact

import (
	"math"

	"nnplay/session"
)

// direction returns the unit step in the plane of an arrow key (up is +y), and false for
// another key.
func direction(k Key) (dx, dy float64, ok bool) {
	switch k {
	case KeyLeft:
		return -1, 0, true
	case KeyRight:
		return 1, 0, true
	case KeyUp:
		return 0, 1, true
	case KeyDown:
		return 0, -1, true
	}
	return 0, 0, false
}

// nearestInDirection returns the point an arrow key selects among the shown points: with
// nothing selected (sel < 0), the one nearest the plot's centre; else the nearest to the
// selected one within a 90° cone round the arrow's direction (45° either side, its edges
// included), or sel itself when no point lies that way. Points at the selected one's very
// place are skipped. It returns -1 when no point is shown. Ties go to the lower index.
func nearestInDirection(v session.View, pts []session.Point, sel int, k Key) int {
	dx, dy, ok := direction(k)
	if !ok {
		return sel
	}
	best, bestD := -1, math.Inf(1)
	if sel < 0 {
		for i, p := range pts {
			if d := math.Hypot(p.X, p.Y); v.Shows(p) && d < bestD {
				best, bestD = i, d
			}
		}
		return best
	}
	from := pts[sel]
	for i, p := range pts {
		if i == sel || !v.Shows(p) {
			continue
		}
		vx, vy := p.X-from.X, p.Y-from.Y
		along := vx*dx + vy*dy
		across := math.Abs(vx*dy - vy*dx)
		if along <= 0 || across > along {
			continue
		}
		if d := math.Hypot(vx, vy); d < bestD {
			best, bestD = i, d
		}
	}
	if best < 0 {
		return sel
	}
	return best
}

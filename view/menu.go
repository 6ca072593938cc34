package view

import (
	"math"

	"nnplay/session"
)

// MenuItem is an item of the small menu a right-click or a long press opens on a point.
type MenuItem uint8

// The menu's items, top to bottom.
const (
	MenuDelete  MenuItem = iota // delete the point
	MenuRelabel                 // classification: the other class; regression: the brush's value
	MenuItems                   // how many items there are
)

// The point menu's size, in CSS px: every item at least 44 px high, to touch.
const (
	MenuButtonW = 132
	MenuButtonH = 44
	menuOffset  = 16 // from the point's centre to the menu's near edge
)

// MenuText returns what item says for point p: "Delete"; "Make orange (0)" or "Make blue
// (1)", the other class, for classification; "Set to brush value" for regression. The texts
// are constants, so drawing them allocates nothing.
func MenuText(item MenuItem, p session.Point, regression bool) string {
	switch {
	case item == MenuDelete:
		return "Delete"
	case regression:
		return "Set to brush value"
	case p.Label >= 0.5:
		return "Make orange (0)"
	}
	return "Make blue (1)"
}

// MenuRect returns the rectangle of item of the menu on point i: MenuItems items of
// MenuButtonW×MenuButtonH stacked, right of the point (left of it when that would leave the
// canvas), the Delete item vertically centred on it, all kept inside the canvas. For an index
// out of range it returns the empty Rect.
func MenuRect(l Layout, pts []session.Point, i int, item MenuItem) Rect {
	if i < 0 || i >= len(pts) || item >= MenuItems {
		return Rect{}
	}
	sx, sy := l.ToScreen(pts[i].X, pts[i].Y)
	box := Rect{X: sx + menuOffset, Y: sy - MenuButtonH/2, W: MenuButtonW, H: MenuButtonH * float64(MenuItems)}
	if box.X+box.W > l.Width {
		box.X = sx - menuOffset - MenuButtonW
	}
	box.X = clamp(box.X, 0, math.Max(l.Width-box.W, 0))
	box.Y = clamp(box.Y, 0, math.Max(l.Height-box.H, 0))
	return Rect{X: box.X, Y: box.Y + MenuButtonH*float64(item), W: MenuButtonW, H: MenuButtonH}
}

// MenuButton returns the rectangle of the menu's Delete item on point i (see MenuRect).
func MenuButton(l Layout, pts []session.Point, i int) Rect { return MenuRect(l, pts, i, MenuDelete) }

// MenuHit returns the item of the menu on point i under (x, y), CSS px, and false when the
// position lies on none.
func MenuHit(l Layout, pts []session.Point, i int, x, y float64) (MenuItem, bool) {
	for item := range MenuItems {
		if MenuRect(l, pts, i, item).Contains(x, y) {
			return item, true
		}
	}
	return 0, false
}

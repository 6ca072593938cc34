package view

import (
	"math"

	"nnplay/session"
)

// HoverKind says what the pointer rests on.
type HoverKind uint8

// What the pointer can rest on.
const (
	HoverNone  HoverKind = iota
	HoverPoint           // Index is the point
	HoverNode            // Layer and Node name the node (layer 0 is the input)
	HoverEdge            // the weight W[Layer][Node][From]
	HoverBias            // the bias mark of node Node of layer Layer (≥ 1): the bias b[Layer−1][Node]
)

// Hover is the thing under the pointer.
type Hover struct {
	Kind              HoverKind
	Index             int
	Layer, Node, From int
}

// UI is the state of the user's interaction that the pictures show besides the session:
// written by the browser layer's Update, read by its Draw.
type UI struct {
	Layout             Layout
	Scale              float64 // device pixels per CSS pixel
	PointerX, PointerY float64 // CSS px on the canvas
	Hover              Hover
	Selected           int     // the selected point (keyboard or last touched), -1 for none
	Dragging           int     // the point being dragged, -1 for none
	Menu               int     // the point whose long-press delete offer is open, -1 for none
	Brush              float64 // the label of points added by click or tap
	Focused            bool    // the canvas has keyboard focus
	Help               int     // counts the requests for the page's help (the ? key); the page opens it

	Param       session.Param // the parameter the maths follow, when ParamChosen (see SelectedParam)
	ParamChosen bool          // a parameter was selected; otherwise the default output weight
	Pin         Hover         // the pinned node (Kind HoverNode) whose output the plot shows, or none
}

// The long-press delete offer's button, in CSS px.
const (
	MenuButtonW = 96
	MenuButtonH = 44
	menuOffset  = 16 // from the point's centre to the button's near edge
)

// MenuButton returns the rectangle of the "Delete" button offered next to point i after a
// long press: MenuButtonW×MenuButtonH CSS px, right of the point (left of it when that would
// leave the canvas), vertically centred on it and kept inside the canvas. For an index out of
// range it returns the empty Rect.
func MenuButton(l Layout, pts []session.Point, i int) Rect {
	if i < 0 || i >= len(pts) {
		return Rect{}
	}
	sx, sy := l.ToScreen(pts[i].X, pts[i].Y)
	r := Rect{X: sx + menuOffset, Y: sy - MenuButtonH/2, W: MenuButtonW, H: MenuButtonH}
	if r.X+r.W > l.Width {
		r.X = sx - menuOffset - MenuButtonW
	}
	r.X = clamp(r.X, 0, math.Max(l.Width-r.W, 0))
	r.Y = clamp(r.Y, 0, math.Max(l.Height-r.H, 0))
	return r
}

// Followed returns the point whose activations the network picture shows: the dragged point,
// else the selected one, else the hovered one, else -1. Indices out of range of n points are
// ignored.
func Followed(ui *UI, n int) int {
	for _, i := range [...]int{ui.Dragging, ui.Selected, hoverPoint(ui.Hover)} {
		if i >= 0 && i < n {
			return i
		}
	}
	return -1
}

// hoverPoint returns the hovered point's index, or -1.
func hoverPoint(h Hover) int {
	if h.Kind == HoverPoint {
		return h.Index
	}
	return -1
}

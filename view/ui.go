package view

import "nnplay/session"

// HoverKind says what the pointer rests on.
type HoverKind uint8

// What the pointer can rest on.
const (
	HoverNone     HoverKind = iota
	HoverPoint              // Index is the point
	HoverNode               // Layer and Node name the node (layer 0 is the input)
	HoverEdge               // the weight W[Layer][Node][From]
	HoverBias               // the bias mark of node Node of layer Layer (≥ 1): the bias b[Layer−1][Node]
	HoverLossMark           // Index is the loss history's mark (session.History.Mark)
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
	Dropped            bool    // Selected was just dropped by a drag: its label still shows
	Menu               int     // the point whose menu (right-click, long press) is open, -1 for none
	Brush              float64 // the label of points added by click or tap
	Focused            bool    // the canvas has keyboard focus
	Help               int     // counts the requests for the page's help (the ? key); the page opens it

	Param       session.Param // the parameter the maths follow, when ParamChosen (see SelectedParam)
	ParamChosen bool          // a parameter was selected; otherwise the default output weight
	Pin         Hover         // the pinned node (Kind HoverNode) whose output the plot shows, or none
	Lit         Hover         // the node, edge or bias mark of the maths panel's number under the mouse, or none
}

// Highlighted returns the node, edge or bias mark the network picture highlights: the one
// the pointer rests on, else the one of the maths panel's number under the mouse (Lit);
// Kind HoverNone when neither.
func Highlighted(ui *UI) Hover {
	for _, h := range [...]Hover{ui.Hover, ui.Lit} {
		if h.Kind == HoverNode || h.Kind == HoverEdge || h.Kind == HoverBias {
			return h
		}
	}
	return Hover{}
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

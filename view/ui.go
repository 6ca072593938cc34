package view

// HoverKind says what the pointer rests on.
type HoverKind uint8

// What the pointer can rest on.
const (
	HoverNone  HoverKind = iota
	HoverPoint           // Index is the point
	HoverNode            // Layer and Node name the node (layer 0 is the input)
	HoverEdge            // the weight W[Layer][Node][From]
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
	LogLoss            bool    // loss curves on a log scale
	Focused            bool    // the canvas has keyboard focus
}

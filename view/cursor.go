package view

// Cursor is the mouse cursor the canvas shows, named as CSS names it (Names).
type Cursor uint8

// The cursors.
const (
	CursorDefault   Cursor = iota // nothing to act on under the pointer
	CursorCrosshair               // empty plot: a click adds a point there
	CursorGrab                    // a point: it can be dragged
	CursorGrabbing                // a point is being dragged
	CursorPointer                 // an edge, a bias mark or a node: a click selects or pins it
)

// CursorNames are the CSS cursor names of the cursors, indexed by Cursor.
var CursorNames = [...]string{"default", "crosshair", "grab", "grabbing", "pointer"}

// CursorOf returns the cursor for the pointer at (ui.PointerX, ui.PointerY) with what ui says
// lies under it: grabbing while a point is dragged, grab over a point, pointer over a part of
// the network a click selects or pins, crosshair over empty plot, default elsewhere.
func CursorOf(ui *UI) Cursor {
	switch {
	case ui.Dragging >= 0:
		return CursorGrabbing
	case ui.Hover.Kind == HoverPoint:
		return CursorGrab
	case ui.Hover.Kind == HoverLossMark: // its tooltip explains it; a click does nothing
		return CursorDefault
	case ui.Hover.Kind != HoverNone:
		return CursorPointer
	case ui.Layout.Plot.Contains(ui.PointerX, ui.PointerY):
		return CursorCrosshair
	}
	return CursorDefault
}

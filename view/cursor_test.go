package view

import "testing"

// TestCursorOf: the cursor tells what a press would do where the pointer rests.
func TestCursorOf(t *testing.T) {
	l := NewLayout(900, 600)
	inPlot := [2]float64{l.Plot.X + l.Plot.W/2, l.Plot.Y + l.Plot.H/2}
	outside := [2]float64{l.Width - 1, l.Height - 1}
	tests := []struct {
		name     string
		at       [2]float64
		hover    Hover
		dragging int
		want     Cursor
	}{
		{"empty plot", inPlot, Hover{}, -1, CursorCrosshair},
		{"a point", inPlot, Hover{Kind: HoverPoint, Index: 3}, -1, CursorGrab},
		{"dragging", inPlot, Hover{Kind: HoverPoint, Index: 3}, 3, CursorGrabbing},
		{"dragging beyond the plot", outside, Hover{}, 0, CursorGrabbing},
		{"an edge", outside, Hover{Kind: HoverEdge, Layer: 1}, -1, CursorPointer},
		{"a node", outside, Hover{Kind: HoverNode, Layer: 1}, -1, CursorPointer},
		{"a loss mark: nothing to click", outside, Hover{Kind: HoverLossMark}, -1, CursorDefault},
		{"nothing", outside, Hover{}, -1, CursorDefault},
	}
	for _, tc := range tests {
		ui := &UI{Layout: l, PointerX: tc.at[0], PointerY: tc.at[1], Hover: tc.hover, Dragging: tc.dragging, Selected: -1, Menu: -1}
		if got := CursorOf(ui); got != tc.want {
			t.Errorf("%s: cursor %s, want %s", tc.name, CursorNames[got], CursorNames[tc.want])
		}
	}
}

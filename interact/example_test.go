package interact_test

import (
	"fmt"
	"time"

	"nnplay/interact"
	"nnplay/session"
	"nnplay/view"
)

// A mouse drags a point: pressed on it, moved, released; the point follows the pointer,
// clamped inside the plane, and stays selected.
func ExampleController_Handle() {
	s, err := session.New(session.ClassicSettings())
	if err != nil {
		panic(err)
	}
	if err := s.SetData([]session.Point{{X: 1, Y: 1, Label: 0}, {X: -3, Y: 2, Label: 1}}); err != nil {
		panic(err)
	}
	ui := &view.UI{Layout: view.NewLayout(900, 600), Selected: -1, Dragging: -1, Menu: -1}
	c := interact.New()
	at := func(x, y float64) (float64, float64) { return ui.Layout.ToScreen(x, y) }
	x0, y0 := at(1, 1)
	x1, y1 := at(2.5, -1)
	x2, y2 := at(9, -1) // beyond the plane's right edge
	for _, e := range []interact.Event{
		{Kind: interact.PointerDown, X: x0, Y: y0, Pointer: 1},
		{Kind: interact.PointerMove, X: x1, Y: y1, Pointer: 1, Time: 20 * time.Millisecond},
		{Kind: interact.PointerUp, X: x2, Y: y2, Pointer: 1, Time: 40 * time.Millisecond},
	} {
		if err := c.Handle(s, ui, e); err != nil {
			panic(err)
		}
		p := s.Points()[0]
		fmt.Printf("(%.1f, %.1f) dragging %d selected %d\n", p.X, p.Y, ui.Dragging, ui.Selected)
	}
	// Output:
	// (1.0, 1.0) dragging 0 selected 0
	// (2.5, -1.0) dragging 0 selected 0
	// (6.0, -1.0) dragging -1 selected 0
}

// Keys arrive as the DOM names them; the controller answers to a few.
func ExampleKeyFromName() {
	for _, name := range []string{"ArrowLeft", "Backspace", " ", "S", "q"} {
		fmt.Print(interact.KeyFromName(name) != interact.KeyNone, " ")
	}
	fmt.Println()
	// Output: true true true true false
}

package api_test

import (
	"fmt"
	"time"

	"nnplay/api"
	"nnplay/interact"
	"nnplay/session"
)

// A script's calls on a playground: each answers at once, a refused call changes nothing
// and says why, and Reply wraps the answer as the page's shim expects it.
func ExamplePlayground() {
	s, err := session.New(session.ClassicSettings())
	if err != nil {
		panic(err)
	}
	c := api.NewCanvas(s)
	p := &c.API
	fmt.Println(p.Configure([]byte(`{"layers": [2, 3, 1], "learningRate": 0.1}`)))
	fmt.Println(p.Configure([]byte(`{"layers": [2, 3, 1], "learningRate": -1}`)))
	fmt.Println(s.Settings().Layers(), s.Settings().LearningRate)
	fmt.Println(api.Reply(p.Step(0)))
	fmt.Println(api.Reply(p.Step(10)), s.Epoch())
	// Output:
	// <nil>
	// configure: learningRate must be a finite number in (0, 10], got -1
	// [2 3 1] 0.1
	// {"err":"step: n must be an integer from 1 to 100000, got 0"}
	// {"ok":10} 10
}

// One frame of the canvas: a click on empty plane (a press and a release at the same
// place) adds a training point of the brush class there and selects it; paused, nothing
// trains.
func ExampleCanvas_Frame() {
	s, err := session.New(session.ClassicSettings())
	if err != nil {
		panic(err)
	}
	c := api.NewCanvas(s)
	var now time.Duration
	clock := func() time.Duration { now += time.Millisecond; return now }
	c.Frame(api.Input{Width: 900, Height: 600, Scale: 1}, clock) // lays the canvas out
	x, y := c.UI.Layout.ToScreen(5.5, -5.5)
	c.Frame(api.Input{Width: 900, Height: 600, Scale: 1, Events: []interact.Event{
		{Kind: interact.PointerDown, X: x, Y: y, Pointer: 1},
		{Kind: interact.PointerUp, X: x, Y: y, Pointer: 1},
	}}, clock)
	pts := s.Points()
	added := pts[c.UI.Selected]
	fmt.Println(len(pts), c.UI.Selected == len(pts)-1, added, s.Epoch())
	// Output: 251 true {5.5 -5.5 1 false} 0
}

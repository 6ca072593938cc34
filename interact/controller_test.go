package interact

import (
	"math"
	"slices"
	"testing"
	"time"

	"nnplay/session"
	"nnplay/view"
)

// canvas is the size of the fake canvas the gestures happen on, CSS px.
const canvasW, canvasH = 900, 600

// fixture is a session with known points and the UI state of a canvas showing it.
type fixture struct {
	s  *session.Session
	ui *view.UI
	c  *Controller
}

// basePoints are the points every gesture test starts from.
var basePoints = []session.Point{
	{X: 1, Y: 1, Label: 0},
	{X: -3, Y: 2, Label: 1},
	{X: 4, Y: -4, Label: 0, Test: true},
}

func newFixture(t testing.TB, problem string) *fixture {
	t.Helper()
	set := session.ClassicSettings()
	s, err := session.New(set)
	if err != nil {
		t.Fatalf("session.New(ClassicSettings()): %v", err)
	}
	if problem != set.Problem {
		if err := configure(t, s, `{"problem": "`+problem+`"}`); err != nil {
			t.Fatalf("Configure(problem %q): %v", problem, err)
		}
	}
	if err := s.SetData(slices.Clone(basePoints)); err != nil {
		t.Fatalf("SetData: %v", err)
	}
	ui := &view.UI{Layout: view.NewLayout(canvasW, canvasH), Scale: 1, Selected: -1, Dragging: -1, Menu: -1}
	return &fixture{s: s, ui: ui, c: New()}
}

// op is one step of a scripted gesture: an event, or (with Kind 0) a Tick at time t.
type op struct {
	ev Event
	t  time.Duration
}

// screen returns the canvas position of plane point (x, y) in the test layout.
func screen(x, y float64) (float64, float64) {
	return view.NewLayout(canvasW, canvasH).ToScreen(x, y)
}

func ptr(kind Kind, touch bool, ms int, x, y float64) op {
	sx, sy := screen(x, y)
	return op{ev: Event{Kind: kind, Time: time.Duration(ms) * time.Millisecond, X: sx, Y: sy, Touch: touch, Pointer: 1}}
}

// Mouse and touch events at plane coordinates, at a time in milliseconds.
func mDown(ms int, x, y float64) op { return ptr(PointerDown, false, ms, x, y) }
func mMove(ms int, x, y float64) op { return ptr(PointerMove, false, ms, x, y) }
func mUp(ms int, x, y float64) op   { return ptr(PointerUp, false, ms, x, y) }
func tDown(ms int, x, y float64) op { return ptr(PointerDown, true, ms, x, y) }
func tMove(ms int, x, y float64) op { return ptr(PointerMove, true, ms, x, y) }
func tUp(ms int, x, y float64) op   { return ptr(PointerUp, true, ms, x, y) }
func tick(ms int) op                { return op{t: time.Duration(ms) * time.Millisecond} }

// px returns o moved to canvas pixels (sx, sy), for positions off the plane.
func (o op) px(sx, sy float64) op { o.ev.X, o.ev.Y = sx, sy; return o }

// with returns o with button b and modifiers m.
func (o op) with(b Button, m Mods) op { o.ev.Button, o.ev.Mods = b, m; return o }

// finger returns o as pointer id.
func (o op) finger(id int) op { o.ev.Pointer = id; return o }

func key(k Key, m Mods) op { return op{ev: Event{Kind: KeyPress, Key: k, Mods: m}} }

// menuTap returns a touch op at the centre of the Delete item of the menu on point i of pts.
func menuTap(kind Kind, ms int, pts []session.Point, i int) op {
	return menuAt(kind, ms, pts, i, view.MenuDelete, true)
}

// menuAt returns an op at the centre of item of the menu on point i of pts, by touch or mouse.
func menuAt(kind Kind, ms int, pts []session.Point, i int, item view.MenuItem, touch bool) op {
	r := view.MenuRect(view.NewLayout(canvasW, canvasH), pts, i, item)
	return op{ev: Event{Kind: kind, Time: time.Duration(ms) * time.Millisecond, X: r.X + r.W/2, Y: r.Y + r.H/2, Touch: touch, Pointer: 1}}
}

func (f *fixture) run(t *testing.T, ops []op) {
	t.Helper()
	for i, o := range ops {
		if o.ev.Kind == 0 {
			f.c.Tick(f.s, f.ui, o.t)
			continue
		}
		if err := f.c.Handle(f.s, f.ui, o.ev); err != nil {
			t.Fatalf("op %d (%+v): unexpected error %v", i, o.ev, err)
		}
	}
}

// want is the expected outcome of a gesture.
type want struct {
	points             []session.Point
	selected, dragging int
	menu               int
}

func (f *fixture) check(t *testing.T, w want) {
	t.Helper()
	got := f.s.Points()
	if len(got) != len(w.points) {
		t.Fatalf("got %d points %v, want %d %v", len(got), got, len(w.points), w.points)
	}
	for i := range got {
		g, e := got[i], w.points[i]
		if math.Abs(g.X-e.X) > 1e-9 || math.Abs(g.Y-e.Y) > 1e-9 || g.Label != e.Label || g.Test != e.Test {
			t.Errorf("point %d: got %+v, want %+v", i, g, e)
		}
	}
	if f.ui.Selected != w.selected || f.ui.Dragging != w.dragging || f.ui.Menu != w.menu {
		t.Errorf("got Selected %d, Dragging %d, Menu %d; want %d, %d, %d",
			f.ui.Selected, f.ui.Dragging, f.ui.Menu, w.selected, w.dragging, w.menu)
	}
}

// edited returns basePoints with point i replaced by p (or removed, if p is nil) and extra appended.
func edited(i int, p *session.Point, extra ...session.Point) []session.Point {
	out := slices.Clone(basePoints)
	if i >= 0 {
		if p == nil {
			out = slices.Delete(out, i, i+1)
		} else {
			out[i] = *p
		}
	}
	return append(out, extra...)
}

func TestGestures(t *testing.T) {
	l := view.NewLayout(canvasW, canvasH)
	offX := l.Plot.X + l.Plot.W + 60 // right of the plot, inside the canvas (the network)
	tests := []struct {
		name  string
		brush float64
		ops   []op
		want  want
	}{
		{"mouse drag moves a point under the pointer",
			0, []op{mDown(0, 1, 1), mMove(16, 2, 0), tick(16), mMove(32, 3, -2), mUp(40, 3, -2)},
			want{edited(0, &session.Point{X: 3, Y: -2}), 0, -1, -1}},
		{"mouse drag follows every move before the release",
			0, []op{mDown(0, -3, 2), mMove(10, -2, 2)},
			want{edited(1, &session.Point{X: -2, Y: 2, Label: 1}), 1, 1, -1}},
		{"a drag past the edge stays inside the plane",
			0, []op{mDown(0, 4, -4), mMove(10, 5, -5), mUp(20, 9, -9).px(canvasW+50, canvasH+50)},
			want{edited(2, &session.Point{X: 6, Y: -6, Test: true}), 2, -1, -1}},
		{"mouse click on a point selects it and moves nothing",
			0, []op{mDown(0, -3, 2), mUp(50, -3, 2)},
			want{edited(-1, nil), 1, -1, -1}},
		{"mouse click on empty plot adds a training point of the brush class",
			1, []op{mDown(0, -2, -3), mUp(80, -2, -3)},
			want{edited(-1, nil, session.Point{X: -2, Y: -3, Label: 1}), 3, -1, -1}},
		{"brush 0 adds class 0",
			0, []op{mDown(0, 0, 5), mUp(10, 0, 5)},
			want{edited(-1, nil, session.Point{X: 0, Y: 5, Label: 0}), 3, -1, -1}},
		{"a click off a point's centre moves nothing",
			0, []op{mDown(0, 1.1, 0.95), mUp(50, 1.1, 0.95)},
			want{edited(-1, nil), 0, -1, -1}},
		{"a drag from off the centre keeps the point's offset",
			0, []op{mDown(0, 1.1, 0.95), mMove(10, 2.1, -0.05), mUp(20, 3.1, -1.05)},
			want{edited(0, &session.Point{X: 3, Y: -1}), 0, -1, -1}},
		{"a touch drag from off the centre keeps the point's offset",
			0, []op{tDown(0, -2.8, 2.2), tMove(10, -1, 1), tUp(20, 0.2, -0.2)},
			want{edited(1, &session.Point{X: 0, Y: -0.4, Label: 1}), 1, -1, -1}},
		{"a press that moves past the slop adds nothing",
			1, []op{mDown(0, -2, -3), mMove(10, -1, -3), mUp(20, -2, -3)},
			want{edited(-1, nil), -1, -1, -1}},
		{"a click outside the plot adds nothing",
			1, []op{mDown(0, 0, 0).px(offX, 100), mUp(10, 0, 0).px(offX, 100)},
			want{edited(-1, nil), -1, -1, -1}},
		{"right-click opens the menu on a point",
			0, []op{mDown(0, -3, 2).with(Secondary, 0), mUp(10, -3, 2).with(Secondary, 0)},
			want{edited(-1, nil), 1, -1, 1}},
		{"its Delete deletes the point",
			0, []op{mDown(0, -3, 2).with(Secondary, 0), mUp(10, -3, 2).with(Secondary, 0),
				menuAt(PointerDown, 100, basePoints, 1, view.MenuDelete, false), menuAt(PointerUp, 110, basePoints, 1, view.MenuDelete, false)},
			want{edited(1, nil), -1, -1, -1}},
		{"its relabel item gives the point the other class",
			0, []op{mDown(0, -3, 2).with(Secondary, 0), mUp(10, -3, 2).with(Secondary, 0),
				menuAt(PointerDown, 100, basePoints, 1, view.MenuRelabel, false), menuAt(PointerUp, 110, basePoints, 1, view.MenuRelabel, false)},
			want{edited(1, &session.Point{X: -3, Y: 2, Label: 0}), 1, -1, -1}},
		{"a long press's menu relabels by touch",
			0, []op{tDown(0, 1, 1), tick(520), tUp(700, 1, 1),
				menuAt(PointerDown, 900, basePoints, 0, view.MenuRelabel, true), menuAt(PointerUp, 950, basePoints, 0, view.MenuRelabel, true)},
			want{edited(0, &session.Point{X: 1, Y: 1, Label: 1}), 0, -1, -1}},
		{"a press beside the menu closes it and does nothing else",
			0, []op{mDown(0, -3, 2).with(Secondary, 0), mUp(10, -3, 2).with(Secondary, 0), mDown(100, 3, 3), mUp(110, 3, 3)},
			want{edited(-1, nil), 1, -1, -1}},
		{"right-click on empty plot does nothing",
			0, []op{mDown(0, 0, 0).with(Secondary, 0), mUp(10, 0, 0).with(Secondary, 0)},
			want{edited(-1, nil), -1, -1, -1}},
		{"alt-click deletes a point",
			0, []op{mDown(0, 4, -4).with(Primary, Alt), mUp(10, 4, -4).with(Primary, Alt)},
			want{edited(2, nil), -1, -1, -1}},
		{"middle button does nothing",
			0, []op{mDown(0, 1, 1).with(Auxiliary, 0), mMove(5, 3, 3), mUp(10, 3, 3).with(Auxiliary, 0)},
			want{edited(-1, nil), -1, -1, -1}},
		{"touch tap on empty plot adds a point",
			1, []op{tDown(0, 2, 3), tick(16), tUp(120, 2, 3)},
			want{edited(-1, nil, session.Point{X: 2, Y: 3, Label: 1}), 3, -1, -1}},
		{"touch drag moves a point once past the slop",
			0, []op{tDown(0, 1, 1), tMove(16, 1.05, 1), tick(16), tMove(32, -1, -1), tMove(48, -2, 3), tUp(60, -2, 3)},
			want{edited(0, &session.Point{X: -2, Y: 3}), 0, -1, -1}},
		{"touch wiggle within the slop moves nothing and selects",
			0, []op{tDown(0, 1, 1), tMove(16, 1.05, 1.05), tUp(60, 1.05, 1.05)},
			want{edited(-1, nil), 0, -1, -1}},
		{"long press opens the delete offer, not before",
			0, []op{tDown(0, 1, 1), tick(300), tick(499), tUp(700, 1, 1)},
			want{edited(-1, nil), 0, -1, -1}},
		{"long press held opens the delete offer",
			0, []op{tDown(0, 1, 1), tick(250), tick(500), tUp(700, 1, 1)},
			want{edited(-1, nil), 0, -1, 0}},
		{"long press, then a tap on Delete deletes",
			0, []op{tDown(0, 1, 1), tick(520), tUp(700, 1, 1), menuTap(PointerDown, 900, basePoints, 0), menuTap(PointerUp, 950, basePoints, 0)},
			want{edited(0, nil), -1, -1, -1}},
		{"long press, then a tap elsewhere closes the offer and adds nothing",
			1, []op{tDown(0, 1, 1), tick(520), tUp(700, 1, 1), tDown(900, -4, -4), tUp(950, -4, -4)},
			want{edited(-1, nil), 0, -1, -1}},
		{"long press, then a tap on another point closes the offer",
			0, []op{tDown(0, 1, 1), tick(520), tUp(700, 1, 1), tDown(900, -3, 2), tMove(920, 0, 0), tUp(950, 0, 0)},
			want{edited(-1, nil), 0, -1, -1}},
		{"press and hold, then drag, still drags",
			0, []op{tDown(0, 1, 1), tick(600), tMove(700, 2, 2), tick(700), tUp(800, 2.5, 2)},
			want{edited(0, &session.Point{X: 2.5, Y: 2}), 0, -1, -1}},
		{"a mouse held still opens no offer",
			0, []op{mDown(0, 1, 1), tick(2000), mUp(2100, 1, 1)},
			want{edited(-1, nil), 0, -1, -1}},
		{"a second finger is ignored while the first drags",
			0, []op{tDown(0, 1, 1), tMove(10, 2, 2), tDown(20, -3, 2).finger(2), tMove(30, 0, 0).finger(2),
				tUp(40, 0, 0).finger(2), tMove(50, 3, 3), tUp(60, 3, 3)},
			want{edited(0, &session.Point{X: 3, Y: 3}), 0, -1, -1}},
		{"a cancelled drag keeps the last position and ends",
			0, []op{tDown(0, 1, 1), tMove(10, 2, 2), {ev: Event{Kind: PointerCancel, Pointer: 1, Touch: true}}, tMove(20, 5, 5), tUp(30, 5, 5)},
			want{edited(0, &session.Point{X: 2, Y: 2}), 0, -1, -1}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t, session.Classification)
			f.ui.Brush = tc.brush
			before := slices.Clone(f.s.Network().Params())
			f.run(t, tc.ops)
			f.check(t, tc.want)
			if got := f.s.Network().Params(); !slices.Equal(got, before) {
				t.Errorf("a gesture changed the weights")
			}
		})
	}
}

// TestTapNetworkShowsTooltip: touch has no hover, so a tap on a node or an edge selects it
// for the tooltip until the next touch; a mouse click there does not.
func TestTapNetworkShowsTooltip(t *testing.T) {
	f := newFixture(t, "classification")
	layers := f.s.Network().Layers()
	x, y, _ := view.NodeCenter(view.NetArea(f.ui.Layout.Network), layers, 1, 2)
	tap := func(ms int, x, y float64) []op {
		return []op{tDown(ms, 0, 0).px(x, y), tUp(ms+80, 0, 0).px(x, y)}
	}
	f.run(t, tap(0, x, y))
	if want := (view.Hover{Kind: view.HoverNode, Layer: 1, Node: 2}); f.ui.Hover != want {
		t.Fatalf("after a tap on node h3: hover %+v, want %+v", f.ui.Hover, want)
	}
	f.run(t, []op{tick(500)})
	if f.ui.Hover.Kind != view.HoverNode {
		t.Error("the tapped node's tooltip did not last past the next frame")
	}
	f.run(t, tap(1000, 2, 2)) // empty canvas, outside plot and network
	if f.ui.Hover.Kind != view.HoverNone {
		t.Errorf("after a tap elsewhere: hover %+v, want none", f.ui.Hover)
	}
	// A finger that slides from the node is no tap.
	f.run(t, []op{tDown(2000, 0, 0).px(x, y), tMove(2050, 0, 0).px(x+40, y), tUp(2100, 0, 0).px(x+40, y)})
	if f.ui.Hover.Kind != view.HoverNone {
		t.Errorf("after a slide from the node: hover %+v, want none", f.ui.Hover)
	}
}

// configure applies a JSON object of settings to s.
func configure(t testing.TB, s *session.Session, text string) error {
	t.Helper()
	p, err := session.ParsePatch([]byte(text))
	if err != nil {
		t.Fatalf("ParsePatch(%s): %v", text, err)
	}
	return s.Configure(p)
}

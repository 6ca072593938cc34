package interact

import (
	"math"
	"testing"

	"nnplay/session"
	"nnplay/view"
)

func TestKeyFromName(t *testing.T) {
	tests := []struct {
		name string
		want Key
	}{
		{"ArrowLeft", KeyLeft}, {"ArrowRight", KeyRight}, {"ArrowUp", KeyUp}, {"ArrowDown", KeyDown},
		{"Delete", KeyDelete}, {"Backspace", KeyDelete}, {"1", Key1}, {"2", Key2}, {" ", KeySpace},
		{"s", KeyS}, {"S", KeyS}, {"r", KeyR}, {"R", KeyR}, {"a", KeyA}, {"Escape", KeyEscape}, {"p", KeyP}, {"P", KeyP}, {"?", KeyHelp},
		{"3", KeyNone}, {"Enter", KeyNone}, {"", KeyNone}, {"Shift", KeyNone}, {"Tab", KeyNone},
	}
	for _, tc := range tests {
		if got := KeyFromName(tc.name); got != tc.want {
			t.Errorf("KeyFromName(%q) = %d, want %d", tc.name, got, tc.want)
		}
	}
}

func TestKeys(t *testing.T) {
	const step, big = DefaultKeyStep, DefaultKeyBigStep
	type outcome struct {
		points   []session.Point
		selected int
		brush    float64
		running  bool
		epoch    int
	}
	tests := []struct {
		name     string
		selected int
		running  bool
		ops      []op
		want     outcome
	}{
		{"an arrow from no selection selects the point nearest the centre", -1, false,
			[]op{key(KeyLeft, 0)}, outcome{edited(-1, nil), 0, 0, false, 0}},
		{"left goes to the point on the left", 0, false,
			[]op{key(KeyLeft, 0)}, outcome{edited(-1, nil), 1, 0, false, 0}},
		{"right from the left point goes back", 1, false,
			[]op{key(KeyRight, 0)}, outcome{edited(-1, nil), 0, 0, false, 0}},
		{"nothing that way: the selection stays", 1, false,
			[]op{key(KeyUp, 0)}, outcome{edited(-1, nil), 1, 0, false, 0}},
		{"shift+right moves the selection a small step", 0, false,
			[]op{key(KeyRight, Shift)}, outcome{edited(0, &session.Point{X: 1 + step, Y: 1}), 0, 0, false, 0}},
		{"shift+up moves up the plane", 1, false,
			[]op{key(KeyUp, Shift), key(KeyUp, Shift)}, outcome{edited(1, &session.Point{X: -3, Y: 2 + 2*step, Label: 1}), 1, 0, false, 0}},
		{"shift+ctrl+down moves a big step", 0, false,
			[]op{key(KeyDown, Shift|Ctrl)}, outcome{edited(0, &session.Point{X: 1, Y: 1 - big}), 0, 0, false, 0}},
		{"shift+alt+left moves a big step", 0, false,
			[]op{key(KeyLeft, Shift|Alt)}, outcome{edited(0, &session.Point{X: 1 - big, Y: 1}), 0, 0, false, 0}},
		{"moves stop at the plane's edge", 2, false,
			[]op{key(KeyDown, Shift|Ctrl), key(KeyDown, Shift|Ctrl), key(KeyDown, Shift|Ctrl)},
			outcome{edited(2, &session.Point{X: 4, Y: -6, Test: true}), 2, 0, false, 0}},
		{"shift+arrow without a selection does nothing", -1, false,
			[]op{key(KeyRight, Shift)}, outcome{edited(-1, nil), -1, 0, false, 0}},
		{"2 relabels the selection and sets the brush", 0, false,
			[]op{key(Key2, 0)}, outcome{edited(0, &session.Point{X: 1, Y: 1, Label: 1}), 0, 1, false, 0}},
		{"1 relabels the selection and sets the brush", 1, false,
			[]op{key(Key2, 0), key(Key1, 0)}, outcome{edited(1, &session.Point{X: -3, Y: 2, Label: 0}), 1, 0, false, 0}},
		{"2 without a selection sets the brush only", -1, false,
			[]op{key(Key2, 0)}, outcome{edited(-1, nil), -1, 1, false, 0}},
		{"Delete deletes the selection", 1, false,
			[]op{key(KeyDelete, 0)}, outcome{edited(1, nil), -1, 0, false, 0}},
		{"Delete without a selection does nothing", -1, false,
			[]op{key(KeyDelete, 0)}, outcome{edited(-1, nil), -1, 0, false, 0}},
		{"space plays", -1, false,
			[]op{key(KeySpace, 0)}, outcome{edited(-1, nil), -1, 0, true, 0}},
		{"space pauses", -1, true,
			[]op{key(KeySpace, 0)}, outcome{edited(-1, nil), -1, 0, false, 0}},
		{"s steps one epoch", -1, false,
			[]op{key(KeyS, 0), key(KeyS, 0)}, outcome{edited(-1, nil), -1, 0, false, 2}},
		{"r resets to epoch 0 and keeps playing", -1, true,
			[]op{key(KeyS, 0), key(KeyR, 0)}, outcome{edited(-1, nil), -1, 0, true, 0}},
		{"ctrl+r and meta+s are left to the browser", -1, false,
			[]op{key(KeyS, 0), key(KeyR, Ctrl), key(KeyS, Meta), key(KeySpace, Ctrl)}, outcome{edited(-1, nil), -1, 0, false, 1}},
		{"a adds a point of the brush class at the centre", -1, false,
			[]op{key(Key2, 0), key(KeyA, 0)}, outcome{edited(-1, nil, session.Point{Label: 1}), 3, 1, false, 0}},
		{"Escape clears the selection", 1, false,
			[]op{key(KeyEscape, 0)}, outcome{edited(-1, nil), -1, 0, false, 0}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t, session.Classification)
			f.ui.Selected = tc.selected
			f.s.SetRunning(tc.running)
			f.run(t, tc.ops)
			f.check(t, want{tc.want.points, tc.want.selected, -1, -1})
			if f.ui.Brush != tc.want.brush {
				t.Errorf("brush %v, want %v", f.ui.Brush, tc.want.brush)
			}
			if got := f.s.Running(); got != tc.want.running {
				t.Errorf("running %v, want %v", got, tc.want.running)
			}
			if got := f.s.Epoch(); got != tc.want.epoch {
				t.Errorf("epoch %d, want %d", got, tc.want.epoch)
			}
		})
	}
}

func TestKeyAAddsAtTheMouse(t *testing.T) {
	f := newFixture(t, session.Classification)
	f.run(t, []op{mMove(0, -5, 5), key(KeyA, 0)})
	pts := f.s.Points()
	if len(pts) != 4 || math.Abs(pts[3].X+5) > 1e-9 || math.Abs(pts[3].Y-5) > 1e-9 {
		t.Fatalf("after a at (-5, 5): points %v, want a fourth at (-5, 5)", pts)
	}
}

func TestStepWithoutTrainingPointsIsRefused(t *testing.T) {
	f := newFixture(t, session.Classification)
	if err := f.s.SetData([]session.Point{{X: 1, Y: 1, Test: true}}); err != nil {
		t.Fatal(err)
	}
	err := f.c.Handle(f.s, f.ui, Event{Kind: KeyPress, Key: KeyS})
	if err == nil {
		t.Fatal("s with no training points: got no error, want a refusal")
	}
	if f.s.Epoch() != 0 {
		t.Errorf("epoch %d after a refused step, want 0", f.s.Epoch())
	}
}

func TestDeletingKeepsIndicesOnTheirPoints(t *testing.T) {
	f := newFixture(t, session.Classification)
	f.ui.Selected = 2
	f.ui.Hover = view.Hover{Kind: view.HoverPoint, Index: 2}
	// Alt-click point 0: the selected and hovered point 2 becomes point 1.
	f.run(t, []op{mDown(0, 1, 1).with(Primary, Alt), mUp(5, 1, 1).with(Primary, Alt)})
	if f.ui.Selected != 1 || f.ui.Hover.Index != 1 {
		t.Errorf("after deleting point 0: Selected %d, Hover %+v; want both 1", f.ui.Selected, f.ui.Hover)
	}
	// Deleting the selection itself clears it.
	f.run(t, []op{key(KeyDelete, 0)})
	if f.ui.Selected != -1 || f.ui.Hover.Kind != view.HoverNone {
		t.Errorf("after deleting the selection: Selected %d, Hover %+v; want -1 and none", f.ui.Selected, f.ui.Hover)
	}
}

func TestTickDropsStaleIndices(t *testing.T) {
	f := newFixture(t, session.Classification)
	f.run(t, []op{tDown(0, 4, -4), tick(600)}) // a long press on point 2: offer open
	f.ui.Hover = view.Hover{Kind: view.HoverPoint, Index: 2}
	if err := f.s.SetData([]session.Point{{X: 0, Y: 0}}); err != nil { // replaced between frames
		t.Fatal(err)
	}
	f.run(t, []op{tick(616), tMove(630, 3, 3), tUp(640, 3, 3)})
	if f.ui.Selected != -1 || f.ui.Menu != -1 || f.ui.Dragging != -1 || f.ui.Hover.Kind != view.HoverNone {
		t.Errorf("after the data shrank: Selected %d, Menu %d, Dragging %d, Hover %+v; want all cleared",
			f.ui.Selected, f.ui.Menu, f.ui.Dragging, f.ui.Hover)
	}
	if p := f.s.Points()[0]; p.X != 0 || p.Y != 0 {
		t.Errorf("the stale gesture moved another point to (%v, %v)", p.X, p.Y)
	}
}

func TestRegressionBrushValue(t *testing.T) {
	f := newFixture(t, session.Regression)
	f.ui.Brush = 2.5
	f.run(t, []op{mDown(0, -1, -1), mUp(10, -1, -1)})
	pts := f.s.Points()
	if got := pts[len(pts)-1].Label; got != 2.5 {
		t.Errorf("regression point added with label %v, want the brush 2.5", got)
	}
}

func TestHoverAndFocus(t *testing.T) {
	f := newFixture(t, session.Classification)
	f.run(t, []op{mMove(0, -3, 2)})
	if f.ui.Hover != (view.Hover{Kind: view.HoverPoint, Index: 1}) {
		t.Errorf("mouse over point 1: Hover %+v", f.ui.Hover)
	}
	// The output node of the network, where view draws it.
	area := view.NetArea(f.ui.Layout.Network)
	layers := f.s.Network().Layers()
	nx, ny, _ := view.NodeCenter(area, layers, len(layers)-1, 0)
	f.run(t, []op{{ev: Event{Kind: PointerMove, X: nx, Y: ny, Pointer: 1}}})
	if f.ui.Hover.Kind != view.HoverNode || f.ui.Hover.Layer != len(layers)-1 {
		t.Errorf("mouse over the output node: Hover %+v", f.ui.Hover)
	}
	f.run(t, []op{{ev: Event{Kind: PointerLeave, Pointer: 1}}})
	if f.ui.Hover.Kind != view.HoverNone {
		t.Errorf("after the mouse left: Hover %+v, want none", f.ui.Hover)
	}
	// A finger never hovers.
	f.run(t, []op{tMove(0, -3, 2)})
	if f.ui.Hover.Kind != view.HoverNone {
		t.Errorf("a touch move hovered: %+v", f.ui.Hover)
	}
	f.run(t, []op{{ev: Event{Kind: Focus}}})
	if !f.ui.Focused {
		t.Error("Focus did not set Focused")
	}
	f.run(t, []op{{ev: Event{Kind: Blur}}})
	if f.ui.Focused {
		t.Error("Blur did not clear Focused")
	}
}

func TestStepThatDivergesIsNoRefusal(t *testing.T) {
	f := newFixture(t, session.Regression)
	if err := configure(t, f.s, `{"learningRate": 10, "activation": "linear", "batchSize": 1}`); err != nil {
		t.Fatal(err)
	}
	for range 100 {
		if err := f.c.Handle(f.s, f.ui, Event{Kind: KeyPress, Key: KeyS}); err != nil {
			t.Fatalf("s on a diverging network: got error %q, want none (the divergence is the session's message)", err)
		}
		if f.s.Err() != "" {
			return
		}
	}
	t.Fatalf("100 steps at learning rate 10 did not diverge (epoch %d); the test needs a divergence", f.s.Epoch())
}

func TestHeldKeysRepeatOnlyWhereItMakesSense(t *testing.T) {
	f := newFixture(t, session.Classification)
	press := func(k Key, repeat bool) {
		t.Helper()
		if err := f.c.Handle(f.s, f.ui, Event{Kind: KeyPress, Key: k, Repeat: repeat}); err != nil {
			t.Fatal(err)
		}
	}
	running := f.s.Running()
	press(KeySpace, false)
	for range 5 {
		press(KeySpace, true)
	}
	if f.s.Running() == running {
		t.Errorf("space held down (one press, five repeats): running %v, want %v, toggled once", f.s.Running(), !running)
	}
	n := len(f.s.Points())
	press(KeyA, false)
	press(KeyA, true)
	if got := len(f.s.Points()); got != n+1 {
		t.Errorf("a held down added %d points, want 1", got-n)
	}
	press(KeyEscape, false)
	press(KeyRight, false) // the point just added, at the centre
	press(KeyRight, true)
	if f.ui.Selected != 0 {
		t.Errorf("ArrowRight held down (one press, one repeat) selected point %d, want 0, the next to the right", f.ui.Selected)
	}
	f.s.SetRunning(false)
	e := f.s.Epoch()
	press(KeyS, false)
	press(KeyS, true)
	if got := f.s.Epoch() - e; got != 2 {
		t.Errorf("s held down (one press, one repeat) stepped %d epochs, want 2", got)
	}
}

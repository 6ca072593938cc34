package interact

import (
	"slices"
	"testing"
	"time"

	"nnplay/session"
	"nnplay/view"
)

// TestGesturesAreUndoSteps: a drag, however many moves, and a held shift+arrow are one undo
// step each; a click adds one, a right-click deletes one; Ctrl+Z and Cmd+Z undo them in
// turn, Ctrl+Shift+Z and Ctrl+Y redo, and a key held repeats.
func TestGesturesAreUndoSteps(t *testing.T) {
	f := newFixture(t, session.Classification)
	var states [][]session.Point
	save := func() { states = append(states, slices.Clone(f.s.Points())) }
	save()
	f.run(t, []op{mDown(0, 1, 1), mMove(10, 2, 1), mMove(20, 3, 2), mMove(30, 4, 3), mUp(40, 4, 3)}) // a drag
	save()
	f.run(t, []op{mDown(100, -5, -5), mUp(110, -5, -5)}) // a click adds
	save()
	f.ui.Selected = 1
	held := key(KeyRight, Shift)
	again := held
	again.ev.Repeat = true
	f.run(t, []op{held, again, again, again}) // a held shift+arrow
	save()
	f.run(t, []op{mDown(200, 4, -4).with(Primary, Alt), mUp(210, 4, -4).with(Primary, Alt)}) // alt-click deletes
	save()
	if got := f.s.UndoLabel(); got != "delete point" {
		t.Errorf("undo label %q, want delete point", got)
	}
	for i := len(states) - 2; i >= 0; i-- {
		mods := Ctrl
		if i%2 == 0 {
			mods = Meta
		}
		f.run(t, []op{key(KeyZ, mods)})
		if got := f.s.Points(); !slices.Equal(got, states[i]) {
			t.Fatalf("undo to state %d: points %v, want %v", i, got, states[i])
		}
	}
	// The fixture's own setData is the first step; before it there is nothing.
	f.run(t, []op{key(KeyZ, Ctrl)})
	if err := f.c.Handle(f.s, f.ui, key(KeyZ, Ctrl).ev); err == nil {
		t.Errorf("Ctrl+Z with nothing to undo: no refusal")
	}
	redo := []op{key(KeyY, Ctrl), key(KeyZ, Ctrl|Shift), key(KeyY, Ctrl), key(KeyZ, Meta|Shift), key(KeyY, Ctrl)}
	for i, o := range redo {
		f.run(t, []op{o})
		if got := f.s.Points(); !slices.Equal(got, states[i]) {
			t.Fatalf("redo %d: points %v, want %v", i, got, states[i])
		}
	}
	// Cmd+Y is no shortcut (the Mac's redo is Cmd+Shift+Z); z alone is no shortcut either.
	f.run(t, []op{key(KeyY, Meta), key(KeyZ, 0)})
	if !f.s.CanUndo() || f.s.CanRedo() || !slices.Equal(f.s.Points(), states[4]) {
		t.Errorf("Cmd+Y or z changed something")
	}
}

// TestDropLabel: a dragged point is labelled while held and for DropLabelTime after it is
// dropped; a new press or a key ends the label at once.
func TestDropLabel(t *testing.T) {
	f := newFixture(t, session.Classification)
	labelled := func() int { return view.LabeledPoint(f.ui, len(f.s.Points())) }
	f.run(t, []op{mDown(0, 1, 1), mMove(10, 2, 1)})
	if got := labelled(); got != 0 {
		t.Fatalf("while dragging point 0 the label is on %d", got)
	}
	f.run(t, []op{mUp(20, 2, 1), tick(1000)})
	if got := labelled(); got != 0 {
		t.Errorf("a second after the drop the label is on %d, want 0", got)
	}
	f.run(t, []op{tick(20 + int(DropLabelTime/time.Millisecond))})
	if got := labelled(); got != -1 {
		t.Errorf("%v after the drop the label is still on %d", DropLabelTime, got)
	}
	f.run(t, []op{mDown(4000, -3, 2), mUp(4010, -3, 2), tick(4020)}) // a click on point 1: no drag
	if got := labelled(); got != -1 {
		t.Errorf("a click without a drag labels point %d", got)
	}
	f.run(t, []op{mDown(5000, -3, 2), mMove(5010, -4, 2), mUp(5020, -4, 2), key(KeyEscape, 0)})
	if got := labelled(); got != -1 {
		t.Errorf("a key left the label on %d", got)
	}
}

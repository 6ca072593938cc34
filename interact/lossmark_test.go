package interact

import (
	"testing"

	"nnplay/view"
)

// TestLossMarkHover: the mouse resting on a loss mark's line, or a finger tapping it, shows
// what changed there; moving off it shows nothing; the mark going (a reset clears the
// curves) drops the hover.
func TestLossMarkHover(t *testing.T) {
	f := newFixture(t, "classification")
	if _, err := f.s.Step(10); err != nil {
		t.Fatal(err)
	}
	f.s.Record()
	if err := configure(t, f.s, `{"learningRate": 0.3}`); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.Step(10); err != nil {
		t.Fatal(err)
	}
	f.s.Record()
	a := view.LossArea(f.ui.Layout.Loss)
	x, y := a.X+a.W/2, a.Y+a.H/2 // the change at epoch 10 of 20
	tip := func() string { return string(view.AppendShownTooltip(nil, f.s, f.ui)) }
	const want = "epoch 10: learning rate 0.03 → 0.3"
	f.run(t, []op{mMove(0, 0, 0).px(x+3, y)})
	if got := tip(); got != want {
		t.Errorf("mouse 3 px from the mark: tooltip %q, want %q", got, want)
	}
	f.run(t, []op{mMove(10, 0, 0).px(x+20, y)})
	if got := tip(); got != "" {
		t.Errorf("mouse 20 px from the mark: tooltip %q, want none", got)
	}
	f.run(t, []op{tDown(20, 0, 0).px(x-8, y), tUp(30, 0, 0).px(x-8, y)})
	if got := tip(); got != want {
		t.Errorf("a tap 8 px from the mark: tooltip %q, want %q", got, want)
	}
	f.s.Reset()
	f.c.Sync(f.s, f.ui)
	if got := tip(); got != "" {
		t.Errorf("after a reset cleared the curves: tooltip %q, want none", got)
	}
}

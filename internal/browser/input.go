//go:build !(js && wasm)

package browser

import (
	"fmt"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp/kb"
)

// Input goes to the page as a person makes it: each press, move and release is a separate
// DevTools event at top-level client coordinates (CSS px), with an animation frame between
// them so the canvas, which polls its input once per frame, sees every stage. (Frames waits
// for the top page's requestAnimationFrame; the canvas's frame callbacks run in the same
// rendering step, before the next event can arrive.)

// Pt is a point in top-level client coordinates (CSS px), as nnplay.toScreen returns.
type Pt struct {
	X float64 `json:"x"`
	Y float64 `json:"y"`
}

// Modifier bits of input events.
const (
	Alt   = int64(kb.ModifierAlt)
	Ctrl  = int64(kb.ModifierCtrl)
	Shift = int64(kb.ModifierShift)
)

// mouse sends one mouse event.
func (t *Tab) mouse(typ input.DispatchMouseEventType, p Pt, button input.MouseButton, buttons, mods int64) error {
	clicks := int64(0)
	if typ != input.DispatchMouseEventTypeMouseMoved {
		clicks = 1
	}
	return send(t, input.DispatchMouseEvent, input.DispatchMouseEventParams{
		Type: typ, X: p.X, Y: p.Y, Button: button, Buttons: buttons, ClickCount: clicks, Modifiers: mods,
	})
}

// MouseDrag moves the mouse to from, presses the left button, moves to to in steps
// (a frame apart) and releases it there.
func (t *Tab) MouseDrag(from, to Pt, steps int) error { return t.MouseHold(from, to, steps, nil) }

// MouseHold is MouseDrag that calls during (if not nil) at to, the button still down, before
// it releases the button; during's error is returned after the release.
func (t *Tab) MouseHold(from, to Pt, steps int, during func() error) error {
	if steps < 1 {
		steps = 1
	}
	seq := []func() error{
		func() error {
			return t.mouse(input.DispatchMouseEventTypeMouseMoved, from, input.MouseButtonNone, 0, 0)
		},
		func() error { return t.Frames(2) },
		func() error {
			return t.mouse(input.DispatchMouseEventTypeMousePressed, from, input.MouseButtonLeft, 1, 0)
		},
		func() error { return t.Frames(1) },
	}
	for i := 1; i <= steps; i++ {
		p := lerp(from, to, float64(i)/float64(steps))
		seq = append(seq,
			func() error { return t.mouse(input.DispatchMouseEventTypeMouseMoved, p, input.MouseButtonLeft, 1, 0) },
			func() error { return t.Frames(1) })
	}
	var derr error
	seq = append(seq,
		func() error { return t.Frames(1) },
		func() error {
			if during != nil {
				derr = during()
			}
			return nil
		},
		func() error {
			return t.mouse(input.DispatchMouseEventTypeMouseReleased, to, input.MouseButtonLeft, 0, 0)
		},
		func() error { return t.Frames(2) })
	if err := do("mouse drag", seq); err != nil {
		return err
	}
	return derr
}

// Hover moves the mouse, no button pressed, to p and lets two frames pass there, as a
// person resting the pointer on something.
func (t *Tab) Hover(p Pt) error {
	return do("hover", []func() error{
		func() error { return t.mouse(input.DispatchMouseEventTypeMouseMoved, p, input.MouseButtonNone, 0, 0) },
		func() error { return t.Frames(2) },
	})
}

// Click moves the mouse to p and clicks the button there, holding the modifiers' keys down
// around the click as a person does (so Alt-click sends Alt's key events too).
func (t *Tab) Click(p Pt, button input.MouseButton, mods int64) error {
	mask := map[input.MouseButton]int64{input.MouseButtonLeft: 1, input.MouseButtonRight: 2, input.MouseButtonMiddle: 4}[button]
	seq := []func() error{
		func() error { return t.mouse(input.DispatchMouseEventTypeMouseMoved, p, input.MouseButtonNone, 0, 0) },
		func() error { return t.Frames(2) },
	}
	seq = append(seq, t.modifierKeys(kb.KeyDown, mods)...)
	seq = append(seq,
		func() error { return t.mouse(input.DispatchMouseEventTypeMousePressed, p, button, mask, mods) },
		func() error { return t.Frames(1) },
		func() error { return t.mouse(input.DispatchMouseEventTypeMouseReleased, p, button, 0, mods) },
		func() error { return t.Frames(1) })
	seq = append(seq, t.modifierKeys(kb.KeyUp, mods)...)
	seq = append(seq, func() error { return t.Frames(1) })
	return do("click", seq)
}

// touch sends one touch event; end carries no points.
func (t *Tab) touch(typ input.DispatchTouchEventType, p Pt) error {
	pts := []*input.TouchPoint{}
	if typ != input.DispatchTouchEventTypeTouchEnd && typ != input.DispatchTouchEventTypeTouchCancel {
		one, id := 1.0, 0.0
		pts = append(pts, &input.TouchPoint{X: p.X, Y: p.Y, RadiusX: &one, RadiusY: &one, Force: &one, ID: &id})
	}
	return send(t, input.DispatchTouchEvent, input.DispatchTouchEventParams{Type: typ, TouchPoints: pts})
}

// TouchDrag puts a finger down at from, keeps it still for hold (0 for a plain drag; a
// long hold first is press-and-hold-then-drag), moves it to to in steps (a frame apart)
// and lifts it there.
func (t *Tab) TouchDrag(from, to Pt, steps int, hold time.Duration) error {
	if steps < 1 {
		steps = 1
	}
	seq := []func() error{
		func() error { return t.touch(input.DispatchTouchEventTypeTouchStart, from) },
		func() error { return t.Frames(1) },
		func() error { time.Sleep(hold); return nil },
	}
	for i := 1; i <= steps; i++ {
		p := lerp(from, to, float64(i)/float64(steps))
		seq = append(seq,
			func() error { return t.touch(input.DispatchTouchEventTypeTouchMove, p) },
			func() error { return t.Frames(1) })
	}
	seq = append(seq,
		func() error { return t.Frames(1) },
		func() error { return t.touch(input.DispatchTouchEventTypeTouchEnd, to) },
		func() error { return t.Frames(2) })
	return do("touch drag", seq)
}

// Tap touches p briefly.
func (t *Tab) Tap(p Pt) error {
	return do("tap", []func() error{
		func() error { return t.touch(input.DispatchTouchEventTypeTouchStart, p) },
		func() error { return t.Frames(1) },
		func() error { return t.touch(input.DispatchTouchEventTypeTouchEnd, p) },
		func() error { return t.Frames(2) },
	})
}

// TouchHold puts a finger down at p, keeps it still for hold, calls during (if not nil)
// while it is still down, and lifts it.
func (t *Tab) TouchHold(p Pt, hold time.Duration, during func() error) error {
	if err := t.touch(input.DispatchTouchEventTypeTouchStart, p); err != nil {
		return fmt.Errorf("touch hold: %w", err)
	}
	time.Sleep(hold)
	var derr error
	if during != nil {
		derr = during()
	}
	if err := t.touch(input.DispatchTouchEventTypeTouchEnd, p); err != nil {
		return fmt.Errorf("touch hold: %w", err)
	}
	if err := t.Frames(3); err != nil {
		return fmt.Errorf("touch hold: %w", err)
	}
	return derr
}

// Keys types each rune of keys (kb's names for special keys, such as kb.ArrowUp and
// kb.Delete) to whatever has focus, holding the modifiers' keys down around them.
func (t *Tab) Keys(keys string, mods int64) error {
	seq := t.modifierKeys(kb.KeyDown, mods)
	for _, r := range keys {
		// keyDown and its char go together, as a browser sends them; then the key is held
		// for a frame, released, and a frame passes.
		for _, ev := range kb.Encode(r) {
			ev.Modifiers |= mods
			if ev.Type == kb.KeyChar && mods&^Shift != 0 {
				continue // a char under Ctrl/Alt/Meta types nothing
			}
			if ev.Type == kb.KeyUp {
				seq = append(seq, func() error { return t.Frames(1) })
			}
			seq = append(seq, func() error { return t.key(*ev) })
		}
		seq = append(seq, func() error { return t.Frames(1) })
	}
	seq = append(seq, t.modifierKeys(kb.KeyUp, mods)...)
	return do("keys", seq)
}

// modifierKeys returns the steps that press (typ kb.KeyDown) or release (kb.KeyUp) the
// keys of the modifier bits.
func (t *Tab) modifierKeys(typ input.DispatchKeyEventType, mods int64) []func() error {
	var seq []func() error
	for _, m := range []struct {
		bit  int64
		name rune
	}{{Shift, []rune(kb.Shift)[0]}, {Alt, []rune(kb.Alt)[0]}} {
		if mods&m.bit == 0 {
			continue
		}
		for _, ev := range kb.Encode(m.name) {
			if ev.Type == typ {
				ev.Modifiers = mods
				if typ == kb.KeyUp {
					ev.Modifiers = mods &^ m.bit
				}
				seq = append(seq, func() error { return t.key(*ev) }, func() error { return t.Frames(1) })
			}
		}
	}
	return seq
}

// key sends one key event.
func (t *Tab) key(ev input.DispatchKeyEventParams) error {
	return send(t, input.DispatchKeyEvent, ev)
}

// do runs the steps in order, stopping at the first error.
func do(what string, steps []func() error) error {
	for _, s := range steps {
		if err := s(); err != nil {
			return fmt.Errorf("%s: %w", what, err)
		}
	}
	return nil
}

// lerp returns the point f of the way from a to b.
func lerp(a, b Pt, f float64) Pt {
	return Pt{a.X + (b.X-a.X)*f, a.Y + (b.Y-a.Y)*f}
}

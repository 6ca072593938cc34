package interact

import (
	"nnplay/session"
	"nnplay/view"
)

// key answers a key press on the focused canvas.
func (c *Controller) key(s *session.Session, ui *view.UI, e Event) error {
	ui.Dropped = false // a dropped point's label gives way to the keyboard
	if e.Repeat && !repeats(e.Key) {
		return nil // a held space must not flicker between play and pause
	}
	n := len(s.Points())
	sel := valid(ui.Selected, n)
	switch e.Key {
	case KeyLeft, KeyRight, KeyUp, KeyDown:
		if e.Mods&Shift != 0 {
			return c.nudge(s, ui, sel, e)
		}
		ui.Selected = nearestInDirection(s.View(), s.Points(), sel, e.Key)
		return nil
	}
	if e.Mods&(Ctrl|Meta) != 0 {
		return c.command(s, ui, e) // undo and redo; other shortcuts are the browser's
	}
	switch e.Key {
	case KeyDelete:
		if sel >= 0 {
			return c.deletePoint(s, ui, sel)
		}
	case Key1, Key2:
		label := 0.0
		if e.Key == Key2 {
			label = 1
		}
		ui.Brush = label
		if sel >= 0 {
			return s.SetLabel(sel, label)
		}
	case KeySpace:
		s.SetRunning(!s.Running())
	case KeyS:
		// A divergence shows as the session's message (Err), like nnplay.step's: it is no
		// refused gesture, so it is not returned to be shown a second time.
		if _, err := s.Step(1); err != nil && s.Err() == "" {
			return err
		}
	case KeyR:
		s.Reset()
	case KeyA:
		x, y := ui.Layout.ToScreen(0, 0)
		if c.hovering && ui.Layout.Plot.Contains(ui.PointerX, ui.PointerY) {
			x, y = ui.PointerX, ui.PointerY
		}
		return c.addPoint(s, ui, x, y)
	case KeyEscape:
		ui.Menu = -1
		ui.Selected = -1
	case KeyHelp:
		ui.Help++
	case KeyP:
		ui.Param = view.NextParam(s.Network().Layers(), view.SelectedParam(ui, s), e.Mods&Shift == 0)
		ui.ParamChosen = true
	}
	return nil
}

// PageKey reports whether e, a key pressed on the page outside the canvas (and outside its
// text fields), is one of the shortcuts the page shares with the canvas: Ctrl or Cmd with Z
// (undo; with Shift, redo) or Ctrl+Y (redo), also on a button; space (play or pause), s
// (step) and r (reset) without modifiers, but not on a button, whose keys they are; ? (help),
// also on a button.
func PageKey(e Event, onButton bool) bool {
	switch {
	case e.Kind != KeyPress || e.Mods&Alt != 0:
		return false
	case e.Mods&(Ctrl|Meta) != 0:
		return e.Key == KeyZ || e.Key == KeyY && e.Mods&Ctrl != 0
	case e.Key == KeyHelp:
		return true
	case onButton:
		return false
	}
	return e.Key == KeySpace || e.Key == KeyS || e.Key == KeyR
}

// repeats reports whether holding key k down repeats its action: the arrows (select, move)
// and s (step) do; toggles and one-off actions act once per press.
func repeats(k Key) bool {
	switch k {
	case KeyLeft, KeyRight, KeyUp, KeyDown, KeyS, KeyZ, KeyY, KeyP:
		return true
	}
	return false
}

// nudge moves the selected point one step in the arrow's direction, clamped inside the plane.
func (c *Controller) nudge(s *session.Session, ui *view.UI, sel int, e Event) error {
	if sel < 0 {
		return nil
	}
	step := c.KeyStep
	if e.Mods&(Ctrl|Alt|Meta) != 0 {
		step = c.KeyBigStep
	}
	p := s.Points()[sel]
	x, y := p.X, p.Y
	switch e.Key {
	case KeyLeft:
		x -= step
	case KeyRight:
		x += step
	case KeyUp:
		y += step
	case KeyDown:
		y -= step
	}
	if !e.Repeat {
		c.keyGroup = s.NewGroup() // a held key's repeats are one undo step
	}
	s.Group(c.keyGroup)
	defer s.Group(0)
	return s.MovePoint(sel, session.Clamp(x), session.Clamp(y))
}

// command answers Ctrl or Cmd with a key: Z undoes, Shift+Z and Ctrl+Y redo. Other
// combinations are left to the browser and the system.
func (c *Controller) command(s *session.Session, ui *view.UI, e Event) error {
	var err error
	switch {
	case e.Key == KeyZ && e.Mods&Shift == 0:
		err = s.Undo()
	case e.Key == KeyZ || e.Key == KeyY && e.Mods&Ctrl != 0:
		err = s.Redo()
	default:
		return nil
	}
	c.Sync(s, ui)
	return err
}

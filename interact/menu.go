package interact

import (
	"nnplay/session"
	"nnplay/view"
)

// answerMenu answers a press while the menu on point m is open: a primary press on an item
// does what it says (Delete deletes; the relabel item gives a class point the other class
// and a regression point the brush's value); any press closes the menu.
func (c *Controller) answerMenu(s *session.Session, ui *view.UI, m int, e Event) error {
	ui.Menu = -1
	if e.Button != Primary {
		return nil
	}
	item, ok := view.MenuHit(ui.Layout, s.Points(), m, e.X, e.Y)
	switch {
	case !ok:
		return nil
	case item == view.MenuDelete:
		return c.deletePoint(s, ui, m)
	}
	return relabel(s, ui, m)
}

// relabel gives point i the other class (classification) or the brush's value (regression).
func relabel(s *session.Session, ui *view.UI, i int) error {
	label := ui.Brush
	if !view.Regression(s) {
		label = 1 - s.Points()[i].Label
	}
	return s.SetLabel(i, label)
}

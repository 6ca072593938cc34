package interact

import (
	"math"
	"time"

	"nnplay/session"
	"nnplay/view"
)

// Defaults of a Controller's tunables.
const (
	DefaultLongPress  = 500 * time.Millisecond // a touch held this long without moving offers delete
	DefaultTouchSlop  = 10                     // CSS px a finger may wander and still tap or long-press
	DefaultMouseSlop  = 4                      // CSS px a mouse may wander and still click
	DefaultKeyStep    = 0.1                    // plane units a shift+arrow moves the selection
	DefaultKeyBigStep = 1.0                    // plane units with shift and ctrl, alt or meta
	DropLabelTime     = 3 * time.Second        // a dropped point's label shows this long
)

// phase is where a pointer gesture stands.
type phase uint8

const (
	idle       phase = iota // no pointer is down
	pressPoint              // down on a point, not yet moved past the slop (touch)
	dragging                // moving a point
	pressEmpty              // down on empty plot: a release without moving adds a point
	consumed                // the press did its work (or nothing): wait for the release
)

// gesture is the one pointer being followed while it is down.
type gesture struct {
	phase    phase
	pointer  int
	touch    bool
	x0, y0   float64       // where it went down, CSS px
	dx, dy   float64       // from the pointer to the pressed point's centre, CSS px
	t0       time.Duration // when it went down
	point    int           // the point pressed, -1 for none
	longDone bool          // the long press already opened the delete offer
	group    uint64        // the undo group of a drag's moves
}

// Controller follows the gestures of one canvas. The zero value is not ready; use New.
// One pointer at a time drives a gesture: other fingers are ignored until it is released.
type Controller struct {
	LongPress  time.Duration // hold time of a touch long press
	TouchSlop  float64       // CSS px a finger may move before a press becomes a drag
	MouseSlop  float64       // CSS px a mouse may move before a click on empty plot is no click
	KeyStep    float64       // plane units moved by shift+arrow
	KeyBigStep float64       // plane units moved by shift+arrow with ctrl, alt or meta

	g        gesture
	hovering bool          // a mouse is over the canvas at (ui.PointerX, ui.PointerY)
	dropped  time.Duration // when the last drag ended (ui.Dropped)
	keyGroup uint64        // the undo group of a held key's repeated moves
}

// New returns a Controller with the default tunables.
func New() *Controller {
	return &Controller{
		LongPress:  DefaultLongPress,
		TouchSlop:  DefaultTouchSlop,
		MouseSlop:  DefaultMouseSlop,
		KeyStep:    DefaultKeyStep,
		KeyBigStep: DefaultKeyBigStep,
		g:          gesture{point: -1},
	}
}

// Busy reports whether a pointer is down and being followed.
func (c *Controller) Busy() bool { return c.g.phase != idle }

// Handle applies one event to the session and the UI state. The error, if any, is a session
// refusal worth showing (for instance the 2,001st point, or a step with no training points);
// the event has then changed nothing in the session.
func (c *Controller) Handle(s *session.Session, ui *view.UI, e Event) error {
	switch e.Kind {
	case PointerDown:
		return c.down(s, ui, e)
	case PointerMove:
		return c.move(s, ui, e)
	case PointerUp:
		return c.up(s, ui, e)
	case PointerCancel:
		if c.g.phase != idle && e.Pointer == c.g.pointer {
			c.g = gesture{point: -1}
			ui.Dragging = -1
		}
	case PointerLeave:
		if !e.Touch && c.g.phase == idle {
			c.hovering = false
			ui.Hover = view.Hover{}
		}
	case KeyPress:
		return c.key(s, ui, e)
	case Focus:
		ui.Focused = true
	case Blur:
		ui.Focused = false
	}
	return nil
}

// Tick does the work that time alone triggers, once per frame: it opens the delete offer of
// a finger held still on a point for LongPress, drops indices that no longer name a point
// (the data may have been replaced between frames) and refreshes the hover under a resting
// mouse, whose target may have changed under it.
func (c *Controller) Tick(s *session.Session, ui *view.UI, now time.Duration) {
	c.Sync(s, ui)
	if ui.Dropped && now-c.dropped >= DropLabelTime {
		ui.Dropped = false
	}
	if c.g.phase == pressPoint && c.g.touch && !c.g.longDone && now-c.g.t0 >= c.LongPress {
		c.g.longDone = true
		ui.Menu = c.g.point
		ui.Selected = c.g.point
	}
	if c.hovering && c.g.phase == idle {
		c.hover(s, ui)
	}
}

// down starts a gesture.
func (c *Controller) down(s *session.Session, ui *view.UI, e Event) error {
	if c.g.phase != idle {
		return nil // another finger is already at work
	}
	ui.PointerX, ui.PointerY = e.X, e.Y
	c.hovering = !e.Touch
	ui.Dropped = false
	if e.Touch {
		ui.Hover = view.Hover{} // a tapped node's or edge's tooltip lasts until the next touch
	}
	c.g = gesture{phase: consumed, pointer: e.Pointer, touch: e.Touch, x0: e.X, y0: e.Y, t0: e.Time, point: -1,
		group: s.NewGroup()}
	pts := s.Points()
	if m := ui.Menu; m >= 0 {
		return c.answerMenu(s, ui, m, e) // this press answers the open menu, wherever it lands
	}
	hit := hitPoint(ui, s.View(), pts, e.X, e.Y, e.Touch)
	if hit >= 0 && e.Button == Secondary {
		ui.Menu, ui.Selected = hit, hit
		return nil
	}
	if e.Button == Primary && e.Mods&Alt != 0 {
		if hit >= 0 {
			return c.deletePoint(s, ui, hit)
		}
		return nil
	}
	if e.Button != Primary {
		return nil
	}
	switch {
	case hit >= 0:
		ui.Selected = hit
		c.g.point = hit
		// The point keeps its place relative to the pointer: no jump when the press was
		// off its centre.
		px, py := ui.Layout.ToScreen(pts[hit].X, pts[hit].Y)
		c.g.dx, c.g.dy = px-e.X, py-e.Y
		c.g.phase = pressPoint
		if !e.Touch {
			// A mouse drags at once: no long press to wait for.
			c.g.phase = dragging
			ui.Dragging = hit
			ui.Hover = view.Hover{Kind: view.HoverPoint, Index: hit}
		}
	case ui.Layout.Plot.Contains(e.X, e.Y):
		c.g.phase = pressEmpty
	}
	return nil
}

// move follows the gesture's pointer, or hovers with a mouse.
func (c *Controller) move(s *session.Session, ui *view.UI, e Event) error {
	if c.g.phase == idle {
		if !e.Touch {
			ui.PointerX, ui.PointerY = e.X, e.Y
			c.hovering = true
			c.hover(s, ui)
		}
		return nil
	}
	if e.Pointer != c.g.pointer {
		return nil
	}
	ui.PointerX, ui.PointerY = e.X, e.Y
	switch c.g.phase {
	case pressPoint:
		if !c.beyondSlop(e) {
			return nil
		}
		// Moving after a press (or after a long press) drags; the offer closes.
		c.g.phase = dragging
		ui.Dragging = c.g.point
		if ui.Menu == c.g.point {
			ui.Menu = -1
		}
		return c.dragTo(s, ui, c.g, e.X, e.Y)
	case dragging:
		return c.dragTo(s, ui, c.g, e.X, e.Y)
	case pressEmpty:
		if c.beyondSlop(e) {
			c.g.phase = consumed
		}
	}
	return nil
}

// up ends the gesture: a drag lands where the pointer lets go; a press on empty plot that
// did not move adds a point there; a click or tap on the network picks what it lands on
// (see pick).
func (c *Controller) up(s *session.Session, ui *view.UI, e Event) error {
	if c.g.phase == idle || e.Pointer != c.g.pointer {
		return nil
	}
	g := c.g
	c.g = gesture{point: -1}
	ui.Dragging = -1
	switch g.phase {
	case dragging:
		if c.beyondSlopOf(g, e) { // moved, not clicked: its label stays a while
			ui.Selected, ui.Dropped, c.dropped = g.point, true, e.Time
		}
		return c.dragTo(s, ui, g, e.X, e.Y)
	case pressEmpty:
		if c.beyondSlopOf(g, e) || !ui.Layout.Plot.Contains(e.X, e.Y) {
			return nil
		}
		return c.addPoint(s, ui, e.X, e.Y)
	case consumed:
		if !c.beyondSlopOf(g, e) {
			c.pick(s, ui, e)
		}
	}
	return nil
}

// pick answers a click or tap on the network: an edge selects its weight for the maths, a
// bias mark its bias, a node's picture pins it (again, unpins it). A tap also shows what it
// landed on, as hover does for a mouse, until the next touch (a loss mark: what changed).
func (c *Controller) pick(s *session.Session, ui *view.UI, e Event) {
	h := hitPanels(ui, s, e.X, e.Y, e.Touch)
	if e.Touch {
		ui.PointerX, ui.PointerY = e.X, e.Y
		ui.Hover = h
	}
	if p, ok := view.HoverParam(h); ok {
		ui.Param, ui.ParamChosen = p, true
	} else if h.Kind == view.HoverNode {
		ui.TogglePin(h.Layer, h.Node)
	}
}

// beyondSlop reports whether e has moved farther from the press than its slop.
func (c *Controller) beyondSlop(e Event) bool { return c.beyondSlopOf(c.g, e) }

func (c *Controller) beyondSlopOf(g gesture, e Event) bool {
	slop := c.MouseSlop
	if g.touch {
		slop = c.TouchSlop
	}
	return math.Hypot(e.X-g.x0, e.Y-g.y0) > slop
}

// dragTo moves the point g drags to follow the pointer at (sx, sy), clamped inside the
// plane; all the moves of one drag are one undo step.
func (c *Controller) dragTo(s *session.Session, ui *view.UI, g gesture, sx, sy float64) error {
	if g.point < 0 || g.point >= len(s.Points()) {
		return nil
	}
	x, y := ui.Layout.ToPlane(sx+g.dx, sy+g.dy)
	s.Group(g.group)
	defer s.Group(0)
	return s.MovePoint(g.point, session.Clamp(x), session.Clamp(y))
}

// addPoint adds a training point of the brush class at (sx, sy) and selects it.
func (c *Controller) addPoint(s *session.Session, ui *view.UI, sx, sy float64) error {
	x, y := ui.Layout.ToPlane(sx, sy)
	i, err := s.AddPoint(session.Clamp(x), session.Clamp(y), brushLabel(s, ui))
	if err != nil {
		return err
	}
	ui.Selected = i
	return nil
}

// brushLabel is the label of a new point: the brush value for regression, else the class
// (0 or 1) nearest to it.
func brushLabel(s *session.Session, ui *view.UI) float64 {
	if view.Regression(s) {
		return ui.Brush
	}
	if ui.Brush >= 0.5 {
		return 1
	}
	return 0
}

// deletePoint deletes point i and keeps every index of the UI and the gesture naming the
// same points as before.
func (c *Controller) deletePoint(s *session.Session, ui *view.UI, i int) error {
	if err := s.DeletePoint(i); err != nil {
		return err
	}
	ui.Selected = shift(ui.Selected, i)
	ui.Dragging = shift(ui.Dragging, i)
	ui.Menu = shift(ui.Menu, i)
	if ui.Hover.Kind == view.HoverPoint {
		if ui.Hover.Index = shift(ui.Hover.Index, i); ui.Hover.Index < 0 {
			ui.Hover = view.Hover{}
		}
	}
	if c.g.point = shift(c.g.point, i); c.g.point < 0 && (c.g.phase == pressPoint || c.g.phase == dragging) {
		c.g.phase = consumed
	}
	return nil
}

// hover sets ui.Hover to what lies under the resting mouse.
func (c *Controller) hover(s *session.Session, ui *view.UI) {
	x, y := ui.PointerX, ui.PointerY
	if i := hitPoint(ui, s.View(), s.Points(), x, y, false); i >= 0 {
		ui.Hover = view.Hover{Kind: view.HoverPoint, Index: i}
		return
	}
	ui.Hover = hitPanels(ui, s, x, y, false)
}

// shift returns index idx after point i was deleted: -1 if it was i, one less if it came
// after.
func shift(idx, i int) int {
	switch {
	case idx == i:
		return -1
	case idx > i:
		return idx - 1
	}
	return idx
}

// valid returns idx if it names one of n points, else -1.
func valid(idx, n int) int {
	if idx < 0 || idx >= n {
		return -1
	}
	return idx
}

// Sync drops the indices of the UI and the gesture that no longer name a shown point, after
// a call replaced or shrank the data or hid the test points between frames (Tick does the
// same once per frame).
func (c *Controller) Sync(s *session.Session, ui *view.UI) {
	pts, v := s.Points(), s.View()
	n := len(pts)
	shown := func(i int) int {
		if i = valid(i, n); i >= 0 && !v.Shows(pts[i]) {
			return -1
		}
		return i
	}
	ui.Selected = shown(ui.Selected)
	ui.Dragging = shown(ui.Dragging)
	ui.Menu = shown(ui.Menu)
	if ui.Hover.Kind == view.HoverPoint && shown(ui.Hover.Index) < 0 ||
		ui.Hover.Kind == view.HoverLossMark && ui.Hover.Index >= s.History().Marks() {
		ui.Hover = view.Hover{}
	}
	if c.g.point >= n || c.g.point >= 0 && !v.Shows(pts[c.g.point]) {
		c.g.point = -1
		if c.g.phase == pressPoint || c.g.phase == dragging {
			c.g.phase = consumed
			ui.Dragging = -1
		}
	}
}

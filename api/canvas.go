package api

import (
	"errors"
	"runtime"
	"time"

	"nnplay/interact"
	"nnplay/session"
	"nnplay/view"
)

// HeapEvery is how often Frame samples the Go heap for the frame statistics (ReadMemStats
// stops the world, so not every frame).
const HeapEvery = 2 * time.Second

// GestureBudget bounds a frame's training while a pointer is down, so that a dragged point
// follows the finger at the frame rate drawing alone allows.
const GestureBudget = 12 * time.Millisecond

// Canvas is the playground as its canvas shows it, on plain values: the scripting API over
// the session (API), the interaction state (UI), the training pacer, the frame meter and the
// pictures a frame prepares. The browser layer calls Frame once per drawn frame with the
// input since the last one, draws Pics, and reports its drawing time to Meter.Draw; tests
// call the same Frame. Everything runs on one thread: frames and API calls take turns.
type Canvas struct {
	API   Playground     // the scripting API; API.UI is &UI
	UI    view.UI        // what the pictures show besides the session
	Pics  *view.Pictures // prepared by Frame, drawn by the browser layer
	Meter FrameMeter

	pacer  session.Pacer
	heapAt time.Duration // when the heap was last sampled, 0 before
	mem    runtime.MemStats
	rev    uint64 // counts changes of what the page's controls show besides the session's Version
	seen   seenUI
	panel  bool // the maths panel can be seen: the frames keep its numbers current
}

// seenUI is what the page last saw of the state outside the session's Version.
type seenUI struct {
	brush                float64
	err                  string
	notices              int
	undoLabel, redoLabel string        // what undo and redo would do, "" for nothing
	follow               int           // the point the maths follow
	param                session.Param // the parameter the maths explain
	pin                  view.Hover    // the pinned node
	help                 int           // the requests for the help
	selected             int           // the selected point
	lit                  view.Hover    // the highlighted node, edge or bias mark (view.Highlighted)
}

// NewCanvas returns the canvas of session s with nothing selected and the brush on class 1.
func NewCanvas(s *session.Session) *Canvas {
	c := &Canvas{
		UI:   view.UI{Selected: -1, Dragging: -1, Menu: -1, Brush: 1, Scale: 1},
		Pics: view.NewPictures(),
	}
	c.API = Playground{S: s, UI: &c.UI, Ctl: interact.New()}
	return c
}

// Input is what one frame takes in: the canvas's size in CSS px, its device pixels per CSS
// px, and the input events since the last frame, oldest first.
type Input struct {
	Width, Height, Scale float64
	Events               []interact.Event
}

// Frame does one frame's work at the times clock tells (monotonic): it lays out a resized
// canvas, hands each event to the controller (a refused gesture becomes the API's notice),
// lets time act (Tick), trains this frame's share with the pacer (session.Advance; within
// GestureBudget while a pointer is down), records the losses once, prepares the pictures,
// recomputes the maths panel's numbers while it is open (SetPanel; when they changed, at
// most every MathEvery) and meters it all. After the first frames of a network's shape it
// allocates nothing.
func (c *Canvas) Frame(in Input, clock func() time.Duration) {
	t0 := clock()
	c.Meter.Begin(t0)
	s, ui, ctl := c.API.S, &c.UI, c.API.Ctl
	ui.Scale = in.Scale
	if ui.Layout.Width != in.Width || ui.Layout.Height != in.Height {
		ui.Layout = view.NewLayout(in.Width, in.Height)
	}
	for i := range in.Events {
		if err := ctl.Handle(s, ui, in.Events[i]); err != nil {
			c.API.Notify(err)
		}
	}
	ctl.Tick(s, ui, t0)

	tTrain := clock()
	limit := time.Duration(0)
	if ctl.Busy() {
		limit = GestureBudget
	}
	// Advance's other error, a divergence, pauses and is the session's Err, which state()
	// shows as error (the page's banner); it is not a refused gesture, so no notice too.
	epochs, err := s.Advance(&c.pacer, limit, clock)
	if errors.Is(err, session.ErrNoTrainingPoints) {
		c.API.Notify(err)
	}
	train := clock() - tTrain

	m := s.Record()
	tPics := clock()
	c.Pics.Clock = clock
	c.Pics.Update(s, ui, m)
	tMath := clock()
	if c.panel {
		c.API.frameMath(t0)
	}
	end := clock()
	c.Meter.Update(end-t0-train, train, end-tPics, epochs)
	c.meterParts(t0, tTrain, tTrain+train, tPics, tMath, end)
	if end-c.heapAt >= HeapEvery || c.heapAt == 0 {
		c.heapAt = end
		runtime.ReadMemStats(&c.mem)
		c.Meter.SetHeap(c.mem.HeapAlloc)
	}
	c.NoteUI()
}

// meterParts gives the meter the parts of this frame's update from the times Frame read: the
// input from t0 to tTrain, Record from the end of training to tPics, the pictures to tMath
// (split as Pics timed them: the field, the nodes', the others) and the maths to end.
func (c *Canvas) meterParts(t0, tTrain, trained, tPics, tMath, end time.Duration) {
	m, p := &c.Meter, c.Pics
	field, nodes := tPics+p.FieldTime, tPics+p.FieldTime+p.NodesTime
	m.Part(PartInput, t0, tTrain)
	m.Part(PartRecord, trained, tPics)
	m.Part(PartField, tPics, field)
	m.Part(PartNodes, field, nodes)
	m.Part(PartPictures, nodes, tMath)
	m.Part(PartMaths, tMath, end)
}

// NoteUI counts a change of what the page's controls show outside the session's Version
// (the brush, the error, a notice, what undo and redo would do, the point and the
// parameter the maths follow, the pinned node, a request for help, the selected point, the
// highlighted node, edge or bias mark whose numbers the maths panel marks);
// Frame calls it, and so should every API call between frames.
func (c *Canvas) NoteUI() {
	ui, s := &c.UI, c.API.S
	now := seenUI{ui.Brush, s.Err(), c.API.Notes, s.UndoLabel(), s.RedoLabel(),
		view.MathPoint(ui, s), view.SelectedParam(ui, s), ui.Pin, ui.Help, ui.Selected, view.Highlighted(ui)}
	if now != c.seen {
		c.seen = now
		c.rev++
	}
}

// SetPanel tells the frames whether the maths panel can be seen (open, on screen, the page
// visible): while it can, they keep its numbers current for Playground.PanelMath.
func (c *Canvas) SetPanel(open bool) { c.panel = open }

// Revision returns the count NoteUI keeps: the page refreshes its controls when it changes.
func (c *Canvas) Revision() uint64 { return c.rev }

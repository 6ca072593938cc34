package interact

import (
	"testing"
	"time"

	"nnplay/session"
	"nnplay/view"
)

// frame is one simulated frame of the browser layer's own per-frame work, in the order
// wasm's Game.Update does it: the input of the frame (a drag moving a point) through the
// controller, Tick, training for a few epochs, Record, and the view computations of the
// painter's update (field and contour, point order, network geometry, loss curves).
type frame struct {
	s       *session.Session
	ui      *view.UI
	c       *Controller
	pacer   session.Pacer
	field   *view.Field
	contour []view.Segment
	order   []int
	net     view.NetGeom
	loss    *view.LossGeom
	now     time.Duration
	x       float64
}

func newFrame(t testing.TB) *frame {
	t.Helper()
	f := newFixture(t, session.Classification)
	pts, err := session.Generate("circle", 500, 0.1, 7, 0.5)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.s.SetData(pts); err != nil {
		t.Fatal(err)
	}
	f.s.SetRunning(true)
	fr := &frame{
		s: f.s, ui: f.ui, c: f.c,
		field:   view.NewField(view.BrowserFieldSide, view.BrowserFieldSide),
		contour: make([]view.Segment, 0, 4*view.BrowserFieldSide),
		order:   make([]int, 0, session.MaxPoints),
		loss:    view.NewLossGeom(),
	}
	// Start a mouse drag of point 0, so that every frame moves it.
	sx, sy := f.ui.Layout.ToScreen(pts[0].X, pts[0].Y)
	if err := fr.c.Handle(fr.s, fr.ui, Event{Kind: PointerDown, X: sx, Y: sy, Pointer: 1}); err != nil {
		t.Fatal(err)
	}
	if fr.ui.Dragging != 0 {
		t.Fatalf("the drag did not start: Dragging %d", fr.ui.Dragging)
	}
	fr.run() // the first frame sizes every buffer
	return fr
}

func (fr *frame) run() {
	fr.now += 16 * time.Millisecond
	fr.x += 0.01
	if fr.x > 5 {
		fr.x = -5
	}
	sx, sy := fr.ui.Layout.ToScreen(fr.x, 1)
	_ = fr.c.Handle(fr.s, fr.ui, Event{Kind: PointerMove, Time: fr.now, X: sx, Y: sy, Pointer: 1})
	_ = fr.c.Handle(fr.s, fr.ui, Event{Kind: KeyPress, Time: fr.now, Key: KeyRight})
	fr.c.Tick(fr.s, fr.ui, fr.now)
	epochs, _ := fr.pacer.Plan(fr.now, 500)
	_, _ = fr.s.TrainFor(time.Hour, min(epochs, 3), func() time.Duration { return 0 })
	m := fr.s.Record()
	fr.field.Refresh(fr.s, false)
	fr.contour = fr.field.Contour(fr.contour[:0], fr.field.Level())
	fr.order = view.PointOrder(fr.order[:0], fr.s.Points(), fr.ui.Selected, fr.ui.Dragging, fr.ui.HideTest)
	fr.net.Update(fr.ui.Layout, fr.s, view.Followed(fr.ui, len(fr.s.Points())))
	fr.loss.Update(fr.ui.Layout.Loss, fr.s.History(), m, fr.ui.LogLoss)
}

func TestFrameAllocatesNothing(t *testing.T) {
	fr := newFrame(t)
	before := fr.s.Epoch()
	if allocs := testing.AllocsPerRun(50, fr.run); allocs != 0 {
		t.Errorf("one frame of per-frame work allocates %v times, want 0", allocs)
	}
	if fr.s.Epoch() == before {
		t.Error("the simulated frames trained nothing")
	}
	if p := fr.s.Points()[0]; p.Y != 1 {
		t.Errorf("the drag did not move point 0 (at %v, %v)", p.X, p.Y)
	}
}

func BenchmarkFrame(b *testing.B) {
	fr := newFrame(b)
	b.ReportAllocs()
	for b.Loop() {
		fr.run()
	}
}

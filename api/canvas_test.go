package api

import (
	"math"
	"testing"
	"time"

	"nnplay/interact"
	"nnplay/session"
	"nnplay/view"
)

// dragRun is a canvas at 500 points, playing, with the mouse dragging point 0 across the
// plane frame after frame: the browser's frames, with the real frame function.
type dragRun struct {
	c     *Canvas
	now   time.Duration // the frame's start on the fake clock
	x     float64       // where the drag moves point 0 next, plane units
	ev    [2]interact.Event
	clock func() time.Duration
}

// frameW and frameH are the canvas's size in the tests, CSS px.
const frameW, frameH = 1000, 640

// newDragRun starts the run with the given settings (JSON) and draws its first frame,
// which sizes every buffer. The fake clock moves 16 ms from frame to frame and 0.1 ms each
// time it is read within a frame, so training's budget runs out as it would.
func newDragRun(t testing.TB, settings string) *dragRun {
	t.Helper()
	s, err := session.New(session.ClassicSettings())
	if err != nil {
		t.Fatal(err)
	}
	r := &dragRun{c: NewCanvas(s)}
	if err := r.c.API.Configure([]byte(settings)); err != nil {
		t.Fatal(err)
	}
	r.c.API.Play()
	var ticks time.Duration
	r.clock = func() time.Duration { ticks += 100 * time.Microsecond; return r.now + ticks }
	r.frame(nil) // lays the canvas out
	pt := s.Points()[0]
	sx, sy := r.c.UI.Layout.ToScreen(pt.X, pt.Y)
	r.frame([]interact.Event{{Kind: interact.PointerDown, X: sx, Y: sy, Pointer: 1}})
	if r.c.UI.Dragging != 0 {
		t.Fatalf("the drag did not start: Dragging %d", r.c.UI.Dragging)
	}
	r.step()
	return r
}

// frame draws one frame of the given events at the next frame time.
func (r *dragRun) frame(events []interact.Event) {
	r.now += 16 * time.Millisecond
	r.c.Frame(Input{Width: frameW, Height: frameH, Scale: 1, Events: events}, r.clock)
	r.c.Meter.Draw(time.Millisecond)
}

// step draws a frame that moves the dragged point on and presses an arrow key.
func (r *dragRun) step() {
	if r.x += 0.01; r.x > 5 {
		r.x = -5
	}
	sx, sy := r.c.UI.Layout.ToScreen(r.x, 1)
	r.ev[0] = interact.Event{Kind: interact.PointerMove, Time: r.now, X: sx, Y: sy, Pointer: 1}
	r.ev[1] = interact.Event{Kind: interact.KeyPress, Time: r.now, Key: interact.KeyRight}
	r.frame(r.ev[:])
}

// TestFrame: a frame moves the dragged point to the pointer, trains, and prepares every
// picture from the weights it trained — the field, the nodes' pictures, the network, the
// loss curves — and the meter counts it.
func TestFrame(t *testing.T) {
	r := newDragRun(t, `{"numPoints": 500}`)
	c, s := r.c, r.c.API.S
	for range 3 {
		epoch, fieldRev, nodesRev := s.Epoch(), c.Pics.Field.Shown.Rev, c.Pics.NodesRev
		r.step()
		if s.Epoch() <= epoch {
			t.Errorf("a frame trained nothing: epoch %d → %d", epoch, s.Epoch())
		}
		if c.Pics.Field.Shown.Rev == fieldRev || c.Pics.NodesRev == nodesRev {
			t.Errorf("the field (rev %d → %d) or the nodes' pictures (%d → %d) did not follow the training",
				fieldRev, c.Pics.Field.Shown.Rev, nodesRev, c.Pics.NodesRev)
		}
		if p := s.Points()[0]; p.Y != 1 || p.X < r.x-0.02 || p.X > r.x+0.02 {
			t.Errorf("point 0 at (%v, %v), want the pointer at (%v, 1)", p.X, p.Y, r.x)
		}
		if got, want := c.Pics.Field.Shown.Field.Values[0], s.Predict(-6+0.06, 6-0.06); got != want {
			t.Errorf("the field's top-left cell shows %v, the network now %v", got, want)
		}
	}
	if n := len(c.Pics.Order); n != 500 || c.Pics.Order[n-1] != 0 {
		t.Errorf("point order: %d points, %v last; want 500 with the dragged point 0 last", n, c.Pics.Order[n-1])
	}
	if got := c.Meter.Stats(); got.Frames != 6 || got.EpochsPerFrame == 0 || got.TrainMs > GestureBudget.Seconds()*1000 {
		t.Errorf("meter: %d frames, %d epochs in the last, training %v ms; want 6, some, ≤ %v while dragging",
			got.Frames, got.EpochsPerFrame, got.TrainMs, GestureBudget)
	}
	// The parts of the last frame's update, each read off the fake clock (0.1 ms a reading),
	// add up to its update time, training excluded; the field and the nodes' pictures were
	// timed by Pics.
	last := c.Meter.Log(5, 0)
	parts, sum := last.Parts[0], 0.0
	for p := range PartPrepare {
		sum += parts[p]
	}
	if u := c.Meter.Stats().UpdateMs; math.Abs(sum-u) > 1e-9 || parts[PartField] <= 0 || parts[PartNodes] <= 0 {
		t.Errorf("the update's parts %v add up to %v ms, the update took %v ms; want equal, the field and nodes timed", parts, sum, u)
	}
}

// TestFrameAllocatesNothing: a whole frame — input, training, pictures with the nodes',
// the maths panel's numbers (open, recomputed every MathEvery), meter — allocates nothing
// at 500 points.
func TestFrameAllocatesNothing(t *testing.T) {
	for _, grads := range []bool{false, true} {
		r := newDragRun(t, `{"numPoints": 500}`)
		// In the gradients view the frames compute the mean gradients every view.GradEvery
		// frames; with a pinned node, a selected bias and a lit edge the pictures mark them.
		if err := r.c.API.SetGradients(grads); err != nil {
			t.Fatal(err)
		}
		r.c.UI.TogglePin(1, 2)
		r.c.UI.Param, r.c.UI.ParamChosen = session.Param{Bias: true, L: 0, J: 1}, true
		r.c.UI.Lit = view.Hover{Kind: view.HoverEdge, Layer: 1, From: 2} // the maths panel lights an edge
		r.c.SetPanel(true)
		r.step()
		before, maths := r.c.API.S.Epoch(), r.c.API.MathCount()
		if allocs := testing.AllocsPerRun(50, r.step); allocs != 0 {
			t.Errorf("gradients view %v: a frame allocates %v times, want 0", grads, allocs)
		}
		if got := r.c.API.MathCount() - maths; got < 2 {
			t.Errorf("51 frames of 16 ms with the panel open computed the maths %d times, want at least 2", got)
		}
		if r.c.API.S.Epoch() == before {
			t.Error("the frames trained nothing")
		}
		if got := r.c.Pics.Net.Grads != nil; got != grads {
			t.Errorf("gradients view %v: the network shows gradients: %v", grads, got)
		}
	}
}

// TestFrameNotices: a refused gesture becomes the API's notice and counts as a change the
// page's controls show.
func TestFrameNotices(t *testing.T) {
	r := newDragRun(t, `{"numPoints": 2000}`)
	rev, notes := r.c.Revision(), r.c.API.Notes
	// The drag ends; then a click on empty plane would add the 2,001st point.
	r.frame([]interact.Event{{Kind: interact.PointerUp, X: r.ev[0].X, Y: r.ev[0].Y, Pointer: 1}})
	sx, sy := r.c.UI.Layout.ToScreen(5.9, -5.9)
	r.frame([]interact.Event{{Kind: interact.PointerDown, X: sx, Y: sy, Pointer: 1}, {Kind: interact.PointerUp, X: sx, Y: sy, Pointer: 1}})
	if r.c.API.Notes != notes+1 || r.c.API.Notice == "" {
		t.Errorf("adding the 2,001st point: %d notices (%q), want %d", r.c.API.Notes, r.c.API.Notice, notes+1)
	}
	if r.c.Revision() == rev {
		t.Error("the notice did not count as a change of the controls")
	}
}

// BenchmarkFrame is the Go side of one browser frame at 500 points and the default network
// with one epoch per frame (speed 60 at 16 ms frames): a drag, training, every picture.
func BenchmarkFrame(b *testing.B) {
	r := newDragRun(b, `{"numPoints": 500, "speed": 60}`)
	b.ReportAllocs()
	for b.Loop() {
		r.step()
	}
}

// BenchmarkFrameGradients is BenchmarkFrame in the gradients view with a pinned node: every
// view.GradEvery-th frame also computes the training set's mean gradients.
func BenchmarkFrameGradients(b *testing.B) {
	r := newDragRun(b, `{"numPoints": 500, "speed": 60}`)
	if err := r.c.API.SetGradients(true); err != nil {
		b.Fatal(err)
	}
	r.c.UI.TogglePin(1, 2)
	b.ReportAllocs()
	for b.Loop() {
		r.step()
	}
}

// BenchmarkMeanGradients is the gradients view's work when it refreshes (every
// view.GradEvery frames): the mean gradients over the training set of 500 points.
func BenchmarkMeanGradients(b *testing.B) {
	r := newDragRun(b, `{"numPoints": 500}`)
	s := r.c.API.S
	g := make([]float64, len(s.Network().Params()))
	b.ReportAllocs()
	for b.Loop() {
		s.MeanGradients(g)
	}
}

package api

import (
	"slices"
	"time"
)

// FrameWindow is how many recent frames the percentiles of Frame cover.
const FrameWindow = 128

// rateWindow is the span over which FrameMeter counts frames and epochs for the rates.
const rateWindow = time.Second

// firstRate is how soon the first, provisional rates are published, so that the counter does
// not read 0 epochs/s through the first second of a run.
const firstRate = 250 * time.Millisecond

// Part is a part of the Go side of a frame that FrameMeter times, for the benchmark's
// breakdown of slow frames (FrameLog.Parts).
type Part int

// The parts of a frame, in the order a frame runs them; training, between PartInput and
// PartRecord, is no part of the Go side.
const (
	PartInput    Part = iota // the input events and the controller's Tick
	PartRecord               // session.Record, the losses of this frame
	PartField                // the decision boundary's picture (view.PlotField)
	PartNodes                // the nodes' pictures
	PartPictures             // the other pictures: the network, the loss curves, the points' order
	PartMaths                // the maths panel's numbers
	PartPrepare              // Draw: the meshes and texts of the pictures
	PartSubmit               // Draw: the pixels' uploads and the blits, into Ebiten's queue
	NumParts
)

// PartNames names the parts, as the benchmark prints them.
var PartNames = [NumParts]string{"input", "record", "field", "nodes", "pictures", "maths", "prepare", "submit"}

// FrameMeter measures the browser layer's frames: call Begin at the start of every Update,
// Update at its end, and Draw after drawing; Part times a part of the frame in between. It
// allocates nothing.
type FrameMeter struct {
	last    Frame
	started bool
	begin   time.Duration // the start of the current frame
	avg     time.Duration // smoothed interval between frames

	goMs    [FrameWindow]float64           // update + draw per frame, ms, ring
	parts   [FrameWindow][NumParts]float64 // each part's time, ms, ring
	partsAt [FrameWindow][NumParts]float64 // when each part began, ms on the frames' clock
	cur     [NumParts]float64              // the parts of the frame being measured
	curAt   [NumParts]float64
	n, next int
	sorted  [FrameWindow]float64 // scratch for the percentiles

	winStart          time.Duration
	winFrames, winEps int
	rated             bool // a full window has closed: the rates are no longer provisional
}

// Begin marks the start of a frame at now (a monotonic clock).
func (m *FrameMeter) Begin(now time.Duration) {
	if m.started {
		dt := max(now-m.begin, 0)
		if m.avg == 0 {
			m.avg = dt
		} else {
			m.avg += (dt - m.avg) / 8 // an exponential average over about 8 frames
		}
	} else {
		m.winStart = now
	}
	m.started = true
	m.begin = now
	m.cur, m.curAt = [NumParts]float64{}, [NumParts]float64{}
	switch span := now - m.winStart; {
	case span >= rateWindow:
		m.setRates(span)
		m.winStart, m.winFrames, m.winEps = now, 0, 0
		m.rated = true
	case !m.rated && span >= firstRate:
		m.setRates(span) // provisional, over the run so far; the window goes on
	}
}

// setRates publishes the frames and epochs counted in the window as rates over span.
func (m *FrameMeter) setRates(span time.Duration) {
	m.last.FPS = float64(m.winFrames) / span.Seconds()
	m.last.EpochsPerSecond = float64(m.winEps) / span.Seconds()
}

// Interval returns the smoothed time between frames, 0 before the second frame.
func (m *FrameMeter) Interval() time.Duration { return m.avg }

// Update records the end of Update: its time without training, the training time, the
// picture work's time and the epochs trained.
func (m *FrameMeter) Update(update, train, field time.Duration, epochs int) {
	m.last.UpdateMs = ms(update)
	m.last.TrainMs = ms(train)
	m.last.FieldMs = ms(field)
	m.last.EpochsPerFrame = epochs
	m.winEps += epochs
}

// Draw records the time Draw took and closes the frame.
func (m *FrameMeter) Draw(draw time.Duration) {
	m.last.DrawMs = ms(draw)
	m.last.Frames++
	m.winFrames++
	m.goMs[m.next] = m.last.UpdateMs + m.last.DrawMs
	m.parts[m.next], m.partsAt[m.next] = m.cur, m.curAt
	m.next = (m.next + 1) % FrameWindow
	m.n = min(m.n+1, FrameWindow)
}

// Part records that part p of the current frame ran from from to to.
func (m *FrameMeter) Part(p Part, from, to time.Duration) {
	m.cur[p], m.curAt[p] = ms(to-from), ms(from)
}

// SetHeap records the Go heap in use.
func (m *FrameMeter) SetHeap(bytes uint64) { m.last.HeapBytes = bytes }

// Stats returns the statistics of the latest frames.
func (m *FrameMeter) Stats() Frame {
	f := m.last
	if m.n > 0 {
		s := m.sorted[:m.n]
		copy(s, m.goMs[:m.n])
		slices.Sort(s)
		f.P50Ms = s[(m.n-1)/2]
		f.P95Ms = s[(m.n-1)*95/100]
	}
	return f
}

// FrameLog is the Go side of each of the latest frames (update + draw, training excluded, in
// ms, oldest first), as Log returns them: the frames numbered After+1 to Frames, of which the
// first Lost are no longer in the window and missing from GoMs. Parts holds each frame's
// parts (indexed by Part, ms; 0 for a part it did not run), At when each began on the frames'
// clock (ms), and NowMs is that clock's reading when Log was called.
type FrameLog struct {
	After  int                 `json:"after"`
	Frames int                 `json:"frames"`
	Lost   int                 `json:"lost"`
	GoMs   []float64           `json:"goMs"`
	Parts  [][NumParts]float64 `json:"parts"`
	At     [][NumParts]float64 `json:"at"`
	NowMs  float64             `json:"nowMs"`
}

// Log returns the Go side of every frame drawn after frame number after (Frame.Frames counts
// them), as far as the last FrameWindow frames reach, so that a reader calling it at least
// every FrameWindow frames sees every frame; now is the frames' clock. It allocates; it is
// for measurement.
func (m *FrameMeter) Log(after int, now time.Duration) FrameLog {
	total := m.last.Frames
	after = min(max(after, 0), total)
	n := min(total-after, m.n)
	l := FrameLog{After: after, Frames: total, Lost: total - after - n, GoMs: make([]float64, n),
		Parts: make([][NumParts]float64, n), At: make([][NumParts]float64, n), NowMs: ms(now)}
	for i := range n {
		k := (m.next - n + i + FrameWindow) % FrameWindow
		l.GoMs[i], l.Parts[i], l.At[i] = m.goMs[k], m.parts[k], m.partsAt[k]
	}
	return l
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

package api

import (
	"testing"
	"time"
)

func TestFrameMeter(t *testing.T) {
	var m FrameMeter
	ms := time.Millisecond
	// 30 frames 50 ms apart: update 2 ms (+ 20 ms training, 30 epochs), draw 1 ms; one
	// slow frame of 10 ms of update.
	for i := range 30 {
		m.Begin(time.Duration(i) * 50 * ms)
		update := 2 * ms
		if i == 10 {
			update = 10 * ms
		}
		m.Update(update, 20*ms, ms/2, 30)
		m.Draw(ms)
	}
	f := m.Stats()
	if f.UpdateMs != 2 || f.TrainMs != 20 || f.DrawMs != 1 || f.FieldMs != 0.5 || f.EpochsPerFrame != 30 || f.Frames != 30 {
		t.Errorf("last frame %+v, want update 2, train 20, draw 1, field 0.5, 30 epochs, 30 frames", f)
	}
	// The rates cover the first full second: frames 0–19 at 50 ms.
	if f.FPS != 20 || f.EpochsPerSecond != 600 {
		t.Errorf("fps %v, epochs/s %v; want 20 and 600", f.FPS, f.EpochsPerSecond)
	}
	if f.P50Ms != 3 || f.P95Ms != 3 {
		t.Errorf("p50 %v, p95 %v; want 3 and 3 (one slow frame of 30 is above the 95th percentile)", f.P50Ms, f.P95Ms)
	}
	if got := m.Interval(); got != 50*ms {
		t.Errorf("interval %v, want 50ms", got)
	}
	m.SetHeap(1 << 20)
	if m.Stats().HeapBytes != 1<<20 {
		t.Error("SetHeap not reported")
	}
	if allocs := testing.AllocsPerRun(100, func() {
		m.Begin(2 * time.Second)
		m.Update(ms, ms, ms, 1)
		m.Draw(ms)
		_ = m.Stats()
	}); allocs != 0 {
		t.Errorf("a frame of the meter allocates %v times, want 0", allocs)
	}
}

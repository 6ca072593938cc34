package api

import (
	"math"
	"slices"
	"testing"
	"time"
)

func TestFrameMeterRatesBeforeTheFirstSecond(t *testing.T) {
	var m FrameMeter
	ms := time.Millisecond
	// Frames 50 ms apart with 10 epochs each: 200 epochs/s, 20 frames/s.
	frame := func(i int) Frame {
		m.Begin(time.Duration(i) * 50 * ms)
		m.Update(ms, ms, 0, 10)
		m.Draw(ms)
		return m.Stats()
	}
	for i := range 5 { // up to 200 ms: too early to say
		if f := frame(i); f.EpochsPerSecond != 0 || f.FPS != 0 {
			t.Fatalf("frame %d: rates %v epochs/s, %v fps before 250 ms, want 0", i, f.EpochsPerSecond, f.FPS)
		}
	}
	// At 250 ms the five frames so far give the provisional rates, and they stay
	// provisional (recomputed every frame) until the first full second closes.
	for i := 5; i < 20; i++ {
		if f := frame(i); math.Abs(f.EpochsPerSecond-200) > 1e-9 || math.Abs(f.FPS-20) > 1e-9 {
			t.Fatalf("frame %d at %d ms: %v epochs/s, %v fps; want 200 and 20", i, i*50, f.EpochsPerSecond, f.FPS)
		}
	}
	// After the first second, a paused run (no epochs) reads 0 epochs/s a second later, not
	// a provisional figure.
	for i := 20; i < 60; i++ {
		m.Begin(time.Duration(i) * 50 * ms)
		m.Update(ms, 0, 0, 0)
		m.Draw(ms)
	}
	if f := m.Stats(); f.EpochsPerSecond != 0 || f.FPS != 20 {
		t.Errorf("paused for two seconds: %v epochs/s, %v fps; want 0 and 20", f.EpochsPerSecond, f.FPS)
	}
}

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

// TestFrameMeterLog: a reader that asks for the frames after the last one it saw gets each
// frame once, in order, and is told how many fell out of the window between two readings.
func TestFrameMeterLog(t *testing.T) {
	var m FrameMeter
	// Frame i begins at 50i ms, takes i ms, of which the field i ms; frames of even i
	// compute the maths for 1 ms (odd ones none: the parts start afresh every frame).
	frame := func(i int) {
		m.Begin(time.Duration(i) * 50 * time.Millisecond)
		begin := time.Duration(i) * 50 * time.Millisecond
		m.Part(PartField, begin, begin+time.Duration(i)*time.Millisecond)
		if i%2 == 0 {
			m.Part(PartMaths, begin, begin+time.Millisecond)
		}
		m.Update(time.Duration(i)*time.Millisecond, 0, 0, 1)
		m.Draw(0)
	}
	want := func(from, to int) []float64 { // frames from..to (1-based) took i−1 ms each
		var v []float64
		for i := from; i <= to; i++ {
			v = append(v, float64(i-1))
		}
		return v
	}
	if l := m.Log(0, 0); l.Frames != 0 || len(l.GoMs) != 0 || l.Lost != 0 {
		t.Errorf("before any frame: %+v, want nothing", l)
	}
	for i := range 10 {
		frame(i)
	}
	tests := []struct {
		name       string
		frames     int // drawn before the call
		after      int
		lost       int
		from, to   int
		wantFrames int
	}{
		{"first reading", 0, 0, 0, 1, 10, 10},
		{"the rest", 0, 4, 0, 5, 10, 10},
		{"nothing new", 0, 10, 0, 11, 10, 10},
		{"after the future", 0, 99, 0, 11, 10, 10},
		{"a full window later", FrameWindow, 10, 0, 11, 10 + FrameWindow, 10 + FrameWindow},
		{"too late", 30, 10, 30, 41, 30 + 10 + FrameWindow, 30 + 10 + FrameWindow},
	}
	drawn := 10
	for _, tc := range tests {
		for range tc.frames {
			frame(drawn)
			drawn++
		}
		now := time.Duration(drawn) * 50 * time.Millisecond
		l := m.Log(tc.after, now)
		if l.Frames != tc.wantFrames || l.Lost != tc.lost || !slices.Equal(l.GoMs, want(tc.from, tc.to)) {
			t.Errorf("%s: Log(%d) = frames %d, lost %d, %d times from %v; want %d, %d, frames %d to %d",
				tc.name, tc.after, l.Frames, l.Lost, len(l.GoMs), l.GoMs[:min(len(l.GoMs), 1)], tc.wantFrames, tc.lost, tc.from, tc.to)
		}
		if len(l.Parts) != len(l.GoMs) || len(l.At) != len(l.GoMs) || l.NowMs != float64(drawn*50) {
			t.Fatalf("%s: %d parts, %d starts for %d frames, now %v ms; want one each, now %d ms",
				tc.name, len(l.Parts), len(l.At), len(l.GoMs), l.NowMs, drawn*50)
		}
		for k, ms := range l.GoMs { // frame i = ms took i ms, of which the field all
			i := int(ms)
			maths := float64(1 - i%2)
			if p := l.Parts[k]; p[PartField] != ms || p[PartMaths] != maths || l.At[k][PartField] != float64(i*50) {
				t.Errorf("%s: frame %d: field %v ms, maths %v ms, the field began at %v ms; want %v, %v, %d",
					tc.name, i, p[PartField], p[PartMaths], l.At[k][PartField], ms, maths, i*50)
			}
		}
	}
}

package session

import (
	"testing"
	"time"
)

// BenchmarkStep trains one epoch at the default setting (250 points, 125 for training,
// batch 10, 2‑4‑1 sigmoid), divergence guard included, and reports epochs per second.
func BenchmarkStep(b *testing.B) {
	s := newSession(b, nil)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.Step(1); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "epochs/s")
}

// BenchmarkEpochUnguarded is nn.TrainEpoch alone on the same data, to show what the
// divergence guard of Step costs.
func BenchmarkEpochUnguarded(b *testing.B) {
	s := newSession(b, nil)
	b.ReportAllocs()
	for b.Loop() {
		s.order = append(s.order[:0], s.train...)
		if err := s.net.TrainEpoch(s.data, s.order, s.shuffle, s.cfg); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRecord is the per-frame evaluation: metrics on both splits and a history sample.
func BenchmarkRecord(b *testing.B) {
	s := newSession(b, nil)
	b.ReportAllocs()
	for b.Loop() {
		s.epoch++
		s.Record()
	}
}

// BenchmarkTrainFor spends an 8 ms frame budget at speed 0 on the real clock and reports
// epochs per second.
func BenchmarkTrainFor(b *testing.B) {
	s := newSession(b, nil)
	start := time.Now()
	clock := func() time.Duration { return time.Since(start) }
	b.ReportAllocs()
	epochs := 0
	for b.Loop() {
		n, err := s.TrainFor(8*time.Millisecond, MaxFrameEpochs, clock)
		if err != nil {
			b.Fatal(err)
		}
		epochs += n
	}
	b.ReportMetric(float64(epochs)/b.Elapsed().Seconds(), "epochs/s")
}

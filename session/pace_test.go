package session

import (
	"errors"
	"math"
	"testing"
	"time"
)

// fakeClock returns a clock that advances by step at every reading.
func fakeClock(step time.Duration) func() time.Duration {
	var now time.Duration
	return func() time.Duration {
		now += step
		return now
	}
}

// epochClock returns a clock for s on which every epoch trained takes perEpoch, and a
// counter of its readings.
func epochClock(s *Session, perEpoch time.Duration) (clock func() time.Duration, reads *int) {
	reads = new(int)
	base := s.Epoch()
	return func() time.Duration {
		*reads++
		return time.Duration(s.Epoch()-base) * perEpoch
	}, reads
}

func TestPlanExplicitSpeed(t *testing.T) {
	const frame = time.Second / 60
	for _, speed := range []float64{1, 30, 1000, 12345.6, MaxSpeed} {
		var p Pacer
		total := 0
		now := time.Duration(0)
		for now = 0; now <= 10*time.Second; now += frame {
			epochs, budget := p.Plan(now, speed)
			if budget < MinBudget || budget > MaxBudget || epochs < 0 {
				t.Fatalf("speed %g: Plan = %d, %v; want epochs and a budget in [%v, %v]", speed, epochs, budget, MinBudget, MaxBudget)
			}
			total += epochs
		}
		// Every frame counts, the first as a frame too: the epochs due over that time.
		want := speed * (now - frame + firstFrame).Seconds()
		if math.Abs(float64(total)-want) > 1 {
			t.Errorf("speed %g: %d epochs in 10 s, want %.1f", speed, total, want)
		}
	}
}

func TestPlanBacklog(t *testing.T) {
	tests := []struct {
		speed float64
		stall time.Duration
		want  int
	}{
		{1000, 5 * time.Second, 250}, // capped at 0.25 s worth
		{1000, 100 * time.Millisecond, 100},
		{1, time.Minute, 0}, // a quarter epoch owed, after the first frame's sixtieth
		{4, time.Minute, 1},
		{8, time.Minute, 2},
	}
	for _, tt := range tests {
		var p Pacer
		p.Plan(0, tt.speed)
		p.Plan(time.Second, tt.speed) // settle the fraction after the first frame
		p.Reset()
		p.Plan(0, tt.speed)
		if got, _ := p.Plan(tt.stall, tt.speed); got != tt.want {
			t.Errorf("speed %g after %v: %d epochs, want %d", tt.speed, tt.stall, got, tt.want)
		}
	}
}

func TestPlanFastest(t *testing.T) {
	tests := []struct {
		name   string
		frames []time.Duration // times of the calls
		want   time.Duration   // the last call's budget
	}{
		{"first frame", []time.Duration{time.Hour}, share(firstFrame)},
		{"60 Hz", []time.Duration{0, 16 * time.Millisecond}, 8800 * time.Microsecond},
		{"10 Hz", []time.Duration{0, 100 * time.Millisecond}, MaxBudget},
		{"slow frames are capped", []time.Duration{0, time.Second}, MaxBudget},
		{"fast frames get the minimum", []time.Duration{0, time.Millisecond}, MinBudget},
		{"clock going back", []time.Duration{time.Second, 0}, MinBudget},
	}
	for _, tt := range tests {
		var p Pacer
		var epochs int
		var budget time.Duration
		for _, now := range tt.frames {
			epochs, budget = p.Plan(now, 0)
		}
		if budget != tt.want || epochs != MaxFrameEpochs {
			t.Errorf("%s: Plan = %d, %v; want %d, %v", tt.name, epochs, budget, MaxFrameEpochs, tt.want)
		}
	}
}

// share is BudgetShare of d.
func share(d time.Duration) time.Duration { return time.Duration(float64(d) * BudgetShare) }

func TestTrainFor(t *testing.T) {
	tests := []struct {
		name      string
		budget    time.Duration
		max       int
		perEpoch  time.Duration
		want      int
		maxClocks int
	}{
		{"budget of 100 epochs", time.Millisecond, 1000, 10 * time.Microsecond, 100, 12},
		{"budget of 10,000 epochs", 10 * time.Millisecond, MaxFrameEpochs, time.Microsecond, 10000, 20},
		{"max first", time.Second, 50, time.Microsecond, 50, 10},
		{"slow epochs", time.Millisecond, 1000, 3 * time.Millisecond, 1, 2},
		{"no budget", 0, 1000, time.Microsecond, 1, 2},
	}
	for _, tt := range tests {
		s := newSession(t, func(st *Settings) { st.NumPoints = 20 })
		clock, reads := epochClock(s, tt.perEpoch)
		n, err := s.TrainFor(tt.budget, tt.max, clock)
		if err != nil || n != tt.want || s.Epoch() != tt.want {
			t.Errorf("%s: TrainFor = %d, %v (epoch %d), want %d", tt.name, n, err, s.Epoch(), tt.want)
		}
		if *reads > tt.maxClocks {
			t.Errorf("%s: read the clock %d times, want at most %d", tt.name, *reads, tt.maxClocks)
		}
	}
}

func TestTrainForStopsOnError(t *testing.T) {
	s := newSession(t, nil)
	if err := s.SetData([]Point{{X: 1, Y: 1, Label: 1, Test: true}}); err != nil {
		t.Fatal(err)
	}
	n, err := s.TrainFor(time.Millisecond, 100, fakeClock(time.Microsecond))
	if n != 0 || !errors.Is(err, ErrNoTrainingPoints) {
		t.Errorf("TrainFor = %d, %v; want 0, ErrNoTrainingPoints", n, err)
	}
}

func TestAdvance(t *testing.T) {
	s := newSession(t, func(st *Settings) { st.NumPoints = 20; st.Speed = 600 })
	var p Pacer
	now := time.Duration(0)
	clock := func() time.Duration { return now }
	if n, err := s.Advance(&p, 0, clock); n != 0 || err != nil {
		t.Errorf("paused Advance = %d, %v; want 0, nil", n, err)
	}
	s.SetRunning(true)
	total := 0
	for range 60 { // one second of frames at 60 Hz: training takes no time on this clock
		n, err := s.Advance(&p, 0, clock)
		if err != nil {
			t.Fatal(err)
		}
		total += n
		now += time.Second / 60
	}
	if total < 599 || total > 601 {
		t.Errorf("%d epochs in a second at speed 600, want 600", total)
	}
	// At speed 0 the frame's budget decides.
	if err := s.Configure(patch(`{"speed": 0.0}`)); err != nil {
		t.Fatal(err)
	}
	p.Reset()
	ec, _ := epochClock(s, 100*time.Microsecond)
	want := int(share(firstFrame)/(100*time.Microsecond)) + 1
	if n, err := s.Advance(&p, 0, ec); err != nil || n != want {
		t.Errorf("Advance at speed 0 = %d, %v; want the budget's %v of 100 µs epochs", n, err, share(firstFrame))
	}
	// A limit (the user is dragging) shortens the frame's training.
	p.Reset()
	ec, _ = epochClock(s, 100*time.Microsecond)
	if n, err := s.Advance(&p, time.Millisecond, ec); err != nil || n != 10 {
		t.Errorf("Advance at speed 0 within 1 ms = %d, %v; want the limit's 10 epochs of 100 µs", n, err)
	}
}

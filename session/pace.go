package session

import "time"

// Pacing constants.
const (
	// MaxBacklog is the most training time a frame catches up on at an explicit speed: after
	// a stall (a hidden tab) training resumes rather than binges.
	MaxBacklog = 250 * time.Millisecond
	// MinBudget and MaxBudget bound a frame's training time at speed 0.
	MinBudget = 2 * time.Millisecond
	MaxBudget = 12 * time.Millisecond
	// MaxFrameEpochs is the most epochs one frame trains at speed 0.
	MaxFrameEpochs = 100_000
)

// firstFrame is the frame interval assumed before two frames have been seen.
const firstFrame = time.Second / 60

// Pacer turns the speed setting into work per drawn frame. The zero value is ready to use.
//
// At a speed of v > 0 epochs per second it hands out the epochs due since the last frame,
// v·Δt, carrying the fraction to the next frame and counting at most MaxBacklog of time
// since the last frame. At speed 0, "as fast as it goes", it hands out a time budget:
// half the interval between frames, within [MinBudget, MaxBudget], so that drawing keeps
// the other half.
type Pacer struct {
	last    time.Duration // the time of the previous Plan
	started bool          // last is set
	due     float64       // epochs owed, fraction carried
}

// Plan returns this frame's work at time now (any monotonic clock) and the given speed:
// for speed > 0 a number of epochs and a zero budget, for speed 0 a budget > 0 and
// MaxFrameEpochs as the most epochs to spend it on. Call it once per drawn frame while
// playing; call Reset when pausing so that a pause is not owed as backlog.
func (p *Pacer) Plan(now time.Duration, speed float64) (epochs int, budget time.Duration) {
	dt := firstFrame
	if p.started {
		dt = max(now-p.last, 0)
	}
	p.last, p.started = now, true
	if speed <= 0 {
		p.due = 0
		return MaxFrameEpochs, min(max(dt/2, MinBudget), MaxBudget)
	}
	p.due += speed * min(dt, MaxBacklog).Seconds()
	epochs = int(p.due)
	p.due -= float64(epochs)
	return epochs, 0
}

// Reset forgets the previous frame and any epochs owed.
func (p *Pacer) Reset() { *p = Pacer{} }

// TrainFor trains for about budget, at most maxEpochs epochs, and returns how many ran;
// clock tells the time (monotonic, the same clock as the budget). It runs epochs in chunks
// sized from the time the epochs so far took, reading the clock a handful of times per call
// (not per epoch), and stops at the first error of Step (no training points, divergence).
// A budget of 0 or less runs one epoch. It allocates nothing.
func (s *Session) TrainFor(budget time.Duration, maxEpochs int, clock func() time.Duration) (int, error) {
	start := clock()
	done, chunk := 0, 1
	for done < maxEpochs {
		ran, err := s.Step(min(chunk, maxEpochs-done))
		done += ran
		if err != nil {
			return done, err
		}
		spent := clock() - start
		if spent >= budget {
			break
		}
		if spent <= 0 {
			chunk *= 2 // too fast to measure yet
			continue
		}
		// Aim at half the remaining budget, so the next reading comes before it runs out.
		chunk = int(float64(budget-spent) / float64(spent) * float64(done) / 2)
		chunk = max(min(chunk, maxEpochs-done), 1)
	}
	return done, nil
}

// Advance does one drawn frame's training: if playing, it asks p for this frame's work at
// clock() and trains it with TrainFor (at an explicit speed the epochs due, but never longer
// than MaxBudget, dropping what does not fit; at speed 0 the budget); if paused it resets p.
// It returns the epochs trained and Step's error.
func (s *Session) Advance(p *Pacer, clock func() time.Duration) (int, error) {
	if !s.running {
		p.Reset()
		return 0, nil
	}
	epochs, budget := p.Plan(clock(), s.settings.Speed)
	if epochs == 0 {
		return 0, nil
	}
	if budget == 0 {
		budget = MaxBudget
	}
	return s.TrainFor(budget, epochs, clock)
}

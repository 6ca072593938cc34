package session

import "time"

// Pacing constants.
const (
	// MaxBacklog is the most training time a frame catches up on at an explicit speed: after
	// a stall (a hidden tab) training resumes rather than binges.
	MaxBacklog = 250 * time.Millisecond
	// BudgetShare is the share of the interval between frames that a frame may spend
	// training; MinBudget and MaxBudget bound that budget. Because the interval includes the
	// training, frames settle at (drawing time)/(1 − BudgetShare): a software-rendered browser
	// drawing at 10–28 frames/s lends its slack to training, and drawing keeps the rest.
	BudgetShare = 0.55
	MinBudget   = 2 * time.Millisecond
	MaxBudget   = 50 * time.Millisecond
	// MaxFrameEpochs is the most epochs one frame trains at speed 0.
	MaxFrameEpochs = 100_000
)

// firstFrame is the frame interval assumed before two frames have been seen.
const firstFrame = time.Second / 60

// Pacer turns the speed setting into work per drawn frame. The zero value is ready to use.
//
// At a speed of v > 0 epochs per second it hands out the epochs due since the last frame,
// v·Δt, carrying the fraction to the next frame and counting at most MaxBacklog of time
// since the last frame. At speed 0, "as fast as it goes", it hands out MaxFrameEpochs. Either
// way the frame's training time is bounded by a budget: BudgetShare of the interval between
// frames, within [MinBudget, MaxBudget].
type Pacer struct {
	last    time.Duration // the time of the previous Plan
	started bool          // last is set
	due     float64       // epochs owed, fraction carried
}

// Plan returns this frame's work at time now (any monotonic clock) and the given speed: the
// most epochs to train (those due at speed > 0, MaxFrameEpochs at speed 0) and the time
// budget to train them in. Call it once per drawn frame while playing; call Reset when
// pausing so that a pause is not owed as backlog.
func (p *Pacer) Plan(now time.Duration, speed float64) (epochs int, budget time.Duration) {
	dt := firstFrame
	if p.started {
		dt = max(now-p.last, 0)
	}
	p.last, p.started = now, true
	budget = min(max(time.Duration(float64(dt)*BudgetShare), MinBudget), MaxBudget)
	if speed <= 0 {
		p.due = 0
		return MaxFrameEpochs, budget
	}
	p.due += speed * min(dt, MaxBacklog).Seconds()
	epochs = int(p.due)
	p.due -= float64(epochs)
	return epochs, budget
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
// clock() under the speed setting and trains it with TrainFor, within the budget Plan gives
// and within limit if limit > 0 (a view keeps frames short while the user drags, say);
// epochs due that do not fit are dropped. If paused it resets p. It returns the epochs
// trained and Step's error.
func (s *Session) Advance(p *Pacer, limit time.Duration, clock func() time.Duration) (int, error) {
	if !s.running {
		p.Reset()
		return 0, nil
	}
	epochs, budget := p.Plan(clock(), s.settings.Speed)
	if epochs == 0 {
		return 0, nil
	}
	if limit > 0 {
		budget = min(budget, limit)
	}
	return s.TrainFor(budget, epochs, clock)
}

// StepWork bounds the work of one StepLimit: training points × parameters × epochs. It is
// sized so that one bounded step takes about a second in the browser on the project's
// machine (TestStepBudget in e2e measures it: the 2,000-point network of six layers of 8
// runs its budget in about a second).
const StepWork = 40_000_000

// StepLimit returns the most epochs a step call may run now: StepWork over the work of one
// epoch (training points × parameters), at least 1. It depends only on the data and the
// network's shape, so the same call on the same state runs the same epochs.
func (s *Session) StepLimit() int {
	work := max(len(s.train), 1) * len(s.net.Params())
	return max(StepWork/work, 1)
}

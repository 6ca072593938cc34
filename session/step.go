package session

import (
	"fmt"

	"nnplay/nn"
)

// epochOrder is where training stands inside an epoch: the shuffled order of the training
// points and how many of them the epoch has trained on. Step and StepBatch share it, so a
// batch stepped by hand is the same batch training would have taken next.
type epochOrder struct {
	order  []int // the epoch's training indices, shuffled; valid while cursor > 0
	cursor int   // how many of order have been trained on; 0 between epochs
}

// restartEpoch drops the rest of the current epoch: the next batch starts a new order.
func (e *epochOrder) restartEpoch() { e.cursor = 0 }

// InEpoch returns how far the current epoch has got: how many training points it has
// trained on, and how many it has (0 and 0 between epochs).
func (s *Session) InEpoch() (done, total int) {
	if s.cursor == 0 {
		return 0, 0
	}
	return s.cursor, len(s.order)
}

// newOrder starts an epoch: the training indices shuffled with the session's stream, as
// nn.TrainEpoch shuffles them.
func (s *Session) newOrder() {
	s.order = append(s.order[:0], s.train...)
	nn.Shuffle(s.order, s.shuffle)
}

// trainEpoch trains one epoch, or the rest of the current one when StepBatch began it, in
// mini-batches of the batch size. It allocates nothing.
func (s *Session) trainEpoch() error {
	if s.cursor == 0 {
		s.order = append(s.order[:0], s.train...)
		return s.net.TrainEpoch(s.data, s.order, s.shuffle, s.cfg)
	}
	rest := s.order[s.cursor:]
	s.cursor = 0
	for len(rest) > 0 {
		n := min(s.cfg.BatchSize, len(rest))
		if err := s.net.TrainBatch(s.data, rest[:n], s.cfg); err != nil {
			return err
		}
		rest = rest[n:]
	}
	return nil
}

// lastStep is the update StepSample or StepBatch applied, kept until training moves on:
// every parameter before and after, and the gradient summed over the batch.
type lastStep struct {
	before, after, sum []float64
	count              int // the batch's size; 0 when there is no update to show
}

// Update is what one step did to one parameter: w ← w − η·(Gradient + Regularization).
type Update struct {
	Before, After  float64
	Gradient       float64 // the mean of ∂L/∂w over the batch
	Regularization float64 // the regularization term (0 for a bias)
}

// LastUpdate returns what the last StepSample or StepBatch did to parameter p (valid), and
// false when training has moved on since (or there was none).
func (s *Session) LastUpdate(p Param) (Update, bool) {
	u := &s.last
	if u.count == 0 {
		return Update{}, false
	}
	k := s.index(p)
	up := Update{Before: u.before[k], After: u.after[k], Gradient: u.sum[k] * (1 / float64(u.count))}
	if !p.Bias {
		up.Regularization = s.cfg.Penalty(up.Before)
	}
	return up, true
}

// StepSample pauses and applies one update with a batch of one: training point i alone, the
// regularization as Update applies it per step. It refuses a test point (never trained on)
// and an index that names no point. A step that would diverge changes nothing and sets Err.
func (s *Session) StepSample(i int) error {
	if err := s.checkIndex(i); err != nil {
		return err
	}
	if s.points[i].Test {
		return fmt.Errorf("point %d is a test point: test points are never trained on", i)
	}
	s.SetRunning(false)
	s.batch[0] = i
	return s.step(s.batch[:])
}

// StepBatch pauses and trains the next mini-batch of the current epoch: at an epoch's start
// it shuffles the training points as Step does; the epoch's last batch completes it and
// counts it. Editing the points, a reset or a rebuild starts a new order. It returns
// ErrNoTrainingPoints when there is nothing to train on; a step that would diverge changes
// nothing and sets Err.
func (s *Session) StepBatch() error {
	s.SetRunning(false)
	if len(s.train) == 0 {
		return ErrNoTrainingPoints
	}
	if s.cursor == 0 {
		s.newOrder()
	}
	end := min(s.cursor+s.cfg.BatchSize, len(s.order))
	if err := s.step(s.order[s.cursor:end]); err != nil {
		return err
	}
	s.cursor = end
	if s.cursor == len(s.order) {
		s.cursor = 0
		s.epoch++
	}
	return nil
}

// step applies one update over the training points idx, as nn's TrainBatch does, and keeps
// what it did for LastUpdate.
func (s *Session) step(idx []int) error {
	u := &s.last
	params := s.net.Params()
	if len(u.before) != len(params) {
		u.before, u.after, u.sum = make([]float64, len(params)), make([]float64, len(params)), make([]float64, len(params))
	}
	u.count = 0
	copy(u.before, params)
	s.net.ZeroGrads()
	for _, k := range idx {
		s.net.Forward(s.input(k))
		s.net.Backward(s.data.Targets[k : k+1])
	}
	copy(u.sum, s.net.Grads())
	err := s.net.Update(s.cfg, len(idx))
	if err == nil && !s.lossFinite() {
		copy(params, u.before)
		err = nn.ErrDiverged
	}
	if err != nil {
		return s.diverged()
	}
	copy(u.after, params)
	u.count = len(idx)
	s.version++
	return nil
}

package session

// NextUpdate returns what one step on the gradient g alone (a batch of one, as StepSample
// on the point whose gradient g is) would do to parameter p (valid): a weight becomes
// w − η·(g + the regularization term), a bias b − η·g, in the same arithmetic as nn's
// Update. It changes nothing.
func (s *Session) NextUpdate(p Param, g float64) Update {
	v := s.Value(p)
	u := Update{Before: v, Gradient: g}
	if !p.Bias {
		u.Regularization = s.cfg.Penalty(v)
	}
	u.After = v - float64(s.cfg.LearningRate*(g+u.Regularization))
	return u
}

// LearningRate returns η, the learning rate the updates use.
func (s *Session) LearningRate() float64 { return s.cfg.LearningRate }

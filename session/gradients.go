package session

import "math"

// MeanGradients sets dst (len(Network().Params()), in the layout of nn.Network.Params) to
// the mean over the training points of ∂L/∂θ for every parameter θ: the gradient one
// full-batch step would follow, without regularization. It returns false, and leaves dst
// untouched, when there are no training points. It leaves the network's gradients zero.
//
// The gradients view, the maths panel and the coach each ask for them a few times a second;
// the answer is computed once for the same data (Version) and the same parameters (bit for
// bit) and copied to the others. It allocates only when the network's shape changes.
func (s *Session) MeanGradients(dst []float64) bool {
	params := s.net.Params()
	if len(dst) != len(params) {
		panic("session: MeanGradients: dst does not match the parameters")
	}
	if len(s.train) == 0 {
		return false
	}
	c := &s.grads
	if !c.holds(s.version, params) {
		c.compute(s, params)
	}
	copy(dst, c.mean)
	return true
}

// gradCache is the training set's mean gradients and what they were computed from.
type gradCache struct {
	valid   bool
	version uint64    // the session's Version then
	params  []float64 // the network's parameters then
	mean    []float64
}

// holds reports whether c was computed at version for exactly these parameters.
func (c *gradCache) holds(version uint64, params []float64) bool {
	if !c.valid || c.version != version || len(c.params) != len(params) {
		return false
	}
	for i, p := range params {
		if math.Float64bits(p) != math.Float64bits(c.params[i]) {
			return false
		}
	}
	return true
}

// compute fills c with the mean gradients of s's training points at params.
func (c *gradCache) compute(s *Session, params []float64) {
	if len(c.mean) != len(params) {
		c.mean, c.params = make([]float64, len(params)), make([]float64, len(params))
	}
	grads := s.net.Grads()
	s.net.ZeroGrads()
	for _, k := range s.train {
		s.net.Forward(s.input(k))
		s.net.Backward(s.data.Targets[k : k+1])
	}
	inv := 1 / float64(len(s.train))
	for i, g := range grads {
		c.mean[i] = g * inv
	}
	s.net.ZeroGrads()
	copy(c.params, params)
	c.version, c.valid = s.version, true
}

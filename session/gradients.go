package session

// MeanGradients sets dst (len(Network().Params()), in the layout of nn.Network.Params) to
// the mean over the training points of ∂L/∂θ for every parameter θ: the gradient one
// full-batch step would follow, without regularization. It returns false, and leaves dst
// untouched, when there are no training points. It allocates nothing and leaves the
// network's gradients zero.
func (s *Session) MeanGradients(dst []float64) bool {
	grads := s.net.Grads()
	if len(dst) != len(grads) {
		panic("session: MeanGradients: dst does not match the parameters")
	}
	if len(s.train) == 0 {
		return false
	}
	s.net.ZeroGrads()
	for _, k := range s.train {
		s.net.Forward(s.input(k))
		s.net.Backward(s.data.Targets[k : k+1])
	}
	inv := 1 / float64(len(s.train))
	for i, g := range grads {
		dst[i] = g * inv
	}
	s.net.ZeroGrads()
	return true
}

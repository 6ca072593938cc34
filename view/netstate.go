package view

import (
	"slices"

	"nnplay/nn"
	"nnplay/session"
)

// netState records what a picture of the network was computed from: the network's shape,
// activations and parameters and the session's features. The field and the nodes' pictures
// use it to tell when to recompute.
type netState struct {
	valid  bool
	layers []int
	feats  []nn.Feature
	params []float64
	acts   [2]nn.Activation
}

// update reports whether s's network or features differ from the record (always, before the
// first update) and records them. It allocates nothing once it has seen the network's shape.
func (st *netState) update(s *session.Session) bool {
	net := s.Network()
	acts := [2]nn.Activation{net.Hidden(), net.Output()}
	if st.valid && acts == st.acts && slices.Equal(st.layers, net.Layers()) &&
		slices.Equal(st.feats, s.Features()) && slices.Equal(st.params, net.Params()) {
		return false
	}
	st.valid, st.acts = true, acts
	st.layers = append(st.layers[:0], net.Layers()...)
	st.feats = append(st.feats[:0], s.Features()...)
	st.params = append(st.params[:0], net.Params()...)
	return true
}

package session

import (
	"fmt"
	"math"
)

// Param names one parameter of the network: the weight W[L][J][I] (into node J of layer L+1
// from node I of layer L; the weights[L][J][I] of the model file) or, when Bias is set, the
// bias b[L][J] of node J of layer L+1 (I is then 0). Layers count from 0 as in the model
// file: L = 0 is the weight layer from the inputs to the first hidden layer.
type Param struct {
	Bias    bool
	L, J, I int
}

// DefaultParam returns the parameter the maths show when none is chosen: the output's
// weight from the first node of the layer below it.
func (s *Session) DefaultParam() Param {
	return Param{L: len(s.net.Layers()) - 2}
}

// CheckParam refuses a parameter the network does not have, naming the shape.
func (s *Session) CheckParam(p Param) error {
	layers := s.net.Layers()
	switch {
	case p.L < 0 || p.L >= len(layers)-1:
		return fmt.Errorf("no weight layer %d: layers run from 0 to %d", p.L, len(layers)-2)
	case p.J < 0 || p.J >= layers[p.L+1]:
		return fmt.Errorf("weight layer %d goes into %d nodes (0 to %d), not node %d", p.L, layers[p.L+1], layers[p.L+1]-1, p.J)
	case !p.Bias && (p.I < 0 || p.I >= layers[p.L]):
		return fmt.Errorf("weight layer %d comes from %d nodes (0 to %d), not node %d", p.L, layers[p.L], layers[p.L]-1, p.I)
	case p.Bias && p.I != 0:
		return fmt.Errorf("a bias has no source node: got %d", p.I)
	}
	return nil
}

// index returns the position of p (valid) in the network's flat Params and Grads.
func (s *Session) index(p Param) int {
	layers := s.net.Layers()
	off := 0
	for l := 0; l < p.L; l++ {
		off += layers[l+1]*layers[l] + layers[l+1]
	}
	if p.Bias {
		return off + layers[p.L+1]*layers[p.L] + p.J
	}
	return off + p.J*layers[p.L] + p.I
}

// Value returns the value of parameter p (valid).
func (s *Session) Value(p Param) float64 { return s.net.Params()[s.index(p)] }

// SetWeight sets the weight W[l][j][i] to v; training goes on from it. It refuses a value
// that is not finite or an index outside the network's shape, and changes nothing then.
func (s *Session) SetWeight(l, j, i int, v float64) error {
	return s.setParam(Param{L: l, J: j, I: i}, v)
}

// SetBias sets the bias b[l][j] of node j of layer l+1 to v, refusing as SetWeight does.
func (s *Session) SetBias(l, j int, v float64) error {
	return s.setParam(Param{Bias: true, L: l, J: j}, v)
}

// setParam sets parameter p to v, or refuses it.
func (s *Session) setParam(p Param, v float64) error {
	what := "weight"
	if p.Bias {
		what = "bias"
	}
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return fmt.Errorf("a %s must be a finite number, got %s", what, FormatNumber(v))
	}
	if err := s.CheckParam(p); err != nil {
		return err
	}
	k := s.index(p)
	s.recordParam("edit "+what, k)
	old := s.net.Params()[k]
	s.net.Params()[k] = v
	s.markChange(&s.settings, what+" "+markValueChange(old, v))
	s.version++
	return nil
}

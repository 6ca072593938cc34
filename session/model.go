package session

import (
	"fmt"

	"nnplay/nn"
)

// Model returns the network as a model file.
func (s *Session) Model() nn.Model { return nn.NewModel(s.net, s.features) }

// LoadModel takes the model's layers, activation, features, problem (from its output) and
// weights; keeps the data and training settings; sets epoch 0, clears history, pauses.
// It refuses models the playground cannot show (more than 6 hidden layers, more than 8 nodes
// in one, more than one output) and changes nothing then.
//
// A model whose output switches the problem is refused when a point's label does not fit
// the new problem (regression labels other than 0 and 1 for a classification model); when
// it is taken, the data set becomes Custom, since the points no longer match their generator.
func (s *Session) LoadModel(m nn.Model) error {
	net, fs, err := m.Network()
	if err != nil {
		return fmt.Errorf("model: %v", err)
	}
	layers := net.Layers()
	hidden := layers[1 : len(layers)-1]
	if len(hidden) > MaxShownHidden {
		return fmt.Errorf("model has %d hidden layers; the playground shows at most %d", len(hidden), MaxShownHidden)
	}
	for i, h := range hidden {
		if h > MaxShownNodes {
			return fmt.Errorf("model's layer %d has %d nodes; the playground shows at most %d in a hidden layer", i+1, h, MaxShownNodes)
		}
	}
	if out := layers[len(layers)-1]; out != 1 {
		return fmt.Errorf("model has %d outputs; the playground shows exactly 1", out)
	}
	problem := problemOf(net.Output())
	if problem == "" {
		return fmt.Errorf("model's output must be sigmoid (classification) or linear (regression), got %s", net.Output())
	}
	if problem == Classification && s.settings.Problem != Classification {
		for i, p := range s.points {
			if p.Label != 0 && p.Label != 1 {
				return fmt.Errorf("model is for classification (output sigmoid) but point %d has label %s, not 0 or 1; switch the problem to classification first", i, FormatNumber(p.Label))
			}
		}
	}
	next := s.settings.clone()
	next.Features = nn.FeatureNames(fs)
	next.Hidden = append(next.Hidden[:0], hidden...)
	next.Activation = net.Hidden().String()
	if problem != next.Problem {
		next.Problem = problem
		if next.Dataset != Custom {
			next.Dataset = Custom
		}
	}
	if err := next.Validate(); err != nil {
		return fmt.Errorf("model: %v", err)
	}
	s.record("load model", partNet, 0)
	s.settings = next
	s.setNetwork(net, fs)
	s.running = false
	s.restart()
	s.markChange(&s.settings, "model loaded")
	return nil
}

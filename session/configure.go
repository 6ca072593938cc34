package session

import (
	"net/url"
	"slices"
	"strings"

	"nnplay/nn"
)

// Configure applies p atomically: on error nothing changes. Changing the learning rate,
// batch size or regularization keeps the weights; changing the shape, features, activation
// or problem rebuilds the network from the seed (epoch 0, history cleared); changing a
// generation setting (data set, noise, numPoints, dataSeed, testRatio, problem) regenerates
// the points. Each call is one undo step, or one for a gesture's calls (see Group).
//
// In detail:
//   - Fields equal to the current settings change nothing, so a view may send them all.
//   - Changing seed re-initialises the weights as a rebuild does.
//   - Changing problem without naming a data set switches to the data set that problem used
//     last (at first circle for classification, plane for regression); naming a data set of
//     the other problem is refused.
//   - Dataset Custom cannot be chosen: it comes from SetData and edits. For custom data a
//     change of testRatio alone re-splits the points as they are; noise, numPoints or
//     dataSeed regenerate from the problem's last generated data set.
func (s *Session) Configure(p Patch) error {
	cur := s.settings
	next, err := p.apply(cur, s.lastGen)
	if err != nil {
		return err
	}
	rebuild := !slices.Equal(next.Features, cur.Features) || !slices.Equal(next.Hidden, cur.Hidden) ||
		next.Activation != cur.Activation || next.Problem != cur.Problem || next.Seed != cur.Seed
	regen := next.Dataset != cur.Dataset || next.Noise != cur.Noise || next.NumPoints != cur.NumPoints ||
		next.DataSeed != cur.DataSeed || next.TestRatio != cur.TestRatio || next.Problem != cur.Problem
	training := next.LearningRate != cur.LearningRate || next.BatchSize != cur.BatchSize ||
		next.Regularization != cur.Regularization || next.RegularizationRate != cur.RegularizationRate ||
		next.Speed != cur.Speed
	if !rebuild && !regen && !training {
		return nil
	}

	// Everything that can fail happens before the session changes.
	var pts []Point
	if regen {
		onlySplit := next.Dataset == Custom && next.Noise == cur.Noise && next.NumPoints == cur.NumPoints &&
			next.DataSeed == cur.DataSeed && next.Problem == cur.Problem
		if onlySplit {
			pts = resplit(s.points, next.TestRatio, next.DataSeed)
		} else {
			if next.Dataset == Custom {
				next.Dataset = s.lastGen[next.Problem]
			}
			if pts, err = Generate(next.Dataset, next.NumPoints, next.Noise, next.DataSeed, next.TestRatio); err != nil {
				return err
			}
		}
	}
	var net *nn.Network
	var fs []nn.Feature
	if rebuild {
		if net, fs, err = build(next); err != nil {
			return err
		}
	}

	var parts part
	if regen {
		parts |= partData
	}
	if rebuild {
		parts |= partNet
	}
	s.record(changeLabel(cur, next), parts, 0)
	s.settings = next
	s.cfg = trainConfig(next)
	if next.Dataset != Custom {
		s.lastGen[next.Problem] = next.Dataset
	}
	if rebuild {
		s.setNetwork(net, fs)
	}
	if regen {
		s.setPoints(pts)
	}
	if rebuild {
		s.restart()
	}
	s.version++
	return nil
}

// changeLabel names an undo step from cur to next by the settings it changes, as a link
// names them: "change learningRate", "change problem, dataset".
func changeLabel(cur, next Settings) string {
	a, errA := url.ParseQuery(cur.Link())
	b, errB := url.ParseQuery(next.Link())
	var names []string
	for _, k := range linkKeys {
		if errA != nil || errB != nil || !slices.Equal(a[k.name], b[k.name]) {
			names = append(names, k.name)
		}
	}
	if len(names) == 0 || len(names) == len(linkKeys) {
		return "change settings"
	}
	return "change " + strings.Join(names, ", ")
}

package session

import (
	"strings"

	"nnplay/nn"
)

// Configure applies p atomically: on error nothing changes. What a change does is its
// setting's Effects (see Specs): Retrain keeps the weights; Rebuild rebuilds the network
// from the seed (epoch 0, history cleared); Regenerate generates the points again and
// Resplit splits them again. Each call is one undo step, or one for a gesture's calls (see
// Group).
//
// In detail:
//   - Settings equal to the current ones change nothing, so a view may send them all.
//   - Changing problem without naming a data set switches to the data set that problem used
//     last (at first circle for classification, plane for regression); naming a data set of
//     the other problem without a problem switches to its problem; naming both, that do not
//     fit, is refused.
//   - The view's settings (View) and hide have no effect but on what the page shows.
//   - Dataset Custom cannot be chosen: it comes from SetData and edits. For custom data a
//     change of testRatio alone re-splits the points as they are; a change that regenerates
//     (noise, numPoints, dataSeed) draws from the problem's last generated data set. For
//     generated data a new testRatio regenerates them with the new split.
func (s *Session) Configure(p Patch) error {
	cur := s.settings
	next, err := p.apply(cur, s.lastGen)
	if err != nil {
		return err
	}
	names, effects := changes(&cur, &next)
	if len(names) == 0 {
		return nil
	}
	rebuild := effects[Rebuild]
	regen := effects[Regenerate] || effects[Resplit]

	// Everything that can fail happens before the session changes.
	var pts []Point
	if regen {
		if !effects[Regenerate] && next.Dataset == Custom {
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
	s.record(changeLabel(names), parts, 0)
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

// changes returns the names of the settings that differ between cur and next, in the
// table's order, and the union of their effects.
func changes(cur, next *Settings) (names []string, effects map[Effect]bool) {
	effects = map[Effect]bool{}
	for i := range specs {
		if specs[i].same(cur, next) {
			continue
		}
		names = append(names, specs[i].Name)
		for _, e := range specs[i].Effects {
			effects[e] = true
		}
	}
	return names, effects
}

// changeLabel names an undo step by the settings it changes: "change learningRate",
// "change problem, dataset".
func changeLabel(names []string) string {
	if len(names) == 0 || len(names) == len(specs) {
		return "change settings"
	}
	return "change " + strings.Join(names, ", ")
}

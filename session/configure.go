package session

import (
	"fmt"
	"math"
	"slices"
	"strconv"
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
func (s *Session) Configure(p Patch) error { return s.ApplyLink(Link{Patch: p}) }

// ApplyLink applies a link (see ParseLink): its settings as Configure does, and the state a
// shared link carries, atomically: on error nothing changes. Carried points replace the
// data (checked against the problem the link leaves; the data set keeps its name only when
// it generates exactly these points, else it becomes Custom). Carried weights replace the
// network's parameters (their number must fit the shape the link leaves): a load, so epoch
// 0, history cleared, and they are the initial weights of the run that follows. A link that
// carries state pauses, so that what was shared is what is seen; it is one undo step, "open
// link". A link of settings only is Configure.
func (s *Session) ApplyLink(l Link) error {
	cur := s.settings
	next, err := l.Patch.apply(cur, s.lastGen)
	if err != nil {
		return err
	}
	names, effects := changes(&cur, &next)
	if len(names) == 0 && !l.Carries() {
		return nil
	}
	rebuild := effects[Rebuild] || l.Weights != nil

	// Everything that can fail happens before the session changes.
	pts, regen, err := s.nextPoints(&next, effects, l.Points)
	if err != nil {
		return err
	}
	var net *nn.Network
	var fs []nn.Feature
	if rebuild {
		if net, fs, err = build(next); err != nil {
			return err
		}
		if err := setWeights(net, l.Weights); err != nil {
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
	label := changeLabel(names)
	if l.Carries() {
		label = "open link"
	}
	s.record(label, parts, 0)
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
	if l.Carries() {
		s.running = false
	}
	s.version++
	what := ""
	if l.Carries() {
		what = "link opened"
	}
	s.markChange(&cur, what)
	return nil
}

// nextPoints returns the points that going to the settings next brings, with effects, and
// whether it brings any: the link's own (given, not nil), or those Configure generates or
// re-splits. For Custom data a change of testRatio alone re-splits the points as they are; a
// change that regenerates draws from the problem's last generated data set; given points
// keep next's data set only when it generates exactly them.
func (s *Session) nextPoints(next *Settings, effects map[Effect]bool, given []Point) ([]Point, bool, error) {
	if given != nil {
		if len(given) > MaxPoints {
			return nil, false, fmt.Errorf("points: at most %d, got %d", MaxPoints, len(given))
		}
		for i, p := range given {
			if err := checkPointFor(next.Problem, p.X, p.Y, p.Label); err != nil {
				return nil, false, fmt.Errorf("points[%d]: %v", i, err)
			}
		}
		if next.Dataset != Custom {
			gen, err := Generate(next.Dataset, next.NumPoints, next.Noise, next.DataSeed, next.TestRatio)
			if err != nil || !samePoints(gen, given) {
				next.Dataset = Custom
			}
		}
		return slices.Clone(given), true, nil
	}
	if !effects[Regenerate] && !effects[Resplit] {
		return nil, false, nil
	}
	if !effects[Regenerate] && next.Dataset == Custom {
		return resplit(s.points, next.TestRatio, next.DataSeed), true, nil
	}
	if next.Dataset == Custom {
		next.Dataset = s.lastGen[next.Problem]
	}
	pts, err := Generate(next.Dataset, next.NumPoints, next.Noise, next.DataSeed, next.TestRatio)
	return pts, err == nil, err
}

// samePoints reports whether a and b hold the same points, bit for bit.
func samePoints(a, b []Point) bool {
	return slices.EqualFunc(a, b, func(p, q Point) bool {
		return math.Float64bits(p.X) == math.Float64bits(q.X) && math.Float64bits(p.Y) == math.Float64bits(q.Y) &&
			math.Float64bits(p.Label) == math.Float64bits(q.Label) && p.Test == q.Test
	})
}

// setWeights puts w, if not nil, into net's parameters, refusing a number of them that does
// not fit its shape.
func setWeights(net *nn.Network, w []float64) error {
	if w == nil {
		return nil
	}
	if params := net.Params(); len(w) != len(params) {
		shape := make([]string, len(net.Layers()))
		for i, n := range net.Layers() {
			shape[i] = strconv.Itoa(n)
		}
		return fmt.Errorf("weights: the link carries %d numbers, but the network %s has %d weights and biases",
			len(w), strings.Join(shape, "-"), len(params))
	}
	copy(net.Params(), w)
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

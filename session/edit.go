package session

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"

	"nnplay/nn"
)

// Points returns the points, for reading only; editing methods below keep every derived
// array in step.
func (s *Session) Points() []Point { return s.points }

// generator returns the name of the generator that "regenerate" and the generation settings
// use: the data set itself, or for Custom data the generator of the problem used last.
func (s *Session) generator() string {
	if s.settings.Dataset != Custom {
		return s.settings.Dataset
	}
	return s.lastGen[s.settings.Problem]
}

// setPoints installs pts (owned by the session from now on) and recomputes every array
// derived from them.
func (s *Session) setPoints(pts []Point) {
	s.points = pts
	s.restartEpoch()
	s.dataAt = s.epoch
	s.fillInputs()
	s.data.Targets = s.data.Targets[:0]
	s.train, s.test = s.train[:0], s.test[:0]
	for k, p := range pts {
		s.data.Targets = append(s.data.Targets, p.Label)
		if p.Test {
			s.test = append(s.test, k)
		} else {
			s.train = append(s.train, k)
		}
	}
	s.boundLabels()
}

// fillInputs recomputes the feature matrix from the points.
func (s *Session) fillInputs() {
	nf := len(s.features)
	s.data.Inputs = slices.Grow(s.data.Inputs[:0], len(s.points)*nf)[:len(s.points)*nf]
	for k, p := range s.points {
		nn.ApplyFeatures(s.data.Inputs[k*nf:], s.features, p.X, p.Y)
	}
}

// boundLabels recomputes the largest |label|.
func (s *Session) boundLabels() {
	s.labelBound = 0
	for _, y := range s.data.Targets {
		s.labelBound = max(s.labelBound, math.Abs(y))
	}
}

// checkPoint refuses a point outside the plane or a label the problem does not allow.
func (s *Session) checkPoint(x, y, label float64) error {
	return checkPointFor(s.settings.Problem, x, y, label)
}

// checkPointFor refuses a point outside the plane or a label problem does not allow.
func checkPointFor(problem string, x, y, label float64) error {
	if !(x >= Min && x <= Max && y >= Min && y <= Max) {
		return fmt.Errorf("point (%s, %s) is outside the plane [%s, %s]²", FormatNumber(x), FormatNumber(y), formatBound(Min), formatBound(Max))
	}
	return checkLabelFor(problem, label)
}

// checkLabel refuses a label the problem does not allow.
func (s *Session) checkLabel(label float64) error { return checkLabelFor(s.settings.Problem, label) }

// checkLabelFor refuses a label problem does not allow.
func checkLabelFor(problem string, label float64) error {
	if problem == Classification {
		if label != 0 && label != 1 {
			return fmt.Errorf("label must be 0 or 1 for classification, got %s", FormatNumber(label))
		}
		return nil
	}
	if math.IsNaN(label) || math.IsInf(label, 0) {
		return fmt.Errorf("label must be a finite number for regression, got %s", FormatNumber(label))
	}
	return nil
}

// checkIndex refuses an index that names no point.
func (s *Session) checkIndex(i int) error {
	if i < 0 || i >= len(s.points) {
		return fmt.Errorf("no point %d: there are %d points", i, len(s.points))
	}
	return nil
}

// edited marks the data as made by hand, starts a new epoch order, and marks the loss curves
// with the edit of points op did (none for "").
func (s *Session) edited(op string) {
	before := s.settings
	s.restartEpoch()
	s.dataAt = s.epoch
	s.settings.Dataset = Custom
	s.version++
	if op != "" {
		s.markPoints(before, op)
	}
}

// AddPoint adds a training point and returns its index. It refuses a point outside the
// plane, a label the problem does not allow, and a point beyond MaxPoints.
func (s *Session) AddPoint(x, y, label float64) (int, error) {
	if len(s.points) >= MaxPoints {
		return -1, fmt.Errorf("at most %d points: delete some first", MaxPoints)
	}
	if err := s.checkPoint(x, y, label); err != nil {
		return -1, err
	}
	s.record("add point", partData, 0)
	k := len(s.points)
	s.points = append(s.points, Point{X: x, Y: y, Label: label})
	nf := len(s.features)
	s.data.Inputs = slices.Grow(s.data.Inputs, nf)[:(k+1)*nf]
	nn.ApplyFeatures(s.data.Inputs[k*nf:], s.features, x, y)
	s.data.Targets = append(s.data.Targets, label)
	s.train = append(s.train, k)
	s.labelBound = max(s.labelBound, math.Abs(label))
	s.edited(opAdded)
	return k, nil
}

// MovePoint moves point i to (x, y).
func (s *Session) MovePoint(i int, x, y float64) error {
	if err := s.checkIndex(i); err != nil {
		return err
	}
	if err := s.checkPoint(x, y, s.points[i].Label); err != nil {
		return err
	}
	s.record("move point", partPoint, i)
	s.points[i].X, s.points[i].Y = x, y
	nf := len(s.features)
	nn.ApplyFeatures(s.data.Inputs[i*nf:], s.features, x, y)
	s.edited(opMoved)
	return nil
}

// DeletePoint removes point i; later points shift down by one.
func (s *Session) DeletePoint(i int) error {
	if err := s.checkIndex(i); err != nil {
		return err
	}
	s.record("delete point", partData, 0)
	nf := len(s.features)
	s.points = slices.Delete(s.points, i, i+1)
	s.data.Inputs = slices.Delete(s.data.Inputs, i*nf, (i+1)*nf)
	s.data.Targets = slices.Delete(s.data.Targets, i, i+1)
	s.train = dropIndex(s.train, i)
	s.test = dropIndex(s.test, i)
	s.boundLabels()
	s.edited(opDeleted)
	return nil
}

// dropIndex removes i from the ascending list idx and shifts the indices above it down.
func dropIndex(idx []int, i int) []int {
	out := idx[:0]
	for _, k := range idx {
		switch {
		case k < i:
			out = append(out, k)
		case k > i:
			out = append(out, k-1)
		}
	}
	return out
}

// SetLabel gives point i a new label.
func (s *Session) SetLabel(i int, label float64) error {
	if err := s.checkIndex(i); err != nil {
		return err
	}
	if err := s.checkLabel(label); err != nil {
		return err
	}
	s.record("relabel point", partPoint, i)
	s.points[i].Label = label
	s.data.Targets[i] = label
	s.boundLabels()
	s.edited(opRelabelled)
	return nil
}

// SetData replaces the points exactly as given (no re-split), keeps the weights, sets the
// data set to Custom; one undo step. It refuses more than MaxPoints points, points outside
// the plane and labels the problem does not allow, and changes nothing then.
func (s *Session) SetData(pts []Point) error { return s.replaceData("set data", pts) }

// replaceData is SetData with the undo step's label.
func (s *Session) replaceData(label string, pts []Point) error {
	if len(pts) > MaxPoints {
		return fmt.Errorf("at most %d points, got %d", MaxPoints, len(pts))
	}
	for i, p := range pts {
		if err := s.checkPoint(p.X, p.Y, p.Label); err != nil {
			return fmt.Errorf("points[%d]: %v", i, err)
		}
	}
	before := s.settings
	s.record(label, partData, 0)
	s.setPoints(slices.Clone(pts))
	s.edited("")
	s.markChange(&before, "new data: "+plural(len(pts), "point"))
	return nil
}

// Regenerate sets dataSeed to dataSeed+1 (mod 2³²) and generates new points; one undo step.
// For Custom data it generates from the problem's last generated data set.
func (s *Session) Regenerate() error {
	gen, seed := s.generator(), s.settings.DataSeed+1
	pts, err := Generate(gen, s.settings.NumPoints, s.settings.Noise, seed, s.settings.TestRatio)
	if err != nil {
		return err
	}
	before := s.settings
	s.record("regenerate", partData, 0)
	s.settings.DataSeed, s.settings.Dataset = seed, gen
	s.setPoints(pts)
	s.version++
	s.markChange(&before, "regenerated")
	return nil
}

// resplit returns a copy of pts with a new train/test split drawn from dataSeed.
func resplit(pts []Point, testRatio float64, dataSeed uint32) []Point {
	pts = slices.Clone(pts)
	split(pts, testRatio, rand.New(rand.NewPCG(uint64(dataSeed), dataStream)))
	return pts
}

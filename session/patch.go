package session

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
)

// Patch is a partial change of settings: nil fields stay as they are. Numbers arrive as
// float64 so that a non-integer where an integer belongs is reported, not truncated.
// Layers, if given, is the full list; its first size must equal the number of features
// (after Features is applied) and its last must be 1.
type Patch struct {
	LearningRate       *float64  `json:"learningRate"`
	Activation         *string   `json:"activation"`
	BatchSize          *float64  `json:"batchSize"`
	Regularization     *string   `json:"regularization"`
	RegularizationRate *float64  `json:"regularizationRate"`
	Features           []string  `json:"features"`
	Layers             []float64 `json:"layers"`
	Problem            *string   `json:"problem"`
	Seed               *float64  `json:"seed"`
	DataSeed           *float64  `json:"dataSeed"`
	Dataset            *string   `json:"dataset"`
	Noise              *float64  `json:"noise"`
	NumPoints          *float64  `json:"numPoints"`
	TestRatio          *float64  `json:"testRatio"`
	Speed              *float64  `json:"speed"`
}

// ParsePatch decodes a JSON object of settings (the scripting API's names). Unknown names,
// wrong types and values out of range are errors that name the setting. Whether Layers fits
// the features and whether the data set fits the problem depend on the current settings and
// are checked by Session.Configure.
func ParsePatch(data []byte) (Patch, error) {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil || raw == nil {
		return Patch{}, fmt.Errorf("settings must be a JSON object, got %s", excerpt(data))
	}
	keys := make([]string, 0, len(raw))
	for k := range raw {
		keys = append(keys, k)
	}
	slices.Sort(keys) // so that the first error reported does not depend on map order
	var p Patch
	for _, k := range keys {
		v := raw[k]
		var err error
		switch k {
		case "learningRate":
			p.LearningRate, err = decodeNumber(k, v)
		case "activation":
			p.Activation, err = decodeString(k, v)
		case "batchSize":
			p.BatchSize, err = decodeNumber(k, v)
		case "regularization":
			p.Regularization, err = decodeString(k, v)
		case "regularizationRate":
			p.RegularizationRate, err = decodeNumber(k, v)
		case "features":
			if err = json.Unmarshal(v, &p.Features); err != nil || p.Features == nil {
				err = fmt.Errorf("features must be a list of names, got %s", excerpt(v))
			}
		case "layers":
			if err = json.Unmarshal(v, &p.Layers); err != nil || p.Layers == nil {
				err = fmt.Errorf("layers must be a list of numbers, got %s", excerpt(v))
			}
		case "problem":
			p.Problem, err = decodeString(k, v)
		case "seed":
			p.Seed, err = decodeNumber(k, v)
		case "dataSeed":
			p.DataSeed, err = decodeNumber(k, v)
		case "dataset":
			p.Dataset, err = decodeString(k, v)
		case "noise":
			p.Noise, err = decodeNumber(k, v)
		case "numPoints":
			p.NumPoints, err = decodeNumber(k, v)
		case "testRatio":
			p.TestRatio, err = decodeNumber(k, v)
		case "speed":
			p.Speed, err = decodeNumber(k, v)
		default:
			err = fmt.Errorf("unknown setting %q", k)
		}
		if err != nil {
			return Patch{}, err
		}
	}
	if err := p.check(); err != nil {
		return Patch{}, err
	}
	return p, nil
}

// decodeNumber decodes a JSON number (not null, not a string).
func decodeNumber(name string, v json.RawMessage) (*float64, error) {
	var f float64
	if bytes.Equal(bytes.TrimSpace(v), []byte("null")) || json.Unmarshal(v, &f) != nil {
		return nil, fmt.Errorf("%s must be a number, got %s", name, excerpt(v))
	}
	return &f, nil
}

// decodeString decodes a JSON string (not null).
func decodeString(name string, v json.RawMessage) (*string, error) {
	var s string
	if bytes.Equal(bytes.TrimSpace(v), []byte("null")) || json.Unmarshal(v, &s) != nil {
		return nil, fmt.Errorf("%s must be a string, got %s", name, excerpt(v))
	}
	return &s, nil
}

// excerpt returns the start of a JSON text for an error message.
func excerpt(v []byte) string {
	v = bytes.TrimSpace(v)
	if len(v) > 40 {
		return string(v[:40]) + "…"
	}
	if len(v) == 0 {
		return "nothing"
	}
	return string(v)
}

// check validates every field of p on its own: types, ranges and names. Conditions between
// fields and the current settings are checked by apply.
func (p Patch) check() error {
	nums := []struct {
		v *float64
		r numRange
	}{
		{p.LearningRate, learningRateRange},
		{p.BatchSize, batchSizeRange},
		{p.RegularizationRate, regularizationRateRange},
		{p.Seed, seedRange},
		{p.DataSeed, dataSeedRange},
		{p.Noise, noiseRange},
		{p.NumPoints, numPointsRange},
		{p.TestRatio, testRatioRange},
	}
	for _, n := range nums {
		if n.v == nil {
			continue
		}
		if err := n.r.check(*n.v); err != nil {
			return err
		}
	}
	if p.Speed != nil {
		if err := checkSpeed(*p.Speed); err != nil {
			return err
		}
	}
	strs := []struct {
		v     *string
		check func(string) error
	}{
		{p.Activation, checkActivation},
		{p.Regularization, checkRegularization},
		{p.Problem, checkProblem},
		{p.Dataset, checkDataset},
	}
	for _, s := range strs {
		if s.v == nil {
			continue
		}
		if err := s.check(*s.v); err != nil {
			return err
		}
	}
	if p.Features != nil {
		if _, err := parseFeatures(p.Features); err != nil {
			return err
		}
	}
	if p.Layers != nil {
		l := p.Layers
		if len(l) < 2 || len(l) > MaxHidden+2 {
			return fmt.Errorf("layers must list the inputs, 0 to %d hidden layers and the output (2 to %d sizes), got %d sizes", MaxHidden, MaxHidden+2, len(l))
		}
		if err := (numRange{name: "layers[0] (the inputs)", lo: 1, hi: float64(len(featureNames)), whole: true}).check(l[0]); err != nil {
			return err
		}
		for i := 1; i < len(l)-1; i++ {
			if err := hiddenRange(i).check(l[i]); err != nil {
				return err
			}
		}
		last := len(l) - 1
		if l[last] != 1 {
			return fmt.Errorf("layers[%d] (the output) must be 1, got %s", last, formatNumber(l[last]))
		}
	}
	return nil
}

// set stores *v in *dst when the patch gives v.
func set[T any](dst *T, v *T) {
	if v != nil {
		*dst = *v
	}
}

// setWhole stores *v, a whole number check has accepted, in the integer *dst when the patch
// gives v.
func setWhole[T int | uint32](dst *T, v *float64) {
	if v != nil {
		*dst = T(*v)
	}
}

// apply returns cur changed by p. It checks every field, that Layers fits the features and
// that the data set fits the problem. lastGen names the generator each problem used last,
// for a problem change that names no data set.
func (p Patch) apply(cur Settings, lastGen map[string]string) (Settings, error) {
	if err := p.check(); err != nil {
		return cur, err
	}
	s := cur.clone()
	set(&s.LearningRate, p.LearningRate)
	set(&s.Activation, p.Activation)
	setWhole(&s.BatchSize, p.BatchSize)
	set(&s.Regularization, p.Regularization)
	set(&s.RegularizationRate, p.RegularizationRate)
	if p.Features != nil {
		s.Features = append([]string(nil), p.Features...)
	}
	if p.Layers != nil {
		if int(p.Layers[0]) != len(s.Features) {
			return cur, fmt.Errorf("layers[0] must be the number of features (%d), got %s", len(s.Features), formatNumber(p.Layers[0]))
		}
		s.Hidden = s.Hidden[:0]
		for _, h := range p.Layers[1 : len(p.Layers)-1] {
			s.Hidden = append(s.Hidden, int(h))
		}
	}
	setWhole(&s.Seed, p.Seed)
	setWhole(&s.DataSeed, p.DataSeed)
	set(&s.Noise, p.Noise)
	setWhole(&s.NumPoints, p.NumPoints)
	set(&s.TestRatio, p.TestRatio)
	set(&s.Speed, p.Speed)
	set(&s.Problem, p.Problem)
	switch {
	case p.Dataset != nil && *p.Dataset == Custom:
		if cur.Dataset != Custom || s.Problem != cur.Problem {
			return cur, fmt.Errorf("dataset %q cannot be chosen: it names data given with setData or edited by hand", Custom)
		}
	case p.Dataset != nil:
		s.Dataset = *p.Dataset
		if g := generators[s.Dataset]; g.problem != s.Problem {
			if p.Problem != nil {
				return cur, fmt.Errorf("dataset %q is a %s data set, but problem is %s", s.Dataset, g.problem, s.Problem)
			}
			return cur, checkDatasetProblem(s.Dataset, s.Problem)
		}
	case s.Problem != cur.Problem:
		s.Dataset = lastGen[s.Problem]
	}
	if err := s.Validate(); err != nil {
		return cur, err
	}
	return s, nil
}

package session

import (
	"encoding/json"
	"fmt"
	"slices"
)

// Patch is a partial change of settings: the settings it does not give stay as they are.
// Make one with ParsePatch or ParseLink. Layers, if given, is the full list; its first size
// must equal the number of features (after the patch's features are applied) and its last
// must be 1.
type Patch struct {
	to     Settings         // the given values, in their fields
	given  [len(specs)]bool // which settings of specs are given
	inputs int              // layers[0], when layers is given
}

// Has reports whether p gives the setting called name.
func (p Patch) Has(name string) bool {
	i := specIndex(name)
	return i >= 0 && p.given[i]
}

// specIndex returns the index of the setting called name in specs, or -1.
func specIndex(name string) int {
	for i := range specs {
		if specs[i].Name == name {
			return i
		}
	}
	return -1
}

// ParsePatch decodes a JSON object of settings (the scripting API's names; see Specs).
// Unknown names, wrong types and values out of range are errors that name the setting;
// the first in name order is reported. Whether layers fits the features and whether the
// data set fits the problem depend on the current settings and are checked by
// Session.Configure.
func ParsePatch(data []byte) (Patch, error) {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil || raw == nil {
		return Patch{}, fmt.Errorf("settings must be a JSON object, got %s", Excerpt(data))
	}
	keys := make([]string, 0, len(raw))
	for k := range raw {
		keys = append(keys, k)
	}
	slices.Sort(keys) // so that the first error reported does not depend on map order
	var p Patch
	for _, k := range keys {
		i := specIndex(k)
		if i < 0 {
			return Patch{}, fmt.Errorf("unknown setting %q", k)
		}
		sp := &specs[i]
		v, err := sp.decode(raw[k])
		if err == nil {
			err = sp.check(v)
		}
		if err != nil {
			return Patch{}, err
		}
		sp.store(&p.to, v)
		p.given[i] = true
		if sp.Kind == KindLayers {
			p.inputs = int(v.([]float64)[0])
		}
	}
	return p, nil
}

// apply returns cur changed by p. It checks that layers fits the features and that the data
// set fits the problem; a data set given without a problem brings its own. lastGen names the generator each problem used last, for a problem
// change that names no data set.
func (p Patch) apply(cur Settings, lastGen map[string]string) (Settings, error) {
	s := cur.clone()
	for i := range specs {
		if p.given[i] {
			specs[i].store(&s, specs[i].Value(&p.to))
		}
	}
	if p.Has("layers") && p.inputs != len(s.Features) {
		return cur, fmt.Errorf("layers[0] must be the number of features (%d), got %d", len(s.Features), p.inputs)
	}
	switch {
	case p.Has("dataset") && s.Dataset == Custom:
		if cur.Dataset != Custom || s.Problem != cur.Problem {
			return cur, fmt.Errorf("dataset %q cannot be chosen: it names data given with setData or edited by hand", Custom)
		}
	case p.Has("dataset"):
		if g := generators[s.Dataset]; g.problem != s.Problem {
			if p.Has("problem") {
				return cur, fmt.Errorf("dataset %q is a %s data set, but problem is %s", s.Dataset, g.problem, s.Problem)
			}
			s.Problem = g.problem // a data set names its problem
		}
	case s.Problem != cur.Problem:
		s.Dataset = lastGen[s.Problem]
	}
	if err := s.Validate(); err != nil {
		return cur, err
	}
	return s, nil
}

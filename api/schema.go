package api

import (
	"nnplay/session"
)

// Schema is the answer of schema(): every setting with its kind, range or choices, default,
// effects and link key (session.Specs, in its order), the generated data sets with their
// problem, and the values the page's lists offer. The page builds its controls from it.
type Schema struct {
	Settings []SettingSchema      `json:"settings"`
	Datasets []DatasetSchema      `json:"datasets"`
	Offered  map[string][]float64 `json:"offered"`
}

// SettingSchema is one setting of Schema. Fields that do not apply to its kind are null.
type SettingSchema struct {
	Name         string           `json:"name"`
	Kind         session.Kind     `json:"kind"`
	Min          *float64         `json:"min"`          // number, integer; layers: of each hidden size; list: the fewest names
	Max          *float64         `json:"max"`          // as Min
	MinExclusive bool             `json:"minExclusive"` // min itself is outside the range
	Zero         *string          `json:"zero"`         // what 0 means where the range excludes it
	MaxHidden    *int             `json:"maxHidden"`    // layers: the most hidden layers
	NewLayer     *int             `json:"newLayer"`     // layers: the nodes of a hidden layer the page's + adds
	Step         *float64         `json:"step"`         // number: the step of the page's slider; integer: 1
	Choices      []string         `json:"choices"`      // choice, list
	Default      any              `json:"default"`
	Effects      []session.Effect `json:"effects"` // what a change does
	Link         *string          `json:"link"`    // the key in the page's link, null if links leave it out
}

// DatasetSchema is a generated data set, the problem it belongs to, and its picture for
// the page's picker (a PNG data URL drawn from the generator, see ThumbnailSize).
type DatasetSchema struct {
	Name      string `json:"name"`
	Problem   string `json:"problem"`
	Thumbnail string `json:"thumbnail"`
}

// one is an integer setting's step.
var one = 1.0

// NewSchema returns schema()'s answer, built from session.Specs and session.DatasetNames.
func NewSchema() Schema {
	sc := Schema{Offered: map[string][]float64{}}
	for i := range session.Specs() {
		sp := &session.Specs()[i]
		s := SettingSchema{
			Name: sp.Name, Kind: sp.Kind, MinExclusive: sp.MinExclusive, Choices: sp.Choices,
			Default: sp.Default(), Effects: sp.Effects,
		}
		switch sp.Kind {
		case session.KindNumber, session.KindInteger, session.KindLayers:
			s.Min, s.Max = &sp.Min, &sp.Max
		}
		if sp.Kind == session.KindList {
			s.Min = &sp.Min
		}
		switch {
		case sp.Kind == session.KindLayers:
			s.MaxHidden, s.NewLayer = &sp.MaxHidden, &sp.NewLayer
		case sp.Kind == session.KindInteger:
			s.Step = &one
		case sp.Kind == session.KindNumber && sp.Step > 0:
			s.Step = &sp.Step
		}
		if sp.Zero != "" {
			s.Zero = &sp.Zero
		}
		if sp.Link != "" {
			s.Link = &sp.Link
		}
		if s.Effects == nil {
			s.Effects = []session.Effect{}
		}
		if sp.Offered != nil {
			sc.Offered[sp.Name] = sp.Offered
		}
		sc.Settings = append(sc.Settings, s)
	}
	for _, name := range session.DatasetNames() {
		problem, _ := session.DatasetProblem(name)
		sc.Datasets = append(sc.Datasets, DatasetSchema{name, problem, thumbnailURL(name)})
	}
	return sc
}

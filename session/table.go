package session

import (
	"math"

	"nnplay/nn"
)

// Kind is the type of a setting's value as the scripting API sees it.
type Kind string

// The kinds of setting.
const (
	KindNumber  Kind = "number"  // a finite number in [Min, Max], or (Min, Max] if MinExclusive
	KindInteger Kind = "integer" // a whole number in [Min, Max]
	KindBoolean Kind = "boolean" // true or false
	KindChoice  Kind = "choice"  // one of Choices
	KindList    Kind = "list"    // one or more distinct names from Choices
	KindLayers  Kind = "layers"  // layer sizes: the inputs, 0 to MaxHidden hidden sizes in [Min, Max], the output 1
)

// Effect is what a change of a setting does besides storing the new value.
type Effect string

// The effects of a change.
const (
	Retrain    Effect = "retrain"    // training goes on from the current weights with the new value
	Rebuild    Effect = "rebuild"    // the network is rebuilt from the seed: epoch 0, loss history cleared
	Regenerate Effect = "regenerate" // the points are generated again (undoable once)
	Resplit    Effect = "resplit"    // the points are split again into training and test (undoable once)
)

// Spec describes one setting: its name, the values it takes, its default (in
// DefaultSettings), what a change does and how a link writes it. Specs lists them all;
// validation, patches, Configure, links, the JSON of Settings and the API's schema() read
// them, so a setting is added by adding its field to Settings and its entry to specs.
type Spec struct {
	Name         string    // the scripting API's name
	Kind         Kind      // the type of its values
	Min, Max     float64   // the range of a number or an integer; of each hidden size for layers; a list's fewest items
	MinExclusive bool      // Min itself is outside the range
	Zero         string    // for a number whose range excludes 0: what 0 means (0 is then allowed)
	Unit         string    // for messages: the unit of a number, what a list's items are
	MaxHidden    int       // for layers: the most hidden layers
	Choices      []string  // the names a choice or a list takes
	Effects      []Effect  // what a change does
	Link         string    // the key in a link; "" leaves the setting out of links
	Offered      []float64 // the values the page's list proposes for a number (nil: a range or a field)
	Step         float64   // for a number: the step of the page's slider (0: any value)
	NewLayer     int       // for layers: the nodes of a hidden layer the page's + adds
	// Mark is how a loss-curve mark names a change of the setting ("learning rate"), as the
	// page's control is labelled; "" for a setting whose change leaves the curve as it is
	// (the view's settings, hide, speed), which gets no mark.
	Mark string

	// field returns a pointer to the setting's value in s: *float64, *int, *uint32, *bool,
	// *string, *[]string, or for layers *[]int, the hidden sizes.
	field func(s *Settings) any
}

// specs is the table of settings, in the order links write them and the page shows them:
// data, network, training.
var specs = [...]Spec{
	{Name: "dataset", Kind: KindChoice, Choices: append(DatasetNames(), Custom),
		Effects: []Effect{Regenerate}, Link: "dataset", Mark: "data set", field: func(s *Settings) any { return &s.Dataset }},
	{Name: "problem", Kind: KindChoice, Choices: []string{Classification, Regression},
		Effects: []Effect{Rebuild, Regenerate}, Link: "problem", Mark: "problem", field: func(s *Settings) any { return &s.Problem }},
	{Name: "noise", Kind: KindNumber, Min: 0, Max: 0.5, Step: 0.05,
		Effects: []Effect{Regenerate}, Link: "noise", Mark: "noise", field: func(s *Settings) any { return &s.Noise }},
	{Name: "numPoints", Kind: KindInteger, Min: 1, Max: MaxPoints,
		Effects: []Effect{Regenerate}, Link: "numPoints", Mark: "number of points", field: func(s *Settings) any { return &s.NumPoints }},
	{Name: "testRatio", Kind: KindNumber, Min: 0.1, Max: 0.9, Step: 0.1,
		Effects: []Effect{Resplit}, Link: "testRatio", Mark: "test share", field: func(s *Settings) any { return &s.TestRatio }},
	{Name: "dataSeed", Kind: KindInteger, Min: 0, Max: math.MaxUint32,
		Effects: []Effect{Regenerate}, Link: "dataSeed", Mark: "data seed", field: func(s *Settings) any { return &s.DataSeed }},
	{Name: "features", Kind: KindList, Min: 1, Choices: nn.AllFeatureNames(), Unit: "input",
		Effects: []Effect{Rebuild}, Link: "features", Mark: "features", field: func(s *Settings) any { return &s.Features }},
	{Name: "layers", Kind: KindLayers, Min: 1, Max: MaxShownNodes, MaxHidden: MaxShownHidden, NewLayer: 2,
		Effects: []Effect{Rebuild}, Link: "layers", Mark: "layers", field: func(s *Settings) any { return &s.Hidden }},
	{Name: "activation", Kind: KindChoice, Choices: nn.ActivationNames(),
		Effects: []Effect{Rebuild}, Link: "activation", Mark: "activation", field: func(s *Settings) any { return &s.Activation }},
	{Name: "seed", Kind: KindInteger, Min: 0, Max: math.MaxUint32,
		Effects: []Effect{Rebuild}, Link: "seed", Mark: "seed", field: func(s *Settings) any { return &s.Seed }},
	{Name: "learningRate", Kind: KindNumber, Min: 0, Max: 10, MinExclusive: true,
		Offered: []float64{0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10}, // TensorFlow Playground's
		Effects: []Effect{Retrain}, Link: "learningRate", Mark: "learning rate", field: func(s *Settings) any { return &s.LearningRate }},
	{Name: "batchSize", Kind: KindInteger, Min: 1, Max: MaxPoints,
		Effects: []Effect{Retrain}, Link: "batchSize", Mark: "batch size", field: func(s *Settings) any { return &s.BatchSize }},
	{Name: "regularization", Kind: KindChoice, Choices: nn.RegularizationNames(),
		Effects: []Effect{Retrain}, Link: "regularization", Mark: "regularization", field: func(s *Settings) any { return &s.Regularization }},
	{Name: "regularizationRate", Kind: KindNumber, Min: 0, Max: 10,
		Offered: []float64{0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10}, // TensorFlow Playground's
		Effects: []Effect{Retrain}, Link: "regularizationRate", Mark: "regularization rate", field: func(s *Settings) any { return &s.RegularizationRate }},
	{Name: "speed", Kind: KindNumber, Min: 1, Max: MaxSpeed, Zero: "as fast as it goes", Unit: "epochs per second",
		Offered: []float64{1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000, 100000, 0},
		Effects: []Effect{Retrain}, Link: "speed", field: func(s *Settings) any { return &s.Speed }},

	// The view: no effect but what the page shows.
	{Name: "discretize", Kind: KindBoolean, Link: "discretize", field: func(s *Settings) any { return &s.View.Discretize }},
	{Name: "showTestData", Kind: KindBoolean, Link: "showTestData", field: func(s *Settings) any { return &s.View.ShowTestData }},
	{Name: "logLoss", Kind: KindBoolean, Link: "logLoss", field: func(s *Settings) any { return &s.View.LogLoss }},
	{Name: "gradients", Kind: KindBoolean, Link: "gradients", field: func(s *Settings) any { return &s.View.Gradients }},
	// The controls a classroom link hides; its choices, every other setting, are set by init.
	{Name: "hide", Kind: KindList, Unit: "setting", Link: "hide", field: func(s *Settings) any { return &s.Hide }},
}

// init makes every setting but hide itself a choice of hide.
func init() {
	hide := LookupSpec("hide")
	for i := range specs {
		if &specs[i] != hide {
			hide.Choices = append(hide.Choices, specs[i].Name)
		}
	}
}

// Specs returns the table of settings, in the order links write them. The caller must not
// change the entries' slices.
func Specs() []Spec { return specs[:] }

// LookupSpec returns the setting called name (the API's name), or nil.
func LookupSpec(name string) *Spec {
	for i := range specs {
		if specs[i].Name == name {
			return &specs[i]
		}
	}
	return nil
}

// Default returns the setting's value in DefaultSettings, as the API shows it.
func (sp *Spec) Default() any {
	d := DefaultSettings()
	return sp.Value(&d)
}

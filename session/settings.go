package session

import (
	"fmt"

	"nnplay/nn"
)

// Problem names.
const (
	Classification = "classification"
	Regression     = "regression"
)

// outputs is the output activation of each problem: a class's probability, or a value.
var outputs = [...]struct {
	problem string
	act     nn.Activation
}{{Classification, nn.Sigmoid}, {Regression, nn.Linear}}

// outputOf returns the output activation of a network for problem (a known one).
func outputOf(problem string) nn.Activation {
	for _, o := range outputs {
		if o.problem == problem {
			return o.act
		}
	}
	panic("session: no such problem " + problem)
}

// problemOf returns the problem whose networks have output activation a, or "" for none.
func problemOf(a nn.Activation) string {
	for _, o := range outputs {
		if o.act == a {
			return o.problem
		}
	}
	return ""
}

// Custom is the data set name of data given or edited by hand.
const Custom = "custom"

// Bounds of the shape the playground shows (a model file may hold larger networks, up to
// nn.MaxHiddenLayers of nn.MaxLayerSize nodes, but the playground does not load them).
const (
	MaxShownHidden = 6 // hidden layers
	MaxShownNodes  = 8 // nodes in one hidden layer
)

// Settings is everything a user chooses. Names and units are those of the scripting API;
// the table Specs describes each field (its range or choices, default, effects and link
// key), and only it: the comments below say what a field means, not what it may hold.
type Settings struct {
	LearningRate       float64  // the step of each update
	Activation         string   // the hidden layers' activation (nn.ActivationNames)
	BatchSize          int      // points per update; ≥ the training-set size means full batch
	Regularization     string   // the penalty on the weights (nn.RegularizationNames)
	RegularizationRate float64  // the penalty's weight
	Features           []string // input feature names (see nn.ParseFeature)
	Hidden             []int    // hidden layer sizes, nodes in each
	Problem            string   // Classification or Regression
	Seed               uint32   // weights' seed
	DataSeed           uint32   // data generator's seed
	Dataset            string   // a generated data set of the problem (DatasetNames), or Custom
	Noise              float64  // the generated data's noise
	NumPoints          int      // how many points are generated
	TestRatio          float64  // the share held out for testing
	Speed              float64  // epochs per second, or 0 for as fast as it goes
	View               View     // how the page shows the session; a change retrains nothing
	Hide               []string // the controls the page hides (a classroom link's): settings' names
}

// View is the settings of how the page shows the session. Frames read it through
// Session.View, which does not allocate.
type View struct {
	Discretize   bool // the plot's field shows only the predicted class
	ShowTestData bool // test points are shown: drawn, hovered, picked and selected
	LogLoss      bool // loss curves on a log scale
	Gradients    bool // the edges show the training set's mean ∂L/∂w instead of w
}

// Shows reports whether the page shows point p: every point, but a test point only with
// ShowTestData.
func (v View) Shows(p Point) bool { return v.ShowTestData || !p.Test }

// DefaultSettings returns the settings a new playground opens with: a 2‑4‑1 sigmoid network
// on a data set it solves within a second, where one dragged point visibly bends the
// boundary.
//
// That is gauss data without noise, 8 points (half held out), batch 10, learning rate 1 and
// 500 epochs per second, seeds 1. The boundary separates the two clusters within the first
// second. TestDragTeaches checks the drag: after 5 s of training, every training point
// dragged to any spot deep in the other class's region (the spot and all within 2 units of
// it on the other side of 0.5) moves the output there at least 0.3 toward its label within
// the next 5 s (the worst of 778 pairs on a half-unit grid moves 0.324). With more points one
// point is outvoted (at 10 points 2 of 900 pairs fail, at 24 about half), and far from the
// data saturated sigmoids pin the output; see README.
func DefaultSettings() Settings {
	return Settings{
		LearningRate:       1,
		Activation:         "sigmoid",
		BatchSize:          10,
		Regularization:     "none",
		RegularizationRate: 0,
		Features:           []string{"x1", "x2"},
		Hidden:             []int{4},
		Problem:            Classification,
		Seed:               1,
		DataSeed:           1,
		Dataset:            "gauss",
		Noise:              0,
		NumPoints:          8,
		TestRatio:          0.5,
		Speed:              500,
		View:               View{ShowTestData: true},
		Hide:               []string{},
	}
}

// Layers returns the full list of layer sizes: the number of features, the hidden sizes, 1.
func (s Settings) Layers() []int {
	l := make([]int, 0, len(s.Hidden)+2)
	l = append(l, len(s.Features))
	l = append(l, s.Hidden...)
	return append(l, 1)
}

// clone returns a copy of s that shares no slices with it.
func (s Settings) clone() Settings {
	s.Features = append([]string(nil), s.Features...)
	s.Hidden = append([]int(nil), s.Hidden...)
	s.Hide = append([]string{}, s.Hide...)
	return s
}

// Validate reports the first setting out of its range, naming the setting and the range,
// or a data set of the other problem.
func (s Settings) Validate() error {
	for i := range specs {
		if err := specs[i].check(specs[i].Value(&s)); err != nil {
			return err
		}
	}
	return checkDatasetProblem(s.Dataset, s.Problem)
}

// MaxSpeed is the fastest explicit training speed in epochs per second.
const MaxSpeed = 1e6

// checkDatasetProblem refuses a generated data set of the other problem type.
func checkDatasetProblem(dataset, problem string) error {
	g, ok := generators[dataset]
	if !ok || g.problem == problem {
		return nil
	}
	return fmt.Errorf("dataset %q is a %s data set; set problem to %s first", dataset, g.problem, g.problem)
}

// parseFeatures parses feature names with errors that name the setting.
func parseFeatures(names []string) ([]nn.Feature, error) {
	if err := checkSetting("features", names); err != nil {
		return nil, err
	}
	fs, err := nn.ParseFeatures(names)
	if err != nil {
		return nil, fmt.Errorf("features: %v", err)
	}
	return fs, nil
}

// ClassicSettings returns TensorFlow Playground's opening settings, nnplay's defaults before
// they were chosen for dragging: the circle of 250 points (half held out) at learning rate
// 0.03, otherwise as DefaultSettings. Tests of the mechanics start from them: a larger data
// set that takes seconds to learn.
func ClassicSettings() Settings {
	s := DefaultSettings()
	s.Dataset, s.NumPoints, s.LearningRate = "circle", 250, 0.03
	return s
}

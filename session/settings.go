package session

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"nnplay/nn"
)

// Problem names.
const (
	Classification = "classification"
	Regression     = "regression"
)

// Custom is the data set name of data given or edited by hand.
const Custom = "custom"

// Bounds of the shape a playground can show.
const (
	MaxHidden    = 6 // hidden layers
	MaxLayerSize = 8 // nodes in one hidden layer
)

// Settings is everything a user chooses. Names and units are those of the scripting API.
type Settings struct {
	LearningRate       float64  // finite, in (0, 10]
	Activation         string   // hidden activation: sigmoid|tanh|relu|linear
	BatchSize          int      // 1–2000; ≥ the training-set size means full batch
	Regularization     string   // none|l1|l2
	RegularizationRate float64  // finite, 0–10
	Features           []string // input feature names (see nn.ParseFeature)
	Hidden             []int    // hidden layer sizes: 0–6 layers of 1–8 nodes
	Problem            string   // classification|regression
	Seed               uint32   // weights' seed
	DataSeed           uint32   // data generator's seed
	Dataset            string   // circle|xor|gauss|spiral (classification), plane|gauss-multi (regression), custom
	Noise              float64  // 0–0.5
	NumPoints          int      // 1–2000
	TestRatio          float64  // 0.1–0.9, the share held out for testing
	Speed              float64  // epochs per second, 1–1,000,000, or 0 for as fast as it goes
}

// DefaultSettings returns the settings a new playground opens with: a 2‑4‑1 sigmoid network
// on a data set it visibly solves within seconds.
//
// That is circle data without noise (250 points, half held out), batch 10, learning rate
// 0.03 (TensorFlow Playground's) and 500 epochs per second, seeds 1: TestConvergence shows
// 2‑4‑1 passing 97% test accuracy at epoch 2,500, some 5 s after the page opens, the
// boundary closing into a circle on the way. (At learning rate 0.1 it takes 800 epochs; on
// other seeds 2,000–16,000 at 0.03.)
func DefaultSettings() Settings {
	return Settings{
		LearningRate:       0.03,
		Activation:         "sigmoid",
		BatchSize:          10,
		Regularization:     "none",
		RegularizationRate: 0,
		Features:           []string{"x1", "x2"},
		Hidden:             []int{4},
		Problem:            Classification,
		Seed:               1,
		DataSeed:           1,
		Dataset:            "circle",
		Noise:              0,
		NumPoints:          250,
		TestRatio:          0.5,
		Speed:              500,
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
	return s
}

// Validate reports the first setting out of its range, naming the setting and the range.
func (s Settings) Validate() error {
	if err := learningRateRange.check(s.LearningRate); err != nil {
		return err
	}
	if err := checkActivation(s.Activation); err != nil {
		return err
	}
	if err := batchSizeRange.check(float64(s.BatchSize)); err != nil {
		return err
	}
	if err := checkRegularization(s.Regularization); err != nil {
		return err
	}
	if err := regularizationRateRange.check(s.RegularizationRate); err != nil {
		return err
	}
	if _, err := parseFeatures(s.Features); err != nil {
		return err
	}
	if len(s.Hidden) > MaxHidden {
		return fmt.Errorf("layers must have 0 to %d hidden layers, got %d", MaxHidden, len(s.Hidden))
	}
	for i, h := range s.Hidden {
		if err := hiddenRange(i + 1).check(float64(h)); err != nil {
			return err
		}
	}
	if err := checkProblem(s.Problem); err != nil {
		return err
	}
	if err := checkDataset(s.Dataset); err != nil {
		return err
	}
	if err := checkDatasetProblem(s.Dataset, s.Problem); err != nil {
		return err
	}
	if err := noiseRange.check(s.Noise); err != nil {
		return err
	}
	if err := numPointsRange.check(float64(s.NumPoints)); err != nil {
		return err
	}
	if err := testRatioRange.check(s.TestRatio); err != nil {
		return err
	}
	return checkSpeed(s.Speed)
}

// numRange is the allowed range of a numeric setting, with its name for error messages.
type numRange struct {
	name   string
	lo, hi float64
	openLo bool // lo itself is excluded
	whole  bool // only whole numbers
}

// The ranges of the numeric settings.
var (
	learningRateRange       = numRange{name: "learningRate", lo: 0, hi: 10, openLo: true}
	batchSizeRange          = numRange{name: "batchSize", lo: 1, hi: MaxPoints, whole: true}
	regularizationRateRange = numRange{name: "regularizationRate", lo: 0, hi: 10}
	seedRange               = numRange{name: "seed", lo: 0, hi: math.MaxUint32, whole: true}
	dataSeedRange           = numRange{name: "dataSeed", lo: 0, hi: math.MaxUint32, whole: true}
	noiseRange              = numRange{name: "noise", lo: 0, hi: 0.5}
	numPointsRange          = numRange{name: "numPoints", lo: 1, hi: MaxPoints, whole: true}
	testRatioRange          = numRange{name: "testRatio", lo: 0.1, hi: 0.9}
)

// MaxSpeed is the fastest explicit training speed in epochs per second.
const MaxSpeed = 1e6

// hiddenRange is the range of layers[i], a hidden layer's size.
func hiddenRange(i int) numRange {
	return numRange{name: "layers[" + strconv.Itoa(i) + "] (a hidden layer)", lo: 1, hi: MaxLayerSize, whole: true}
}

// check returns an error naming the setting and its range if v is outside it.
func (r numRange) check(v float64) error {
	ok := !math.IsNaN(v) && !math.IsInf(v, 0) && v <= r.hi && (v > r.lo || !r.openLo && v == r.lo)
	if r.whole && v != math.Trunc(v) {
		ok = false
	}
	if ok {
		return nil
	}
	kind, open := "a finite number", "["
	if r.whole {
		kind = "a whole number"
	}
	if r.openLo {
		open = "("
	}
	return fmt.Errorf("%s must be %s in %s%s, %s], got %s", r.name, kind, open, formatBound(r.lo), formatBound(r.hi), formatNumber(v))
}

// checkSpeed checks the speed setting: 0 or [1, MaxSpeed].
func checkSpeed(v float64) error {
	if v == 0 || v >= 1 && v <= MaxSpeed {
		return nil
	}
	return fmt.Errorf("speed must be 0 (as fast as it goes) or a finite number in [1, %s] epochs per second, got %s", formatBound(MaxSpeed), formatNumber(v))
}

func formatBound(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// formatNumber formats a number for a message: whole numbers in full up to 1e21, others in
// the shortest form that reads back exactly.
func formatNumber(v float64) string {
	if v == math.Trunc(v) && math.Abs(v) < 1e21 {
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	return strconv.FormatFloat(v, 'g', -1, 64)
}

// The names allowed in the string settings: the core's, and the two problems.
var (
	activationNames     = nn.ActivationNames()
	regularizationNames = nn.RegularizationNames()
	problemNames        = []string{Classification, Regression}
	featureNames        = nn.AllFeatureNames()
)

// checkName returns an error naming the setting and the allowed names if v is not one of them.
func checkName(setting, v string, allowed []string) error {
	for _, a := range allowed {
		if v == a {
			return nil
		}
	}
	return fmt.Errorf("%s must be one of %s, got %q", setting, strings.Join(allowed, ", "), v)
}

func checkActivation(v string) error { return checkName("activation", v, activationNames) }

func checkRegularization(v string) error {
	return checkName("regularization", v, regularizationNames)
}

func checkProblem(v string) error { return checkName("problem", v, problemNames) }

func checkDataset(v string) error {
	if v == Custom {
		return nil
	}
	if _, ok := generators[v]; ok {
		return nil
	}
	return fmt.Errorf("dataset must be one of %s, %s, got %q", strings.Join(DatasetNames(), ", "), Custom, v)
}

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
	if len(names) == 0 {
		return nil, fmt.Errorf("features must name at least one input of %s", strings.Join(featureNames, ", "))
	}
	for i, name := range names {
		if err := checkName("features["+strconv.Itoa(i)+"]", name, featureNames); err != nil {
			return nil, err
		}
		for _, prev := range names[:i] {
			if prev == name {
				return nil, fmt.Errorf("features lists %q twice", name)
			}
		}
	}
	fs, err := nn.ParseFeatures(names)
	if err != nil {
		return nil, fmt.Errorf("features: %v", err)
	}
	return fs, nil
}

package session

// Problem names.
const (
	Classification = "classification"
	Regression     = "regression"
)

// Custom is the data set name of data given or edited by hand.
const Custom = "custom"

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
func DefaultSettings() Settings { panic("unimplemented") }

// Layers returns the full list of layer sizes: the number of features, the hidden sizes, 1.
func (s Settings) Layers() []int { panic("unimplemented") }

// Validate reports the first setting out of its range, naming the setting and the range.
func (s Settings) Validate() error { panic("unimplemented") }

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
// wrong types and values out of range are errors that name the setting.
func ParsePatch(data []byte) (Patch, error) { panic("unimplemented") }

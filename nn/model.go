package nn

// ModelFormat is the format tag of a model file.
const ModelFormat = "nnplay.model/1"

// Model is a trained network as stored in a model file (JSON). Weights[l][j][i] is the weight
// into node j of layer l+1 from node i of layer l; Layers is the full list, inputs first;
// Inputs names the features; Output is "sigmoid" (classification) or "linear" (regression).
type Model struct {
	Format     string        `json:"format"`
	Inputs     []string      `json:"inputs"`
	Layers     []int         `json:"layers"`
	Activation string        `json:"activation"`
	Output     string        `json:"output"`
	Weights    [][][]float64 `json:"weights"`
	Biases     [][]float64   `json:"biases"`
}

// NewModel describes network n with input features fs as a Model.
func NewModel(n *Network, fs []Feature) Model { panic("unimplemented") }

// Validate reports the first inconsistency in m, saying what and where.
func (m Model) Validate() error { panic("unimplemented") }

// Network builds the network and the features m describes; it fails if m does not validate.
func (m Model) Network() (*Network, []Feature, error) { panic("unimplemented") }

// EncodeModel returns m as indented JSON.
func EncodeModel(m Model) ([]byte, error) { panic("unimplemented") }

// DecodeModel parses and validates a model file. Every field is required; unknown keys are
// ignored.
func DecodeModel(data []byte) (Model, error) { panic("unimplemented") }

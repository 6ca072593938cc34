package nn

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
)

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
func NewModel(n *Network, fs []Feature) Model {
	m := Model{
		Format:     ModelFormat,
		Inputs:     FeatureNames(fs),
		Layers:     append([]int(nil), n.layers...),
		Activation: n.hidden.String(),
		Output:     n.output.String(),
		Weights:    make([][][]float64, len(n.w)),
		Biases:     make([][]float64, len(n.b)),
	}
	for l := range n.w {
		rows := make([][]float64, n.layers[l+1])
		for j := range rows {
			rows[j] = append([]float64(nil), n.w[l][j*n.layers[l]:(j+1)*n.layers[l]]...)
		}
		m.Weights[l] = rows
		m.Biases[l] = append([]float64(nil), n.b[l]...)
	}
	return m
}

// Validate reports the first inconsistency in m, saying what and where.
func (m Model) Validate() error {
	_, _, err := m.parse()
	return err
}

// parse validates m and returns its features and activations.
func (m Model) parse() (fs []Feature, acts [2]Activation, err error) {
	if m.Format != ModelFormat {
		return nil, acts, fmt.Errorf("format: %q, want %q", m.Format, ModelFormat)
	}
	if err := checkShape(m.Layers); err != nil {
		return nil, acts, fmt.Errorf("layers: %v", err)
	}
	if len(m.Inputs) != m.Layers[0] {
		return nil, acts, fmt.Errorf("inputs: %d features for an input layer of %d", len(m.Inputs), m.Layers[0])
	}
	if fs, err = ParseFeatures(m.Inputs); err != nil {
		return nil, acts, fmt.Errorf("inputs: %v", err)
	}
	if acts[0], err = ParseActivation(m.Activation); err != nil {
		return nil, acts, fmt.Errorf("activation: %v", err)
	}
	switch m.Output {
	case "sigmoid":
		acts[1] = Sigmoid
	case "linear":
		acts[1] = Linear
	default:
		return nil, acts, fmt.Errorf("output: %q, want sigmoid (classification) or linear (regression)", m.Output)
	}
	L := len(m.Layers) - 1
	if len(m.Weights) != L {
		return nil, acts, fmt.Errorf("weights: %d layers, want %d", len(m.Weights), L)
	}
	if len(m.Biases) != L {
		return nil, acts, fmt.Errorf("biases: %d layers, want %d", len(m.Biases), L)
	}
	for l := 0; l < L; l++ {
		if len(m.Weights[l]) != m.Layers[l+1] {
			return nil, acts, fmt.Errorf("weights[%d]: has %d rows, want %d", l, len(m.Weights[l]), m.Layers[l+1])
		}
		for j, row := range m.Weights[l] {
			if len(row) != m.Layers[l] {
				return nil, acts, fmt.Errorf("weights[%d][%d]: has %d entries, want %d", l, j, len(row), m.Layers[l])
			}
			for i, w := range row {
				if math.IsNaN(w) || math.IsInf(w, 0) {
					return nil, acts, fmt.Errorf("weights[%d][%d][%d]: %v is not a finite number", l, j, i, w)
				}
			}
		}
		if len(m.Biases[l]) != m.Layers[l+1] {
			return nil, acts, fmt.Errorf("biases[%d]: has %d entries, want %d", l, len(m.Biases[l]), m.Layers[l+1])
		}
		for j, b := range m.Biases[l] {
			if math.IsNaN(b) || math.IsInf(b, 0) {
				return nil, acts, fmt.Errorf("biases[%d][%d]: %v is not a finite number", l, j, b)
			}
		}
	}
	return fs, acts, nil
}

// Network builds the network and the features m describes; it fails if m does not validate.
func (m Model) Network() (*Network, []Feature, error) {
	fs, acts, err := m.parse()
	if err != nil {
		return nil, nil, err
	}
	n, err := New(m.Layers, acts[0], acts[1], nil)
	if err != nil {
		return nil, nil, err
	}
	for l := range n.w {
		for j, row := range m.Weights[l] {
			copy(n.w[l][j*m.Layers[l]:], row)
		}
		copy(n.b[l], m.Biases[l])
	}
	return n, fs, nil
}

// EncodeModel returns m as indented JSON, after checking that it validates.
func EncodeModel(m Model) ([]byte, error) {
	if err := m.Validate(); err != nil {
		return nil, err
	}
	return json.MarshalIndent(m, "", " ")
}

// modelKeys are the fields every model file must have.
var modelKeys = [...]string{"format", "inputs", "layers", "activation", "output", "weights", "biases"}

// DecodeModel parses and validates a model file. Every field is required (null counts as
// missing); unknown keys are ignored. Errors name the field and position at fault.
func DecodeModel(data []byte) (Model, error) {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		return Model{}, fmt.Errorf("not a model file: %v", err)
	}
	for _, k := range modelKeys {
		v, ok := raw[k]
		if !ok || bytes.Equal(bytes.TrimSpace(v), []byte("null")) {
			return Model{}, fmt.Errorf("%s: missing", k)
		}
	}
	var m Model
	for _, f := range []struct {
		key string
		dst any
	}{
		{"format", &m.Format}, {"inputs", &m.Inputs}, {"layers", &m.Layers},
		{"activation", &m.Activation}, {"output", &m.Output},
		{"weights", &m.Weights}, {"biases", &m.Biases},
	} {
		if err := json.Unmarshal(raw[f.key], f.dst); err != nil {
			return Model{}, fmt.Errorf("%s: %v", f.key, err)
		}
	}
	if err := m.Validate(); err != nil {
		return Model{}, err
	}
	return m, nil
}

package session

import "nnplay/nn"

// Session is one playground. Its methods are not safe for concurrent use.
type Session struct {
	settings Settings
	net      *nn.Network
	features []nn.Feature
	points   []Point
	history  History
	// unexported: feature-transformed inputs and targets (nn.Data), train/test index lists,
	// shuffle generator, epoch, running, divergence message, undo snapshot, version.
}

// New returns a session with the given settings, its data generated and its network
// initialised from the seeds.
func New(s Settings) (*Session, error) { panic("unimplemented") }

// Settings returns a copy of the current settings.
func (s *Session) Settings() Settings { panic("unimplemented") }

// Version counts changes of settings, data, weights outside training (reset, load) and play
// state, so that a view can tell when to refresh its controls. Training does not change it.
func (s *Session) Version() uint64 { panic("unimplemented") }

// Configure applies p atomically: on error nothing changes. Changing the learning rate,
// batch size or regularization keeps the weights; changing the shape, features, activation
// or problem rebuilds the network from the seed (epoch 0, history cleared); changing a
// generation setting (data set, noise, numPoints, dataSeed, testRatio, problem) regenerates
// the points (undoable once).
func (s *Session) Configure(p Patch) error { panic("unimplemented") }

// Network returns the current network for reading (drawing, hovering). Do not modify it.
func (s *Session) Network() *nn.Network { panic("unimplemented") }

// Features returns the current input features. Do not modify the slice.
func (s *Session) Features() []nn.Feature { panic("unimplemented") }

// Points returns the points, for reading only; editing methods below keep every derived
// array in step.
func (s *Session) Points() []Point { panic("unimplemented") }

// AddPoint adds a training point and returns its index.
func (s *Session) AddPoint(x, y, label float64) (int, error) { panic("unimplemented") }

// MovePoint moves point i to (x, y).
func (s *Session) MovePoint(i int, x, y float64) error { panic("unimplemented") }

// DeletePoint removes point i; later points shift down by one.
func (s *Session) DeletePoint(i int) error { panic("unimplemented") }

// SetLabel gives point i a new label.
func (s *Session) SetLabel(i int, label float64) error { panic("unimplemented") }

// SetData replaces the points exactly as given (no re-split), keeps the weights, sets the
// data set to Custom; undoable once.
func (s *Session) SetData(pts []Point) error { panic("unimplemented") }

// Regenerate sets dataSeed to dataSeed+1 (mod 2³²) and generates new points; undoable once.
func (s *Session) Regenerate() error { panic("unimplemented") }

// CanUndo reports whether a wholesale data change can be undone.
func (s *Session) CanUndo() bool { panic("unimplemented") }

// Undo restores the points (and the data settings) from before the last wholesale change.
func (s *Session) Undo() error { panic("unimplemented") }

// Running reports whether the playground is playing.
func (s *Session) Running() bool { panic("unimplemented") }

// SetRunning plays or pauses.
func (s *Session) SetRunning(on bool) { panic("unimplemented") }

// Epoch returns the number of epochs trained since the last reset or rebuild.
func (s *Session) Epoch() int { panic("unimplemented") }

// Step trains up to n epochs and returns how many ran. It returns an error, and pauses,
// when there are no training points or when training diverges (the weights stay at the
// last good values and Err reports the cause). It allocates nothing.
func (s *Session) Step(n int) (int, error) { panic("unimplemented") }

// Reset re-initialises the weights from the seed, keeps the data and the play state, sets
// epoch 0, clears history and the divergence message.
func (s *Session) Reset() { panic("unimplemented") }

// Err returns the divergence message, such as "diverged at epoch 412: learning rate 10 is too
// high; lower it and reset", or "" when training is healthy.
func (s *Session) Err() string { panic("unimplemented") }

// Metrics are the loss and accuracy of the current weights on the current data.
// A value is meaningful only when its Has flag is set (an empty split; accuracy for regression).
type Metrics struct {
	TrainLoss, TestLoss         float64
	TrainAccuracy, TestAccuracy float64
	HasTrain, HasTest           bool
	HasAccuracy                 bool
}

// Metrics computes the metrics now. It allocates nothing.
func (s *Session) Metrics() Metrics { panic("unimplemented") }

// Predict returns the network's output at (x, y) of the plane, features applied.
// It allocates nothing.
func (s *Session) Predict(x, y float64) float64 { panic("unimplemented") }

// History returns the loss history.
func (s *Session) History() *History { return &s.history }

// Record evaluates the metrics and appends them to the history at the current epoch; call it
// once per drawn frame. It allocates nothing.
func (s *Session) Record() Metrics { panic("unimplemented") }

// Model returns the network as a model file.
func (s *Session) Model() nn.Model { panic("unimplemented") }

// LoadModel takes the model's layers, activation, features, problem (from its output) and
// weights; keeps the data and training settings; sets epoch 0, clears history, pauses.
// It refuses models the playground cannot show (more than 6 hidden layers, more than 8 nodes
// in one, more than one output) and changes nothing then.
func (s *Session) LoadModel(m nn.Model) error { panic("unimplemented") }

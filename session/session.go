package session

import (
	"errors"
	"fmt"
	"maps"
	"math"
	"math/rand/v2"
	"slices"

	"nnplay/nn"
)

// Session is one playground. Its methods are not safe for concurrent use.
type Session struct {
	settings Settings
	net      *nn.Network
	features []nn.Feature
	points   []Point
	history  History

	cfg         nn.TrainConfig // from settings
	data        nn.Data        // row k: the features of points[k]; target: its label
	train, test []int          // indices of the training and test points, ascending
	epochOrder                 // the current epoch's shuffled order and how far it got
	last        lastStep       // what the last StepSample or StepBatch did
	batch       [1]int         // StepSample's batch
	saved       []float64      // the parameters before the current epoch
	initial     []float64      // the parameters the run started from (after reset, rebuild, load)
	in          [8]float64     // Predict's input (7 features at most)
	labelBound  float64        // the largest |label|
	inputBound  float64        // the largest |feature| anywhere in the plane

	pcg     *rand.PCG  // the shuffle stream, re-seeded from seed on reset, rebuild and load
	shuffle *rand.Rand // over pcg

	dataAt  int // the epoch the points last changed at (the coach waits a window after it)
	epoch   int
	running bool
	err     string            // the divergence message
	undos   undoStack         // the edits that can be undone and redone
	lastGen map[string]string // the data set each problem generated last
	version uint64

	grads gradCache // MeanGradients' last answer, shared by its callers
	draft markDraft // the loss curves' newest mark, while changes still add to it
}

// The PCG streams of the weights' seed: initial weights and the per-epoch shuffle.
const (
	initStream    = 0x6e6e_706c_6179_0001
	shuffleStream = 0x6e6e_706c_6179_0002
)

// ErrNoTrainingPoints is returned by Step when there is nothing to train on.
var ErrNoTrainingPoints = errors.New("no training points: add some or lower the test ratio")

// New returns a session with the given settings, its data generated and its network
// initialised from the seeds. The data set must be a generated one, not Custom (give custom
// data with SetData afterwards).
func New(s Settings) (*Session, error) {
	if err := s.Validate(); err != nil {
		return nil, err
	}
	s = s.clone()
	pts, err := Generate(s.Dataset, s.NumPoints, s.Noise, s.DataSeed, s.TestRatio)
	if err != nil {
		return nil, err
	}
	net, fs, err := build(s)
	if err != nil {
		return nil, err
	}
	ss := bare(s, map[string]string{Classification: "circle", Regression: "plane"})
	ss.lastGen[s.Problem] = s.Dataset
	ss.setNetwork(net, fs)
	ss.setPoints(pts)
	ss.restart()
	return ss, nil
}

// bare returns a session of settings s (valid, owned by it) and lastGen with no network
// and no points yet.
func bare(s Settings, lastGen map[string]string) *Session {
	ss := &Session{
		settings:   s,
		epochOrder: epochOrder{order: make([]int, 0, MaxPoints)},
		pcg:        rand.NewPCG(0, 0),
		lastGen:    lastGen,
	}
	ss.shuffle = rand.New(ss.pcg)
	ss.cfg = trainConfig(s)
	return ss
}

// Copy returns a session of s's settings, points, weights (and the run's first ones) and
// epoch, paused, the shuffle stream re-seeded, with no undo history, no loss history and no
// divergence message: what Snapshot keeps, without the encoding. Changes to either leave the
// other as it was (the saved picture draws a copy while the playground trains on).
func (s *Session) Copy() *Session {
	c := bare(s.settings.clone(), maps.Clone(s.lastGen))
	c.setNetwork(s.net.Clone(), slices.Clone(s.features))
	c.setPoints(slices.Clone(s.points))
	c.restart()
	c.initial = append(c.initial[:0], s.initial...)
	c.epoch, c.dataAt = s.epoch, s.epoch
	return c
}

// build returns the network and features settings s describe, initialised from s.Seed.
func build(s Settings) (*nn.Network, []nn.Feature, error) {
	fs, err := parseFeatures(s.Features)
	if err != nil {
		return nil, nil, err
	}
	hidden, err := nn.ParseActivation(s.Activation)
	if err != nil {
		return nil, nil, fmt.Errorf("activation: %v", err)
	}
	net, err := nn.New(s.Layers(), hidden, outputOf(s.Problem), initRand(s.Seed))
	if err != nil {
		return nil, nil, fmt.Errorf("layers: %v", err)
	}
	return net, fs, nil
}

// initRand returns the generator of the initial weights for a seed.
func initRand(seed uint32) *rand.Rand { return rand.New(rand.NewPCG(uint64(seed), initStream)) }

// trainConfig returns the gradient-descent settings of s (s is valid).
func trainConfig(s Settings) nn.TrainConfig {
	reg, _ := nn.ParseRegularization(s.Regularization)
	return nn.TrainConfig{
		LearningRate:       s.LearningRate,
		BatchSize:          s.BatchSize,
		Regularization:     reg,
		RegularizationRate: s.RegularizationRate,
	}
}

// setNetwork installs net with input features fs and refills the input matrix if the
// features changed.
func (s *Session) setNetwork(net *nn.Network, fs []nn.Feature) {
	s.net = net
	s.saved = make([]float64, len(net.Params()))
	s.last.count = 0 // the last step's update was of another network
	s.restartEpoch()
	same := len(fs) == len(s.features)
	for i := 0; same && i < len(fs); i++ {
		same = fs[i] == s.features[i]
	}
	if same && s.data.Inputs != nil {
		return
	}
	s.features = fs
	s.inputBound = 0
	for _, f := range fs {
		s.inputBound = max(s.inputBound, featureBound(f))
	}
	s.fillInputs()
}

// featureBound returns the largest |f| over the plane.
func featureBound(f nn.Feature) float64 {
	switch f {
	case nn.X1Squared, nn.X2Squared, nn.X1TimesX2:
		return Max * Max
	case nn.SinX1, nn.SinX2:
		return 1
	}
	return Max
}

// restart puts training back at its start: epoch 0, the shuffle stream re-seeded, the
// current parameters kept as the initial ones, no history, no divergence message.
func (s *Session) restart() {
	s.pcg.Seed(uint64(s.settings.Seed), shuffleStream)
	s.initial = append(s.initial[:0], s.net.Params()...)
	s.epoch, s.dataAt = 0, 0
	s.restartEpoch()
	s.last.count = 0
	s.history.Clear()
	s.draft.on = false
	s.err = ""
	s.version++
}

// Settings returns a copy of the current settings.
func (s *Session) Settings() Settings { return s.settings.clone() }

// Problem returns the problem setting (Classification or Regression), without allocating;
// the network's output activation is the problem's (outputOf).
func (s *Session) Problem() string { return s.settings.Problem }

// View returns the settings of how the page shows the session, without allocating.
func (s *Session) View() View { return s.settings.View }

// Version counts changes of settings, data, weights outside training (reset, load) and play
// state, so that a view can tell when to refresh its controls. Training does not change it,
// except that a divergence (which pauses) or the first healthy epoch after one does.
func (s *Session) Version() uint64 { return s.version }

// Network returns the current network for reading (drawing, hovering). Do not modify it.
func (s *Session) Network() *nn.Network { return s.net }

// Features returns the current input features. Do not modify the slice.
func (s *Session) Features() []nn.Feature { return s.features }

// Running reports whether the playground is playing.
func (s *Session) Running() bool { return s.running }

// SetRunning plays or pauses.
func (s *Session) SetRunning(on bool) {
	if s.running != on {
		s.running = on
		s.version++
	}
}

// Epoch returns the number of epochs trained since the last reset or rebuild.
func (s *Session) Epoch() int { return s.epoch }

// Err returns the divergence message, such as "diverged at epoch 412: learning rate 10 is too
// high; lower it and press reset", or "" when training is healthy.
func (s *Session) Err() string { return s.err }

// Reset re-initialises the weights from the seed, keeps the data and the play state, sets
// epoch 0, clears history and the divergence message; one undo step.
func (s *Session) Reset() {
	s.record("reset", partNet, 0)
	s.net.Init(initRand(s.settings.Seed))
	s.restart()
	s.markChange(&s.settings, "reset")
}

// Step trains up to n epochs and returns how many ran. It returns an error, and pauses,
// when there are no training points or when training diverges (the weights stay at the
// last good values and Err reports the cause). It allocates nothing.
//
// An epoch that StepBatch began is finished from where it stands. Each new epoch shuffles
// the training points with the session's stream (re-seeded from seed on reset, rebuild and
// model load), so the same seed and data give the same run. An epoch
// diverges when nn refuses a step (ErrDiverged) or leaves a training loss that is not finite;
// then the parameters from before that epoch are restored. A healthy epoch clears an earlier
// divergence message.
func (s *Session) Step(n int) (int, error) {
	if n <= 0 {
		return 0, nil
	}
	if len(s.train) == 0 {
		s.SetRunning(false)
		return 0, ErrNoTrainingPoints
	}
	params := s.net.Params()
	s.last.count = 0
	for k := range n {
		copy(s.saved, params)
		err := s.trainEpoch()
		if err == nil && !s.lossFinite() {
			err = nn.ErrDiverged
		}
		if err != nil {
			copy(params, s.saved)
			s.net.ZeroGrads()
			return k, s.diverged()
		}
		s.epoch++
	}
	if s.err != "" {
		s.err = ""
		s.version++
	}
	return n, nil
}

// finiteBound is the size below which a squared error is surely finite.
const finiteBound = 1e150

// lossFinite reports whether the training loss of the current parameters is finite. It
// first bounds the output over the whole plane from the parameters alone (cheap: one pass
// over the weights); only when that bound is huge does it evaluate the loss.
func (s *Session) lossFinite() bool {
	layers := s.net.Layers()
	b := s.inputBound
	for l := 0; l+1 < len(layers); l++ {
		nb := 0.0
		for j := range layers[l+1] {
			sum := math.Abs(s.net.Bias(l, j))
			for i := range layers[l] {
				sum += math.Abs(s.net.Weight(l, j, i)) * b
			}
			nb = max(nb, sum)
		}
		if act := s.net.Activation(l + 1); act == nn.Sigmoid || act == nn.Tanh {
			nb = min(nb, 1) // NaN stays NaN
		}
		b = nb
	}
	if b+s.labelBound < finiteBound {
		return true
	}
	loss, _ := s.net.Evaluate(s.data, s.train)
	return !math.IsNaN(loss) && !math.IsInf(loss, 0)
}

// diverged records a divergence in the epoch after the current one (the last good weights
// already restored), pauses, and returns the message as an error. When those weights already
// give a non-finite training loss, no learning rate is to blame: it names the labels or the
// weights instead.
func (s *Session) diverged() error {
	st, stuck := s.settings, !s.lossFinite()
	switch {
	case stuck && s.labelBound > finiteBound:
		s.err = fmt.Sprintf("cannot train: the training loss is not finite before any step; a label as large as %s is too large (keep labels within ±%s)",
			FormatNumber(s.labelBound), FormatNumber(finiteBound))
	case stuck:
		s.err = "cannot train: the training loss of the current weights is not finite; press reset"
	case st.Regularization != "none" && st.RegularizationRate*st.LearningRate >= 1:
		s.err = fmt.Sprintf("diverged at epoch %d: regularization rate %s is too high for learning rate %s; lower one of them and press reset",
			s.epoch+1, FormatNumber(st.RegularizationRate), FormatNumber(st.LearningRate))
	default:
		s.err = fmt.Sprintf("diverged at epoch %d: learning rate %s is too high; lower it and press reset",
			s.epoch+1, FormatNumber(st.LearningRate))
	}
	s.running = false
	s.version++
	return errors.New(s.err)
}

// Metrics are the loss and accuracy of the current weights on the current data.
// A value is meaningful only when its Has flag is set (an empty split; accuracy for regression).
type Metrics struct {
	TrainLoss, TestLoss         float64
	TrainAccuracy, TestAccuracy float64
	HasTrain, HasTest           bool
	HasAccuracy                 bool
}

// Metrics computes the metrics now. It allocates nothing. Values without their Has flag are
// NaN.
func (s *Session) Metrics() Metrics {
	var m Metrics
	m.TrainLoss, m.TrainAccuracy = s.net.Evaluate(s.data, s.train)
	m.TestLoss, m.TestAccuracy = s.net.Evaluate(s.data, s.test)
	m.HasTrain, m.HasTest = len(s.train) > 0, len(s.test) > 0
	m.HasAccuracy = s.settings.Problem == Classification
	if !m.HasTrain {
		m.TrainLoss, m.TrainAccuracy = math.NaN(), math.NaN()
	}
	if !m.HasTest {
		m.TestLoss, m.TestAccuracy = math.NaN(), math.NaN()
	}
	if !m.HasAccuracy {
		m.TrainAccuracy, m.TestAccuracy = math.NaN(), math.NaN()
	}
	return m
}

// Predict returns the network's output at (x, y) of the plane, features applied.
// It allocates nothing.
func (s *Session) Predict(x, y float64) float64 {
	in := s.in[:len(s.features)]
	nn.ApplyFeatures(in, s.features, x, y)
	return s.net.Forward(in)[0]
}

// History returns the loss history.
func (s *Session) History() *History { return &s.history }

// Record evaluates the metrics and appends them to the history at the current epoch; call it
// once per drawn frame. It allocates nothing.
func (s *Session) Record() Metrics {
	m := s.Metrics()
	s.history.Add(s.epoch, m.TrainLoss, m.TestLoss)
	return m
}

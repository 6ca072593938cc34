package nn

import (
	"errors"
	"math/rand/v2"
)

// Regularization is the penalty added to the gradient of every weight (never biases) and
// left out of the reported loss.
type Regularization uint8

// The regularizations, named "none", "l1", "l2".
const (
	RegNone Regularization = iota
	RegL1                  // adds λ·sign(w)
	RegL2                  // adds λ·w
)

// ParseRegularization returns the regularization with the given name.
func ParseRegularization(name string) (Regularization, error) { panic("unimplemented") }

// String returns the regularization's name.
func (r Regularization) String() string { panic("unimplemented") }

// ErrDiverged reports a training step that would have made a parameter NaN or infinite.
var ErrDiverged = errors.New("nn: training diverged")

// TrainConfig holds the settings of gradient descent.
type TrainConfig struct {
	LearningRate       float64        // η, the step size
	BatchSize          int            // samples per mini-batch; ≥ the data size means full batch
	Regularization     Regularization // penalty on weights
	RegularizationRate float64        // λ
}

// Data is a set of samples on flat slices: sample k's input is
// Inputs[k*inputs : (k+1)*inputs] and its target Targets[k*outputs : (k+1)*outputs].
type Data struct {
	Inputs  []float64
	Targets []float64
}

// Len returns the number of samples for a network with the given number of outputs.
func (d Data) Len(outputs int) int { panic("unimplemented") }

// TrainEpoch shuffles order (the indices of the samples to train on) with rng, then makes
// one pass over them in mini-batches of cfg.BatchSize, each followed by Update with that
// batch's own size. With no samples it does nothing. It stops at the first step that would
// diverge, keeping the last good parameters, and returns ErrDiverged. It allocates nothing.
func (n *Network) TrainEpoch(d Data, order []int, rng *rand.Rand, cfg TrainConfig) error {
	panic("unimplemented")
}

// TrainBatch accumulates the gradient over the samples idx and applies one Update.
func (n *Network) TrainBatch(d Data, idx []int, cfg TrainConfig) error { panic("unimplemented") }

// Evaluate returns the mean squared error (1/n)·Σ(y − ŷ)² (summed over outputs) over the
// samples idx of d, and the accuracy (share of samples whose single output, thresholded at
// 0.5, equals the target). With no samples both are NaN. It allocates nothing.
func (n *Network) Evaluate(d Data, idx []int) (loss, accuracy float64) { panic("unimplemented") }

package nn

import (
	"math/rand/v2"
	"testing"
)

// benchData returns a 2-input, 1-output data set of n points of the plane with XOR labels.
func benchData(n int) (Data, []int) { return xorData(n, 7) }

func benchNet(b *testing.B, layers []int, act Activation) *Network {
	n, err := New(layers, act, Sigmoid, rand.New(rand.NewPCG(1, 1)))
	if err != nil {
		b.Fatal(err)
	}
	return n
}

// BenchmarkForward measures one forward pass of the default 2‑4‑1 sigmoid network.
func BenchmarkForward(b *testing.B) { benchForward(b, []int{2, 4, 1}, Sigmoid) }

// BenchmarkForwardTanh measures a forward pass of a 2‑4‑1 network with tanh hidden nodes.
func BenchmarkForwardTanh(b *testing.B) { benchForward(b, []int{2, 4, 1}, Tanh) }

// BenchmarkForwardReLU measures a forward pass of a 2‑4‑1 network with ReLU hidden nodes.
func BenchmarkForwardReLU(b *testing.B) { benchForward(b, []int{2, 4, 1}, ReLU) }

// BenchmarkForward2881 measures a forward pass of a 2‑8‑8‑1 sigmoid network.
func BenchmarkForward2881(b *testing.B) { benchForward(b, []int{2, 8, 8, 1}, Sigmoid) }

func benchForward(b *testing.B, layers []int, act Activation) {
	n := benchNet(b, layers, act)
	d, _ := benchData(256)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		k := i & 255
		n.Forward(d.Inputs[2*k : 2*k+2])
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N), "ns/sample")
}

// BenchmarkTrainStep measures one sample's share of a training step (forward, backward and
// the update of a batch of 10) of the default 2‑4‑1 sigmoid network.
func BenchmarkTrainStep(b *testing.B) {
	benchTrainStep(b, []int{2, 4, 1}, Sigmoid, TrainConfig{LearningRate: 0.03, BatchSize: 10})
}

// BenchmarkTrainStepTanh is BenchmarkTrainStep with tanh hidden nodes.
func BenchmarkTrainStepTanh(b *testing.B) {
	benchTrainStep(b, []int{2, 4, 1}, Tanh, TrainConfig{LearningRate: 0.03, BatchSize: 10})
}

// BenchmarkTrainStepReLU is BenchmarkTrainStep with ReLU hidden nodes.
func BenchmarkTrainStepReLU(b *testing.B) {
	benchTrainStep(b, []int{2, 4, 1}, ReLU, TrainConfig{LearningRate: 0.03, BatchSize: 10})
}

// BenchmarkTrainStepL1 is BenchmarkTrainStep with L1 regularization.
func BenchmarkTrainStepL1(b *testing.B) {
	benchTrainStep(b, []int{2, 4, 1}, Sigmoid,
		TrainConfig{LearningRate: 0.03, BatchSize: 10, Regularization: RegL1, RegularizationRate: 0.001})
}

// BenchmarkTrainStep2881 is BenchmarkTrainStep for a 2‑8‑8‑1 sigmoid network.
func BenchmarkTrainStep2881(b *testing.B) {
	benchTrainStep(b, []int{2, 8, 8, 1}, Sigmoid, TrainConfig{LearningRate: 0.03, BatchSize: 10})
}

func benchTrainStep(b *testing.B, layers []int, act Activation, cfg TrainConfig) {
	n := benchNet(b, layers, act)
	d, order := benchData(250)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		k := (i % 25) * 10
		if err := n.TrainBatch(d, order[k:k+10], cfg); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*10), "ns/sample")
}

// BenchmarkEpoch measures one epoch (shuffle and 25 batches of 10) over 250 points.
func BenchmarkEpoch(b *testing.B) {
	n := benchNet(b, []int{2, 4, 1}, Sigmoid)
	d, order := benchData(250)
	rng := rand.New(rand.NewPCG(3, 3))
	cfg := TrainConfig{LearningRate: 0.03, BatchSize: 10}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := n.TrainEpoch(d, order, rng, cfg); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(order)), "ns/sample")
}

// BenchmarkEvaluate measures the loss and accuracy of a 2‑4‑1 sigmoid network over 250
// points, per point.
func BenchmarkEvaluate(b *testing.B) {
	n := benchNet(b, []int{2, 4, 1}, Sigmoid)
	d, order := benchData(250)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		n.Evaluate(d, order)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(order)), "ns/sample")
}

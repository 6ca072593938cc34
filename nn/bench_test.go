package nn

import (
	"math/rand/v2"
	"testing"
)

// benchData returns a 2-input, 1-output data set of n points of the plane with XOR labels.
func benchData(n int) (Data, []int) {
	rng := rand.New(rand.NewPCG(7, 7))
	var d Data
	order := make([]int, n)
	for k := range order {
		x, y := rng.Float64()*12-6, rng.Float64()*12-6
		label := 0.0
		if x*y > 0 {
			label = 1
		}
		d.Inputs = append(d.Inputs, x, y)
		d.Targets = append(d.Targets, label)
		order[k] = k
	}
	return d, order
}

func benchNet(b *testing.B, layers []int, act Activation) *Network {
	n, err := New(layers, act, Sigmoid, rand.New(rand.NewPCG(1, 1)))
	if err != nil {
		b.Fatal(err)
	}
	return n
}

// BenchmarkForward measures one forward pass of the default 2‑4‑1 sigmoid network.
func BenchmarkForward(b *testing.B) {
	n := benchNet(b, []int{2, 4, 1}, Sigmoid)
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
	n := benchNet(b, []int{2, 4, 1}, Sigmoid)
	d, order := benchData(250)
	cfg := TrainConfig{LearningRate: 0.03, BatchSize: 10}
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

package nn_test

import (
	"fmt"
	"math/rand/v2"

	"nnplay/nn"
)

// A 2‑4‑1 network for classification, initialised from a seed, run on one point.
func ExampleNew() {
	net, err := nn.New([]int{2, 4, 1}, nn.Sigmoid, nn.Sigmoid, rand.New(rand.NewPCG(1, 2)))
	if err != nil {
		panic(err)
	}
	x := make([]float64, 2)
	nn.ApplyFeatures(x, []nn.Feature{nn.X1, nn.X2}, 1.5, -2)
	fmt.Printf("ŷ = %.4f\n", net.Forward(x)[0])

	_, err = nn.New([]int{2, 65, 1}, nn.Sigmoid, nn.Sigmoid, nil)
	fmt.Println(err)
	// Output:
	// ŷ = 0.6550
	// nn: New [2 65 1]: layers[1]: 65 nodes, want 1 to 64
}

// Training a network on XOR: the points of the plane labelled 1 where x1·x2 > 0, with the
// features x1, x2 and x1·x2, in mini-batches of 10, shuffled each epoch by a seeded
// generator.
func ExampleNetwork_TrainEpoch() {
	features := []nn.Feature{nn.X1, nn.X2, nn.X1TimesX2}
	points := rand.New(rand.NewPCG(1, 1))
	var data nn.Data
	x := make([]float64, len(features))
	for range 200 {
		x1, x2 := points.Float64()*12-6, points.Float64()*12-6
		nn.ApplyFeatures(x, features, x1, x2)
		label := 0.0
		if x1*x2 > 0 {
			label = 1
		}
		data.Inputs = append(data.Inputs, x...)
		data.Targets = append(data.Targets, label)
	}
	train, test := make([]int, 100), make([]int, 100)
	for k := range train {
		train[k], test[k] = k, 100+k
	}

	net, _ := nn.New([]int{3, 4, 1}, nn.Tanh, nn.Sigmoid, rand.New(rand.NewPCG(7, 7)))
	shuffle := rand.New(rand.NewPCG(7, 8))
	cfg := nn.TrainConfig{LearningRate: 0.1, BatchSize: 10}
	for epoch := 1; epoch <= 100; epoch++ {
		if err := net.TrainEpoch(data, train, shuffle, cfg); err != nil {
			panic(err)
		}
		if epoch == 1 || epoch%50 == 0 {
			loss, acc := net.Evaluate(data, test)
			fmt.Printf("epoch %3d: test loss %.2f, accuracy %.2f\n", epoch, loss, acc)
		}
	}
	// Output:
	// epoch   1: test loss 0.14, accuracy 0.89
	// epoch  50: test loss 0.01, accuracy 1.00
	// epoch 100: test loss 0.01, accuracy 1.00
}

// Saving a network as a model file and loading it back.
func ExampleEncodeModel() {
	net, _ := nn.New([]int{1, 1}, nn.Linear, nn.Linear, nil)
	net.SetWeight(0, 0, 0, 2)
	net.SetBias(0, 0, -1)
	data, err := nn.EncodeModel(nn.NewModel(net, []nn.Feature{nn.X1Squared}))
	if err != nil {
		panic(err)
	}
	fmt.Println(string(data))

	m, err := nn.DecodeModel(data)
	if err != nil {
		panic(err)
	}
	loaded, features, _ := m.Network()
	x := []float64{features[0].Value(3, 0)}
	fmt.Println("f(3, 0) =", loaded.Forward(x)[0])
	// Output:
	// {
	//  "format": "nnplay.model/1",
	//  "inputs": [
	//   "x1^2"
	//  ],
	//  "layers": [
	//   1,
	//   1
	//  ],
	//  "activation": "linear",
	//  "output": "linear",
	//  "weights": [
	//   [
	//    [
	//     2
	//    ]
	//   ]
	//  ],
	//  "biases": [
	//   [
	//    -1
	//   ]
	//  ]
	// }
	// f(3, 0) = 17
}

// A refused model file says what is wrong and where.
func ExampleDecodeModel() {
	_, err := nn.DecodeModel([]byte(`{"format": "nnplay.model/1", "inputs": ["x1", "x2"],
		"layers": [2, 1], "activation": "relu", "output": "linear",
		"weights": [[[0.5, 0.25, 1]]], "biases": [[0]]}`))
	fmt.Println(err)
	// Output:
	// weights[0][0]: has 3 entries, want 2 (layers[0])
}

// One sample traced through the network of the hand-worked test: z = W·a + b and a = σ(z)
// forward, then δ = ∂L/∂z back by the chain rule, and a weight's gradient δ_j·a_i.
func ExampleNetwork_TraceInto() {
	net, _ := nn.New([]int{2, 4, 1}, nn.Sigmoid, nn.Sigmoid, nil)
	copy(net.Params(), []float64{
		0.1, -0.2, 0.3, 0.4, -0.5, 0.6, 0.7, -0.8, // W[0], into the hidden layer
		0.1, -0.1, 0.2, 0, // b[0]
		0.5, -0.6, 0.7, -0.8, // W[1], into the output
		0.05, // b[1]
	})
	var tr nn.Trace
	net.TraceInto(&tr, []float64{1, -2}, []float64{1})
	for l := 1; l < len(tr.A); l++ {
		fmt.Printf("layer %d (%v)\n  z %.4f\n  a %.4f\n  δ %.4f\n", l, net.Activation(l), tr.Z[l], tr.A[l], tr.Delta[l])
	}
	fmt.Printf("ŷ = %.4f, loss (y − ŷ)² = %.4f, ∂L/∂W[1][0][0] = δ·a = %.4f\n", tr.Output()[0], tr.Loss, tr.WeightGrad(1, 0, 0))
	// Output:
	// layer 1 (sigmoid)
	//   z [0.6000 -0.6000 -1.5000 2.3000]
	//   a [0.6457 0.3543 0.1824 0.9089]
	//   δ [-0.0166 0.0199 -0.0151 0.0096]
	// layer 2 (sigmoid)
	//   z [-0.4392]
	//   a [0.3919]
	//   δ [-0.1449]
	// ŷ = 0.3919, loss (y − ŷ)² = 0.3697, ∂L/∂W[1][0][0] = δ·a = -0.0936
}

// The network's output over a 5×3 grid of the plane, as a picture of its decision samples
// it: one row at a time, within rounding of a Forward at each point.
func ExampleGrid() {
	net, _ := nn.New([]int{2, 4, 1}, nn.Tanh, nn.Sigmoid, rand.New(rand.NewPCG(1, 2)))
	fs := []nn.Feature{nn.X1, nn.X2}
	xs, ys := []float64{-6, -3, 0, 3, 6}, []float64{4, 0, -4}
	var g nn.Grid
	g.Reset(net, fs, xs, ys)
	row := make([]float64, len(xs))
	for r, y := range ys {
		g.Row(r, row)
		fmt.Printf("y = %2v: %.3f\n", y, row)
	}
	x := make([]float64, 2)
	nn.ApplyFeatures(x, fs, 3, -4)
	fmt.Printf("Forward at (3, -4): %.3f\n", net.Forward(x)[0])
	// Output:
	// y =  4: [0.320 0.359 0.466 0.637 0.723]
	// y =  0: [0.317 0.384 0.544 0.680 0.725]
	// y = -4: [0.326 0.444 0.613 0.694 0.720]
	// Forward at (3, -4): 0.694
}

package session_test

import (
	"fmt"

	"nnplay/session"
)

// A playground with the default settings: 2‑4‑1 sigmoid on the circle data set. Train it and
// read the metrics of the current weights.
func Example() {
	s, err := session.New(session.ClassicSettings())
	if err != nil {
		panic(err)
	}
	fmt.Println("layers:", s.Network().Layers(), "points:", len(s.Points()))
	if _, err := s.Step(3000); err != nil {
		panic(err)
	}
	m := s.Metrics()
	fmt.Printf("epoch %d: test accuracy %.3f, train loss %.3f, test loss %.3f\n",
		s.Epoch(), m.TestAccuracy, m.TrainLoss, m.TestLoss)
	// Output:
	// layers: [2 4 1] points: 250
	// epoch 3000: test accuracy 0.992, train loss 0.053, test loss 0.062
}

// Settings arrive from the page as JSON; a bad one is refused with a message that names it.
func ExampleParsePatch() {
	s, _ := session.New(session.ClassicSettings())
	p, err := session.ParsePatch([]byte(`{"learningRate": 20}`))
	fmt.Println(err)
	p, _ = session.ParsePatch([]byte(`{"layers": [2, 8, 8, 1], "activation": "tanh"}`))
	fmt.Println(s.Configure(p), s.Network().Layers())
	// Output:
	// learningRate must be a finite number in (0, 10], got 20
	// <nil> [2 8 8 1]
}

// A link is the settings in the page's address: written by Link, read by ParseLink, applied
// by ApplyLink. A malformed link says what is wrong.
func ExampleParseLink() {
	s, _ := session.New(session.ClassicSettings())
	p, err := session.ParseLink("#dataset=xor&layers=2,8,1&activation=tanh&learningRate=0.1")
	fmt.Println(err, s.ApplyLink(p), s.Settings().Dataset, s.Network().Layers())
	_, err = session.ParseLink("#learningRate=fast")
	fmt.Println(err)
	// Output:
	// <nil> <nil> xor [2 8 1]
	// learningRate: "fast" is not a number
}

// Each setting's entry says what it takes and what a change of it does.
func ExampleLookupSpec() {
	for _, name := range []string{"learningRate", "speed", "layers", "testRatio"} {
		sp := session.LookupSpec(name)
		fmt.Println(sp.Name, sp.Kind, sp.Min, sp.Max, sp.MinExclusive, sp.Zero, sp.Effects, sp.Default())
	}
	// Output:
	// learningRate number 0 10 true  [retrain] 1
	// speed number 1 1e+06 false as fast as it goes [retrain] 500
	// layers layers 1 8 false  [rebuild] [2 4 1]
	// testRatio number 0.1 0.9 false  [resplit] 0.5
}

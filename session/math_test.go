package session

import (
	"math"
	"slices"
	"testing"

	"nnplay/nn"
)

// refLoss is this test's own forward pass: ½(y − ŷ)² of point i under the session's
// parameters, written from the seed's formulas (z = W·a + b, a = σ(z)) with math.Exp rather
// than nn's code.
func refLoss(s *Session, i int) (loss float64, a [][]float64) {
	net := s.Network()
	layers := net.Layers()
	in := make([]float64, layers[0])
	nn.ApplyFeatures(in, s.Features(), s.Points()[i].X, s.Points()[i].Y)
	a = [][]float64{in}
	for l := 0; l+1 < len(layers); l++ {
		act := net.Hidden()
		if l+2 == len(layers) {
			act = net.Output()
		}
		out := make([]float64, layers[l+1])
		for j := range out {
			z := net.Bias(l, j)
			for k, v := range a[l] {
				z += net.Weight(l, j, k) * v
			}
			switch act {
			case nn.Sigmoid:
				out[j] = 1 / (1 + math.Exp(-z))
			case nn.Tanh:
				out[j] = math.Tanh(z)
			case nn.ReLU:
				out[j] = math.Max(z, 0)
			default:
				out[j] = z
			}
		}
		a = append(a, out)
	}
	e := s.Points()[i].Label - a[len(a)-1][0]
	return 0.5 * e * e, a
}

// mathCases are networks and parameters to take the chain rule of.
var mathCases = []struct {
	name  string
	edit  func(*Settings)
	param Param
}{
	{"sigmoid output weight", nil, Param{L: 1, J: 0, I: 2}},
	{"sigmoid output bias", nil, Param{Bias: true, L: 1}},
	{"sigmoid hidden weight", nil, Param{L: 0, J: 3, I: 1}},
	{"sigmoid hidden bias", nil, Param{Bias: true, L: 0, J: 1}},
	{"tanh deep, middle weight", func(s *Settings) { s.Activation, s.Hidden = "tanh", []int{3, 4} }, Param{L: 1, J: 2, I: 0}},
	{"tanh deep, first weight", func(s *Settings) { s.Activation, s.Hidden = "tanh", []int{3, 4} }, Param{L: 0, J: 1, I: 1}},
	{"relu features", func(s *Settings) {
		s.Activation, s.Features, s.Hidden = "relu", []string{"x1", "x2", "x1^2", "sin(x2)"}, []int{5}
	}, Param{L: 0, J: 4, I: 2}},
	{"regression linear output", func(s *Settings) {
		s.Problem, s.Dataset, s.Activation = Regression, "plane", "tanh"
	}, Param{L: 1, J: 0, I: 3}},
	{"no hidden layer", func(s *Settings) { s.Hidden = nil }, Param{L: 0, J: 0, I: 1}},
}

func TestMath(t *testing.T) {
	for _, tc := range mathCases {
		t.Run(tc.name, func(t *testing.T) {
			s := newSession(t, tc.edit)
			if _, err := s.Step(20); err != nil {
				t.Fatal(err)
			}
			i := slices.IndexFunc(s.Points(), func(p Point) bool { return !p.Test })
			before := slices.Clone(s.Network().Params())
			var m PointMath
			if err := s.Math(&m, i, tc.param); err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(s.Network().Params(), before) || slices.ContainsFunc(s.Network().Grads(), func(g float64) bool { return g != 0 }) {
				t.Fatal("Math changed the parameters or left gradients")
			}
			loss, a := refLoss(s, i)
			near(t, "loss", m.Loss, loss, 1e-12)
			near(t, "yhat", m.YHat, a[len(a)-1][0], 1e-12)
			y := s.Points()[i].Label
			near(t, "squared error", m.SquaredError, (y-m.YHat)*(y-m.YHat), 0)
			near(t, "dL/dyhat", m.DLdYHat, m.YHat-y, 0)
			for k := range m.Layers {
				for j, v := range a[k+1] {
					near(t, "a", m.Layers[k].A[j], v, 1e-12)
				}
			}
			mse, _ := s.Network().Evaluate(s.data, s.train)
			near(t, "mse", m.MSE, mse, 0)

			sel := m.Selected
			if sel.Why != Defined {
				t.Fatalf("Why = %d, want Defined", sel.Why)
			}
			want := 3
			if tc.param.Bias {
				want = 2
			}
			if len(sel.Factors) != want {
				t.Fatalf("%d factors %v, want %d", len(sel.Factors), sel.Factors, want)
			}
			prod := 1.0
			for _, f := range sel.Factors {
				prod *= f.Value
			}
			near(t, "product of the factors", prod, sel.Gradient, 1e-12)
			// The reference gradient: a central difference of this test's own loss.
			ref := refGradient(s, i, tc.param)
			near(t, "gradient against the reference's difference", sel.Gradient, ref, 1e-5)
			near(t, "finite difference", sel.FiniteDifference, ref, 1e-6)
			if sel.RelativeError > 1e-6 {
				t.Errorf("relative error %g, want ≤ 1e-6", sel.RelativeError)
			}
			near(t, "value", sel.Value, s.Value(tc.param), 0)
		})
	}
}

// refGradient is ∂L/∂p of point i by a central difference of refLoss, h = 1e-5.
func refGradient(s *Session, i int, p Param) float64 {
	params := s.Network().Params()
	k := s.index(p)
	theta := params[k]
	const h = 1e-5
	params[k] = theta + h
	up, _ := refLoss(s, i)
	params[k] = theta - h
	down, _ := refLoss(s, i)
	params[k] = theta
	return (up - down) / (2 * h)
}

// near fails unless got and want agree to a relative tol (absolute below 1e-8).
func near(t *testing.T, what string, got, want, tol float64) {
	t.Helper()
	if d := math.Abs(got - want); !(d <= tol*max(math.Abs(want), 1e-8)) && got != want {
		t.Errorf("%s = %.17g, want %.17g (off by %g)", what, got, want, d)
	}
}

func TestMathFactorNames(t *testing.T) {
	s := newSession(t, func(s *Settings) { s.Hidden = []int{3, 2} })
	var m PointMath
	for _, tc := range []struct {
		p    Param
		want []string
	}{
		{Param{L: 2}, []string{FactorDLdYHat, FactorDeriv, FactorInput}},
		{Param{Bias: true, L: 2}, []string{FactorDLdYHat, FactorDeriv}},
		{Param{L: 1, J: 1, I: 2}, []string{FactorSum, FactorDerivJ, FactorInputI}},
		{Param{Bias: true, L: 0, J: 2}, []string{FactorSum, FactorDerivJ}},
	} {
		if err := s.Math(&m, 0, tc.p); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, f := range m.Selected.Factors {
			got = append(got, f.Name)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%+v: factors %q, want %q", tc.p, got, tc.want)
		}
	}
	// δ of a hidden node is Σₖ δₖ·wₖⱼ · σ′(zⱼ), the δs of the layer above.
	top := m.Layers[2]
	for j, d := range m.Layers[1].Delta {
		a := m.Layers[1].A[j]
		near(t, "hidden δ", d, top.Delta[0]*top.W[0][j]*a*(1-a), 1e-12)
	}
}

func TestMathTestPointAndKink(t *testing.T) {
	s := newSession(t, func(s *Settings) { s.Activation = "relu" })
	var m PointMath
	test := slices.IndexFunc(s.Points(), func(p Point) bool { return p.Test })
	if err := s.Math(&m, test, s.DefaultParam()); err != nil {
		t.Fatal(err)
	}
	if m.Selected.Why != NotTrained || !math.IsNaN(m.Selected.Gradient) || !math.IsNaN(m.Layers[0].Delta[0]) {
		t.Errorf("test point: Why %d, gradient %g, δ %g; want NotTrained, NaN, NaN", m.Selected.Why, m.Selected.Gradient, m.Layers[0].Delta[0])
	}
	if loss, _ := refLoss(s, test); math.Abs(m.Loss-loss) > 1e-12 {
		t.Errorf("test point: loss %g, want %g", m.Loss, loss)
	}
	// Node 2 of the hidden layer: every weight into it and its bias 0, so z = 0 exactly.
	for i := range 2 {
		if err := s.SetWeight(0, 2, i, 0); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.SetBias(0, 2, 0); err != nil {
		t.Fatal(err)
	}
	train := slices.IndexFunc(s.Points(), func(p Point) bool { return !p.Test })
	for _, tc := range []struct {
		p    Param
		kink bool
	}{
		{Param{L: 0, J: 2, I: 1}, true},
		{Param{Bias: true, L: 0, J: 2}, true},
		{Param{L: 1, J: 0, I: 2}, false}, // the output weight from the dead node: a = 0, defined
		{Param{L: 0, J: 1, I: 0}, false},
	} {
		if err := s.Math(&m, train, tc.p); err != nil {
			t.Fatal(err)
		}
		got := m.Selected.Why == Kink
		if got && !math.IsNaN(m.Selected.Factors[1].Value) {
			t.Errorf("%+v: at the kink σ′(zⱼ) = %g, want NaN (undefined)", tc.p, m.Selected.Factors[1].Value)
		}
		if got != tc.kink || got && (m.Selected.KinkLayer != 1 || m.Selected.KinkNode != 2 || !math.IsNaN(m.Selected.Gradient)) {
			t.Errorf("%+v: Why %d at %d/%d, gradient %g; want kink %v at 1/2", tc.p, m.Selected.Why,
				m.Selected.KinkLayer, m.Selected.KinkNode, m.Selected.Gradient, tc.kink)
		}
	}
}

func TestMathRefuses(t *testing.T) {
	s := newSession(t, nil)
	var m PointMath
	before := stateOf(s)
	for _, tc := range []struct {
		i int
		p Param
	}{
		{-1, s.DefaultParam()},
		{len(s.Points()), s.DefaultParam()},
		{0, Param{L: 2}},
		{0, Param{L: -1}},
		{0, Param{L: 0, J: 4}},
		{0, Param{L: 0, J: 0, I: 2}},
		{0, Param{Bias: true, L: 1, J: 1}},
		{0, Param{Bias: true, L: 1, J: 0, I: 1}},
	} {
		if err := s.Math(&m, tc.i, tc.p); err == nil {
			t.Errorf("Math(%d, %+v) was not refused", tc.i, tc.p)
		}
	}
	if after := stateOf(s); !sameState(before, after) {
		t.Errorf("refused Math changed the session")
	}
}

// sameState compares two states of a session.
func sameState(a, b state) bool {
	return slices.Equal(a.Params, b.Params) && slices.Equal(a.Points, b.Points) && a.Epoch == b.Epoch &&
		a.Version == b.Version && a.Running == b.Running && a.Err == b.Err
}

func TestSetParamRefuses(t *testing.T) {
	s := newSession(t, nil)
	before := stateOf(s)
	for _, tc := range []struct {
		name string
		set  func() error
	}{
		{"NaN weight", func() error { return s.SetWeight(0, 0, 0, math.NaN()) }},
		{"infinite bias", func() error { return s.SetBias(0, 0, math.Inf(-1)) }},
		{"layer out of range", func() error { return s.SetWeight(2, 0, 0, 1) }},
		{"node out of range", func() error { return s.SetWeight(0, 4, 0, 1) }},
		{"source out of range", func() error { return s.SetWeight(1, 0, 4, 1) }},
		{"bias node out of range", func() error { return s.SetBias(1, 1, 1) }},
	} {
		if err := tc.set(); err == nil {
			t.Errorf("%s: not refused", tc.name)
		}
	}
	if !sameState(before, stateOf(s)) {
		t.Fatal("a refused set changed the session")
	}
	if err := s.SetWeight(1, 0, 3, -2.5); err != nil || s.Network().Weight(1, 0, 3) != -2.5 {
		t.Errorf("SetWeight: %v, weight %g", err, s.Network().Weight(1, 0, 3))
	}
	if err := s.SetBias(0, 3, 0.75); err != nil || s.Network().Bias(0, 3) != 0.75 {
		t.Errorf("SetBias: %v, bias %g", err, s.Network().Bias(0, 3))
	}
	if s.Version() == before.Version {
		t.Error("setting a weight did not count as a change")
	}
}

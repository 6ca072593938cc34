//go:build !(js && wasm)

package e2e

import (
	"math"
	"slices"
	"testing"

	"nnplay/api"
)

// mathModel is a 3-3-2-1 network, tanh hidden and sigmoid output, on x1, x2 and x1², so
// that a weight of the first layer has the longest chain.
var mathModel = Model{
	Format: "nnplay.model/1", Inputs: []string{"x1", "x2", "x1^2"}, Layers: []int{3, 3, 2, 1}, Activation: "tanh",
	Output: "sigmoid",
	Weights: [][][]float64{
		{{0.3, -0.2, 0.05}, {-0.6, 0.4, -0.1}, {0.8, 0.1, 0.02}},
		{{1.1, -0.7, 0.4}, {-0.3, 0.9, -1.2}},
		{{1.5, -2}},
	},
	Biases: [][]float64{{0.2, -0.1, 0.1}, {0.3, -0.2}, {-0.25}},
}

// mathPoints are the data: four training points and one test point.
var mathPoints = []Point{
	{X: 1.5, Y: -0.5, Label: 1}, {X: -2, Y: 1, Label: 0}, {X: 0.5, Y: 2.5, Label: 1},
	{X: 3, Y: -3, Label: 0, Test: true}, {X: -1, Y: -1.5, Label: 1},
}

// MathJSON is nnplay.math(), in the Go side's own type.
type MathJSON = api.Math

// refNet is this test's own arithmetic of a model file, written from the seed's formulas
// with the standard library (not nn): z = W·a + b, a = σ(z), L = ½(y − ŷ)², δ = ∂L/∂z.
type refNet struct {
	m    Model
	z, a [][]float64 // a[0] is the input
	d    [][]float64 // d[k]: δ of the nodes weight layer k feeds
}

func (r *refNet) forward(x, y float64) float64 {
	r.a = [][]float64{{x, y, x * x}}
	r.z = nil
	for k, W := range r.m.Weights {
		z, a := make([]float64, len(W)), make([]float64, len(W))
		for j, row := range W {
			z[j] = r.m.Biases[k][j]
			for i, w := range row {
				z[j] += w * r.a[k][i]
			}
			if k == len(r.m.Weights)-1 {
				a[j] = 1 / (1 + math.Exp(-z[j]))
			} else {
				a[j] = math.Tanh(z[j])
			}
		}
		r.z, r.a = append(r.z, z), append(r.a, a)
	}
	return r.a[len(r.a)-1][0]
}

func (r *refNet) loss(x, y, label float64) float64 {
	e := label - r.forward(x, y)
	return 0.5 * e * e
}

func (r *refNet) backward(label float64) {
	top := len(r.m.Weights) - 1
	r.d = make([][]float64, top+1)
	yhat := r.a[top+1][0]
	r.d[top] = []float64{(yhat - label) * yhat * (1 - yhat)}
	for k := top - 1; k >= 0; k-- {
		r.d[k] = make([]float64, len(r.z[k]))
		for j := range r.d[k] {
			sum := 0.0
			for n, dn := range r.d[k+1] {
				sum += dn * r.m.Weights[k+1][n][j]
			}
			t := r.a[k+1][j]
			r.d[k][j] = sum * (1 - t*t)
		}
	}
}

// param returns a pointer to a parameter of the reference's model.
func (r *refNet) param(bias bool, l, j, i int) *float64 {
	if bias {
		return &r.m.Biases[l][j]
	}
	return &r.m.Weights[l][j][i]
}

// cloneModel deep-copies a model's weights and biases.
func cloneModel(m Model) Model {
	c := m
	c.Weights = make([][][]float64, len(m.Weights))
	for l, W := range m.Weights {
		for _, row := range W {
			c.Weights[l] = append(c.Weights[l], slices.Clone(row))
		}
	}
	c.Biases = make([][]float64, len(m.Biases))
	for l, b := range m.Biases {
		c.Biases[l] = slices.Clone(b)
	}
	return c
}

// closeTo fails unless got is within tol of want, relative to max(|want|, 1).
func closeTo(t *testing.T, what string, got, want, tol float64) {
	t.Helper()
	if !(math.Abs(got-want) <= tol*math.Max(math.Abs(want), 1)) {
		t.Errorf("%s = %.17g, want %.17g", what, got, want)
	}
}

// TestMathNumbers: math() for a loaded model and a followed point agrees with this test's
// own arithmetic in every number: the input features, W, b, z and a of every layer, ŷ, the
// loss, ∂L/∂ŷ, the MSE, each node's δ, and for an output weight, a hidden weight and a bias
// the chain rule's factors, the gradient and the finite difference.
func TestMathNumbers(t *testing.T) {
	p := openPaused(t)
	p.do("loadModel", mathModel)
	p.setData(mathPoints)
	const follow = 2
	p.do("followPoint", follow)
	pt := mathPoints[follow]
	ref := &refNet{m: cloneModel(mathModel)}
	ref.forward(pt.X, pt.Y)
	ref.backward(pt.Label)
	yhat := ref.a[3][0]
	mse := 0.0
	for _, q := range mathPoints {
		if !q.Test {
			e := q.Label - ref.forward(q.X, q.Y)
			mse += e * e / 4
		}
	}
	ref.forward(pt.X, pt.Y)

	for _, sel := range []struct {
		call    string
		args    []any
		bias    bool
		l, j, i int
		factors []float64
	}{
		{"selectWeight", []any{2, 0, 1}, false, 2, 0, 1, []float64{yhat - pt.Label, yhat * (1 - yhat), ref.a[2][1]}},
		{"selectWeight", []any{0, 1, 2}, false, 0, 1, 2, []float64{
			ref.d[1][0]*mathModel.Weights[1][0][1] + ref.d[1][1]*mathModel.Weights[1][1][1],
			1 - ref.a[1][1]*ref.a[1][1], pt.X * pt.X}},
		{"selectBias", []any{1, 1}, true, 1, 1, 0, []float64{ref.d[2][0] * mathModel.Weights[2][0][1], 1 - ref.a[2][1]*ref.a[2][1]}},
	} {
		p.do(sel.call, sel.args...)
		m := call[MathJSON](p, "math")
		checkMathPass(t, m, ref, follow, mse)
		s := m.Selected
		if s.Kind != map[bool]string{false: "weight", true: "bias"}[sel.bias] || s.L != sel.l || s.J != sel.j ||
			(s.I == nil) != sel.bias || s.Value != *ref.param(sel.bias, sel.l, sel.j, sel.i) {
			t.Errorf("%s%v: selected %s %d,%d,%v = %g", sel.call, sel.args, s.Kind, s.L, s.J, s.I, s.Value)
		}
		if len(s.Factors) != len(sel.factors) || s.Gradient == nil || s.FiniteDifference == nil || s.RelativeError == nil || s.Reason != nil {
			t.Fatalf("%s%v: %d factors, gradient %v, fd %v, reason %v", sel.call, sel.args, len(s.Factors), s.Gradient, s.FiniteDifference, s.Reason)
		}
		want := 1.0
		for k, f := range s.Factors {
			closeTo(t, sel.call+" factor "+f.Name, *f.Value, sel.factors[k], 1e-12)
			want *= sel.factors[k]
		}
		closeTo(t, sel.call+" gradient", *s.Gradient, want, 1e-12)
		// The finite difference, h = 1e-6, of this test's own loss.
		w := ref.param(sel.bias, sel.l, sel.j, sel.i)
		theta := *w
		*w = theta + 1e-6
		up := ref.loss(pt.X, pt.Y, pt.Label)
		*w = theta - 1e-6
		down := ref.loss(pt.X, pt.Y, pt.Label)
		*w = theta
		ref.forward(pt.X, pt.Y)
		closeTo(t, sel.call+" finite difference", *s.FiniteDifference, (up-down)/2e-6, 1e-9)
		rel := math.Abs(*s.Gradient-*s.FiniteDifference) / math.Max(math.Max(math.Abs(*s.Gradient), math.Abs(*s.FiniteDifference)), 1e-8)
		closeTo(t, sel.call+" relative error", *s.RelativeError, rel, 1e-12)
		if rel > 1e-6 {
			t.Errorf("%s%v: gradient %g and finite difference %g disagree by %g", sel.call, sel.args, *s.Gradient, *s.FiniteDifference, rel)
		}
	}
	mathTestPoint(t, p, ref)
}

// checkMathPass: m, math() with mathPoints[follow] followed, agrees with ref (forward and
// backward on that point) in the point, every layer's W, b, z, a and δ, ŷ, the point's
// error and loss, ∂L/∂ŷ and the training points' mse.
func checkMathPass(t *testing.T, m MathJSON, ref *refNet, follow int, mse float64) {
	pt := mathPoints[follow]
	yhat := ref.a[3][0]
	if m.Point.Index != follow || m.Point.X != pt.X || m.Point.Test || !slices.Equal(m.Point.Features, ref.a[0]) {
		t.Fatalf("math().point = %+v, want point %d with features %v", m.Point, follow, ref.a[0])
	}
	if len(m.Layers) != 3 {
		t.Fatalf("%d layers, want 3", len(m.Layers))
	}
	for k, L := range m.Layers {
		if want := []string{"tanh", "tanh", "sigmoid"}[k]; L.Activation != want {
			t.Errorf("layers[%d].activation %q, want %q", k, L.Activation, want)
		}
		for j := range L.B {
			if !slices.Equal(L.W[j], mathModel.Weights[k][j]) || L.B[j] != mathModel.Biases[k][j] {
				t.Errorf("layers[%d] row %d: W %v b %g, want the model's", k, j, L.W[j], L.B[j])
			}
			closeTo(t, "z", *L.Z[j], ref.z[k][j], 1e-13)
			closeTo(t, "a", *L.A[j], ref.a[k+1][j], 1e-13)
			closeTo(t, "δ", *L.Delta[j], ref.d[k][j], 1e-12)
		}
	}
	closeTo(t, "yhat", *m.YHat, yhat, 1e-14)
	closeTo(t, "squaredError", *m.SquaredError, (pt.Label-yhat)*(pt.Label-yhat), 1e-13)
	closeTo(t, "loss", *m.Loss, 0.5*(pt.Label-yhat)*(pt.Label-yhat), 1e-13)
	closeTo(t, "dLdyhat", *m.DLdYHat, yhat-pt.Label, 1e-13)
	closeTo(t, "mse", *m.MSE, mse, 1e-13)
}

// mathTestPoint: a followed test point gets forward and loss, no backward; calls out of
// range are refused.
func mathTestPoint(t *testing.T, p *page, ref *refNet) {
	p.do("followPoint", 3)
	m := call[MathJSON](p, "math")
	test := mathPoints[3]
	closeTo(t, "test point's yhat", *m.YHat, ref.forward(test.X, test.Y), 1e-14)
	if !m.Point.Test || m.Selected.Gradient != nil || m.Selected.Reason == nil || m.Layers[0].Delta != nil {
		t.Errorf("test point: test %v, gradient %v, reason %v, δ %v; want a reason and no backward",
			m.Point.Test, m.Selected.Gradient, m.Selected.Reason, m.Layers[0].Delta)
	}
	p.refused("stepSample", `[]`)
	p.refused("followPoint", `[5]`)
	p.refused("followPoint", `[0.5]`)
	p.refused("selectWeight", `[3, 0, 0]`)
	p.refused("selectBias", `[0, 3]`)
}

// TestMathSteps: stepSample gives the model one update on the followed point alone gives
// (with and without regularization), stepBatch walks an epoch batch by batch to the model
// step(1) gives, and setWeight changes model() and predict.
func TestMathSteps(t *testing.T) {
	p := openPaused(t)
	p.setData(mathPoints)
	for _, reg := range []struct {
		name string
		rate float64
		pen  func(w float64) float64
	}{
		{"none", 0, func(float64) float64 { return 0 }},
		{"l2", 0.3, func(w float64) float64 { return 0.3 * w }},
		{"l1", 0.3, func(w float64) float64 { return 0.3 * math.Copysign(1, w) }},
	} {
		p.do("configure", map[string]any{"learningRate": 0.5, "regularization": reg.name, "regularizationRate": reg.rate})
		p.do("loadModel", mathModel)
		p.do("followPoint", 4)
		p.do("stepSample")
		got := p.model()
		pt := mathPoints[4]
		ref := &refNet{m: cloneModel(mathModel)}
		ref.forward(pt.X, pt.Y)
		ref.backward(pt.Label)
		for k := range mathModel.Weights {
			for j, row := range mathModel.Weights[k] {
				for i, w := range row {
					closeTo(t, reg.name+" weight", got.Weights[k][j][i], w-0.5*(ref.d[k][j]*ref.a[k][i]+reg.pen(w)), 1e-13)
				}
				closeTo(t, reg.name+" bias", got.Biases[k][j], mathModel.Biases[k][j]-0.5*ref.d[k][j], 1e-13)
			}
		}
		m := call[MathJSON](p, "math")
		if u := m.LastUpdate; u == nil || u.Before != 1.5 || u.After != got.Weights[2][0][0] || u.Regularization != reg.pen(1.5) {
			t.Errorf("%s: lastUpdate %+v, want 1.5 → %g with regularization %g", reg.name, u, got.Weights[2][0][0], reg.pen(1.5))
		}
	}

	// Four training points in batches of 3: two batches, the second completes epoch 1.
	p.do("configure", map[string]any{"batchSize": 3, "regularization": "none"})
	p.do("loadModel", mathModel)
	for b, epoch := range []int{0, 1} {
		p.do("stepBatch")
		if st := p.state(); st.Epoch != epoch || st.Running {
			t.Errorf("after batch %d: epoch %d, running %v; want epoch %d, paused", b+1, st.Epoch, st.Running, epoch)
		}
		if b == 0 && slices.EqualFunc(p.model().Weights[2], mathModel.Weights[2], slices.Equal) {
			t.Error("the first batch changed nothing")
		}
	}
	byBatch := p.model()
	p.do("loadModel", mathModel)
	p.do("step", 1)
	if byEpoch := p.model(); !slices.EqualFunc(byBatch.Weights, byEpoch.Weights, func(a, b [][]float64) bool {
		return slices.EqualFunc(a, b, slices.Equal)
	}) {
		t.Errorf("two stepBatch calls gave %v, one epoch gives %v", byBatch.Weights, byEpoch.Weights)
	}

	p.do("setWeight", 2, 0, 1, -0.75)
	p.do("setBias", 2, 0, 0.5)
	m := p.model()
	if m.Weights[2][0][1] != -0.75 || m.Biases[2][0] != 0.5 {
		t.Errorf("after setWeight and setBias: weights[2] %v, biases[2] %v", m.Weights[2], m.Biases[2])
	}
	ref := &refNet{m: m}
	if got := call[float64](p, "predict", 1.0, 2.0); math.Abs(got-ref.forward(1, 2)) > 1e-12 {
		t.Errorf("predict(1, 2) = %g after setWeight, want %g", got, ref.forward(1, 2))
	}
	p.refused("setWeight", `[0, 0, 0, NaN]`)
	p.refused("setWeight", `[0, 3, 0, 1]`)
	p.refused("setBias", `[3, 0, 1]`)
	if after := p.model(); !slices.Equal(after.Biases[2], m.Biases[2]) || after.Weights[0][0][0] != m.Weights[0][0][0] {
		t.Error("a refused set changed the model")
	}
}

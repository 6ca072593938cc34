package api

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"testing"
	"time"

	"nnplay/interact"
	"nnplay/session"
	"nnplay/view"
)

// referenceMath is math() as encoding/json writes the Math type, built the straightforward
// way (pointers for nulls) from the session's own maths: what math() answered before its
// encoding was written by hand.
func referenceMath(t *testing.T, p *Playground) []byte {
	t.Helper()
	var m session.PointMath
	if err := p.S.Math(&m, view.MathPoint(p.UI, p.S), view.SelectedParam(p.UI, p.S)); err != nil {
		t.Fatal(err)
	}
	grads := make([]float64, len(p.S.Network().Params()))
	hasGrads := p.S.MeanGradients(grads)
	out := Math{
		Point: MathPoint{Index: m.Index, X: m.Point.X, Y: m.Point.Y, Label: m.Point.Label, Test: m.Point.Test,
			Features: m.Features},
		YHat: number(m.YHat, true), SquaredError: number(m.SquaredError, true), Loss: number(m.Loss, true),
		DLdYHat: number(m.DLdYHat, true), MSE: number(m.MSE, true),
		Selected: referenceParam(&m.Selected), LearningRate: p.S.LearningRate(),
	}
	for k := range m.Layers {
		L := &m.Layers[k]
		ml := MathLayer{Activation: L.Activation.String(), W: L.W, B: L.B, Z: pointers(L.Z), A: pointers(L.A)}
		if !m.Point.Test {
			ml.Delta = pointers(L.Delta)
		}
		nw, cols := len(L.W)*len(L.W[0]), len(L.W[0])
		if hasGrads {
			for j := range L.W {
				ml.MeanGradW = append(ml.MeanGradW, pointers(grads[j*cols:(j+1)*cols]))
			}
			ml.MeanGradB = pointers(grads[nw : nw+len(L.B)])
		}
		grads = grads[nw+len(L.B):]
		out.Layers = append(out.Layers, ml)
	}
	if sel := &m.Selected; sel.Why == session.Defined {
		u := p.S.NextUpdate(sel.Param, sel.Gradient)
		out.Selected.Step = &MathUpdate{u.Before, u.After, u.Gradient, u.Regularization}
	}
	if u, ok := p.S.LastUpdate(m.Selected.Param); ok {
		out.LastUpdate = &MathUpdate{u.Before, u.After, u.Gradient, u.Regularization}
	}
	b, err := json.Marshal(out)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// referenceParam is the chain rule of the selected parameter for referenceMath.
func referenceParam(s *session.ParamMath) MathParam {
	mp := MathParam{Kind: "weight", L: s.L, J: s.J, Value: s.Value, Factors: []MathFactor{}, H: session.FDStep,
		Gradient: number(s.Gradient, true), RelativeError: number(s.RelativeError, true)}
	if s.Bias {
		mp.Kind = "bias"
	} else {
		i := s.I
		mp.I = &i
	}
	switch s.Why {
	case session.NotTrained:
		mp.Reason = text("not trained on: a test point is never trained on")
		return mp
	case session.Kink:
		mp.Reason = text(fmt.Sprintf("undefined: node %d of layer %d is a ReLU exactly at its kink (z = 0)", s.KinkNode, s.KinkLayer))
	}
	mp.FiniteDifference = number(s.FiniteDifference, true)
	for _, f := range s.Factors {
		mp.Factors = append(mp.Factors, MathFactor{f.Name, number(f.Value, true)})
	}
	return mp
}

// pointers returns v with each value that is not finite as nil (JSON null).
func pointers(v []float64) []*float64 {
	out := make([]*float64, len(v))
	for i, x := range v {
		out[i] = number(x, true)
	}
	return out
}

// TestMathJSON: math()'s hand-written JSON is exactly encoding/json's of the Math type, on
// networks and points that exercise every branch: a hidden and an output weight, a bias, a
// test point, a ReLU at its kink (null factor and gradient), a step's lastUpdate, a tiny
// regularization (numbers written with exponents) and no training points (null MSE and
// mean gradients).
func TestMathJSON(t *testing.T) {
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	testPoint := func(p *Playground) int {
		return slices.IndexFunc(p.S.Points(), func(q session.Point) bool { return q.Test })
	}
	tests := []struct {
		name string
		set  func(p *Playground)
		want string // a fragment the answer must hold, so that the case is what it says
	}{
		{"defaults", func(p *Playground) {}, `"kind":"weight","l":1`},
		{"hidden weight, features", func(p *Playground) {
			must(p.Configure([]byte(`{"layers":[4,3,2,1],"features":["x1","x2","x1^2","sin(x1)"],"activation":"tanh"}`)))
			must(p.SelectWeight(0, 2, 3))
		}, `"name":"Σₖ δₖ·wₖⱼ"`},
		{"bias of a test point", func(p *Playground) {
			must(p.FollowPoint(float64(testPoint(p))))
			must(p.SelectBias(0, 1))
		}, `"reason":"not trained on`},
		{"ReLU at its kink", func(p *Playground) {
			must(p.Configure([]byte(`{"activation":"relu","layers":[2,3,1]}`)))
			must(p.SetWeight(0, 1, 0, 0))
			must(p.SetWeight(0, 1, 1, 0))
			must(p.SetBias(0, 1, 0))
			must(p.SelectWeight(0, 1, 0))
		}, `"gradient":null,"finiteDifference":`},
		{"after a step, L2 1e-9", func(p *Playground) {
			must(p.Configure([]byte(`{"regularization":"l2","regularizationRate":0.001,"learningRate":0.000003}`)))
			must(p.StepSample())
		}, `"lastUpdate":{"before":`},
		{"no training points", func(p *Playground) {
			must(p.SetData([]byte(`[{"x":1,"y":2,"label":1,"test":true},{"x":-1,"y":0.5,"label":0,"test":true}]`)))
		}, `"mse":null`},
	}
	for _, tc := range tests {
		p := newPlayground(t)
		tc.set(p)
		got, err := p.Math()
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		want := referenceMath(t, p)
		var g, w Math
		if err := json.Unmarshal(got, &g); err != nil {
			t.Fatalf("%s: math() is not JSON: %v\n%s", tc.name, err, got)
		}
		if err := json.Unmarshal(want, &w); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(g, w) || !bytes.Equal(got, want) {
			t.Errorf("%s: math()\n%s\nwant encoding/json's\n%s", tc.name, got, want)
		}
		if !bytes.Contains(got, []byte(tc.want)) {
			t.Errorf("%s: math() has no %s:\n%s", tc.name, tc.want, got)
		}
	}
}

// TestMathAllocatesNothing: encoding math() into its reused buffer allocates nothing, nor
// does recomputing it after training; the reply handed to JavaScript is its one string.
func TestMathAllocatesNothing(t *testing.T) {
	p := newPlayground(t)
	if _, err := p.Math(); err != nil {
		t.Fatal(err)
	}
	read := func() {
		if _, err := p.Math(); err != nil {
			t.Fatal(err)
		}
	}
	if a := testing.AllocsPerRun(50, read); a != 0 {
		t.Errorf("encoding math(): %v allocations, want 0", a)
	}
	train := func() {
		if _, err := p.S.Step(1); err != nil {
			t.Fatal(err)
		}
		read()
	}
	count := p.MathCount()
	if a := testing.AllocsPerRun(50, train); a != 0 {
		t.Errorf("math() after an epoch: %v allocations, want 0", a)
	}
	if p.MathCount() == count {
		t.Error("math() did not recompute after training")
	}
	if a := testing.AllocsPerRun(50, func() { _ = p.MathReply(true) }); a != 1 {
		t.Errorf("the panel's reply: %v allocations, want 1 (the string)", a)
	}
}

// TestMathFrames: with the panel open the frames recompute the maths when they change, at
// most every MathEvery; closed, they leave them; a script's math() is always current.
func TestMathFrames(t *testing.T) {
	r := newDragRun(t, `{"numPoints": 100}`)
	p := &r.c.API
	frames := func(d time.Duration) {
		for end := r.now + d; r.now < end; {
			r.step()
		}
	}
	frames(time.Second)
	if p.MathCount() != 0 {
		t.Fatalf("the panel is closed, yet the frames computed the maths %d times", p.MathCount())
	}
	r.c.SetPanel(true)
	frames(time.Second)
	if n := p.MathCount(); n < 3 || n > 5 {
		t.Errorf("a second of training with the panel open: the maths computed %d times, want about 4", n)
	}
	// The drag ends and training pauses: nothing changes any more.
	r.frame([]interact.Event{{Kind: interact.PointerUp, X: r.ev[0].X, Y: r.ev[0].Y, Pointer: 1}})
	p.Pause()
	idle := func(d time.Duration) {
		for end := r.now + d; r.now < end; {
			r.frame(nil)
		}
	}
	idle(time.Second)
	n := p.MathCount()
	idle(time.Second)
	if p.MathCount() != n {
		t.Errorf("paused, nothing changing: the maths computed %d more times", p.MathCount()-n)
	}
	if err := p.FollowPoint(3); err != nil {
		t.Fatal(err)
	}
	var m Math
	b, _ := p.Math()
	if err := json.Unmarshal(b, &m); err != nil || m.Point.Index != 3 {
		t.Errorf("followPoint(3); math(): point %d (%v), want 3", m.Point.Index, err)
	}
	if err := p.FollowPoint(5); err != nil {
		t.Fatal(err)
	}
	idle(MathEvery)
	if b, _ := p.PanelMath(); json.Unmarshal(b, &m) != nil || m.Point.Index != 5 {
		t.Errorf("followPoint(5), frames: the panel shows point %d, want 5", m.Point.Index)
	}
}

// BenchmarkMathUpdate is the maths panel's work at 500 points (250 training) on a 2-8-8-1
// network: "update" is one recomputation as a frame does it (the followed point's pass, a
// hidden weight's chain rule and finite difference, the training MSE and mean gradients)
// with the panel's read of it; "read" is the read alone (the JSON of the cached numbers).
func BenchmarkMathUpdate(b *testing.B) {
	p := newPlayground(b)
	if err := p.Configure([]byte(`{"numPoints":500,"layers":[2,8,8,1]}`)); err != nil {
		b.Fatal(err)
	}
	if err := p.SelectWeight(0, 3, 1); err != nil {
		b.Fatal(err)
	}
	for _, bc := range []struct {
		name    string
		compute bool
	}{{"update", true}, {"read", false}} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if bc.compute {
					p.computeMath(p.mathKey())
				}
				if _, err := p.PanelMath(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

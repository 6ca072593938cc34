package api

import (
	"errors"
	"fmt"
	"math"

	"nnplay/session"
	"nnplay/view"
)

// Math is the answer of math(): the arithmetic of the network on the followed point, as the
// maths panel shows it. Numbers that are not defined are null.
type Math struct {
	Point        MathPoint   `json:"point"`
	Layers       []MathLayer `json:"layers"` // layers[k] is weight layer k: weights[k] of the model file
	YHat         *float64    `json:"yhat"`
	SquaredError *float64    `json:"squaredError"` // (y − ŷ)²
	Loss         *float64    `json:"loss"`         // L = ½(y − ŷ)²
	DLdYHat      *float64    `json:"dLdyhat"`      // ∂L/∂ŷ = ŷ − y
	MSE          *float64    `json:"mse"`          // over the training set; null without one
	Selected     MathParam   `json:"selected"`
	LastUpdate   *MathUpdate `json:"lastUpdate"`   // the last stepSample or stepBatch, until training moves on
	LearningRate float64     `json:"learningRate"` // η of the updates
}

// MathPoint is the followed point and its input vector.
type MathPoint struct {
	Index    int       `json:"index"`
	X        float64   `json:"x"`
	Y        float64   `json:"y"`
	Label    float64   `json:"label"`
	Test     bool      `json:"test"`
	Features []float64 `json:"features"`
}

// MathLayer is one weight layer on the point: z = W·a + b, a = σ(z), with each node's δ and
// the training set's mean gradients (for the gradients view).
type MathLayer struct {
	Activation string       `json:"activation"`
	W          [][]float64  `json:"W"`
	B          []float64    `json:"b"`
	Z          []*float64   `json:"z"`
	A          []*float64   `json:"a"`
	Delta      []*float64   `json:"delta"`     // ∂L/∂z; null for a test point
	MeanGradW  [][]*float64 `json:"meanGradW"` // mean ∂L/∂W over the training set; null without one
	MeanGradB  []*float64   `json:"meanGradB"` // mean ∂L/∂b
}

// MathFactor is one factor of the chain rule.
type MathFactor struct {
	Name  string   `json:"name"`
	Value *float64 `json:"value"` // null where the derivative is undefined
}

// MathParam is the chain rule for the selected parameter.
type MathParam struct {
	Kind             string       `json:"kind"` // "weight" or "bias"
	L                int          `json:"l"`
	J                int          `json:"j"`
	I                *int         `json:"i"` // null for a bias
	Value            float64      `json:"value"`
	Factors          []MathFactor `json:"factors"` // [] for a test point
	Gradient         *float64     `json:"gradient"`
	FiniteDifference *float64     `json:"finiteDifference"`
	H                float64      `json:"h"` // the finite difference's step
	RelativeError    *float64     `json:"relativeError"`
	Reason           *string      `json:"reason"` // why gradient is null, else null
	Step             *MathUpdate  `json:"step"`   // what one step on this point alone would do; null without a gradient
}

// MathUpdate is what the last step did to the selected parameter:
// after = before − η·(gradient + regularization).
type MathUpdate struct {
	Before         float64 `json:"before"`
	After          float64 `json:"after"`
	Gradient       float64 `json:"gradient"`
	Regularization float64 `json:"regularization"`
}

// mathScratch is what math() computes into, reused from call to call.
type mathScratch struct {
	m     session.PointMath
	grads []float64
}

// errNoPoint refuses maths without a point to follow.
var errNoPoint = errors.New("no point to follow: there are no points")

// Math returns the arithmetic of the network on the followed point (view.MathPoint) for the
// selected parameter (view.SelectedParam).
func (p *Playground) Math() (Math, error) {
	i := view.MathPoint(p.UI, p.S)
	if i < 0 {
		return Math{}, fmt.Errorf("math: %w", errNoPoint)
	}
	sc := &p.scratch
	m := &sc.m
	if err := p.S.Math(m, i, view.SelectedParam(p.UI, p.S)); err != nil {
		return Math{}, fmt.Errorf("math: %w", err)
	}
	if n := len(p.S.Network().Params()); len(sc.grads) != n {
		sc.grads = make([]float64, n)
	}
	hasGrads := p.S.MeanGradients(sc.grads)
	out := Math{
		Point: MathPoint{Index: m.Index, X: m.Point.X, Y: m.Point.Y, Label: m.Point.Label, Test: m.Point.Test,
			Features: m.Features},
		YHat: number(m.YHat, true), SquaredError: number(m.SquaredError, true), Loss: number(m.Loss, true),
		DLdYHat: number(m.DLdYHat, true), MSE: number(m.MSE, true),
		Selected: mathParam(&m.Selected, m.Point.Test),
	}
	grads := sc.grads
	for k := range m.Layers {
		L := &m.Layers[k]
		ml := MathLayer{Activation: L.Activation.String(), W: L.W, B: L.B, Z: numbers(L.Z), A: numbers(L.A)}
		if !m.Point.Test {
			ml.Delta = numbers(L.Delta)
		}
		nw := len(L.W) * len(L.W[0])
		if hasGrads {
			for j := range L.W {
				ml.MeanGradW = append(ml.MeanGradW, numbers(grads[j*len(L.W[0]):(j+1)*len(L.W[0])]))
			}
			ml.MeanGradB = numbers(grads[nw : nw+len(L.B)])
		}
		grads = grads[nw+len(L.B):]
		out.Layers = append(out.Layers, ml)
	}
	out.LearningRate = p.S.LearningRate()
	if sel := &m.Selected; sel.Why == session.Defined {
		u := p.S.NextUpdate(sel.Param, sel.Gradient)
		out.Selected.Step = &MathUpdate{u.Before, u.After, u.Gradient, u.Regularization}
	}
	if u, ok := p.S.LastUpdate(m.Selected.Param); ok {
		out.LastUpdate = &MathUpdate{u.Before, u.After, u.Gradient, u.Regularization}
	}
	return out, nil
}

// mathParam converts the chain rule of the selected parameter.
func mathParam(s *session.ParamMath, test bool) MathParam {
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

// numbers returns v with each value that is not finite as nil (JSON null).
func numbers(v []float64) []*float64 {
	out := make([]*float64, len(v))
	for i, x := range v {
		out[i] = number(x, true)
	}
	return out
}

// integer returns v as an int, or an error naming the call and the argument when v is not
// a whole number.
func integer(call, name string, v float64) (int, error) {
	if v != math.Trunc(v) || math.Abs(v) > 1<<31 {
		return 0, fmt.Errorf("%s: %s must be an integer, got %s", call, name, session.FormatNumber(v))
	}
	return int(v), nil
}

// integers converts the named arguments with integer, stopping at the first refusal.
func integers(call string, names []string, vs ...float64) ([]int, error) {
	out := make([]int, len(vs))
	for k, v := range vs {
		n, err := integer(call, names[k], v)
		if err != nil {
			return nil, err
		}
		out[k] = n
	}
	return out, nil
}

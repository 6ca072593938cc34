package api

import (
	"errors"
	"fmt"
	"math"
	"time"

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

// MathEvery is how often, at most, the frames recompute the maths panel's numbers while it
// is open: a few updates a second are enough to watch training.
const MathEvery = 250 * time.Millisecond

// mathKey is what the maths of the panel depend on: the session's changes (Version) and
// training (Epoch), the followed point and the selected parameter.
type mathKey struct {
	version uint64
	epoch   int
	point   int
	param   session.Param
}

// mathCache is the maths of one key, computed by a frame (while the panel is open) or by a
// script's math(), and the buffer math()'s answer is encoded into; all reused.
type mathCache struct {
	m            session.PointMath
	grads        []float64 // the training set's mean gradients, in Params' layout
	hasGrads     bool
	step, last   session.Update // what one step on the point would do; the last step
	hasStep      bool
	hasLast      bool
	learningRate float64
	err          error // why there are no maths (no point to follow)
	key          mathKey
	valid        bool
	framed       bool          // a frame computed them at least once
	at           time.Duration // when a frame last computed them, on the frame's clock
	count        uint64        // counts the computations: the panel reads again when it changes
	buf          []byte        // {"ok": math()}
}

// errNoPoint refuses maths without a point to follow; errMathNoPoint is math()'s refusal,
// made once so that a frame with no points allocates nothing.
var (
	errNoPoint     = errors.New("no point to follow: there are no points")
	errMathNoPoint = fmt.Errorf("math: %w", errNoPoint)
)

// mathKey returns the key of the maths as they should be now.
func (p *Playground) mathKey() mathKey {
	s := p.S
	return mathKey{s.Version(), s.Epoch(), view.MathPoint(p.UI, s), view.SelectedParam(p.UI, s)}
}

// computeMath fills the cache with the maths of key k. After the first call for a network's
// shape it allocates nothing.
func (p *Playground) computeMath(k mathKey) {
	c, s := &p.maths, p.S
	c.key, c.valid, c.err = k, true, nil
	c.count++
	if k.point < 0 {
		c.err = errMathNoPoint
		return
	}
	if err := s.Math(&c.m, k.point, k.param); err != nil {
		c.err = fmt.Errorf("math: %w", err)
		return
	}
	if n := len(s.Network().Params()); len(c.grads) != n {
		c.grads = make([]float64, n)
	}
	c.hasGrads = s.MeanGradients(c.grads)
	c.learningRate = s.LearningRate()
	sel := &c.m.Selected
	c.hasStep = sel.Why == session.Defined
	if c.hasStep {
		c.step = s.NextUpdate(sel.Param, sel.Gradient)
	}
	c.last, c.hasLast = s.LastUpdate(sel.Param)
}

// Math returns math()'s answer as JSON: the arithmetic of the network on the followed point
// (view.MathPoint) for the selected parameter (view.SelectedParam), computed now unless
// the latest computation is still current. The bytes are valid until the next call. It
// allocates nothing when the maths are current, and after the first call for a network's
// shape nothing when they are not.
func (p *Playground) Math() ([]byte, error) {
	c := &p.maths
	if k := p.mathKey(); !c.valid || k != c.key {
		p.computeMath(k)
	}
	return p.encodeMath()
}

// PanelMath is Math as the maths panel reads it: the numbers the frames last computed
// (see Canvas.SetPanel), at most MathEvery old while they change, computed now only when
// there are none yet.
func (p *Playground) PanelMath() ([]byte, error) {
	if !p.maths.valid {
		p.computeMath(p.mathKey())
	}
	return p.encodeMath()
}

// encodeMath encodes the cache as {"ok": math()} into its buffer and returns the value.
func (p *Playground) encodeMath() ([]byte, error) {
	c := &p.maths
	if c.err != nil {
		return nil, c.err
	}
	c.buf = appendMath(append(c.buf[:0], okPrefix...), c)
	c.buf = append(c.buf, '}')
	return c.buf[len(okPrefix) : len(c.buf)-1], nil
}

// okPrefix opens a call's answer.
const okPrefix = `{"ok":`

// MathReply is Reply for math() or the panel's read (PanelMath): the one allocation is the
// string handed to JavaScript.
func (p *Playground) MathReply(panel bool) string {
	read := p.Math
	if panel {
		read = p.PanelMath
	}
	if _, err := read(); err != nil {
		return Reply(nil, err)
	}
	return string(p.maths.buf)
}

// MathCount counts the computations of the maths: the panel reads them again when it
// changes.
func (p *Playground) MathCount() uint64 { return p.maths.count }

// frameMath recomputes the maths at a frame at time now when they changed, at most every
// MathEvery.
func (p *Playground) frameMath(now time.Duration) {
	c := &p.maths
	k := p.mathKey()
	if c.valid && k == c.key || c.framed && now-c.at < MathEvery {
		return
	}
	p.computeMath(k)
	c.framed, c.at = true, now
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

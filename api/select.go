package api

import (
	"fmt"

	"nnplay/session"
	"nnplay/view"
)

// FollowPoint makes point index (of state().points) the followed point: the one the maths,
// the plot's ring and the nodes' pictures follow (it becomes the selected point). It refuses
// an index that names no point or a hidden test point.
func (p *Playground) FollowPoint(index float64) error {
	i, err := integer("followPoint", "index", index)
	if err != nil {
		return err
	}
	pts := p.S.Points()
	if i < 0 || i >= len(pts) {
		return fmt.Errorf("followPoint: no point %d: there are %d points", i, len(pts))
	}
	if !p.S.View().Shows(pts[i]) {
		return fmt.Errorf("followPoint: point %d is a test point and test points are hidden", i)
	}
	p.UI.Selected = i
	return nil
}

// SelectWeight selects the weight weights[l][j][i] (into node j of layer l+1 from node i of
// layer l) for the maths, or refuses an index outside the network's shape.
func (p *Playground) SelectWeight(l, j, i float64) error {
	ix, err := integers("selectWeight", []string{"l", "j", "i"}, l, j, i)
	if err != nil {
		return err
	}
	return p.selectParam("selectWeight", session.Param{L: ix[0], J: ix[1], I: ix[2]})
}

// SelectBias selects the bias of node j of layer l+1 for the maths, or refuses an index
// outside the network's shape.
func (p *Playground) SelectBias(l, j float64) error {
	ix, err := integers("selectBias", []string{"l", "j"}, l, j)
	if err != nil {
		return err
	}
	return p.selectParam("selectBias", session.Param{Bias: true, L: ix[0], J: ix[1]})
}

// selectParam selects par for the call named call, or refuses it.
func (p *Playground) selectParam(call string, par session.Param) error {
	if err := p.S.CheckParam(par); err != nil {
		return fmt.Errorf("%s: %w", call, err)
	}
	p.UI.Param, p.UI.ParamChosen = par, true
	return nil
}

// SetWeight sets weights[l][j][i] to a finite value; training goes on from it.
func (p *Playground) SetWeight(l, j, i, v float64) error {
	ix, err := integers("setWeight", []string{"l", "j", "i"}, l, j, i)
	if err != nil {
		return err
	}
	if err := p.S.SetWeight(ix[0], ix[1], ix[2], v); err != nil {
		return fmt.Errorf("setWeight: %w", err)
	}
	return nil
}

// SetBias sets the bias of node j of layer l+1 to a finite value.
func (p *Playground) SetBias(l, j, v float64) error {
	ix, err := integers("setBias", []string{"l", "j"}, l, j)
	if err != nil {
		return err
	}
	if err := p.S.SetBias(ix[0], ix[1], v); err != nil {
		return fmt.Errorf("setBias: %w", err)
	}
	return nil
}

// StepSample pauses and applies one update on the followed point alone (see
// session.StepSample); it refuses a test point. Divergence sets state().error without failing
// the call, as step does.
func (p *Playground) StepSample() error {
	i := view.MathPoint(p.UI, p.S)
	if i < 0 {
		return fmt.Errorf("stepSample: %w", errNoPoint)
	}
	return p.stepped("stepSample", p.S.StepSample(i))
}

// StepBatch pauses and trains the next mini-batch of the current epoch (see
// session.StepBatch). Divergence sets state().error without failing the call.
func (p *Playground) StepBatch() error {
	return p.stepped("stepBatch", p.S.StepBatch())
}

// stepped turns a step's error into the call's: a divergence (now the session's error) is
// not a refusal.
func (p *Playground) stepped(call string, err error) error {
	if err == nil || err.Error() == p.S.Err() {
		return nil
	}
	return fmt.Errorf("%s: %w", call, err)
}

// SetGradients shows the network's edges by the training set's mean ∂L/∂w, or by w: the
// setting gradients, as configure({gradients: on}) sets it.
func (p *Playground) SetGradients(on bool) error { return p.setView("setGradients", "gradients", on) }

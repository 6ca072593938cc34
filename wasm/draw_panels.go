//go:build js && wasm

package main

import (
	"image/color"

	"nnplay/session"
	"nnplay/view"
)

// biasTrack is the colour of the track a bias bar lies on.
var biasTrack = view.Lerp(view.Paper, view.NearZero, 0.5)

// prepareNetwork prepares the network picture: a legend row, the edges coloured and sized by
// weight, each node showing its output over the plane (with the followed point marked in
// it), the biases, the names.
func (p *painter) prepareNetwork(s *session.Session, ui *view.UI, k float64) {
	l := ui.Layout
	pts := s.Points()
	g := &p.pics.Net
	p.nodes.update(p.pics, k)
	m := &p.main
	p.legend(s, l.Network, k)

	for i := range g.Edges {
		e := &g.Edges[i]
		m.line(e.X0*k, e.Y0*k, e.X1*k, e.Y1*k, e.Width*k, e.Color, 1)
	}
	p.markSelection(g, k)
	h := view.Highlighted(ui) // the hovered element, else the maths panel's
	if h.Kind == view.HoverEdge {
		for i := range g.Edges {
			if e := &g.Edges[i]; e.Layer == h.Layer && e.Node == h.Node && e.From == h.From {
				m.line(e.X0*k, e.Y0*k, e.X1*k, e.Y1*k, (e.Width+3)*k, view.Ink, 1)
				m.line(e.X0*k, e.Y0*k, e.X1*k, e.Y1*k, e.Width*k, e.Color, 1)
			}
		}
	}
	if g.Follow < 0 {
		p.text.add("nodes show their output over the plane", (l.Network.X+l.Network.W/2)*k,
			(l.Network.Y+l.Network.H-view.NetCaptionH/2)*k, view.Small, view.FaintInk, view.AlignCenter)
	}
	last := len(s.Network().Layers()) - 1
	fs := s.Features()
	for i := range g.Nodes {
		nd := &g.Nodes[i]
		x, y, hf := nd.X*k, nd.Y*k, nd.Half*k
		t, c := k, view.Ink
		if h.Kind == view.HoverNode && h.Layer == nd.Layer && h.Node == nd.Node {
			t = 2.5 * k
		}
		if pin := ui.Pin; pin.Kind == view.HoverNode && pin.Layer == nd.Layer && pin.Node == nd.Node {
			t, c = 2.5*k, view.Selection
		}
		m.rect(x-hf-t, y-hf-t, 2*hf+2*t, 2*hf+2*t, c)
		m.rect(x-hf, y-hf, 2*hf, 2*hf, view.Paper) // under its picture (drawn after the mesh)
		if g.Follow >= 0 {
			// Where the followed point lies in the node's picture of the plane.
			pt := pts[g.Follow]
			out, in := nd.FollowMark(pt.X, pt.Y)
			p.over.frame(out.X*k, out.Y*k, out.W*k, out.H*k, k, view.Paper)
			p.over.frame(in.X*k, in.Y*k, in.W*k, in.H*k, 1.5*k, view.Ink)
		}
		if nd.Layer > 0 {
			// The bias: a bar from the centre (right positive, left negative) on a track as
			// wide as the node, with a tick at zero.
			p.rect(nd.BiasTrack, k, biasTrack)
			p.rect(nd.BiasBar, k, nd.BiasColor)
			p.rect(nd.BiasZero(), k, view.FaintInk)
			p.markBias(nd, h.Kind == view.HoverBias && h.Layer == nd.Layer && h.Node == nd.Node, k)
		}
		switch {
		case nd.Layer == 0 && nd.Node < len(fs):
			p.text.add(fs[nd.Node].String(), nd.NameX()*k, y, view.Small, view.Ink, view.AlignEnd)
		case nd.Layer == last:
			p.text.add("ŷ", nd.NameX()*k, y, view.Body, view.Ink, view.AlignStart)
		}
	}
}

// legend prepares the row above the network as view lays it out: the marks of the classes
// and of test points, or for regression the colour scale of the field and its range.
func (p *painter) legend(s *session.Session, r view.Rect, k float64) {
	m := &p.main
	f, ink := view.Small, view.FaintInk
	if !view.Regression(s) {
		end := 0.0
		for _, it := range view.ClassLegend(r) {
			m.sprite(it.Mark, it.MarkX*k, it.Y*k, it.Tint)
			p.text.add(it.Name, it.TextX*k, it.Y*k, f, ink, view.AlignStart)
			end = it.TextX + p.glyphs.g.Advance(f, it.Name)/k
		}
		p.edgeLegend(r, k, end)
		return
	}
	lo := p.scaleLo.set(view.AppendSig(p.buf[:0], p.pics.Field.Shown.Field.Lo, 2), f, p.glyphs.g)
	lg := view.NewScaleLegend(r, p.scaleLo.w/k)
	y := lg.Y * k
	p.text.add("output", lg.TitleX*k, y, f, ink, view.AlignStart)
	p.text.add(lo, lg.LoX*k, y, f, ink, view.AlignStart)
	b := lg.Bar
	m.gradient(b.X*k, b.Y*k, b.W/2*k, b.H*k, view.Class0, view.Paper)
	m.gradient((b.X+b.W/2)*k, b.Y*k, b.W/2*k, b.H*k, view.Paper, view.Class1)
	m.frame((b.X-1)*k, (b.Y-1)*k, (b.W+2)*k, (b.H+2)*k, k, ink)
	p.text.add(p.scaleHi.set(view.AppendSig(p.buf[:0], p.pics.Field.Shown.Field.Hi, 2), f, p.glyphs.g), lg.HiX*k, y, f, ink, view.AlignStart)
	p.edgeLegend(r, k, lg.HiX+p.scaleHi.w/k)
}

// prepareLoss prepares the loss panel: the metrics line, the axes with their ticks and the
// training (solid) and test (dashed) curves.
func (p *painter) prepareLoss(ui *view.UI, k float64) {
	g := p.pics.Loss
	m := &p.main
	a := g.Area
	f, fb := view.Small, view.Body

	// The metrics line, each part with its line style, as view lays it out.
	gl := p.glyphs.g
	train := p.lossTrain.set(g.TrainLabel, fb, gl)
	test := p.lossTest.set(g.TestLabel, fb, gl)
	p.lossAcc.set(g.AccLabel[:g.AccShort], fb, gl)
	shortW := p.lossAcc.w / k
	acc := p.lossAcc.set(g.AccLabel, fb, gl)
	ml := view.NewMetricsLine(g.Frame, p.lossTrain.w/k, p.lossTest.w/k, p.lossAcc.w/k, shortW)
	if ml.AccShort {
		acc = p.lossAcc.set(g.AccLabel[:g.AccShort], fb, gl)
	}
	y := ml.Y * k
	m.line(ml.Train[0]*k, y, ml.Train[1]*k, y, 2*k, view.Ink, 1)
	p.text.add(train, ml.TrainX*k, y, fb, view.Ink, view.AlignStart)
	for _, d := range ml.TestDashes {
		m.line(d[0]*k, y, d[1]*k, y, 2*k, view.TestColor, 1)
	}
	p.text.add(test, ml.TestX*k, y, fb, view.TestColor, view.AlignStart)
	p.text.add(acc, ml.AccX*k, ml.AccY*k, fb, view.Ink, view.AlignStart)

	// Axes, grid lines and ticks, as view lays them out.
	ax := view.NewLossAxes(a)
	for i := range g.YTicks {
		t := &g.YTicks[i]
		grid, mark := ax.YTick(t.Pos)
		p.rect(grid, k, view.Lerp(view.Paper, view.NearZero, 0.6))
		p.rect(mark, k, view.FaintInk)
		if i < len(p.yTicks) {
			p.text.add(p.yTicks[i].set(t.Label, f, p.glyphs.g), ax.LabelX*k, t.Pos*k, f, view.FaintInk, view.AlignEnd)
		}
	}
	p.rect(ax.Left, k, view.FaintInk)
	p.rect(ax.Bottom, k, view.FaintInk)
	ty := ax.LabelY * k
	if len(g.XTicks) == 2 {
		p.text.add(p.xTicks[0].set(g.XTicks[0].Label, f, p.glyphs.g), g.XTicks[0].Pos*k, ty, f, view.FaintInk, view.AlignStart)
		p.text.add(p.xTicks[1].set(g.XTicks[1].Label, f, p.glyphs.g), g.XTicks[1].Pos*k, ty, f, view.FaintInk, view.AlignEnd)
	}
	scaleName := "epochs"
	if g.Log {
		scaleName = "epochs · log loss"
	}
	p.text.add(scaleName, (a.X+a.W/2)*k, ty, f, view.FaintInk, view.AlignCenter)

	// The marks of changes under the curves, the hovered one darker and wider.
	for i := range g.MarkX {
		r, c := g.MarkLine(i, ui.Hover.Kind == view.HoverLossMark && ui.Hover.Index == i)
		m.rect(r.X*k, r.Y*k, r.W*k, r.H*k, c)
	}

	// Curves: test dashed below, training solid on top.
	p.dashes = view.Dash(p.dashes[:0], g.Test, 5, 3)
	m.segments(p.dashes, k, 1.5*k, view.TestColor)
	m.polyline(g.Train, k, 1.75*k, view.Ink)
}

// prepareOverlay prepares what lies above the pictures: the menu a right-click or a long
// press opens on a point, or the label of a held or just dropped point (its output and
// loss), or the tooltip of the hovered thing.
func (p *painter) prepareOverlay(s *session.Session, ui *view.UI, k float64) {
	l := ui.Layout
	m := &p.over
	if i := ui.Menu; i >= 0 && i < len(s.Points()) {
		pt, reg := s.Points()[i], view.Regression(s)
		for item := range view.MenuItems {
			r := view.MenuRect(l, s.Points(), i, item)
			m.rect(r.X*k, r.Y*k, r.W*k, r.H*k, view.Ink)
			if item > 0 {
				m.rect(r.X*k, r.Y*k, r.W*k, k, view.FaintInk) // the line between items
			}
			p.overTx.add(view.MenuText(item, pt, reg), (r.X+r.W/2)*k, (r.Y+r.H/2)*k, view.Body, view.Paper, view.AlignCenter)
		}
		return
	}
	if i := view.LabeledPoint(ui, len(s.Points())); i >= 0 {
		p.buf = view.AppendPointLabel(p.buf[:0], s, ui)
		str := p.tip.set(p.buf, view.Body, p.glyphs.g)
		p.boxed(str, view.PointLabelBox(l, s.Points()[i], p.tip.w/k), view.LabelPad, k)
		return
	}
	p.buf = view.AppendShownTooltip(p.buf[:0], s, ui)
	if len(p.buf) == 0 {
		return
	}
	str := p.tip.set(p.buf, view.Body, p.glyphs.g)
	p.boxed(str, view.TooltipBox(l, ui.PointerX, ui.PointerY, p.tip.w/k), view.TooltipPad, k)
}

// rect fills r (CSS px) in c on the main layer.
func (p *painter) rect(r view.Rect, k float64, c color.RGBA) {
	p.main.rect(r.X*k, r.Y*k, r.W*k, r.H*k, c)
}

// boxed draws str in the body face inside the framed box r (CSS px), pad from its left side.
func (p *painter) boxed(str string, r view.Rect, pad, k float64) {
	p.over.rect(r.X*k, r.Y*k, r.W*k, r.H*k, view.Paper)
	p.over.frame(r.X*k, r.Y*k, r.W*k, r.H*k, k, view.Ink)
	p.overTx.add(str, (r.X+pad)*k, (r.Y+r.H/2)*k, view.Body, view.Ink, view.AlignStart)
}

//go:build js && wasm

package main

import (
	"github.com/hajimehoshi/ebiten/v2"

	"nnplay/session"
	"nnplay/view"
)

// markSelection outlines the selected parameter: its edge with a halo, or its node's bias
// mark with a frame, in view.Selection; and frames a hovered bias mark in ink.
func (p *painter) markSelection(g *view.NetGeom, k float64) {
	m := &p.main
	for i := range g.Edges {
		if e := &g.Edges[i]; e.Selected {
			m.line(e.X0*k, e.Y0*k, e.X1*k, e.Y1*k, (e.Width+5)*k, view.Selection, 1)
			m.line(e.X0*k, e.Y0*k, e.X1*k, e.Y1*k, e.Width*k, e.Color, 1)
		}
	}
}

// markBias frames node nd's bias mark: in view.Selection when its bias is selected, in ink
// when hovered.
func (p *painter) markBias(nd *view.NodeGeom, hovered bool, k float64) {
	r := nd.BiasTrack
	switch {
	case nd.Selected:
		p.main.frame((r.X-2)*k, (r.Y-2)*k, (r.W+4)*k, (r.H+4)*k, 1.5*k, view.Selection)
	case hovered:
		p.main.frame((r.X-1)*k, (r.Y-1)*k, (r.W+2)*k, (r.H+2)*k, k, view.Ink)
	}
}

// edgeLegend prepares what the edges' colours mean at the right end of the legend row r,
// unless the legend left of it (ending at minX) leaves no room.
func (p *painter) edgeLegend(r view.Rect, k, minX float64) {
	f, ink := view.Small, view.FaintInk
	title := "w"
	if p.pics.Net.Grads != nil {
		title = "∂L/∂w"
	}
	lg, ok := view.NewEdgeLegend(r, p.glyphs.g.Advance(f, title)/k, minX)
	if !ok {
		return
	}
	y := lg.Y * k
	p.text.add(title, lg.TitleX*k, y, f, ink, view.AlignEnd)
	p.text.add("−", lg.MinusX*k, y, f, ink, view.AlignCenter)
	p.text.add("+", lg.PlusX*k, y, f, ink, view.AlignCenter)
	b := lg.Bar
	m := &p.main
	m.gradient(b.X*k, b.Y*k, b.W/2*k, b.H*k, view.Class0, view.NearZero)
	m.gradient((b.X+b.W/2)*k, b.Y*k, b.W/2*k, b.H*k, view.NearZero, view.Class1)
}

// drawShownNode draws the picture of the hovered or pinned node (view.ShownNode) over the
// plot, large, as TensorFlow Playground does, with the node's name in the plot's corner.
func (p *painter) drawShownNode(screen *ebiten.Image, ui *view.UI, layers []int) {
	l, j, ok := view.ShownNode(ui, layers)
	if !ok || p.nodes.img == nil {
		return
	}
	sx0, sy0, sx1, sy1 := p.pics.Nodes.Tile(view.NodeIndex(layers, l, j))
	k := p.scale
	plot := ui.Layout.Plot
	x0, y0 := float32(plot.X*k), float32(plot.Y*k)
	x1, y1 := float32((plot.X+plot.W)*k), float32((plot.Y+plot.H)*k)
	corners := [4][4]float32{{x0, y0, float32(sx0), float32(sy0)}, {x1, y0, float32(sx1), float32(sy0)},
		{x1, y1, float32(sx1), float32(sy1)}, {x0, y1, float32(sx0), float32(sy1)}}
	for i, c := range corners {
		p.fieldVs[i] = ebiten.Vertex{DstX: c[0], DstY: c[1], SrcX: c[2], SrcY: c[3], ColorR: 1, ColorG: 1, ColorB: 1, ColorA: 1}
	}
	screen.DrawTriangles(p.fieldVs[:], p.fieldIs[:], p.nodes.img, &p.fieldOp)
}

// captionShownNode names the hovered or pinned node whose picture the plot shows, in the
// plot's top-left corner ("h2", "h2 · pinned"), and reports whether there is one.
func (p *painter) captionShownNode(s *session.Session, ui *view.UI, k float64) bool {
	layers := s.Network().Layers()
	l, j, ok := view.ShownNode(ui, layers)
	if !ok {
		return false
	}
	b := append(p.buf[:0], "showing "...)
	b = view.AppendNodeName(b, layers, s.Features(), l, j)
	if pin := ui.Pin; pin.Kind == view.HoverNode && pin.Layer == l && pin.Node == j {
		b = append(b, " · pinned"...)
	}
	p.buf = b
	str := p.shownNode.set(b, view.Body, p.glyphs.g)
	r := view.ShownNodeBox(ui.Layout, p.shownNode.w/k)
	p.over.rect(r.X*k, r.Y*k, r.W*k, r.H*k, view.Paper)
	p.over.frame(r.X*k, r.Y*k, r.W*k, r.H*k, k, view.Selection)
	p.overTx.add(str, (r.X+view.TooltipPad)*k, (r.Y+r.H/2)*k, view.Body, view.Ink, view.AlignStart)
	return true
}

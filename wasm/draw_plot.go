//go:build js && wasm

package main

import (
	"nnplay/session"
	"nnplay/view"
)

// white leaves a sprite's colours as rendered.
var white = [4]float32{1, 1, 1, 1}

// preparePlot prepares the data plot: its frame and axes, the contour and the points.
func (p *painter) preparePlot(s *session.Session, ui *view.UI, k float64) {
	l := ui.Layout
	r := l.Plot
	m := &p.main

	// Axes: ticks and labels below and left of the plot.
	for _, tk := range view.AxisTicks(l) {
		bottom, left := tk.Marks(r)
		m.rect(bottom.X*k, bottom.Y*k, bottom.W*k, bottom.H*k, view.FaintInk)
		m.rect(left.X*k, left.Y*k, left.W*k, left.H*k, view.FaintInk)
		p.text.add(tk.Label, tk.X*k, tk.LabelY*k, view.Small, view.FaintInk, view.AlignCenter)
		p.text.add(tk.Label, tk.LabelX*k, tk.Y*k, view.Small, view.FaintInk, view.AlignEnd)
	}

	// The middle contour (0.5 for classification), a thin dark line: opaque, each segment
	// lengthened as view.ContourStroke says.
	contour := p.pics.Field.Shown.Contour
	if p.captionShownNode(s, ui, k) {
		contour = nil // the plot shows a node's picture, not the network's output
	}
	for _, sg := range contour {
		x0, y0, x1, y1 := view.ContourStroke(sg, l, k)
		m.line(x0, y0, x1, y1, view.ContourWidth*k, view.ContourInk, 1)
	}
	fr := view.PlotFrame(r)
	m.frame(fr.X*k, fr.Y*k, fr.W*k, fr.H*k, k, view.FaintInk)

	// Points: test points below training points, the selected and the dragged on top.
	pts := s.Points()
	regression := view.Regression(s)
	hovered := -1
	if ui.Hover.Kind == view.HoverPoint {
		hovered = ui.Hover.Index
	}
	for _, i := range p.pics.Order {
		pt := pts[i]
		sx, sy := l.ToScreen(pt.X, pt.Y)
		if i == ui.Selected || i == ui.Menu {
			m.sprite(view.MarkRing, sx*k, sy*k, white)
		} else if i == hovered {
			m.sprite(view.MarkRing, sx*k, sy*k, [4]float32{1, 1, 1, 0.45})
		}
		m.sprite(view.MarkOf(pt, regression), sx*k, sy*k, view.PointColor(pt, regression, p.pics.Field.Shown.Field.Lo, p.pics.Field.Shown.Field.Hi))
	}
}

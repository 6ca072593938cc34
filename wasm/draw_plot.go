//go:build js && wasm

package main

import (
	"math"

	"nnplay/session"
	"nnplay/view"
)

// contourInk is the colour of the field's middle contour.
var contourInk = view.Lerp(view.Ink, view.Paper, 0.2)

// white leaves a sprite's colours as rendered.
var white = [4]float32{1, 1, 1, 1}

// preparePlot prepares the data plot: its frame and axes, the contour and the points.
func (p *painter) preparePlot(s *session.Session, ui *view.UI, k float64) {
	l := ui.Layout
	r := l.Plot
	m := &p.main

	// Axes: ticks and labels below and left of the plot.
	for _, tk := range view.AxisTicks(l) {
		m.rect((tk.X-0.5)*k, (r.Y+r.H)*k, k, view.TickLen*k, view.FaintInk)
		m.rect((r.X-view.TickLen)*k, (tk.Y-0.5)*k, view.TickLen*k, k, view.FaintInk)
		p.text.add(tk.Label, tk.X*k, tk.LabelY*k, view.Small, view.FaintInk, view.AlignCenter)
		p.text.add(tk.Label, tk.LabelX*k, tk.Y*k, view.Small, view.FaintInk, view.AlignEnd)
	}

	// The middle contour (0.5 for classification), a thin dark line: opaque, each segment
	// lengthened by half its width at both ends so that joints show neither gaps nor darker
	// overlaps.
	w := 1.5 * k
	contour := p.pics.Field.Shown.Contour
	if p.captionShownNode(s, ui, k) {
		contour = nil // the plot shows a node's picture, not the network's output
	}
	for _, sg := range contour {
		x0, y0 := l.ToScreen(sg.X0, sg.Y0)
		x1, y1 := l.ToScreen(sg.X1, sg.Y1)
		x0, y0, x1, y1 = x0*k, y0*k, x1*k, y1*k
		if d := math.Hypot(x1-x0, y1-y0); d > 0 {
			ex, ey := (x1-x0)/d*w/2, (y1-y0)/d*w/2
			x0, y0, x1, y1 = x0-ex, y0-ey, x1+ex, y1+ey
		}
		m.line(x0, y0, x1, y1, w, contourInk, 1)
	}
	m.frame(r.X*k-k, r.Y*k-k, r.W*k+2*k, r.H*k+2*k, k, view.FaintInk)

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

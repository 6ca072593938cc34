//go:build js && wasm

package main

import (
	"github.com/hajimehoshi/ebiten/v2"

	"nnplay/session"
	"nnplay/view"
)

// fieldSide is the resolution of the CPU field, drawn scaled to the plot with linear filtering.
const fieldSide = 96

// painter draws the playground; it owns the images, fonts and scratch buffers.
type painter struct {
	field    *view.Field
	fieldImg *ebiten.Image
	dot      *ebiten.Image
	op       ebiten.DrawImageOptions
}

// newPainter returns a painter with its images allocated.
func newPainter() *painter {
	p := &painter{
		field:    view.NewField(fieldSide, fieldSide),
		fieldImg: ebiten.NewImage(fieldSide, fieldSide),
		dot:      ebiten.NewImage(1, 1),
	}
	p.dot.Fill(view.Paper)
	return p
}

// update does the per-frame picture work (field, contour, geometry, labels). Called once per
// frame at the end of Game.Update, after training; m is the session's Record() of this frame.
func (p *painter) update(s *session.Session, ui *view.UI, m session.Metrics) {
	p.field.Compute(s, true)
	p.fieldImg.WritePixels(p.field.Pix)
}

// draw renders the state prepared by update; no computation beyond blitting and stroking.
func (p *painter) draw(screen *ebiten.Image, s *session.Session, ui *view.UI) {
	screen.Fill(view.Paper)
	l, k := ui.Layout, ui.Scale
	if k <= 0 {
		k = 1
	}
	p.op.GeoM.Reset()
	p.op.GeoM.Scale(l.Plot.W*k/fieldSide, l.Plot.H*k/fieldSide)
	p.op.GeoM.Translate(l.Plot.X*k, l.Plot.Y*k)
	p.op.Filter = ebiten.FilterLinear
	p.op.ColorScale.Reset()
	screen.DrawImage(p.fieldImg, &p.op)
	p.op.Filter = ebiten.FilterNearest
	const r = 4
	for _, pt := range s.Points() {
		x, y := l.ToScreen(pt.X, pt.Y)
		p.op.GeoM.Reset()
		p.op.GeoM.Scale(2*r*k, 2*r*k)
		p.op.GeoM.Translate((x-r)*k, (y-r)*k)
		p.op.ColorScale.Reset()
		if pt.Label >= 0.5 {
			p.op.ColorScale.ScaleWithColor(view.Class1)
		} else {
			p.op.ColorScale.ScaleWithColor(view.Class0)
		}
		screen.DrawImage(p.dot, &p.op)
	}
}

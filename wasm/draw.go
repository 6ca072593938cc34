//go:build js && wasm

package main

import (
	"github.com/hajimehoshi/ebiten/v2"

	"nnplay/session"
	"nnplay/view"
)

// fieldSide is the resolution of the CPU field, drawn scaled to the plot with linear filtering
// (no visible blocks). Chosen by measurement: see BenchmarkFieldFrame in view.
const fieldSide = view.BrowserFieldSide

// painter draws the playground; it owns the images, fonts and scratch buffers. update prepares
// everything a frame shows (the field's pixels, one mesh of strokes, rectangles and point
// sprites, the texts); draw only blits and strokes it. After the first frames nothing here
// allocates: slices are reused and strings are rebuilt only when their text changes.
type painter struct {
	scale    float64
	atlas    *view.Atlas
	atlasImg *ebiten.Image
	fonts    fonts

	field    *view.Field
	fieldImg *ebiten.Image
	contour  []view.Segment
	plot     view.Rect // where the field is drawn, CSS px

	net    view.NetGeom
	loss   *view.LossGeom
	dashes []view.Pt
	order  []int

	main, over   mesh  // the pictures, and the tooltip and menu above them
	text, overTx texts // their texts

	lossTrain, lossTest, lossAcc label
	xTicks, yTicks               [8]label
	scaleLo, scaleHi             label
	tip                          label
	buf                          []byte

	fieldOp ebiten.DrawImageOptions
	triOp   ebiten.DrawTrianglesOptions
}

// newPainter returns a painter with its field and buffers allocated; images that depend on the
// device scale are made by the first update.
func newPainter() *painter {
	p := &painter{
		field:    view.NewField(fieldSide, fieldSide),
		fieldImg: ebiten.NewImage(fieldSide, fieldSide),
		loss:     view.NewLossGeom(),
		contour:  make([]view.Segment, 0, 4*fieldSide),
		dashes:   make([]view.Pt, 0, 2048),
		order:    make([]int, 0, session.MaxPoints),
		buf:      make([]byte, 0, 128),
	}
	p.fieldOp.Filter = ebiten.FilterLinear
	p.triOp.Filter = ebiten.FilterLinear
	return p
}

// update does the per-frame picture work (field, contour, geometry, labels). Called once per
// frame at the end of Game.Update, after training; m is the session's Record() of this frame.
func (p *painter) update(s *session.Session, ui *view.UI, m session.Metrics) {
	k := ui.Scale
	if !(k >= 0.5) {
		k = 1
	}
	if p.atlas == nil || p.scale != k {
		p.scale = k
		p.atlas = view.NewAtlas(k)
		if p.atlasImg != nil {
			p.atlasImg.Deallocate()
		}
		p.atlasImg = ebiten.NewImage(p.atlas.W, p.atlas.H)
		p.atlasImg.WritePixels(p.atlas.Pix)
		p.fonts.at(k)
	}
	// Half the field's rows per frame while the network changes; all of them once it stops.
	if p.field.RefreshRows(s, false, (fieldSide+1)/2) {
		p.fieldImg.WritePixels(p.field.Pix)
		p.contour = p.field.Contour(p.contour[:0], p.field.Level())
	}
	l := ui.Layout
	p.plot = l.Plot
	p.main.reset(p.atlas)
	p.over.reset(p.atlas)
	p.text.items = p.text.items[:0]
	p.overTx.items = p.overTx.items[:0]

	p.updatePlot(s, ui, k)
	p.updateNetwork(s, ui, k)
	p.updateLoss(s, ui, m, k)
	p.updateOverlay(s, ui, k)
}

// draw renders the state prepared by update; no computation beyond blitting and stroking.
func (p *painter) draw(screen *ebiten.Image, s *session.Session, ui *view.UI) {
	screen.Fill(view.Paper)
	if p.atlas == nil {
		return // no update yet
	}
	k := p.scale
	p.fieldOp.GeoM.Reset()
	p.fieldOp.GeoM.Scale(p.plot.W*k/float64(p.field.W), p.plot.H*k/float64(p.field.H))
	p.fieldOp.GeoM.Translate(p.plot.X*k, p.plot.Y*k)
	screen.DrawImage(p.fieldImg, &p.fieldOp)
	p.main.draw(screen, p.atlasImg, &p.triOp)
	p.text.draw(screen)
	p.over.draw(screen, p.atlasImg, &p.triOp)
	p.overTx.draw(screen)
}

//go:build js && wasm

package main

import (
	"image/color"

	"github.com/hajimehoshi/ebiten/v2"

	"nnplay/session"
	"nnplay/view"
)

// fieldSide is the resolution of the CPU field, drawn scaled to the plot with linear filtering
// (no visible blocks). Chosen by measurement: see BenchmarkFieldFrame in view.
const fieldSide = view.BrowserFieldSide

// fieldBudget is the field work per frame, in view.CellCost units: the whole field of the
// default 2-4-1 network (cost 16 per cell), measured at about 1.1 ms in wasm.
const fieldBudget = 16 * fieldSide * fieldSide

// paper is the background as a color.Color, boxed once (a conversion per frame would allocate).
var paper color.Color = view.Paper

// painter draws the playground; it owns the images, fonts and scratch buffers. update prepares
// everything a frame shows (the field's pixels, one mesh of strokes, rectangles and point
// sprites, the texts); draw only blits and strokes it. After the first frames nothing here
// allocates: slices are reused and strings are rebuilt only when their text changes.
type painter struct {
	scale    float64
	atlas    *view.Atlas
	atlasImg *ebiten.Image
	fonts    fonts

	fields  fields
	fieldVs [4]ebiten.Vertex
	fieldIs [6]uint16
	plot    view.Rect // where the field is drawn, CSS px

	net    view.NetGeom
	nodes  nodePics
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

	fieldOp ebiten.DrawTrianglesOptions
	triOp   ebiten.DrawTrianglesOptions
}

// newPainter returns a painter with its field and buffers allocated; images that depend on the
// device scale are made by the first update.
func newPainter() *painter {
	p := &painter{
		loss:   view.NewLossGeom(),
		dashes: make([]view.Pt, 0, 2048),
		order:  make([]int, 0, session.MaxPoints),
		buf:    make([]byte, 0, 128),
	}
	p.fieldOp.Filter = ebiten.FilterLinear
	p.fieldIs = [6]uint16{0, 1, 2, 0, 2, 3}
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
	p.fields.update(s, ui.Discrete)
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
	screen.Fill(paper)
	if p.atlas == nil || p.fields.shown == nil {
		return // no update yet
	}
	// The field: its inner W×H texels stretched over the plot, linearly filtered; the border
	// makes the edges clamp instead of fading into transparent texels.
	k := p.scale
	x0, y0 := float32(p.plot.X*k), float32(p.plot.Y*k)
	x1, y1 := float32((p.plot.X+p.plot.W)*k), float32((p.plot.Y+p.plot.H)*k)
	f := p.fields.shown
	u1, v1 := float32(f.f.W+1), float32(f.f.H+1)
	corners := [4][4]float32{{x0, y0, 1, 1}, {x1, y0, u1, 1}, {x1, y1, u1, v1}, {x0, y1, 1, v1}}
	for i, c := range corners {
		p.fieldVs[i] = ebiten.Vertex{DstX: c[0], DstY: c[1], SrcX: c[2], SrcY: c[3], ColorR: 1, ColorG: 1, ColorB: 1, ColorA: 1}
	}
	screen.DrawTriangles(p.fieldVs[:], p.fieldIs[:], f.img, &p.fieldOp)
	p.main.draw(screen, p.atlasImg, &p.triOp)
	p.nodes.draw(screen, &p.fieldOp)
	p.text.draw(screen)
	p.over.draw(screen, p.atlasImg, &p.triOp)
	p.overTx.draw(screen)
}

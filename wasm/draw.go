//go:build js && wasm

package main

import (
	"image/color"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"nnplay/session"
	"nnplay/view"
)

// paper is the background as a color.Color, boxed once (a conversion per frame would allocate).
var paper color.Color = view.Paper

// painter draws the pictures a frame prepared (view.Pictures); it owns the images, fonts and
// scratch buffers. draw turns the pictures into one mesh of strokes, rectangles and point
// sprites and a list of texts, uploads the pixels that changed and blits it all. After the
// first frames nothing here allocates: slices are reused and strings are rebuilt only when
// their text changes.
type painter struct {
	pics     *view.Pictures
	scale    float64
	atlas    *view.Atlas
	atlasImg *ebiten.Image
	glyphs   glyphAtlas

	field   fieldImages
	fieldVs [4]ebiten.Vertex
	fieldIs [6]uint16

	nodes  nodePics
	dashes []view.Pt

	main, over   mesh  // the pictures, and the tooltip and menu above them
	text, overTx texts // their texts

	lossTrain, lossTest, lossAcc label
	xTicks, yTicks               [8]label
	scaleLo, scaleHi             label
	tip                          label
	shownNode                    label // the caption of the node the plot shows
	buf                          []byte

	fieldOp ebiten.DrawTrianglesOptions
	triOp   ebiten.DrawTrianglesOptions
	textOp  ebiten.DrawTrianglesOptions // glyphs texel for pixel: nearest
}

// newPainter returns a painter of pics with its buffers allocated; images that depend on the
// device scale are made by the first draw.
func newPainter(pics *view.Pictures) *painter {
	p := &painter{
		pics:   pics,
		dashes: make([]view.Pt, 0, 2048),
		buf:    make([]byte, 0, 128),
	}
	p.fieldOp.Filter = ebiten.FilterLinear
	p.fieldIs = [6]uint16{0, 1, 2, 0, 2, 3}
	p.triOp.Filter = ebiten.FilterLinear
	return p
}

// prepare builds the meshes and texts of the pictures, at the device scale ui.Scale.
func (p *painter) prepare(s *session.Session, ui *view.UI) {
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
	}
	p.glyphs.at(k)
	p.main.reset(p.atlas)
	p.over.reset(p.atlas)
	p.text.reset(p.glyphs.g)
	p.overTx.reset(p.glyphs.g)

	p.preparePlot(s, ui, k)
	p.prepareNetwork(s, ui, k)
	p.prepareLoss(ui, k)
	p.prepareOverlay(s, ui, k)
}

// draw renders the pictures of s as ui shows them: it prepares the meshes and texts, uploads
// the field's and the nodes' pixels if they changed, and blits. It returns the time the
// preparing took, by clock.
func (p *painter) draw(screen *ebiten.Image, s *session.Session, ui *view.UI, clock func() time.Duration) time.Duration {
	screen.Fill(paper)
	f := p.pics.Field.Shown
	if f == nil {
		return 0 // no frame yet
	}
	t0 := clock()
	p.prepare(s, ui)
	prepare := clock() - t0
	// The field: its inner W×H texels stretched over the plot, linearly filtered (discrete:
	// nearest, so that the classes' edges are crisp); the border
	// makes the edges clamp instead of fading into transparent texels.
	k := p.scale
	plot := ui.Layout.Plot
	x0, y0 := float32(plot.X*k), float32(plot.Y*k)
	x1, y1 := float32((plot.X+plot.W)*k), float32((plot.Y+plot.H)*k)
	u1, v1 := float32(f.Field.W+1), float32(f.Field.H+1)
	corners := [4][4]float32{{x0, y0, 1, 1}, {x1, y0, u1, 1}, {x1, y1, u1, v1}, {x0, y1, 1, v1}}
	for i, c := range corners {
		p.fieldVs[i] = ebiten.Vertex{DstX: c[0], DstY: c[1], SrcX: c[2], SrcY: c[3], ColorR: 1, ColorG: 1, ColorB: 1, ColorA: 1}
	}
	if f.Field.Discrete {
		p.fieldOp.Filter = ebiten.FilterNearest // the classes' edges stay crisp, not blurred
	}
	screen.DrawTriangles(p.fieldVs[:], p.fieldIs[:], p.field.image(f), &p.fieldOp)
	p.fieldOp.Filter = ebiten.FilterLinear
	p.drawShownNode(screen, ui, s.Network().Layers())
	glyphs := p.glyphs.image()
	p.main.draw(screen, p.atlasImg, &p.triOp)
	p.nodes.draw(screen, &p.fieldOp)
	p.text.draw(screen, glyphs, &p.textOp)
	p.over.draw(screen, p.atlasImg, &p.triOp)
	p.overTx.draw(screen, glyphs, &p.textOp)
	return prepare
}

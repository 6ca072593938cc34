//go:build js && wasm

package main

import (
	"bytes"
	"image/color"
	"unsafe"

	"github.com/hajimehoshi/ebiten/v2"

	"nnplay/view"
)

// glyphAtlas is the image of the texts' glyph atlas (view.Glyphs), rewritten when glyphs were
// added to it.
type glyphAtlas struct {
	g   *view.Glyphs
	img *ebiten.Image
	rev uint64 // the g.Rev img was written at
}

// at makes sure the atlas suits the device scale k (a new one when it changes).
func (a *glyphAtlas) at(k float64) {
	if a.g == nil || a.g.Scale != k {
		a.g = view.NewGlyphs(k)
	}
}

// image returns the atlas image, written from the glyphs' pixels if they changed.
func (a *glyphAtlas) image() *ebiten.Image {
	if a.img == nil || a.img.Bounds().Dy() != a.g.H || a.rev != a.g.Rev {
		if a.img == nil || a.img.Bounds().Dy() != a.g.H {
			if a.img != nil {
				a.img.Deallocate()
			}
			a.img = ebiten.NewImage(a.g.W, a.g.H)
		}
		a.img.WritePixels(a.g.Pix)
		a.rev = a.g.Rev
	}
	return a.img
}

// label is a text that changes from frame to frame (a loss, an epoch, a tooltip). Its string
// is a view of its own byte buffer (unsafe.String), not a copy, so changing it allocates
// nothing. That is safe because the buffer is only rewritten by set, in prepare, and every
// string of it handed out is laid out into glyphs at once and never kept.
type label struct {
	b []byte
	s string
	w float64 // advance in device px with the face it was measured with
	f view.TextFace
	g *view.Glyphs
}

// set makes the label read b in face f of glyphs g and returns its string, valid until the
// next set.
func (l *label) set(b []byte, f view.TextFace, g *view.Glyphs) string {
	if l.g == g && l.f == f && bytes.Equal(b, l.b) {
		return l.s
	}
	l.b = append(l.b[:0], b...)
	l.s = ""
	if len(l.b) > 0 {
		l.s = unsafe.String(&l.b[0], len(l.b))
	}
	l.f, l.g = f, g
	l.w = g.Advance(f, l.s)
	return l.s
}

// texts is a mesh of text: the glyphs of every text added, as quads over the glyph atlas
// tinted by their texts' colours, drawn in one call. Its slices are reused from frame to
// frame.
type texts struct {
	g      *view.Glyphs
	glyphs []view.Glyph // scratch: one text's glyphs
	vs     []ebiten.Vertex
	is     []uint16
}

// reset empties the mesh and lays the next texts out with g.
func (t *texts) reset(g *view.Glyphs) {
	t.g = g
	t.vs, t.is = t.vs[:0], t.is[:0]
}

// add lays s out in face f at (x, y), device pixels, vertically centred there and
// horizontally aligned by a, in colour c.
func (t *texts) add(s string, x, y float64, f view.TextFace, c color.RGBA, a view.Align) {
	t.glyphs = t.g.Append(t.glyphs[:0], f, s, x, y, a)
	// Opaque colours: straight and premultiplied alpha agree.
	r, g, b := float32(c.R)/255, float32(c.G)/255, float32(c.B)/255
	for _, q := range t.glyphs {
		if len(t.vs)+4 > maxMeshVertices {
			return
		}
		base := uint16(len(t.vs))
		for _, v := range [4][2]float64{{0, 0}, {1, 0}, {1, 1}, {0, 1}} {
			t.vs = append(t.vs, ebiten.Vertex{
				DstX: float32(q.X + v[0]*q.W), DstY: float32(q.Y + v[1]*q.H),
				SrcX: float32(q.SrcX + v[0]*q.W), SrcY: float32(q.SrcY + v[1]*q.H),
				ColorR: r, ColorG: g, ColorB: b, ColorA: 1,
			})
		}
		t.is = append(t.is, base, base+1, base+2, base, base+2, base+3)
	}
}

// draw renders the texts onto dst from the atlas image src, texel for pixel.
func (t *texts) draw(dst, src *ebiten.Image, op *ebiten.DrawTrianglesOptions) {
	if len(t.is) == 0 {
		return
	}
	dst.DrawTriangles(t.vs, t.is, src, op)
}

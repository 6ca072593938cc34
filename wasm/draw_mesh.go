//go:build js && wasm

package main

import (
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"

	"nnplay/view"
)

// mesh collects coloured triangles that all sample the sprite atlas: strokes and rectangles
// take the atlas's solid white block tinted by the vertex colour, points take their sprites.
// Its slices are reused from frame to frame, so building a mesh allocates nothing once they
// have grown. Coordinates are device pixels.
type mesh struct {
	vs  []ebiten.Vertex
	is  []uint16
	sx  float32 // the centre of the atlas's solid block
	sy  float32
	atl *view.Atlas
}

// maxMeshVertices keeps indices within uint16.
const maxMeshVertices = 65532

// reset empties the mesh and points it at atlas a.
func (m *mesh) reset(a *view.Atlas) {
	m.vs, m.is = m.vs[:0], m.is[:0]
	m.atl = a
	r := a.Rects[view.MarkSolid]
	m.sx, m.sy = float32(r.X+r.W/2), float32(r.Y+r.H/2)
}

// room reports whether n more vertices fit.
func (m *mesh) room(n int) bool { return len(m.vs)+n <= maxMeshVertices }

// rgba returns the straight-alpha colour scale of c with extra opacity a.
func rgba(c color.RGBA, a float64) [4]float32 {
	return [4]float32{float32(c.R) / 255, float32(c.G) / 255, float32(c.B) / 255, float32(a) * float32(c.A) / 255}
}

// vertex appends a vertex sampling the solid block.
func (m *mesh) vertex(x, y float64, c [4]float32) {
	m.vs = append(m.vs, ebiten.Vertex{DstX: float32(x), DstY: float32(y), SrcX: m.sx, SrcY: m.sy,
		ColorR: c[0], ColorG: c[1], ColorB: c[2], ColorA: c[3]})
}

// quadIndices appends the two triangles of the quad whose four vertices start at base
// (in order around the quad).
func (m *mesh) quadIndices(base int) {
	b := uint16(base)
	m.is = append(m.is, b, b+1, b+2, b, b+2, b+3)
}

// rect fills the rectangle (x, y, w, h) with c.
func (m *mesh) rect(x, y, w, h float64, c color.RGBA) {
	if !m.room(4) || w <= 0 || h <= 0 {
		return
	}
	base := len(m.vs)
	k := rgba(c, 1)
	m.vertex(x, y, k)
	m.vertex(x+w, y, k)
	m.vertex(x+w, y+h, k)
	m.vertex(x, y+h, k)
	m.quadIndices(base)
}

// gradient fills (x, y, w, h) with a horizontal gradient from c0 to c1.
func (m *mesh) gradient(x, y, w, h float64, c0, c1 color.RGBA) {
	if !m.room(4) || w <= 0 || h <= 0 {
		return
	}
	base := len(m.vs)
	k0, k1 := rgba(c0, 1), rgba(c1, 1)
	m.vertex(x, y, k0)
	m.vertex(x+w, y, k1)
	m.vertex(x+w, y+h, k1)
	m.vertex(x, y+h, k0)
	m.quadIndices(base)
}

// frame strokes the outline of (x, y, w, h) with lines of width t inside it.
func (m *mesh) frame(x, y, w, h, t float64, c color.RGBA) {
	m.rect(x, y, w, t, c)
	m.rect(x, y+h-t, w, t, c)
	m.rect(x, y+t, t, h-2*t, c)
	m.rect(x+w-t, y+t, t, h-2*t, c)
}

// line strokes from (x0, y0) to (x1, y1) with width w, antialiased by a one-pixel feather on
// each side (alpha falling to 0); lines thinner than a pixel fade instead of thinning.
func (m *mesh) line(x0, y0, x1, y1, w float64, c color.RGBA, alpha float64) {
	dx, dy := x1-x0, y1-y0
	l := math.Hypot(dx, dy)
	if l == 0 || math.IsNaN(l) || !m.room(8) {
		return
	}
	if w < 1 {
		alpha *= w
		w = 1
	}
	nx, ny := -dy/l, dx/l // unit normal
	in, out := w/2-0.5, w/2+0.5
	solid, clear := rgba(c, alpha), rgba(c, 0)
	base := len(m.vs)
	// Across the line at each end: outer, inner, inner, outer.
	for _, e := range [2][2]float64{{x0, y0}, {x1, y1}} {
		m.vertex(e[0]+nx*out, e[1]+ny*out, clear)
		m.vertex(e[0]+nx*in, e[1]+ny*in, solid)
		m.vertex(e[0]-nx*in, e[1]-ny*in, solid)
		m.vertex(e[0]-nx*out, e[1]-ny*out, clear)
	}
	b := uint16(base)
	// Three strips between the ends: vertices i at the start face i+4 at the end.
	for i := uint16(0); i < 3; i++ {
		m.is = append(m.is, b+i, b+i+1, b+i+5, b+i, b+i+5, b+i+4)
	}
}

// polyline strokes the connected pieces of pts (scaled by k), broken at NaN vertices.
func (m *mesh) polyline(pts []view.Pt, k, w float64, c color.RGBA) {
	for a, b := range view.Segments(pts) {
		// Extend each piece by half a pixel at both ends so joints do not show gaps.
		dx, dy := b.X-a.X, b.Y-a.Y
		l := math.Hypot(dx, dy)
		ex, ey := dx/l*0.25, dy/l*0.25
		m.line((a.X-ex)*k, (a.Y-ey)*k, (b.X+ex)*k, (b.Y+ey)*k, w, c, 1)
	}
}

// segments strokes pairs of points (dashes) scaled by k.
func (m *mesh) segments(pairs []view.Pt, k, w float64, c color.RGBA) {
	for i := 0; i+1 < len(pairs); i += 2 {
		m.line(pairs[i].X*k, pairs[i].Y*k, pairs[i+1].X*k, pairs[i+1].Y*k, w, c, 1)
	}
}

// sprite draws the atlas's mark mk centred on (cx, cy), device pixels, tinted by c.
func (m *mesh) sprite(mk view.Mark, cx, cy float64, c [4]float32) {
	if !m.room(4) {
		return
	}
	r := m.atl.Rects[mk]
	x, y := m.atl.Origin(mk, cx, cy)
	sx0, sy0, sx1, sy1 := float32(r.X), float32(r.Y), float32(r.X+r.W), float32(r.Y+r.H)
	base := len(m.vs)
	v := func(dx, dy float64, sx, sy float32) {
		m.vs = append(m.vs, ebiten.Vertex{DstX: float32(x + dx), DstY: float32(y + dy), SrcX: sx, SrcY: sy,
			ColorR: c[0], ColorG: c[1], ColorB: c[2], ColorA: c[3]})
	}
	v(0, 0, sx0, sy0)
	v(r.W, 0, sx1, sy0)
	v(r.W, r.H, sx1, sy1)
	v(0, r.H, sx0, sy1)
	m.quadIndices(base)
}

// draw renders the mesh onto dst with the atlas image src.
func (m *mesh) draw(dst, src *ebiten.Image, op *ebiten.DrawTrianglesOptions) {
	if len(m.is) == 0 {
		return
	}
	dst.DrawTriangles(m.vs, m.is, src, op)
}

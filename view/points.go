package view

import (
	"math"

	"nnplay/session"
)

// Point marks, in CSS px.
const (
	PointRadius = 5  // the radius of a point's mark
	HitRadius   = 12 // how far from a point's centre the pointer still picks it
)

// HitPointWithin returns the index of the point nearest to (sx, sy), CSS px on the canvas, if
// it lies within radius (HitRadius for a mouse; a finger needs a wider one); -1 if none does.
// It skips test points when hideTest is set (they are not drawn then). Of points equally near
// it picks the later one, which is drawn on top.
func HitPointWithin(l Layout, pts []session.Point, sx, sy, radius float64, hideTest bool) int {
	best, bestD := -1, radius*radius+1e-9
	for i := range pts {
		if hideTest && pts[i].Test {
			continue
		}
		x, y := l.ToScreen(pts[i].X, pts[i].Y)
		if d := (x-sx)*(x-sx) + (y-sy)*(y-sy); d <= bestD {
			best, bestD = i, d
		}
	}
	return best
}

// MarkOf returns the mark of a point: a filled circle for label 0, a filled triangle for
// label 1 (for regression, where labels are values, always a circle), hollow for test points.
func MarkOf(p session.Point, regression bool) Mark {
	m := MarkCircle
	if !regression && p.Label >= 0.5 {
		m = MarkTriangle
	}
	if p.Test {
		m++ // the hollow variant follows each filled one
	}
	return m
}

// PointColor returns the tint of a point's mark: the class colour, or for regression
// ValueColor of its label on the field's scale [lo, hi].
func PointColor(p session.Point, regression bool, lo, hi float64) [4]float32 {
	c := Class0
	switch {
	case regression:
		c = ValueColor((p.Label - lo) / (hi - lo))
	case p.Label >= 0.5:
		c = Class1
	}
	return [4]float32{float32(c.R) / 255, float32(c.G) / 255, float32(c.B) / 255, 1}
}

// PointOrder appends to dst the indices of pts in drawing order: test points first (none
// with hideTest), then training points, then the selected point and last the dragged one
// (on top of everything). It allocates nothing when dst has room.
func PointOrder(dst []int, pts []session.Point, selected, dragging int, hideTest bool) []int {
	for pass := 0; pass < 2; pass++ {
		if pass == 0 && hideTest {
			continue
		}
		for i := range pts {
			if i == selected || i == dragging || pts[i].Test != (pass == 0) {
				continue
			}
			dst = append(dst, i)
		}
	}
	if selected >= 0 && selected < len(pts) && selected != dragging {
		dst = append(dst, selected)
	}
	if dragging >= 0 && dragging < len(pts) {
		dst = append(dst, dragging)
	}
	return dst
}

// Mark is the shape of a sprite in the Atlas.
type Mark uint8

// The sprites. Every filled mark is white with a dark outline and every hollow one a white
// ring with dark edges, so one tint (a vertex colour) gives any colour; Ring is the dark
// selection ring; Solid is an opaque white block for strokes and rectangles.
const (
	MarkCircle Mark = iota
	MarkCircleHollow
	MarkTriangle
	MarkTriangleHollow
	MarkRing
	MarkSolid
	NumMarks
)

// Atlas is every sprite, rendered once for a device scale into one premultiplied RGBA image so
// that all points draw in one batch.
type Atlas struct {
	Scale float64 // device pixels per CSS pixel it was rendered for
	W, H  int
	Pix   []byte            // W*H*4 RGBA, premultiplied
	Rects [NumMarks]Rect    // each sprite's pixels in the atlas
	Radii [NumMarks]float64 // each sprite's half size in CSS px (the sprite is centred on the point)
}

// Sprite geometry in CSS px.
const (
	markStroke = 1.2 // dark outline width
	ringWidth  = 1.6 // coloured ring width of hollow marks
	selRadius  = PointRadius + 4
	selWidth   = 2
	spritePad  = 1 // transparent device pixels around each sprite
)

// NewAtlas renders the sprites for scale device pixels per CSS pixel (at least 0.5).
func NewAtlas(scale float64) *Atlas {
	scale = math.Max(scale, 0.5)
	a := &Atlas{Scale: scale}
	var size [NumMarks]int
	for m := Mark(0); m < NumMarks; m++ {
		r := PointRadius + markStroke + 1.0
		switch m {
		case MarkTriangle, MarkTriangleHollow:
			r = 2*triScale*PointRadius + 2*markStroke + 0.5 // circumradius plus the mitred outline
		case MarkRing:
			r = selRadius + selWidth + 1
		case MarkSolid:
			r = 2 / scale
		}
		a.Radii[m] = r
		size[m] = int(math.Ceil(2*r*scale)) + 2*spritePad
		a.W += size[m]
		a.H = max(a.H, size[m])
	}
	a.Pix = make([]byte, 4*a.W*a.H)
	x := 0
	for m := Mark(0); m < NumMarks; m++ {
		s := size[m]
		a.Rects[m] = Rect{float64(x), 0, float64(s), float64(s)}
		a.render(m, x, s)
		x += s
	}
	return a
}

// Origin returns where the top left corner of mark m's sprite goes, in device pixels, for a
// point drawn at (cx, cy): the sprite centred there, on whole pixels, so that it is copied
// without filtering.
func (a *Atlas) Origin(m Mark, cx, cy float64) (x, y float64) {
	r := a.Rects[m]
	return math.Round(cx - r.W/2), math.Round(cy - r.H/2)
}

// triScale makes a triangle's inradius relative to PointRadius, so that it looks as big as
// the circle.
const triScale = 0.72

// render draws mark m into the s×s cell at column x0, 4×4 supersampled.
func (a *Atlas) render(m Mark, x0, s int) {
	k := a.Scale
	c := float64(s) / 2 // centre, device px
	const n = 4
	for py := 0; py < s; py++ {
		for px := 0; px < s; px++ {
			var r, g, b, al float64
			for sy := 0; sy < n; sy++ {
				for sx := 0; sx < n; sx++ {
					// Sample position in CSS px relative to the centre.
					x := (float64(px) + (float64(sx)+0.5)/n - c) / k
					y := (float64(py) + (float64(sy)+0.5)/n - c) / k
					cr, cg, cb, ca := markSample(m, x, y)
					r, g, b, al = r+cr*ca, g+cg*ca, b+cb*ca, al+ca
				}
			}
			i := 4 * (py*a.W + x0 + px)
			const inv = 255.0 / (n * n)
			a.Pix[i], a.Pix[i+1], a.Pix[i+2], a.Pix[i+3] = byte(r*inv+0.5), byte(g*inv+0.5), byte(b*inv+0.5), byte(al*inv+0.5)
		}
	}
}

// markSample returns the straight colour and coverage of mark m at (x, y), CSS px from its
// centre, y down.
func markSample(m Mark, x, y float64) (r, g, b, a float64) {
	ink := [3]float64{float64(Ink.R) / 255, float64(Ink.G) / 255, float64(Ink.B) / 255}
	var d float64 // signed distance to the shape's edge, negative inside
	switch m {
	case MarkSolid:
		return 1, 1, 1, 1
	case MarkRing:
		d = math.Abs(math.Hypot(x, y)-selRadius) - selWidth/2
		if d < 0 {
			return ink[0], ink[1], ink[2], 1
		}
		return 0, 0, 0, 0
	case MarkCircle, MarkCircleHollow:
		d = math.Hypot(x, y) - PointRadius
	case MarkTriangle, MarkTriangleHollow:
		d = triangleDist(x, y, triScale*PointRadius)
	}
	hollow := m == MarkCircleHollow || m == MarkTriangleHollow
	switch {
	case d >= markStroke:
		return 0, 0, 0, 0
	case d >= 0:
		return ink[0], ink[1], ink[2], 1
	case !hollow:
		return 1, 1, 1, 1
	case d >= -ringWidth:
		return 1, 1, 1, 1
	case d >= -ringWidth-0.6:
		return ink[0], ink[1], ink[2], 1
	}
	return 0, 0, 0, 0
}

// triangleDist returns a signed distance (mitred: the largest of the distances to the three
// sides' lines) from (x, y) to an upward equilateral triangle with inradius rin centred on its
// centroid at the origin, y down.
func triangleDist(x, y, rin float64) float64 {
	const s3 = 0.8660254037844386 // √3/2
	// Outward normals: down (0, 1), upper right (s3, −½), upper left (−s3, −½).
	d := y
	d = math.Max(d, s3*x-0.5*y)
	d = math.Max(d, -s3*x-0.5*y)
	return d - rin
}

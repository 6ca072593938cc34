package view

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"math"

	"golang.org/x/image/vector"

	"nnplay/nn"
	"nnplay/session"
)

// The saved picture ("save picture"): the plot as the screen shows it — the field, its middle
// contour, the points and the axes — drawn in Go from the session, for slides. The plot is
// PicturePlot CSS px a side drawn at PictureScale pixels per CSS px: 800×800 pixels, with the
// screen's axis margins around it (AxisLeft on the left, Margin above and on the right,
// AxisBottom below), 876×856 pixels in all. Marks, lines and labels keep their CSS sizes, so
// the picture is the screen's plot at 400 CSS px on a display of device scale 2: sharp on a
// projector, the marks about twice their share of a full-screen plot, readable from the back.
const (
	PicturePlot  = 400
	PictureScale = 2
)

// PictureFieldBudget bounds the picture's field, in nn.GridCost units (see FieldSide): the
// field has one sample per pixel of the plot for networks of cost up to 32 (the default 2‑4‑1
// network costs 16), fewer for costlier ones, drawn with bilinear filtering as the screen
// draws its field. Computing it costs at most 2·PictureFieldBudget, some 30 ms natively.
const PictureFieldBudget = 64 * FieldBudget

// PictureLayout returns the picture's layout in CSS px: the plot at (AxisLeft, Margin),
// PicturePlot a side, and the picture's Width and Height.
func PictureLayout() Layout {
	return Layout{
		Width:  AxisLeft + PicturePlot + Margin,
		Height: Margin + PicturePlot + AxisBottom,
		Plot:   Rect{AxisLeft, Margin, PicturePlot, PicturePlot},
	}
}

// Picture draws the plot of s as the screen shows it, into a new image of PictureLayout at
// PictureScale: on white, the field of the network's output (FieldColor; discretized when the
// view says so; for regression on the labels' scale) sampled at most once per pixel, the
// middle contour in ContourInk, the axes' ticks, labels and frame in FaintInk, and the points
// in their marks and colours (MarkOf, PointColor), test points only when the view shows them,
// in the screen's order. It shows the network's output even while the screen's plot shows a
// pinned node's picture, and no selection, hover or menu.
func Picture(s *session.Session) *image.RGBA {
	j := NewPictureJob(s)
	for !j.Step(math.MaxInt32) {
	}
	return j.Image()
}

// A PictureJob draws Picture(s) in pieces, so that a caller with a page to keep responsive
// can pause between them: Step does a bounded amount of work, counted in rows (of the
// paper, of the field's samples, of the plot's pixels) or marks, never in time. Picture is a
// PictureJob run in one piece; pieces of any size draw the same pixels. The session must not
// change until the job is done: give it a copy of the one that goes on changing.
type PictureJob struct {
	s     *session.Session
	img   *image.RGBA
	f     *Field
	l     Layout
	stage int               // the next stage of pictureStages
	next  int               // the stage's progress: rows drawn, or points drawn
	quads [][8]float32      // the contour (contourQuads)
	z     vector.Rasterizer // its bands'
	order []int             // the points to draw, in the screen's order
	atlas *Atlas            // their sprites
}

// pictureStages are a PictureJob's stages in order: each does at most n units of its work
// and reports whether it has finished.
var pictureStages = [...]func(j *PictureJob, n int) bool{
	func(j *PictureJob, n int) bool { // the paper, n rows
		end := min(j.next+n, j.img.Rect.Dy())
		for i := j.img.PixOffset(0, j.next); i < j.img.PixOffset(0, end); i++ {
			j.img.Pix[i] = 0xff // Paper
		}
		j.next = end
		return end == j.img.Rect.Dy()
	},
	func(j *PictureJob, n int) bool { // the field's samples, n rows
		return !j.f.RefreshRows(j.s, n) || j.f.Current()
	},
	func(j *PictureJob, n int) bool { // the field drawn into the plot, n rows of pixels
		end := min(j.next+n, int(j.l.Plot.H*PictureScale))
		drawField(j.img, j.f, j.l.Plot, PictureScale, j.next, end)
		j.next = end
		return end == int(j.l.Plot.H*PictureScale)
	},
	func(j *PictureJob, _ int) bool { // the axes and the contour's quads, one piece
		drawAxes(j.img, j.l, PictureScale)
		j.quads = contourQuads(j.f, j.l, PictureScale)
		return true
	},
	func(j *PictureJob, n int) bool { // the contour, in bands of contourBand rows: n rows, or one band
		h := j.img.Rect.Dy()
		for rows := 0; j.next < h && (rows == 0 || rows+contourBand <= n); rows += contourBand {
			end := min(j.next+contourBand, h)
			strokeContour(j.img, &j.z, j.quads, j.next, end)
			j.next = end
		}
		return j.next == h
	},
	func(j *PictureJob, _ int) bool { // the points' order and sprites, one piece
		j.order = PointOrder(nil, j.s.Points(), -1, -1, !j.s.View().ShowTestData)
		j.atlas = NewAtlas(PictureScale)
		return true
	},
	func(j *PictureJob, n int) bool { // the points, n at a time
		end := min(j.next+n, len(j.order))
		drawPoints(j.img, j.s, j.f, j.l, j.atlas, j.order[j.next:end])
		j.next = end
		return end == len(j.order)
	},
}

// NewPictureJob starts drawing the picture of s; nothing is drawn before the first Step.
func NewPictureJob(s *session.Session) *PictureJob {
	l := PictureLayout()
	side := FieldSide(nn.GridCost(s.Network(), s.Features()), PictureFieldBudget, PicturePlot*PictureScale)
	f := NewField(side, side)
	f.Discrete = s.View().Discretize
	return &PictureJob{
		s: s, l: l, f: f,
		img: image.NewRGBA(image.Rect(0, 0, int(l.Width*PictureScale), int(l.Height*PictureScale))),
	}
}

// Step draws the next piece of the picture: at most n rows (n ≥ 1) of the paper, of the
// field's samples, of the plot's pixels or of the contour's (at least one band of
// contourBand), or n points, or the axes, or the points' sprites. It reports
// whether the picture is done.
func (j *PictureJob) Step(n int) bool {
	if !j.Done() && pictureStages[j.stage](j, max(n, 1)) {
		j.stage, j.next = j.stage+1, 0
	}
	return j.Done()
}

// Done reports whether the picture is drawn.
func (j *PictureJob) Done() bool { return j.stage == len(pictureStages) }

// Image returns the picture, drawn in full once Done.
func (j *PictureJob) Image() *image.RGBA { return j.img }

// PicturePNG returns Picture(s) as a PNG file, compressed for speed (png.BestSpeed): about
// 200 KB for the default page's plot, encoded 2.5 times faster than at the default level,
// which makes files a fifth smaller.
func PicturePNG(s *session.Session) ([]byte, error) {
	var buf bytes.Buffer
	e := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := e.Encode(&buf, Picture(s)); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// drawField fills the rows py0 ≤ py < py1 of the plot r (CSS px, at k pixels per CSS px)
// with f's colours, sampled bilinearly between its cell centres and clamped at its edges, as
// the screen's linear filter draws it. With one cell per pixel every pixel is its cell's
// colour exactly.
func drawField(img *image.RGBA, f *Field, r Rect, k float64, py0, py1 int) {
	x0, y0 := int(r.X*k), int(r.Y*k)
	n := int(r.W * k)
	if f.W == n && f.H == n { // one cell per pixel: the cells' colours as they are
		for py := py0; py < py1; py++ {
			copy(img.Pix[img.PixOffset(x0, y0+py):], f.Pix[4*py*n:4*(py+1)*n])
		}
		return
	}
	sx, sy := float64(f.W)/float64(n), float64(f.H)/float64(n)
	for py := py0; py < py1; py++ {
		v := (float64(py)+0.5)*sy - 0.5
		for px := 0; px < n; px++ {
			c := f.Sample((float64(px)+0.5)*sx-0.5, v)
			i := img.PixOffset(x0+px, y0+py)
			img.Pix[i], img.Pix[i+1], img.Pix[i+2], img.Pix[i+3] = c.R, c.G, c.B, c.A
		}
	}
}

// Sample returns the colour of Pix at column c and row r (cell centres at whole numbers),
// interpolated bilinearly between the four nearest cells and clamped to the edge cells: what
// a GPU's linear filter shows of the padded field (PaddedPix).
func (f *Field) Sample(c, r float64) color.RGBA {
	c = clamp(c, 0, float64(f.W-1))
	r = clamp(r, 0, float64(f.H-1))
	c0, r0 := min(int(c), f.W-2), min(int(r), f.H-2)
	fc, fr := c-float64(c0), r-float64(r0)
	at := func(cc, rr int) color.RGBA {
		p := f.Pix[4*(rr*f.W+cc):]
		return color.RGBA{p[0], p[1], p[2], p[3]}
	}
	top := Lerp(at(c0, r0), at(c0+1, r0), fc)
	bottom := Lerp(at(c0, r0+1), at(c0+1, r0+1), fc)
	return Lerp(top, bottom, fr)
}

// drawAxes draws the plot's ticks, their labels and its frame, as the screen does.
func drawAxes(img *image.RGBA, l Layout, k float64) {
	g := NewGlyphs(k)
	var glyphs []Glyph
	for _, tk := range AxisTicks(l) {
		bottom, left := tk.Marks(l.Plot)
		fillRect(img, bottom, k, FaintInk)
		fillRect(img, left, k, FaintInk)
		glyphs = g.Append(glyphs, Small, tk.Label, tk.X*k, tk.LabelY*k, AlignCenter)
		glyphs = g.Append(glyphs, Small, tk.Label, tk.LabelX*k, tk.Y*k, AlignEnd)
	}
	fr := PlotFrame(l.Plot)
	for _, side := range [...]Rect{{fr.X, fr.Y, fr.W, 1}, {fr.X, fr.Y + fr.H - 1, fr.W, 1},
		{fr.X, fr.Y + 1, 1, fr.H - 2}, {fr.X + fr.W - 1, fr.Y + 1, 1, fr.H - 2}} {
		fillRect(img, side, k, FaintInk)
	}
	atlas := &image.RGBA{Pix: g.Pix, Stride: 4 * g.W, Rect: image.Rect(0, 0, g.W, g.H)}
	for _, gl := range glyphs {
		src := image.Rect(int(gl.SrcX), int(gl.SrcY), int(gl.SrcX+gl.W), int(gl.SrcY+gl.H))
		blend(img, atlas, src, image.Pt(int(gl.X), int(gl.Y)), FaintInk)
	}
}

// fillRect fills r (CSS px, at k pixels per CSS px; whole pixels) with the opaque colour c.
func fillRect(img *image.RGBA, r Rect, k float64, c color.RGBA) {
	box := image.Rect(int(math.Round(r.X*k)), int(math.Round(r.Y*k)),
		int(math.Round((r.X+r.W)*k)), int(math.Round((r.Y+r.H)*k))).Intersect(img.Rect)
	for y := box.Min.Y; y < box.Max.Y; y++ {
		for x := box.Min.X; x < box.Max.X; x++ {
			img.SetRGBA(x, y, c)
		}
	}
}

// contourBand is the height in pixels of the bands the picture's contour is rasterized in,
// one at a time (strokeContour): a band's cost is its area, a whole picture's some 12 ms
// natively; banded, a piece of the picture stays small. The picture is drawn in the same
// bands however its pieces are cut, so its pixels are the same.
const contourBand = 32

// contourQuads returns f's middle contour as the screen strokes it, in picture pixels: each
// segment ContourWidth wide, lengthened by half the width at both ends (ContourStroke), as
// a quad of four corners (x, y pairs), every quad wound the same way so that overlaps add.
func contourQuads(f *Field, l Layout, k float64) [][8]float32 {
	var quads [][8]float32
	h := ContourWidth * k / 2
	for _, sg := range f.Contour(nil, f.Level()) {
		x0, y0, x1, y1 := ContourStroke(sg, l, k)
		d := math.Hypot(x1-x0, y1-y0)
		if !(d > 0) {
			continue
		}
		nx, ny := -(y1-y0)/d*h, (x1-x0)/d*h
		quads = append(quads, [8]float32{float32(x0 + nx), float32(y0 + ny), float32(x1 + nx), float32(y1 + ny),
			float32(x1 - nx), float32(y1 - ny), float32(x0 - nx), float32(y0 - ny)})
	}
	return quads
}

// strokeContour draws the quads' rows y0 ≤ y < y1 of img (one band) in ContourInk,
// antialiased, with the rasterizer z.
func strokeContour(img *image.RGBA, z *vector.Rasterizer, quads [][8]float32, y0, y1 int) {
	w := img.Rect.Dx()
	z.Reset(w, y1-y0)
	lo, hi := float32(y0), float32(y1)
	for _, q := range quads {
		if min(q[1], q[3], q[5], q[7]) >= hi || max(q[1], q[3], q[5], q[7]) <= lo {
			continue
		}
		z.MoveTo(q[0], q[1]-lo)
		z.LineTo(q[2], q[3]-lo)
		z.LineTo(q[4], q[5]-lo)
		z.LineTo(q[6], q[7]-lo)
		z.ClosePath()
	}
	z.Draw(img, image.Rect(0, y0, w, y1), image.NewUniform(ContourInk), image.Point{})
}

// drawPoints draws with the sprites of a (at a.Scale pixels per CSS px) the points of s at the indices order (those the view shows, in the
// screen's order: PointOrder), each its mark's sprite tinted with its colour, placed as the
// screen places it (Atlas.Origin).
func drawPoints(img *image.RGBA, s *session.Session, f *Field, l Layout, a *Atlas, order []int) {
	k := a.Scale
	pts := s.Points()
	regression := Regression(s)
	atlas := &image.RGBA{Pix: a.Pix, Stride: 4 * a.W, Rect: image.Rect(0, 0, a.W, a.H)}
	for _, i := range order {
		p := pts[i]
		m := MarkOf(p, regression)
		sx, sy := l.ToScreen(p.X, p.Y)
		x, y := a.Origin(m, sx*k, sy*k)
		r := a.Rects[m]
		tint := PointColor(p, regression, f.Lo, f.Hi)
		c := color.RGBA{uint8(tint[0]*255 + 0.5), uint8(tint[1]*255 + 0.5), uint8(tint[2]*255 + 0.5), 0xff}
		blend(img, atlas, image.Rect(int(r.X), int(r.Y), int(r.X+r.W), int(r.Y+r.H)), image.Pt(int(x), int(y)), c)
	}
}

// blend draws the rectangle src of the premultiplied white-based sprite sheet sheet onto
// img with its top left at at, each pixel multiplied by the opaque tint c, source over.
func blend(img, sheet *image.RGBA, src image.Rectangle, at image.Point, c color.RGBA) {
	for y := src.Min.Y; y < src.Max.Y; y++ {
		for x := src.Min.X; x < src.Max.X; x++ {
			dx, dy := at.X+x-src.Min.X, at.Y+y-src.Min.Y
			s := sheet.Pix[sheet.PixOffset(x, y):]
			if s[3] == 0 || !image.Pt(dx, dy).In(img.Rect) {
				continue
			}
			d := img.Pix[img.PixOffset(dx, dy):]
			inv := 255 - uint32(s[3])
			for ch, t := range [3]uint8{c.R, c.G, c.B} {
				d[ch] = uint8((uint32(s[ch])*uint32(t) + uint32(d[ch])*inv + 127) / 255)
			}
			d[3] = uint8((uint32(s[3])*255 + uint32(d[3])*inv + 127) / 255)
		}
	}
}

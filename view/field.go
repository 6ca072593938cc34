package view

import (
	"math"

	"nnplay/nn"
	"nnplay/session"
)

// Field is the network's output sampled on a W×H grid over the plane (row 0 at the top,
// y = session.Max; column 0 at the left, x = session.Min; samples at cell centres) and its
// colours as RGBA bytes. The zero value is unusable; use NewField.
type Field struct {
	W, H   int
	Values []float64 // W*H outputs, row-major
	Pix    []byte    // W*H*4 RGBA, premultiplied alpha
	Lo, Hi float64   // the value range mapped to the colour scale: 0 and 1 for classification

	// Discrete colours each sample by its side of the middle level only (the class the
	// network predicts), as TensorFlow Playground's "discretize output"; Values stay exact.
	Discrete bool

	grid   nn.Grid   // the network's evaluation over the cell centres
	xs, ys []float64 // the plane coordinates of the columns and rows

	// What the last Refresh computed from, to tell whether the picture is current.
	net          netState
	gen          uint64   // counts changes of what the field shows
	rowGen       []uint64 // the gen each row was computed at
	order        []int    // the order rows are refreshed in
	cursor       int      // the next position in order
	lastDiscrete bool
}

// BrowserFieldSide is the resolution the browser computes the field at, per side: drawn
// scaled to the plot with linear filtering it shows no blocks. While training, the browser
// refreshes half its rows per frame (RefreshRows); see BenchmarkFieldFrame.
const BrowserFieldSide = 100

// MaxFieldSide is the largest side NewField accepts.
const MaxFieldSide = 4096

// NewField allocates a field of w×h samples. It panics unless 2 ≤ w, h ≤ MaxFieldSide.
func NewField(w, h int) *Field {
	if w < 2 || h < 2 || w > MaxFieldSide || h > MaxFieldSide {
		panic("view: field size must be 2–4096 on each side")
	}
	f := &Field{
		W: w, H: h,
		Values: make([]float64, w*h),
		Pix:    make([]byte, 4*w*h),
		Lo:     0, Hi: 1,
		xs: make([]float64, w), ys: make([]float64, h),
	}
	for c := range f.xs {
		f.xs[c] = f.CellX(float64(c))
	}
	for r := range f.ys {
		f.ys[r] = f.CellY(float64(r))
	}
	return f
}

// CellX returns the plane x of the centre of column c.
func (f *Field) CellX(c float64) float64 {
	return session.Min + (c+0.5)/float64(f.W)*(session.Max-session.Min)
}

// CellY returns the plane y of the centre of row r.
func (f *Field) CellY(r float64) float64 {
	return session.Max - (r+0.5)/float64(f.H)*(session.Max-session.Min)
}

// Regression reports whether s is a regression problem.
func Regression(s *session.Session) bool { return s.Problem() == session.Regression }

// RegressionScale returns the colour scale of a regression field over pts: the range of their
// labels, widened by 1 on each side when it is empty or a single value, and [-1, 1] without
// points.
func RegressionScale(pts []session.Point) (lo, hi float64) {
	if len(pts) == 0 {
		return -1, 1
	}
	lo, hi = math.Inf(1), math.Inf(-1)
	for i := range pts {
		lo = math.Min(lo, pts[i].Label)
		hi = math.Max(hi, pts[i].Label)
	}
	if !(hi-lo > 1e-9) {
		lo, hi = lo-1, hi+1
	}
	return lo, hi
}

// Level returns the value of the field's middle contour: 0.5 for classification, the middle
// of the scale for regression.
func (f *Field) Level() float64 { return (f.Lo + f.Hi) / 2 }

// colourRows fills the rows r0 ≤ r < r1 of Pix from Values: FieldColor((v − Lo)/(Hi − Lo)),
// or with Discrete the colour of the side of the middle level v is on.
func (f *Field) colourRows(r0, r1 int) {
	inv := 1 / (f.Hi - f.Lo)
	level := f.Level()
	for k := r0 * f.W; k < r1*f.W; k++ {
		t := (f.Values[k] - f.Lo) * inv
		if f.Discrete {
			t = 0
			if f.Values[k] >= level {
				t = 1
			}
		}
		c := FieldColor(t)
		p := f.Pix[4*k : 4*k+4 : 4*k+4]
		p[0], p[1], p[2], p[3] = c.R, c.G, c.B, 0xff
	}
}

// Refresh samples the session's network at every grid cell and colours Pix, only when what it
// shows has changed since the last Refresh: the network's shape, activations or parameters,
// the features, the scale or Discrete. Values are the network's first output at the cell
// centres as nn.Grid computes them (equal to Forward within its stated rounding); the scale
// is [0, 1] for classification, for regression the range of the data's labels
// (RegressionScale); each pixel is FieldColor((v − Lo)/(Hi − Lo)). It reports whether it
// recomputed. It allocates nothing once the network's shape has been seen.
func (f *Field) Refresh(s *session.Session) bool {
	return f.RefreshRows(s, f.H)
}

// RefreshRows is Refresh spread over calls: it recomputes at most maxRows rows that are not
// current, the ones computed longest ago first, in an interleaved order (every other row, then
// the rest), and reports whether it computed any. Called once per frame with maxRows = H/2
// while training changes the network every frame, each frame refreshes half the rows (evenly
// spread) at half the cost, and no row is more than one change behind; once the network stops
// changing, the stale rows are refreshed by the next calls (all of them by the next one with
// maxRows = H), after which the picture is exact. Pix is recoloured where values changed (and
// everywhere when the regression scale changed).
func (f *Field) RefreshRows(s *session.Session, maxRows int) bool {
	lo, hi := 0.0, 1.0
	if Regression(s) {
		lo, hi = RegressionScale(s.Points())
	}
	if f.net.update(s) {
		f.gen++ // every row is stale
	}
	recolour := lo != f.Lo || hi != f.Hi || f.Discrete != f.lastDiscrete
	f.lastDiscrete = f.Discrete
	if recolour {
		f.gen++
	}
	if len(f.rowGen) != f.H {
		f.rowGen = make([]uint64, f.H)
		f.order = make([]int, 0, f.H)
		for phase := 0; phase < 2; phase++ {
			for r := phase; r < f.H; r += 2 {
				f.order = append(f.order, r)
			}
		}
	}
	f.Lo, f.Hi = lo, hi
	done, set := 0, false
	for n := 0; n < f.H && done < max(maxRows, 1); n++ {
		r := f.order[f.cursor]
		f.cursor = (f.cursor + 1) % f.H
		if f.rowGen[r] == f.gen {
			continue
		}
		if !set {
			f.grid.Reset(s.Network(), s.Features(), f.xs, f.ys)
			set = true
		}
		f.grid.Row(r, f.Values[r*f.W:(r+1)*f.W])
		f.rowGen[r] = f.gen
		if !recolour {
			f.colourRows(r, r+1)
		}
		done++
	}
	if recolour {
		f.colourRows(0, f.H)
	}
	return done > 0
}

// Current reports whether every row shows the network as of the last Refresh or RefreshRows.
func (f *Field) Current() bool {
	if !f.net.valid || len(f.rowGen) != f.H {
		return false
	}
	for _, g := range f.rowGen {
		if g != f.gen {
			return false
		}
	}
	return true
}

// PaddedPix writes into dst (grown if needed) and returns the (W+2)×(H+2) RGBA image of Pix
// with a one-pixel border repeating the edge pixels. Drawn scaled with linear filtering from
// the inner W×H (source coordinates 1 to W+1), its edges then blend only with themselves,
// never with transparent texels outside the image.
func (f *Field) PaddedPix(dst []byte) []byte {
	w, h := f.W+2, f.H+2
	if cap(dst) < 4*w*h {
		dst = make([]byte, 4*w*h)
	}
	dst = dst[:4*w*h]
	for r := 0; r < h; r++ {
		sr := min(max(r-1, 0), f.H-1)
		row := dst[4*r*w : 4*(r+1)*w]
		copy(row[4:4*(w-1)], f.Pix[4*sr*f.W:4*(sr+1)*f.W])
		copy(row[0:4], row[4:8])
		copy(row[4*(w-1):], row[4*(w-2):4*(w-1)])
	}
	return dst
}

// Segment is a line segment in plane coordinates.
type Segment struct{ X0, Y0, X1, Y1 float64 }

// Contour appends to dst the segments of the level line Values = level (marching squares
// over the cell centres, saddles decided by the mean of the four corners) in plane
// coordinates and returns it; squares with a NaN corner are skipped. With dst of enough
// capacity it allocates nothing.
func (f *Field) Contour(dst []Segment, level float64) []Segment {
	for r := 0; r+1 < f.H; r++ {
		for c := 0; c+1 < f.W; c++ {
			k := r*f.W + c
			// Corners clockwise from the top left: a (r,c), b (r,c+1), d (r+1,c+1), e (r+1,c).
			a, b, d, e := f.Values[k], f.Values[k+1], f.Values[k+f.W+1], f.Values[k+f.W]
			if math.IsNaN(a + b + d + e) {
				continue
			}
			idx := 0
			if a >= level {
				idx |= 1
			}
			if b >= level {
				idx |= 2
			}
			if d >= level {
				idx |= 4
			}
			if e >= level {
				idx |= 8
			}
			if idx == 0 || idx == 15 {
				continue
			}
			// Crossing points on the four sides: top (a–b), right (b–d), bottom (e–d), left (a–e).
			fc, fr := float64(c), float64(r)
			top := func() (float64, float64) { return f.CellX(fc + frac(a, b, level)), f.CellY(fr) }
			right := func() (float64, float64) { return f.CellX(fc + 1), f.CellY(fr + frac(b, d, level)) }
			bottom := func() (float64, float64) { return f.CellX(fc + frac(e, d, level)), f.CellY(fr + 1) }
			left := func() (float64, float64) { return f.CellX(fc), f.CellY(fr + frac(a, e, level)) }
			seg := func(p, q func() (float64, float64)) {
				x0, y0 := p()
				x1, y1 := q()
				dst = append(dst, Segment{x0, y0, x1, y1})
			}
			switch idx {
			case 1, 14:
				seg(left, top)
			case 2, 13:
				seg(top, right)
			case 3, 12:
				seg(left, right)
			case 4, 11:
				seg(right, bottom)
			case 6, 9:
				seg(top, bottom)
			case 7, 8:
				seg(left, bottom)
			case 5, 10:
				// Saddle: a and d on one side, b and e on the other. If the centre is on a's
				// side, the a-d diagonal is connected and the line cuts off b and e.
				centre := (a + b + d + e) / 4
				if (centre >= level) == (a >= level) {
					seg(top, right)
					seg(left, bottom)
				} else {
					seg(left, top)
					seg(right, bottom)
				}
			}
		}
	}
	return dst
}

// ContourWidth is the width of the middle contour's line, CSS px.
const ContourWidth = 1.5

// ContourStroke returns the ends of the line that draws segment sg of the contour in l, in
// pixels at k pixels per CSS px: the segment lengthened by half of ContourWidth at both ends,
// so that opaque lines joined end to end show neither gaps nor darker overlaps.
func ContourStroke(sg Segment, l Layout, k float64) (x0, y0, x1, y1 float64) {
	x0, y0 = l.ToScreen(sg.X0, sg.Y0)
	x1, y1 = l.ToScreen(sg.X1, sg.Y1)
	x0, y0, x1, y1 = x0*k, y0*k, x1*k, y1*k
	if d := math.Hypot(x1-x0, y1-y0); d > 0 {
		ex, ey := (x1-x0)/d*ContourWidth*k/2, (y1-y0)/d*ContourWidth*k/2
		x0, y0, x1, y1 = x0-ex, y0-ey, x1+ex, y1+ey
	}
	return x0, y0, x1, y1
}

// frac returns where between p (at 0) and q (at 1) the level lies, linearly interpolated.
func frac(p, q, level float64) float64 {
	if p == q {
		return 0.5
	}
	return clamp((level-p)/(q-p), 0, 1)
}

// MinFieldSide is the smallest side FieldSide returns.
const MinFieldSide = 32

// FieldSide returns the side of a square field whose whole refresh costs at most twice budget
// (nn.GridCost units) for cells of the given cost: the largest multiple of 4 within that, at
// most maxSide, at least MinFieldSide. Refreshing half its rows per frame then keeps every row
// at most one frame behind while staying within budget.
func FieldSide(cost, budget float64, maxSide int) int {
	if !(cost > 0) {
		return maxSide
	}
	n := int(math.Sqrt(2*budget/cost)) / 4 * 4
	return min(max(n, MinFieldSide), maxSide)
}

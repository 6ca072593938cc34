package view

import (
	"image"
	"image/color"
	"math"
	"slices"
	"testing"

	"nnplay/nn"
	"nnplay/session"
)

// pictureCases are sessions the picture's tests draw: the field at one sample per pixel
// (the default network), discretized, for regression, and a costly network whose field is
// coarser than the pixels and drawn filtered.
var pictureCases = []struct {
	name  string
	patch session.Patch
}{
	{"default, test data shown", patch(`{"showTestData": true}`)},
	{"discretized", patch(`{"discretize": true, "numPoints": 100, "learningRate": 1}`)},
	{"regression", patch(`{"problem": "regression", "showTestData": true}`)},
	{"costly network, test data hidden", patch(`{"numPoints": 80, "layers": [2, 8, 8, 8, 1], "activation": "tanh", "showTestData": false}`)},
}

// pictureSession returns the session of case i, trained a little.
func pictureSession(t testing.TB, i int) *session.Session {
	t.Helper()
	s := newSession(t, pictureCases[i].patch)
	if _, err := s.Step(200); err != nil {
		t.Fatal(err)
	}
	return s
}

// pixelPlane returns the plane position of the centre of picture pixel (px, py).
func pixelPlane(px, py int) (x, y float64) {
	return PictureLayout().ToPlane((float64(px)+0.5)/PictureScale, (float64(py)+0.5)/PictureScale)
}

// wantField returns the colour the picture's field should have at the centre of pixel
// (px, py): FieldColor of nn's Forward (Session.Predict) on the problem's scale (discretized:
// of the side of the middle level), at the field's cell centres around it, interpolated
// bilinearly (one cell per pixel: the pixel's own centre). side is the field's resolution.
func wantField(s *session.Session, side, px, py int) [3]float64 {
	l := PictureLayout()
	lo, hi := 0.0, 1.0
	if Regression(s) {
		lo, hi = RegressionScale(s.Points())
	}
	colour := func(x, y float64) [3]float64 {
		t := (s.Predict(x, y) - lo) / (hi - lo)
		if s.View().Discretize {
			t = math.Floor(min(max(t/0.5, 0), 1)) // 1 on or above the middle level, else 0
		}
		c := FieldColor(t)
		return [3]float64{float64(c.R), float64(c.G), float64(c.B)}
	}
	// Field coordinates of the pixel's centre; cells are centred on whole numbers.
	n := l.Plot.W * PictureScale
	u := (float64(px) - l.Plot.X*PictureScale + 0.5) * float64(side) / n
	v := (float64(py) - l.Plot.Y*PictureScale + 0.5) * float64(side) / n
	u, v = min(max(u-0.5, 0), float64(side-1)), min(max(v-0.5, 0), float64(side-1))
	c0, r0 := math.Min(math.Floor(u), float64(side-2)), math.Min(math.Floor(v), float64(side-2))
	at := func(c, r float64) [3]float64 {
		const span = session.Max - session.Min
		return colour(session.Min+(c+0.5)/float64(side)*span, session.Max-(r+0.5)/float64(side)*span)
	}
	var out [3]float64
	a, b, d, e := at(c0, r0), at(c0+1, r0), at(c0, r0+1), at(c0+1, r0+1)
	fu, fv := u-c0, v-r0
	for ch := range out {
		out[ch] = (a[ch]*(1-fu)+b[ch]*fu)*(1-fv) + (d[ch]*(1-fu)+e[ch]*fu)*fv
	}
	return out
}

// near reports whether c is within tol of want in every colour channel.
func near(c color.RGBA, want [3]float64, tol float64) bool {
	for ch, v := range [3]uint8{c.R, c.G, c.B} {
		if math.Abs(float64(v)-want[ch]) > tol {
			return false
		}
	}
	return true
}

// nearLevel reports whether the middle level crosses within 5 pixels of pixel (px, py),
// where the contour is drawn.
func nearLevel(s *session.Session, px, py int) bool {
	level := 0.5
	if Regression(s) {
		lo, hi := RegressionScale(s.Points())
		level = (lo + hi) / 2
	}
	side := func(dx, dy int) bool { return s.Predict(pixelPlane(px+dx, py+dy)) >= level }
	first := side(0, 0)
	for _, d := range [][2]int{{-5, 0}, {5, 0}, {0, -5}, {0, 5}, {-5, -5}, {5, 5}, {-5, 5}, {5, -5}} {
		if side(d[0], d[1]) != first {
			return true
		}
	}
	return false
}

// nearPoint reports whether pixel (px, py) lies within 10 CSS px of a point's centre (its
// mark covers at most 8.5 px around it).
func nearPoint(s *session.Session, px, py int) bool {
	l := PictureLayout()
	for _, p := range s.Points() {
		sx, sy := l.ToScreen(p.X, p.Y)
		if math.Hypot(sx*PictureScale-float64(px)-0.5, sy*PictureScale-float64(py)-0.5) < 10*PictureScale {
			return true
		}
	}
	return false
}

// TestPictureField: the picture's pixels on a grid over the plot have the colour the
// colour map gives for nn's Forward there (FieldColor on the problem's scale, discretized
// when the view says), at the field's resolution interpolated as the screen's filter does:
// within 1 of 255 at one sample per pixel (exact but for rounding), 2 when filtered (three
// roundings of Lerp).
func TestPictureField(t *testing.T) {
	l := PictureLayout()
	x0, y0, n := int(l.Plot.X*PictureScale), int(l.Plot.Y*PictureScale), int(l.Plot.W*PictureScale)
	for i, tc := range pictureCases {
		s := pictureSession(t, i)
		img := Picture(s)
		if b := img.Bounds(); b.Dx() != 876 || b.Dy() != 856 {
			t.Fatalf("%s: the picture is %v, want 876×856", tc.name, b)
		}
		side := FieldSide(nn.GridCost(s.Network(), s.Features()), PictureFieldBudget, n)
		tol := 1.0
		if side != n {
			tol = 2
		}
		if (i == 3) != (side < n) {
			t.Fatalf("%s: field side %d for a plot of %d pixels", tc.name, side, n)
		}
		checked, above := 0, 0
		for py := y0 + 3; py < y0+n; py += 29 {
			for px := x0 + 5; px < x0+n; px += 29 {
				if nearPoint(s, px, py) || nearLevel(s, px, py) {
					continue
				}
				want := wantField(s, side, px, py)
				got := img.RGBAAt(px, py)
				if !near(got, want, tol) {
					x, y := pixelPlane(px, py)
					t.Fatalf("%s: pixel (%d, %d) at (%.3f, %.3f) is %v, want %.1f (output %v)", tc.name, px, py, x, y, got, want, s.Predict(x, y))
				}
				checked++
				if got.B > got.R {
					above++
				}
			}
		}
		t.Logf("%s: field side %d, %d pixels checked, %d blue", tc.name, side, checked, above)
		if checked < 150 || above < 20 || checked-above < 20 {
			t.Errorf("%s: %d pixels checked, %d of them blue: too few to tell", tc.name, checked, above)
		}
	}
}

// TestPicturePoints: each point the view shows is drawn at its place in its colour: a
// filled mark's centre is exactly its class colour (for regression its value's), and 4 CSS
// px below the centre still is for a circle (class 0) but not for a triangle (class 1, whose
// inradius is 3.6 px); a hollow (test) mark's centre shows the field (as TestPictureField
// says it) and its ring the colour.
// Test points hidden by the view are not drawn.
func TestPicturePoints(t *testing.T) {
	l := PictureLayout()
	for i, tc := range pictureCases {
		s := pictureSession(t, i)
		img := Picture(s)
		pts := s.Points()
		regression := Regression(s)
		lo, hi := 0.0, 1.0
		if regression {
			lo, hi = RegressionScale(pts)
		}
		side := FieldSide(nn.GridCost(s.Network(), s.Features()), PictureFieldBudget, PicturePlot*PictureScale)
		filled, hollow, hidden := 0, 0, 0
		for j, p := range pts {
			if crowded(pts, j, l) {
				continue
			}
			tint := PointColor(p, regression, lo, hi)
			want := color.RGBA{uint8(tint[0]*255 + 0.5), uint8(tint[1]*255 + 0.5), uint8(tint[2]*255 + 0.5), 255}
			sx, sy := l.ToScreen(p.X, p.Y)
			cx, cy := int(sx*PictureScale), int(sy*PictureScale)
			ring := ringHas(img, cx, cy, want)
			switch {
			case p.Test && !s.View().ShowTestData:
				if ring {
					t.Errorf("%s: hidden test point %d (%.2f, %.2f) is drawn", tc.name, j, p.X, p.Y)
				}
				hidden++
			case p.Test:
				got, field := img.RGBAAt(cx, cy), wantField(s, side, cx, cy)
				if !ring || (!nearLevel(s, cx, cy) && !near(got, field, 2)) {
					t.Errorf("%s: test point %d (%.2f, %.2f): centre %v, want the field's %.1f; ring in %v found: %v", tc.name, j, p.X, p.Y, got, field, want, ring)
				}
				hollow++
			default:
				if got := img.RGBAAt(cx, cy); got != want {
					t.Fatalf("%s: point %d (%.2f, %.2f, label %v) drawn %v at (%d, %d), want %v", tc.name, j, p.X, p.Y, p.Label, got, cx, cy, want)
				}
				below := img.RGBAAt(cx, cy+4*PictureScale)
				if triangle := !regression && p.Label >= 0.5; (below == want) == triangle {
					t.Errorf("%s: point %d (label %v): 4 px below its centre %v, want its colour %v: %v", tc.name, j, p.Label, below, want, !triangle)
				}
				filled++
			}
		}
		t.Logf("%s: %d filled, %d hollow, %d hidden marks checked", tc.name, filled, hollow, hidden)
		if filled < 5 || (s.View().ShowTestData && hollow < 5) || (!s.View().ShowTestData && hidden < 5) {
			t.Errorf("%s: checked %d filled, %d hollow and %d hidden marks: too few", tc.name, filled, hollow, hidden)
		}
	}
}

// crowded reports whether another point lies within 18 CSS px of point j.
func crowded(pts []session.Point, j int, l Layout) bool {
	x, y := l.ToScreen(pts[j].X, pts[j].Y)
	for k, q := range pts {
		if qx, qy := l.ToScreen(q.X, q.Y); k != j && math.Hypot(qx-x, qy-y) < 18 {
			return true
		}
	}
	return false
}

// ringHas reports whether some pixel within a mark's radius of (cx, cy), outside its middle
// 2 CSS px, has exactly the colour c.
func ringHas(img *image.RGBA, cx, cy int, c color.RGBA) bool {
	const r = PointRadius * PictureScale
	for dy := -r; dy <= r; dy++ {
		for dx := -r; dx <= r; dx++ {
			if d := math.Hypot(float64(dx), float64(dy)); d > 2*PictureScale && d <= r && img.RGBAAt(cx+dx, cy+dy) == c {
				return true
			}
		}
	}
	return false
}

// TestPictureFollowsEdits: a moved point is drawn at its new place, and the picture is
// drawn from the session as it is (not from an earlier picture).
func TestPictureFollowsEdits(t *testing.T) {
	s := newSession(t, session.Patch{})
	if err := s.SetData([]session.Point{{X: -3, Y: 3, Label: 0}, {X: 3, Y: -3, Label: 1}}); err != nil {
		t.Fatal(err)
	}
	l := PictureLayout()
	at := func(img *image.RGBA, x, y float64) color.RGBA {
		sx, sy := l.ToScreen(x, y)
		return img.RGBAAt(int(sx*PictureScale), int(sy*PictureScale))
	}
	if got := at(Picture(s), -3, 3); got != Class0 {
		t.Fatalf("point 0 at (-3, 3) drawn %v, want %v", got, Class0)
	}
	if err := s.MovePoint(0, 2, 4); err != nil {
		t.Fatal(err)
	}
	img := Picture(s)
	if got := at(img, 2, 4); got != Class0 {
		t.Errorf("moved to (2, 4), point 0 is drawn %v there, want %v", got, Class0)
	}
	if got := at(img, -3, 3); got == Class0 {
		t.Errorf("moved away, point 0 is still drawn at (-3, 3)")
	}
}

// BenchmarkPicture draws the picture of 250 points (the circle data set, test points shown)
// and, in the PNG sub-benchmark, draws and encodes it (PicturePNG).
func BenchmarkPicture(b *testing.B) {
	s := newSession(b, patch(`{"showTestData": true}`))
	if n := len(s.Points()); n != 250 {
		b.Fatalf("%d points, want 250", n)
	}
	if _, err := s.Step(200); err != nil {
		b.Fatal(err)
	}
	b.Run("draw", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			Picture(s)
		}
	})
	b.Run("PNG", func(b *testing.B) {
		var file []byte
		for b.Loop() {
			var err error
			if file, err = PicturePNG(s); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(len(file)), "bytes")
	})
}

// TestPictureFilter: a field coarser than the plot is drawn filtered as a GPU's linear
// filter draws the padded field on screen: each pixel the bilinear mix of the four cells
// around its centre (cells centred at (c + ½)·cell size), clamped to the edge cells; within
// 1 of 255 (Lerp rounds). The cells alternate between far-apart colours, so that another
// filter (nearest, or off by half a cell) shows.
func TestPictureFilter(t *testing.T) {
	f := NewField(5, 4)
	for k := range f.W * f.H {
		c := Class0
		if (k/f.W+k%f.W)%2 == 1 {
			c = Class1
		}
		if k == 7 {
			c = Ink
		}
		copy(f.Pix[4*k:], []uint8{c.R, c.G, c.B, 255})
	}
	const k = 2
	r := Rect{3, 2, 20, 20} // 40×40 pixels: 8 per column, 10 per row of cells
	img := image.NewRGBA(image.Rect(0, 0, 50, 50))
	drawField(img, f, r, k, 0, 40)
	cell := func(c, rr int) [3]float64 {
		c, rr = min(max(c, 0), f.W-1), min(max(rr, 0), f.H-1)
		p := f.Pix[4*(rr*f.W+c):]
		return [3]float64{float64(p[0]), float64(p[1]), float64(p[2])}
	}
	for py := 0; py < 40; py++ {
		for px := 0; px < 40; px++ {
			u := (float64(px)+0.5)/40*float64(f.W) - 0.5 // in cells, centres at whole numbers
			v := (float64(py)+0.5)/40*float64(f.H) - 0.5
			c0, r0 := int(math.Floor(u)), int(math.Floor(v))
			fu, fv := u-float64(c0), v-float64(r0)
			var want [3]float64
			for ch := range want {
				top := cell(c0, r0)[ch]*(1-fu) + cell(c0+1, r0)[ch]*fu
				bottom := cell(c0, r0+1)[ch]*(1-fu) + cell(c0+1, r0+1)[ch]*fu
				want[ch] = top*(1-fv) + bottom*fv
			}
			if got := img.RGBAAt(6+px, 4+py); !near(got, want, 1) {
				t.Fatalf("pixel (%d, %d) of the plot is %v, want %.1f", px, py, got, want)
			}
		}
	}
	if got := img.RGBAAt(5, 4); got != (color.RGBA{}) {
		t.Errorf("the pixel left of the plot is %v, want it untouched", got)
	}
}

// TestPictureJob: drawn in pieces of n rows (or points), the picture is Picture's pixel for
// pixel, whatever n; no piece does more than n rows of a stage's work (the paper's rows, the
// field's sample rows, the plot's pixel rows, the contour's rows but at least a band, the
// points), and a stage that finishes had at most that left.
func TestPictureJob(t *testing.T) {
	for i, tc := range pictureCases {
		s := pictureSession(t, i)
		want := Picture(s)
		for _, n := range []int{1, 37} {
			j := NewPictureJob(s)
			steps := 0
			for !j.Done() {
				stage, before, total := j.stage, pictureProgress(j), pictureWork(j)
				j.Step(n)
				steps++
				limit := n
				if stage == 4 { // the contour: whole bands
					limit = max(n, contourBand)
				}
				if j.stage == stage && pictureProgress(j)-before > limit {
					t.Fatalf("%s, n = %d: stage %d went from %d to %d of %d in one step", tc.name, n, stage, before, pictureProgress(j), total)
				}
				if j.stage != stage && stage != 3 && stage != 5 && total-before > limit {
					t.Fatalf("%s, n = %d: stage %d finished in one step with %d of %d left", tc.name, n, stage, total-before, total)
				}
			}
			if steps < 2*int(PicturePlot*PictureScale)/n {
				t.Errorf("%s, n = %d: done in %d steps", tc.name, n, steps)
			}
			if got := j.Image(); !got.Rect.Eq(want.Rect) || !slices.Equal(got.Pix, want.Pix) {
				t.Errorf("%s, n = %d: the picture drawn in %d pieces differs from Picture's", tc.name, n, steps)
			}
		}
	}
}

// pictureProgress returns how much of its current stage's work j has done.
func pictureProgress(j *PictureJob) int {
	if j.stage != 1 {
		return j.next
	}
	done := 0
	for _, g := range j.f.rowGen {
		if g == j.f.gen && j.f.net.valid {
			done++
		}
	}
	return done
}

// pictureWork returns the whole work of j's current stage.
func pictureWork(j *PictureJob) int {
	return [...]int{j.img.Rect.Dy(), j.f.H, int(PicturePlot * PictureScale), 1, j.img.Rect.Dy(), 1, len(j.order), 0}[j.stage]
}

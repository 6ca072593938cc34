package view

import (
	"image/color"
	"iter"
	"math"
	"strconv"

	"nnplay/session"
)

// Pt is a vertex of a polyline in canvas CSS px; a NaN X breaks the line.
type Pt struct{ X, Y float64 }

// Break is the vertex that breaks a polyline.
var Break = Pt{math.NaN(), math.NaN()}

// Tick is a labelled position on an axis: Pos is the x (for the x axis) or y (for the y axis)
// in canvas CSS px.
type Tick struct {
	Pos   float64
	Label []byte
}

// Spacing of the loss panel inside Layout.Loss, in CSS px.
const (
	LossLabelH = 22 // the metrics line above the chart
	LossAxisW  = 44 // left of the chart, for the y tick labels
	LossAxisH  = 18 // below the chart, for the x tick labels
	lossRightW = 12 // right of the chart, so the last x label fits
	lossBucket = 2  // CSS px per polyline vertex at most
	maxTicks   = 8
)

// LossGeom is the picture of the loss curves in Layout.Loss: the chart area, the training and
// test polylines (downsampled to one vertex per lossBucket CSS px, so they cost the same
// however long training runs), the axes' ticks and the metrics line. Reuse one LossGeom across
// frames: after the first Update it allocates nothing.
type LossGeom struct {
	Frame       Rect // the whole panel
	Area        Rect // the chart inside it
	Train, Test []Pt
	XTicks      []Tick
	YTicks      []Tick
	Log         bool
	YMin, YMax  float64 // the loss range of the chart (for Log, powers of ten)
	// MarkX is the x of each of the history's marks (session.Mark: what changed at an
	// epoch), oldest first: a thin vertical line across Area, which hovering explains.
	MarkX []float64

	// The metrics line, "train 0.031  test 0.044  test acc 98% (train 99%)", whole and in its parts (Acc is
	// empty for regression). AccLabel[:AccShort] is the accuracy without the training
	// accuracy beside it, for a panel too narrow for the whole.
	Label, TrainLabel, TestLabel, AccLabel []byte
	AccShort                               int

	buf []byte
}

// NewLossGeom returns a LossGeom with its buffers allocated.
func NewLossGeom() *LossGeom {
	g := &LossGeom{
		Train:  make([]Pt, 0, 1024),
		Test:   make([]Pt, 0, 1024),
		XTicks: make([]Tick, maxTicks),
		MarkX:  make([]float64, 0, session.MarkCap),
		YTicks: make([]Tick, maxTicks),
		Label:  make([]byte, 0, 64), TrainLabel: make([]byte, 0, 32),
		TestLabel: make([]byte, 0, 32), AccLabel: make([]byte, 0, 16),
	}
	for i := range g.XTicks {
		g.XTicks[i].Label = make([]byte, 0, 16)
		g.YTicks[i].Label = make([]byte, 0, 16)
	}
	return g
}

// LossArea returns the chart inside the loss rectangle r.
func LossArea(r Rect) Rect {
	return Rect{r.X + LossAxisW, r.Y + LossLabelH, math.Max(r.W-LossAxisW-lossRightW, 0), math.Max(r.H-LossLabelH-LossAxisH, 0)}
}

// Update lays out the history h in r, on a log scale if logScale, with the metrics m as its
// label line.
func (g *LossGeom) Update(r Rect, h *session.History, m session.Metrics, logScale bool) {
	g.Frame, g.Area, g.Log = r, LossArea(r), logScale
	g.labels(m)

	n := h.Len()
	lastEpoch := LastEpoch(h)
	lo, hi := math.Inf(1), 0.0
	for i := 0; i < n; i++ {
		_, tr, te := h.At(i)
		for _, v := range [2]float64{tr, te} {
			if v > 0 && !math.IsInf(v, 0) { // also skips NaN
				lo, hi = math.Min(lo, v), math.Max(hi, v)
			}
		}
	}
	if logScale {
		g.YMin, g.YMax = -1, 0 // a decade below 1 without data
		if hi > 0 {
			g.YMin, g.YMax = math.Floor(math.Log10(lo)), math.Ceil(math.Log10(hi))
			if g.YMax <= g.YMin {
				g.YMax = g.YMin + 1
			}
		}
	} else {
		g.YMin, g.YMax = 0, NiceCeil(hi)
	}

	g.Train, g.Test = g.Train[:0], g.Test[:0]
	g.Train = g.polyline(g.Train, h, lastEpoch, false)
	g.Test = g.polyline(g.Test, h, lastEpoch, true)
	g.ticks(lastEpoch)
	g.MarkX = g.MarkX[:0]
	for i := range h.Marks() {
		g.MarkX = append(g.MarkX, MarkX(g.Area, lastEpoch, h.Mark(i).Epoch))
	}
}

// LastEpoch returns the epoch at the loss chart's right edge: the history's latest, at least 1.
func LastEpoch(h *session.History) int {
	last := 1
	for i := range h.Len() {
		e, _, _ := h.At(i)
		last = max(last, e)
	}
	return last
}

// MarkX returns the x of a mark at epoch in the chart area a whose right edge is lastEpoch,
// kept inside the area (a change made since the last sample stands at the right edge).
func MarkX(a Rect, lastEpoch, epoch int) float64 {
	return a.X + a.W*clamp(float64(epoch)/float64(lastEpoch), 0, 1)
}

// MarkHitPx is how far from a loss mark's line, in CSS px, the mouse still rests on it; a
// finger gets interact's wider radius.
const MarkHitPx = 5

// MarkLine returns the line of mark i across the chart, and its colour: 1 CSS px of
// LossMarkInk centred on its x, or 2 px of Ink when it is the hovered one.
func (g *LossGeom) MarkLine(i int, hovered bool) (Rect, color.RGBA) {
	w, c := 1.0, LossMarkInk
	if hovered {
		w, c = 2, Ink
	}
	return Rect{g.MarkX[i] - w/2, g.Area.Y, w, g.Area.H}, c
}

// HitLossMark returns the mark of h whose line in the loss panel of l is nearest to (sx, sy)
// within r CSS px (later marks win ties, as they are drawn on top), as a HoverLossMark, or
// HoverNone. It allocates nothing.
func HitLossMark(l Layout, h *session.History, sx, sy, r float64) Hover {
	a := LossArea(l.Loss)
	if h.Marks() == 0 || sy < a.Y || sy > a.Y+a.H || sx < a.X-r || sx > a.X+a.W+r {
		return Hover{}
	}
	last, best, bestD := LastEpoch(h), -1, r
	for i := range h.Marks() {
		if d := math.Abs(MarkX(a, last, h.Mark(i).Epoch) - sx); d <= bestD {
			best, bestD = i, d
		}
	}
	if best < 0 {
		return Hover{}
	}
	return Hover{Kind: HoverLossMark, Index: best}
}

// NiceCeil returns the smallest of 1, 2, 5 times a power of ten that is ≥ v (1 for v ≤ 0 or
// not finite).
func NiceCeil(v float64) float64 {
	if !(v > 0) || math.IsInf(v, 0) {
		return 1
	}
	k := int(math.Floor(math.Log10(v)))
	for {
		for _, m := range [3]float64{1, 2, 5} {
			if c := pow10(m, k); c >= v*(1-1e-12) {
				return c
			}
		}
		k++
	}
}

// pow10 returns m·10^k, exact where the decimal is (m/10^−k for negative k).
func pow10(m float64, k int) float64 {
	if k < 0 {
		return m / math.Pow10(-k)
	}
	return m * math.Pow10(k)
}

// y maps a loss to the chart's y; ok is false for a value the scale cannot show.
func (g *LossGeom) y(v float64) (float64, bool) {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, false
	}
	t := 0.0
	if g.Log {
		if v <= 0 {
			return 0, false
		}
		t = (math.Log10(v) - g.YMin) / (g.YMax - g.YMin)
	} else {
		t = (v - g.YMin) / (g.YMax - g.YMin)
	}
	return g.Area.Y + g.Area.H*(1-clamp(t, 0, 1)), true
}

// polyline appends the train (or test) curve: per lossBucket-px column one vertex at the mean
// epoch and the mean loss of the samples in it (so the scale's logarithm is taken once per
// vertex, not per sample), broken where values are missing.
func (g *LossGeom) polyline(dst []Pt, h *session.History, lastEpoch int, test bool) []Pt {
	var sx, sv float64
	count, bucket := 0, math.MinInt
	flush := func() {
		if count > 0 {
			y, _ := g.y(sv / float64(count))
			dst = append(dst, Pt{sx / float64(count), y})
		}
		sx, sv, count = 0, 0, 0
	}
	for i := 0; i < h.Len(); i++ {
		e, tr, te := h.At(i)
		v := tr
		if test {
			v = te
		}
		if math.IsNaN(v) || math.IsInf(v, 0) || g.Log && v <= 0 {
			flush()
			if len(dst) > 0 && !math.IsNaN(dst[len(dst)-1].X) {
				dst = append(dst, Break)
			}
			continue
		}
		x := g.Area.X + g.Area.W*float64(e)/float64(lastEpoch)
		if b := int(math.Floor((x - g.Area.X) / lossBucket)); b != bucket {
			flush()
			bucket = b
		}
		sx, sv, count = sx+x, sv+v, count+1
	}
	flush()
	return dst
}

// ticks fills the axes' ticks: 0 and the last epoch on x; 0, half and the top on a linear y
// axis, every decade (or every other, if many) on a log one.
func (g *LossGeom) ticks(lastEpoch int) {
	g.XTicks = g.XTicks[:2]
	g.XTicks[0].Pos, g.XTicks[0].Label = g.Area.X, append(g.XTicks[0].Label[:0], '0')
	g.XTicks[1].Pos, g.XTicks[1].Label = g.Area.X+g.Area.W, AppendInt(g.XTicks[1].Label[:0], lastEpoch)
	if !g.Log {
		g.YTicks = g.YTicks[:3]
		for i := range g.YTicks {
			v := g.YMax * float64(i) / 2
			g.YTicks[i].Pos, _ = g.y(v)
			g.YTicks[i].Label = AppendShort(g.YTicks[i].Label[:0], v)
		}
		return
	}
	step := 1
	for (int(g.YMax-g.YMin)+step-1)/step+1 > 5 {
		step++
	}
	g.YTicks = g.YTicks[:0]
	for k := int(g.YMax); k >= int(g.YMin); k -= step {
		t := g.YTicks[:len(g.YTicks)+1]
		tk := &t[len(t)-1]
		v := pow10(1, k)
		tk.Pos, _ = g.y(v)
		tk.Label = AppendShort(tk.Label[:0], v)
		g.YTicks = t
	}
}

// AppendShort appends v in its shortest exact form ("0.05", "2.5", "1e−05"), with a
// typographic minus; NaN and ±Inf append Missing.
func AppendShort(dst []byte, v float64) []byte {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return append(dst, Missing...)
	}
	n := len(dst)
	return fixMinus(strconv.AppendFloat(dst, v, 'g', -1, 64), n)
}

// AppendLoss appends a loss: three decimals from 0.001 up ("0.031"), two significant digits
// in exponent form below ("4.2e−05"), Missing when absent.
func AppendLoss(dst []byte, v float64, ok bool) []byte {
	if !ok {
		return append(dst, Missing...)
	}
	if math.Abs(v) >= 0.001 || v == 0 {
		return AppendFixed(dst, v, 3)
	}
	return AppendSig(dst, v, 2)
}

// labels fills the metrics line from m: the test accuracy, named so, with the training
// accuracy beside it when there is a test split, else the training accuracy; no accuracy
// part for regression.
func (g *LossGeom) labels(m session.Metrics) {
	g.TrainLabel = AppendLoss(append(g.TrainLabel[:0], "train "...), m.TrainLoss, m.HasTrain)
	g.TestLabel = AppendLoss(append(g.TestLabel[:0], "test "...), m.TestLoss, m.HasTest)
	g.AccLabel, g.AccShort = g.AccLabel[:0], 0
	if m.HasAccuracy {
		switch {
		case m.HasTest:
			g.AccLabel = AppendPercent(append(g.AccLabel, "test acc "...), m.TestAccuracy)
			g.AccShort = len(g.AccLabel)
			if m.HasTrain {
				g.AccLabel = AppendPercent(append(g.AccLabel, " (train "...), m.TrainAccuracy)
				g.AccLabel = append(g.AccLabel, ')')
			}
		case m.HasTrain:
			g.AccLabel = AppendPercent(append(g.AccLabel, "train acc "...), m.TrainAccuracy)
		default:
			g.AccLabel = append(g.AccLabel, "acc "+Missing...)
		}
	}
	if g.AccShort == 0 {
		g.AccShort = len(g.AccLabel) // nothing to leave out
	}
	g.Label = append(append(append(g.Label[:0], g.TrainLabel...), "  "...), g.TestLabel...)
	if len(g.AccLabel) > 0 {
		g.Label = append(append(g.Label, "  "...), g.AccLabel...)
	}
}

// Segments yields the pieces of the polyline poly that have a length, from each vertex to the
// next: a NaN vertex breaks the line, so no piece ends at one.
func Segments(poly []Pt) iter.Seq2[Pt, Pt] {
	return func(yield func(a, b Pt) bool) {
		for i := 1; i < len(poly); i++ {
			a, b := poly[i-1], poly[i]
			if math.IsNaN(a.X) || math.IsNaN(b.X) || a == b {
				continue
			}
			if !yield(a, b) {
				return
			}
		}
	}
}

// Dash appends to dst the dashes of the polyline poly (broken at NaN vertices) as pairs of
// points, each pair one dash: on CSS px drawn, off skipped, the pattern running on across
// vertices. It allocates nothing when dst has room.
func Dash(dst []Pt, poly []Pt, on, off float64) []Pt {
	if on <= 0 {
		return dst
	}
	off = math.Max(off, 0)
	period := on + off
	phase := 0.0 // distance into the current period
	for a, b := range Segments(poly) {
		dx, dy := b.X-a.X, b.Y-a.Y
		length := math.Hypot(dx, dy)
		for s := 0.0; s < length; {
			var step float64
			if phase < on {
				step = math.Min(on-phase, length-s)
				t0, t1 := s/length, (s+step)/length
				dst = append(dst, Pt{a.X + t0*dx, a.Y + t0*dy}, Pt{a.X + t1*dx, a.Y + t1*dy})
			} else {
				step = math.Min(period-phase, length-s)
			}
			s += step
			phase += step
			if phase >= period {
				phase -= period
			}
		}
	}
	return dst
}

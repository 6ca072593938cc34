package view

import "nnplay/session"

// The legend row above the network (NetLegendH tall), in CSS px.
const (
	legendMarkX  = 6  // from an entry's start to its mark's centre
	legendTextX  = 15 // from an entry's start to its name
	legendStep   = 66 // from one entry's start to the next's
	legendTitleW = 46 // from the row's start to the scale's lowest value
	legendSpace  = 6  // between a value and the colour scale
	ScaleBarW    = 90 // the colour scale's length
	ScaleBarH    = 8  // the colour scale's thickness
)

// LegendItem is one entry of a classification network's legend: its mark centred on (MarkX,
// Y), tinted Tint, and its name left-aligned at (TextX, Y), vertically centred.
type LegendItem struct {
	Mark         Mark
	Tint         [4]float32
	Name         string
	MarkX, TextX float64
	Y            float64
}

// legendY returns the centre line of the legend row of the network rectangle r.
func legendY(r Rect) float64 { return r.Y + NetLegendH/2 - 2 }

// testTint is the grey of the test points' entry: test points are drawn hollow in their
// class's colour, so the legend names the mark, not a colour.
var testTint = [4]float32{0.6, 0.6, 0.6, 1}

// ClassLegend returns the legend row of a classification network drawn in r
// (Layout.Network): class 0's mark, class 1's and a test point's, each with its name, from
// the row's left end.
func ClassLegend(r Rect) [3]LegendItem {
	items := [3]LegendItem{
		{Mark: MarkCircle, Tint: PointColor(session.Point{Label: 0}, false, 0, 1), Name: "class 0"},
		{Mark: MarkTriangle, Tint: PointColor(session.Point{Label: 1}, false, 0, 1), Name: "class 1"},
		{Mark: MarkCircleHollow, Tint: testTint, Name: "test"},
	}
	for i := range items {
		x := r.X + float64(i)*legendStep
		items[i].MarkX, items[i].TextX, items[i].Y = x+legendMarkX, x+legendTextX, legendY(r)
	}
	return items
}

// ScaleLegend is the legend row of a regression network: the title "output" left-aligned at
// (TitleX, Y), the field's lowest value at (LoX, Y), the colour scale Bar (Class0 at its left
// end through Paper to Class1 at its right) framed one pixel outside it, and the highest
// value at (HiX, Y); texts vertically centred on Y.
type ScaleLegend struct {
	Y, TitleX, LoX, HiX float64
	Bar                 Rect
}

// NewScaleLegend lays out the regression legend in the network rectangle r, for a lowest
// value whose text is loW CSS px wide.
func NewScaleLegend(r Rect, loW float64) ScaleLegend {
	y := legendY(r)
	lg := ScaleLegend{Y: y, TitleX: r.X, LoX: r.X + legendTitleW}
	bx := lg.LoX + loW + legendSpace
	lg.Bar = Rect{bx, y - ScaleBarH/2, ScaleBarW, ScaleBarH}
	lg.HiX = bx + ScaleBarW + legendSpace
	return lg
}

// The edge legend at the right end of the legend row, in CSS px.
const (
	EdgeBarW   = 40 // the edges' colour scale's length
	edgeSignW  = 10 // room for "−" or "+" beside the scale
	edgeTitleG = 4  // between the title and "−"
)

// EdgeLegend is what the edges' colours mean, at the right end of the legend row: the title
// ("w", or "∂L/∂w" for the mean gradients in the gradients view) right-aligned at TitleX, "−" centred at
// MinusX, the colour scale Bar (Class0 through NearZero to Class1) and "+" centred at PlusX;
// texts vertically centred on Y.
type EdgeLegend struct {
	Y, TitleX, MinusX, PlusX float64
	Bar                      Rect
}

// NewEdgeLegend lays out the edge legend at the right end of the legend row of the network
// rectangle r, for a title titleW CSS px wide. It reports false when the legend would start
// left of minX (where the classes' or the field's legend ends): then there is no room for it.
func NewEdgeLegend(r Rect, titleW, minX float64) (EdgeLegend, bool) {
	y := legendY(r)
	plusX := r.X + r.W - edgeSignW/2
	bar := Rect{plusX - edgeSignW/2 - EdgeBarW, y - ScaleBarH/2, EdgeBarW, ScaleBarH}
	lg := EdgeLegend{Y: y, PlusX: plusX, MinusX: bar.X - edgeSignW/2, Bar: bar}
	lg.TitleX = lg.MinusX - edgeSignW/2 - edgeTitleG
	return lg, lg.TitleX-titleW >= minX+legendSpace
}

// The metrics line above the loss chart (LossLabelH tall), in CSS px.
const (
	swatchW     = 16 // a curve's sample line
	swatchGap   = 4  // from a sample line to its text
	metricsGap  = 14 // from one text to the next sample line or text
	dashOn      = 4  // the test curve's sample: dashes this long
	dashPeriod  = 6  // starting this far apart
	metricsLift = 2  // the line sits this far above the row's middle
)

// MetricsLine is the line above the loss chart, left to right: the training curve's sample
// line (solid, Train) and its loss at TrainX, the test curve's sample (dashes, TestDashes,
// as pairs of x from–to) and its loss at TestX, the accuracy at AccX; everything on Y, texts
// left-aligned and vertically centred. Where the whole accuracy text would run past the
// panel's right edge, AccShort says to show its short form (LossGeom.AccShort); where that
// does not fit either, it goes right-aligned to the panel's edge one row lower, at AccY.
type MetricsLine struct {
	Y                   float64
	Train               [2]float64
	TestDashes          [3][2]float64
	TrainX, TestX, AccX float64
	AccY                float64
	AccShort            bool
}

// NewMetricsLine lays out the metrics line at the top of the loss panel r (LossGeom.Frame)
// for a training loss text trainW, a test loss text testW and an accuracy text accW CSS px
// wide, whose short form is shortW wide.
func NewMetricsLine(r Rect, trainW, testW, accW, shortW float64) MetricsLine {
	ml := MetricsLine{Y: r.Y + LossLabelH/2 - metricsLift}
	x := r.X
	ml.Train = [2]float64{x, x + swatchW}
	ml.TrainX = x + swatchW + swatchGap
	x = ml.TrainX + trainW + metricsGap
	for i := range ml.TestDashes {
		d := x + float64(i)*dashPeriod
		ml.TestDashes[i] = [2]float64{d, d + dashOn}
	}
	ml.TestX = x + swatchW + swatchGap
	ml.AccX, ml.AccY = ml.TestX+testW+metricsGap, ml.Y
	right := r.X + r.W
	if ml.AccX+accW > right {
		ml.AccShort = true
		if ml.AccX+shortW > right {
			ml.AccX, ml.AccY = right-shortW, ml.Y+LossLabelH
		}
	}
	return ml
}

// The loss chart's axes, in CSS px: tick marks TickLen long and y labels ending
// yLabelBefore left of the chart, as the plot's; the x labels' centre line lossXLabelBelow
// under it.
const lossXLabelBelow = 10

// LossAxes is where the loss chart's axes are drawn around its Area (LossGeom.Area), CSS
// px: the Left and Bottom lines, 1 px outside the area and meeting at its corner; the right
// end of the y labels, LabelX (texts right-aligned, centred on their tick); the centre line
// of the x labels (the first and last epoch, the scale's name), LabelY.
type LossAxes struct {
	Area           Rect
	Left, Bottom   Rect
	LabelX, LabelY float64
}

// NewLossAxes lays out the axes of the loss chart a.
func NewLossAxes(a Rect) LossAxes {
	return LossAxes{Area: a, Left: Rect{a.X - 1, a.Y, 1, a.H + 1}, Bottom: Rect{a.X - 1, a.Y + a.H, a.W + 1, 1},
		LabelX: a.X - yLabelBefore, LabelY: a.Y + a.H + lossXLabelBelow}
}

// YTick returns, for a y tick at pos (Tick.Pos), its grid line across the chart and its
// mark left of the chart, TickLen long; both 1 px thick, centred on pos.
func (ax LossAxes) YTick(pos float64) (grid, mark Rect) {
	a := ax.Area
	return Rect{a.X, pos - 0.5, a.W, 1}, Rect{a.X - TickLen, pos - 0.5, TickLen, 1}
}

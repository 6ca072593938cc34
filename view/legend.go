package view

import "nnplay/session"

// The legend row above the network (NetLegendH tall), in CSS px.
const (
	legendMarkX  = 6  // from an entry's start to its mark's centre
	legendTextX  = 15 // from an entry's start to its name
	legendStep   = 78 // from one entry's start to the next's
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

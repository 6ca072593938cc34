package view

import (
	"testing"

	"nnplay/session"
)

// TestClassLegend: the three entries lie in the legend row, left to right, without
// overlapping, each mark left of its name, in the colours the points have.
func TestClassLegend(t *testing.T) {
	for _, nl := range netLayouts {
		r := nl.l.Network
		items := ClassLegend(r)
		wantTint := [3][4]float32{
			PointColor(session.Point{Label: 0}, false, 0, 1),
			PointColor(session.Point{Label: 1}, false, 0, 1),
			testTint,
		}
		wantMark := [3]Mark{MarkCircle, MarkTriangle, MarkCircleHollow}
		for i, it := range items {
			if it.Y <= r.Y || it.Y >= r.Y+NetLegendH {
				t.Errorf("%s: entry %q at y %v, outside the legend row [%v, %v]", nl.name, it.Name, it.Y, r.Y, r.Y+NetLegendH)
			}
			if it.MarkX < r.X || it.MarkX >= it.TextX {
				t.Errorf("%s: entry %q: mark at %v, name at %v", nl.name, it.Name, it.MarkX, it.TextX)
			}
			if it.Tint != wantTint[i] || it.Mark != wantMark[i] {
				t.Errorf("%s: entry %q: mark %v tint %v, want %v %v", nl.name, it.Name, it.Mark, it.Tint, wantMark[i], wantTint[i])
			}
			if i > 0 && it.MarkX-items[i-1].TextX < 50 {
				t.Errorf("%s: entry %q starts %v px after %q's name: too little room for it", nl.name, it.Name, it.MarkX-items[i-1].TextX, items[i-1].Name)
			}
		}
		if last := items[2]; last.TextX+40 > r.X+r.W {
			t.Errorf("%s: the legend runs past the network's right side", nl.name)
		}
	}
}

// TestScaleLegend: title, lowest value, colour scale and highest value follow each other left
// to right, the scale starting after the lowest value's text, all in the legend row.
func TestScaleLegend(t *testing.T) {
	r := netLayouts[0].l.Network
	for _, loW := range []float64{10, 40} {
		lg := NewScaleLegend(r, loW)
		b := lg.Bar
		if lg.TitleX != r.X || lg.LoX <= lg.TitleX || b.X < lg.LoX+loW+2 || lg.HiX < b.X+b.W+2 {
			t.Errorf("lowest value %v px wide: %+v out of order", loW, lg)
		}
		if b.W != ScaleBarW || b.H != ScaleBarH || b.Y+b.H/2 != lg.Y {
			t.Errorf("lowest value %v px wide: bar %+v, want %v×%v centred on %v", loW, b, ScaleBarW, ScaleBarH, lg.Y)
		}
		if lg.Y-b.H/2-1 < r.Y || lg.Y+b.H/2+1 > r.Y+NetLegendH {
			t.Errorf("lowest value %v px wide: the framed bar %+v leaves the legend row", loW, b)
		}
	}
	if a, b := NewScaleLegend(r, 10), NewScaleLegend(r, 40); b.Bar.X-a.Bar.X != 30 || b.HiX-a.HiX != 30 {
		t.Errorf("a lowest value 30 px wider moves the bar by %v and the highest value by %v, want 30", b.Bar.X-a.Bar.X, b.HiX-a.HiX)
	}
}

// TestEdgeLegend: title, "−", scale and "+" follow each other left to right inside the legend
// row's right end, and the legend gives way where the left legend leaves it no room.
func TestEdgeLegend(t *testing.T) {
	for _, nl := range netLayouts {
		r := nl.l.Network
		classes := ClassLegend(r)
		end := classes[2].TextX + 26        // "test" at the small font
		lg, ok := NewEdgeLegend(r, 36, end) // "∂L/∂w"
		if !ok {
			t.Errorf("%s: no room for a 36 px title after the classes' legend (row %v wide)", nl.name, r.W)
		}
		b := lg.Bar
		if !(lg.TitleX < lg.MinusX && lg.MinusX < b.X && b.X+b.W < lg.PlusX && lg.PlusX < r.X+r.W) {
			t.Errorf("%s: %+v out of order or past the row's end %v", nl.name, lg, r.X+r.W)
		}
		if b.W != EdgeBarW || b.Y+b.H/2 != lg.Y || lg.Y < r.Y || lg.Y > r.Y+NetLegendH {
			t.Errorf("%s: bar %+v not %v wide centred on the row's line %v", nl.name, b, EdgeBarW, lg.Y)
		}
		if _, ok := NewEdgeLegend(r, 60, lg.TitleX-40); ok {
			t.Errorf("%s: a 60 px title fits where the left legend ends 40 px before it", nl.name)
		}
	}
}

// TestMetricsLine: samples and texts follow each other left to right without overlapping,
// each sample just before its text, all on the panel's top row; wider texts push what
// follows them.
func TestMetricsLine(t *testing.T) {
	l := NewLayout(900, 640)
	r := l.Loss
	for _, w := range [][2]float64{{60, 60}, {90, 40}} {
		ml := NewMetricsLine(r, w[0], w[1], 40, 30)
		if ml.Y <= r.Y || ml.Y >= r.Y+LossLabelH {
			t.Errorf("widths %v: line at y %v, outside the metrics row [%v, %v]", w, ml.Y, r.Y, r.Y+LossLabelH)
		}
		last := ml.TestDashes[len(ml.TestDashes)-1]
		spans := [][2]float64{
			{ml.Train[0], ml.Train[1]}, {ml.TrainX, ml.TrainX + w[0]},
			{ml.TestDashes[0][0], last[1]}, {ml.TestX, ml.TestX + w[1]}, {ml.AccX, ml.AccX + 40},
		}
		if spans[0][0] != r.X {
			t.Errorf("widths %v: the line starts at %v, not the panel's left %v", w, spans[0][0], r.X)
		}
		for i := 1; i < len(spans); i++ {
			if gap := spans[i][0] - spans[i-1][1]; gap < 2 || gap > 20 {
				t.Errorf("widths %v: part %d starts %v px after part %d ends", w, i, gap, i-1)
			}
		}
		for i, d := range ml.TestDashes {
			if d[1]-d[0] <= 0 || i > 0 && d[0] <= ml.TestDashes[i-1][1] {
				t.Errorf("widths %v: dash %d %v overlaps or is empty", w, i, d)
			}
		}
	}
	a, b := NewMetricsLine(r, 60, 60, 40, 30), NewMetricsLine(r, 90, 40, 40, 30)
	if b.TestX-a.TestX != 30 || b.AccX-a.AccX != 10 {
		t.Errorf("30 px more training text and 20 less test text move the test loss by %v and the accuracy by %v, want 30 and 10", b.TestX-a.TestX, b.AccX-a.AccX)
	}
	// The whole accuracy while it ends inside the panel, else its short form in its place,
	// else the short form against the panel's right edge one row lower.
	room := r.X + r.W - a.AccX
	for _, c := range []struct {
		accW, shortW float64
		short, lower bool
	}{{room - 1, 10, false, false}, {room, 10, false, false}, {room + 1, room, true, false}, {room + 9, room + 1, true, true}} {
		ml := NewMetricsLine(r, 60, 60, c.accW, c.shortW)
		if ml.AccShort != c.short || (ml.AccY != a.Y) != c.lower {
			t.Errorf("accuracy %v (short %v) px wide with %v px of room: short %v, at y %v (the line's %v)", c.accW, c.shortW, room, ml.AccShort, ml.AccY, a.Y)
		}
		if c.lower && (ml.AccX+c.shortW != r.X+r.W || ml.AccY != a.Y+LossLabelH) {
			t.Errorf("short accuracy lowered to (%v, %v), want it ending at %v, one row (%v) lower", ml.AccX, ml.AccY, r.X+r.W, LossLabelH)
		}
	}
}

// TestLossAxes: the loss chart's left and bottom lines lie just outside its area and meet at
// its corner; a y tick's grid line spans the chart and its mark ends at the chart's left
// side; the y labels end left of the marks and fit in the panel; the x labels' line lies
// below the bottom line, inside the panel, in both layouts.
func TestLossAxes(t *testing.T) {
	w := NewGlyphs(1).Advance(Small, "0.25")
	for _, nl := range netLayouts {
		f := nl.l.Loss
		a := LossArea(f)
		ax := NewLossAxes(a)
		l, b := ax.Left, ax.Bottom
		if l.X+l.W != a.X || l.Y != a.Y || l.Y+l.H != b.Y+b.H || b.X != l.X || b.Y != a.Y+a.H || b.X+b.W != a.X+a.W {
			t.Errorf("%s: axes %+v and %+v around the chart %+v", nl.name, l, b, a)
		}
		pos := a.Y + a.H/2
		grid, mark := ax.YTick(pos)
		if grid.X != a.X || grid.W != a.W || grid.Y+grid.H/2 != pos || mark.X+mark.W != a.X || mark.W != TickLen || mark.Y != grid.Y {
			t.Errorf("%s: y tick at %v: grid line %+v, mark %+v, chart %+v", nl.name, pos, grid, mark, a)
		}
		if ax.LabelX >= mark.X || ax.LabelX-w < f.X {
			t.Errorf("%s: y labels end at %v: want left of the mark at %v and a %v px label inside the panel from %v", nl.name, ax.LabelX, mark.X, w, f.X)
		}
		if ax.LabelY-SmallText/2 < b.Y+b.H || ax.LabelY+SmallText/2 > f.Y+f.H {
			t.Errorf("%s: x labels centred at %v, want below the bottom line (%v) and inside the panel (to %v)", nl.name, ax.LabelY, b.Y+b.H, f.Y+f.H)
		}
	}
}

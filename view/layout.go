package view

import (
	"math"

	"nnplay/session"
)

// Rect is a rectangle in canvas CSS pixels.
type Rect struct{ X, Y, W, H float64 }

// Contains reports whether (x, y) lies in r.
func (r Rect) Contains(x, y float64) bool {
	return x >= r.X && x < r.X+r.W && y >= r.Y && y < r.Y+r.H
}

// Layout places the pictures on a canvas of Width×Height CSS pixels: the data plot (square,
// the plane [-6, 6]²), the network and the loss curves. On a narrow canvas (a phone) the plot
// comes first at full width with the network and loss below it.
type Layout struct {
	Width, Height float64
	Plot          Rect // the plane, square
	Network       Rect
	Loss          Rect
	Phone         bool
}

// Spacing of the layout, in CSS px.
const (
	PhoneWidth = 600 // canvases at most this wide get the phone layout (see NewLayout)
	Margin     = 8   // around the canvas's edge
	AxisLeft   = 30  // left of the plot, for the y tick labels (includes Margin)
	AxisBottom = 20  // below the plot, for the x tick labels
	Gap        = 20  // between panels
	PanelMin   = 280 // the narrowest network/loss column beside the plot on a desktop
	PlotMin    = 200 // the smallest plot side the desktop layout accepts on a narrow canvas
)

// PhoneHeight returns a good canvas height for a phone canvas w CSS px wide: the plot at full
// width plus room for the network and the loss below it.
func PhoneHeight(w float64) float64 {
	return math.Round(w - AxisLeft - Margin + Margin + AxisBottom + 2*Gap + 340)
}

// NewLayout lays out a canvas of w×h CSS pixels. Desktop: the plot is the largest square that
// fits on the left with its axis labels while leaving at least PanelMin for the column on its
// right, which holds the network above the loss curves. Phone: the plot spans the width
// (limited to 62% of the height), the network and the loss below it. A canvas at most
// PhoneWidth wide gets the phone layout, unless it is shorter than 80% of PhoneHeight (a
// narrow desktop window, not a phone page) and the desktop plot still gets PlotMin: then the
// panels beside the plot get the height the stacked ones would lack. The whole plot always
// lies inside the canvas.
func NewLayout(w, h float64) Layout {
	w, h = math.Max(w, 0), math.Max(h, 0)
	desktopSide := math.Floor(math.Min(h-Margin-AxisBottom, w-AxisLeft-Gap-PanelMin-Margin))
	l := Layout{Width: w, Height: h, Phone: w <= PhoneWidth && !(h < 0.8*PhoneHeight(w) && desktopSide >= PlotMin)}
	if l.Phone {
		side := math.Min(w-AxisLeft-Margin, 0.62*h-Margin-AxisBottom)
		side = math.Max(math.Floor(side), 0)
		l.Plot = Rect{AxisLeft, Margin, side, side}
		y := Margin + side + AxisBottom + Gap/2
		rest := math.Max(h-y-Margin, 0)
		nh := math.Floor(rest * 0.55)
		l.Network = Rect{Margin, y, math.Max(w-2*Margin, 0), nh}
		l.Loss = Rect{Margin, y + nh + Gap/2, math.Max(w-2*Margin, 0), math.Max(rest-nh-Gap/2, 0)}
		return l
	}
	side := math.Max(desktopSide, 0)
	l.Plot = Rect{AxisLeft, Margin, side, side}
	x := AxisLeft + side + Gap
	pw := math.Max(w-x-Margin, 0)
	rest := math.Max(h-2*Margin, 0)
	nh := math.Floor(rest * 0.56)
	l.Network = Rect{x, Margin, pw, nh}
	l.Loss = Rect{x, Margin + nh + Gap, pw, math.Max(rest-nh-Gap, 0)}
	return l
}

// ToScreen maps a point of the plane to canvas CSS pixels.
func (l Layout) ToScreen(x, y float64) (sx, sy float64) {
	const span = session.Max - session.Min
	return l.Plot.X + (x-session.Min)/span*l.Plot.W, l.Plot.Y + (session.Max-y)/span*l.Plot.H
}

// ToPlane maps canvas CSS pixels to the plane (not clamped).
func (l Layout) ToPlane(sx, sy float64) (x, y float64) {
	const span = session.Max - session.Min
	if l.Plot.W <= 0 || l.Plot.H <= 0 {
		return 0, 0
	}
	return session.Min + (sx-l.Plot.X)/l.Plot.W*span, session.Max - (sy-l.Plot.Y)/l.Plot.H*span
}

// The plot's axes, in CSS px.
const (
	TickLen      = 4  // a tick mark's length, outside the plot
	xLabelBelow  = 12 // from the plot's bottom to the centre line of the x labels
	yLabelBefore = 7  // from the plot's left side to the right end of the y labels
)

// AxisTick is one labelled position on both axes of the plot: the plane value V, named Label,
// has its tick at X on the bottom axis and at Y on the left one; its labels are centred on
// (X, LabelY) below the plot and right-aligned at (LabelX, Y) left of it, vertically centred.
type AxisTick struct {
	V, X, Y        float64
	Label          string
	LabelX, LabelY float64
}

// axisValues are the plane values the axes label, and their labels.
var axisValues = [...]struct {
	v     float64
	label string
}{{-6, "−6"}, {-3, "−3"}, {0, "0"}, {3, "3"}, {6, "6"}}

// AxisTicks returns the plot's labelled positions in l: −6, −3, 0, 3 and 6 on both axes.
func AxisTicks(l Layout) [len(axisValues)]AxisTick {
	var ts [len(axisValues)]AxisTick
	r := l.Plot
	for i, a := range axisValues {
		x, y := l.ToScreen(a.v, a.v)
		ts[i] = AxisTick{V: a.v, X: x, Y: y, Label: a.label, LabelX: r.X - yLabelBefore, LabelY: r.Y + r.H + xLabelBelow}
	}
	return ts
}

// Marks returns tk's tick marks beside the plot r, CSS px: 1 px wide and TickLen long,
// centred on the tick, below the bottom side and left of the left side.
func (tk AxisTick) Marks(r Rect) (bottom, left Rect) {
	return Rect{tk.X - 0.5, r.Y + r.H, 1, TickLen}, Rect{r.X - TickLen, tk.Y - 0.5, TickLen, 1}
}

// PlotFrame returns the plot's frame around r, CSS px: the rectangle whose 1 px border lies
// just outside r.
func PlotFrame(r Rect) Rect { return Rect{r.X - 1, r.Y - 1, r.W + 2, r.H + 2} }

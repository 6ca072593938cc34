package view

import (
	"math"
	"testing"

	"nnplay/session"
)

var layoutSizes = []struct {
	name  string
	w, h  float64
	phone bool
	short bool // too short for roomy network and loss panels
}{
	{"desktop", 900, 640, false, false},
	{"wide desktop", 1240, 700, false, false},
	{"small desktop", 640, 480, false, false},
	{"phone", 375, PhoneHeight(375), true, false},
	{"small phone", 320, PhoneHeight(320), true, false},
	{"phone at the limit", PhoneWidth, PhoneHeight(PhoneWidth), true, false},
	{"short phone", 390, 500, true, true},
	{"narrow desktop window", 564, 548, false, false},
	{"narrow, tall enough for the phone layout", 564, 0.8 * PhoneHeight(564), true, false},
}

func inside(inner, outer Rect) bool {
	const eps = 1e-9
	return inner.X >= outer.X-eps && inner.Y >= outer.Y-eps &&
		inner.X+inner.W <= outer.X+outer.W+eps && inner.Y+inner.H <= outer.Y+outer.H+eps
}

func overlap(a, b Rect) bool {
	return a.X < b.X+b.W && b.X < a.X+a.W && a.Y < b.Y+b.H && b.Y < a.Y+a.H
}

func TestNewLayout(t *testing.T) {
	for _, tc := range layoutSizes {
		l := NewLayout(tc.w, tc.h)
		canvas := Rect{0, 0, tc.w, tc.h}
		if l.Phone != tc.phone {
			t.Errorf("%s: Phone = %v, want %v", tc.name, l.Phone, tc.phone)
		}
		if l.Plot.W != l.Plot.H || l.Plot.W < 200 {
			t.Errorf("%s: plot %+v is not a square of at least 200 px", tc.name, l.Plot)
		}
		// The plot and its axis labels lie inside the canvas.
		withAxes := Rect{l.Plot.X - AxisLeft + Margin, l.Plot.Y, l.Plot.W + AxisLeft - Margin, l.Plot.H + AxisBottom}
		for _, r := range []struct {
			name string
			r    Rect
		}{{"plot with axes", withAxes}, {"network", l.Network}, {"loss", l.Loss}} {
			if !inside(r.r, canvas) {
				t.Errorf("%s: %s %+v leaves the canvas %vx%v", tc.name, r.name, r.r, tc.w, tc.h)
			}
		}
		if overlap(withAxes, l.Network) || overlap(withAxes, l.Loss) || overlap(l.Network, l.Loss) {
			t.Errorf("%s: panels overlap: plot %+v network %+v loss %+v", tc.name, withAxes, l.Network, l.Loss)
		}
		if !tc.short && (l.Network.W < 200 || l.Network.H < 120 || l.Loss.W < 200 || l.Loss.H < 90) {
			t.Errorf("%s: network %+v or loss %+v too small", tc.name, l.Network, l.Loss)
		}
		if tc.phone && l.Network.Y < l.Plot.Y+l.Plot.H {
			t.Errorf("%s: phone network %+v is not below the plot %+v", tc.name, l.Network, l.Plot)
		}
	}
}

func TestNewLayoutDegenerate(t *testing.T) {
	for _, sz := range [][2]float64{{0, 0}, {-5, 10}, {10, 10}, {2000, 20}} {
		l := NewLayout(sz[0], sz[1])
		for _, r := range []Rect{l.Plot, l.Network, l.Loss} {
			if r.W < 0 || r.H < 0 {
				t.Errorf("NewLayout(%v, %v) has a negative rectangle %+v", sz[0], sz[1], r)
			}
		}
	}
}

func TestToScreenToPlane(t *testing.T) {
	for _, tc := range layoutSizes {
		l := NewLayout(tc.w, tc.h)
		// Corners of the plane are the corners of the plot, y up.
		corners := []struct{ x, y, sx, sy float64 }{
			{session.Min, session.Max, l.Plot.X, l.Plot.Y},
			{session.Max, session.Min, l.Plot.X + l.Plot.W, l.Plot.Y + l.Plot.H},
			{0, 0, l.Plot.X + l.Plot.W/2, l.Plot.Y + l.Plot.H/2},
		}
		for _, c := range corners {
			sx, sy := l.ToScreen(c.x, c.y)
			if math.Abs(sx-c.sx) > 1e-9 || math.Abs(sy-c.sy) > 1e-9 {
				t.Errorf("%s: ToScreen(%v, %v) = (%v, %v), want (%v, %v)", tc.name, c.x, c.y, sx, sy, c.sx, c.sy)
			}
		}
		for _, p := range [][2]float64{{-6, -6}, {1.25, -3.5}, {5.99, 0.01}, {-10, 10}} {
			sx, sy := l.ToScreen(p[0], p[1])
			x, y := l.ToPlane(sx, sy)
			if math.Abs(x-p[0]) > 1e-12 || math.Abs(y-p[1]) > 1e-12 {
				t.Errorf("%s: ToPlane(ToScreen(%v, %v)) = (%v, %v)", tc.name, p[0], p[1], x, y)
			}
		}
	}
}

func TestMenuButton(t *testing.T) {
	l := NewLayout(900, 640)
	pts := []session.Point{{X: 0, Y: 0}, {X: 6, Y: 6}, {X: -6, Y: -6}, {X: 6, Y: -6}}
	for i := range pts {
		r := MenuButton(l, pts, i)
		sx, sy := l.ToScreen(pts[i].X, pts[i].Y)
		if r.H < 44 || r.W < 44 {
			t.Errorf("point %d: button %+v smaller than 44 px", i, r)
		}
		if !inside(r, Rect{0, 0, l.Width, l.Height}) {
			t.Errorf("point %d: button %+v leaves the canvas", i, r)
		}
		if r.Contains(sx, sy) {
			t.Errorf("point %d: button %+v covers its point (%v, %v)", i, r, sx, sy)
		}
	}
	if r := MenuButton(l, pts, 4); r != (Rect{}) {
		t.Errorf("out of range: got %+v, want the empty Rect", r)
	}
	if r := MenuButton(l, pts, -1); r != (Rect{}) {
		t.Errorf("-1: got %+v, want the empty Rect", r)
	}
}

func TestFollowed(t *testing.T) {
	tests := []struct {
		name    string
		ui      UI
		n, want int
	}{
		{"nothing", UI{Selected: -1, Dragging: -1}, 5, -1},
		{"hover", UI{Selected: -1, Dragging: -1, Hover: Hover{Kind: HoverPoint, Index: 3}}, 5, 3},
		{"hovered edge is no point", UI{Selected: -1, Dragging: -1, Hover: Hover{Kind: HoverEdge, Index: 3}}, 5, -1},
		{"selected beats hover", UI{Selected: 1, Dragging: -1, Hover: Hover{Kind: HoverPoint, Index: 3}}, 5, 1},
		{"dragging beats all", UI{Selected: 1, Dragging: 2, Hover: Hover{Kind: HoverPoint, Index: 3}}, 5, 2},
		{"stale selection", UI{Selected: 9, Dragging: -1, Hover: Hover{Kind: HoverPoint, Index: 3}}, 5, 3},
	}
	for _, tc := range tests {
		if got := Followed(&tc.ui, tc.n); got != tc.want {
			t.Errorf("%s: Followed = %d, want %d", tc.name, got, tc.want)
		}
	}
}

// TestAxisTicks: the ticks name −6 to 6 at the plot's edges and centre, on both axes, with
// their labels below and left of the plot, outside it and inside the canvas.
func TestAxisTicks(t *testing.T) {
	for _, tc := range layoutSizes {
		l := NewLayout(tc.w, tc.h)
		r := l.Plot
		ts := AxisTicks(l)
		if ts[0].X != r.X || ts[len(ts)-1].X != r.X+r.W || ts[0].Y != r.Y+r.H || ts[len(ts)-1].Y != r.Y {
			t.Errorf("%s: the end ticks %+v, %+v are not at the plot's corners %+v", tc.name, ts[0], ts[len(ts)-1], r)
		}
		for i, tk := range ts {
			if px, py := l.ToPlane(tk.X, tk.Y); math.Abs(px-tk.V) > 1e-9 || math.Abs(py-tk.V) > 1e-9 {
				t.Errorf("%s: tick %q at (%v, %v) is the plane's (%v, %v)", tc.name, tk.Label, tk.X, tk.Y, px, py)
			}
			if tk.LabelY <= r.Y+r.H+TickLen || tk.LabelY >= tc.h || tk.LabelX >= r.X-TickLen || tk.LabelX <= 0 {
				t.Errorf("%s: tick %q's labels at x %v, y %v: not beside the plot %+v", tc.name, tk.Label, tk.LabelX, tk.LabelY, r)
			}
			if i > 0 && tk.V <= ts[i-1].V {
				t.Errorf("%s: ticks out of order: %v after %v", tc.name, tk.V, ts[i-1].V)
			}
		}
	}
}

package view

import (
	"testing"

	"nnplay/session"
)

func TestHitPointWithin(t *testing.T) {
	l := NewLayout(900, 640)
	pts := []session.Point{{X: 0, Y: 0}, {X: 1, Y: 1}, {X: -5, Y: 5}, {X: 0, Y: 0, Test: true}}
	px := func(i int) (float64, float64) { return l.ToScreen(pts[i].X, pts[i].Y) }
	x1, y1 := px(1)
	x2, y2 := px(2)
	x0, y0 := px(0)
	tests := []struct {
		name   string
		sx, sy float64
		want   int
	}{
		{"on a point", x1, y1, 1},
		{"near a point", x2 + 7, y2 - 7, 2},
		{"at the hit radius", x2 + HitRadius, y2, 2},
		{"just outside", x2 + HitRadius + 0.5, y2, -1},
		{"empty space", x0 + 200, y0, -1},
		{"coincident points: the later, on top", x0, y0, 3},
	}
	for _, tc := range tests {
		if got := HitPointWithin(l, pts, tc.sx, tc.sy, HitRadius, false); got != tc.want {
			t.Errorf("%s: HitPointWithin = %d, want %d", tc.name, got, tc.want)
		}
	}
	if got := HitPointWithin(l, nil, x0, y0, HitRadius, false); got != -1 {
		t.Errorf("no points: HitPointWithin = %d, want -1", got)
	}
}

func TestMarkOf(t *testing.T) {
	tests := []struct {
		p          session.Point
		regression bool
		want       Mark
	}{
		{session.Point{Label: 0}, false, MarkCircle},
		{session.Point{Label: 1}, false, MarkTriangle},
		{session.Point{Label: 0, Test: true}, false, MarkCircleHollow},
		{session.Point{Label: 1, Test: true}, false, MarkTriangleHollow},
		{session.Point{Label: 3}, true, MarkCircle},
		{session.Point{Label: 3, Test: true}, true, MarkCircleHollow},
	}
	for _, tc := range tests {
		if got := MarkOf(tc.p, tc.regression); got != tc.want {
			t.Errorf("MarkOf(%+v, %v) = %d, want %d", tc.p, tc.regression, got, tc.want)
		}
	}
}

func TestPointOrder(t *testing.T) {
	pts := []session.Point{{}, {Test: true}, {}, {Test: true}, {}}
	tests := []struct {
		name               string
		selected, dragging int
		want               []int
	}{
		{"test points first", -1, -1, []int{1, 3, 0, 2, 4}},
		{"selected on top", 0, -1, []int{1, 3, 2, 4, 0}},
		{"dragged above selected", 0, 3, []int{1, 2, 4, 0, 3}},
		{"dragged and selected alike", 2, 2, []int{1, 3, 0, 4, 2}},
		{"stale indices ignored", 7, 9, []int{1, 3, 0, 2, 4}},
	}
	for _, tc := range tests {
		got := PointOrder(nil, pts, tc.selected, tc.dragging, false)
		if len(got) != len(tc.want) {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
			continue
		}
		for i := range got {
			if got[i] != tc.want[i] {
				t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
				break
			}
		}
	}
}

func TestAtlas(t *testing.T) {
	for _, scale := range []float64{1, 2, 3} {
		a := NewAtlas(scale)
		px := func(m Mark, dx, dy float64) []byte {
			r := a.Rects[m]
			x, y := int(r.X+r.W/2+dx*scale), int(r.Y+r.H/2+dy*scale)
			i := 4 * (y*a.W + x)
			return a.Pix[i : i+4]
		}
		tests := []struct {
			name   string
			m      Mark
			dx, dy float64 // CSS px from the centre
			want   [4]byte
		}{
			{"filled circle centre is white", MarkCircle, 0, 0, [4]byte{255, 255, 255, 255}},
			{"filled triangle centre is white", MarkTriangle, 0, 0, [4]byte{255, 255, 255, 255}},
			{"hollow circle centre is empty", MarkCircleHollow, 0, 0, [4]byte{}},
			{"hollow circle ring is white", MarkCircleHollow, PointRadius - ringWidth/2, 0, [4]byte{255, 255, 255, 255}},
			{"hollow triangle centre is empty", MarkTriangleHollow, 0, 0, [4]byte{}},
			{"circle outline is ink", MarkCircle, PointRadius + markStroke/2, 0, [4]byte{Ink.R, Ink.G, Ink.B, 255}},
			{"ring centre is empty", MarkRing, 0, 0, [4]byte{}},
			{"ring is ink", MarkRing, selRadius, 0, [4]byte{Ink.R, Ink.G, Ink.B, 255}},
			{"solid", MarkSolid, 0, 0, [4]byte{255, 255, 255, 255}},
		}
		for _, tc := range tests {
			got := px(tc.m, tc.dx, tc.dy)
			for c := range 4 {
				if d := int(got[c]) - int(tc.want[c]); d < -70 || d > 70 {
					t.Errorf("scale %v, %s: pixel %v, want %v within 70", scale, tc.name, got, tc.want)
					break
				}
			}
		}
		// Every sprite's border pixels are transparent (nothing is clipped), except Solid.
		for m := Mark(0); m < MarkSolid; m++ {
			r := a.Rects[m]
			for i := 0; i < int(r.W); i++ {
				for _, xy := range [][2]int{{int(r.X) + i, 0}, {int(r.X) + i, int(r.H) - 1}, {int(r.X), i}, {int(r.X+r.W) - 1, i}} {
					if alpha := a.Pix[4*(xy[1]*a.W+xy[0])+3]; alpha != 0 {
						t.Fatalf("scale %v, mark %d: border pixel %v has alpha %d", scale, m, xy, alpha)
					}
				}
			}
		}
	}
}

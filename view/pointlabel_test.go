package view

import (
	"testing"

	"nnplay/nn"
	"nnplay/session"
)

// TestPointLabel: a held or just dropped point is labelled with the output under it and its
// own loss; no other point is, and the tooltip gives way to the label.
func TestPointLabel(t *testing.T) {
	s := newSession(t, session.Patch{})
	if err := s.SetData([]session.Point{{X: 1.5, Y: -2, Label: 1}, {X: -5.9, Y: 5.9, Label: 0}}); err != nil {
		t.Fatal(err)
	}
	y := s.Predict(1.5, -2)
	want := "ŷ = " + string(AppendFixed(nil, y, 3)) + " · loss " + string(AppendFixed(nil, nn.Loss(y, 1), 3))
	hover := Hover{Kind: HoverPoint, Index: 0}
	tests := []struct {
		name string
		ui   UI
		want string
	}{
		{"held", UI{Dragging: 0, Selected: 0, Menu: -1, Hover: hover}, want},
		{"just dropped", UI{Dragging: -1, Selected: 0, Dropped: true, Menu: -1, Hover: hover}, want},
		{"selected only", UI{Dragging: -1, Selected: 0, Menu: -1, Hover: hover}, ""},
		{"nothing", UI{Dragging: -1, Selected: -1, Dropped: true, Menu: -1}, ""},
		{"stale", UI{Dragging: 7, Selected: -1, Menu: -1}, ""},
	}
	for _, tt := range tests {
		if got := string(AppendPointLabel(nil, s, &tt.ui)); got != tt.want {
			t.Errorf("%s: label %q, want %q", tt.name, got, tt.want)
		}
		if tip := AppendShownTooltip(nil, s, &tt.ui); (len(tip) > 0) == (tt.want != "") && tt.ui.Hover.Kind != HoverNone {
			t.Errorf("%s: tooltip %q with label %q: want exactly one of them", tt.name, tip, tt.want)
		}
	}
	ui := UI{Dragging: 0, Selected: 0, Menu: -1}
	buf := make([]byte, 0, 64)
	if n := testing.AllocsPerRun(100, func() { buf = AppendPointLabel(buf[:0], s, &ui) }); n != 0 {
		t.Errorf("AppendPointLabel allocates %v times with room in dst", n)
	}
}

// TestPointLabelBox: the label sits right of and above its point, flipped left or below
// near the canvas's edges, and stays inside the canvas.
func TestPointLabelBox(t *testing.T) {
	l := NewLayout(900, 600)
	for _, p := range []session.Point{{X: 0, Y: 0}, {X: 5.9, Y: 5.9}, {X: -5.9, Y: -5.9}, {X: 5.9, Y: -5.9}} {
		r := PointLabelBox(l, p, 120)
		sx, sy := l.ToScreen(p.X, p.Y)
		if r.X < 0 || r.Y < 0 || r.X+r.W > l.Width || r.Y+r.H > l.Height {
			t.Errorf("point (%g, %g): label %+v leaves the %gx%g canvas", p.X, p.Y, r, l.Width, l.Height)
		}
		if r.Contains(sx, sy) || r.W != 120+2*LabelPad || r.H != LabelH {
			t.Errorf("point (%g, %g) at (%.0f, %.0f): label %+v covers it or has the wrong size", p.X, p.Y, sx, sy, r)
		}
	}
	if r := PointLabelBox(l, session.Point{}, 120); func() bool { sx, sy := l.ToScreen(0, 0); return r.X < sx || r.Y+r.H > sy }() {
		t.Errorf("in the open the label %+v is not right of and above its point", r)
	}
}

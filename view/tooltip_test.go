package view

import (
	"testing"

	"nnplay/nn"
	"nnplay/session"
)

func TestAppendTooltip(t *testing.T) {
	s := newSession(t, session.Patch{})
	net := s.Network()
	net.SetWeight(0, 1, 0, -1.2345) // x1 → h2
	net.SetWeight(1, 0, 3, 0.5)     // h4 → ŷ
	net.SetBias(0, 2, 0.1)          // h3
	if err := s.SetData([]session.Point{{X: 1.5, Y: -2, Label: 1, Test: true}, {X: 0, Y: 0.25, Label: 0}}); err != nil {
		t.Fatal(err)
	}
	out := string(AppendFixed([]byte("ŷ: b = "), net.Bias(1, 0), 3)) + ", a = " + string(AppendFixed(nil, s.Predict(1.5, -2), 3))
	tests := []struct {
		name   string
		follow int
		h      Hover
		want   string
	}{
		{"edge", -1, Hover{Kind: HoverEdge, Layer: 0, Node: 1, From: 0}, "w = −1.234 (x₁ → h2)"}, // −1.2345 is just above in binary
		{"output edge", -1, Hover{Kind: HoverEdge, Layer: 1, Node: 0, From: 3}, "w = 0.500 (h4 → ŷ)"},
		{"hidden node", -1, Hover{Kind: HoverNode, Layer: 1, Node: 2}, "h3: b = 0.100"},
		{"input node", -1, Hover{Kind: HoverNode, Layer: 0, Node: 1}, "x₂"},
		{"input node followed", 0, Hover{Kind: HoverNode, Layer: 0, Node: 1}, "x₂ = −2.00"},
		{"output node followed", 0, Hover{Kind: HoverNode, Layer: 2, Node: 0}, out},
		{"node, stale follow", 2, Hover{Kind: HoverNode, Layer: 1, Node: 2}, "h3: b = 0.100"},
		{"point", -1, Hover{Kind: HoverPoint, Index: 0}, "(1.50, −2.00) class 1, test"},
		{"training point", -1, Hover{Kind: HoverPoint, Index: 1}, "(0.00, 0.25) class 0"},
		{"stale point", -1, Hover{Kind: HoverPoint, Index: 2}, ""},
		{"stale node", -1, Hover{Kind: HoverNode, Layer: 3, Node: 0}, ""},
		{"stale edge", -1, Hover{Kind: HoverEdge, Layer: 0, Node: 4, From: 0}, ""},
		{"nothing", -1, Hover{}, ""},
	}
	for _, tc := range tests {
		if got := string(AppendTooltip(nil, s, tc.h, tc.follow)); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}

// TestTooltipActivation: a node's activation for the followed point is the network's now:
// the output's is Predict, an input's the feature's value, also after training changed the
// weights.
func TestTooltipActivation(t *testing.T) {
	for _, sh := range shapes {
		s := newSession(t, sh.patch)
		for range 2 {
			pt := s.Points()[3]
			layers := s.Network().Layers()
			if a, ok := activation(s, 3, len(layers)-1, 0); !ok || a != s.Predict(pt.X, pt.Y) {
				t.Errorf("%s: output activation %v (%v), want Predict = %v", sh.name, a, ok, s.Predict(pt.X, pt.Y))
			}
			in := make([]float64, len(s.Features()))
			nn.ApplyFeatures(in, s.Features(), pt.X, pt.Y)
			for j := range in {
				if a, _ := activation(s, 3, 0, j); a != in[j] {
					t.Errorf("%s: input %d activation %v, want feature %v", sh.name, j, a, in[j])
				}
			}
			if _, ok := activation(s, len(s.Points()), 1, 0); ok {
				t.Errorf("%s: a stale point has an activation", sh.name)
			}
			if _, err := s.Step(20); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// TestAppendShownTooltip: the canvas shows the hovered thing's tooltip, for the followed
// point, except while a point is dragged or the long-press delete offer is open.
func TestAppendShownTooltip(t *testing.T) {
	s := newSession(t, session.Patch{})
	l := NewLayout(900, 640)
	edge := Hover{Kind: HoverEdge, Layer: 1, Node: 0, From: 3}
	node := Hover{Kind: HoverNode, Layer: 1, Node: 0}
	tests := []struct {
		name                     string
		h                        Hover
		selected, dragging, menu int
		want                     string
	}{
		{"resting", edge, -1, -1, -1, string(AppendTooltip(nil, s, edge, -1))},
		{"node, a point selected", node, 4, -1, -1, string(AppendTooltip(nil, s, node, 4))},
		{"dragging", edge, -1, 0, -1, ""},
		{"delete offer open", edge, -1, -1, 0, ""},
	}
	for _, tc := range tests {
		ui := &UI{Layout: l, Hover: tc.h, Selected: tc.selected, Dragging: tc.dragging, Menu: tc.menu}
		if got := string(AppendShownTooltip(nil, s, ui)); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}

// TestTooltipBox: the box sits below right of the pointer, flips left and up near the far
// edges, stays inside the canvas, and has room for its text.
func TestTooltipBox(t *testing.T) {
	l := NewLayout(900, 640)
	const textW = 100
	const w float64 = textW + 2*TooltipPad
	tests := []struct {
		name   string
		px, py float64
		want   Rect
	}{
		{"middle", 400, 300, Rect{414, 316, w, TooltipH}},
		{"right edge", 850, 300, Rect{850 - 10 - w, 316, w, TooltipH}},
		{"bottom edge", 400, 620, Rect{414, 620 - 12 - TooltipH, w, TooltipH}},
		{"bottom right corner", 899, 639, Rect{899 - 10 - w, 639 - 12 - TooltipH, w, TooltipH}},
		{"exactly fits right", 900 - 2 - 14 - w, 300, Rect{900 - 2 - w, 316, w, TooltipH}},
		{"narrow canvas", 5, 5, Rect{19, 21, w, TooltipH}},
	}
	for _, tc := range tests {
		got := TooltipBox(l, tc.px, tc.py, textW)
		if got != tc.want {
			t.Errorf("%s: TooltipBox at (%v, %v) = %+v, want %+v", tc.name, tc.px, tc.py, got, tc.want)
		}
		if !inside(got, Rect{0, 0, l.Width, l.Height}) {
			t.Errorf("%s: %+v leaves the canvas", tc.name, got)
		}
		if got.Contains(tc.px, tc.py) {
			t.Errorf("%s: %+v covers the pointer", tc.name, got)
		}
	}
	// A text wider than the canvas cannot fit: the box then starts at the left edge's margin.
	if got := TooltipBox(NewLayout(100, 100), 50, 50, 200); got.X != 2 {
		t.Errorf("too wide a text: box %+v, want it at x = 2", got)
	}
}

// TestShownNodeBox: the caption naming the node the plot shows sits inside the plot's
// top-left corner with room for its text, in both layouts.
func TestShownNodeBox(t *testing.T) {
	w := NewGlyphs(1).Advance(Body, "showing sin(x1) · pinned")
	for _, nl := range netLayouts {
		r, p := ShownNodeBox(nl.l, w), nl.l.Plot
		if !inside(r, p) || r.X-p.X > 10 || r.Y-p.Y > 10 || r.W != w+2*TooltipPad || r.H != TooltipH {
			t.Errorf("%s: the caption's box %+v in the plot %+v; want it in the top-left corner, %v wide", nl.name, r, p, w+2*TooltipPad)
		}
	}
}

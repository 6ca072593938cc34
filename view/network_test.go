package view

import (
	"math"
	"strings"
	"testing"

	"nnplay/nn"
	"nnplay/session"
)

var netLayouts = []struct {
	name string
	l    Layout
}{
	{"desktop", NewLayout(900, 640)},
	{"phone", NewLayout(375, PhoneHeight(375))},
}

func TestNetGeom(t *testing.T) {
	for _, sh := range shapes {
		for _, nl := range netLayouts {
			s := newSession(t, sh.patch)
			net := s.Network()
			layers := net.Layers()
			var g NetGeom
			g.Update(nl.l, s, -1)
			name := sh.name + ", " + nl.name
			nodes, edges := 0, 0
			for i, n := range layers {
				nodes += n
				if i > 0 {
					edges += n * layers[i-1]
				}
			}
			if len(g.Nodes) != nodes || len(g.Edges) != edges {
				t.Fatalf("%s: %d nodes, %d edges, want %d, %d", name, len(g.Nodes), len(g.Edges), nodes, edges)
			}
			for i, a := range g.Nodes {
				box := Rect{a.X - a.Half, a.Y - a.Half, 2 * a.Half, 2 * a.Half}
				if !inside(box, nl.l.Network) || a.Layer > 0 && !inside(a.BiasBar, nl.l.Network) {
					t.Errorf("%s: node %d/%d %+v or its bias bar outside the network %+v", name, a.Layer, a.Node, box, nl.l.Network)
				}
				if a.HasAct {
					t.Errorf("%s: node %d/%d has an activation without a followed point", name, a.Layer, a.Node)
				}
				if a.Layer > 0 && a.Bias != net.Bias(a.Layer-1, a.Node) {
					t.Errorf("%s: node %d/%d bias %v, want %v", name, a.Layer, a.Node, a.Bias, net.Bias(a.Layer-1, a.Node))
				}
				for _, b := range g.Nodes[i+1:] {
					if math.Abs(a.X-b.X) < a.Half+b.Half+1 && math.Abs(a.Y-b.Y) < a.Half+b.Half+1 {
						t.Errorf("%s: nodes %d/%d and %d/%d touch", name, a.Layer, a.Node, b.Layer, b.Node)
					}
				}
			}
			for _, e := range g.Edges {
				w := net.Weight(e.Layer, e.Node, e.From)
				if e.Weight != w || e.Width != WeightWidth(w) || e.Color != WeightColor(w) {
					t.Errorf("%s: edge %+v does not show weight %v", name, e, w)
				}
				x0, y0, h0 := NodeCenter(g.Area, layers, e.Layer, e.From)
				x1, y1, h1 := NodeCenter(g.Area, layers, e.Layer+1, e.Node)
				if e.X0 != x0+h0 || e.Y0 != y0 || e.X1 != x1-h1 || e.Y1 != y1 {
					t.Errorf("%s: edge %+v does not join its nodes", name, e)
				}
			}
		}
	}
}

func TestNetGeomFollow(t *testing.T) {
	for _, sh := range shapes {
		s := newSession(t, sh.patch)
		s.Step(10)
		pts := s.Points()
		var g NetGeom
		g.Update(NewLayout(900, 640), s, 3)
		if g.Follow != 3 {
			t.Fatalf("%s: Follow = %d, want 3", sh.name, g.Follow)
		}
		out := g.Nodes[len(g.Nodes)-1]
		if want := s.Predict(pts[3].X, pts[3].Y); !out.HasAct || out.Act != want {
			t.Errorf("%s: output activation %v (has %v), want Predict = %v", sh.name, out.Act, out.HasAct, want)
		}
		in := make([]float64, len(s.Features()))
		nn.ApplyFeatures(in, s.Features(), pts[3].X, pts[3].Y)
		for j := range in {
			if g.Nodes[j].Act != in[j] {
				t.Errorf("%s: input %d activation %v, want feature %v", sh.name, j, g.Nodes[j].Act, in[j])
			}
		}
		// A stale index follows nothing.
		g.Update(NewLayout(900, 640), s, len(pts))
		if g.Follow != -1 || g.Nodes[0].HasAct {
			t.Errorf("%s: stale follow: Follow = %d, HasAct = %v", sh.name, g.Follow, g.Nodes[0].HasAct)
		}
	}
}

func TestHitNetwork(t *testing.T) {
	for _, sh := range shapes {
		for _, nl := range netLayouts {
			s := newSession(t, sh.patch)
			var g NetGeom
			g.Update(nl.l, s, -1)
			name := sh.name + ", " + nl.name
			for _, nd := range g.Nodes {
				for _, d := range [][2]float64{{0, 0}, {nd.Half, -nd.Half}, {-nd.Half - 2, 0}} {
					h := HitNetwork(nl.l, s, nd.X+d[0], nd.Y+d[1])
					if h.Kind != HoverNode || h.Layer != nd.Layer || h.Node != nd.Node {
						t.Errorf("%s: at node %d/%d %+v: got %+v", name, nd.Layer, nd.Node, d, h)
					}
				}
			}
			for _, e := range g.Edges {
				// A point a third of the way along, nudged across the line by 2 px: the edge
				// found must be at most as far as this one.
				x, y := e.X0+(e.X1-e.X0)/3, e.Y0+(e.Y1-e.Y0)/3+2
				h := HitNetwork(nl.l, s, x, y)
				if h.Kind == HoverNode {
					continue // near a node, which wins
				}
				if h.Kind != HoverEdge {
					t.Errorf("%s: near edge %d/%d/%d: got %+v", name, e.Layer, e.Node, e.From, h)
					continue
				}
				got := g.Edges[edgeIndex(s.Network().Layers(), h)]
				want := SegmentDistance(x, y, e.X0, e.Y0, e.X1, e.Y1)
				if d := SegmentDistance(x, y, got.X0, got.Y0, got.X1, got.Y1); d > want+1e-9 {
					t.Errorf("%s: near edge %d/%d/%d got edge %+v at %v px, farther than %v", name, e.Layer, e.Node, e.From, h, d, want)
				}
			}
			misses := [][2]float64{
				{nl.l.Network.X - 5, nl.l.Network.Y + 50},                  // outside
				{nl.l.Network.X + 2, nl.l.Network.Y + 2},                   // the legend row
				{nl.l.Plot.X + nl.l.Plot.W/2, nl.l.Plot.Y + nl.l.Plot.H/2}, // in the plot
			}
			for _, m := range misses {
				if h := HitNetwork(nl.l, s, m[0], m[1]); h.Kind != HoverNone {
					t.Errorf("%s: at %v got %+v, want nothing", name, m, h)
				}
			}
		}
	}
}

// edgeIndex returns the index in NetGeom.Edges of the hovered edge h.
func edgeIndex(layers []int, h Hover) int {
	k := 0
	for l := 0; l < h.Layer; l++ {
		k += layers[l] * layers[l+1]
	}
	return k + h.Node*layers[h.Layer] + h.From
}

func TestSegmentDistance(t *testing.T) {
	tests := []struct{ px, py, x0, y0, x1, y1, want float64 }{
		{5, 3, 0, 0, 10, 0, 3},         // above the middle
		{-4, 3, 0, 0, 10, 0, 5},        // beyond the start
		{13, 4, 0, 0, 10, 0, 5},        // beyond the end
		{1, 1, 2, 2, 2, 2, math.Sqrt2}, // a degenerate segment
	}
	for _, tc := range tests {
		if got := SegmentDistance(tc.px, tc.py, tc.x0, tc.y0, tc.x1, tc.y1); math.Abs(got-tc.want) > 1e-12 {
			t.Errorf("SegmentDistance(%v) = %v, want %v", tc, got, tc.want)
		}
	}
}

func TestAppendNodeName(t *testing.T) {
	fs := []nn.Feature{nn.X1, nn.SinX2}
	tests := []struct {
		layers []int
		l, j   int
		want   string
	}{
		{[]int{2, 4, 1}, 0, 1, "sin(x2)"},
		{[]int{2, 4, 1}, 1, 0, "h1"},
		{[]int{2, 4, 1}, 2, 0, "ŷ"},
		{[]int{2, 4, 3, 1}, 2, 2, "h2.3"},
		{[]int{2, 1}, 1, 0, "ŷ"},
		{[]int{2, 2}, 1, 1, "ŷ2"},
		{[]int{3, 1}, 0, 2, "x3"},
	}
	for _, tc := range tests {
		if got := string(AppendNodeName(nil, tc.layers, fs, tc.l, tc.j)); got != tc.want {
			t.Errorf("AppendNodeName(%v, %d, %d) = %q, want %q", tc.layers, tc.l, tc.j, got, tc.want)
		}
	}
}

func TestAppendTooltip(t *testing.T) {
	s := newSession(t, session.Patch{})
	net := s.Network()
	net.SetWeight(0, 1, 0, -1.2345) // x1 → h2
	net.SetWeight(1, 0, 3, 0.5)     // h4 → ŷ
	net.SetBias(0, 2, 0.1)          // h3
	if err := s.SetData([]session.Point{{X: 1.5, Y: -2, Label: 1, Test: true}, {X: 0, Y: 0.25, Label: 0}}); err != nil {
		t.Fatal(err)
	}
	var g NetGeom
	l := NewLayout(900, 640)
	g.Update(l, s, -1)
	tests := []struct {
		name   string
		follow int
		h      Hover
		want   string
	}{
		{"edge", -1, Hover{Kind: HoverEdge, Layer: 0, Node: 1, From: 0}, "w = −1.234 (x1 → h2)"}, // −1.2345 is just above in binary
		{"output edge", -1, Hover{Kind: HoverEdge, Layer: 1, Node: 0, From: 3}, "w = 0.500 (h4 → ŷ)"},
		{"hidden node", -1, Hover{Kind: HoverNode, Layer: 1, Node: 2}, "h3: b = 0.100"},
		{"input node", -1, Hover{Kind: HoverNode, Layer: 0, Node: 1}, "x2"},
		{"input node followed", 0, Hover{Kind: HoverNode, Layer: 0, Node: 1}, "x2 = −2.00"},
		{"point", -1, Hover{Kind: HoverPoint, Index: 0}, "(1.50, −2.00) class 1, test"},
		{"training point", -1, Hover{Kind: HoverPoint, Index: 1}, "(0.00, 0.25) class 0"},
		{"stale point", -1, Hover{Kind: HoverPoint, Index: 2}, ""},
		{"stale node", -1, Hover{Kind: HoverNode, Layer: 3, Node: 0}, ""},
		{"stale edge", -1, Hover{Kind: HoverEdge, Layer: 0, Node: 4, From: 0}, ""},
		{"nothing", -1, Hover{}, ""},
	}
	for _, tc := range tests {
		g.Update(l, s, tc.follow)
		if got := string(g.AppendTooltip(nil, s, tc.h)); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
	// A followed point adds the activation to hidden and output nodes.
	g.Update(l, s, 0)
	got := string(g.AppendTooltip(nil, s, Hover{Kind: HoverNode, Layer: 2, Node: 0}))
	want := string(AppendFixed([]byte("ŷ: b = "), net.Bias(1, 0), 3)) + ", a = " + string(AppendFixed(nil, s.Predict(1.5, -2), 3))
	if got != want {
		t.Errorf("followed output node: %q, want %q", got, want)
	}
	if !strings.Contains(got, "a = ") {
		t.Errorf("followed output node: %q lacks the activation", got)
	}
}

// TestAppendShownTooltip: the canvas shows the hovered thing's tooltip except while a point is
// dragged or the long-press delete offer is open.
func TestAppendShownTooltip(t *testing.T) {
	s := newSession(t, session.Patch{})
	var g NetGeom
	l := NewLayout(900, 640)
	g.Update(l, s, -1)
	edge := Hover{Kind: HoverEdge, Layer: 1, Node: 0, From: 3}
	want := string(g.AppendTooltip(nil, s, edge))
	tests := []struct {
		name           string
		dragging, menu int
		want           string
	}{
		{"resting", -1, -1, want},
		{"dragging", 0, -1, ""},
		{"delete offer open", -1, 0, ""},
	}
	for _, tc := range tests {
		ui := &UI{Layout: l, Hover: edge, Selected: -1, Dragging: tc.dragging, Menu: tc.menu}
		if got := string(g.AppendShownTooltip(nil, s, ui)); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestNetworkAllocs(t *testing.T) {
	s := newSession(t, shapes[2].patch)
	l := NewLayout(900, 640)
	var g NetGeom
	g.Update(l, s, 5)
	buf := make([]byte, 0, 128)
	tests := []struct {
		name string
		run  func()
	}{
		{"Update", func() { g.Update(l, s, 5) }},
		{"Update unfollowed", func() { g.Update(l, s, -1) }},
		{"HitNetwork", func() { HitNetwork(l, s, l.Network.X+l.Network.W/2, l.Network.Y+l.Network.H/2) }},
		{"HitPoint", func() { HitPoint(l, s.Points(), 100, 100) }},
		{"AppendTooltip", func() {
			buf = g.AppendTooltip(buf[:0], s, Hover{Kind: HoverEdge, Layer: 1, Node: 2, From: 3})
			buf = g.AppendTooltip(buf[:0], s, Hover{Kind: HoverNode, Layer: 1, Node: 2})
			buf = g.AppendTooltip(buf[:0], s, Hover{Kind: HoverPoint, Index: 1})
		}},
	}
	for _, tc := range tests {
		if a := testing.AllocsPerRun(20, tc.run); a != 0 {
			t.Errorf("%s allocates %v times per run, want 0", tc.name, a)
		}
	}
}

// BenchmarkNetGeom lays out and colours the default network for a followed point (the
// per-frame network work).
func BenchmarkNetGeom(b *testing.B) {
	s := newSession(b, session.Patch{})
	l := NewLayout(900, 640)
	var g NetGeom
	b.ReportAllocs()
	for b.Loop() {
		g.Update(l, s, 3)
	}
}

package view

import (
	"math"
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
	s := newSession(t, session.Patch{})
	var g NetGeom
	for _, tc := range []struct{ follow, want int }{{3, 3}, {-1, -1}, {len(s.Points()), -1}} {
		g.Update(NewLayout(900, 640), s, tc.follow)
		if g.Follow != tc.want {
			t.Errorf("following %d: Follow = %d, want %d", tc.follow, g.Follow, tc.want)
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
		{[]int{2, 4, 1}, 0, 0, "x₁"},
		{[]int{2, 4, 1}, 0, 1, "sin(x₂)"},
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
		{"HitPointWithin", func() { HitPointWithin(l, s.Points(), 100, 100, HitRadius, true) }},
		{"AppendTooltip", func() {
			buf = AppendTooltip(buf[:0], s, Hover{Kind: HoverEdge, Layer: 1, Node: 2, From: 3}, 5)
			buf = AppendTooltip(buf[:0], s, Hover{Kind: HoverNode, Layer: 1, Node: 2}, 5)
			buf = AppendTooltip(buf[:0], s, Hover{Kind: HoverPoint, Index: 1}, 5)
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

// TestPlaneAt: a node's picture spans the plane over its square, y up: the plane's corners
// at the square's, its centre at the node's.
func TestPlaneAt(t *testing.T) {
	nd := NodeGeom{X: 100, Y: 50, Half: 10}
	for _, tc := range []struct{ x, y, sx, sy float64 }{
		{session.Min, session.Max, 90, 40},
		{session.Max, session.Min, 110, 60},
		{0, 0, 100, 50},
		{3, -3, 105, 55},
	} {
		if sx, sy := nd.PlaneAt(tc.x, tc.y); math.Abs(sx-tc.sx) > 1e-12 || math.Abs(sy-tc.sy) > 1e-12 {
			t.Errorf("PlaneAt(%v, %v) = (%v, %v), want (%v, %v)", tc.x, tc.y, sx, sy, tc.sx, tc.sy)
		}
	}
}

// TestNodeMarks: in every shape and layout, each input's feature name ends left of its
// square and the output's ŷ starts right of it, at least 4 px away and within the network's
// panel; a bias of 0 is marked across the track where the bias bar starts; the followed
// point's mark is a ring of Paper at least 1 px wide around the Ink frame, on the point.
func TestNodeMarks(t *testing.T) {
	g := NewGlyphs(1)
	for _, sh := range shapes {
		for _, nl := range netLayouts {
			s := newSession(t, sh.patch)
			var ng NetGeom
			ng.Update(nl.l, s, 0)
			r, last := nl.l.Network, len(s.Network().Layers())-1
			name := sh.name + ", " + nl.name
			for i := range ng.Nodes {
				nd := &ng.Nodes[i]
				var x0, x1, gap float64
				switch nd.Layer {
				case 0:
					x1 = nd.NameX()
					x0, gap = x1-g.Advance(Small, s.Features()[nd.Node].String()), nd.X-nd.Half-x1
				case last:
					x0 = nd.NameX()
					x1, gap = x0+g.Advance(Body, "ŷ"), x0-(nd.X+nd.Half)
				}
				if nd.Layer == 0 || nd.Layer == last {
					if x0 < r.X || x1 > r.X+r.W || gap < 4 {
						t.Errorf("%s: node %d/%d's name spans [%v, %v], %v px from its square; want it in [%v, %v], 4 px away",
							name, nd.Layer, nd.Node, x0, x1, gap, r.X, r.X+r.W)
					}
				}
				if nd.Layer == 0 {
					continue
				}
				z, b, bar := nd.BiasZero(), nd.BiasTrack, nd.BiasBar
				if z.X+z.W/2 != nd.X || z.Y >= b.Y || z.Y+z.H <= b.Y+b.H || bar.X != nd.X && bar.X+bar.W != nd.X {
					t.Errorf("%s: node %d/%d: zero tick %+v, track %+v, bar %+v; want the tick across the track where the bar starts",
						name, nd.Layer, nd.Node, z, b, bar)
				}
			}
			nd, pt := &ng.Nodes[0], s.Points()[0]
			out, in := nd.FollowMark(pt.X, pt.Y)
			cx, cy := nd.PlaneAt(pt.X, pt.Y)
			if out.X+out.W/2 != cx || out.Y+out.H/2 != cy || in.X+in.W/2 != cx || in.Y+in.H/2 != cy ||
				in.X-out.X < 1 || in.Y-out.Y < 1 {
				t.Errorf("%s: the followed point's mark %+v around %+v, want both centred on (%v, %v), the outer 1 px wider each side",
					name, out, in, cx, cy)
			}
		}
	}
}

package view

import (
	"testing"

	"nnplay/session"
)

func TestGradShade(t *testing.T) {
	for _, tc := range []struct{ g, want float64 }{
		{0, 0}, {GradLow, 0}, {-GradLow / 10, 0}, {GradHigh, 1}, {-5, 1},
		{1e-4, 0.4}, {-1e-4, 0.4}, {1e-2, 0.8},
	} {
		if got := GradShade(tc.g); got < tc.want-1e-12 || got > tc.want+1e-12 {
			t.Errorf("GradShade(%g) = %g, want %g", tc.g, got, tc.want)
		}
	}
	if GradColor(1e-9) != NearZero || GradWidth(1e-9) != MinWeightWidth || GradWidth(1) != MaxWeightWidth {
		t.Errorf("a vanishing gradient is not faint and thin, or a large one not full width")
	}
	if GradColor(-1) != Class0 || GradColor(1) != Class1 {
		t.Errorf("large gradients: %v, %v, want the class colours", GradColor(-1), GradColor(1))
	}
}

func TestNextParam(t *testing.T) {
	layers := []int{2, 3, 1}
	// The model file's order: W[0] row by row, b[0], W[1], b[1].
	want := []session.Param{
		{L: 0, J: 0, I: 0}, {L: 0, J: 0, I: 1}, {L: 0, J: 1, I: 0}, {L: 0, J: 1, I: 1}, {L: 0, J: 2, I: 0}, {L: 0, J: 2, I: 1},
		{Bias: true, L: 0, J: 0}, {Bias: true, L: 0, J: 1}, {Bias: true, L: 0, J: 2},
		{L: 1, J: 0, I: 0}, {L: 1, J: 0, I: 1}, {L: 1, J: 0, I: 2},
		{Bias: true, L: 1, J: 0},
	}
	p := session.Param{L: 9} // invalid: forward starts at the first
	for k := range 2 * len(want) {
		p = NextParam(layers, p, true)
		if p != want[k%len(want)] {
			t.Fatalf("forward step %d: %+v, want %+v", k, p, want[k%len(want)])
		}
	}
	p = session.Param{L: -1} // invalid: backward starts at the last
	for k := range 2 * len(want) {
		p = NextParam(layers, p, false)
		w := want[len(want)-1-k%len(want)]
		if p != w {
			t.Fatalf("backward step %d: %+v, want %+v", k, p, w)
		}
	}
}

func TestHitBiasAndSelected(t *testing.T) {
	for _, sh := range shapes {
		for _, nl := range netLayouts {
			s := newSession(t, sh.patch)
			var g NetGeom
			name := sh.name + ", " + nl.name
			for _, nd := range g.nodesAfter(nl.l, s) {
				if nd.Layer == 0 {
					continue
				}
				r := nd.BiasTrack
				for _, d := range [][2]float64{{0.5, 0.5}, {0.1, 0.5}, {0.9, 0.9}} {
					h := HitNetwork(nl.l, s, r.X+d[0]*r.W, r.Y+d[1]*r.H)
					p, ok := HoverParam(h)
					if want := (session.Param{Bias: true, L: nd.Layer - 1, J: nd.Node}); !ok || p != want {
						t.Errorf("%s: bias mark of %d/%d at %v: got %+v", name, nd.Layer, nd.Node, d, h)
					}
				}
				// Selecting that bias marks it, and only it.
				g.Param = session.Param{Bias: true, L: nd.Layer - 1, J: nd.Node}
				g.Update(nl.l, s, -1)
				for _, other := range g.Nodes {
					if other.Selected != (other.Layer == nd.Layer && other.Node == nd.Node) {
						t.Errorf("%s: bias %d/%d selected, node %d/%d Selected = %v", name, nd.Layer, nd.Node, other.Layer, other.Node, other.Selected)
					}
				}
			}
			for _, e := range g.Edges {
				if e.Selected {
					t.Errorf("%s: edge %+v is selected while a bias is", name, e)
				}
			}
		}
	}
}

// nodesAfter updates g and returns its nodes.
func (g *NetGeom) nodesAfter(l Layout, s *session.Session) []NodeGeom {
	g.Update(l, s, -1)
	return g.Nodes
}

func TestNetGeomGradients(t *testing.T) {
	s := newSession(t, session.Patch{})
	grads := make([]float64, len(s.Network().Params()))
	if !s.MeanGradients(grads) {
		t.Fatal("no training points")
	}
	g := NetGeom{Param: session.Param{L: 1, J: 0, I: 2}}
	g.Update(NewLayout(900, 640), s, -1)
	weights := append([]EdgeGeom(nil), g.Edges...)
	g.Grads = grads
	g.Update(NewLayout(900, 640), s, -1)
	// The default 2-4-1 network: W[0] is 4×2 at 0…7, b[0] at 8…11, W[1] 1×4 at 12…15.
	for k, e := range g.Edges {
		idx := e.Node*2 + e.From
		if e.Layer == 1 {
			idx = 12 + e.From
		}
		if e.Grad != grads[idx] || e.Width != GradWidth(grads[idx]) || e.Color != GradColor(grads[idx]) {
			t.Errorf("edge %d/%d/%d: grad %g width %g, want %g (%g)", e.Layer, e.Node, e.From, e.Grad, e.Width, grads[idx], GradWidth(grads[idx]))
		}
		if e.Weight != weights[k].Weight || weights[k].Width != WeightWidth(e.Weight) {
			t.Errorf("edge %d/%d/%d: weight %g, want %g", e.Layer, e.Node, e.From, e.Weight, weights[k].Weight)
		}
		if e.Selected != (e.Layer == 1 && e.From == 2) {
			t.Errorf("edge %d/%d/%d: Selected = %v", e.Layer, e.Node, e.From, e.Selected)
		}
	}
	if a := testing.AllocsPerRun(20, func() { g.Update(NewLayout(900, 640), s, -1) }); a != 0 {
		t.Errorf("Update in the gradients view allocates %v times", a)
	}
}

func TestPinAndShownNode(t *testing.T) {
	layers := []int{2, 4, 1}
	var ui UI
	steps := []struct {
		name   string
		do     func()
		l, j   int
		shown  bool
		pinned bool
	}{
		{"nothing", func() {}, 0, 0, false, false},
		{"pin h2", func() { ui.TogglePin(1, 1) }, 1, 1, true, true},
		{"hover x1 over the pin", func() { ui.Hover = Hover{Kind: HoverNode, Layer: 0, Node: 0} }, 0, 0, true, true},
		{"hover an edge", func() { ui.Hover = Hover{Kind: HoverEdge, Layer: 0, Node: 1, From: 1} }, 1, 1, true, true},
		{"pin ŷ", func() { ui.TogglePin(2, 0) }, 2, 0, true, true},
		{"unpin ŷ", func() { ui.TogglePin(2, 0) }, 0, 0, false, false},
	}
	for _, st := range steps {
		st.do()
		l, j, ok := ShownNode(&ui, layers)
		if ok != st.shown || ok && (l != st.l || j != st.j) || (ui.Pin.Kind == HoverNode) != st.pinned {
			t.Errorf("%s: shown %d/%d %v, pin %+v", st.name, l, j, ok, ui.Pin)
		}
	}
	ui.Pin = Hover{Kind: HoverNode, Layer: 1, Node: 7} // the network lost that node
	if _, _, ok := ShownNode(&ui, layers); ok {
		t.Errorf("a pin on a node the network lost is shown")
	}
	if k := NodeIndex(layers, 2, 0); k != 6 {
		t.Errorf("NodeIndex(ŷ) = %d, want 6", k)
	}
}

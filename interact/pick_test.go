package interact

import (
	"testing"

	"nnplay/session"
	"nnplay/view"
)

// TestPickOnTheNetwork clicks and taps edges, bias marks and nodes of the default 2-4-1
// network: an edge selects its weight, a bias mark its bias, a node pins and unpins it; a
// press that slides is no pick.
func TestPickOnTheNetwork(t *testing.T) {
	for _, touch := range []bool{false, true} {
		f := newFixture(t, "classification")
		var g view.NetGeom
		g.Update(f.ui.Layout, f.s, -1)
		click := func(ms int, x, y, dx float64) []op {
			return []op{ptr(PointerDown, touch, ms, 0, 0).px(x, y), ptr(PointerUp, touch, ms+80, 0, 0).px(x+dx, y)}
		}
		var edge view.EdgeGeom
		for _, e := range g.Edges {
			if e.Layer == 0 && e.Node == 2 && e.From == 1 {
				edge = e
			}
		}
		mid := func(e view.EdgeGeom) (float64, float64) { return (e.X0 + e.X1) / 2, (e.Y0 + e.Y1) / 2 }
		h3 := g.Nodes[view.NodeIndex(f.s.Network().Layers(), 1, 2)]
		b := h3.BiasTrack
		steps := []struct {
			name  string
			x, y  float64
			dx    float64
			param session.Param
			pin   view.Hover
		}{
			{"edge x2 → h3", 0, 0, 0, session.Param{L: 0, J: 2, I: 1}, view.Hover{}},
			{"bias of h3", b.X + b.W*0.8, b.Y + b.H/2, 0, session.Param{Bias: true, L: 0, J: 2}, view.Hover{}},
			{"node h3 pins", h3.X, h3.Y, 0, session.Param{Bias: true, L: 0, J: 2}, view.Hover{Kind: view.HoverNode, Layer: 1, Node: 2}},
			{"a slide from an edge", 0, 0, 40, session.Param{Bias: true, L: 0, J: 2}, view.Hover{Kind: view.HoverNode, Layer: 1, Node: 2}},
			{"node h3 again unpins", h3.X, h3.Y, 0, session.Param{Bias: true, L: 0, J: 2}, view.Hover{}},
		}
		for k, st := range steps {
			x, y := st.x, st.y
			if x == 0 {
				x, y = mid(edge)
			}
			f.run(t, click(1000*k, x, y, st.dx))
			if !f.ui.ParamChosen || f.ui.Param != st.param || f.ui.Pin != st.pin {
				t.Errorf("touch %v, %s: param %+v (chosen %v), pin %+v; want %+v, %+v", touch, st.name, f.ui.Param, f.ui.ParamChosen, f.ui.Pin, st.param, st.pin)
			}
		}
	}
}

// TestKeyPCyclesParameters walks the parameters with p and back with shift+p.
func TestKeyPCyclesParameters(t *testing.T) {
	f := newFixture(t, "classification")
	if f.ui.ParamChosen {
		t.Fatal("a parameter is chosen before any gesture")
	}
	// From the default (the output's first weight, W[1][0][0]) forward: W[1][0][1].
	f.run(t, []op{key(KeyP, 0)})
	if want := (session.Param{L: 1, J: 0, I: 1}); f.ui.Param != want {
		t.Fatalf("p: %+v, want %+v", f.ui.Param, want)
	}
	f.run(t, []op{key(KeyP, Shift), key(KeyP, Shift)})
	if want := (session.Param{Bias: true, L: 0, J: 3}); f.ui.Param != want {
		t.Errorf("shift+p twice: %+v, want %+v", f.ui.Param, want)
	}
}

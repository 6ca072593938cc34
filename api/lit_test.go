package api

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"nnplay/view"
)

// TestMathPaths: each element of the 2-4-1 network owns the numbers of math() the panel
// prints for it, and the paths name numbers math() has.
func TestMathPaths(t *testing.T) {
	p := newPlayground(t)
	numbers := map[string]bool{}
	leaves("", decodeMath(t, p), numbers)
	for _, tc := range []struct {
		name string
		h    view.Hover
		want []string
	}{
		{"edge h4 → ŷ", view.Hover{Kind: view.HoverEdge, Layer: 1, Node: 0, From: 3}, []string{"layers.1.W.0.3"}},
		{"edge x1 → h3", view.Hover{Kind: view.HoverEdge, Layer: 0, Node: 2, From: 0}, []string{"layers.0.W.2.0"}},
		{"bias of h2", view.Hover{Kind: view.HoverBias, Layer: 1, Node: 1}, []string{"layers.0.b.1"}},
		{"input x2", view.Hover{Kind: view.HoverNode, Layer: 0, Node: 1}, []string{"point.features.1"}},
		{"node h3", view.Hover{Kind: view.HoverNode, Layer: 1, Node: 2}, []string{"layers.0.z.2", "layers.0.a.2", "layers.0.delta.2"}},
		{"output ŷ", view.Hover{Kind: view.HoverNode, Layer: 2}, []string{"layers.1.z.0", "layers.1.a.0", "layers.1.delta.0", "yhat"}},
		{"no such edge", view.Hover{Kind: view.HoverEdge, Layer: 1, Node: 1}, nil},
		{"no bias on an input", view.Hover{Kind: view.HoverBias, Layer: 0}, nil},
		{"no such node", view.Hover{Kind: view.HoverNode, Layer: 1, Node: 4}, nil},
		{"a point", view.Hover{Kind: view.HoverPoint, Index: 3}, nil},
		{"nothing", view.Hover{}, nil},
	} {
		got := MathPaths(tc.h, p.S)
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: paths %q, want %q", tc.name, got, tc.want)
		}
		for _, path := range got {
			if !numbers[path] {
				t.Errorf("%s: math() has no number at %q", tc.name, path)
			}
		}
	}
}

// leaves adds to into the path of every number of v, math() decoded as JSON, under prefix.
func leaves(prefix string, v any, into map[string]bool) {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			leaves(prefix+k+".", e, into)
		}
	case []any:
		for i, e := range x {
			leaves(prefix+strconv.Itoa(i)+".", e, into)
		}
	case float64:
		into[strings.TrimSuffix(prefix, ".")] = true
	}
}

// TestPathHover: a panel number's path names its element (the inverse of MathPaths),
// a number of none names nothing, and a path the network has no element for is refused.
func TestPathHover(t *testing.T) {
	p := newPlayground(t)
	for _, tc := range []struct {
		path string
		want view.Hover
		err  string // part of the refusal, "" for none
	}{
		{"layers.1.W.0.3", view.Hover{Kind: view.HoverEdge, Layer: 1, Node: 0, From: 3}, ""},
		{"layers.0.W.2.1", view.Hover{Kind: view.HoverEdge, Layer: 0, Node: 2, From: 1}, ""},
		{"layers.0.b.3", view.Hover{Kind: view.HoverBias, Layer: 1, Node: 3}, ""},
		{"layers.0.delta.1", view.Hover{Kind: view.HoverNode, Layer: 1, Node: 1}, ""},
		{"point.features.0", view.Hover{Kind: view.HoverNode, Layer: 0, Node: 0}, ""},
		{"yhat", view.Hover{Kind: view.HoverNode, Layer: 2}, ""},
		{"loss", view.Hover{}, ""},
		{"selected.factors.2.value", view.Hover{}, ""},
		{"layers.0.meanGradB.1", view.Hover{}, ""},
		{"", view.Hover{}, ""},
		{"layers.2.W.0.0", view.Hover{}, "no weight layer 2"},
		{"layers.0.W.0.2", view.Hover{}, "not node 2"},
		{"layers.1.z.1", view.Hover{}, "not node 1"},
		{"point.features.2", view.Hover{}, "layer 0 has 2 nodes (0 to 1), not node 2"},
		{"layers.4.a.0", view.Hover{}, "no layer 5"},
		{"layers.x.a.0", view.Hover{}, `"x" is not an index`},
		{"layers.0.a.-1", view.Hover{}, `"-1" is not an index`},
	} {
		got, err := PathHover(tc.path, p.S)
		switch {
		case tc.err == "" && err != nil:
			t.Errorf("%q: refused: %v", tc.path, err)
		case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
			t.Errorf("%q: error %v, want one saying %q", tc.path, err, tc.err)
		case got != tc.want:
			t.Errorf("%q: %+v, want %+v", tc.path, got, tc.want)
		}
	}
}

// TestMathPathsBothWays: every node, edge and bias mark of the network comes back from
// each of its paths, and has at least one.
func TestMathPathsBothWays(t *testing.T) {
	p := newPlayground(t)
	layers := p.S.Network().Layers()
	var all []view.Hover
	for l, n := range layers {
		for j := range n {
			all = append(all, view.Hover{Kind: view.HoverNode, Layer: l, Node: j})
			if l > 0 {
				all = append(all, view.Hover{Kind: view.HoverBias, Layer: l, Node: j})
				for i := range layers[l-1] {
					all = append(all, view.Hover{Kind: view.HoverEdge, Layer: l - 1, Node: j, From: i})
				}
			}
		}
	}
	for _, h := range all {
		paths := MathPaths(h, p.S)
		if len(paths) == 0 {
			t.Errorf("%+v has no numbers", h)
		}
		for _, path := range paths {
			if back, err := PathHover(path, p.S); err != nil || back != h {
				t.Errorf("%+v: its number %q names %+v (%v)", h, path, back, err)
			}
		}
	}
}

// TestLightPath: a panel number under the mouse lights its element, which the page's status
// reports with its numbers and which counts as a change the page refreshes for; the pointer
// resting on another element wins; a refused path changes nothing.
func TestLightPath(t *testing.T) {
	c := newDragRun(t, `{"numPoints": 20}`).c
	edge := view.Hover{Kind: view.HoverEdge, Layer: 1, From: 3}
	rev := c.Revision()
	if err := c.API.LightPath("layers.1.W.0.3"); err != nil {
		t.Fatal(err)
	}
	c.NoteUI()
	if c.UI.Lit != edge || view.Highlighted(&c.UI) != edge {
		t.Errorf("lit %+v, highlighted %+v, want the edge h4 → ŷ", c.UI.Lit, view.Highlighted(&c.UI))
	}
	if got := c.API.Status().Lit; !slices.Equal(got, []string{"layers.1.W.0.3"}) {
		t.Errorf("status lit %q, want the edge's weight", got)
	}
	if c.Revision() == rev {
		t.Error("lighting an edge is no change the page refreshes for")
	}
	c.UI.Hover = view.Hover{Kind: view.HoverBias, Layer: 1, Node: 2}
	if got := c.API.Status().Lit; !slices.Equal(got, []string{"layers.0.b.2"}) {
		t.Errorf("with the pointer on h3's bias: status lit %q, want the bias", got)
	}
	c.UI.Hover = view.Hover{}
	if err := c.API.LightPath("layers.5.b.0"); err == nil || !strings.HasPrefix(err.Error(), "lightPath: ") {
		t.Errorf("a path past the network: error %v, want lightPath's refusal", err)
	}
	if c.UI.Lit != edge {
		t.Errorf("a refused path changed the lit element to %+v", c.UI.Lit)
	}
	if err := c.API.LightPath(""); err != nil || c.UI.Lit != (view.Hover{}) {
		t.Errorf("clearing: lit %+v, error %v", c.UI.Lit, err)
	}
	if got := c.API.Status().Lit; got == nil || len(got) != 0 {
		t.Errorf("nothing lit: status lit %q, want []", got)
	}
}

package view

import "testing"

// TestHighlighted: the network highlights the node, edge or bias mark the pointer rests on,
// else the one the maths panel lights; a point or a loss mark under the pointer leaves the
// panel's.
func TestHighlighted(t *testing.T) {
	edge := Hover{Kind: HoverEdge, Layer: 1, Node: 0, From: 3}
	node := Hover{Kind: HoverNode, Layer: 1, Node: 2}
	bias := Hover{Kind: HoverBias, Layer: 2}
	for _, tc := range []struct {
		name       string
		hover, lit Hover
		want       Hover
	}{
		{"nothing", Hover{}, Hover{}, Hover{}},
		{"the pointer on an edge", edge, Hover{}, edge},
		{"the panel lights a node", Hover{}, node, node},
		{"the pointer wins", bias, node, bias},
		{"a point under the pointer", Hover{Kind: HoverPoint, Index: 4}, edge, edge},
		{"a loss mark under the pointer", Hover{Kind: HoverLossMark}, Hover{}, Hover{}},
	} {
		ui := UI{Hover: tc.hover, Lit: tc.lit}
		if got := Highlighted(&ui); got != tc.want {
			t.Errorf("%s: highlighted %+v, want %+v", tc.name, got, tc.want)
		}
	}
}

package api

import (
	"fmt"
	"strconv"
	"strings"

	"nnplay/session"
	"nnplay/view"
)

// The maths panel's numbers and the network picture's elements they belong to, both ways:
// the page marks the numbers of the node, edge or bias mark the network highlights
// (Status.Lit), and the network highlights the element of the number the mouse rests on in
// the panel (LightPath). A number is named by its path in math() (web/mathml.js puts it on
// the number's <mn data-path>): "layers.0.W.2.1" is weights[0][2][1].

// nodePaths are the fields of math()'s layers that hold one number per node of the layer
// above: a node's z, a and δ.
var nodePaths = [...]string{"z", "a", "delta"}

// MathPaths returns the paths of math()'s numbers that belong to h on a network with the
// network of s: an edge's weight, a bias mark's bias, a node's z, a and δ (an input
// node's feature; the output node's ŷ too). It returns none for anything else or for an
// element the network does not have.
func MathPaths(h view.Hover, s *session.Session) []string {
	if checkHover(h, s) != nil {
		return nil
	}
	j := strconv.Itoa(h.Node)
	layer := "layers." + strconv.Itoa(h.Layer-1) + "."
	switch h.Kind {
	case view.HoverEdge:
		return []string{"layers." + strconv.Itoa(h.Layer) + ".W." + j + "." + strconv.Itoa(h.From)}
	case view.HoverBias:
		return []string{layer + "b." + j}
	case view.HoverNode:
		if h.Layer == 0 {
			return []string{"point.features." + j}
		}
		paths := make([]string, 0, len(nodePaths)+1)
		for _, f := range nodePaths {
			paths = append(paths, layer+f+"."+j)
		}
		if h.Layer == len(s.Network().Layers())-1 && h.Node == 0 {
			paths = append(paths, "yhat")
		}
		return paths
	}
	return nil
}

// PathHover returns the node, edge or bias mark of the network of s that the number at
// path belongs to: the inverse of MathPaths. A number that belongs to none ("loss",
// "selected.gradient", or "") gives Kind HoverNone; a path of a layer, weight or node the
// network does not have is refused.
func PathHover(path string, s *session.Session) (view.Hover, error) {
	f := strings.Split(path, ".")
	var h view.Hover
	var err error
	switch {
	case path == "yhat":
		h = view.Hover{Kind: view.HoverNode, Layer: len(s.Network().Layers()) - 1}
	case len(f) == 3 && f[0] == "point" && f[1] == "features":
		h.Kind = view.HoverNode
		h.Node, err = pathIndex(f[2], err)
	case len(f) >= 4 && f[0] == "layers":
		h, err = layerHover(f, err)
	}
	if err != nil {
		return view.Hover{}, fmt.Errorf("%q: %w", path, err)
	}
	if err := checkHover(h, s); err != nil {
		return view.Hover{}, fmt.Errorf("%q: %w", path, err)
	}
	return h, nil
}

// layerHover returns the element of the path f of one of math()'s layers
// (layers.k.W.j.i, layers.k.b.j, layers.k.z.j …); Kind HoverNone for another of its fields.
func layerHover(f []string, err error) (view.Hover, error) {
	var h view.Hover
	k, err := pathIndex(f[1], err)
	switch {
	case f[2] == "W" && len(f) == 5:
		h = view.Hover{Kind: view.HoverEdge, Layer: k}
		h.Node, err = pathIndex(f[3], err)
		h.From, err = pathIndex(f[4], err)
		return h, err
	case f[2] == "b" && len(f) == 4:
		h.Kind = view.HoverBias
	case len(f) == 4:
		for _, name := range nodePaths {
			if f[2] == name {
				h.Kind = view.HoverNode
			}
		}
	}
	if h.Kind == view.HoverNone {
		return h, err
	}
	h.Layer = k + 1
	h.Node, err = pathIndex(f[3], err)
	return h, err
}

// pathIndex reads an index of a path, unless err already says the path is wrong.
func pathIndex(s string, err error) (int, error) {
	if err != nil {
		return 0, err
	}
	n, e := strconv.Atoi(s)
	if e != nil || n < 0 {
		return 0, fmt.Errorf("%q is not an index", s)
	}
	return n, nil
}

// checkHover refuses a node, edge or bias mark that the network of s does not have;
// anything else passes.
func checkHover(h view.Hover, s *session.Session) error {
	layers := s.Network().Layers()
	switch h.Kind {
	case view.HoverNode:
		if h.Layer < 0 || h.Layer >= len(layers) {
			return fmt.Errorf("no layer %d: layers run from 0 to %d", h.Layer, len(layers)-1)
		}
		if n := layers[h.Layer]; h.Node < 0 || h.Node >= n {
			return fmt.Errorf("layer %d has %d nodes (0 to %d), not node %d", h.Layer, n, n-1, h.Node)
		}
	case view.HoverEdge:
		return s.CheckParam(session.Param{L: h.Layer, J: h.Node, I: h.From})
	case view.HoverBias:
		return s.CheckParam(session.Param{Bias: true, L: h.Layer - 1, J: h.Node})
	}
	return nil
}

// LightPath highlights in the network picture the node, edge or bias mark that the maths
// panel's number at path belongs to (see PathHover), as the mouse resting on it does; a
// number of none, or "", clears it. A path the network has no element for is refused and
// changes nothing.
func (p *Playground) LightPath(path string) error {
	h, err := PathHover(path, p.S)
	if err != nil {
		return fmt.Errorf("lightPath: %w", err)
	}
	p.UI.Lit = h
	return nil
}

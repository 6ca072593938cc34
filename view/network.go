package view

import (
	"image/color"
	"math"

	"nnplay/nn"
	"nnplay/session"
)

// Spacing of the network picture inside Layout.Network, in CSS px.
const (
	NetLabelW   = 56 // left of the input nodes, for the feature names
	NetRightW   = 22 // right of the output node, for "ŷ"
	NetLegendH  = 22 // above the nodes, for the legend row
	NetCaptionH = 18 // below the nodes, for a caption
	NodeGapMax  = 80 // the largest distance between the centres of two nodes of a layer
	NodeHalfMin = 5  // the smallest half side of a node
	NodeHalfMax = 22 // the largest half side of a node (its picture then has 2.2 px per cell)
	EdgeHitPx   = 4  // how far from an edge the pointer still hovers it
	BiasFull    = 1  // the bias magnitude at which a bias bar reaches its full length
	biasBarH    = 4  // the thickness of a bias bar
)

// NetArea returns the part of the network rectangle r where nodes and edges go: below the
// legend row, above the caption row, between the input names and the output's name.
func NetArea(r Rect) Rect {
	return Rect{r.X + NetLabelW, r.Y + NetLegendH, math.Max(r.W-NetLabelW-NetRightW, 0), math.Max(r.H-NetLegendH-NetCaptionH, 0)}
}

// NodeCenter returns the centre and half side of node j of layer l (0 is the input) of a
// network with the given layer sizes drawn in area (see NetArea): layers in evenly spaced
// columns, the nodes of each centred vertically, spaced and sized so that no two nodes touch
// and every node with its bias bar lies inside area.
func NodeCenter(area Rect, layers []int, l, j int) (x, y, half float64) {
	maxN := 1
	for _, n := range layers {
		maxN = max(maxN, n)
	}
	const biasRoom = biasBarH + 2 // below the lowest node
	h := math.Max(area.H-biasRoom, 0)
	// Rows: the nodes of the tallest layer, with half = 0.3·gap, span gap·(maxN − 0.4).
	gap := math.Min(h/(float64(maxN)-0.4), NodeGapMax)
	colGap := area.W
	if len(layers) > 1 {
		colGap = area.W / float64(len(layers)-1)
	}
	half = clamp(0.3*math.Min(gap, colGap), NodeHalfMin, NodeHalfMax)
	x = area.X + half
	if len(layers) > 1 {
		x += float64(l) * (area.W - 2*half) / float64(len(layers)-1)
	}
	y = area.Y + h/2 + (float64(j)-float64(layers[l]-1)/2)*gap
	return x, y, half
}

// edgeEnds returns the endpoints of the edge into node j of layer l+1 from node i of layer l:
// from the right side of the source to the left side of the target.
func edgeEnds(area Rect, layers []int, l, j, i int) (x0, y0, x1, y1 float64) {
	x0, y0, h0 := NodeCenter(area, layers, l, i)
	x1, y1, h1 := NodeCenter(area, layers, l+1, j)
	return x0 + h0, y0, x1 - h1, y1
}

// NodeGeom is one node as drawn: a square around (X, Y) with half side Half showing the node's
// output over the plane (NodePics), and for non-input nodes its bias as a bar below the
// square (from the centre to the right for positive, to the left for negative).
type NodeGeom struct {
	X, Y, Half  float64
	Layer, Node int        // Layer 0 is the input
	Bias        float64    // the bias (0 for inputs)
	BiasBar     Rect       // empty for inputs
	BiasTrack   Rect       // the bias mark the bar lies on, as wide as the node; empty for inputs
	BiasColor   color.RGBA // WeightColor of the bias
	Selected    bool       // the bias is the selected parameter (NetGeom.Param)
}

// PlaneAt returns where the plane's point (x, y) lies in the node's picture, CSS px: the
// picture shows the plane [session.Min, session.Max]² over the node's square, y up.
func (nd *NodeGeom) PlaneAt(x, y float64) (sx, sy float64) {
	const span = session.Max - session.Min
	return nd.X - nd.Half + (x-session.Min)/span*2*nd.Half, nd.Y - nd.Half + (session.Max-y)/span*2*nd.Half
}

// Beside and in a node, CSS px: an input's feature name ends inputNameGap left of its square
// and the output's ŷ starts outputNameGap right of it; the followed point's mark in a
// node's picture is a frame followOuter wide around one followInner wide.
const (
	inputNameGap  = 7
	outputNameGap = 6
	followOuter   = 8
	followInner   = 6
)

// NameX returns where the node's name is written on its centre line, CSS px: for an input
// (Layer 0) the right end of its feature's name, left of the square; for another node (the
// canvas names only the output, ŷ) the left end, right of the square.
func (nd *NodeGeom) NameX() float64 {
	if nd.Layer == 0 {
		return nd.X - nd.Half - inputNameGap
	}
	return nd.X + nd.Half + outputNameGap
}

// BiasZero returns the tick that marks a bias of 0 across the node's bias track, CSS px:
// 1 px wide at the node's centre, reaching 1 px beyond the track above and below.
func (nd *NodeGeom) BiasZero() Rect {
	b := nd.BiasTrack
	return Rect{nd.X - 0.5, b.Y - 1, 1, b.H + 2}
}

// FollowMark returns the two frames that mark the plane's point (x, y) in the node's
// picture, CSS px, both centred where PlaneAt puts it: outer (the canvas draws it in Paper)
// around inner (in Ink), so that the mark shows on any colour.
func (nd *NodeGeom) FollowMark(x, y float64) (outer, inner Rect) {
	cx, cy := nd.PlaneAt(x, y)
	return Rect{cx - followOuter/2, cy - followOuter/2, followOuter, followOuter},
		Rect{cx - followInner/2, cy - followInner/2, followInner, followInner}
}

// EdgeGeom is one edge as drawn: a line from (X0, Y0) to (X1, Y1) of weight W[Layer][Node][From].
type EdgeGeom struct {
	X0, Y0, X1, Y1    float64
	Layer, Node, From int
	Weight, Width     float64 // Width is WeightWidth(Weight) (GradWidth of the gradient in the gradients view), CSS px
	Grad              float64 // the mean gradient in the gradients view, else 0
	Color             color.RGBA
	Selected          bool // the weight is the selected parameter (NetGeom.Param)
}

// NetGeom is the picture of the network in Layout.Network: nodes and edges with their
// colours, and the followed point (see Followed) whose place each node's picture marks.
// Reuse one NetGeom across frames: after the first Update of a shape it allocates nothing.
//
// Set Param to the selected parameter (its edge or bias is marked Selected) and Grads to the
// training set's mean gradients (session.MeanGradients' layout) for the gradients view, or
// nil to show the weights, before Update.
type NetGeom struct {
	Area   Rect // NetArea of the layout's network rectangle
	Nodes  []NodeGeom
	Edges  []EdgeGeom
	Follow int // the followed point, -1 for none

	Param session.Param // the selected parameter
	Grads []float64     // the mean gradients the edges show, or nil for the weights
}

// Update lays out the network of s in l.Network and colours it, following the point follow
// (-1 for none; an index out of range follows none).
func (g *NetGeom) Update(l Layout, s *session.Session, follow int) {
	net := s.Network()
	layers := net.Layers()
	g.Area = NetArea(l.Network)
	g.Nodes, g.Edges = g.Nodes[:0], g.Edges[:0]
	g.Follow = -1
	if follow >= 0 && follow < len(s.Points()) {
		g.Follow = follow
	}
	for li, n := range layers {
		for j := 0; j < n; j++ {
			x, y, half := NodeCenter(g.Area, layers, li, j)
			nd := NodeGeom{X: x, Y: y, Half: half, Layer: li, Node: j}
			if li > 0 {
				nd.Bias = net.Bias(li-1, j)
				length := half * math.Min(math.Abs(nd.Bias)/BiasFull, 1)
				nd.BiasTrack = biasTrack(x, y, half)
				nd.BiasBar = Rect{x, nd.BiasTrack.Y, length, biasBarH}
				if nd.Bias < 0 {
					nd.BiasBar.X = x - length
				}
				nd.BiasColor = WeightColor(nd.Bias)
				nd.Selected = g.Param == session.Param{Bias: true, L: li - 1, J: j}
			}
			g.Nodes = append(g.Nodes, nd)
		}
	}
	grads := len(g.Grads) == len(net.Params())
	off := 0 // the first weight of layer li in the flat parameters
	for li := 0; li+1 < len(layers); li++ {
		for j := 0; j < layers[li+1]; j++ {
			for i := 0; i < layers[li]; i++ {
				w := net.Weight(li, j, i)
				x0, y0, x1, y1 := edgeEnds(g.Area, layers, li, j, i)
				e := EdgeGeom{
					X0: x0, Y0: y0, X1: x1, Y1: y1,
					Layer: li, Node: j, From: i,
					Weight: w, Width: WeightWidth(w), Color: WeightColor(w),
					Selected: g.Param == session.Param{L: li, J: j, I: i},
				}
				if grads {
					e.Grad = g.Grads[off+j*layers[li]+i]
					e.Width, e.Color = GradWidth(e.Grad), GradColor(e.Grad)
				}
				g.Edges = append(g.Edges, e)
			}
		}
		off += layers[li+1]*layers[li] + layers[li+1]
	}
}

// actShade maps the activation a of a node of layer l to [0, 1] for the colour scales
// (FieldColor in NodePics): 0.5 means neutral (white).
func actShade(net *nn.Network, l int, a float64, regression bool, lo, hi float64) float64 {
	switch {
	case l == 0:
		return 0.5 + 0.5*math.Tanh(a/3) // raw inputs span about ±6
	case l == len(net.Layers())-1 && regression:
		return (a - lo) / (hi - lo)
	}
	switch net.Activation(l) {
	case nn.Sigmoid:
		return a
	case nn.Tanh:
		return (a + 1) / 2
	default:
		return 0.5 + 0.5*math.Tanh(a)
	}
}

// HitNetwork returns the node or edge of the session's network under (sx, sy), CSS px on the
// canvas, as drawn by NetGeom in l: a node's square, else a node's bias mark (within 4 px above
// or below it), else a node within its square plus 3 px, else the nearest edge
// within EdgeHitPx (or half its width plus 2 px, if wider); HoverNone otherwise. It allocates
// nothing.
func HitNetwork(l Layout, s *session.Session, sx, sy float64) Hover {
	if !l.Network.Contains(sx, sy) {
		return Hover{}
	}
	net := s.Network()
	layers := net.Layers()
	area := NetArea(l.Network)
	if h, ok := hitNode(area, layers, sx, sy, 0); ok {
		return h
	}
	if h, ok := hitBias(area, layers, sx, sy); ok {
		return h
	}
	if h, ok := hitNode(area, layers, sx, sy, 3); ok {
		return h
	}
	best, bestD := Hover{}, math.Inf(1)
	for li := 0; li+1 < len(layers); li++ {
		for j := 0; j < layers[li+1]; j++ {
			for i := 0; i < layers[li]; i++ {
				x0, y0, x1, y1 := edgeEnds(area, layers, li, j, i)
				d := SegmentDistance(sx, sy, x0, y0, x1, y1)
				reach := math.Max(EdgeHitPx, WeightWidth(net.Weight(li, j, i))/2+2)
				if d <= reach && d < bestD {
					best, bestD = Hover{Kind: HoverEdge, Layer: li, Node: j, From: i}, d
				}
			}
		}
	}
	return best
}

// hitNode returns the node whose square, grown by slack CSS px, contains (sx, sy).
func hitNode(area Rect, layers []int, sx, sy, slack float64) (Hover, bool) {
	for li, n := range layers {
		for j := 0; j < n; j++ {
			x, y, half := NodeCenter(area, layers, li, j)
			if math.Abs(sx-x) <= half+slack && math.Abs(sy-y) <= half+slack {
				return Hover{Kind: HoverNode, Layer: li, Node: j}, true
			}
		}
	}
	return Hover{}, false
}

// SegmentDistance returns the distance from (px, py) to the segment from (x0, y0) to (x1, y1).
func SegmentDistance(px, py, x0, y0, x1, y1 float64) float64 {
	dx, dy := x1-x0, y1-y0
	t := 0.0
	if l2 := dx*dx + dy*dy; l2 > 0 {
		t = clamp(((px-x0)*dx+(py-y0)*dy)/l2, 0, 1)
	}
	return math.Hypot(px-(x0+t*dx), py-(y0+t*dy))
}

// featureLabels are the input features as the page writes them (the checkboxes' x₁², not
// the model file's x1^2), indexed by nn.Feature.
var featureLabels = [...]string{
	nn.X1: "x₁", nn.X2: "x₂", nn.X1Squared: "x₁²", nn.X2Squared: "x₂²",
	nn.X1TimesX2: "x₁x₂", nn.SinX1: "sin(x₁)", nn.SinX2: "sin(x₂)",
}

// AppendNodeName appends the name of node j of layer l of a network with the given layer
// sizes and input features: the feature's label for an input (x₁²), "ŷ" for the output (with several
// outputs "ŷ1", "ŷ2", …), "h3" for the third node of the only hidden layer, "h2.3" for the third
// node of the second of several.
func AppendNodeName(dst []byte, layers []int, fs []nn.Feature, l, j int) []byte {
	switch {
	case l == 0 && j < len(fs) && int(fs[j]) < len(featureLabels):
		return append(dst, featureLabels[fs[j]]...)
	case l == 0:
		dst = append(dst, 'x')
		return AppendInt(dst, j+1)
	case l == len(layers)-1:
		dst = append(dst, "ŷ"...)
		if layers[l] > 1 {
			dst = AppendInt(dst, j+1)
		}
		return dst
	case len(layers) == 3:
		dst = append(dst, 'h')
		return AppendInt(dst, j+1)
	}
	dst = append(dst, 'h')
	dst = AppendInt(dst, l)
	dst = append(dst, '.')
	return AppendInt(dst, j+1)
}

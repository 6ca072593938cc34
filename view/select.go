package view

import (
	"image/color"
	"math"

	"nnplay/session"
)

// The gradients view maps a mean gradient's magnitude on a log scale: GradLow and below is
// faint and thin, GradHigh and above full colour and MaxWeightWidth wide.
const (
	GradLow  = 1e-6
	GradHigh = 1e-1
)

// biasHitPx is how far above and below its bar a bias mark still takes the pointer.
const biasHitPx = 4

// GradShade returns where a gradient's magnitude lies on the gradients view's log scale:
// 0 at GradLow or below (or NaN), 1 at GradHigh or above.
func GradShade(g float64) float64 {
	a := math.Abs(g)
	if !(a > GradLow) {
		return 0
	}
	return clamp(math.Log10(a/GradLow)/math.Log10(GradHigh/GradLow), 0, 1)
}

// GradColor returns the colour of an edge whose mean gradient is g in the gradients view:
// orange for negative, blue for positive (as weights), faint grey for a vanishing gradient.
func GradColor(g float64) color.RGBA {
	c := Class1
	if g < 0 {
		c = Class0
	}
	return Lerp(NearZero, c, GradShade(g))
}

// GradWidth returns the stroke width (CSS px) of an edge of mean gradient g in the gradients
// view: MinWeightWidth for a vanishing gradient up to MaxWeightWidth at GradHigh.
func GradWidth(g float64) float64 {
	return MinWeightWidth + (MaxWeightWidth-MinWeightWidth)*GradShade(g)
}

// biasTrack returns the rectangle of the bias mark below a node centred at (x, y) with half
// side half: the track as wide as the node on which its bias bar lies.
func biasTrack(x, y, half float64) Rect {
	return Rect{x - half, y + half + 2, 2 * half, biasBarH}
}

// hitBias returns the node (Layer ≥ 1) whose bias mark lies under (sx, sy), within biasHitPx
// above or below it.
func hitBias(area Rect, layers []int, sx, sy float64) (Hover, bool) {
	for li := 1; li < len(layers); li++ {
		for j := 0; j < layers[li]; j++ {
			x, y, half := NodeCenter(area, layers, li, j)
			r := biasTrack(x, y, half)
			if sx >= r.X && sx <= r.X+r.W && sy >= r.Y-biasHitPx && sy <= r.Y+r.H+biasHitPx {
				return Hover{Kind: HoverBias, Layer: li, Node: j}, true
			}
		}
	}
	return Hover{}, false
}

// HoverParam returns the parameter a hovered edge or bias mark stands for (an edge: weight
// W[Layer][Node][From]; a bias mark of a node of layer l: the bias b[l−1][Node]), and false
// for anything else.
func HoverParam(h Hover) (session.Param, bool) {
	switch h.Kind {
	case HoverEdge:
		return session.Param{L: h.Layer, J: h.Node, I: h.From}, true
	case HoverBias:
		return session.Param{Bias: true, L: h.Layer - 1, J: h.Node}, true
	}
	return session.Param{}, false
}

// NextParam returns the parameter after p (before it, backward) in the model file's order
// for a network with the given layer sizes: layer by layer, each layer's weights row by row
// and then its biases, wrapping around. An invalid p starts from the first (forward) or the
// last (backward) parameter.
func NextParam(layers []int, p session.Param, forward bool) session.Param {
	n := 0
	for l := 0; l+1 < len(layers); l++ {
		n += layers[l+1]*layers[l] + layers[l+1]
	}
	if n == 0 {
		return p
	}
	k, ok := paramIndex(layers, p)
	switch {
	case !ok && forward:
		k = n - 1
	case !ok:
		k = 0
	}
	step := 1
	if !forward {
		step = n - 1
	}
	return paramAt(layers, (k+step)%n)
}

// paramIndex returns p's position in the model file's order, and false if layers have no p.
func paramIndex(layers []int, p session.Param) (int, bool) {
	if p.L < 0 || p.L+1 >= len(layers) || p.J < 0 || p.J >= layers[p.L+1] {
		return 0, false
	}
	if !p.Bias && (p.I < 0 || p.I >= layers[p.L]) {
		return 0, false
	}
	off := 0
	for l := 0; l < p.L; l++ {
		off += layers[l+1]*layers[l] + layers[l+1]
	}
	if p.Bias {
		return off + layers[p.L+1]*layers[p.L] + p.J, true
	}
	return off + p.J*layers[p.L] + p.I, true
}

// paramAt returns the parameter at position k (valid) of the model file's order.
func paramAt(layers []int, k int) session.Param {
	for l := 0; l+1 < len(layers); l++ {
		in, out := layers[l], layers[l+1]
		if k < in*out {
			return session.Param{L: l, J: k / in, I: k % in}
		}
		k -= in * out
		if k < out {
			return session.Param{Bias: true, L: l, J: k}
		}
		k -= out
	}
	return session.Param{}
}

// ShownNode returns the node whose output the plot shows instead of the network's: the
// hovered node, else the pinned one (if the network still has it); ok is false for none.
func ShownNode(ui *UI, layers []int) (l, j int, ok bool) {
	for _, h := range [...]Hover{ui.Hover, ui.Pin} {
		if h.Kind == HoverNode && h.Layer >= 0 && h.Layer < len(layers) && h.Node >= 0 && h.Node < layers[h.Layer] {
			return h.Layer, h.Node, true
		}
	}
	return 0, 0, false
}

// NodeIndex returns the position of node j of layer l in NetGeom.Nodes and the tiles of
// NodePics: layer by layer, inputs first.
func NodeIndex(layers []int, l, j int) int {
	k := j
	for _, n := range layers[:l] {
		k += n
	}
	return k
}

// TogglePin pins node (l, j) (layer 0 is the input), or unpins it when it is pinned.
func (ui *UI) TogglePin(l, j int) {
	if ui.Pin.Kind == HoverNode && ui.Pin.Layer == l && ui.Pin.Node == j {
		ui.Pin = Hover{}
		return
	}
	ui.Pin = Hover{Kind: HoverNode, Layer: l, Node: j}
}

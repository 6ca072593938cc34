package view

import (
	"nnplay/nn"
	"nnplay/session"
)

// The tooltip's box, in CSS px: TooltipH tall with the text TooltipPad from its left side,
// placed beside the pointer (see TooltipBox).
const (
	TooltipH   = 24
	TooltipPad = 6
	tipRight   = 14 // from the pointer to the box's left side
	tipBelow   = 16 // from the pointer to the box's top
	tipLeft    = 10 // flipped left: from the box's right side to the pointer
	tipAbove   = 12 // flipped up: from the box's bottom to the pointer
	tipEdge    = 2  // the least room between the box and the canvas's edge
)

// TooltipBox returns where the tooltip of a text textW CSS px wide is drawn for the pointer
// at (px, py): right of and below the pointer, flipped to its left when the box would reach
// within tipEdge of the canvas's right edge and above it near the bottom edge, and never
// closer than tipEdge to the left or top edge. The text goes TooltipPad inside its left side,
// vertically centred.
func TooltipBox(l Layout, px, py, textW float64) Rect {
	w := textW + 2*TooltipPad
	x, y := px+tipRight, py+tipBelow
	if x+w > l.Width-tipEdge {
		x = px - tipLeft - w
	}
	if y+TooltipH > l.Height-tipEdge {
		y = py - tipAbove - TooltipH
	}
	return Rect{max(x, tipEdge), max(y, tipEdge), w, TooltipH}
}

// shownNodeInset is how far the caption of the node the plot shows sits inside the plot's
// top-left corner, CSS px.
const shownNodeInset = 6

// ShownNodeBox returns the box of the caption that names the node whose picture the plot
// shows (ShownNode: "showing h2"), CSS px, in the plot's top-left corner, for a text textW
// wide. As in a tooltip's box, the text goes TooltipPad inside its left side, vertically
// centred.
func ShownNodeBox(l Layout, textW float64) Rect {
	return Rect{l.Plot.X + shownNodeInset, l.Plot.Y + shownNodeInset, textW + 2*TooltipPad, TooltipH}
}

// AppendShownTooltip appends the tooltip the canvas shows for s and ui now: the hovered
// thing's text (AppendTooltip, with the point Followed follows), or nothing while a point is
// dragged or just dropped (its label shows instead) or the long-press delete offer is open. It reads only s and ui, so a script's
// state() agrees with the canvas whether or not a frame was drawn since the last change. It
// allocates nothing when dst has room.
func AppendShownTooltip(dst []byte, s *session.Session, ui *UI) []byte {
	if ui.Menu >= 0 || LabeledPoint(ui, len(s.Points())) >= 0 {
		return dst
	}
	return AppendTooltip(dst, s, ui.Hover, Followed(ui, len(s.Points())))
}

// AppendTooltip appends the text shown for the hovered thing h: for an edge
// "w = −1.234 (h1 → ŷ)", for a bias mark "b = 0.100 (bias of h1)", for a node "h1: b = 0.100, a = 0.731" (the activation for the
// point follow, if it names one; an input shows its value "x1 = 2.30"), for a point
// "(1.23, −0.45) class 1, test" (regression: "value 0.42"), for a loss mark what changed
// "epoch 412: data set gauss → xor". HoverNone and stale indices
// append nothing. It runs the network forward for a node's activation, and allocates nothing
// when dst has room.
func AppendTooltip(dst []byte, s *session.Session, h Hover, follow int) []byte {
	net := s.Network()
	layers := net.Layers()
	fs := s.Features()
	switch h.Kind {
	case HoverEdge:
		if h.Layer < 0 || h.Layer+1 >= len(layers) || h.Node < 0 || h.Node >= layers[h.Layer+1] || h.From < 0 || h.From >= layers[h.Layer] {
			return dst
		}
		dst = append(dst, "w = "...)
		dst = AppendFixed(dst, net.Weight(h.Layer, h.Node, h.From), 3)
		dst = append(dst, " ("...)
		dst = AppendNodeName(dst, layers, fs, h.Layer, h.From)
		dst = append(dst, " → "...)
		dst = AppendNodeName(dst, layers, fs, h.Layer+1, h.Node)
		return append(dst, ')')
	case HoverNode:
		if h.Layer < 0 || h.Layer >= len(layers) || h.Node < 0 || h.Node >= layers[h.Layer] {
			return dst
		}
		dst = AppendNodeName(dst, layers, fs, h.Layer, h.Node)
		act, ok := activation(s, follow, h.Layer, h.Node)
		if h.Layer == 0 {
			if ok {
				dst = append(dst, " = "...)
				dst = AppendFixed(dst, act, 2)
			}
			return dst
		}
		dst = append(dst, ": b = "...)
		dst = AppendFixed(dst, net.Bias(h.Layer-1, h.Node), 3)
		if ok {
			dst = append(dst, ", a = "...)
			dst = AppendFixed(dst, act, 3)
		}
		return dst
	case HoverBias:
		if h.Layer < 1 || h.Layer >= len(layers) || h.Node < 0 || h.Node >= layers[h.Layer] {
			return dst
		}
		dst = append(dst, "b = "...)
		dst = AppendFixed(dst, net.Bias(h.Layer-1, h.Node), 3)
		dst = append(dst, " (bias of "...)
		dst = AppendNodeName(dst, layers, fs, h.Layer, h.Node)
		return append(dst, ')')
	case HoverPoint:
		return appendPoint(dst, s, h.Index)
	case HoverLossMark:
		hist := s.History()
		if h.Index < 0 || h.Index >= hist.Marks() {
			return dst
		}
		m := hist.Mark(h.Index)
		dst = AppendInt(append(dst, "epoch "...), m.Epoch)
		return append(append(dst, ": "...), m.Text...)
	}
	return dst
}

// appendPoint appends point i's tooltip, or nothing for a stale index.
func appendPoint(dst []byte, s *session.Session, i int) []byte {
	pts := s.Points()
	if i < 0 || i >= len(pts) {
		return dst
	}
	p := pts[i]
	dst = append(dst, '(')
	dst = AppendFixed(dst, p.X, 2)
	dst = append(dst, ", "...)
	dst = AppendFixed(dst, p.Y, 2)
	if Regression(s) {
		dst = append(dst, ") value "...)
		dst = AppendSig(dst, p.Label, 3)
	} else {
		dst = append(dst, ") class "...)
		dst = AppendInt(dst, int(p.Label))
	}
	if p.Test {
		dst = append(dst, ", test"...)
	}
	return dst
}

// activation returns the activation of node j of layer l (0 is the input) for point follow,
// by a forward pass of the network now, and false when follow names no point.
func activation(s *session.Session, follow, l, j int) (float64, bool) {
	pts := s.Points()
	if follow < 0 || follow >= len(pts) {
		return 0, false
	}
	fs := s.Features()
	var buf [8]float64 // room for every feature: a network takes each at most once
	in := buf[:len(fs)]
	nn.ApplyFeatures(in, fs, pts[follow].X, pts[follow].Y)
	net := s.Network()
	net.Forward(in)
	return net.Activations(l)[j], true
}

package view

import (
	"nnplay/nn"
	"nnplay/session"
)

// The label beside a held or just dropped point, in CSS px: LabelH tall, the text LabelPad
// inside its left side, labelGap right of and above the point's centre (flipped left or
// below near the canvas's edges).
const (
	LabelH   = 22
	LabelPad = 6
	labelGap = 10
)

// LabeledPoint returns the point whose label shows: the one being dragged, or the one just
// dropped, or -1.
func LabeledPoint(ui *UI, n int) int {
	switch {
	case ui.Dragging >= 0 && ui.Dragging < n:
		return ui.Dragging
	case ui.Dropped && ui.Selected >= 0 && ui.Selected < n:
		return ui.Selected
	}
	return -1
}

// AppendPointLabel appends the label of the held or just dropped point: the network's
// output under it and the point's own loss, "ŷ = 0.734 · loss 0.071" (the squared error the
// loss curves average), or nothing when no point is held or just dropped. It allocates
// nothing when dst has room.
func AppendPointLabel(dst []byte, s *session.Session, ui *UI) []byte {
	pts := s.Points()
	i := LabeledPoint(ui, len(pts))
	if i < 0 {
		return dst
	}
	p := pts[i]
	y := s.Predict(p.X, p.Y)
	dst = append(dst, "ŷ = "...)
	dst = AppendFixed(dst, y, 3)
	dst = append(dst, " · loss "...)
	return AppendFixed(dst, nn.Loss(y, p.Label), 3)
}

// PointLabelBox returns where the label of point i, its text textW CSS px wide, is drawn:
// right of and above the point, flipped to its left or below it when it would leave the
// canvas.
func PointLabelBox(l Layout, p session.Point, textW float64) Rect {
	sx, sy := l.ToScreen(p.X, p.Y)
	w := textW + 2*LabelPad
	x, y := sx+labelGap, sy-labelGap-LabelH
	if x+w > l.Width-tipEdge {
		x = sx - labelGap - w
	}
	if y < tipEdge {
		y = sy + labelGap
	}
	return Rect{max(x, tipEdge), y, w, LabelH}
}

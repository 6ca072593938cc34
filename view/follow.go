package view

import "nnplay/session"

// MathPoint returns the point the maths follow: the followed point (see Followed), else the
// first training point, else the first point the view shows, else -1.
func MathPoint(ui *UI, s *session.Session) int {
	pts, v := s.Points(), s.View()
	if i := Followed(ui, len(pts)); i >= 0 {
		return i
	}
	first := -1
	for i := range pts {
		if !pts[i].Test {
			return i
		}
		if first < 0 && v.Shows(pts[i]) {
			first = i
		}
	}
	return first
}

// SelectedParam returns the parameter the maths follow: the selected one while the network
// still has it, else the session's default (an output weight).
func SelectedParam(ui *UI, s *session.Session) session.Param {
	if ui.ParamChosen && s.CheckParam(ui.Param) == nil {
		return ui.Param
	}
	return s.DefaultParam()
}

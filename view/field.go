package view

import "nnplay/session"

// Field is the network's output sampled on a W×H grid over the plane (row 0 at the top,
// y = session.Max; column 0 at the left, x = session.Min; samples at cell centres) and its
// colours as RGBA bytes. The zero value is unusable; use NewField.
type Field struct {
	W, H   int
	Values []float64 // W*H outputs, row-major
	Pix    []byte    // W*H*4 RGBA, premultiplied alpha
	Lo, Hi float64   // the value range mapped to the colour scale: 0 and 1 for classification
}

// NewField allocates a field of w×h samples.
func NewField(w, h int) *Field { panic("unimplemented") }

// Compute samples the session's network at every grid cell and colours Pix (regression uses
// the range of the data's labels as its scale). With contour, pixels the 0.5 level (for
// regression the scale's middle) crosses are drawn dark. It allocates nothing.
func (f *Field) Compute(s *session.Session, contour bool) { panic("unimplemented") }

// Segment is a line segment in plane coordinates.
type Segment struct{ X0, Y0, X1, Y1 float64 }

// Contour appends to dst the segments of the level line Values = level (marching squares) in
// plane coordinates and returns it; with dst of enough capacity it allocates nothing.
func (f *Field) Contour(dst []Segment, level float64) []Segment { panic("unimplemented") }

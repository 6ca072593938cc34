package view

// Rect is a rectangle in canvas CSS pixels.
type Rect struct{ X, Y, W, H float64 }

// Contains reports whether (x, y) lies in r.
func (r Rect) Contains(x, y float64) bool {
	return x >= r.X && x < r.X+r.W && y >= r.Y && y < r.Y+r.H
}

// Layout places the pictures on a canvas of Width×Height CSS pixels: the data plot (square,
// the plane [-6, 6]²), the network and the loss curves. On a narrow canvas (a phone) the plot
// comes first at full width with the network and loss below it.
type Layout struct {
	Width, Height float64
	Plot          Rect // the plane, square
	Network       Rect
	Loss          Rect
	Phone         bool
}

// NewLayout lays out a canvas of w×h CSS pixels.
func NewLayout(w, h float64) Layout { panic("unimplemented") }

// ToScreen maps a point of the plane to canvas CSS pixels.
func (l Layout) ToScreen(x, y float64) (sx, sy float64) { panic("unimplemented") }

// ToPlane maps canvas CSS pixels to the plane (not clamped).
func (l Layout) ToPlane(sx, sy float64) (x, y float64) { panic("unimplemented") }

package view

import (
	"image"
	"image/color"

	"nnplay/session"
)

// Thumbnail draws points on a size×size picture of the plane [-6, 6]²: white, each point a
// 3×3 dot in its class's colour (regression: its value on the class scale, over the labels'
// range), later points on top. It is the data set picker's picture of a data set.
func Thumbnail(pts []session.Point, regression bool, size int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, size, size))
	for i := range img.Pix {
		img.Pix[i] = 0xff
	}
	lo, hi := RegressionScale(pts)
	const span = session.Max - session.Min
	for _, p := range pts {
		c := Class1
		switch {
		case regression && hi > lo:
			c = ValueColor((p.Label - lo) / (hi - lo))
		case regression:
			c = ValueColor(0.5)
		case p.Label < 0.5:
			c = Class0
		}
		x := int((p.X - session.Min) / span * float64(size))
		y := int((session.Max - p.Y) / span * float64(size))
		for dy := -1; dy <= 1; dy++ {
			for dx := -1; dx <= 1; dx++ {
				if image.Pt(x+dx, y+dy).In(img.Rect) {
					img.SetRGBA(x+dx, y+dy, color.RGBA(c))
				}
			}
		}
	}
	return img
}

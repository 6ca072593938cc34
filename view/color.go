package view

import "image/color"

// The class colours, distinguishable for the common colour-vision deficiencies.
var (
	Class0 = color.RGBA{0xe8, 0x71, 0x0a, 0xff} // orange, label 0, filled circle
	Class1 = color.RGBA{0x1a, 0x73, 0xe8, 0xff} // blue, label 1, filled triangle
)

// FieldColor returns the colour of the field where the network outputs v: white at 0.5,
// fading to Class0 at 0 and Class1 at 1 (v is clamped to [0, 1]). For regression pass v already
// mapped to [0, 1] by the field's scale.
func FieldColor(v float64) color.RGBA { panic("unimplemented") }

// WeightColor returns the colour of an edge of weight w: orange for negative, blue for
// positive, faint grey near zero.
func WeightColor(w float64) color.RGBA { panic("unimplemented") }

// WeightWidth returns the stroke width (in CSS px) of an edge of weight w: ∝ |w|, clamped.
func WeightWidth(w float64) float64 { panic("unimplemented") }

package view

import (
	"image/color"
	"math"
)

// The class colours, distinguishable for the common colour-vision deficiencies.
var (
	Class0 = color.RGBA{0xe8, 0x71, 0x0a, 0xff} // orange, label 0, filled circle
	Class1 = color.RGBA{0x1a, 0x73, 0xe8, 0xff} // blue, label 1, filled triangle
)

// Other colours of the pictures.
var (
	Ink         = color.RGBA{0x20, 0x21, 0x24, 0xff} // text, outlines, the contour
	FaintInk    = color.RGBA{0x5f, 0x63, 0x68, 0xff} // axes, secondary text
	NearZero    = color.RGBA{0xcc, 0xcc, 0xcc, 0xff} // an edge of weight near 0
	Selection   = color.RGBA{0x93, 0x34, 0xe6, 0xff} // the selected parameter's edge or bias mark
	Paper       = color.RGBA{0xff, 0xff, 0xff, 0xff} // the canvas background
	TestColor   = color.RGBA{0x9a, 0x4f, 0xd0, 0xff} // the test-loss curve
	LossMarkInk = color.RGBA{0x80, 0x86, 0x8b, 0xff} // a loss mark's line: a change at that epoch
)

// ContourInk is the colour of the field's middle contour (the decision boundary): Ink a
// little lighter.
var ContourInk = Lerp(Ink, Paper, 0.2)

// FieldSaturation is how far the field goes toward a class colour at full confidence: the
// field stays partly white so points on it remain readable.
const FieldSaturation = 0.6

// FieldColor returns the opaque colour of the field where the network outputs v, exactly as it
// appears on screen. With t = v clamped to [0, 1], a = FieldSaturation·|2t − 1| and C = Class0
// for t < 0.5, else Class1, each channel is round(255·(1 − a) + C·a): white at 0.5, 60% of
// the way to Class0 at 0 and to Class1 at 1. NaN gives white. For regression pass v already
// mapped to [0, 1] by the field's scale.
func FieldColor(v float64) color.RGBA {
	if math.IsNaN(v) {
		return Paper
	}
	v = clamp(v, 0, 1)
	c := Class1
	if v < 0.5 {
		c = Class0
	}
	a := FieldSaturation * math.Abs(2*v-1)
	return color.RGBA{mix(0xff, c.R, a), mix(0xff, c.G, a), mix(0xff, c.B, a), 0xff}
}

// mix returns round(x·(1 − a) + y·a) for channels x and y.
func mix(x, y uint8, a float64) uint8 {
	return uint8(float64(x)*(1-a) + float64(y)*a + 0.5)
}

// Lerp returns the colour a of the way from c0 to c1 (a clamped to [0, 1]).
func Lerp(c0, c1 color.RGBA, a float64) color.RGBA {
	a = clamp(a, 0, 1)
	return color.RGBA{mix(c0.R, c1.R, a), mix(c0.G, c1.G, a), mix(c0.B, c1.B, a), mix(c0.A, c1.A, a)}
}

// ValueColor returns the saturated colour of a value t in [0, 1] on the class scale: Class0
// at 0, white at 0.5, Class1 at 1 (regression points).
func ValueColor(t float64) color.RGBA {
	if math.IsNaN(t) {
		return Paper
	}
	t = clamp(t, 0, 1)
	if t < 0.5 {
		return Lerp(Class0, Paper, 2*t)
	}
	return Lerp(Paper, Class1, 2*t-1)
}

// WeightFull is the weight magnitude at which an edge reaches its full colour.
const WeightFull = 1.5

// WeightColor returns the colour of an edge of weight w: orange for negative, blue for
// positive, faint grey near zero, reaching the full class colour at |w| ≥ WeightFull.
func WeightColor(w float64) color.RGBA {
	if math.IsNaN(w) {
		return NearZero
	}
	c := Class1
	if w < 0 {
		c = Class0
	}
	return Lerp(NearZero, c, math.Abs(w)/WeightFull)
}

// Edge widths in CSS px.
const (
	MinWeightWidth = 0.75
	MaxWeightWidth = 7
)

// WeightWidth returns the stroke width (in CSS px) of an edge of weight w: ∝ |w|, clamped:
// MinWeightWidth + 1.5·|w|, at most MaxWeightWidth.
func WeightWidth(w float64) float64 {
	if math.IsNaN(w) {
		return MinWeightWidth
	}
	return clamp(MinWeightWidth+1.5*math.Abs(w), MinWeightWidth, MaxWeightWidth)
}

// clamp limits v to [lo, hi]; NaN gives lo.
func clamp(v, lo, hi float64) float64 {
	if !(v >= lo) {
		return lo
	}
	if v > hi {
		return hi
	}
	return v
}

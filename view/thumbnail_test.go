package view

import (
	"image/color"
	"testing"

	"nnplay/session"
)

// TestThumbnail: each point shows in its class's colour where it lies; the rest is white.
func TestThumbnail(t *testing.T) {
	pts := []session.Point{{X: -3, Y: 3, Label: 0}, {X: 3, Y: -3, Label: 1}}
	img := Thumbnail(pts, false, 48)
	for _, tc := range []struct {
		x, y int
		want color.RGBA
	}{{12, 12, Class0}, {36, 36, Class1}, {36, 12, Paper}, {0, 47, Paper}} {
		if got := img.RGBAAt(tc.x, tc.y); got != tc.want {
			t.Errorf("at (%d, %d): %v, want %v", tc.x, tc.y, got, tc.want)
		}
	}
	reg := Thumbnail([]session.Point{{X: -3, Y: 3, Label: -2}, {X: 3, Y: -3, Label: 2}}, true, 48)
	if got, want := reg.RGBAAt(12, 12), ValueColor(0); got != want {
		t.Errorf("regression, the lowest value: %v, want %v", got, want)
	}
	if got, want := reg.RGBAAt(36, 36), ValueColor(1); got != want {
		t.Errorf("regression, the highest value: %v, want %v", got, want)
	}
}

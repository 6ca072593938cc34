package view_test

import (
	"fmt"
	"image/color"

	"nnplay/session"
	"nnplay/view"
)

// The field's colour: white at the boundary, 60% of the way to a class colour at full
// confidence.
func ExampleFieldColor() {
	fmt.Println(view.FieldColor(0), view.FieldColor(0.5), view.FieldColor(1))
	// Output: {241 170 108 255} {255 255 255 255} {118 171 241 255}
}

// A desktop canvas: the plot on the left, the network and the loss curves beside it; plane
// and canvas coordinates convert both ways.
func ExampleNewLayout() {
	l := view.NewLayout(900, 640)
	fmt.Printf("plot %+v phone %v\n", l.Plot, l.Phone)
	x, y := l.ToScreen(0, 6)
	fmt.Println(x, y)
	fmt.Println(l.ToPlane(x, y))
	// Output:
	// plot {X:30 Y:8 W:562 H:562} phone false
	// 311 8
	// 0 6
}

// Numbers for the screen, appended to a reused buffer: a typographic minus, thousands
// separators, and a dash instead of NaN.
func ExampleAppendFixed() {
	buf := make([]byte, 0, 64)
	buf = view.AppendFixed(buf, -1.2345, 3)
	buf = append(buf, "  "...)
	buf = view.AppendInt(buf, 12480)
	buf = append(buf, "  "...)
	buf = view.AppendLoss(buf, 0, false)
	fmt.Println(string(buf))
	// Output: −1.234  12,480  –
}

// Picking the point under the pointer.
func ExampleHitPointWithin() {
	l := view.NewLayout(900, 640)
	pts := []session.Point{{X: 1, Y: 1}, {X: -3, Y: 2}}
	sx, sy := l.ToScreen(-3, 2)
	fmt.Println(view.HitPointWithin(l, pts, sx+5, sy-5, view.HitRadius, false), view.HitPointWithin(l, pts, 10, 10, view.HitRadius, false))
	// Output: 1 -1
}

// The saved picture of a playground's plot: 876×856 pixels, the plot 800×800 inside the
// axes; a point's mark is drawn in its class colour where PictureLayout puts it.
func ExamplePicture() {
	s, err := session.New(session.DefaultSettings())
	if err != nil {
		panic(err)
	}
	if err := s.SetData([]session.Point{{X: -3, Y: 2, Label: 0}, {X: 3, Y: -2, Label: 1}}); err != nil {
		panic(err)
	}
	img := view.Picture(s)
	l := view.PictureLayout()
	at := func(x, y float64) color.RGBA {
		sx, sy := l.ToScreen(x, y)
		return img.RGBAAt(int(sx*view.PictureScale), int(sy*view.PictureScale))
	}
	fmt.Println(img.Bounds().Dx(), img.Bounds().Dy(), l.Plot)
	fmt.Println(at(-3, 2) == view.Class0, at(3, -2) == view.Class1)
	// Output:
	// 876 856 {30 8 400 400}
	// true true
}

//go:build !(js && wasm)

package soak

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"math"
	"os"

	"nnplay/internal/browser"
	"nnplay/session"
	"nnplay/view"
)

// checked are the buttons whose result the soak checks, by their id: pressed by these
// instead of a plain press.
var checked = map[string]func(r *runner) (threw, skip bool, err error){
	"save-picture": (*runner).savePicture,
}

// savePicture presses "save picture" as a plain press does (pressElement), with the browser's
// downloads going to a directory of their own, waits for nnplay.png there and checks it
// against the shadow (checkPicture).
func (r *runner) savePicture() (threw, skip bool, err error) {
	dir, err := os.MkdirTemp(r.dir, "picture-")
	if err != nil {
		return false, false, err
	}
	if err := r.tab.SaveDownloadsTo(dir); err != nil {
		return false, false, err
	}
	return r.pressElement("#save-picture", func() error {
		file, err := browser.WaitForFile(dir, "nnplay.png", PageAnswer)
		if err != nil {
			return err
		}
		return checkPicture(file, r.sh.s)
	})
}

// checkPicture checks a saved picture against the shadow s: a PNG file of the picture's size
// (view.PictureLayout at view.PictureScale) in which every training point with no other
// point within 0.6 plane units (20 CSS px of the picture: its mark alone there) has its
// colour at its centre (view.PointColor, within 1 of 255). The page held the shadow's points
// after the last action, and saving changes none. A test point's hollow mark shows the field
// at its centre, so test points are not looked at.
func checkPicture(file []byte, s *session.Session) error {
	img, err := png.Decode(bytes.NewReader(file))
	if err != nil {
		return fmt.Errorf("nnplay.png (%d bytes) is not a PNG file: %w", len(file), err)
	}
	l := view.PictureLayout()
	const k = view.PictureScale
	if b := img.Bounds(); b != image.Rect(0, 0, int(l.Width*k), int(l.Height*k)) {
		return fmt.Errorf("nnplay.png is %v, want %v×%v", b, l.Width*k, l.Height*k)
	}
	pts := s.Points()
	regression := s.Settings().Problem == session.Regression
	lo, hi := view.RegressionScale(pts)
	for i, p := range pts {
		if p.Test || crowded(pts, i, 0.6) {
			continue
		}
		tint := view.PointColor(p, regression, lo, hi)
		want := [3]float64{math.Round(float64(tint[0]) * 255), math.Round(float64(tint[1]) * 255), math.Round(float64(tint[2]) * 255)}
		sx, sy := l.ToScreen(p.X, p.Y)
		r, g, b, _ := img.At(int(sx*k), int(sy*k)).RGBA()
		got := [3]uint32{r >> 8, g >> 8, b >> 8}
		for ch, v := range got {
			if math.Abs(float64(v)-want[ch]) > 1 {
				return fmt.Errorf("nnplay.png shows point %d (%.3f, %.3f, label %v) as %v at its centre, want its colour %v",
					i, p.X, p.Y, p.Label, got, want)
			}
		}
	}
	return nil
}

// crowded reports whether another point lies within d plane units of point i.
func crowded(pts []session.Point, i int, d float64) bool {
	for j, q := range pts {
		if j != i && math.Hypot(q.X-pts[i].X, q.Y-pts[i].Y) < d {
			return true
		}
	}
	return false
}

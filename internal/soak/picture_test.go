//go:build !(js && wasm)

package soak

import (
	"bytes"
	"image"
	"image/png"
	"strings"
	"testing"

	"nnplay/session"
	"nnplay/view"
)

// TestCheckPicture: checkPicture takes the picture of the shadow's own state, and refuses
// one whose point is drawn elsewhere, one of another size and a file that is not a PNG.
func TestCheckPicture(t *testing.T) {
	for _, settings := range []string{"classification", "regression"} {
		sh := newShadow()
		if settings == "regression" {
			p, err := session.ParsePatch([]byte(`{"problem": "regression"}`))
			if err == nil {
				err = sh.s.Configure(p)
			}
			if err != nil {
				t.Fatal(err)
			}
		}
		file, err := view.PicturePNG(sh.s)
		if err != nil {
			t.Fatal(err)
		}
		if err := checkPicture(file, sh.s); err != nil {
			t.Errorf("%s: the shadow's own picture: %v", settings, err)
		}
		i := -1
		for j, p := range sh.s.Points() {
			if !p.Test && !crowded(sh.s.Points(), j, 0.6) {
				i = j
				break
			}
		}
		if i < 0 {
			t.Fatalf("%s: no training point alone", settings)
		}
		x, y := freeSpot(t, sh.s.Points())
		if err := sh.s.MovePoint(i, x, y); err != nil {
			t.Fatal(err)
		}
		if err := checkPicture(file, sh.s); err == nil || !strings.Contains(err.Error(), "shows point") {
			t.Errorf("%s: a picture from before point %d moved: %v, want it refused", settings, i, err)
		}
	}
	s := newShadow().s
	for _, bad := range [][]byte{[]byte("not a png"), pngOf(t, 10, 10)} {
		if err := checkPicture(bad, s); err == nil {
			t.Errorf("checkPicture took a %d-byte file that is not the picture", len(bad))
		}
	}
}

// pngOf returns a transparent w×h PNG file.
func pngOf(t *testing.T, w, h int) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewRGBA(image.Rect(0, 0, w, h))); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// freeSpot returns a place of the plane at least a unit from every point.
func freeSpot(t *testing.T, pts []session.Point) (x, y float64) {
	t.Helper()
	for _, c := range [][2]float64{{4, -4}, {-4, 4}, {4, 4}, {-4, -4}, {0, 5}, {5, 0}, {0, -5}, {-5, 0}} {
		if !crowded(append([]session.Point{{X: c[0], Y: c[1]}}, pts...), 0, 1) {
			return c[0], c[1]
		}
	}
	t.Fatal("no free place")
	return 0, 0
}

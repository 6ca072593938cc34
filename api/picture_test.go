package api

import (
	"bytes"
	"image"
	"image/png"
	"testing"

	"nnplay/view"
)

// TestPicture: picture() is a PNG file of view.Picture's pixels, of the session as the calls
// left it: a view setting changed by configure changes it.
func TestPicture(t *testing.T) {
	p := newPlayground(t)
	decode := func() *image.RGBA {
		t.Helper()
		file, err := p.Picture()
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(bytes.NewReader(file))
		if err != nil {
			t.Fatalf("picture() is not a PNG file: %v", err)
		}
		rgba := image.NewRGBA(img.Bounds())
		for y := img.Bounds().Min.Y; y < img.Bounds().Max.Y; y++ {
			for x := img.Bounds().Min.X; x < img.Bounds().Max.X; x++ {
				rgba.Set(x, y, img.At(x, y))
			}
		}
		return rgba
	}
	shown := decode()
	if want := view.Picture(p.S); !bytes.Equal(shown.Pix, want.Pix) || shown.Rect != want.Rect {
		t.Fatalf("picture() decodes to a %v image unlike view.Picture's %v", shown.Rect, want.Rect)
	}
	if err := p.Configure([]byte(`{"showTestData": false}`)); err != nil {
		t.Fatal(err)
	}
	if hidden := decode(); bytes.Equal(shown.Pix, hidden.Pix) {
		t.Errorf("hiding the test data left the picture as it was")
	}
}

// TestPictureJob: the job draws the picture of the playground as it was when the job
// started, though the playground trains and its points move while it runs.
func TestPictureJob(t *testing.T) {
	p := newPlayground(t)
	want := view.Picture(p.S)
	j := p.PictureJob()
	for steps := 0; !j.Step(200); steps++ {
		if steps == 1000 {
			t.Fatal("the job has not finished after 1,000 steps: it follows the playground's training")
		}
		if _, err := p.S.Step(5); err != nil {
			t.Fatal(err)
		}
		if err := p.S.MovePoint(0, 4, 4); err != nil {
			t.Fatal(err)
		}
	}
	if bytes.Equal(view.Picture(p.S).Pix, want.Pix) {
		t.Fatal("training and the moved point did not change the picture: the test tells nothing")
	}
	if got := j.Image(); !bytes.Equal(got.Pix, want.Pix) {
		t.Error("the job's picture follows the playground's changes after it started")
	}
}

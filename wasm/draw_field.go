//go:build js && wasm

package main

import (
	"github.com/hajimehoshi/ebiten/v2"

	"nnplay/view"
)

// fieldImages holds the images of the plot's fields (view.PlotField shows a full-resolution
// field and, for a costly network, a coarser live one): one image per resolution, rewritten
// when the field shown or its pixels changed.
type fieldImages struct {
	full, coarse fieldImage
}

// fieldImage is an image of a view.FieldPicture at the revision it was written at.
type fieldImage struct {
	img *ebiten.Image
	pic *view.FieldPicture
	rev uint64
}

// image returns the image of f, written from its pixels if they changed since.
func (fi *fieldImages) image(f *view.FieldPicture) *ebiten.Image {
	im := &fi.coarse
	if f.Field.W == view.BrowserFieldSide {
		im = &fi.full
	}
	w := f.Field.W + 2 // with the border
	if im.img == nil || im.img.Bounds().Dx() != w {
		if im.img != nil {
			im.img.Deallocate()
		}
		im.img = ebiten.NewImage(w, f.Field.H+2)
		im.pic = nil
	}
	if im.pic != f || im.rev != f.Rev {
		im.img.WritePixels(f.Padded)
		im.pic, im.rev = f, f.Rev
	}
	return im.img
}

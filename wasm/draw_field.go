//go:build js && wasm

package main

import (
	"github.com/hajimehoshi/ebiten/v2"

	"nnplay/session"
	"nnplay/view"
)

// fieldPic is a field with its image (with a border of repeated edge pixels, so that linear
// filtering clamps at the edges instead of fading) and its middle contour.
type fieldPic struct {
	f       *view.Field
	img     *ebiten.Image
	padded  []byte
	contour []view.Segment
}

// newFieldPic allocates a side×side field picture.
func newFieldPic(side int) *fieldPic {
	return &fieldPic{
		f:       view.NewField(side, side),
		img:     ebiten.NewImage(side+2, side+2),
		contour: make([]view.Segment, 0, 4*side),
	}
}

// refresh brings at most rows stale rows of the field up to date (coloured discretely or not)
// and, if any changed, its image and contour.
func (fp *fieldPic) refresh(s *session.Session, discrete bool, rows int) {
	fp.f.Discrete = discrete
	if !fp.f.RefreshRows(s, false, rows) {
		return
	}
	fp.padded = fp.f.PaddedPix(fp.padded)
	fp.img.WritePixels(fp.padded)
	fp.contour = fp.f.Contour(fp.contour[:0], fp.f.Level())
}

// fields chooses and refreshes the field the plot shows. A live field whose resolution suits
// the network's cost (view.FieldSide: the full fieldSide for the default network, coarser for
// costly ones) is refreshed whole every frame, so the picture and its contour always show one
// set of weights. Paused, a full-resolution still field
// is computed over the next frames (four budgets a frame: no training runs then); it is shown
// once complete. For the default network both are one field.
type fields struct {
	live, still *fieldPic
	shown       *fieldPic
}

// update refreshes the fields for this frame and picks the one to show.
func (fs *fields) update(s *session.Session, discrete bool) {
	cost := view.CellCost(s.Network(), s.Features())
	side := view.FieldSide(cost, fieldBudget, fieldSide)
	if fs.still == nil {
		fs.still = newFieldPic(fieldSide)
	}
	if side == fieldSide {
		fs.live = fs.still
	} else if fs.live == nil || fs.live.f.W != side {
		if fs.live != nil && fs.live != fs.still {
			fs.live.img.Deallocate()
		}
		fs.live = newFieldPic(side)
	}
	running := s.Running()
	fs.live.refresh(s, discrete, side)
	fs.shown = fs.live
	if fs.live == fs.still || running {
		return
	}
	rows := int(4 * fieldBudget / (fieldSide * cost))
	fs.still.refresh(s, discrete, min(max(rows, 1), fieldSide))
	if fs.still.f.Current() {
		fs.shown = fs.still
	}
}

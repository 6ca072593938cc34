package api

import (
	"fmt"

	"nnplay/view"
)

// Picture returns the plot as a PNG file for slides (view.PicturePNG): the field, its
// contour, the points as the view shows them and the axes, drawn in Go from the session,
// 876×856 pixels with the plot 800×800; not read back from the screen.
func (p *Playground) Picture() ([]byte, error) {
	file, err := view.PicturePNG(p.S)
	if err != nil {
		return nil, fmt.Errorf("picture: %w", err)
	}
	return file, nil
}

// PictureJob starts drawing the picture Picture encodes, in pieces (view.PictureJob), of a
// copy of the session as it is now (session.Session.Copy): training and edits while the job
// runs change the playground, not the picture.
func (p *Playground) PictureJob() *view.PictureJob { return view.NewPictureJob(p.S.Copy()) }

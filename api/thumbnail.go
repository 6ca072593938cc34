package api

import (
	"bytes"
	"encoding/base64"
	"image/png"

	"nnplay/session"
	"nnplay/view"
)

// Thumbnail settings: how many points, and how many pixels a side, the picker's pictures of
// the data sets show (drawn from the real generators, without noise, data seed 1).
const (
	ThumbnailPoints = 300
	ThumbnailSize   = 56
)

// thumbnailURL returns the picture of data set name as a PNG data URL
// (data:image/png;base64,…), or "" if it cannot be generated.
func thumbnailURL(name string) string {
	pts, err := session.Generate(name, ThumbnailPoints, 0, 1, 0.1) // test points show as the others do
	if err != nil {
		return ""
	}
	problem, _ := session.DatasetProblem(name)
	var buf bytes.Buffer
	if err := png.Encode(&buf, view.Thumbnail(pts, problem == session.Regression, ThumbnailSize)); err != nil {
		return ""
	}
	return "data:image/png;base64," + base64.StdEncoding.EncodeToString(buf.Bytes())
}

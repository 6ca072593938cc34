//go:build js && wasm

package main

import (
	"bytes"
	"image/color"
	"unsafe"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
)

// Text sizes in CSS px.
const (
	smallText = 12 // tick labels, node names
	bodyText  = 13 // the metrics line, tooltips, buttons
)

// fonts holds the Go Regular faces at the current device scale.
type fonts struct {
	scale       float64
	small, body *text.GoXFace
}

// goRegular is the parsed Go Regular font.
var goRegular *opentype.Font

// faceAt returns Go Regular at size device pixels.
func faceAt(size float64) *text.GoXFace {
	if goRegular == nil {
		f, err := opentype.Parse(goregular.TTF)
		if err != nil {
			panic("draw: parsing Go Regular: " + err.Error())
		}
		goRegular = f
	}
	face, err := opentype.NewFace(goRegular, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingVertical})
	if err != nil {
		panic("draw: making a face: " + err.Error())
	}
	return text.NewGoXFace(face)
}

// at makes sure the faces suit the device scale k (rebuilt only when it changes).
func (f *fonts) at(k float64) {
	if f.small != nil && f.scale == k {
		return
	}
	f.scale = k
	f.small = faceAt(smallText * k)
	f.body = faceAt(bodyText * k)
}

// label is a text that changes from frame to frame (a loss, an epoch, a tooltip). Its string
// is a view of its own byte buffer (unsafe.String), not a copy, so changing it allocates
// nothing. That is safe because the buffer is only rewritten by set, in prepare, and every
// string of it handed out before is dropped at the start of prepare (the text items are
// rebuilt there) and never kept elsewhere: text/v2's GoXFace caches glyphs by rune, not by
// string.
type label struct {
	b []byte
	s string
	w float64 // advance in device px with the face it was measured with
	f *text.GoXFace
}

// set makes the label read b in face f and returns its string, valid until the next set.
func (l *label) set(b []byte, f *text.GoXFace) string {
	if l.f == f && bytes.Equal(b, l.b) {
		return l.s
	}
	l.b = append(l.b[:0], b...)
	l.s = ""
	if len(l.b) > 0 {
		l.s = unsafe.String(&l.b[0], len(l.b))
	}
	l.f = f
	l.w = text.Advance(l.s, f)
	return l.s
}

// textItem is one text to draw at (x, y), device pixels, aligned as given.
type textItem struct {
	s      string
	x, y   float64
	face   *text.GoXFace
	c      color.RGBA
	hAlign text.Align
}

// texts is a reusable list of text items and the scratch for drawing them.
type texts struct {
	items  []textItem
	glyphs []text.Glyph
	op     ebiten.DrawImageOptions
	lay    text.LayoutOptions
}

// add queues s at (x, y), vertically centred there, horizontally aligned by h.
func (t *texts) add(s string, x, y float64, f *text.GoXFace, c color.RGBA, h text.Align) {
	if s == "" {
		return
	}
	t.items = append(t.items, textItem{s: s, x: x, y: y, face: f, c: c, hAlign: h})
}

// draw renders the queued texts onto dst.
func (t *texts) draw(dst *ebiten.Image) {
	for i := range t.items {
		it := &t.items[i]
		t.lay.PrimaryAlign, t.lay.SecondaryAlign = it.hAlign, text.AlignCenter
		t.glyphs = text.AppendGlyphs(t.glyphs[:0], it.s, it.face, &t.lay)
		t.op.ColorScale.Reset()
		// Scale takes premultiplied values; the colours here are opaque. (ScaleWithColor
		// would box the colour in an interface, an allocation per text per frame.)
		t.op.ColorScale.Scale(float32(it.c.R)/255, float32(it.c.G)/255, float32(it.c.B)/255, 1)
		for _, g := range t.glyphs {
			if g.Image == nil {
				continue
			}
			t.op.GeoM.Reset()
			t.op.GeoM.Translate(g.X+float64(int(it.x+0.5)), g.Y+float64(int(it.y+0.5)))
			dst.DrawImage(g.Image, &t.op)
		}
	}
}

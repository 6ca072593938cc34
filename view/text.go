package view

import (
	"image"
	"image/draw"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// TextFace is one of the sizes the pictures' texts come in.
type TextFace uint8

// The text faces: Go Regular at SmallText or BodyText CSS px.
const (
	Small TextFace = iota // tick labels, node names, the legend
	Body                  // the metrics line, tooltips, buttons
	faces
)

// Text sizes in CSS px.
const (
	SmallText = 12
	BodyText  = 13
)

// Align places a text horizontally on its anchor: its left end, its centre or its right end.
type Align uint8

// The horizontal alignments.
const (
	AlignStart Align = iota
	AlignCenter
	AlignEnd
)

// Glyph is one glyph to draw: the atlas rectangle (SrcX, SrcY, W, H) copied to (X, Y), all in
// device pixels.
type Glyph struct{ X, Y, SrcX, SrcY, W, H float64 }

// Glyphs draws Go Regular at a device scale the way Ebiten's text/v2 GoXFace does (kerning,
// advances in 26.6 fixed point, glyph origins in eighths of a pixel for small faces, glyphs
// on whole pixels), but into one atlas of plain bytes: Append lays a text out as Glyph
// rectangles over Pix, rasterising each glyph the first time it is used, so that a browser
// draws every text of a frame in one call from one texture. Pix is white with the glyphs'
// coverage in every channel (premultiplied alpha), to be tinted by the text's colour; Rev
// counts its changes. After every glyph a frame uses has been seen, Append and Advance
// allocate nothing.
type Glyphs struct {
	Scale float64
	W, H  int
	Pix   []byte
	Rev   uint64

	faces  [faces]font.Face
	metric [faces]font.Metrics
	step   [faces]fixed.Int26_6     // the granularity of glyph origins
	cache  map[uint64]glyphRect     // by glyphKey
	ascii  [faces][128]runeMetrics  // the metrics of the ASCII runes met so far
	runes  map[uint64]runeMetrics   // the metrics of other runes, by runeKey
	kerns  map[uint64]fixed.Int26_6 // the kerning of pairs of runes, by kernKey
	x, y   int                      // the shelf packer's cursor
	rowH   int                      // the current shelf's height
}

// glyphKey is a glyph as rasterised: rune r of face f at horizontal subpixel offset xoff
// (0 to 63), as one number (a map with such keys hashes fast).
func glyphKey(f TextFace, r rune, xoff fixed.Int26_6) uint64 {
	return uint64(f)<<40 | uint64(r)<<8 | uint64(xoff)
}

// runeKey names a rune of a face; kernKey a pair of them (runes have 21 bits).
func runeKey(f TextFace, r rune) uint64    { return uint64(f)<<32 | uint64(r) }
func kernKey(f TextFace, a, b rune) uint64 { return uint64(f)<<60 | uint64(a)<<30 | uint64(b) }

// runeMetrics are a rune's glyph bounds and advances (GlyphBounds' and GlyphAdvance's), read
// from the font once: the font parses the glyph at every call.
type runeMetrics struct {
	bounds    fixed.Rectangle26_6
	boundsAdv fixed.Int26_6
	advance   fixed.Int26_6
	known     bool
}

// glyphRect is where a glyph lies in the atlas (empty for blank glyphs).
type glyphRect struct{ x, y, w, h int }

// atlasW is the width of the glyph atlas; it grows in height as glyphs arrive.
const atlasW = 512

// goRegular is the parsed Go Regular font, shared by every Glyphs.
var goRegular = mustParse(goregular.TTF)

func mustParse(ttf []byte) *opentype.Font {
	f, err := opentype.Parse(ttf)
	if err != nil {
		panic("view: parsing Go Regular: " + err.Error())
	}
	return f
}

// NewGlyphs returns an empty atlas for texts drawn at the device scale k (device pixels per
// CSS pixel).
func NewGlyphs(k float64) *Glyphs {
	g := &Glyphs{Scale: k, W: atlasW, H: 64, cache: map[uint64]glyphRect{},
		runes: map[uint64]runeMetrics{}, kerns: map[uint64]fixed.Int26_6{}}
	g.Pix = make([]byte, 4*g.W*g.H)
	for f, size := range [faces]float64{SmallText, BodyText} {
		face, err := opentype.NewFace(goRegular, &opentype.FaceOptions{Size: size * k, DPI: 72, Hinting: font.HintingVertical})
		if err != nil {
			panic("view: making a face: " + err.Error())
		}
		g.faces[f], g.metric[f] = face, face.Metrics()
		// As text/v2: 8 origins per pixel below 20 px of ascent and descent, fewer above.
		variants := fixed.Int26_6(1)
		switch s := g.metric[f].Ascent + g.metric[f].Descent; {
		case s < 20<<6:
			variants = 8
		case s < 40<<6:
			variants = 4
		case s < 80<<6:
			variants = 2
		}
		g.step[f] = 64 / variants
	}
	return g
}

// Advance returns the width of s in face f, device pixels (as font.MeasureString measures it).
func (g *Glyphs) Advance(f TextFace, s string) float64 {
	var adv fixed.Int26_6
	prev := rune(-1)
	for _, r := range s {
		if prev >= 0 {
			adv += g.kern(f, prev, r)
		}
		adv += g.rune(f, r).advance
		prev = r
	}
	return float64(adv) / 64
}

// rune returns the metrics of rune r in face f.
func (g *Glyphs) rune(f TextFace, r rune) runeMetrics {
	if r >= 0 && r < 128 && g.ascii[f][r].known {
		return g.ascii[f][r]
	}
	k := runeKey(f, r)
	m, ok := g.runes[k]
	if !ok {
		m.bounds, m.boundsAdv, _ = g.faces[f].GlyphBounds(r)
		m.advance, _ = g.faces[f].GlyphAdvance(r)
		m.known = true
		if r >= 0 && r < 128 {
			g.ascii[f][r] = m
		} else {
			g.runes[k] = m
		}
	}
	return m
}

// kern returns the kerning between runes a and b in face f.
func (g *Glyphs) kern(f TextFace, a, b rune) fixed.Int26_6 {
	k := kernKey(f, a, b)
	v, ok := g.kerns[k]
	if !ok {
		v = g.faces[f].Kern(a, b)
		g.kerns[k] = v
	}
	return v
}

// Append appends the glyphs of s in face f anchored at (x, y), device pixels: vertically
// centred on y, horizontally aligned on x as a says. The anchor is rounded to whole pixels
// first, as Ebiten's text drawing does.
func (g *Glyphs) Append(dst []Glyph, f TextFace, s string, x, y float64, a Align) []Glyph {
	if s == "" {
		return dst
	}
	m := g.metric[f]
	ascent, descent := float64(m.Ascent)/64, float64(m.Descent)/64
	ox := 0.0
	switch a {
	case AlignCenter:
		ox = -g.Advance(f, s) / 2
	case AlignEnd:
		ox = -g.Advance(f, s)
	}
	x0, y0 := float64(int(x+0.5)), float64(int(y+0.5))
	origin := fixed.Point26_6{X: fixed.Int26_6(ox * 64), Y: fixed.Int26_6((ascent - (ascent+descent)/2) * 64)}
	prev := rune(-1)
	for _, r := range s {
		if prev >= 0 {
			origin.X += g.kern(f, prev, r)
		}
		rm := g.rune(f, r)
		b, adv := rm.bounds, rm.boundsAdv
		ux := origin.X / g.step[f] * g.step[f]
		uy := origin.Y &^ 63
		gr := g.glyph(f, r, (ux+b.Min.X)&63, b)
		if gr.w > 0 {
			dst = append(dst, Glyph{
				X: x0 + float64((ux + b.Min.X).Floor()), Y: y0 + float64((uy + b.Min.Y).Floor()),
				SrcX: float64(gr.x), SrcY: float64(gr.y), W: float64(gr.w), H: float64(gr.h),
			})
		}
		origin.X += adv
		prev = r
	}
	return dst
}

// glyph returns where rune r of face f at subpixel offset xoff (of bounds b) lies in the
// atlas, rasterising it on first use as text/v2 does: a white glyph on an image one pixel
// larger than its bounds, drawn with its subpixel offset.
func (g *Glyphs) glyph(f TextFace, r rune, xoff fixed.Int26_6, b fixed.Rectangle26_6) glyphRect {
	k := glyphKey(f, r, xoff)
	if gr, ok := g.cache[k]; ok {
		return gr
	}
	w, h := (b.Max.X - b.Min.X).Ceil(), (b.Max.Y - b.Min.Y).Ceil()
	if w == 0 || h == 0 {
		g.cache[k] = glyphRect{}
		return glyphRect{}
	}
	w, h = w+1, h+1
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	d := font.Drawer{Dst: img, Src: image.White, Face: g.faces[f],
		Dot: fixed.Point26_6{X: -b.Min.X + xoff, Y: -b.Min.Y + b.Min.Y&63}}
	d.DrawString(string(r))
	gr := g.place(w, h)
	draw.Draw(g.image(), image.Rect(gr.x, gr.y, gr.x+w, gr.y+h), img, image.Point{}, draw.Src)
	g.cache[k] = gr
	g.Rev++
	return gr
}

// place reserves a w×h rectangle with a pixel of space around it (so that filtering never
// mixes two glyphs), growing the atlas when it is full.
func (g *Glyphs) place(w, h int) glyphRect {
	if g.x+w+1 > g.W {
		g.x, g.y, g.rowH = 0, g.y+g.rowH+1, 0
	}
	for g.y+h+1 > g.H {
		pix := make([]byte, 4*g.W*2*g.H)
		copy(pix, g.Pix)
		g.Pix, g.H = pix, 2*g.H
	}
	gr := glyphRect{g.x + 1, g.y + 1, w, h}
	g.x += w + 1
	g.rowH = max(g.rowH, h+1)
	return gr
}

// image returns the atlas as an image over Pix.
func (g *Glyphs) image() *image.RGBA {
	return &image.RGBA{Pix: g.Pix, Stride: 4 * g.W, Rect: image.Rect(0, 0, g.W, g.H)}
}

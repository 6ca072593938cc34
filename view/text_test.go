package view

import (
	"math"
	"testing"
)

// TestGlyphsLayout: a text's glyphs run left to right from its anchor, span its advance,
// align on the anchor as asked and sit vertically centred on it, at whole pixels.
func TestGlyphsLayout(t *testing.T) {
	for _, k := range []float64{1, 2} {
		g := NewGlyphs(k)
		for _, f := range []TextFace{Small, Body} {
			const s = "train 0.031 · ŷ"
			adv := g.Advance(f, s)
			if adv < 3*k*float64(len([]rune(s))) || adv > 12*k*float64(len([]rune(s))) {
				t.Fatalf("scale %v face %d: advance %v of %q is implausible", k, f, adv, s)
			}
			for _, tc := range []struct {
				a    Align
				left float64 // where the text's advance starts, relative to the anchor
			}{{AlignStart, 0}, {AlignCenter, -adv / 2}, {AlignEnd, -adv}} {
				const x, y = 100.4, 50.6
				gs := g.Append(nil, f, s, x, y, tc.a)
				if len(gs) != len([]rune(s))-3 { // the spaces draw nothing
					t.Fatalf("scale %v face %d align %d: %d glyphs for %q", k, f, tc.a, len(gs), s)
				}
				lo, hi := math.Inf(1), math.Inf(-1)
				top, bottom := math.Inf(1), math.Inf(-1)
				for i, q := range gs {
					if q.X != math.Trunc(q.X) || q.Y != math.Trunc(q.Y) {
						t.Errorf("glyph %d at (%v, %v), not on whole pixels", i, q.X, q.Y)
					}
					if i > 0 && q.X <= gs[i-1].X {
						t.Errorf("glyph %d at x %v, not right of glyph %d at %v", i, q.X, i-1, gs[i-1].X)
					}
					lo, hi = min(lo, q.X), max(hi, q.X+q.W)
					top, bottom = min(top, q.Y), max(bottom, q.Y+q.H)
				}
				start := math.Trunc(x+0.5) + tc.left
				if math.Abs(lo-start) > 2*k || math.Abs(hi-(start+adv)) > 3*k {
					t.Errorf("scale %v face %d align %d: ink spans [%v, %v], the advance [%v, %v]", k, f, tc.a, lo, hi, start, start+adv)
				}
				if mid := (top + bottom) / 2; math.Abs(mid-math.Trunc(y+0.5)) > 2*k {
					t.Errorf("scale %v face %d align %d: ink from %v to %v, not centred on %v", k, f, tc.a, top, bottom, y)
				}
			}
		}
	}
}

// TestGlyphsAtlas: every glyph is white with its coverage in every channel, inside the atlas,
// apart from the others; the atlas grows to hold many glyphs and keeps those it had; laying
// out known glyphs again changes nothing and allocates nothing.
func TestGlyphsAtlas(t *testing.T) {
	g := NewGlyphs(3)
	var all []Glyph
	for r := '!'; r <= '~'; r++ { // every printable ASCII glyph, in both faces
		for _, f := range []TextFace{Small, Body} {
			all = g.Append(all, f, string(r), 10, 10, AlignStart)
		}
	}
	if g.H <= 64 {
		t.Errorf("the atlas stayed %d px tall for %d glyphs", g.H, len(all))
	}
	for i, q := range all {
		if q.SrcX < 1 || q.SrcY < 1 || q.SrcX+q.W > float64(g.W) || q.SrcY+q.H > float64(g.H) {
			t.Fatalf("glyph %d %+v leaves the %d×%d atlas", i, q, g.W, g.H)
		}
		ink := 0
		for y := int(q.SrcY); y < int(q.SrcY+q.H); y++ {
			for x := int(q.SrcX); x < int(q.SrcX+q.W); x++ {
				p := g.Pix[4*(y*g.W+x):]
				if p[0] != p[3] || p[1] != p[3] || p[2] != p[3] {
					t.Fatalf("glyph %d: pixel (%d, %d) = %v, not white with coverage", i, x, y, p[:4])
				}
				if p[3] > 0 {
					ink++
				}
			}
		}
		if ink == 0 {
			t.Errorf("glyph %d %+v has no ink", i, q)
		}
	}
	rects := map[[2]float64]Glyph{}
	for _, q := range all {
		rects[[2]float64{q.SrcX, q.SrcY}] = q
	}
	for a, qa := range rects {
		for b, qb := range rects {
			if a != b && qa.SrcX < qb.SrcX+qb.W+1 && qb.SrcX < qa.SrcX+qa.W+1 && qa.SrcY < qb.SrcY+qb.H+1 && qb.SrcY < qa.SrcY+qa.H+1 {
				t.Fatalf("glyphs at %v and %v touch in the atlas", a, b)
			}
		}
	}
	rev, buf := g.Rev, make([]Glyph, 0, 64)
	again := func() {
		buf = g.Append(buf[:0], Body, "loss 0.031", 10, 10, AlignStart)
		_ = g.Advance(Small, "epochs")
	}
	again()
	rev = g.Rev
	if a := testing.AllocsPerRun(20, again); a != 0 {
		t.Errorf("laying out known glyphs allocates %v times, want 0", a)
	}
	if g.Rev != rev {
		t.Error("laying out known glyphs changed the atlas")
	}
}

// BenchmarkGlyphs lays out the texts of a frame: the axes' labels, the legend, the node
// names, the metrics line and the loss panel's ticks (about 200 glyphs).
func BenchmarkGlyphs(b *testing.B) {
	g := NewGlyphs(1)
	texts := []string{"−6", "−3", "0", "3", "6", "−6", "−3", "0", "3", "6", "class 0", "class 1", "test",
		"x1", "x2", "ŷ", "nodes show their output over the plane", "train 0.031", "test 0.044", "acc 98%",
		"0.5", "0.25", "0", "0", "12,480", "epochs · log loss"}
	buf := make([]Glyph, 0, 64)
	b.ReportAllocs()
	for b.Loop() {
		for i, s := range texts {
			buf = g.Append(buf[:0], TextFace(i%2), s, 100, 100, Align(i%3))
		}
	}
}

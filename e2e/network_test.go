//go:build !(js && wasm)

package e2e

import (
	"image/color"
	"math"
	"testing"

	"nnplay/nn"
	"nnplay/view"
)

// TestNodePictures: every node of the network shows its output over the plane, as in
// TensorFlow Playground: the screenshot inside each node's square matches the node's
// activation, computed here with nn from the loaded model, coloured as view.NodePics
// documents (sigmoid nodes FieldColor(a), inputs FieldColor(0.5 + 0.5·tanh(v/3))) and sampled
// as the GPU does (bilinear between the NodeSide² cell centres).
func TestNodePictures(t *testing.T) {
	p := openPaused(t)
	m := hoverModel
	p.do("loadModel", m)
	p.setData([]Point{{X: -2, Y: -3, Label: 1}})
	p.frames(4)
	checkNodes(t, p, m)
	client, area := netGeometry(t, p)

	// Resting the mouse on the point (−2, −3) marks where it lies in every node's picture:
	// a small dark square a third of the way from the left, a quarter from the bottom.
	if err := p.tab.Hover(p.toScreen(-2, -3)); err != nil {
		t.Fatal(err)
	}
	img, png, err := p.tab.Screenshot()
	if err != nil {
		t.Fatal(err)
	}
	for l, size := range m.Layers {
		for j := range size {
			x, y, half := view.NodeCenter(area, m.Layers, l, j)
			at := client(x-half+2*half*4/12, y+half-2*half*3/12)
			left := rgb(img.At(int(math.Floor(at.X-2.5)), int(math.Floor(at.Y))))
			if math.Max(left[0], math.Max(left[1], left[2])) >= 0x60 {
				t.Errorf("node %d/%d: no mark of the hovered point at %v (the mark's left side shows %v)", l, j, at, left)
				saveShot(t, "nodes-mark.png", png)
			}
		}
	}
}

// checkNodes compares the screenshot inside each node's square with the node's activation
// over the plane, computed with nn from m (the model p shows), coloured as view.NodePics
// documents and sampled bilinearly between the NodeSide² cell centres, as the GPU does.
func checkNodes(t *testing.T, p *page, m Model) {
	t.Helper()
	client, area := netGeometry(t, p)
	net, fs, err := m.Network()
	if err != nil {
		t.Fatal(err)
	}
	in := make([]float64, len(fs))
	// texel returns the colour of cell (r, c) of node j of layer l.
	texel := func(l, j, r, c int) [3]float64 {
		step := 12.0 / view.NodeSide
		nn.ApplyFeatures(in, fs, -6+(float64(c)+0.5)*step, 6-(float64(r)+0.5)*step)
		net.Forward(in)
		a := net.Activations(l)[j]
		shade := a
		if l == 0 {
			shade = 0.5 + 0.5*math.Tanh(a/3)
		}
		col := view.FieldColor(shade)
		return [3]float64{float64(col.R), float64(col.G), float64(col.B)}
	}
	img, png, err := p.tab.Screenshot()
	if err != nil {
		t.Fatal(err)
	}
	compared, worst := 0, 0.0
	for l, size := range m.Layers {
		for j := range size {
			x, y, half := view.NodeCenter(area, m.Layers, l, j)
			tl := client(x-half, y-half)
			// Pixels of the inner square, 2 px from its edges, 6 columns by 6 rows.
			for a := range 6 {
				for b := range 6 {
					px := int(math.Floor(tl.X + 2 + float64(a)*(2*half-5)/5))
					py := int(math.Floor(tl.Y + 2 + float64(b)*(2*half-5)/5))
					// Texel coordinates of the pixel's centre; texel i's centre is at i.
					u := (float64(px)+0.5-tl.X)/(2*half)*view.NodeSide - 0.5
					v := (float64(py)+0.5-tl.Y)/(2*half)*view.NodeSide - 0.5
					want := bilinear(u, v, func(r, c int) [3]float64 { return texel(l, j, r, c) })
					got := rgb(img.At(px, py))
					d := 0.0
					for k := range got {
						d = math.Max(d, math.Abs(got[k]-want[k]))
					}
					worst = math.Max(worst, d)
					compared++
					if d > 4 {
						t.Errorf("node %d/%d at client (%d, %d): %v, want %v (off by %.1f > 4)", l, j, px, py, got, want, d)
					}
				}
			}
		}
	}
	t.Logf("compared %d pixels in the nodes; largest channel difference %.1f", compared, worst)
	if t.Failed() {
		saveShot(t, "nodes-mismatch.png", png)
	}

}

// bilinear interpolates texel colours at texel coordinates (u, v), clamped to the texels as
// the picture's border does.
func bilinear(u, v float64, texel func(r, c int) [3]float64) [3]float64 {
	clampT := func(x float64) float64 { return math.Min(math.Max(x, 0), view.NodeSide-1) }
	u, v = clampT(u), clampT(v)
	c0, r0 := int(math.Floor(u)), int(math.Floor(v))
	c1, r1 := min(c0+1, view.NodeSide-1), min(r0+1, view.NodeSide-1)
	fu, fv := u-float64(c0), v-float64(r0)
	a, b, c, d := texel(r0, c0), texel(r0, c1), texel(r1, c0), texel(r1, c1)
	var out [3]float64
	for k := range out {
		out[k] = (a[k]*(1-fu)+b[k]*fu)*(1-fv) + (c[k]*(1-fu)+d[k]*fu)*fv
	}
	return out
}

// rgb returns c's 8-bit channels.
func rgb(c color.Color) [3]float64 {
	r, g, b, _ := c.RGBA()
	return [3]float64{float64(r >> 8), float64(g >> 8), float64(b >> 8)}
}

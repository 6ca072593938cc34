package view

import (
	"slices"

	"nnplay/nn"
	"nnplay/session"
)

// NodeSide is the resolution of the picture inside each node of the network, per side.
const NodeSide = 20

// nodeTile is a node picture's side in the atlas: NodeSide plus a border pixel each side.
const nodeTile = NodeSide + 2

// NodePics are the pictures inside the network's nodes, as in TensorFlow Playground: each
// node's activation over the plane (as nn.Grid computes it), on a NodeSide×NodeSide grid of
// cell centres (row 0 at the top, as Field), coloured FieldColor(shade) where shade is the node's activation on its
// scale: the output node exactly as the plot's field (for regression on the labels' scale),
// sigmoid and tanh nodes on their range, inputs, ReLU and linear nodes squashed around 0
// (white). The tiles lie side by side in one RGBA atlas, node k (in NetGeom.Nodes' order:
// layer by layer, inputs first) at columns k·(NodeSide+2)…, each with a one-pixel border
// repeating its edge so that linear filtering clamps (see Field.PaddedPix). Reuse one
// NodePics across frames: it allocates nothing once it has seen the network's shape.
type NodePics struct {
	N   int    // tiles: the network's nodes, inputs included
	W   int    // atlas width in pixels: N·(NodeSide+2)
	H   int    // atlas height in pixels: NodeSide+2
	Pix []byte // the atlas, W×H RGBA

	shade  []float64 // scratch: every node's shade at one cell
	in     []float64 // scratch: the features of one cell
	grid   nn.Grid   // the network over the cell centres
	xs, ys []float64 // the cell centres' coordinates, columns and rows
	out    []float64 // scratch: a row's outputs
	// The inputs' tiles depend on the features alone: drawn for inFeats in an atlas of inN
	// tiles, they are kept while those stay.
	inFeats []nn.Feature
	inN     int

	net            netState // what the pictures were computed from
	lastLo, lastHi float64
}

// Tile returns where node k's picture lies in the atlas (its inner NodeSide×NodeSide
// pixels, border excluded), in source pixel coordinates.
func (np *NodePics) Tile(k int) (x0, y0, x1, y1 float64) {
	x0 = float64(k*nodeTile + 1)
	return x0, 1, x0 + NodeSide, 1 + NodeSide
}

// Update recomputes the pictures when what they show has changed since the last Update (the
// network's shape, activations or parameters, the features, the regression scale) and
// reports whether it did.
func (np *NodePics) Update(s *session.Session) bool {
	net := s.Network()
	layers := net.Layers()
	lo, hi := 0.0, 1.0
	regression := Regression(s)
	if regression {
		lo, hi = RegressionScale(s.Points())
	}
	if changed := np.net.update(s); !changed && lo == np.lastLo && hi == np.lastHi {
		return false
	}
	np.lastLo, np.lastHi = lo, hi

	n := 0
	for _, size := range layers {
		n += size
	}
	np.N, np.W, np.H = n, n*nodeTile, nodeTile
	if cap(np.Pix) < 4*np.W*np.H {
		np.Pix = make([]byte, 4*np.W*np.H)
		np.shade = make([]float64, n)
		np.inN = 0
	}
	np.Pix, np.shade = np.Pix[:4*np.W*np.H], np.shade[:n]
	fs := s.Features()
	if cap(np.in) < len(fs) {
		np.in = make([]float64, len(fs))
	}
	in := np.in[:len(fs)]
	if np.xs == nil {
		step := (session.Max - session.Min) / NodeSide
		np.xs, np.ys, np.out = make([]float64, NodeSide), make([]float64, NodeSide), make([]float64, NodeSide)
		for i := range NodeSide {
			np.xs[i] = session.Min + (float64(i)+0.5)*step
			np.ys[i] = session.Max - (float64(i)+0.5)*step
		}
	}
	first := 0 // the first tile to draw
	if np.inN == n && slices.Equal(np.inFeats, fs) {
		first = layers[0]
	}
	np.grid.Reset(net, fs, np.xs, np.ys)
	for r, y := range np.ys {
		np.grid.Row(r, np.out)
		for c, x := range np.xs {
			k := first
			for l, size := range layers {
				var a []float64
				switch {
				case l > 0:
					a = np.grid.Activations(l)[c*size : (c+1)*size]
				case first > 0:
					continue // the inputs' tiles are drawn
				default:
					nn.ApplyFeatures(in, fs, x, y)
					a = in
				}
				for j := range size {
					np.shade[k] = actShade(net, l, a[j], regression, lo, hi)
					k++
				}
			}
			for k, v := range np.shade[first:] {
				col := FieldColor(v)
				i := 4 * ((r+1)*np.W + (first+k)*nodeTile + c + 1)
				np.Pix[i], np.Pix[i+1], np.Pix[i+2], np.Pix[i+3] = col.R, col.G, col.B, 0xff
			}
		}
	}
	np.inFeats, np.inN = append(np.inFeats[:0], fs...), n
	np.border()
	return true
}

// border copies each tile's edge pixels into its one-pixel border.
func (np *NodePics) border() {
	row := func(r int) []byte { return np.Pix[4*r*np.W : 4*(r+1)*np.W] }
	copy(row(0), row(1))
	copy(row(np.H-1), row(np.H-2))
	for r := range np.H {
		px := row(r)
		for k := range np.N {
			left, right := 4*k*nodeTile, 4*((k+1)*nodeTile-1)
			copy(px[left:left+4], px[left+4:left+8])
			copy(px[right:right+4], px[right-4:right])
		}
	}
}

//go:build js && wasm

package main

import (
	"github.com/hajimehoshi/ebiten/v2"

	"nnplay/view"
)

// nodePics draws the pictures inside the network's nodes (view.NodePics): their atlas is one
// image, each tile stretched over its node's square with linear filtering.
type nodePics struct {
	img *ebiten.Image
	rev uint64 // the Pictures.NodesRev img was written at
	vs  []ebiten.Vertex
	is  []uint16
}

// update rewrites the atlas image when the pictures changed and lays each tile over its
// node as the network's geometry placed it (its Nodes are in the tiles' order). k is the
// device scale.
func (n *nodePics) update(p *view.Pictures, k float64) {
	pics, g := &p.Nodes, &p.Net
	if n.img == nil || n.rev != p.NodesRev {
		if n.img == nil || n.img.Bounds().Dx() != pics.W {
			if n.img != nil {
				n.img.Deallocate()
			}
			n.img = ebiten.NewImage(pics.W, pics.H)
		}
		n.img.WritePixels(pics.Pix)
		n.rev = p.NodesRev
	}
	n.vs, n.is = n.vs[:0], n.is[:0]
	if len(g.Nodes) != pics.N {
		return
	}
	for i := range g.Nodes {
		nd := &g.Nodes[i]
		sx0, sy0, sx1, sy1 := pics.Tile(i)
		x0, y0 := float32((nd.X-nd.Half)*k), float32((nd.Y-nd.Half)*k)
		x1, y1 := float32((nd.X+nd.Half)*k), float32((nd.Y+nd.Half)*k)
		b := uint16(len(n.vs))
		for _, c := range [4][4]float64{{0, 0, sx0, sy0}, {1, 0, sx1, sy0}, {1, 1, sx1, sy1}, {0, 1, sx0, sy1}} {
			n.vs = append(n.vs, ebiten.Vertex{
				DstX: x0 + float32(c[0])*(x1-x0), DstY: y0 + float32(c[1])*(y1-y0),
				SrcX: float32(c[2]), SrcY: float32(c[3]), ColorR: 1, ColorG: 1, ColorB: 1, ColorA: 1,
			})
		}
		n.is = append(n.is, b, b+1, b+2, b, b+2, b+3)
	}
}

// draw renders the tiles onto dst.
func (n *nodePics) draw(dst *ebiten.Image, op *ebiten.DrawTrianglesOptions) {
	if len(n.is) == 0 || n.img == nil {
		return
	}
	dst.DrawTriangles(n.vs, n.is, n.img, op)
}

package nn

import (
	"fmt"
	"math"
)

// Grid evaluates a network's first output at every point (xs[c], ys[r]) of a grid of the
// plane, columns at xs and rows at ys, several times faster than a Forward per point: the
// picture of a network's decision over the plane. It rests on the first layer being
// separable. With the features f_i of the point (x, y), node j of the first layer has
//
//	z_j(x, y) = A_j(x) + B_j(y) + m_j·x·y,   A_j = b_j + Σ_{f_i of x alone} W_ji·f_i(x),
//	                                         B_j = Σ_{f_i of y alone} W_ji·f_i(y),
//
// m_j the weight of the feature x1·x2 (0 without it), so Reset computes A per column and B
// per row, and a point costs two additions per first-layer node instead of its features and
// a dot product. When there is no x1·x2 and the first layer is sigmoid or tanh, the
// exponentials factor too: e^(k·z) = e^(k·A)·e^(k·B) (k = −1 for σ(z) = 1/(1 + e^(−z)),
// −2 for tanh(z) = (1 − e^(−2z))/(1 + e^(−2z))), which takes the first layer's
// exponentials out of the loop over points (for the default 2‑4‑1 network, four of the five
// per point); exponents beyond ±345 (whose products might overflow) turn the factoring off
// until the next Reset. The later layers are Forward's own code (affine, then the
// activation's loop), run over a whole row at a time.
//
// The sums are those of Forward in another order, and with factoring the exponentials are
// others, so the results differ from Forward by rounding: a few units in the last place of
// the first layer's z, carried through the later weights; the tests hold them within 1e-12
// of Forward (relative, for values beyond 1). The zero value is ready for Reset; after the
// first Reset of a shape it allocates nothing.
type Grid struct {
	net      *Network
	xs, ys   []float64
	factored bool      // exponentials factored
	a, b     []float64 // A per column, B per row, len(first layer) each
	ea, eb   []float64 // e^(k·A), e^(k·B) when factored
	mix      []float64 // m_j, the weight of x1·x2 into node j (0 without it)
	// acts[l] holds the activations of layer l+1 at every point of a row, point by point
	// (len(xs)·Layers()[l+1] numbers).
	acts [][]float64
}

// Reset prepares the grid of the columns xs and the rows ys (which it copies) for the
// network n with input features fs. Call it again after n changes: Row reads the first
// layer as it was at Reset and the later ones as they are. It panics unless fs has one
// feature per input of n.
func (g *Grid) Reset(n *Network, fs []Feature, xs, ys []float64) {
	if len(fs) != n.layers[0] {
		panic(fmt.Sprintf("nn: Grid.Reset: %d features for %d inputs", len(fs), n.layers[0]))
	}
	g.net = n
	g.xs, g.ys = append(g.xs[:0], xs...), append(g.ys[:0], ys...)
	g.fitActs(n)
	n0, n1 := n.layers[0], n.layers[1]
	g.a, g.b, g.mix = grow(g.a, len(xs)*n1), grow(g.b, len(ys)*n1), grow(g.mix, n1)
	hasMix := false
	for j := range g.mix {
		g.mix[j] = 0
		for i, f := range fs {
			if featureOn[f] == onX1|onX2 {
				g.mix[j] += n.w[0][j*n0+i]
				hasMix = true
			}
		}
	}
	g.partial(g.a, g.xs, fs, onX1, n.b[0])
	g.partial(g.b, g.ys, fs, onX2, nil)
	k := activations[n.Activation(1)].expK
	g.factored = !hasMix && k != 0 && g.exponentiate(k)
}

// fitActs sizes acts for n and the row length len(xs).
func (g *Grid) fitActs(n *Network) {
	g.acts = g.acts[:0]
	for _, size := range n.layers[1:] {
		k := len(g.acts)
		if k < cap(g.acts) {
			g.acts = g.acts[:k+1]
		} else {
			g.acts = append(g.acts, nil)
		}
		g.acts[k] = grow(g.acts[k], len(g.xs)*size)
	}
}

// partial sets dst[p·n1 + j], for each p of at, to start_j + Σ W_ji·f_i over the features
// that depend on the coordinate on alone, f_i evaluated at x1 = at[p] (on = onX1) or
// x2 = at[p] (onX2); start is the first layer's biases, or 0 without.
func (g *Grid) partial(dst, at []float64, fs []Feature, on uint8, start []float64) {
	n0, n1, w := g.net.layers[0], g.net.layers[1], g.net.w[0]
	for p, v := range at {
		x1, x2 := v, 0.0
		if on == onX2 {
			x1, x2 = 0, v
		}
		row := dst[p*n1 : (p+1)*n1]
		for j := range row {
			s := 0.0
			if start != nil {
				s = start[j]
			}
			for i, f := range fs {
				if featureOn[f] == on {
					s += float64(w[j*n0+i] * f.Value(x1, x2))
				}
			}
			row[j] = s
		}
	}
}

// exponentiate sets ea and eb to e^(k·A) and e^(k·B) and reports whether it could: every
// exponent within ±345 (e^345 ≈ 1e150), so that products of two stay finite and normal.
func (g *Grid) exponentiate(k float64) bool {
	for _, s := range [2][]float64{g.a, g.b} {
		for _, v := range s {
			if !(math.Abs(k*v) <= 345) {
				return false
			}
		}
	}
	g.ea, g.eb = grow(g.ea, len(g.a)), grow(g.eb, len(g.b))
	for _, p := range [2][2][]float64{{g.ea, g.a}, {g.eb, g.b}} {
		for i, v := range p[1] {
			p[0][i] = k * v
		}
		expSlice(p[0])
	}
	return true
}

// Row writes the network's first output at (xs[c], ys[r]) into dst[c] for every column c.
// It panics if dst is shorter than xs.
func (g *Grid) Row(r int, dst []float64) {
	n := g.net
	n1 := n.layers[1]
	h := g.acts[0]
	first := n.Activation(1)
	switch {
	case g.factored:
		eb := g.eb[r*n1 : (r+1)*n1]
		for c := range g.xs {
			ea, hc := g.ea[c*n1:(c+1)*n1], h[c*n1:(c+1)*n1]
			for j := range hc {
				if first == Sigmoid {
					hc[j] = sigmoidOfExp(float64(ea[j] * eb[j]))
				} else {
					hc[j] = tanhOfExp(float64(ea[j] * eb[j]))
				}
			}
		}
	default:
		b := g.b[r*n1 : (r+1)*n1]
		for c, x := range g.xs {
			a, hc := g.a[c*n1:(c+1)*n1], h[c*n1:(c+1)*n1]
			xy := x * g.ys[r]
			for j := range hc {
				hc[j] = a[j] + b[j] + float64(g.mix[j]*xy)
			}
		}
		first.apply(h)
	}
	for l := 1; l < len(n.w); l++ {
		in, out := g.acts[l-1], g.acts[l]
		nIn, nOut := n.layers[l], n.layers[l+1]
		L := layer{w: n.w[l], b: n.b[l]} // Forward's own affine, on each cell's activations
		for c := range g.xs {
			L.in, L.out = in[c*nIn:(c+1)*nIn], out[c*nOut:(c+1)*nOut]
			L.affine()
		}
		n.Activation(l + 1).apply(out)
	}
	top, nOut := g.acts[len(g.acts)-1], n.layers[len(n.layers)-1]
	for c := range dst[:len(g.xs)] {
		dst[c] = top[c*nOut]
	}
}

// Activations returns the activations of layer l (1 for the first after the input, up to
// the output layer) at every point of the row the last Row computed, point by point: node j
// at column c is at [c·Layers()[l] + j]. The slice is the Grid's, rewritten by the next Row.
func (g *Grid) Activations(l int) []float64 { return g.acts[l-1] }

// GridCost estimates the relative cost of one point of a Grid of n with features fs, in the
// units of a multiply-add (an exponential counts as 8): the first layer costs a division per
// node when its exponentials factor (sigmoid or tanh without x1·x2), else two additions and
// its activation; every later layer its weights and activations. The default 2‑4‑1 sigmoid
// network costs 16. Use it to choose a grid's size for a budget.
func GridCost(n *Network, fs []Feature) float64 {
	actCost := func(a Activation) float64 {
		if activations[a].expK != 0 {
			return 8
		}
		return 1
	}
	mix := false
	for _, f := range fs {
		mix = mix || featureOn[f] == onX1|onX2
	}
	n1 := float64(n.layers[1])
	cost := n1
	if first := n.Activation(1); mix || activations[first].expK == 0 {
		cost = n1 * (2 + actCost(first))
	}
	for l := 1; l+1 < len(n.layers); l++ {
		cost += float64(n.layers[l]*n.layers[l+1]) + float64(float64(n.layers[l+1])*actCost(n.Activation(l+1)))
	}
	return cost
}

// grow returns s resized to n, reusing its memory when it can.
func grow(s []float64, n int) []float64 {
	if cap(s) < n {
		return make([]float64, n)
	}
	return s[:n]
}

package view

import (
	"math"

	"nnplay/nn"
)

// evaluator samples a network over a grid several times faster than one Forward per cell,
// for the picture only (Field.Compute). It rests on the first layer being separable:
//
//	z_j(x, y) = b_j + Σ_{features of x alone} w_ji·f_i(x) + Σ_{features of y alone} w_ji·f_i(y) + m_j·x·y
//
// so per column it keeps A_j(x) (with the bias) and per row B_j(y), and a cell costs two
// additions per first-layer node instead of a feature evaluation and a dot product. When there
// is no x1·x2 feature and the first layer is sigmoid or tanh, the exponentials factor too:
// e^(−z) = e^(−A)·e^(−B), so σ(z) = 1/(1 + e^(−A)·e^(−B)) and tanh(z) = (1 − E)/(1 + E) with
// E = e^(−2A)·e^(−2B), which takes the first layer's exponentials out of the inner loop (for the
// default 2-4-1 network, four of the five per cell). The results differ from Forward only by
// rounding (a few units in the last place; the tests hold them within 1e-12). Later layers are
// evaluated as usual. Exponentials too far out of range to multiply safely turn the factoring
// off for that frame.
type evaluator struct {
	layers     []int
	net        *nn.Network   // the network set up for
	first      nn.Activation // the first weight layer's activation
	n1         int           // nodes of the first weight layer
	factored   bool          // exponentials factored (sigmoid or tanh, no x1·x2)
	a, b       []float64     // A per column, B per row (n1 each)
	ea, eb     []float64     // e^(−kA), e^(−kB) when factored (k = 1 sigmoid, 2 tanh)
	mix        []float64     // m_j, the weight of x1·x2 into node j (0 without that feature)
	hasMix     bool
	w          []float64 // the later weight layers, flat: per layer W row-major then b
	cur, next  []float64 // activation scratch
	colX, rowY []float64 // the plane coordinates of the columns and rows
}

// separable reports whether a feature depends on x alone (1), y alone (2) or both (3).
func separable(f nn.Feature) int {
	switch f {
	case nn.X1, nn.X1Squared, nn.SinX1:
		return 1
	case nn.X2, nn.X2Squared, nn.SinX2:
		return 2
	}
	return 3
}

// grow returns s resized to n, reusing its memory when it can.
func grow(s []float64, n int) []float64 {
	if cap(s) < n {
		return make([]float64, n)
	}
	return s[:n]
}

// setup prepares the evaluation of net with features fs over the grid of f.
func (e *evaluator) setup(net *nn.Network, fs []nn.Feature, f *Field) {
	layers := net.Layers()
	e.layers = append(e.layers[:0], layers...)
	e.net = net
	e.first = net.Activation(1)
	n1 := layers[1]
	e.n1 = n1
	e.colX, e.rowY = grow(e.colX, f.W), grow(e.rowY, f.H)
	for c := range e.colX {
		e.colX[c] = f.CellX(float64(c))
	}
	for r := range e.rowY {
		e.rowY[r] = f.CellY(float64(r))
	}
	e.a, e.b, e.mix = grow(e.a, f.W*n1), grow(e.b, f.H*n1), grow(e.mix, n1)
	e.hasMix = false
	for j := 0; j < n1; j++ {
		e.mix[j] = 0
		for i, ft := range fs {
			if separable(ft) == 3 {
				e.mix[j] += net.Weight(0, j, i)
				e.hasMix = true
			}
		}
	}
	for c, x := range e.colX {
		row := e.a[c*n1 : (c+1)*n1]
		for j := range row {
			s := net.Bias(0, j)
			for i, ft := range fs {
				if separable(ft) == 1 {
					s += net.Weight(0, j, i) * ft.Value(x, 0)
				}
			}
			row[j] = s
		}
	}
	for r, y := range e.rowY {
		row := e.b[r*n1 : (r+1)*n1]
		for j := range row {
			s := 0.0
			for i, ft := range fs {
				if separable(ft) == 2 {
					s += net.Weight(0, j, i) * ft.Value(0, y)
				}
			}
			row[j] = s
		}
	}
	e.factored = !e.hasMix && (e.first == nn.Sigmoid || e.first == nn.Tanh) && e.exponentiate()

	// The later layers, flat.
	e.w = e.w[:0]
	maxN := 0
	for l := 0; l < len(layers); l++ {
		maxN = max(maxN, layers[l])
	}
	for l := 1; l+1 < len(layers); l++ {
		for j := 0; j < layers[l+1]; j++ {
			for i := 0; i < layers[l]; i++ {
				e.w = append(e.w, net.Weight(l, j, i))
			}
		}
		for j := 0; j < layers[l+1]; j++ {
			e.w = append(e.w, net.Bias(l, j))
		}
	}
	e.cur, e.next = grow(e.cur, maxN), grow(e.next, maxN)
}

// exponentiate sets ea and eb to e^(−kA) and e^(−kB) (k = 1 for sigmoid, 2 for tanh) and
// reports whether it could: every exponent within ±345 (e^345 ≈ 1e150), so that products of
// two stay finite and normal.
func (e *evaluator) exponentiate() bool {
	k := -1.0
	if e.first == nn.Tanh {
		k = -2
	}
	for _, s := range [2][]float64{e.a, e.b} {
		for _, v := range s {
			if !(math.Abs(k*v) <= 345) {
				return false
			}
		}
	}
	e.ea, e.eb = grow(e.ea, len(e.a)), grow(e.eb, len(e.b))
	for i, v := range e.a {
		e.ea[i] = nn.Exp(k * v)
	}
	for i, v := range e.b {
		e.eb[i] = nn.Exp(k * v)
	}
	return true
}

// row writes the network's outputs along row r into dst (one per column).
func (e *evaluator) row(r int, dst []float64) {
	n1 := e.n1
	cur := e.cur[:n1]
	for c := range dst {
		switch {
		case e.factored && e.first == nn.Sigmoid:
			a, b := e.ea[c*n1:(c+1)*n1], e.eb[r*n1:(r+1)*n1]
			for j := range cur {
				cur[j] = 1 / (1 + a[j]*b[j])
			}
		case e.factored:
			a, b := e.ea[c*n1:(c+1)*n1], e.eb[r*n1:(r+1)*n1]
			for j := range cur {
				p := a[j] * b[j]
				cur[j] = (1 - p) / (1 + p)
			}
		default:
			a, b := e.a[c*n1:(c+1)*n1], e.b[r*n1:(r+1)*n1]
			xy := e.colX[c] * e.rowY[r]
			for j := range cur {
				cur[j] = e.first.Value(a[j] + b[j] + e.mix[j]*xy)
			}
		}
		dst[c] = e.rest(cur)
	}
}

// rest evaluates the layers after the first from its activations h and returns the output.
func (e *evaluator) rest(h []float64) float64 {
	if len(e.layers) == 2 {
		return h[0]
	}
	w := e.w
	bufs := [2][]float64{e.next, e.cur}
	cur := h
	for l := 1; l+1 < len(e.layers); l++ {
		nIn, nOut := e.layers[l], e.layers[l+1]
		act := e.net.Activation(l + 1)
		next := bufs[(l-1)%2][:nOut]
		bias := w[nOut*nIn : nOut*nIn+nOut]
		for j := range next {
			row := w[j*nIn : (j+1)*nIn]
			z := bias[j]
			for i, v := range cur[:nIn] {
				z += row[i] * v
			}
			next[j] = act.Value(z)
		}
		w = w[nOut*nIn+nOut:]
		cur = next
	}
	return cur[0]
}

// CellCost estimates the relative cost of evaluating one cell of a field of net with features
// fs, in the units of a multiply-add (an exponential counts as 8): the first layer costs a
// division per node when its exponentials factor (sigmoid or tanh without x1·x2), else an
// addition and its activation; every later layer its weights and activations. The default
// 2-4-1 sigmoid network costs 16. Use it to spread the field's refresh over frames (see
// RefreshRows).
func CellCost(net *nn.Network, fs []nn.Feature) float64 {
	layers := net.Layers()
	actCost := func(a nn.Activation) float64 {
		if a == nn.Sigmoid || a == nn.Tanh {
			return 8
		}
		return 1
	}
	first := net.Activation(1)
	mix := false
	for _, f := range fs {
		mix = mix || separable(f) == 3
	}
	n1 := float64(layers[1])
	cost := n1
	if mix || (first != nn.Sigmoid && first != nn.Tanh) {
		cost = n1 * (2 + actCost(first))
	}
	for l := 1; l+1 < len(layers); l++ {
		act := net.Activation(l + 1)
		cost += float64(layers[l]*layers[l+1]) + float64(layers[l+1])*actCost(act)
	}
	return cost
}

// MinFieldSide is the smallest side FieldSide returns.
const MinFieldSide = 32

// FieldSide returns the side of a square field whose whole refresh costs at most twice budget
// (CellCost units) for cells of the given cost: the largest multiple of 4 within that, at most
// maxSide, at least MinFieldSide. Refreshing half its rows per frame then keeps every row at
// most one frame behind while staying within budget.
func FieldSide(cost, budget float64, maxSide int) int {
	if !(cost > 0) {
		return maxSide
	}
	n := int(math.Sqrt(2*budget/cost)) / 4 * 4
	return min(max(n, MinFieldSide), maxSide)
}

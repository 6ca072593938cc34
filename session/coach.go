package session

import (
	"math"

	"nnplay/nn"
)

// Hint is one thing the coach can say about a run that is stuck, with its fix.
type Hint uint8

// The hints, in the order Advise gives them.
const (
	HintRateHigh  Hint = iota // the loss rises or swings without diverging
	HintVanishing             // a deep sigmoid or tanh network: loss flat, first layers' gradients tiny
	HintDeadReLU              // ReLU nodes output 0 for every training point
	HintRateLow               // the loss falls, but barely, at a low learning rate
	HintTooSmall              // the loss is flat well above what the data allows
	hintCount
)

// hintLines are the hints as the page shows them: one calm line each, with the fix.
var hintLines = [hintCount]string{
	HintRateHigh:  "The loss is rising or swinging: the learning rate is too high for this data. Lower it.",
	HintVanishing: "The loss is flat and the first layers' gradients are tiny (vanishing gradients): try tanh or ReLU, or fewer layers.",
	HintDeadReLU:  "Some ReLU nodes output 0 for every training point (dead nodes no longer learn): lower the learning rate and press reset, or try tanh.",
	HintRateLow:   "The loss is falling, but barely: the learning rate is low. Raise it.",
	HintTooSmall:  "The loss is flat, well above what the data allows: the network is too small. Add nodes, layers or features.",
}

// String returns the hint's line.
func (h Hint) String() string {
	if h < hintCount {
		return hintLines[h]
	}
	return "unknown hint"
}

// The coach's thresholds. A window is the last CoachWindow epochs, or the last eighth of the
// run when that is longer (and at least minSamples samples of the history); its loss is flat when it changes by less than flatChange of
// itself, and swinging when it turns (a rise after a fall or a fall after a rise, each by
// more than swingStep of the loss) at least every swingTurns samples and its range is more
// than swingRange of its mean.
const (
	CoachWindow   = 500   // epochs: no hint before the run is this long
	minSamples    = 6     // loss samples a window needs
	convergedLoss = 0.02  // of the data's variance: below it the run has converged
	flatChange    = 0.01  // relative change over a window below which the loss is flat
	swingStep     = 0.05  // relative change between samples that counts as a move
	swingTurns    = 4     // samples per turn, at most, of a swinging loss
	swingRange    = 0.25  // (max − min) / mean above which a swing counts
	vanishRatio   = 0.01  // first / last layer's gradient size below which gradients vanish
	lowRate       = 0.003 // learning rates at most this are low
	barelyFalls   = 0.05  // relative fall over a window below which the loss falls barely
	tinyGradient  = 1e-5  // the first layer's gradient size below which gradients are tiny
	tooHighLoss   = 0.5   // share of the explainable loss left: above it a flat loss is well above what the data allows
	neighbours    = 10    // the k of the k-nearest-neighbour estimate of what the data allows
	floorQueries  = 200   // the most training points that estimate asks about
)

// Coach reads the loss history, the gradients and the nodes' outputs of a session and says
// why training is stuck. Reuse one Coach: after the first Advise for a shape it allocates
// nothing. The zero value is ready to use.
type Coach struct {
	grads []float64       // the training set's mean gradients
	alive []bool          // per hidden node: positive for some training point
	hints [hintCount]Hint // what Advise returns
	raw   [hintCount]Hint // what the rules say now
	seen  [hintCount]int  // per hint: 1 + the epoch of the last call it held at, 0 for none
	// seenOf and seenAt are the session and the epoch of the last call: another session or an
	// earlier epoch (a reset) forgets seen.
	seenOf *Session
	seenAt int

	floor        float64  // what the data allows (see floorLoss), for the session and version
	floorOf      *Session // the session floor was computed for
	floorVersion uint64   // and its version
}

// window is the loss over the last epochs of the history.
type window struct {
	first, last, lo, hi, mean float64
	samples, turns            int
}

// lossWindow returns the training loss over the window ending at the latest sample, widened
// to minSamples samples when frames came far apart, and false when the run is too short or
// the history has too few samples. Only samples from epoch since on count: the loss jumps
// when the points change (a drag), and that is no fault of the learning rate.
func lossWindow(h *History, since int) (window, bool) {
	n := h.Len()
	if n < minSamples {
		return window{}, false
	}
	end, last, _ := h.At(n - 1)
	span := max(CoachWindow, end/8)
	if end-since < CoachWindow {
		return window{}, false
	}
	w := window{last: last, lo: last, hi: last}
	prev, count, dir := last, 0, 0
	for i := n - 1; i >= 0; i-- {
		epoch, v, _ := h.At(i)
		if epoch < since || epoch < end-span && count >= minSamples {
			break
		}
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return window{}, false
		}
		w.first = v
		w.lo, w.hi = min(w.lo, v), max(w.hi, v)
		w.mean += v
		if d := v - prev; math.Abs(d) > swingStep*max(v, prev) {
			if sign := int(math.Copysign(1, d)); sign != dir {
				if dir != 0 {
					w.turns++
				}
				dir = sign
			}
		}
		prev = v
		count++
	}
	if count < minSamples {
		return window{}, false
	}
	w.mean /= float64(count)
	w.samples = count
	return w, true
}

// Advise returns the hints that hold now, [] when none (a slice of the coach's own memory,
// valid until the next call). A hint that held at a call within the last CoachWindow epochs
// still holds, so that a loss swinging now and then, or frames far apart, do not make it
// flicker. None are given on the first CoachWindow epochs, on a converged run or after a
// divergence (the page shows that message instead).
func (c *Coach) Advise(s *Session) []Hint {
	out := c.hints[:0]
	epoch := s.Epoch()
	if c.seenOf != s || epoch < c.seenAt {
		c.seen, c.seenOf = [hintCount]int{}, s // another session, or training restarted
	}
	c.seenAt = epoch
	raw, ok := c.rules(s)
	if !ok {
		c.seen = [hintCount]int{}
		return out
	}
	for _, h := range raw {
		c.seen[h] = epoch + 1
	}
	if c.seen[HintRateHigh] > 0 && epoch+1-c.seen[HintRateHigh] <= CoachWindow {
		return append(out, HintRateHigh) // the others read a loss that the rate disturbs
	}
	for h, at := range c.seen {
		if at > 0 && epoch+1-at <= CoachWindow {
			out = append(out, Hint(h))
		}
	}
	return out
}

// rules returns the hints whose rules hold now, in c.raw, and false when no hint may be
// given at all (too early, converged, diverged, nothing to train on).
func (c *Coach) rules(s *Session) ([]Hint, bool) {
	out := c.raw[:0]
	w, ok := lossWindow(&s.history, s.dataAt)
	baseline := s.labelVariance()
	if !ok || s.err != "" || len(s.train) == 0 || baseline == 0 || w.last < convergedLoss*baseline {
		return out, false
	}
	net := w.last - w.first
	swings := w.turns >= max(2, (w.samples-1)/swingTurns) && w.hi-w.lo > swingRange*w.mean
	rising := w.last > 1.1*w.first && w.last > 1.2*w.lo
	if swings || rising {
		return append(out, HintRateHigh), true
	}
	flat := math.Abs(net) < flatChange*w.first
	vanishing, tiny := false, false
	if flat {
		vanishing, tiny = c.vanishing(s)
	}
	dead := c.deadReLU(s)
	slow := net < 0 && -net < barelyFalls*w.first && s.settings.LearningRate <= lowRate
	if vanishing {
		out = append(out, HintVanishing)
	}
	if dead {
		out = append(out, HintDeadReLU)
	}
	if slow {
		out = append(out, HintRateLow)
	}
	if flat && !tiny && !vanishing && !dead && !slow && w.last > c.allowed(s, baseline) {
		out = append(out, HintTooSmall)
	}
	return out, true
}

// labelVariance returns the variance of the training labels: the loss of the best constant
// prediction.
func (s *Session) labelVariance() float64 {
	if len(s.train) == 0 {
		return 0
	}
	mean, sq := 0.0, 0.0
	for _, k := range s.train {
		y := s.data.Targets[k]
		mean += y
		sq += y * y
	}
	n := float64(len(s.train))
	mean /= n
	return max(sq/n-mean*mean, 0)
}

// vanishing reports whether the training set's mean gradients of the first weight layer are
// tiny (absolutely, or beside those of the last layer in a network of at least two hidden
// layers of sigmoid or tanh: vanishing), and whether they are tiny at all.
func (c *Coach) vanishing(s *Session) (vanishing, tiny bool) {
	net := s.net
	layers := net.Layers()
	if len(c.grads) != len(net.Params()) {
		c.grads = make([]float64, len(net.Params()))
	}
	if !s.MeanGradients(c.grads) {
		return false, false
	}
	first := rms(c.grads[:layers[1]*layers[0]])
	top := len(layers) - 2
	start := s.index(Param{L: top})
	last := rms(c.grads[start : start+layers[top+1]*layers[top]])
	tiny = first < tinyGradient || first < vanishRatio*last
	act := net.Activation(1)
	return tiny && len(layers) >= 4 && (act == nn.Sigmoid || act == nn.Tanh), tiny
}

// allowed returns the loss above which a flat loss is well above what the data allows: the
// floor the data allows, plus tooHighLoss of the rest of the data's variance.
func (c *Coach) allowed(s *Session, baseline float64) float64 {
	if c.floorOf != s || c.floorVersion != s.version {
		c.floor, c.floorOf, c.floorVersion = s.floorLoss(), s, s.version
	}
	return c.floor + tooHighLoss*max(baseline-c.floor, 0)
}

// floorLoss estimates the lowest mean squared error the training data allows: each training
// point's label against the mean label of its nearest neighbours among the other training
// points in the plane (leave one out), over at most floorQueries points spread evenly over
// the training set. Noisy or overlapping classes raise it; a clean boundary of any shape
// keeps it near 0. It takes up to floorQueries × the training points' distances (under 1 ms
// natively at 1,800 training points); the coach computes it once per change of the session.
func (s *Session) floorLoss() float64 {
	k := min(neighbours, len(s.train)-1)
	if k < 1 {
		return 0
	}
	var dist, label [neighbours]float64
	sum, queries := 0.0, 0
	stride := (len(s.train) + floorQueries - 1) / floorQueries
	for q := 0; q < len(s.train); q += stride {
		i := s.train[q]
		p := s.points[i]
		n := 0
		for _, j := range s.train {
			if j == i {
				continue
			}
			q := s.points[j]
			d := (p.X-q.X)*(p.X-q.X) + (p.Y-q.Y)*(p.Y-q.Y)
			if n == k && d >= dist[k-1] {
				continue
			}
			// Insert in order into the k nearest so far.
			at := min(n, k-1)
			for at > 0 && dist[at-1] > d {
				dist[at], label[at] = dist[at-1], label[at-1]
				at--
			}
			dist[at], label[at] = d, q.Label
			n = min(n+1, k)
		}
		mean := 0.0
		for _, y := range label[:k] {
			mean += y
		}
		e := p.Label - mean/float64(k)
		sum += e * e
		queries++
	}
	return sum / float64(queries)
}

// rms returns the root mean square of v.
func rms(v []float64) float64 {
	sum := 0.0
	for _, x := range v {
		sum += x * x
	}
	return math.Sqrt(sum / float64(len(v)))
}

// deadReLU reports whether a hidden ReLU node outputs 0 for every training point.
func (c *Coach) deadReLU(s *Session) bool {
	net := s.net
	layers := net.Layers()
	if len(layers) < 3 || net.Activation(1) != nn.ReLU {
		return false
	}
	hidden := 0
	for _, n := range layers[1 : len(layers)-1] {
		hidden += n
	}
	if len(c.alive) != hidden {
		c.alive = make([]bool, hidden)
	}
	clear(c.alive)
	for _, k := range s.train {
		net.Forward(s.input(k))
		node := 0
		for l := 1; l < len(layers)-1; l++ {
			for _, a := range net.Activations(l) {
				c.alive[node] = c.alive[node] || a > 0
				node++
			}
		}
	}
	for _, ok := range c.alive {
		if !ok {
			return true
		}
	}
	return false
}

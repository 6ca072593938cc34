package session

import (
	"maps"
	"math"
	"slices"
	"testing"
)

// The bar a drag must pass (issue "Your points matter"): after DragWarmup of training at the
// default speed, a training point dragged to a spot deep in the other class's region (the
// spot and every place of the plane within DragDepth of it on the other side of 0.5) moves
// the output there at least DragMove toward its label, or across 0.5, within the epochs
// DragWarmup trains at the default speed.
const (
	dragSeconds = 5.0
	dragDepth   = 2.0
	dragMove    = 0.3
)

// dragResult is the outcome of every qualifying (point, spot) pair of one session.
type dragResult struct {
	pairs, passed int
	worst         float64 // the smallest move toward the label
	worstPoint    int
	worstX        float64
	worstY        float64
}

// copyStep returns a deep copy of st, so that restoring it leaves st usable again.
func copyStep(st *step) *step {
	c := *st
	c.settings = st.settings.clone()
	c.lastGen = maps.Clone(st.lastGen)
	c.points = slices.Clone(st.points)
	if st.net != nil {
		n := *st.net
		n.params = slices.Clone(n.params)
		c.net = &n
	}
	return &c
}

// deepIn reports whether (x, y) and every sampled place of the plane within dragDepth of it
// have the network's output on side `other` of 0.5 (other 1: above, 0: below).
func deepIn(s *Session, x, y, other float64) bool {
	for r := 0.0; r <= dragDepth; r += 0.5 {
		n := max(1, int(r*8))
		for k := range n {
			a := 2 * math.Pi * float64(k) / float64(n)
			px, py := x+r*math.Cos(a), y+r*math.Sin(a)
			if px < Min || px > Max || py < Min || py > Max {
				continue
			}
			if (s.Predict(px, py) > 0.5) != (other == 1) {
				return false
			}
		}
	}
	return true
}

// dragAll trains s for the warm-up, then tries every training point against every spot of
// a grid (spacing grid) deep in the other class's region: the point is moved there and the
// session trains the same number of epochs again.
func dragAll(t *testing.T, s *Session, grid float64) dragResult {
	t.Helper()
	epochs := int(dragSeconds * s.Settings().Speed)
	mustStep(t, s, epochs)
	base := s.capture(partData|partNet, 0)
	type spot struct{ x, y, before float64 }
	var deep [2][]spot // deep[c]: spots deep in the region of class c
	for x := Min; x <= Max; x += grid {
		for y := Min; y <= Max; y += grid {
			for c := range 2 {
				if deepIn(s, x, y, float64(c)) {
					deep[c] = append(deep[c], spot{x, y, s.Predict(x, y)})
				}
			}
		}
	}
	res := dragResult{worst: math.Inf(1)}
	for _, i := range slices.Clone(s.train) {
		label := s.points[i].Label
		for _, sp := range deep[1-int(label)] {
			s.restore(copyStep(base))
			if err := s.MovePoint(i, sp.x, sp.y); err != nil {
				t.Fatal(err)
			}
			mustStep(t, s, epochs)
			after := s.Predict(sp.x, sp.y)
			move, crossed := after-sp.before, after > 0.5
			if label == 0 {
				move, crossed = -move, after < 0.5
			}
			res.pairs++
			if move >= dragMove || crossed {
				res.passed++
			}
			if move < res.worst && !crossed {
				res.worst, res.worstPoint, res.worstX, res.worstY = move, i, sp.x, sp.y
			}
		}
	}
	s.restore(copyStep(base))
	return res
}

// TestDragTeaches: at the defaults, every training point dragged to every spot (on a grid
// of half a unit) deep in the other class's region moves the output there at least 0.3
// toward its label, or across 0.5, within the epochs five seconds train at the default
// speed.
func TestDragTeaches(t *testing.T) {
	s, err := New(DefaultSettings())
	if err != nil {
		t.Fatal(err)
	}
	r := dragAll(t, s, 0.5)
	t.Logf("%d of %d pairs pass; the worst moved %.3f (point %d to (%g, %g))", r.passed, r.pairs, r.worst, r.worstPoint, r.worstX, r.worstY)
	if r.pairs < 100 {
		t.Fatalf("only %d qualifying pairs: the defaults leave no deep region to drag into", r.pairs)
	}
	if r.passed != r.pairs {
		t.Errorf("%d of %d drags did not move the output 0.3 toward the label; the worst moved %.3f (point %d to (%g, %g))",
			r.pairs-r.passed, r.pairs, r.worst, r.worstPoint, r.worstX, r.worstY)
	}
}

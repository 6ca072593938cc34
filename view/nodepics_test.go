package view

import (
	"math"
	"slices"
	"testing"

	"nnplay/session"
)

// tilePixel returns the RGBA of cell (r, c) of node k's picture.
func tilePixel(np *NodePics, k, r, c int) [4]byte {
	x0, y0, _, _ := np.Tile(k)
	i := 4 * ((int(y0)+r)*np.W + int(x0) + c)
	return [4]byte(np.Pix[i : i+4])
}

// TestNodePicsOutputIsTheField: the output node's picture is the plot's field in small, for
// every shape, classification and regression (within one level per channel: the field's
// nn.Grid rounds differently, within 1e-12).
func TestNodePicsOutputIsTheField(t *testing.T) {
	for _, sh := range shapes {
		s := newSession(t, sh.patch)
		s.Step(20)
		var np NodePics
		if !np.Update(s) {
			t.Fatalf("%s: the first Update computed nothing", sh.name)
		}
		layers := s.Network().Layers()
		n := 0
		for _, size := range layers {
			n += size
		}
		if np.N != n || np.W != n*(NodeSide+2) || np.H != NodeSide+2 || len(np.Pix) != 4*np.W*np.H {
			t.Fatalf("%s: %d tiles in %d×%d (%d bytes), want %d tiles of %d", sh.name, np.N, np.W, np.H, len(np.Pix), n, NodeSide+2)
		}
		f := NewField(NodeSide, NodeSide)
		f.Refresh(s)
		for r := range NodeSide {
			for c := range NodeSide {
				got := tilePixel(&np, n-1, r, c)
				want := f.Pix[4*(r*NodeSide+c):][:4]
				for ch := range 4 {
					if d := int(got[ch]) - int(want[ch]); d < -1 || d > 1 {
						t.Fatalf("%s: output picture at (%d, %d) is %v, the field %v", sh.name, c, r, got, want)
					}
				}
			}
		}
	}
}

// TestNodePicsInputs: the inputs' pictures are the coordinates: x1 orange on the left, blue
// on the right; x2 blue at the top, orange at the bottom; every tile's border repeats its edge.
func TestNodePicsInputs(t *testing.T) {
	s := newSession(t, session.Patch{})
	var np NodePics
	np.Update(s)
	step := (session.Max - session.Min) / NodeSide
	shade := func(v float64) [4]byte {
		c := FieldColor(0.5 + 0.5*math.Tanh(v/3))
		return [4]byte{c.R, c.G, c.B, 0xff}
	}
	for _, tc := range []struct {
		name       string
		k, r, c    int
		coordinate float64
	}{
		{"x1 at the left", 0, 7, 0, session.Min + step/2},
		{"x1 at the right", 0, 7, NodeSide - 1, session.Max - step/2},
		{"x2 at the top", 1, 0, 3, session.Max - step/2},
		{"x2 at the bottom", 1, NodeSide - 1, 3, session.Min + step/2},
	} {
		if got, want := tilePixel(&np, tc.k, tc.r, tc.c), shade(tc.coordinate); got != want {
			t.Errorf("%s: %v, want %v", tc.name, got, want)
		}
	}
	if left := tilePixel(&np, 0, 7, 0); left[0] <= left[2] {
		t.Errorf("x1's picture is not orange on the left: %v", left)
	}
	if top := tilePixel(&np, 1, 0, 3); top[2] <= top[0] {
		t.Errorf("x2's picture is not blue at the top: %v", top)
	}
	// Borders: row -1 repeats row 0, column -1 column 0, and so on, for every tile.
	for k := range np.N {
		for r := -1; r <= NodeSide; r++ {
			for _, c := range []int{-1, NodeSide} {
				inner := tilePixel(&np, k, min(max(r, 0), NodeSide-1), min(max(c, 0), NodeSide-1))
				if got := tilePixel(&np, k, r, c); got != inner {
					t.Fatalf("tile %d border (%d, %d) = %v, want the edge's %v", k, c, r, got, inner)
				}
			}
		}
		for _, r := range []int{-1, NodeSide} {
			for c := range NodeSide {
				if got, inner := tilePixel(&np, k, r, c), tilePixel(&np, k, min(max(r, 0), NodeSide-1), c); got != inner {
					t.Fatalf("tile %d border (%d, %d) = %v, want the edge's %v", k, c, r, got, inner)
				}
			}
		}
	}
}

// TestNodePicsUpdate: Update recomputes only when the network or the scale changed, and
// allocates nothing once it has seen the shape.
func TestNodePicsUpdate(t *testing.T) {
	s := newSession(t, session.Patch{})
	var np NodePics
	if !np.Update(s) {
		t.Fatal("first Update: nothing computed")
	}
	if np.Update(s) {
		t.Error("Update recomputed with nothing changed")
	}
	s.Step(1)
	if !np.Update(s) {
		t.Error("Update did not recompute after a training step")
	}
	if err := s.Configure(patch(`{"layers": [2, 3, 2, 1]}`)); err != nil {
		t.Fatal(err)
	}
	if !np.Update(s) || np.N != 8 {
		t.Errorf("after reshaping to 2-3-2-1: %d tiles, want 8", np.N)
	}
	if allocs := testing.AllocsPerRun(20, func() {
		s.Step(1)
		np.Update(s)
	}); allocs != 0 {
		t.Errorf("a training step and Update allocate %v times, want 0", allocs)
	}
}

// TestNodePicsKeptInputs: the inputs' tiles, kept from update to update while the features
// stay, always equal the pictures drawn afresh: after training, after the features change
// with the shape kept, and after a reshape.
func TestNodePicsKeptInputs(t *testing.T) {
	s := newSession(t, session.Patch{})
	var np NodePics
	check := func(when string) {
		t.Helper()
		np.Update(s)
		var fresh NodePics
		fresh.Update(s)
		if !slices.Equal(np.Pix, fresh.Pix) {
			t.Errorf("%s: the pictures differ from those drawn afresh", when)
		}
	}
	check("first")
	s.Step(5)
	check("after training")
	if err := s.Configure(patch(`{"features": ["x1^2", "x2"]}`)); err != nil {
		t.Fatal(err)
	}
	check("after the features changed")
	if err := s.Configure(patch(`{"features": ["x1^2", "sin(x2)", "x1"], "layers": [3, 3, 1]}`)); err != nil {
		t.Fatal(err)
	}
	check("after a reshape")
}

// BenchmarkNodePics computes the node pictures after every training step, as the browser
// does while training: the default 2-4-1 network and the largest the controls allow (7
// features, six hidden layers of 8).
func BenchmarkNodePics(b *testing.B) {
	for _, bc := range []struct {
		name  string
		patch session.Patch
	}{
		{"2-4-1", session.Patch{}},
		{"7-8x6-1", patch(`{"features": ["x1", "x2", "x1^2", "x2^2", "x1*x2", "sin(x1)", "sin(x2)"], "layers": [7, 8, 8, 8, 8, 8, 8, 1]}`)},
	} {
		b.Run(bc.name, func(b *testing.B) {
			s := newSession(b, bc.patch)
			var np NodePics
			b.ReportAllocs()
			for b.Loop() {
				np.net.valid = false // as after a training step
				np.Update(s)
			}
		})
	}
}

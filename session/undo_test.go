package session

import (
	"math"
	"reflect"
	"runtime"
	"slices"
	"testing"

	"nnplay/nn"
)

// snap is everything undo may touch, bit for bit: the state() a user can read plus the
// training position (shuffle stream, history) that decides what the next epochs do.
type snap struct {
	Settings Settings
	Points   []Point
	Bits     []uint64 // the parameters' bits
	Layers   []int
	Features []nn.Feature
	Epoch    int
	Err      string
	PCG      []byte
	History  History
	LastGen  map[string]string
}

func snapOf(t *testing.T, s *Session) snap {
	t.Helper()
	pcg, err := s.pcg.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	bits := make([]uint64, 0, len(s.net.Params()))
	for _, p := range s.net.Params() {
		bits = append(bits, math.Float64bits(p))
	}
	lg := map[string]string{}
	for k, v := range s.lastGen {
		lg[k] = v
	}
	return snap{s.Settings(), slices.Clone(s.points), bits, slices.Clone(s.net.Layers()), slices.Clone(s.features),
		s.epoch, s.err, pcg, s.history, lg}
}

func sameSnap(t *testing.T, what string, got, want snap) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s: not bit-identical (settings %v, points %v, weights %v, epoch %d/%d, history %v)", what,
			reflect.DeepEqual(got.Settings, want.Settings), slices.Equal(got.Points, want.Points),
			slices.Equal(got.Bits, want.Bits), got.Epoch, want.Epoch, got.History == want.History)
	}
}

// undoPaused undoes what, a step taken over work that was paused (before), and wants every
// bit of before back, paused, whatever the page did since; then redoes it and wants done
// back (the step's result).
func undoPaused(t *testing.T, s *Session, what string, before, done snap) {
	t.Helper()
	if err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	sameSnap(t, "undo of "+what, snapOf(t, s), before)
	if s.Running() {
		t.Errorf("after undo of %s the work trains; it was paused", what)
	}
	if err := s.Redo(); err != nil {
		t.Fatal(err)
	}
	sameSnap(t, "redo of "+what, snapOf(t, s), done)
}

// undoEdits are one of every kind of edit, with the label its undo step shows and whether
// it replaces the whole network (so that undo brings the trained weights back) or keeps
// the weights (so that training since stays).
var undoEdits = []struct {
	name  string
	edit  func(s *Session) error
	label string
	whole bool // the edit replaces the network
}{
	{"add", func(s *Session) error { _, err := s.AddPoint(1, 2, 1); return err }, "add point", false},
	{"move", func(s *Session) error { return s.MovePoint(3, -5, 5) }, "move point", false},
	{"delete", func(s *Session) error { return s.DeletePoint(7) }, "delete point", false},
	{"relabel", func(s *Session) error { return s.SetLabel(2, 1-s.Points()[2].Label) }, "relabel point", false},
	{"set data", func(s *Session) error { return s.SetData([]Point{{X: 1, Y: 1, Label: 1}, {X: -1, Y: 2}}) }, "set data", false},
	{"regenerate", func(s *Session) error { return s.Regenerate() }, "regenerate", false},
	{"learning rate", func(s *Session) error { return s.Configure(patch(`{"learningRate": 0.3}`)) }, "change learningRate", false},
	{"speed", func(s *Session) error { return s.Configure(patch(`{"speed": 20.0}`)) }, "change speed", false},
	{"dataset", func(s *Session) error { return s.Configure(patch(`{"dataset": "xor"}`)) }, "change dataset", false},
	{"noise", func(s *Session) error { return s.Configure(patch(`{"noise": 0.3}`)) }, "change noise", false},
	{"numPoints", func(s *Session) error { return s.Configure(patch(`{"numPoints": 40.0}`)) }, "change numPoints", false},
	{"testRatio", func(s *Session) error { return s.Configure(patch(`{"testRatio": 0.2}`)) }, "change testRatio", false},
	{"layers", func(s *Session) error { return s.Configure(patch(`{"layers": [2, 3, 2, 1]}`)) }, "change layers", true},
	{"features", func(s *Session) error { return s.Configure(patch(`{"features": ["x1", "x2", "x1*x2"]}`)) }, "change features, layers", true},
	{"activation", func(s *Session) error { return s.Configure(patch(`{"activation": "tanh"}`)) }, "change activation", true},
	{"seed", func(s *Session) error { return s.Configure(patch(`{"seed": 5.0}`)) }, "change seed", true},
	{"problem", func(s *Session) error { return s.Configure(patch(`{"problem": "regression"}`)) }, "change dataset, problem", true},
	{"load model", func(s *Session) error {
		o := newSessionOr(func(st *Settings) { st.Hidden = []int{5, 2}; st.Activation = "relu" })
		return s.LoadModel(o.Model())
	}, "load model", true},
	{"reset", func(s *Session) error { s.Reset(); return nil }, "reset", true},
	{"weight", func(s *Session) error { return s.SetWeight(0, 1, 1, 2.5) }, "edit weight", false},
	{"bias", func(s *Session) error { return s.SetBias(0, 2, -1) }, "edit bias", false},
}

// newSessionOr is newSession without a test to fail (the defaults with edit are valid).
func newSessionOr(edit func(*Settings)) *Session {
	st := ClassicSettings()
	edit(&st)
	s, err := New(st)
	if err != nil {
		panic(err)
	}
	return s
}

// TestUndoRedoEveryEdit: paused, undo then redo of every kind of edit returns to
// bit-identical states, and the labels name the edit.
func TestUndoRedoEveryEdit(t *testing.T) {
	for _, tt := range undoEdits {
		t.Run(tt.name, func(t *testing.T) {
			s := newSession(t, nil)
			mustStep(t, s, 30)
			s.Record()
			before := snapOf(t, s)
			if err := tt.edit(s); err != nil {
				t.Fatal(err)
			}
			checkConsistent(t, s)
			after := snapOf(t, s)
			if reflect.DeepEqual(before, after) {
				t.Fatal("the edit changed nothing")
			}
			if s.UndoLabel() != tt.label || s.CanRedo() {
				t.Errorf("undo label %q (can redo %v), want %q", s.UndoLabel(), s.CanRedo(), tt.label)
			}
			for round := range 2 {
				if err := s.Undo(); err != nil {
					t.Fatal(err)
				}
				checkConsistent(t, s)
				sameSnap(t, "undo", snapOf(t, s), before)
				if s.CanUndo() || s.RedoLabel() != tt.label {
					t.Errorf("round %d after undo: can undo %v, redo label %q", round, s.CanUndo(), s.RedoLabel())
				}
				if err := s.Redo(); err != nil {
					t.Fatal(err)
				}
				checkConsistent(t, s)
				sameSnap(t, "redo", snapOf(t, s), after)
			}
			if err := s.Redo(); err != errNothingToRedo {
				t.Errorf("Redo with nothing to redo: %v", err)
			}
		})
	}
}

// TestUndoKeepsTraining: undoing an edit keeps the training since, unless the edit replaced
// the whole network (then the network comes back as it was just before the edit).
func TestUndoKeepsTraining(t *testing.T) {
	for _, tt := range undoEdits {
		t.Run(tt.name, func(t *testing.T) {
			s := newSession(t, nil)
			mustStep(t, s, 30)
			before := snapOf(t, s)
			if err := tt.edit(s); err != nil {
				t.Fatal(err)
			}
			mustStep(t, s, 10)
			trained := snapOf(t, s)
			if err := s.Undo(); err != nil {
				t.Fatal(err)
			}
			got := snapOf(t, s)
			if !reflect.DeepEqual(got.Settings, before.Settings) || !slices.Equal(got.Points, before.Points) {
				t.Errorf("undo did not restore the settings and points")
			}
			wantBits, wantEpoch := trained.Bits, trained.Epoch
			if tt.whole {
				wantBits, wantEpoch = before.Bits, before.Epoch
			}
			if k := map[string]int{"weight": 3, "bias": 10}[tt.name]; k > 0 {
				// W[0] of 2-4-1 is 4×2 row-major, then b[0]: W[0][1][1] is 3, b[0][2] is 10.
				wantBits = slices.Clone(trained.Bits)
				wantBits[k] = before.Bits[k]
			}
			if !slices.Equal(got.Bits, wantBits) || got.Epoch != wantEpoch {
				t.Errorf("after undo epoch %d, want %d; weights as wanted %v", got.Epoch, wantEpoch, slices.Equal(got.Bits, wantBits))
			}
			checkConsistent(t, s)
			mustStep(t, s, 1) // and it trains
		})
	}
}

// TestUndoMany: a long chain of edits of every kind undoes back to the start and redoes to
// the end, bit for bit; a new edit forgets the redo steps.
func TestUndoMany(t *testing.T) {
	s := newSession(t, nil)
	var snaps []snap
	for range 12 {
		for _, tt := range undoEdits {
			if tt.name == "delete" && len(s.Points()) < 10 || (tt.name == "move" || tt.name == "relabel") && len(s.Points()) < 4 {
				continue
			}
			prev, steps := snapOf(t, s), len(s.undos.undo)
			// An edit that does not fit the state the others left (a classification model
			// on regression data) is refused; one that sets what is already set (the
			// problem already regression) changes nothing: neither is a step.
			if err := tt.edit(s); err == nil && len(s.undos.undo) > steps {
				snaps = append(snaps, prev)
			}
		}
	}
	end := snapOf(t, s)
	n := len(snaps)
	if n < 100 {
		t.Fatalf("only %d edits", n)
	}
	for i := n - 1; i >= 0; i-- {
		if err := s.Undo(); err != nil {
			t.Fatalf("undo %d: %v", i, err)
		}
		sameSnap(t, "undo", snapOf(t, s), snaps[i])
	}
	if err := s.Undo(); err != errNothingToUndo {
		t.Errorf("undo past the start: %v", err)
	}
	for i := range n {
		if err := s.Redo(); err != nil {
			t.Fatalf("redo %d: %v", i, err)
		}
	}
	sameSnap(t, "redo to the end", snapOf(t, s), end)
	for range 5 {
		_ = s.Undo()
	}
	if _, err := s.AddPoint(0, 0, 0); err != nil {
		t.Fatal(err)
	}
	if s.CanRedo() {
		t.Errorf("a new edit kept the redo steps")
	}
}

// TestUndoGroup: the edits of one gesture are one step; another gesture, or an edit outside
// any, is a step of its own.
func TestUndoGroup(t *testing.T) {
	s := newSession(t, nil)
	start := snapOf(t, s)
	g := s.NewGroup()
	for k := range 20 {
		s.Group(g)
		if err := s.MovePoint(4, float64(k)/10, 1); err != nil {
			t.Fatal(err)
		}
		s.Group(0)
	}
	mid := snapOf(t, s)
	g2 := s.NewGroup()
	for _, v := range []float64{0.1, 0.3, 1} {
		s.Group(g2)
		if err := s.Configure(patch(`{"learningRate": ` + FormatNumber(v) + `}`)); err != nil {
			t.Fatal(err)
		}
		s.Group(0)
	}
	if err := s.Configure(patch(`{"learningRate": 3.0}`)); err != nil {
		t.Fatal(err)
	}
	if len(s.undos.undo) != 3 {
		t.Fatalf("%d undo steps, want 3 (drag, slider, call)", len(s.undos.undo))
	}
	_ = s.Undo()
	if s.Settings().LearningRate != 1 {
		t.Errorf("undoing the call gave learning rate %g, want 1", s.Settings().LearningRate)
	}
	_ = s.Undo()
	sameSnap(t, "undo the slider", snapOf(t, s), mid)
	_ = s.Undo()
	sameSnap(t, "undo the drag", snapOf(t, s), start)
}

// TestUndoRefusalRecordsNothing: a refused edit adds no undo step.
func TestUndoRefusalRecordsNothing(t *testing.T) {
	s := newSession(t, nil)
	refusals := []func() error{
		func() error { _, err := s.AddPoint(99, 0, 1); return err },
		func() error { return s.MovePoint(9999, 0, 0) },
		func() error { return s.DeletePoint(-1) },
		func() error { return s.SetLabel(0, 0.5) },
		func() error { return s.SetData([]Point{{X: 0, Y: 0, Label: 3}}) },
		func() error { return s.Configure(patch(`{"layers": [3, 4, 1]}`)) },
		func() error { return s.Configure(patch(`{"learningRate": 0.03}`)) }, // no change at all
	}
	for i, f := range refusals {
		if i < len(refusals)-1 && f() == nil {
			t.Errorf("refusal %d was taken", i)
		} else if i == len(refusals)-1 {
			_ = f()
		}
		if s.CanUndo() {
			t.Fatalf("refusal %d recorded an undo step %q", i, s.UndoLabel())
		}
	}
}

// bigSession is the largest state a step can save: 2,000 points and the largest network.
func bigSession(t *testing.T) *Session {
	return newSession(t, func(st *Settings) {
		st.NumPoints = MaxPoints
		st.Features = slices.Clone(featureSpec().Choices)
		st.Hidden = []int{8, 8, 8, 8, 8, 8}
	})
}

// TestUndoBudget: a hundred of the largest steps fit; past the bounds the oldest are
// forgotten, the held bytes stay within UndoBudget and the Go heap grows by no more than it.
func TestUndoBudget(t *testing.T) {
	s := bigSession(t)
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	heap0 := ms.HeapAlloc
	// Switching the problem saves every point and the whole network: the largest step.
	problems := []string{Regression, Classification}
	for i := range 300 {
		if err := s.Configure(patch(`{"problem": "` + problems[i%2] + `"}`)); err != nil {
			t.Fatal(err)
		}
		if i == 99 && len(s.undos.undo) != 100 {
			t.Fatalf("%d of 100 largest steps kept (%d bytes each)", len(s.undos.undo), s.undos.undo[0].size())
		}
		if s.UndoBytes() > UndoBudget {
			t.Fatalf("undo holds %d bytes, over its budget %d", s.UndoBytes(), UndoBudget)
		}
	}
	runtime.GC()
	runtime.ReadMemStats(&ms)
	grown := int64(ms.HeapAlloc) - int64(heap0)
	t.Logf("%d steps of %d bytes held, %d bytes counted; heap grew %d bytes", len(s.undos.undo), s.undos.undo[0].size(), s.UndoBytes(), grown)
	if grown > UndoBudget*5/4 {
		t.Errorf("the heap grew %d bytes for an undo budget of %d", grown, UndoBudget)
	}
	// Small steps are bounded by number.
	for range UndoLevels + 50 {
		if err := s.MovePoint(0, 1, 1); err != nil {
			t.Fatal(err)
		}
	}
	if len(s.undos.undo) != UndoLevels {
		t.Errorf("%d steps kept, want %d", len(s.undos.undo), UndoLevels)
	}
	// Undoing all of them still works, oldest forgotten.
	for s.CanUndo() {
		if err := s.Undo(); err != nil {
			t.Fatal(err)
		}
	}
	checkConsistent(t, s)
}

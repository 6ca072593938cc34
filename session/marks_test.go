package session

import (
	"fmt"
	"reflect"
	"testing"

	"nnplay/nn"
)

// marksOf returns the history's marks, oldest first.
func marksOf(s *Session) []Mark {
	h := s.History()
	out := []Mark{}
	for i := range h.Marks() {
		out = append(out, h.Mark(i))
	}
	return out
}

// TestMarks: each kind of change of the data or the settings, made at epoch 30 of a trained
// session, leaves one mark saying what changed; a change that restarts training (a rebuild,
// a reset, a loaded model) clears the curve and its marks, and its mark stands at epoch 0.
// Changes the curve does not show (the view, the speed) leave none.
func TestMarks(t *testing.T) {
	model := func(s *Session) error {
		net, err := nn.New([]int{2, 3, 1}, nn.Tanh, nn.Sigmoid, nil)
		if err != nil {
			return err
		}
		return s.LoadModel(nn.NewModel(net, []nn.Feature{nn.X1, nn.X2}))
	}
	tests := []struct {
		name  string
		edit  func(s *Session) error
		epoch int
		text  string
	}{
		{"data set", func(s *Session) error { return s.Configure(patch(`{"dataset": "xor"}`)) }, 30, "data set circle → xor"},
		{"learning rate", func(s *Session) error { return s.Configure(patch(`{"learningRate": 0.3}`)) }, 30, "learning rate 0.03 → 0.3"},
		{"two settings", func(s *Session) error { return s.Configure(patch(`{"noise": 0.2, "batchSize": 5}`)) }, 30, "noise 0 → 0.2, batch size 10 → 5"},
		{"regularization", func(s *Session) error { return s.Configure(patch(`{"regularization": "l2"}`)) }, 30, "regularization none → l2"},
		{"add", func(s *Session) error { _, err := s.AddPoint(1, 2, 1); return err }, 30, "point added"},
		{"move", func(s *Session) error { return s.MovePoint(3, -5, 5) }, 30, "point moved"},
		{"delete", func(s *Session) error { return s.DeletePoint(7) }, 30, "point deleted"},
		{"relabel", func(s *Session) error { return s.SetLabel(2, 1-s.Points()[2].Label) }, 30, "point relabelled"},
		{"set data", func(s *Session) error { return s.SetData([]Point{{X: 1, Y: 1, Label: 1}, {X: -1, Y: 2}}) }, 30, "new data: 2 points"},
		{"regenerate", func(s *Session) error { return s.Regenerate() }, 30, "regenerated, data seed 1 → 2"},
		{"weight", func(s *Session) error { return s.SetWeight(0, 1, 1, 0.5) }, 30, "weight %.3g → 0.5"}, // %.3g: the old value
		{"layers", func(s *Session) error { return s.Configure(patch(`{"layers": [2, 8, 1]}`)) }, 0, "layers 2-4-1 → 2-8-1"},
		{"features", func(s *Session) error {
			return s.Configure(patch(`{"features": ["x1", "x2", "x1*x2"], "layers": [3, 4, 1]}`))
		}, 0, "features x1, x2 → x1, x2, x1*x2, layers 2-4-1 → 3-4-1"},
		{"reset", func(s *Session) error { s.Reset(); return nil }, 0, "reset"},
		{"model", model, 0, "model loaded"},
		{"shared link", func(s *Session) error { return s.ApplyLink(Link{Points: []Point{{X: 1, Y: 1, Label: 1}}}) }, 30, "link opened"},
		{"speed", func(s *Session) error { return s.Configure(patch(`{"speed": 20.0}`)) }, -1, ""},
		{"view", func(s *Session) error { return s.Configure(patch(`{"logLoss": true}`)) }, -1, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newSession(t, nil)
			mustStep(t, s, 30)
			s.Record()
			text := tt.text
			if tt.name == "weight" {
				text = fmt.Sprintf(text, s.Value(Param{L: 0, J: 1, I: 1}))
			}
			if err := tt.edit(s); err != nil {
				t.Fatal(err)
			}
			var want []Mark
			if tt.epoch >= 0 {
				want = []Mark{{tt.epoch, text}}
			}
			if got := marksOf(s); len(got) != len(want) || len(want) > 0 && got[0] != want[0] {
				t.Errorf("marks %+v, want %+v", got, want)
			}
		})
	}
}

// TestMarksMerge: the edits made at one epoch (paused) are one mark saying what they did
// together; the moves of one drag while training are one mark at the drag's start; a
// setting set back to its value at the same epoch leaves no mark; edits at other epochs are
// marks of their own.
func TestMarksMerge(t *testing.T) {
	s := newSession(t, nil)
	mustStep(t, s, 5)
	for _, x := range []float64{1, 2, 3} {
		if _, err := s.AddPoint(x, 0, 1); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.MovePoint(0, 0, 0); err != nil {
		t.Fatal(err)
	}
	if err := s.Configure(patch(`{"learningRate": 0.1}`)); err != nil {
		t.Fatal(err)
	}
	if err := s.Configure(patch(`{"learningRate": 0.3}`)); err != nil {
		t.Fatal(err)
	}
	mustStep(t, s, 5)
	g := s.NewGroup()
	for k := range 10 { // a drag while training: a move every epoch
		s.Group(g)
		if err := s.MovePoint(1, float64(k)/10, 1); err != nil {
			t.Fatal(err)
		}
		s.Group(0)
		mustStep(t, s, 1)
	}
	if err := s.Configure(patch(`{"batchSize": 3}`)); err != nil {
		t.Fatal(err)
	}
	if err := s.Configure(patch(`{"batchSize": 10}`)); err != nil {
		t.Fatal(err)
	}
	want := []Mark{
		{5, "learning rate 0.03 → 0.3, 4 points edited"},
		{10, "point moved"},
	}
	if got := marksOf(s); !reflect.DeepEqual(got, want) {
		t.Errorf("marks %+v, want %+v", got, want)
	}
}

// TestMarksBound: past MarkCap changes the oldest marks are forgotten, the newest kept.
func TestMarksBound(t *testing.T) {
	s := newSession(t, nil)
	for k := range MarkCap + 10 {
		mustStep(t, s, 1)
		if err := s.MovePoint(0, float64(k%10)/10, 0); err != nil {
			t.Fatal(err)
		}
	}
	got := marksOf(s)
	if len(got) != MarkCap {
		t.Fatalf("%d marks after %d changes, want the last %d", len(got), MarkCap+10, MarkCap)
	}
	if got[0].Epoch != 11 || got[MarkCap-1].Epoch != MarkCap+10 {
		t.Errorf("marks from epoch %d to %d, want 11 to %d", got[0].Epoch, got[MarkCap-1].Epoch, MarkCap+10)
	}
}

// TestMarksUndo: undo brings the marks back with the history (a rebuild undone shows the
// old curve with its marks), and bit for bit when nothing trained since the edit; once
// training went on, the curve keeps the edit's mark and an undo or redo marks its own.
func TestMarksUndo(t *testing.T) {
	s := newSession(t, nil)
	mustStep(t, s, 10)
	if err := s.Configure(patch(`{"dataset": "xor"}`)); err != nil {
		t.Fatal(err)
	}
	mustStep(t, s, 10)
	trained := marksOf(s)
	if err := s.Configure(patch(`{"layers": [2, 2, 1]}`)); err != nil {
		t.Fatal(err)
	}
	if err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	if got := marksOf(s); !reflect.DeepEqual(got, trained) {
		t.Errorf("after undoing a rebuild the marks are %+v, want the old curve's %+v", got, trained)
	}
	if err := s.Redo(); err != nil {
		t.Fatal(err)
	}
	if got, want := marksOf(s), []Mark{{0, "layers 2-4-1 → 2-2-1"}}; !reflect.DeepEqual(got, want) {
		t.Errorf("after redo: %+v, want %+v", got, want)
	}
	if err := s.Undo(); err != nil {
		t.Fatal(err)
	}

	// Undone at once: as if it never was.
	if _, err := s.AddPoint(1, 1, 0); err != nil {
		t.Fatal(err)
	}
	if err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	if got := marksOf(s); !reflect.DeepEqual(got, trained) {
		t.Errorf("after adding a point and undoing it at once: %+v, want %+v", got, trained)
	}

	// Undone after training: both changes marked.
	if err := s.Configure(patch(`{"learningRate": 1}`)); err != nil {
		t.Fatal(err)
	}
	mustStep(t, s, 5)
	if err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	mustStep(t, s, 5)
	if err := s.Redo(); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddPoint(1, 1, 0); err != nil {
		t.Fatal(err)
	}
	mustStep(t, s, 5)
	if err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	want := append(trained,
		Mark{20, "learning rate 0.03 → 1"}, Mark{25, "undo: learning rate 1 → 0.03"},
		Mark{30, "redo: learning rate 0.03 → 1, point added"}, Mark{35, "undo add point"})
	if got := marksOf(s); !reflect.DeepEqual(got, want) {
		t.Errorf("marks %+v, want %+v", got, want)
	}
}

// TestMarksAllocateNothing: with marks kept, training and recording allocate nothing, nor do
// the moves of a drag after its first (the frame runs them).
func TestMarksAllocateNothing(t *testing.T) {
	s := newSession(t, nil)
	for k := range MarkCap {
		mustStep(t, s, 1)
		if err := s.Configure(patch(fmt.Sprintf(`{"learningRate": %d}`, k%2+1))); err != nil {
			t.Fatal(err)
		}
	}
	g, x := s.NewGroup(), 0.0
	frame := func() {
		x += 0.01
		s.Group(g)
		if err := s.MovePoint(1, x, 1); err != nil {
			t.Fatal(err)
		}
		s.Group(0)
		mustStep(t, s, 1)
		s.Record()
	}
	frame()
	if a := testing.AllocsPerRun(50, frame); a != 0 {
		t.Errorf("a frame of a drag and training allocates %v times, want 0", a)
	}
	if n := s.History().Marks(); n != MarkCap {
		t.Errorf("%d marks, want %d", n, MarkCap)
	}
}

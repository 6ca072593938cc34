package view

import (
	"testing"

	"nnplay/session"
)

// markedSession returns a session trained 100 epochs with its history recorded every 10,
// changed at epochs 20 (the data set) and 60 (the learning rate).
func markedSession(t *testing.T) *session.Session {
	t.Helper()
	s := newSession(t, session.Patch{})
	for e := 0; e < 100; e += 10 {
		switch e {
		case 20:
			if err := s.Configure(patch(`{"dataset": "xor"}`)); err != nil {
				t.Fatal(err)
			}
		case 60:
			if err := s.Configure(patch(`{"learningRate": 0.3}`)); err != nil {
				t.Fatal(err)
			}
		}
		s.Record()
		if _, err := s.Step(10); err != nil {
			t.Fatal(err)
		}
	}
	s.Record()
	return s
}

// TestLossMarks: each mark of the history is a line at its epoch's x on the chart, where the
// curves put that epoch; the mouse within MarkHitPx of a line rests on that mark (the nearer
// of two), its tooltip saying what changed; elsewhere, and above or below the chart, on none.
func TestLossMarks(t *testing.T) {
	s := markedSession(t)
	l := NewLayout(900, 640)
	g := NewLossGeom()
	g.Update(l.Loss, s.History(), s.Metrics(), false)
	a := g.Area
	want := []float64{a.X + a.W*0.2, a.X + a.W*0.6}
	if len(g.MarkX) != 2 || g.MarkX[0] != want[0] || g.MarkX[1] != want[1] {
		t.Fatalf("marks at x %v, want %v (epochs 20 and 60 of 100)", g.MarkX, want)
	}
	y := a.Y + a.H/2
	tests := []struct {
		name   string
		x, y   float64
		want   int // the mark, -1 for none
		tip    string
		radius float64
	}{
		{"on the first", want[0], y, 0, "epoch 20: data set circle → xor", MarkHitPx},
		{"4 px right of the second", want[1] + 4, y, 1, "epoch 60: learning rate 0.03 → 0.3", MarkHitPx},
		{"6 px left of the second", want[1] - 6, y, -1, "", MarkHitPx},
		{"6 px left of the second, a finger", want[1] - 6, y, 1, "epoch 60: learning rate 0.03 → 0.3", 10},
		{"between them", (want[0] + want[1]) / 2, y, -1, "", MarkHitPx},
		{"above the chart", want[0], a.Y - 2, -1, "", MarkHitPx},
		{"below the chart", want[0], a.Y + a.H + 2, -1, "", MarkHitPx},
	}
	for _, tc := range tests {
		h := HitLossMark(l, s.History(), tc.x, tc.y, tc.radius)
		got := -1
		if h.Kind == HoverLossMark {
			got = h.Index
		}
		if got != tc.want {
			t.Errorf("%s: mark %d, want %d", tc.name, got, tc.want)
		}
		if tip := string(AppendTooltip(nil, s, h, -1)); tip != tc.tip {
			t.Errorf("%s: tooltip %q, want %q", tc.name, tip, tc.tip)
		}
	}
	for i, hovered := range []bool{false, true} {
		r, c := g.MarkLine(i, hovered)
		wantW, wantC := 1.0, LossMarkInk
		if hovered {
			wantW, wantC = 2, Ink
		}
		if want := (Rect{want[i] - wantW/2, a.Y, wantW, a.H}); r != want || c != wantC {
			t.Errorf("mark %d, hovered %v: line %+v in %v, want %+v in %v", i, hovered, r, c, want, wantC)
		}
	}
	if tip := AppendTooltip(nil, s, Hover{Kind: HoverLossMark, Index: 2}, -1); len(tip) != 0 {
		t.Errorf("a stale mark's tooltip %q, want none", tip)
	}
}

// TestLossMarkAfterTheCurve: a change made since the last sample stands at the chart's
// right edge, not beyond it.
func TestLossMarkAfterTheCurve(t *testing.T) {
	s := markedSession(t)
	if _, err := s.Step(5); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddPoint(0, 0, 1); err != nil {
		t.Fatal(err)
	}
	g := NewLossGeom()
	g.Update(NewLayout(900, 640).Loss, s.History(), s.Metrics(), true)
	if n := len(g.MarkX); n != 3 || g.MarkX[2] != g.Area.X+g.Area.W {
		t.Errorf("marks at %v, want the third at the right edge %v", g.MarkX, g.Area.X+g.Area.W)
	}
}

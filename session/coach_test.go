package session

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// train runs s for epochs, recording the history every 8 epochs as frames do, and returns
// every distinct set of hints the coach gave on the way.
func train(t *testing.T, s *Session, c *Coach, epochs int) (seen [][]Hint) {
	t.Helper()
	for e := 0; e < epochs; e += 8 {
		if _, err := s.Step(8); err != nil {
			t.Fatalf("epoch %d: %v", s.Epoch(), err)
		}
		s.Record()
		h := c.Advise(s)
		if len(seen) == 0 || !slices.Equal(seen[len(seen)-1], h) {
			seen = append(seen, slices.Clone(h))
		}
	}
	return seen
}

func TestCoach(t *testing.T) {
	for _, tc := range []struct {
		name   string
		edit   func(*Settings)
		prep   func(*Session)
		epochs int
		want   []Hint
	}{
		{"deep sigmoid", func(s *Settings) { s.Hidden = []int{8, 8, 8, 8, 8, 8} }, nil, 1500, []Hint{HintVanishing}},
		{"learning rate swinging", func(s *Settings) {
			s.Problem, s.Dataset, s.LearningRate = Regression, "gauss-multi", 1
		}, nil, 1500, []Hint{HintRateHigh}},
		{"dead ReLU", func(s *Settings) { s.Activation = "relu" }, func(s *Session) {
			// Node 1 of the hidden layer: z = −1 everywhere, so it never learns again.
			_ = s.SetWeight(0, 1, 0, 0)
			_ = s.SetWeight(0, 1, 1, 0)
			_ = s.SetBias(0, 1, -1)
		}, 1000, []Hint{HintDeadReLU}},
		{"learning rate low", func(s *Settings) { s.LearningRate = 0.001 }, nil, 1500, []Hint{HintRateLow}},
		{"no hidden layer on xor", func(s *Settings) { s.Dataset, s.Hidden = "xor", nil }, nil, 1500, []Hint{HintTooSmall}},
		{"noisy circle: the noise is what the data allows", func(s *Settings) { s.Noise = 0.5 }, nil, 3000, nil},
		{"two nodes on the spiral", func(s *Settings) { s.Dataset, s.Hidden = "spiral", []int{2} }, nil, 3000, []Hint{HintTooSmall}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := newSession(t, tc.edit)
			if tc.prep != nil {
				tc.prep(s)
			}
			var c Coach
			seen := train(t, s, &c, tc.epochs)
			if len(seen[0]) != 0 {
				t.Errorf("hints %v on the first epochs", seen[0])
			}
			if got := c.Advise(s); !slices.Equal(got, tc.want) {
				t.Errorf("at epoch %d: hints %v, want %v; seen %v", s.Epoch(), got, tc.want, seen)
			}
			// Frames irregular, and far apart (as a slow page trains): once the run is twice
			// the window long, the same hints on every frame.
			for _, frame := range [][2]int{{1, 120}, {60, 130}} {
				s := newSession(t, tc.edit)
				if tc.prep != nil {
					tc.prep(s)
				}
				rng := rand.New(rand.NewPCG(3, 4))
				var c Coach
				for s.Epoch() < 2*tc.epochs {
					if _, err := s.Step(frame[0] + rng.IntN(frame[1]-frame[0])); err != nil {
						t.Fatal(err)
					}
					s.Record()
					if got := c.Advise(s); s.Epoch() >= 2*CoachWindow && !slices.Equal(got, tc.want) {
						t.Fatalf("frames of %d–%d epochs, at epoch %d: hints %v, want %v", frame[0], frame[1], s.Epoch(), got, tc.want)
					}
				}
			}
		})
	}
}

// TestCoachClears: a hint goes once its cause does: the swinging loss calms down after the
// learning rate is lowered, and the hint clears within two windows.
func TestCoachClears(t *testing.T) {
	s := newSession(t, func(s *Settings) { s.Problem, s.Dataset, s.LearningRate = Regression, "gauss-multi", 1 })
	var c Coach
	train(t, s, &c, 1500)
	if got := c.Advise(s); !slices.Equal(got, []Hint{HintRateHigh}) {
		t.Fatalf("hints %v, want the learning rate too high", got)
	}
	p, err := ParsePatch([]byte(`{"learningRate": 0.03}`))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Configure(p); err != nil {
		t.Fatal(err)
	}
	train(t, s, &c, 2*CoachWindow+100)
	if got := c.Advise(s); len(got) != 0 {
		t.Errorf("%d epochs after lowering the learning rate: hints %v, want none", 2*CoachWindow+100, got)
	}
	s.Reset()
	if got := c.Advise(s); len(got) != 0 {
		t.Errorf("after a reset: hints %v", got)
	}
}

// TestCoachQuietOnDefaults: training with the defaults, the coach says nothing, from the
// first epoch to long after convergence.
func TestCoachQuietOnDefaults(t *testing.T) {
	s := newSession(t, nil)
	var c Coach
	if seen := train(t, s, &c, 12000); len(seen) != 1 || len(seen[0]) != 0 {
		t.Errorf("hints on the defaults: %v", seen)
	}
}

func TestCoachAllocs(t *testing.T) {
	s := newSession(t, func(s *Settings) { s.Activation, s.Hidden = "relu", []int{4, 4} })
	var c Coach
	train(t, s, &c, 600)
	if a := testing.AllocsPerRun(20, func() { c.Advise(s) }); a != 0 {
		t.Errorf("Advise: %v allocations, want 0", a)
	}
	for h := range hintCount {
		if h.String() == "" || h.String() == "unknown hint" {
			t.Errorf("hint %d has no line", h)
		}
	}
}

// BenchmarkCoach: one Advise on a stuck run of 500 points (250 training), as the page asks a
// few times a second; the data's floor is computed once, outside the loop.
func BenchmarkCoach(b *testing.B) {
	st := ClassicSettings()
	st.NumPoints, st.Dataset, st.Hidden = 500, "spiral", []int{2}
	s, err := New(st)
	if err != nil {
		b.Fatal(err)
	}
	for range CoachWindow / 8 * 2 {
		s.Step(8)
		s.Record()
	}
	var c Coach
	c.Advise(s)
	b.ReportAllocs()
	for b.Loop() {
		c.Advise(s)
	}
}

// TestCoachAfterDrag: a dragged point makes the loss jump; that is no learning rate too
// high, so the coach says nothing while the network takes the point in (at the defaults,
// whose drag TestDragTeaches measures).
func TestCoachAfterDrag(t *testing.T) {
	s, err := New(DefaultSettings())
	if err != nil {
		t.Fatal(err)
	}
	var c Coach
	train := func(epochs int) {
		t.Helper()
		for range epochs / 10 {
			mustStep(t, s, 10)
			s.Record()
			if h := c.Advise(s); len(h) > 0 {
				t.Fatalf("at epoch %d: hints %v", s.Epoch(), h)
			}
		}
	}
	train(2500)
	i := s.train[0] // label 1, dragged deep into class 0's region, paused, frame by frame
	p := s.Points()[i]
	for k := range 9 {
		f := float64(k) / 8
		if err := s.MovePoint(i, p.X+f*(-2-p.X), p.Y+f*(-1-p.Y)); err != nil {
			t.Fatal(err)
		}
		s.Record()
		if h := c.Advise(s); len(h) > 0 {
			t.Fatalf("during the drag: hints %v", h)
		}
	}
	train(2500)
}

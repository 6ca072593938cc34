package session

import (
	"encoding/base64"
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// TestShareLinkRoundTrip: a shared link opened in a new default session gives the
// sharer's weights and points bit for bit (-0, subnormals, the largest values, test flags),
// its settings, epoch 0, paused; the carried weights are the run's initial ones.
func TestShareLinkRoundTrip(t *testing.T) {
	tiny, huge := math.SmallestNonzeroFloat64, math.MaxFloat64
	tests := []struct {
		name    string
		edit    func(*Settings)
		weights []float64 // the first parameters, set before sharing
		points  []Point
		trains  bool // whether training can go on from these weights and points
	}{
		{"classification, -0 and subnormals", nil,
			[]float64{math.Copysign(0, -1), tiny, -tiny, 2.2250738585072009e-308, 1e-310, huge, -huge, 0.1},
			[]Point{{X: math.Copysign(0, -1), Y: tiny, Label: 1}, {X: -6, Y: 6, Label: 0, Test: true}, {X: 1e-310, Y: -5.999999999999999, Label: 1}}, true},
		{"regression, extreme labels", func(s *Settings) { s.Problem, s.Dataset = Regression, "plane" },
			[]float64{huge, math.Nextafter(1, 2), -1e-300},
			[]Point{{X: 0.1, Y: 0.2, Label: huge}, {X: 0.3, Y: 0.4, Label: -tiny, Test: true}, {X: 0.5, Y: 0.6, Label: math.Copysign(0, -1)}}, false},
		{"deep, seven features, no points", func(s *Settings) {
			s.Features = []string{"x1", "x2", "x1^2", "x2^2", "x1*x2", "sin(x1)", "sin(x2)"}
			s.Hidden, s.Activation = []int{8, 8, 8, 8, 8, 8}, "tanh"
		}, []float64{-tiny, 3}, []Point{}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := newSession(t, tc.edit)
			mustStep(t, s, 3)
			copy(s.net.Params(), tc.weights)
			if err := s.SetData(tc.points); err != nil {
				t.Fatal(err)
			}
			s.SetRunning(true)
			link, err := s.ShareLink(Share{Weights: WeightsCurrent, Data: true})
			if err != nil {
				t.Fatal(err)
			}
			l, err := ParseLink("http://localhost:8080/index.html#" + link)
			if err != nil {
				t.Fatalf("ParseLink(%q): %v", link, err)
			}
			r := newSession(t, nil)
			r.SetRunning(true)
			mustStep(t, r, 2)
			if err := r.ApplyLink(l); err != nil {
				t.Fatalf("ApplyLink: %v", err)
			}
			if !sameBits(r.Network().Params(), s.Network().Params()) || !sameBits(r.initial, s.Network().Params()) {
				t.Errorf("weights %v (initial %v), want %v", r.Network().Params(), r.initial, s.Network().Params())
			}
			if !samePoints(r.Points(), s.Points()) {
				t.Errorf("points %v, want %v", r.Points(), s.Points())
			}
			if !reflect.DeepEqual(r.Settings(), s.Settings()) {
				t.Errorf("settings %+v, want %+v", r.Settings(), s.Settings())
			}
			if r.Running() || r.Epoch() != 0 || r.History().Len() != 0 || r.UndoLabel() != "open link" {
				t.Errorf("running %v, epoch %d, history %d, undo %q; want paused at epoch 0, no history, undo \"open link\"",
					r.Running(), r.Epoch(), r.History().Len(), r.UndoLabel())
			}
			if tc.trains {
				mustStep(t, r, 1) // play goes on from it
			}
		})
	}
}

// TestShareLinkChoices: what a shared link carries follows the options and their defaults
// (the current weights; the points only when hand-made); initial weights are the run's
// start, after a reset too, and undo brings the earlier start back.
func TestShareLinkChoices(t *testing.T) {
	s := newSession(t, nil)
	start := slices.Clone(s.Network().Params())
	mustStep(t, s, 20)
	carried := func(sh Share) Link {
		t.Helper()
		link, err := s.ShareLink(sh)
		if err != nil {
			t.Fatal(err)
		}
		l, err := ParseLink(link)
		if err != nil {
			t.Fatal(err)
		}
		return l
	}
	if d := s.DefaultShare(); d != (Share{Weights: WeightsCurrent, Data: false}) {
		t.Errorf("generated data: DefaultShare() = %+v, want current weights, no data", d)
	}
	if l := carried(Share{Weights: WeightsNone}); l.Carries() {
		t.Errorf("weights none, no data: the link carries %d weights, %d points", len(l.Weights), len(l.Points))
	}
	if l := carried(Share{Weights: WeightsInitial}); !sameBits(l.Weights, start) || l.Points != nil {
		t.Errorf("initial: %v, want %v and no points", l.Weights, start)
	}
	if l := carried(Share{Weights: WeightsCurrent, Data: true}); !sameBits(l.Weights, s.Network().Params()) || !samePoints(l.Points, s.Points()) {
		t.Errorf("current with data: %v, want %v and the points", l.Weights, s.Network().Params())
	}
	if _, err := s.AddPoint(1, 1, 1); err != nil {
		t.Fatal(err)
	}
	if d := s.DefaultShare(); !d.Data {
		t.Errorf("hand-made data: DefaultShare() = %+v, want the data", d)
	}
	if err := s.SetWeight(0, 0, 0, 7); err != nil {
		t.Fatal(err)
	}
	if l := carried(Share{Weights: WeightsInitial}); !sameBits(l.Weights, start) {
		t.Errorf("after a weight edit, initial: %v, want the run's start %v", l.Weights, start)
	}
	m := s.Model()
	m.Biases[0][0] = 0.625
	if err := s.LoadModel(m); err != nil {
		t.Fatal(err)
	}
	loaded := slices.Clone(s.Network().Params())
	mustStep(t, s, 5)
	if l := carried(Share{Weights: WeightsInitial}); !sameBits(l.Weights, loaded) {
		t.Errorf("after a model load, initial: %v, want the model's %v", l.Weights, loaded)
	}
	s.Reset()
	mustStep(t, s, 5)
	if l := carried(Share{Weights: WeightsInitial}); !sameBits(l.Weights, start) {
		t.Errorf("after reset, initial: %v, want the seed's %v", l.Weights, start)
	}
	if err := s.Undo(); err != nil { // the reset
		t.Fatal(err)
	}
	if l := carried(Share{Weights: WeightsInitial}); !sameBits(l.Weights, loaded) {
		t.Errorf("after undoing the reset, initial: %v, want the loaded model's %v", l.Weights, loaded)
	}
	if _, err := s.ShareLink(Share{Weights: "all"}); err == nil || !strings.Contains(err.Error(), `weights must be "none", "initial" or "current", got "all"`) {
		t.Errorf("ShareLink(weights all): %v", err)
	}
}

// TestShareLinkAllocs: the copy of the initial weights costs the training step nothing.
func TestShareLinkAllocs(t *testing.T) {
	s := newSession(t, nil)
	if n := testing.AllocsPerRun(20, func() { mustStep(t, s, 1) }); n != 0 {
		t.Errorf("Step allocates %v times", n)
	}
	if n := testing.AllocsPerRun(20, s.restart); n != 0 {
		t.Errorf("restart (keeping the initial weights) allocates %v times", n)
	}
}

// carriedValue returns raw bytes packed as a carried value is.
func carriedValue(b []byte) string { return pack(b) }

// TestParseLinkRefusesCarried: a carried value that is not what ShareLink writes is refused,
// naming the key and what is wrong.
func TestParseLinkRefusesCarried(t *testing.T) {
	w := floatBytes(nil, []float64{1, 2, 3})
	good := carriedValue(w)
	nan := carriedValue(floatBytes(nil, []float64{1, math.NaN()}))
	inf := carriedValue(floatBytes(nil, []float64{math.Inf(-1)}))
	pt := pointBytes([]Point{{X: 1, Y: 2, Label: 1}})
	flag := slices.Clone(pt)
	flag[len(flag)-1] = 2
	wantRefused(t, []refusedLink{
		{"weights=" + base64.RawURLEncoding.EncodeToString(mustDecode(t, good)[:8]), "weights: the compressed data is damaged or cut short"},
		{"weights=" + good[:len(good)-3], "weights: not base64url text"},
		{"weights=" + good[:len(good)-1] + "*", "weights: not base64url text"},
		{"weights=" + good + "==", "weights: not base64url text"},
		{"weights=" + strings.ReplaceAll(strings.ReplaceAll(good, "-", "+"), "_", "/") + "+", "weights: not base64url text"},
		{"weights=", "weights: no data"},
		{"weights=" + base64.RawURLEncoding.EncodeToString([]byte("not deflate at all")), "weights: the compressed data is damaged"},
		{"weights=" + base64.RawURLEncoding.EncodeToString(append(mustDecode(t, good), 0, 0)), "weights: 2 bytes follow the compressed data"},
		{"weights=" + carriedValue(w[:12]), "weights: 12 bytes is not a whole number of float64s"},
		{"weights=" + nan, "weights: number 1 is NaN; weights must be finite"},
		{"weights=" + inf, "weights: number 0 is -Inf; weights must be finite"},
		{"points=" + carriedValue(pt[:24]), "points: 24 bytes is not a whole number of points (25 bytes each)"},
		{"points=" + carriedValue(flag), "points: point 0's test flag is 2, not 0 or 1"},
		{"points=" + carriedValue(make([]byte, maxCarried+pointSize)), "points: more than 50000 bytes once decompressed"},
		{"points=" + carriedValue(pt) + "&points=" + carriedValue(pt), "points is given twice"},
	})
}

func mustDecode(t *testing.T, v string) []byte {
	t.Helper()
	b, err := base64.RawURLEncoding.DecodeString(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestApplyLinkRefusesCarried: carried weights that do not fit the network the link leaves,
// and points that do not fit its plane or problem, are refused, naming what is wrong, and
// change nothing.
func TestApplyLinkRefusesCarried(t *testing.T) {
	w17 := carriedValue(floatBytes(nil, make([]float64, 17))) // 2-4-1's parameters
	pts := func(p ...Point) string { return carriedValue(pointBytes(p)) }
	tests := []struct{ name, link, want string }{
		{"too few weights", "weights=" + carriedValue(floatBytes(nil, make([]float64, 16))),
			"weights: the link carries 16 numbers, but the network 2-4-1 has 17 weights and biases"},
		{"too many weights", "weights=" + carriedValue(floatBytes(nil, make([]float64, 18))),
			"weights: the link carries 18 numbers, but the network 2-4-1 has 17 weights and biases"},
		{"the link's own shape", "layers=2,8,1&weights=" + w17,
			"weights: the link carries 17 numbers, but the network 2-8-1 has 33 weights and biases"},
		{"outside the plane", "points=" + pts(Point{X: 7, Y: 0, Label: 1}), "points[0]: point (7, 0) is outside the plane [-6, 6]²"},
		{"NaN coordinate", "points=" + pts(Point{X: 0, Y: 0, Label: 1}, Point{X: math.NaN(), Y: 0, Label: 1}), "points[1]: point (NaN, 0) is outside the plane"},
		{"classification label", "points=" + pts(Point{X: 0, Y: 0, Label: 0.5}), "points[0]: label must be 0 or 1 for classification, got 0.5"},
		{"the link's own problem", "problem=classification&points=" + pts(Point{X: 0, Y: 0, Label: -3}), "label must be 0 or 1"},
		{"regression label", "problem=regression&points=" + pts(Point{X: 0, Y: 0, Label: math.Inf(1)}), "label must be a finite number for regression, got +Inf"},
		{"a bad setting beside", "learningRate=20&weights=" + w17, "learningRate must be"},
	}
	for _, tc := range tests {
		s := newSession(t, nil)
		mustStep(t, s, 3)
		before := stateOf(s)
		l, err := ParseLink(tc.link)
		if err == nil {
			err = s.ApplyLink(l)
		}
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want it to say %q", tc.name, err, tc.want)
		}
		if !reflect.DeepEqual(stateOf(s), before) {
			t.Errorf("%s: the refused link changed the session", tc.name)
		}
	}
}

// TestApplyLinkCarriedData: carried points keep the data set's name only when it generates
// exactly them; a link of the other problem carries its labels; undo brings back what was
// there before the link.
func TestApplyLinkCarriedData(t *testing.T) {
	src := newSession(t, func(s *Settings) { s.Dataset = "xor" })
	generated, err := src.ShareLink(Share{Weights: WeightsNone, Data: true})
	if err != nil {
		t.Fatal(err)
	}
	moved := newSession(t, func(s *Settings) { s.Dataset = "xor" })
	if err := moved.MovePoint(0, 1, 1); err != nil {
		t.Fatal(err)
	}
	edited, _ := moved.ShareLink(Share{Weights: WeightsNone, Data: true})
	plane := newSession(t, func(s *Settings) { s.Problem, s.Dataset = Regression, "plane" })
	regression, _ := plane.ShareLink(Share{Weights: WeightsCurrent, Data: true})
	tests := []struct {
		name, link, dataset string
		want                *Session
	}{
		{"generated points", generated, "xor", src},
		{"edited points", edited, Custom, moved},
		{"regression from classification", regression, "plane", plane},
	}
	for _, tc := range tests {
		s := newSession(t, nil)
		before := stateOf(s)
		l, err := ParseLink(tc.link)
		if err == nil {
			err = s.ApplyLink(l)
		}
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if got := s.Settings(); got.Dataset != tc.dataset || got.Problem != tc.want.Settings().Problem || !samePoints(s.Points(), tc.want.Points()) {
			t.Errorf("%s: %s data set %q and %d points, want %s %q and the sharer's %d", tc.name, got.Problem, got.Dataset,
				len(s.Points()), tc.want.Settings().Problem, tc.dataset, len(tc.want.Points()))
		}
		checkConsistent(t, s)
		if err := s.Undo(); err != nil {
			t.Fatal(err)
		}
		after := stateOf(s)
		after.Version, after.CanUndo = before.Version, before.CanUndo
		if !reflect.DeepEqual(after, before) {
			t.Errorf("%s: undo does not bring back the state before the link", tc.name)
		}
	}
}

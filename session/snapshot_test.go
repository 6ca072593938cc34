package session

import (
	"bytes"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// pointBits returns every number of pts as its bits, and the test flags.
func pointBits(pts []Point) []uint64 {
	out := make([]uint64, 0, 4*len(pts))
	for _, p := range pts {
		t := uint64(0)
		if p.Test {
			t = 1
		}
		out = append(out, math.Float64bits(p.X), math.Float64bits(p.Y), math.Float64bits(p.Label), t)
	}
	return out
}

// awkward is a session with numbers that a careless encoding would round: hand-made points
// at 0.1+0.2, the smallest subnormal, -0 and a neighbour of 1, weights set to 1/3, -0 and a
// subnormal, trained some epochs.
func awkward(t *testing.T, problem string) *Session {
	t.Helper()
	st := ClassicSettings()
	labels := []float64{0, 1, 1, 0}
	if problem == Regression {
		st.Problem, st.Dataset = Regression, "plane"
		labels = []float64{-1e-300, 0.1 + 0.2, math.Nextafter(1, 2), -123456.789e10}
	}
	s, err := New(st)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Step(40); err != nil {
		t.Fatal(err)
	}
	for i, xy := range [][2]float64{{0.1 + 0.2, math.SmallestNonzeroFloat64}, {math.Copysign(0, -1), -6}, {math.Nextafter(1, 0), 6}, {-5.999999999999999, 1.0 / 3}} {
		if _, err := s.AddPoint(xy[0], xy[1], labels[i]); err != nil {
			t.Fatal(err)
		}
	}
	for k, v := range []float64{1.0 / 3, math.Copysign(0, -1), 5e-324} {
		if err := s.SetWeight(0, k, 0, v); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.Step(7); err != nil {
		t.Fatal(err)
	}
	return s
}

// TestSnapshotRoundTrip: a snapshot restored into a playground at its defaults gives back
// the settings, every point and weight bit for bit, and the epoch, paused; encoded again it
// is the same text; the restore is one undo step back to the defaults.
func TestSnapshotRoundTrip(t *testing.T) {
	for _, problem := range []string{Classification, Regression} {
		t.Run(problem, func(t *testing.T) {
			src := awkward(t, problem)
			text := src.Snapshot()
			k, err := DecodeSnapshot(text)
			if err != nil {
				t.Fatalf("DecodeSnapshot of its own snapshot: %v\n%s", err, text)
			}
			if got, want := k.Link(), src.Settings().Link(); got != want {
				t.Errorf("Link() = %q, want %q", got, want)
			}
			dst, err := New(DefaultSettings())
			if err != nil {
				t.Fatal(err)
			}
			dst.SetRunning(true)
			before := snapOf(t, dst)
			dst.Restore(k)
			if !reflect.DeepEqual(dst.Settings(), src.Settings()) {
				t.Errorf("settings %+v, want %+v", dst.Settings(), src.Settings())
			}
			if got, want := pointBits(dst.Points()), pointBits(src.Points()); !reflect.DeepEqual(got, want) {
				t.Errorf("points not bit for bit:\n got %v\nwant %v", dst.Points(), src.Points())
			}
			if got, want := snapOf(t, dst).Bits, snapOf(t, src).Bits; !reflect.DeepEqual(got, want) {
				t.Errorf("weights not bit for bit:\n got %v\nwant %v", dst.Network().Params(), src.Network().Params())
			}
			got, _ := dst.ShareLink(Share{Weights: WeightsInitial})
			if want, _ := src.ShareLink(Share{Weights: WeightsInitial}); got != want {
				t.Errorf("the weights the run started from are not kept: shareLink's initial weights\n got %s\nwant %s", got, want)
			}
			if dst.Epoch() != src.Epoch() || dst.Running() {
				t.Errorf("epoch %d, running %v; want %d, paused", dst.Epoch(), dst.Running(), src.Epoch())
			}
			// A snapshot written before the initial weights were kept starts the run from its
			// model's.
			i, j := bytes.Index(text, []byte(`,"initial":[`)), bytes.Index(text, []byte(`],"data":`))
			older := append(slices.Clip(text[:i]), text[j+1:]...)
			if k, err := DecodeSnapshot(older); err != nil {
				t.Errorf("a snapshot without initial weights: %v", err)
			} else {
				old, _ := New(DefaultSettings())
				old.Restore(k)
				initial, _ := old.ShareLink(Share{Weights: WeightsInitial})
				if current, _ := old.ShareLink(Share{Weights: WeightsCurrent}); initial != current {
					t.Errorf("restored from a snapshot without initial weights, the run does not start from its model's")
				}
			}
			if again := dst.Snapshot(); !bytes.Equal(again, text) {
				t.Errorf("the restored session's snapshot differs:\n got %s\nwant %s", again, text)
			}
			// It trains on from there as the source does.
			if _, err := dst.Step(1); err != nil {
				t.Fatal(err)
			}
			if err := dst.Undo(); err != nil || dst.UndoLabel() != "" {
				t.Fatalf("undo after restore: %v, then undo label %q", err, dst.UndoLabel())
			}
			after := snapOf(t, dst)
			after.History = before.History // training after the restore recorded nothing
			sameSnap(t, "undo of the restore", after, before)
		})
	}
}

// TestSnapshotRefused: a snapshot that is not JSON, of another format or version, with a
// part missing, a setting out of range, a model that is not the settings' network or a point
// the problem does not allow is refused with a message naming the part.
func TestSnapshotRefused(t *testing.T) {
	s, err := New(ClassicSettings())
	if err != nil {
		t.Fatal(err)
	}
	good := string(s.Snapshot())
	edit := func(old, new string) string {
		if !strings.Contains(good, old) {
			t.Fatalf("the snapshot holds no %q:\n%s", old, good)
		}
		return strings.Replace(good, old, new, 1)
	}
	for _, tc := range []struct {
		name, text, says string
	}{
		{"empty", "", "not a kept session"},
		{"truncated", good[:len(good)/2], "not a kept session"},
		{"list", "[1, 2]", "not a kept session"},
		{"other version", edit(`"nnplay.session/1"`, `"nnplay.session/2"`), `format: "nnplay.session/2", want "nnplay.session/1"`},
		{"no format", edit(`"format":"nnplay.session/1",`, ``), "format: "},
		{"no epoch", edit(`"epoch":0,`, ``), "epoch: missing"},
		{"negative epoch", edit(`"epoch":0`, `"epoch":-1`), "epoch: want a whole number"},
		{"fractional epoch", edit(`"epoch":0`, `"epoch":2.5`), "epoch: want a whole number"},
		{"huge epoch", edit(`"epoch":0`, `"epoch":9007199254740993`), "epoch: want a whole number"},
		{"learning rate out of range", edit(`"learningRate":0.03`, `"learningRate":99`), "settings: learningRate"},
		{"unknown setting", edit(`"learningRate":0.03`, `"learningRat":0.03`), `settings: unknown setting "learningRat"`},
		{"no model", edit(`"model":`, `"modle":`), "model: missing"},
		{"model of another shape", edit(`"layers":[2,4,1]`, `"layers":[2,5,1]`), "model: "},
		{"model with other features", edit(`"inputs":["x1","x2"]`, `"inputs":["x1","sin(x2)"]`), "model: inputs"},
		{"model with another activation", edit(`"activation":"sigmoid","output"`, `"activation":"relu","output"`), "model: activation"},
		{"model for regression", edit(`"output":"sigmoid"`, `"output":"linear"`), "model: output"},
		{"data of the other problem", edit(`"problem":"classification","points"`, `"problem":"regression","points"`), "data: it holds regression data"},
		{"data as a list", good[:strings.Index(good, `"data":`)] + `"data":[]}`, "data: want a nnplay.data/1 object"},
		{"initial weights too few", edit(`"initial":[`, `"initial":[1],"was":[`), "initial: want 17 numbers (the model's parameters), got 1"},
		{"initial weights not numbers", edit(`"initial":[`, `"initial":"a","was":[`), "initial: want a list of 17 numbers"},
		{"point outside the plane", edit(`"x":`, `"x":7,"was":`), "data: points[0]: point (7,"},
		{"label not a class", edit(`"label":`, `"label":0.5,"was":`), "data: points[0]: label must be 0 or 1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			k, err := DecodeSnapshot([]byte(tc.text))
			if err == nil {
				t.Fatalf("accepted (%+v)", k)
			}
			if !strings.Contains(err.Error(), tc.says) {
				t.Errorf("refusal %q does not say %q", err, tc.says)
			}
		})
	}
}

// TestStartFresh: start fresh puts the playground at the defaults, as a new one, paused; it
// is one undo step, whose undo brings back every bit of what was there and whose redo the
// defaults again.
func TestStartFresh(t *testing.T) {
	s := awkward(t, Regression) // paused, as restored work opens
	before := snapOf(t, s)
	s.StartFresh()
	fresh, err := New(DefaultSettings())
	if err != nil {
		t.Fatal(err)
	}
	want := snapOf(t, fresh)
	sameSnap(t, "start fresh", snapOf(t, s), want)
	if s.Running() || s.UndoLabel() != "start fresh" {
		t.Errorf("after start fresh: running %v, undo label %q; want paused, \"start fresh\"", s.Running(), s.UndoLabel())
	}
	s.SetRunning(true) // the page plays the fresh playground
	undoPaused(t, s, "start fresh", before, want)
}

// BenchmarkSnapshot encodes the snapshot of a trained playground of 250 and 2,000 points
// (the circle, 2-4-1) and reports its size.
func BenchmarkSnapshot(b *testing.B) {
	for _, n := range []int{250, 2000} {
		b.Run(strconv.Itoa(n)+"points", func(b *testing.B) {
			st := ClassicSettings()
			st.NumPoints = n
			s, err := New(st)
			if err != nil {
				b.Fatal(err)
			}
			if _, err := s.Step(20); err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			var size int
			for b.Loop() {
				size = len(s.Snapshot())
			}
			b.ReportMetric(float64(size), "bytes")
		})
	}
}

// TestOpenLink: a link opened over a session (the work restored from the last visit) gives
// what it gives a new page, whatever the session held, and its undo brings the session's
// work back bit for bit; a refused link changes nothing.
func TestOpenLink(t *testing.T) {
	shared, err := New(DefaultSettings())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := shared.AddPoint(4.5, -4.5, 1); err != nil {
		t.Fatal(err)
	}
	if _, err := shared.Step(30); err != nil {
		t.Fatal(err)
	}
	carrying, err := shared.ShareLink(Share{Weights: WeightsCurrent, Data: true})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, link string
		running    bool
		refused    string // a word of the refusal, or "" when the link opens
	}{
		{"settings only, a few of them", "dataset=xor&noise=0.1", true, ""},
		{"the defaults' own link", DefaultSettings().Link(), true, ""},
		{"carrying points and weights", carrying, false, ""},
		{"weights that do not fit", "dataset=xor&weights=" + pack(floatBytes(nil, []float64{1, 2, 3})), false, "weights"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			l, err := ParseLink(tc.link)
			if err != nil {
				t.Fatal(err)
			}
			s := awkward(t, Classification) // the kept work: hand-made points, other settings, paused
			before := snapOf(t, s)
			err = s.OpenLink(l)
			if tc.refused != "" {
				if err == nil || !strings.Contains(err.Error(), tc.refused) {
					t.Fatalf("got %v, want a refusal naming %s", err, tc.refused)
				}
				sameSnap(t, "after a refused link", snapOf(t, s), before)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			fresh, err := New(DefaultSettings())
			if err != nil {
				t.Fatal(err)
			}
			if err := fresh.ApplyLink(l); err != nil {
				t.Fatal(err)
			}
			got, want := snapOf(t, s), snapOf(t, fresh)
			got.History, want.History = History{}, History{} // the kept work's marks are undo's
			sameSnap(t, "opened over the kept work", got, want)
			if s.Running() != tc.running || s.UndoLabel() != "open link" {
				t.Errorf("running %v, undo label %q; want %v and \"open link\"", s.Running(), s.UndoLabel(), tc.running)
			}
			undoPaused(t, s, "the link", before, snapOf(t, s))
			if s.Running() != tc.running {
				t.Errorf("after redo of the link: running %v, want %v", s.Running(), tc.running)
			}
		})
	}
}

// TestCopy: a copy holds what a snapshot keeps, bit for bit (its snapshot is the same text),
// trains from there as a restored snapshot does, and the original trained and edited
// afterwards leaves it as it was, and the other way round.
func TestCopy(t *testing.T) {
	for _, problem := range []string{Classification, Regression} {
		t.Run(problem, func(t *testing.T) {
			src := awkward(t, problem)
			text := string(src.Snapshot())
			c := src.Copy()
			if got := string(c.Snapshot()); got != text {
				t.Fatalf("the copy's snapshot differs:\n%s\nwant\n%s", got, text)
			}
			k, err := DecodeSnapshot([]byte(text))
			if err != nil {
				t.Fatal(err)
			}
			restored, err := New(DefaultSettings())
			if err != nil {
				t.Fatal(err)
			}
			restored.Restore(k)
			if _, err := src.Step(3); err != nil {
				t.Fatal(err)
			}
			if err := src.MovePoint(0, 1.5, -2.5); err != nil {
				t.Fatal(err)
			}
			if got := string(c.Snapshot()); got != text {
				t.Fatal("training and editing the original changed the copy")
			}
			before := string(src.Snapshot())
			for _, s := range []*Session{c, restored} {
				if _, err := s.Step(3); err != nil {
					t.Fatal(err)
				}
			}
			if got, want := string(c.Snapshot()), string(restored.Snapshot()); got != want {
				t.Errorf("the copy trained to\n%s\nthe restored snapshot to\n%s", got, want)
			}
			if string(src.Snapshot()) != before {
				t.Error("training the copy changed the original")
			}
		})
	}
}

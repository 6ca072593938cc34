package view

import (
	"math"
	"strings"
	"testing"

	"nnplay/session"
)

func TestDash(t *testing.T) {
	tests := []struct {
		name    string
		poly    []Pt
		on, off float64
		dashes  int
		drawn   float64
	}{
		{"straight", []Pt{{0, 0}, {100, 0}}, 6, 4, 10, 60},
		{"pattern runs on over a corner", []Pt{{0, 0}, {3, 0}, {3, 7}}, 6, 4, 1, 6},
		{"break", []Pt{{0, 0}, {10, 0}, Break, {20, 0}, {30, 0}}, 6, 4, 2, 12},
		{"no off is solid", []Pt{{0, 0}, {10, 0}}, 5, 0, 2, 10},
		{"single vertex", []Pt{{0, 0}}, 6, 4, 0, 0},
	}
	for _, tc := range tests {
		d := Dash(nil, tc.poly, tc.on, tc.off)
		if len(d)%2 != 0 {
			t.Fatalf("%s: odd number of dash ends %d", tc.name, len(d))
		}
		drawn := 0.0
		for i := 0; i < len(d); i += 2 {
			drawn += math.Hypot(d[i+1].X-d[i].X, d[i+1].Y-d[i].Y)
		}
		// Dashes split at corners count once per piece; compare the drawn length exactly and
		// the number of dashes as pieces.
		if math.Abs(drawn-tc.drawn) > 1e-9 {
			t.Errorf("%s: drawn length %v, want %v", tc.name, drawn, tc.drawn)
		}
		if tc.name != "pattern runs on over a corner" && len(d)/2 != tc.dashes {
			t.Errorf("%s: %d dashes, want %d", tc.name, len(d)/2, tc.dashes)
		}
	}
}

// history returns a history of n samples, epochs 10 apart, with the given losses.
func history(n int, train, test func(i int) float64) *session.History {
	var h session.History
	for i := 0; i < n; i++ {
		h.Add(10*i, train(i), test(i))
	}
	return &h
}

func TestLossGeom(t *testing.T) {
	r := NewLayout(900, 640).Loss
	area := LossArea(r)
	decay := func(i int) float64 { return 0.5 * math.Exp(-float64(i)/200) }
	tests := []struct {
		name        string
		h           *session.History
		log         bool
		yMin, yMax  float64
		ticks       []string
		trainPieces int // connected pieces of the training curve
		testPieces  int
	}{
		{"linear", history(5000, decay, func(i int) float64 { return 1.1 * decay(i) }), false, 0, 1, []string{"0", "0.5", "1"}, 1, 1},
		{"log", history(5000, decay, decay), true, -12, 0, []string{"1", "0.001", "1e−06", "1e−09", "1e−12"}, 1, 1},
		{"no test split", history(300, decay, func(int) float64 { return math.NaN() }), false, 0, 0.5, []string{"0", "0.25", "0.5"}, 1, 0},
		{"a gap", history(300, decay, func(i int) float64 {
			if i >= 100 && i < 200 {
				return math.NaN()
			}
			return decay(i)
		}), false, 0, 0.5, []string{"0", "0.25", "0.5"}, 1, 2},
		{"empty", history(0, decay, decay), false, 0, 1, []string{"0", "0.5", "1"}, 0, 0},
		{"empty log", history(0, decay, decay), true, -1, 0, []string{"1", "0.1"}, 0, 0},
	}
	for _, tc := range tests {
		g := NewLossGeom()
		g.Update(r, tc.h, session.Metrics{}, tc.log)
		if g.YMin != tc.yMin || g.YMax != tc.yMax {
			t.Errorf("%s: y range [%v, %v], want [%v, %v]", tc.name, g.YMin, g.YMax, tc.yMin, tc.yMax)
		}
		if len(g.YTicks) != len(tc.ticks) {
			t.Errorf("%s: %d y ticks, want %d", tc.name, len(g.YTicks), len(tc.ticks))
		} else {
			for i, tk := range g.YTicks {
				if string(tk.Label) != tc.ticks[i] {
					t.Errorf("%s: tick %d %q, want %q", tc.name, i, tk.Label, tc.ticks[i])
				}
				if tk.Pos < area.Y-1e-9 || tk.Pos > area.Y+area.H+1e-9 {
					t.Errorf("%s: tick %q at %v outside the chart", tc.name, tk.Label, tk.Pos)
				}
			}
		}
		for _, c := range []struct {
			name   string
			poly   []Pt
			pieces int
		}{{"train", g.Train, tc.trainPieces}, {"test", g.Test, tc.testPieces}} {
			pieces, prevX := 0, math.Inf(-1)
			for i, p := range c.poly {
				if math.IsNaN(p.X) {
					continue
				}
				if i == 0 || math.IsNaN(c.poly[i-1].X) {
					pieces++
				}
				if p.X <= prevX || !inside(Rect{p.X, p.Y, 0, 0}, area) {
					t.Errorf("%s: %s vertex %d %+v out of order or outside %+v", tc.name, c.name, i, p, area)
					break
				}
				prevX = p.X
			}
			if pieces != c.pieces {
				t.Errorf("%s: %s curve in %d pieces, want %d", tc.name, c.name, pieces, c.pieces)
			}
			if max := area.W/lossBucket + 2 + float64(pieces); float64(len(c.poly)) > max {
				t.Errorf("%s: %s curve has %d vertices, want at most %v", tc.name, c.name, len(c.poly), max)
			}
		}
	}
}

func TestLossGeomCurve(t *testing.T) {
	// A loss falling linearly from 1 to 0 draws a straight line from the top left of the chart
	// to its bottom right.
	r := Rect{0, 0, 400, 200}
	a := LossArea(r)
	n := 500
	h := history(n, func(i int) float64 { return 1 - float64(i)/float64(n-1) }, func(int) float64 { return math.NaN() })
	g := NewLossGeom()
	g.Update(r, h, session.Metrics{}, false)
	first, last := g.Train[0], g.Train[len(g.Train)-1]
	if math.Abs(first.X-a.X) > lossBucket || math.Abs(first.Y-a.Y) > 1 {
		t.Errorf("first vertex %+v, want near the top left %v, %v", first, a.X, a.Y)
	}
	if math.Abs(last.X-(a.X+a.W)) > lossBucket || math.Abs(last.Y-(a.Y+a.H)) > 1 {
		t.Errorf("last vertex %+v, want near the bottom right %v, %v", last, a.X+a.W, a.Y+a.H)
	}
	for _, p := range g.Train {
		// On the line y = a.Y + (x − a.X)/a.W·a.H.
		if want := a.Y + (p.X-a.X)/a.W*a.H; math.Abs(p.Y-want) > 1e-6 {
			t.Errorf("vertex %+v off the straight line (y %v)", p, want)
			break
		}
	}
	if got := string(g.XTicks[1].Label); got != "4,990" {
		t.Errorf("last epoch label %q, want 4,990", got)
	}
}

func TestLossLabels(t *testing.T) {
	tests := []struct {
		name string
		m    session.Metrics
		want string
		// short is the accuracy shown where the whole does not fit (AccLabel[:AccShort])
		short string
	}{
		{"classification", session.Metrics{TrainLoss: 0.0314, TestLoss: 0.044, TrainAccuracy: 0.99, TestAccuracy: 0.978,
			HasTrain: true, HasTest: true, HasAccuracy: true}, "train 0.031  test 0.044  test acc 98% (train 99%)", "test acc 98%"},
		{"no test split", session.Metrics{TrainLoss: 0.2, TrainAccuracy: 0.5, HasTrain: true, HasAccuracy: true},
			"train 0.200  test –  train acc 50%", "train acc 50%"},
		{"nothing", session.Metrics{HasAccuracy: true, TrainLoss: math.NaN()}, "train –  test –  acc –", "acc –"},
		{"regression", session.Metrics{TrainLoss: 0.00004, TestLoss: 1.5, HasTrain: true, HasTest: true}, "train 4.0e−05  test 1.500", ""},
		{"NaN never shows", session.Metrics{TrainLoss: math.NaN(), TestLoss: math.Inf(1), HasTrain: true, HasTest: true}, "train –  test –", ""},
	}
	for _, tc := range tests {
		g := NewLossGeom()
		g.Update(Rect{0, 0, 300, 150}, history(0, nil, nil), tc.m, false)
		if string(g.Label) != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, g.Label, tc.want)
		}
		if got := string(g.AccLabel[:g.AccShort]); got != tc.short {
			t.Errorf("%s: short accuracy %q, want %q", tc.name, got, tc.short)
		}
		if strings.Contains(string(g.Label), "NaN") || strings.Contains(string(g.Label), "Inf") {
			t.Errorf("%s: %q shows NaN or Inf", tc.name, g.Label)
		}
	}
}

func TestLossAllocs(t *testing.T) {
	h := history(5000, func(i int) float64 { return 1 / float64(i+1) }, func(i int) float64 { return 2 / float64(i+1) })
	g := NewLossGeom()
	r := NewLayout(900, 640).Loss
	m := session.Metrics{TrainLoss: 0.5, TestLoss: 0.25, HasTrain: true, HasTest: true, HasAccuracy: true, TestAccuracy: 0.5}
	dashes := make([]Pt, 0, 4096)
	for _, log := range []bool{false, true} {
		g.Update(r, h, m, log)
		a := testing.AllocsPerRun(20, func() {
			g.Update(r, h, m, log)
			dashes = Dash(dashes[:0], g.Test, 5, 3)
		})
		if a != 0 {
			t.Errorf("log %v: Update and Dash allocate %v times per run, want 0", log, a)
		}
	}
}

// BenchmarkLossGeom lays out a full history (the per-frame loss panel work).
func BenchmarkLossGeom(b *testing.B) {
	h := history(100000, func(i int) float64 { return 1 / float64(i+1) }, func(i int) float64 { return 2 / float64(i+1) })
	g := NewLossGeom()
	r := NewLayout(900, 640).Loss
	b.ReportAllocs()
	for b.Loop() {
		g.Update(r, h, session.Metrics{}, true)
	}
}

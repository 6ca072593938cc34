package session

import (
	"slices"
	"testing"
)

// FuzzReadCSV feeds text to the CSV reader for either problem: nothing panics, and a file
// it accepts, written back with WriteCSV, reads back to the same points, bit for bit. The
// seed corpus is in testdata/fuzz/FuzzReadCSV.
func FuzzReadCSV(f *testing.F) {
	f.Fuzz(func(t *testing.T, text []byte, regression bool) {
		problem := Classification
		if regression {
			problem = Regression
		}
		pts, err := ReadCSV(text, problem)
		if err != nil {
			return
		}
		if len(pts) > MaxPoints {
			t.Fatalf("accepted %d points", len(pts))
		}
		back, err := ReadCSV(WriteCSV(pts), problem)
		if err != nil {
			t.Fatalf("the written CSV is refused: %v", err)
		}
		if !slices.Equal(back, pts) {
			t.Fatalf("round trip changed the points: %v → %v", pts, back)
		}
		for _, p := range pts {
			if err := (&Session{settings: Settings{Problem: problem}}).checkPoint(p.X, p.Y, p.Label); err != nil {
				t.Fatalf("accepted a point a session refuses: %v", err)
			}
		}
	})
}

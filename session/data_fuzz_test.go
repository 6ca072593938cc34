package session

import (
	"reflect"
	"slices"
	"testing"
)

// FuzzImportData feeds text to ImportData, as a data file the page is given, on a session of
// either problem: nothing panics; a refusal changes nothing; an accepted file's points, saved
// as nnplay.data/1 (EncodeData) and as CSV (WriteCSV), import back to the same points bit for
// bit. The seed corpus is in testdata/fuzz/FuzzImportData.
func FuzzImportData(f *testing.F) {
	f.Fuzz(func(t *testing.T, text []byte, regression bool) {
		s := newSession(t, func(st *Settings) {
			if regression {
				st.Problem, st.Dataset = Regression, "plane"
			}
		})
		before := stateOf(s)
		if err := s.ImportData(text); err != nil {
			if err.Error() == "" {
				t.Fatal("refused with an empty message")
			}
			if after := stateOf(s); !reflect.DeepEqual(after, before) {
				t.Fatalf("refused %q (%v) but changed the session", text, err)
			}
			return
		}
		checkConsistent(t, s)
		pts := slices.Clone(s.Points())
		problem := s.Settings().Problem
		for _, saved := range [][]byte{EncodeData(problem, pts), WriteCSV(pts)} {
			if err := s.ImportData(saved); err != nil {
				t.Fatalf("the saved points are refused: %v\n%s", err, saved)
			}
			if got := s.Points(); !slices.Equal(got, pts) {
				t.Fatalf("saving and importing changed the points: %v → %v\n%s", pts, got, saved)
			}
		}
	})
}

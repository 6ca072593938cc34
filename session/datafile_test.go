package session

import (
	"slices"
	"strings"
	"testing"
)

// TestReadCSV: what a CSV data file may look like.
func TestReadCSV(t *testing.T) {
	tests := []struct {
		name, problem, text string
		want                []Point
	}{
		{"plain", Classification, "x,y,label\n1,2,0\n-3.5,4,1\n",
			[]Point{{X: 1, Y: 2}, {X: -3.5, Y: 4, Label: 1}}},
		{"test column, CRLF, BOM", Classification, "\uFEFFx,y,label,test\r\n1,2,0,1\r\n-3,4,1,false\r\n0,0,1,TRUE\r\n",
			[]Point{{X: 1, Y: 2, Test: true}, {X: -3, Y: 4, Label: 1}, {Label: 1, Test: true}}},
		{"columns in any order and case, spaces, quotes, blank lines", Classification, "Label, TEST ,y,X\n1,0, 2 ,\"1\"\n\n0,1,6,-6",
			[]Point{{X: 1, Y: 2, Label: 1}, {X: -6, Y: 6, Test: true}}},
		{"regression labels", Regression, "x,y,label\n1,1,-2.5e3\n0,0,0.125\n",
			[]Point{{X: 1, Y: 1, Label: -2500}, {Label: 0.125}}},
		{"header only", Classification, "x,y,label\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadCSV([]byte(tt.text), tt.problem)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

// TestDataRefusals: a refused file names the row (the header is row 1), the column and the
// fault, and changes nothing.
func TestDataRefusals(t *testing.T) {
	many := "x,y,label\n" + strings.Repeat("1,1,0\n", MaxPoints+1)
	tests := []struct {
		name, problem, text, want string
	}{
		{"class label", Classification, "x,y,label\n" + strings.Repeat("0,0,1\n", 15) + "1,1,b\n", `row 17, label: "b" is not 0 or 1`},
		{"class label 0.5", Classification, "x,y,label\n1,1,0.5\n", `row 2, label: "0.5" is not 0 or 1`},
		{"regression label", Regression, "x,y,label\n1,1,NaN\n", `row 2, label: "NaN" is not a finite number`},
		{"x not a number", Classification, "x,y,label\n1,1,0\nabc,1,0\n", `row 3, x: "abc" is not a finite number`},
		{"y outside", Classification, "x,y,label\n1,7,0\n", `row 2, y: 7 is outside the plane [-6, 6]`},
		{"test", Classification, "x,y,label,test\n1,1,0,maybe\n", `row 2, test: "maybe" is not 0, 1, true or false`},
		{"too few fields", Classification, "x,y,label\n1,1\n", "row 2: 2 fields, want 3 (x,y,label)"},
		{"unknown column", Classification, "x,y,label,colour\n", `row 1, column 4: "colour" is not one of x, y, label, test`},
		{"missing column", Classification, "x,label\n", "row 1: no y column"},
		{"twice", Classification, "x,y,label,x\n", "row 1, column 4: x appears twice"},
		{"empty", Classification, "", "row 1: the file is empty"},
		{"bad quote", Classification, "x,y,label\n1,\"2,0\n", "row 2"},
		{"too many", Classification, many, "row 2002: more than 2000 points"},
		{"json of the other problem", Classification, `{"format": "nnplay.data/1", "problem": "regression", "points": []}`, "holds regression data"},
		{"broken json", Classification, `{"format": "nnplay.data/1", `, "it is not JSON"},
		{"json of another format", Classification, `{"format": "nnplay.model/1"}`, "not a data file"},
		{"json bad point", Classification, `[{"x": 1, "y": "2", "label": 0}]`, "points[0].y must be a number"},
		{"json bad label", Classification, `[{"x": 1, "y": 2, "label": 3}]`, "points[0]: label must be 0 or 1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newSession(t, func(st *Settings) {
				if tt.problem == Regression {
					st.Problem, st.Dataset = Regression, "plane"
				}
			})
			before := stateOf(s)
			err := s.ImportData([]byte(tt.text))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v, want it to say %q", err, tt.want)
			}
			if after := stateOf(s); !slices.Equal(after.Points, before.Points) || after.Version != before.Version || after.CanUndo {
				t.Errorf("a refused file changed the session")
			}
		})
	}
}

// TestDataRoundTrip: the points written as CSV or as a JSON data file read back exactly,
// and importing them is one undo step.
func TestDataRoundTrip(t *testing.T) {
	s := newSession(t, func(st *Settings) { st.Problem, st.Dataset, st.Noise = Regression, "gauss-multi", 0.3 })
	pts := slices.Clone(s.Points())
	for _, text := range [][]byte{WriteCSV(pts), EncodeData(Regression, pts)} {
		if err := s.SetData([]Point{{X: 1, Y: 1}}); err != nil {
			t.Fatal(err)
		}
		if err := s.ImportData(text); err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(s.Points(), pts) || s.UndoLabel() != "import data" {
			t.Fatalf("import of %.40q…: points differ or undo label %q", text, s.UndoLabel())
		}
		if err := s.Undo(); err != nil || len(s.Points()) != 1 {
			t.Errorf("undoing the import: %v, %d points", err, len(s.Points()))
		}
	}
}

//go:build !(js && wasm)

package e2e

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

// TestDataFiles: "save data" downloads hand-made points as a nnplay.data/1 file; "load data"
// brings a file's points back, refusing a file that is not JSON, holds the other problem's
// data or bad points with a message, changing nothing; leaving does not ask. (Hand-made
// points are never lost silently: the browser keeps them, TestKeptAcrossReload; where it
// cannot, leaving asks first, TestKeptStorageFails.)
func TestDataFiles(t *testing.T) {
	p := openPaused(t)
	p.setData(sparse)
	// A point added by a real click: hand-made data, and a page the person has used.
	p.click(p.toScreen(2, 1))
	made := p.state().Points
	if len(made) != len(sparse)+1 {
		t.Fatalf("%d points after the click, want %d", len(made), len(sparse)+1)
	}

	// Download.
	dir := t.TempDir()
	var file struct {
		Format  string  `json:"format"`
		Problem string  `json:"problem"`
		Points  []Point `json:"points"`
	}
	p.downloadBy("save data", dir, "nnplay-data.json", &file)
	if file.Format != "nnplay.data/1" || file.Problem != "classification" || !slices.Equal(file.Points, made) {
		t.Errorf("downloaded %+v, want nnplay.data/1, classification and the %d points %v", file, len(made), made)
	}

	// Load: refusals first, each changing nothing.
	for _, tc := range []struct {
		name, text string
		says       []string
	}{
		{"notes.json", `{"x": 1`, []string{"notes.json", "not JSON"}},
		{"rows.csv", "x,y,label\n" + strings.Repeat("1,1,0\n", 15) + "1,1,b\n", []string{"rows.csv", `row 17, label: "b" is not 0 or 1`}},
		{"model.json", `{"format": "nnplay.model/1"}`, []string{"model.json", "is not a data file"}},
		{"heights.json", `{"format": "nnplay.data/1", "problem": "regression", "points": [{"x": 1, "y": 1, "label": 0.3}]}`,
			[]string{"heights.json", "holds regression data", "choose the problem regression first"}},
		{"half.json", `[{"x": 1, "y": 1, "label": 0.5}]`, []string{"half.json", "was not loaded", "label"}},
		{"far.json", `[{"x": 9, "y": 1, "label": 1}]`, []string{"far.json", "was not loaded", "points[0]"}},
	} {
		msg := p.chooseFile("#load-data-file", writeFile(t, dir, tc.name, tc.text))
		for _, s := range tc.says {
			if !strings.Contains(msg, s) {
				t.Errorf("choosing %s: message %q does not say %q", tc.name, msg, s)
			}
		}
		if got := p.state().Points; !slices.Equal(got, made) {
			t.Errorf("choosing %s changed the points", tc.name)
		}
	}

	// A good file, in the downloaded shape: its points exactly, undoable.
	want := []Point{{X: -1, Y: 2, Label: 1}, {X: 3.25, Y: -0.5, Label: 0, Test: true}, {X: 0, Y: 0, Label: 0}}
	text, _ := json.Marshal(map[string]any{"format": "nnplay.data/1", "problem": "classification", "points": want})
	if msg := p.chooseFile("#load-data-file", writeFile(t, dir, "three.json", string(text))); !strings.Contains(msg, "Loaded 3 points from three.json") {
		t.Errorf("loading three.json: message %q", msg)
	}
	if st := p.state(); !slices.Equal(st.Points, want) || st.Settings.Dataset != "custom" {
		t.Errorf("after loading three.json: %v (%s), want %v (custom)", st.Points, st.Settings.Dataset, want)
	}

	// Leaving loses nothing: no question.
	asked, err := p.tab.Leave("about:blank", true)
	if err != nil {
		t.Fatal(err)
	}
	if asked {
		t.Error("leaving asked first, though the browser keeps the points")
	}
}

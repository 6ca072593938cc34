//go:build !(js && wasm)

package e2e

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"nnplay/internal/browser"
)

// TestCSVAndDrops: "save CSV" downloads the points as CSV that "load data…" takes back
// exactly; a model file dropped on the canvas loads as the model, a CSV file dropped beside
// it loads as the points (told apart by their content), each undoable; a file that is
// neither is refused with a message, changing nothing.
func TestCSVAndDrops(t *testing.T) {
	p := openPaused(t)
	p.do("configure", map[string]any{"problem": "regression", "noise": 0.2})
	want := p.state().Points
	dir := t.TempDir()
	var csv []byte
	p.downloadBy("save CSV", dir, "nnplay-data.csv", &csv)
	if !strings.HasPrefix(string(csv), "x,y,label,test\n") || string(csv) != call[string](p, "exportData") {
		t.Fatalf("the downloaded CSV starts %.40q and differs from exportData()", csv)
	}
	p.setData(sparse)
	if msg := p.chooseFile("#load-data-file", writeFile(t, dir, "back.csv", string(csv))); !strings.Contains(msg, "points from back.csv") {
		t.Errorf("loading back.csv: message %q", msg)
	}
	if got := p.state().Points; !slices.Equal(got, want) {
		t.Fatalf("the CSV loaded back gives %d points, not the %d saved", len(got), len(want))
	}

	// Drops, on the canvas and beside it.
	other := Model{}
	text, _ := json.Marshal(p.model())
	if err := json.Unmarshal(text, &other); err != nil {
		t.Fatal(err)
	}
	other.Weights[0][0][0] = 0.125
	modelText, _ := json.Marshal(other)
	canvas := p.toScreen(3, 3)
	p.drop(canvas, writeFile(t, dir, "dropped-model.json", string(modelText)), "dropped-model.json")
	if got := p.model(); got.Weights[0][0][0] != 0.125 {
		t.Errorf("the model dropped on the canvas did not load: weight %v", got.Weights[0][0][0])
	}
	side := eval[browser.Pt](p, `(() => { const r = document.getElementById("controls").getBoundingClientRect(); return {x: r.left + 20, y: r.top + 20}; })()`)
	p.drop(side, writeFile(t, dir, "dropped.csv", "x,y,label,test\r\n1,2,0.5,1\r\n-3,4,-2,0\r\n"), "dropped.csv")
	if got := p.state().Points; !slices.Equal(got, []Point{{X: 1, Y: 2, Label: 0.5, Test: true}, {X: -3, Y: 4, Label: -2}}) {
		t.Errorf("the CSV dropped beside the canvas gave %v", got)
	}
	p.do("undo")
	if got := p.state().Points; !slices.Equal(got, want) {
		t.Errorf("undoing the dropped data left %d points, want the %d before", len(got), len(want))
	}
	before := p.edited()
	p.drop(canvas, writeFile(t, dir, "notes.txt", "hello"), "notes.txt")
	if msg := eval[string](p, `document.getElementById("message").textContent`); !strings.Contains(msg, "notes.txt was not loaded") || !strings.Contains(msg, "row 1") {
		t.Errorf("dropping notes.txt: message %q", msg)
	}
	if !sameEdited(p.edited(), before) {
		t.Errorf("a refused drop changed the playground")
	}
}

// drop drops the file at path on the page at at, and waits for the message naming it.
func (p *page) drop(at browser.Pt, path, name string) {
	p.t.Helper()
	abs, err := filepath.Abs(path)
	if err != nil {
		p.t.Fatal(err)
	}
	if err := p.tab.DropFile(at, abs); err != nil {
		p.t.Fatal(err)
	}
	p.shownMessage("naming "+name+" after dropping it", name)
}

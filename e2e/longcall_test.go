//go:build !(js && wasm)

package e2e

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// TestLongCalls: step(100000) on 2,000 points and six hidden layers of 8 runs the epochs its
// work budget allows, not 100,000, and the same number again from the same data and shape;
// a 100 MB argument is refused without being read, changing nothing.
func TestLongCalls(t *testing.T) {
	p := openPaused(t)
	p.do("configure", map[string]any{"numPoints": 2000, "testRatio": 0.1,
		"features": []string{"x1", "x2", "x1^2", "x2^2", "x1*x2", "sin(x1)", "sin(x2)"},
		"layers":   []int{7, 8, 8, 8, 8, 8, 8, 1}})
	start := time.Now()
	ran := call[int](p, "step", 100000)
	took := time.Since(start)
	again := call[int](p, "step", 100000)
	t.Logf("step(100000) on 7-8×6-1 with 2,000 points ran %d epochs in %v", ran, took)
	if ran <= 0 || ran >= 100000 || again != ran {
		t.Errorf("step(100000) ran %d epochs, then %d; want the same budgeted count, below 100000", ran, again)
	}
	if got := p.state().Epoch; got != 2*ran {
		t.Errorf("epoch %d after two steps of %d", got, ran)
	}

	before := p.edited()
	for _, method := range []string{"importData", "loadModel", "configure", "setData", "applyLink"} {
		msg := p.refused(method, `["x".repeat(100000000)]`)
		if !strings.Contains(msg, method+": the argument is 1000000") || !strings.Contains(msg, "characters long") {
			t.Errorf("%s with a 100 MB string threw %q", method, msg)
		}
	}
	if !sameEdited(p.edited(), before) {
		t.Errorf("a refused 100 MB argument changed the playground")
	}
}

// TestDataAPI: exportData() is CSV that importData() takes back exactly, as one undo step; a
// bad CSV is refused naming its row and column, changing nothing.
func TestDataAPI(t *testing.T) {
	p := openPaused(t)
	p.do("configure", map[string]any{"problem": "regression", "noise": 0.3})
	pts := p.state().Points
	csv := call[string](p, "exportData")
	p.setData(sparse[:2])
	p.do("importData", csv)
	st := p.state()
	if !slices.Equal(st.Points, pts) {
		t.Fatalf("importData(exportData()) gave %d points, not the %d exported", len(st.Points), len(pts))
	}
	if label := eval[string](p, `nnplay.state().undoLabel`); label != "import data" {
		t.Errorf("undo label %q after importData", label)
	}
	before := p.edited()
	if msg := p.refused("importData", `["x,y,label\n1,1,0.5\n2,2,b\n"]`); !strings.Contains(msg, `row 3, label: "b" is not a finite number`) {
		t.Errorf("a bad CSV threw %q", msg)
	}
	if !sameEdited(p.edited(), before) {
		t.Errorf("a refused importData changed the playground")
	}
	p.do("undo")
	if got := p.state().Points; !slices.Equal(got, sparse[:2]) {
		t.Errorf("undoing the import left %d points, want the 2 before it", len(got))
	}
}

//go:build !(js && wasm)

package e2e

import (
	"strings"
	"testing"
	"time"

	"nnplay/internal/browser"
)

// browserPt is the point at (a[0], a[1]).
func browserPt(a [2]float64) browser.Pt { return browser.Pt{X: a[0], Y: a[1]} }

// TestRoughEdges: one epoch a second says "1 epoch/s"; hand-made data says it is hand-made
// and how many points there are; a speed the machine cannot reach is said, asked beside
// reached.
func TestRoughEdges(t *testing.T) {
	p := openPaused(t)
	p.do("configure", map[string]any{"speed": 1})
	if got := eval[string](p, `document.getElementById("speed-out").textContent`); got != "1 epoch/s" {
		t.Errorf("the speed control reads %q at 1, want \"1 epoch/s\"", got)
	}

	n := len(p.state().Points)
	if !eval[bool](p, `document.getElementById("handmade").hidden`) {
		t.Errorf("generated data is called hand-made")
	}
	p.click(p.toScreen(-5, 5))
	if err := p.tab.WaitFor(`!document.getElementById("handmade").hidden`, 5*time.Second); err != nil {
		t.Errorf("after a click added a point the page does not say the data is hand-made: %v", err)
	}
	if got := eval[string](p, `document.getElementById("handmade").textContent`); !strings.Contains(got, "Hand-made") || !strings.Contains(got, ftoa(float64(n+1))+" points") {
		t.Errorf("the note reads %q; want it to say hand-made, %d points", got, n+1)
	}

	// 2,000 points on six hidden layers of eight, asked for 500 epochs/s.
	p.do("configure", map[string]any{"dataset": "spiral", "numPoints": 2000, "layers": []int{2, 8, 8, 8, 8, 8, 8, 1}, "speed": 500})
	p.do("play")
	if err := p.tab.WaitFor(`document.getElementById("shortfall").textContent.includes("500/s asked")`, 20*time.Second); err != nil {
		t.Errorf("no shortfall said at 500/s asked (%.0f epochs/s reached): %v", p.status().Frame.EpochsPerSecond, err)
	}
}

// TestDatasetPicker: the picker shows a picture of every generated data set; a click on one
// picks it, and its picture is marked.
func TestDatasetPicker(t *testing.T) {
	p := openPaused(t)
	n := eval[int](p, `(() => { const imgs = [...document.querySelectorAll("#dataset-pics img")];
		return imgs.length === nnplay.schema().datasets.length && imgs.every(i => i.complete && i.naturalWidth > 0) ? imgs.length : -1; })()`)
	if n < 6 {
		t.Fatalf("the picker shows %d loaded pictures, want one for each of the 6 data sets", n)
	}
	p.clickElement("dataset-pics") // scrolls it into view
	at := eval[[2]float64](p, `(() => { const b = document.querySelector('#dataset-pics button[data-name="xor"]'); const r = b.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; })()`)
	p.click(browserPt(at))
	if got := p.state().Settings.Dataset; got != "xor" {
		t.Errorf("a click on the xor picture left the data set %q", got)
	}
	if err := p.tab.WaitFor(`document.querySelector('#dataset-pics button[data-name="xor"]').getAttribute("aria-pressed") === "true"`, 5*time.Second); err != nil {
		t.Errorf("the xor picture is not marked: %v", err)
	}
}

//go:build !(js && wasm)

package e2e

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp/kb"

	"nnplay/internal/browser"
	"nnplay/view"
)

// shownNumber is one number the maths panel prints: the math() path its <mn> names and its
// text.
type shownNumber struct {
	Path string `json:"path"`
	Text string `json:"text"`
}

// panelNumbers returns every number the maths panel shows, as the page's DOM has them.
func panelNumbers(p *page) []shownNumber {
	p.t.Helper()
	return eval[[]shownNumber](p, `Array.from(document.querySelectorAll("#math mn[data-path]"),
		e => ({path: e.getAttribute("data-path"), text: e.textContent}))`)
}

// lookup follows a dotted path ("layers.0.z.2") through decoded JSON.
func lookup(v any, path string) (any, bool) {
	for _, k := range strings.Split(path, ".") {
		switch x := v.(type) {
		case map[string]any:
			var ok bool
			if v, ok = x[k]; !ok {
				return nil, false
			}
		case []any:
			i, err := strconv.Atoi(k)
			if err != nil || i < 0 || i >= len(x) {
				return nil, false
			}
			v = x[i]
		default:
			return nil, false
		}
	}
	return v, true
}

// parseShown reads a number as the panel prints it: a true minus, "e" exponents,
// "undefined" for null.
func parseShown(s string) (float64, bool, error) {
	if s == "undefined" {
		return 0, false, nil
	}
	f, err := strconv.ParseFloat(strings.ReplaceAll(s, "−", "-"), 64)
	return f, true, err
}

// panelDisagrees returns what the panel's numbers say that math() (decoded as JSON) does
// not, within the panel's printing: four significant digits, three in exponent form.
func panelDisagrees(shown []shownNumber, m any) []string {
	var bad []string
	for _, n := range shown {
		want, ok := lookup(m, n.Path)
		if !ok {
			bad = append(bad, n.Path+": math() has no such number")
			continue
		}
		got, defined, err := parseShown(n.Text)
		w, isNum := want.(float64)
		switch {
		case err != nil:
			bad = append(bad, n.Path+": "+err.Error())
		case !defined || !isNum:
			if defined || want != nil {
				bad = append(bad, n.Path+": shows "+n.Text+", math() has "+strconv.Quote(string(mustJSON(want))))
			}
		default:
			tol := 5.01e-4
			if strings.Contains(n.Text, "e") {
				tol = 5.01e-3
			}
			if math.Abs(got-w) > tol*math.Abs(w) {
				bad = append(bad, n.Path+": shows "+n.Text+", math() has "+strconv.FormatFloat(w, 'g', -1, 64))
			}
		}
	}
	return bad
}

func mustJSON(v any) []byte { b, _ := json.Marshal(v); return b }

// waitPanel waits until the panel shows every number of math() it prints (and at least the
// paths of need), and returns them.
func waitPanel(t *testing.T, p *page, need ...string) []shownNumber {
	t.Helper()
	var bad []string
	for end := time.Now().Add(10 * time.Second); time.Now().Before(end); p.frames(2) {
		shown := panelNumbers(p)
		m := call[any](p, "math")
		bad = panelDisagrees(shown, m)
		have := map[string]bool{}
		for _, n := range shown {
			have[n.Path] = true
		}
		for _, path := range need {
			if !have[path] {
				bad = append(bad, path+": not shown")
			}
		}
		if len(bad) == 0 {
			return shown
		}
	}
	t.Fatalf("the maths panel does not show math()'s numbers:\n  %s", strings.Join(bad, "\n  "))
	return nil
}

// saveDocShot saves a screenshot under e2e/out/ and, with NNPLAY_UPDATE_SCREENSHOT=1, as
// docs/name for the README.
func saveDocShot(t *testing.T, name string, png []byte) {
	t.Helper()
	saveShot(t, name, png)
	if os.Getenv("NNPLAY_UPDATE_SCREENSHOT") == "1" {
		if err := os.WriteFile(filepath.Join("..", "docs", name), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestMathPanel: the panel's MathML shows math()'s numbers — forward, loss, the chain rule
// of a hidden weight with its δs, the check, the update — for a training point, and marks a
// test point's backward pass "not trained on".
func TestMathPanel(t *testing.T) {
	p := openPaused(t)
	p.do("loadModel", hoverModel)
	p.setData([]Point{{X: -4, Y: 3, Label: 1}, {X: 2, Y: -1.5, Label: 0, Test: true}, {X: 1, Y: 1, Label: 0}})
	p.do("followPoint", 0)
	p.do("selectWeight", 0, 1, 0)
	p.do("stepSample")
	p.do("followPoint", 2)
	p.clickElement("math-go") // the bar's button brings the panel into view
	p.frames(2)
	if top := eval[float64](p, `document.getElementById("math").getBoundingClientRect().top`); top < 0 || top > 200 {
		t.Errorf("after the bar's maths button the panel's top is at %v px, want it in view near the top", top)
	}
	waitPanel(t, p, "point.features.0", "layers.0.W.1.0", "layers.0.z.1", "layers.0.a.3", "layers.1.z.0", "yhat",
		"squaredError", "loss", "dLdyhat", "mse", "layers.1.delta.0", "layers.0.delta.1",
		"selected.factors.0.value", "selected.factors.1.value", "selected.factors.2.value", "selected.gradient",
		"selected.finiteDifference", "selected.relativeError", "selected.step.after", "lastUpdate.after", "learningRate")
	_, png, err := p.tab.Screenshot()
	if err != nil {
		t.Fatal(err)
	}
	saveDocShot(t, "math-desktop.png", png)
	eval[bool](p, `(document.getElementById("math-backward").scrollIntoView({block: "start"}), true)`)
	p.frames(2)
	if _, png, err = p.tab.Screenshot(); err != nil {
		t.Fatal(err)
	}
	saveShot(t, "math-desktop-backward.png", png)

	p.do("followPoint", 1) // the test point
	waitPanel(t, p, "yhat", "loss")
	if text := eval[string](p, `document.getElementById("math-backward").textContent`); !strings.Contains(text, "not trained on") {
		t.Errorf("a test point's backward pass reads %q, want it marked not trained on", text)
	}
	if eval[bool](p, `document.getElementById("step-sample").disabled`) != true {
		t.Error("step one sample is offered for a test point")
	}
}

// edgeMiddle returns the client position of the middle of the edge W[l][j][i] of a network
// with the given layers on p's canvas.
func edgeMiddle(t *testing.T, p *page, layers []int, l, j, i int) browser.Pt {
	client, area := netGeometry(t, p)
	x0, y0, h0 := view.NodeCenter(area, layers, l, i)
	x1, y1, h1 := view.NodeCenter(area, layers, l+1, j)
	return client((x0+h0+x1-h1)/2, (y0+y1)/2)
}

// showCanvas scrolls the canvas back into view (the maths panel lies under it).
func (p *page) showCanvas() {
	p.t.Helper()
	eval[bool](p, `(document.getElementById("canvas").scrollIntoView({block: "start"}), true)`)
	p.frames(1)
}

// selected is math().selected's name of the parameter.
type selected struct {
	Kind  string  `json:"kind"`
	L     int     `json:"l"`
	J     int     `json:"j"`
	I     *int    `json:"i"`
	Value float64 `json:"value"`
}

func mathSelected(p *page) selected {
	p.t.Helper()
	return call[struct {
		Selected selected `json:"selected"`
	}](p, "math").Selected
}

// TestPanelEdits: a click on an edge selects its weight; typing a value in the panel's
// field sets it (model() and predict change, the field keeps it); a click on a bias mark
// selects the bias; the step buttons step; the gradients checkbox repaints the edges; a
// click on a node's picture pins it and shows it in the plot, another unpins it.
func TestPanelEdits(t *testing.T) {
	p := openPaused(t)
	m := hoverModel
	p.do("loadModel", m)
	p.setData([]Point{{X: -4, Y: 3, Label: 1}, {X: 1, Y: 1, Label: 0}, {X: 3, Y: -2, Label: 1}})
	panelEditWeight(t, p, m)
	panelSteps(t, p, m)
	panelGradients(t, p, m)
	panelPin(t, p, m)
	panelKeys(t, p)
}

// panelEditWeight: a click on the edge x2 → h3 of m selects its weight; −2.5 typed in the
// panel's field sets it, and an empty field is refused.
func panelEditWeight(t *testing.T, p *page, m Model) {
	at := edgeMiddle(t, p, m.Layers, 0, 2, 1) // x2 → h3
	p.click(at)
	p.frames(2)
	if s := mathSelected(p); s.Kind != "weight" || s.L != 0 || s.J != 2 || s.I == nil || *s.I != 1 {
		t.Fatalf("after a click on the edge x2 → h3: selected %+v, want weight 0/2/1", s)
	}

	before := call[float64](p, "predict", 1.0, 1.0)
	p.clickElement("math-value")
	if err := p.tab.Keys(kb.End+strings.Repeat(kb.Backspace, 24)+"-2.5"+kb.Enter, 0); err != nil {
		t.Fatal(err)
	}
	p.frames(2)
	if w := p.model().Weights[0][2][1]; w != -2.5 {
		t.Errorf("after typing −2.5 in the panel's field: weights[0][2][1] = %v", w)
	}
	if after := call[float64](p, "predict", 1.0, 1.0); after == before {
		t.Error("predict(1, 1) did not change with the weight")
	}
	if v := eval[string](p, `document.getElementById("math-value").value`); v != "-2.5" {
		t.Errorf("the field reads %q after the edit, want -2.5", v)
	}
	// A value that is no number is refused and changes nothing.
	p.clickElement("math-value")
	if err := p.tab.Keys(kb.End+strings.Repeat(kb.Backspace, 8)+kb.Enter, 0); err != nil {
		t.Fatal(err)
	}
	p.frames(2)
	if msg := eval[string](p, `document.getElementById("math-status").textContent`); msg == "" || p.model().Weights[0][2][1] != -2.5 {
		t.Errorf("an empty value: message %q, weight %v; want a refusal and −2.5 kept", msg, p.model().Weights[0][2][1])
	}
}

// panelSteps: a click on ŷ's bias mark selects the bias; the step buttons step one sample
// and one batch, each updating it, and the panel shows the update.
func panelSteps(t *testing.T, p *page, m Model) {
	// The bias mark of ŷ: the track under its node.
	p.showCanvas()
	client, area := netGeometry(t, p)
	x, y, half := view.NodeCenter(area, m.Layers, 2, 0)
	p.click(client(x+half/2, y+half+4))
	p.frames(2)
	if s := mathSelected(p); s.Kind != "bias" || s.L != 1 || s.J != 0 {
		t.Fatalf("after a click on ŷ's bias mark: selected %+v, want bias 1/0", s)
	}

	epoch := p.state().Epoch
	for _, id := range []string{"step-sample", "step-batch"} {
		b := p.model().Biases[1][0]
		p.clickElement(id)
		p.frames(2)
		got := call[struct {
			LastUpdate *struct{ Before, After float64 } `json:"lastUpdate"`
		}](p, "math")
		if got.LastUpdate == nil || got.LastUpdate.Before != b || got.LastUpdate.After != p.model().Biases[1][0] || b == got.LastUpdate.After {
			t.Errorf("%s: lastUpdate %+v, bias %v → %v", id, got.LastUpdate, b, p.model().Biases[1][0])
		}
	}
	if st := p.state(); st.Running || st.Epoch != epoch+1 {
		t.Errorf("after the step buttons: running %v, epoch %d; want paused at %d (the batch of ten held the three points: an epoch)", st.Running, st.Epoch, epoch+1)
	}
	waitPanel(t, p, "lastUpdate.before", "lastUpdate.after")
}

// panelGradients: the gradients view repaints the edge x2 → h3.
func panelGradients(t *testing.T, p *page, m Model) {
	var at browser.Pt
	shot := func() []byte {
		p.showCanvas()
		at = edgeMiddle(t, p, m.Layers, 0, 2, 1)
		p.frames(3)
		img, _, err := p.tab.Screenshot()
		if err != nil {
			t.Fatal(err)
		}
		c := img.At(int(at.X), int(at.Y))
		r, g, b, _ := c.RGBA()
		return []byte{byte(r >> 8), byte(g >> 8), byte(b >> 8)}
	}
	w := shot()
	p.clickElement("gradients")
	gr := shot()
	if !eval[bool](p, `nnplayPage.status().gradients`) || string(w) == string(gr) {
		t.Errorf("gradients view: state %v, the edge's pixel %v → %v; want on and repainted",
			eval[bool](p, `nnplayPage.status().gradients`), w, gr)
	}
}

// panelPin: a click on h1 pins it: the plot shows its picture; again, unpinned. The mouse
// leaves the node after each click, so that it is the pin, not the hover, that shows.
func panelPin(t *testing.T, p *page, m Model) {
	p.showCanvas()
	client, area := netGeometry(t, p)
	nx, ny, _ := view.NodeCenter(area, m.Layers, 1, 0)
	plot := p.toScreen(-3, -3)
	pixel := func() [3]float64 {
		if err := p.tab.Hover(p.toScreen(5.5, 5.5)); err != nil {
			t.Fatal(err)
		}
		p.frames(3)
		img, _, err := p.tab.Screenshot()
		if err != nil {
			t.Fatal(err)
		}
		return rgb(img.At(int(plot.X), int(plot.Y)))
	}
	unpinned := pixel()
	for k, want := range []string{`{"layer":1,"node":0}`, `null`} {
		p.click(client(nx, ny))
		p.frames(2)
		if got := eval[string](p, `JSON.stringify(nnplayPage.status().pinned)`); got != want {
			t.Errorf("click %d on h1: pinned %s, want %s", k+1, got, want)
		}
		if px := pixel(); (px != unpinned) != (k == 0) {
			t.Errorf("click %d on h1: the plot at (−3, −3) reads %v, unpinned %v", k+1, px, unpinned)
		}
	}
}

// panelKeys: the key path (the canvas has focus after the clicks): p selects the next
// parameter in the model file's order, from ŷ's bias, the last, round to the first weight;
// shift+p the previous.
func panelKeys(t *testing.T, p *page) {
	for _, k := range []struct {
		mods int64
		want selected
	}{{0, selected{Kind: "weight", I: new(int)}}, {browser.Shift, selected{Kind: "bias", L: 1}}} {
		if err := p.tab.Keys("p", k.mods); err != nil {
			t.Fatal(err)
		}
		p.frames(2)
		s := mathSelected(p)
		if s.Kind != k.want.Kind || s.L != k.want.L || s.J != k.want.J || (s.I == nil) != (k.want.I == nil) || s.I != nil && *s.I != *k.want.I {
			t.Errorf("key p (mods %d): selected %+v, want %+v", k.mods, s, k.want)
		}
	}
}

// TestPanelPhone: on a phone the panel is a section the user opens; opened, it shows
// math()'s numbers, and a tap on an edge selects its weight.
func TestPanelPhone(t *testing.T) {
	p := openPaused(t, browser.Phone)
	p.do("loadModel", hoverModel)
	if eval[bool](p, `document.getElementById("math").getClientRects().length > 0`) {
		t.Error("the maths panel is open on a phone before the user opens it")
	}
	// The whole canvas on screen: a first touch on a canvas that reaches below the fold
	// scrolls the page to show it (the browser focuses it) while the finger is down.
	p.showCanvas()
	at := edgeMiddle(t, p, hoverModel.Layers, 1, 0, 3) // h4 → ŷ
	if err := p.tab.Tap(at); err != nil {
		t.Fatal(err)
	}
	p.frames(2)
	if s := mathSelected(p); s.Kind != "weight" || s.L != 1 || s.J != 0 || s.I == nil || *s.I != 3 {
		t.Errorf("after a tap on the edge h4 → ŷ: selected %+v, tooltip %v", s, eval[any](p, `nnplay.state().tooltip`))
	}
	p.clickElement("math-drawer")
	waitPanel(t, p, "yhat", "selected.gradient", "selected.factors.2.value")
	eval[bool](p, `(document.getElementById("math").scrollIntoView({block: "start"}), true)`)
	p.frames(2)
	_, png, err := p.tab.Screenshot()
	if err != nil {
		t.Fatal(err)
	}
	saveDocShot(t, "math-phone.png", png)
}

// TestMathPanelWide: on a wide ReLU regression network the panel still shows math()'s
// numbers, a layer of eight nodes shows the selected node's row of W in full and folds the
// others, and its z, b and a show that node.
func TestMathPanelWide(t *testing.T) {
	p := openPaused(t)
	p.do("configure", map[string]any{"problem": "regression", "dataset": "plane", "activation": "relu",
		"features": []string{"x1", "x2", "x1^2", "x2^2", "x1*x2", "sin(x1)", "sin(x2)"}, "layers": []int{7, 8, 8, 1}})
	p.do("step", 20)
	p.do("selectWeight", 1, 5, 3)
	eval[bool](p, `(document.getElementById("math").scrollIntoView(), true)`)
	need := []string{"layers.1.z.5", "layers.1.b.5", "layers.1.a.5", "layers.2.delta.0", "layers.1.delta.5", "selected.gradient"}
	for i := range 8 {
		need = append(need, "layers.1.W.5."+strconv.Itoa(i), "layers.0.a."+strconv.Itoa(i))
	}
	shown := waitPanel(t, p, need...)
	for _, n := range shown {
		if strings.HasPrefix(n.Path, "layers.1.W.") && !strings.HasPrefix(n.Path, "layers.1.W.5.") {
			t.Errorf("row %s of W⁽²⁾ is shown; only the selected node's row should be", n.Path)
		}
	}
	if folds := eval[int](p, `Array.from(document.querySelectorAll("#math-forward mo")).filter(e => e.textContent === "⋮").length`); folds == 0 {
		t.Error("no folded rows (⋮) in the forward pass of a layer of eight")
	}
}

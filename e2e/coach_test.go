//go:build !(js && wasm)

package e2e

import (
	"slices"
	"testing"
	"time"

	"nnplay/session"
)

// TestCoachHints: while the page trains, state().hints names vanishing gradients on a deep
// sigmoid network and a learning rate too high on data whose loss swings without diverging,
// and stays [] on the defaults from the first epoch to well past convergence.
func TestCoachHints(t *testing.T) {
	p := open(t)
	// playTo plays until the epoch reaches until, or (when stopOnHint) until a hint shows,
	// polling state() as the page trains; it pauses and returns the state.
	playTo := func(until int, stopOnHint bool, within time.Duration) State {
		t.Helper()
		p.do("play")
		cond := `(() => { const s = nnplay.state(); return s.epoch >= ` + ftoa(float64(until)) + `; })()`
		if stopOnHint {
			cond = `(() => { const s = nnplay.state(); return s.hints.length > 0 || s.epoch >= ` + ftoa(float64(until)) + `; })()`
		}
		if err := p.tab.WaitFor(cond, within); err != nil {
			t.Fatalf("at epoch %d: %v", p.state().Epoch, err)
		}
		p.pause()
		return p.state()
	}
	hints := func() []string { return eval[[]string](p, `nnplay.state().hints`) }

	p.pause()
	if st := playTo(4000, true, 60*time.Second); len(hints()) != 0 || !eval[bool](p, `document.getElementById("hints").hidden`) {
		t.Errorf("hints %q on the defaults at epoch %d (the page's line hidden: %v)", hints(), st.Epoch,
			eval[bool](p, `document.getElementById("hints").hidden`))
	}

	p.do("reset")
	// TensorFlow Playground's circle at its learning rate (session.ClassicSettings).
	p.do("configure", map[string]any{"layers": []int{2, 8, 8, 8, 8, 8, 8, 1}, "speed": 0,
		"dataset": "circle", "numPoints": 250, "learningRate": 0.03})
	st := playTo(3*session.CoachWindow, false, 90*time.Second)
	if want := []string{session.HintVanishing.String()}; !slices.Equal(hints(), want) {
		t.Errorf("deep sigmoid at epoch %d: hints %q, want %q", st.Epoch, hints(), want)
	}
	// The page shows the coach's line under its bar, as state() says it.
	shown := `(() => { const h = document.getElementById("hints"); return !h.hidden &&
		JSON.stringify(Array.from(h.children, p => p.textContent)) === JSON.stringify(nnplay.state().hints); })()`
	if err := p.tab.WaitFor(shown, 10*time.Second); err != nil {
		t.Errorf("the page does not show the hints %q: %v (it shows %q)", hints(), err,
			eval[string](p, `document.getElementById("hints").textContent`))
	}

	p.do("configure", map[string]any{"layers": []int{2, 4, 1}, "problem": "regression", "dataset": "gauss-multi",
		"learningRate": 1, "speed": 500})
	st = playTo(3*session.CoachWindow, false, 90*time.Second)
	if want := []string{session.HintRateHigh.String()}; !slices.Equal(hints(), want) || st.Error != nil {
		t.Errorf("learning rate 1 on gauss-multi at epoch %d: hints %q, error %v; want %q and no divergence",
			st.Epoch, hints(), fmtStr(st.Error), want)
	}
}

// fmtStr formats a nullable string.
func fmtStr(s *string) string {
	if s == nil {
		return "null"
	}
	return *s
}

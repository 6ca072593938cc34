package api

import (
	"encoding/json"
	"math"
	"slices"
	"testing"

	"nnplay/session"
)

// decodeMath returns math() as a script sees it.
func decodeMath(t *testing.T, p *Playground) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal([]byte(p.MathReply(false)), &m); err != nil {
		t.Fatal(err)
	}
	if e, ok := m["err"]; ok {
		t.Fatalf("math(): %v", e)
	}
	return m["ok"].(map[string]any)
}

func TestMathShape(t *testing.T) {
	p := newPlayground(t)
	m := decodeMath(t, p)
	for _, k := range []string{"point", "layers", "yhat", "squaredError", "loss", "dLdyhat", "mse", "selected", "lastUpdate"} {
		if _, ok := m[k]; !ok {
			t.Errorf("math() has no %q", k)
		}
	}
	first := slices.IndexFunc(p.S.Points(), func(q session.Point) bool { return !q.Test })
	pt := m["point"].(map[string]any)
	if pt["index"] != float64(first) || pt["test"] != false || len(pt["features"].([]any)) != 2 {
		t.Errorf("default point %v, want the first training point %d", pt, first)
	}
	layers := m["layers"].([]any)
	if len(layers) != 2 {
		t.Fatalf("%d layers, want 2 (2-4-1)", len(layers))
	}
	l0 := layers[0].(map[string]any)
	if len(l0["W"].([]any)) != 4 || len(l0["W"].([]any)[0].([]any)) != 2 || l0["activation"] != "sigmoid" {
		t.Errorf("layer 0: %v", l0)
	}
	for _, k := range []string{"b", "z", "a", "delta", "meanGradW", "meanGradB"} {
		if l0[k] == nil {
			t.Errorf("layer 0 has no %s", k)
		}
	}
	sel := m["selected"].(map[string]any)
	if sel["kind"] != "weight" || sel["l"] != 1.0 || sel["j"] != 0.0 || sel["i"] != 0.0 || len(sel["factors"].([]any)) != 3 ||
		sel["gradient"] == nil || sel["reason"] != nil || sel["h"] != session.FDStep {
		t.Errorf("default selection %v, want the output weight 1,0,0 with 3 factors", sel)
	}
	if m["lastUpdate"] != nil {
		t.Errorf("lastUpdate %v before any step, want null", m["lastUpdate"])
	}
}

func TestMathFollowAndSelect(t *testing.T) {
	p := newPlayground(t)
	test := slices.IndexFunc(p.S.Points(), func(q session.Point) bool { return q.Test })
	if err := p.FollowPoint(float64(test)); err != nil {
		t.Fatal(err)
	}
	if p.UI.Selected != test {
		t.Errorf("followPoint did not select point %d for the canvas", test)
	}
	if err := p.SelectBias(0, 2); err != nil {
		t.Fatal(err)
	}
	m := decodeMath(t, p)
	sel := m["selected"].(map[string]any)
	if m["point"].(map[string]any)["index"] != float64(test) || sel["kind"] != "bias" || sel["i"] != nil ||
		sel["gradient"] != nil || sel["reason"] == nil || len(sel["factors"].([]any)) != 0 {
		t.Errorf("test point, bias 0,2: point %v, selected %v", m["point"], sel)
	}
	if m["layers"].([]any)[0].(map[string]any)["delta"] != nil {
		t.Error("a test point shows δs")
	}
	if err := p.StepSample(); err == nil {
		t.Error("stepSample on a test point was not refused")
	}
	if err := p.SelectWeight(0, 3, 1); err != nil {
		t.Fatal(err)
	}
	if got := p.UI.Param; got != (session.Param{L: 0, J: 3, I: 1}) {
		t.Errorf("selectWeight(0, 3, 1) selected %+v", got)
	}
	// A rebuild that drops the selected weight falls back to the default.
	if err := p.Configure([]byte(`{"layers":[2,2,1]}`)); err != nil {
		t.Fatal(err)
	}
	if sel := decodeMath(t, p)["selected"].(map[string]any); sel["l"] != 1.0 || sel["kind"] != "weight" {
		t.Errorf("after the selected weight's node went: selected %v, want the output weight", sel)
	}
}

func TestMathCallsRefuse(t *testing.T) {
	p := newPlayground(t)
	test := slices.IndexFunc(p.S.Points(), func(q session.Point) bool { return q.Test })
	if err := p.SetHideTest(true); err != nil {
		t.Fatal(err)
	}
	before := decodeState(t, p)
	ui := *p.UI
	for _, tc := range []struct {
		name string
		call func() error
	}{
		{"followPoint 1.5", func() error { return p.FollowPoint(1.5) }},
		{"followPoint -1", func() error { return p.FollowPoint(-1) }},
		{"followPoint past the end", func() error { return p.FollowPoint(1e6) }},
		{"followPoint hidden test point", func() error { return p.FollowPoint(float64(test)) }},
		{"selectWeight layer 2", func() error { return p.SelectWeight(2, 0, 0) }},
		{"selectWeight NaN", func() error { return p.SelectWeight(0, math.NaN(), 0) }},
		{"selectBias node 4", func() error { return p.SelectBias(0, 4) }},
		{"setWeight Inf", func() error { return p.SetWeight(0, 0, 0, math.Inf(1)) }},
		{"setWeight i 0.5", func() error { return p.SetWeight(0, 0, 0.5, 1) }},
		{"setBias layer -1", func() error { return p.SetBias(-1, 0, 1) }},
	} {
		if err := tc.call(); err == nil {
			t.Errorf("%s: not refused", tc.name)
		}
	}
	if after := decodeState(t, p); !jsonEqual(before, after) || *p.UI != ui {
		t.Error("refused calls changed the state")
	}
}

// jsonEqual compares two decoded JSON values.
func jsonEqual(a, b any) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return string(x) == string(y)
}

func TestMathSteps(t *testing.T) {
	p := newPlayground(t)
	p.Play()
	if err := p.StepSample(); err != nil {
		t.Fatal(err)
	}
	m := decodeMath(t, p)
	u, ok := m["lastUpdate"].(map[string]any)
	if !ok || p.S.Running() {
		t.Fatalf("after stepSample: lastUpdate %v, running %v", m["lastUpdate"], p.S.Running())
	}
	if w := p.S.Network().Weight(1, 0, 0); u["after"] != w || u["before"] == w {
		t.Errorf("lastUpdate %v; the weight is now %g", u, w)
	}
	for range 3 {
		if err := p.StepBatch(); err != nil {
			t.Fatal(err)
		}
	}
	if done, _ := p.S.InEpoch(); done != 30 {
		t.Errorf("three batches of 10: %d points of the epoch done, want 30", done)
	}
	if err := p.SetWeight(1, 0, 2, 3.5); err != nil {
		t.Fatal(err)
	}
	var model struct{ Weights [][][]float64 }
	b, _ := p.Model()
	if err := json.Unmarshal(b, &model); err != nil || model.Weights[1][0][2] != 3.5 {
		t.Errorf("model() after setWeight(1, 0, 2, 3.5): %v %v", model.Weights, err)
	}
	if err := p.SetBias(1, 0, -1); err != nil || p.S.Network().Bias(1, 0) != -1 {
		t.Errorf("setBias: %v", err)
	}
	if err := p.SetGradients(true); err != nil || !p.Status().Gradients || !p.Status().Settings.View.Gradients {
		t.Errorf("state().gradients is false after setGradients(true): %v", err)
	}
}

// TestHints: state().hints is [] on the defaults and names vanishing gradients once a deep
// sigmoid network has trained a while with its loss recorded, as frames record it.
func TestHints(t *testing.T) {
	p := newPlayground(t)
	if h := decodeState(t, p)["hints"]; !jsonEqual(h, []any{}) {
		t.Errorf("hints on a new playground: %v, want []", h)
	}
	if err := p.Configure([]byte(`{"layers":[2,8,8,8,8,8,8,1]}`)); err != nil {
		t.Fatal(err)
	}
	for range 2 * session.CoachWindow / 8 {
		if _, err := p.Step(8); err != nil {
			t.Fatal(err)
		}
		p.S.Record()
	}
	if got, want := p.Status().Hints, []string{session.HintVanishing.String()}; !slices.Equal(got, want) {
		t.Errorf("deep sigmoid at epoch %d: hints %q, want %q", p.S.Epoch(), got, want)
	}
}

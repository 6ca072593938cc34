package api

import (
	"encoding/json"
	"errors"
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"nnplay/interact"
	"nnplay/session"
	"nnplay/view"
)

func newPlayground(t testing.TB) *Playground {
	t.Helper()
	s, err := session.New(session.ClassicSettings())
	if err != nil {
		t.Fatal(err)
	}
	ui := &view.UI{Layout: view.NewLayout(900, 600), Scale: 1, Selected: -1, Dragging: -1, Menu: -1, Brush: 1}
	return &Playground{S: s, UI: ui, Ctl: interact.New()}
}

// decodeState parses state() into a generic map, as a script would see it.
func decodeState(t *testing.T, p *Playground) map[string]any {
	t.Helper()
	b, err := p.State()
	if err != nil {
		t.Fatalf("State: %v", err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("State is not JSON: %v", err)
	}
	return m
}

func TestStateShape(t *testing.T) {
	p := newPlayground(t)
	st := decodeState(t, p)
	for _, k := range []string{"epoch", "running", "trainLoss", "testLoss", "trainAccuracy", "testAccuracy",
		"settings", "points", "domain", "error", "frame"} {
		if _, ok := st[k]; !ok {
			t.Errorf("state() has no %q", k)
		}
	}
	set := st["settings"].(map[string]any)
	d := session.ClassicSettings()
	want := map[string]any{
		"layers": []any{2.0, 4.0, 1.0}, "activation": d.Activation, "learningRate": d.LearningRate,
		"batchSize": float64(d.BatchSize), "regularization": d.Regularization,
		"regularizationRate": d.RegularizationRate, "features": []any{"x1", "x2"},
		"problem": d.Problem, "dataset": d.Dataset, "numPoints": float64(d.NumPoints), "noise": d.Noise,
		"testRatio": d.TestRatio, "seed": float64(d.Seed), "dataSeed": float64(d.DataSeed), "speed": d.Speed,
		"discretize": false, "showTestData": true, "logLoss": false, "gradients": false, "hide": []any{},
	}
	if !reflect.DeepEqual(set, want) {
		t.Errorf("settings:\n got %v\nwant %v", set, want)
	}
	if d := st["domain"]; !reflect.DeepEqual(d, map[string]any{"xmin": -6.0, "xmax": 6.0, "ymin": -6.0, "ymax": 6.0}) {
		t.Errorf("domain %v", d)
	}
	if st["error"] != nil || st["menu"] != nil || st["selected"] != nil || st["tooltip"] != nil || st["brushRange"] != nil {
		t.Errorf("error %v, menu %v, selected %v, tooltip %v, brushRange %v; want null", st["error"], st["menu"], st["selected"], st["tooltip"], st["brushRange"])
	}
	pts := st["points"].([]any)
	if len(pts) != 250 {
		t.Fatalf("%d points, want 250", len(pts))
	}
	if pt := pts[0].(map[string]any); len(pt) != 4 || pt["x"] == nil || pt["test"] == nil {
		t.Errorf("point %v, want {x, y, label, test}", pt)
	}
	frame := st["frame"].(map[string]any)
	for _, k := range []string{"updateMs", "drawMs", "trainMs", "epochsPerSecond", "fps"} {
		if _, ok := frame[k].(float64); !ok {
			t.Errorf("frame.%s is %v, want a number", k, frame[k])
		}
	}
}

func TestStateMetricsAreComputedNow(t *testing.T) {
	p := newPlayground(t)
	before := decodeState(t, p)["trainLoss"].(float64)
	if _, err := p.Step(50); err != nil {
		t.Fatal(err)
	}
	after := decodeState(t, p)
	m := p.S.Metrics()
	if got := after["trainLoss"].(float64); got != m.TrainLoss || got == before {
		t.Errorf("trainLoss after 50 epochs %v (before %v), want the session's %v now", got, before, m.TrainLoss)
	}
	if got := after["testAccuracy"].(float64); got != m.TestAccuracy {
		t.Errorf("testAccuracy %v, want %v", got, m.TestAccuracy)
	}
	if after["epoch"].(float64) != 50 {
		t.Errorf("epoch %v, want 50", after["epoch"])
	}
}

func TestStateNulls(t *testing.T) {
	p := newPlayground(t)
	// All points training: no test split, so test loss and accuracy are null.
	if err := p.SetData([]byte(`[{"x":1,"y":1,"label":1},{"x":-1,"y":-1,"label":0}]`)); err != nil {
		t.Fatal(err)
	}
	st := decodeState(t, p)
	if st["testLoss"] != nil || st["testAccuracy"] != nil || st["trainLoss"] == nil {
		t.Errorf("no test points: testLoss %v, testAccuracy %v, trainLoss %v", st["testLoss"], st["testAccuracy"], st["trainLoss"])
	}
	// Regression: accuracy is null.
	if err := p.Configure([]byte(`{"problem":"regression"}`)); err != nil {
		t.Fatal(err)
	}
	st = decodeState(t, p)
	if st["trainAccuracy"] != nil || st["testAccuracy"] != nil || st["trainLoss"] == nil {
		t.Errorf("regression: trainAccuracy %v, testAccuracy %v, trainLoss %v", st["trainAccuracy"], st["testAccuracy"], st["trainLoss"])
	}
	// No points at all: every loss is null, and points is an empty array.
	if err := p.SetData([]byte(`[]`)); err != nil {
		t.Fatal(err)
	}
	st = decodeState(t, p)
	if st["trainLoss"] != nil || st["testLoss"] != nil {
		t.Errorf("no points: trainLoss %v, testLoss %v, want null", st["trainLoss"], st["testLoss"])
	}
	if pts, ok := st["points"].([]any); !ok || len(pts) != 0 {
		t.Errorf("no points: points %#v, want []", st["points"])
	}
}

// snapshot is what a refused call must leave as it was.
func snapshot(t *testing.T, p *Playground) string {
	t.Helper()
	st := p.Status()
	st.Frame = Frame{}
	pts, _ := json.Marshal(p.S.Points())
	b, _ := json.Marshal(st)
	w := append([]float64(nil), p.S.Network().Params()...)
	wb, _ := json.Marshal(w)
	return string(b) + string(pts) + string(wb)
}

func TestRefusalsChangeNothing(t *testing.T) {
	tests := []struct {
		name string
		call func(p *Playground) error
		msg  string // a part of the error's message
	}{
		{"configure, learning rate too high", func(p *Playground) error { return p.Configure([]byte(`{"learningRate": 20}`)) }, "learningRate"},
		{"configure, not an object", func(p *Playground) error { return p.Configure([]byte(`5`)) }, "configure"},
		{"configure, unknown setting", func(p *Playground) error { return p.Configure([]byte(`{"speeed": 3}`)) }, "speeed"},
		{"configure, layers not fitting features", func(p *Playground) error { return p.Configure([]byte(`{"layers": [3, 4, 1]}`)) }, "layers"},
		{"configure, several with one bad", func(p *Playground) error { return p.Configure([]byte(`{"noise": 0.2, "batchSize": 0}`)) }, "batchSize"},
		{"setData, not an array", func(p *Playground) error { return p.SetData([]byte(`{"x": 1}`)) }, "array"},
		{"setData, a point not an object", func(p *Playground) error { return p.SetData([]byte(`[{"x":1,"y":1,"label":0}, 3]`)) }, "points[1]"},
		{"setData, missing label", func(p *Playground) error { return p.SetData([]byte(`[{"x":1,"y":1}]`)) }, "label"},
		{"setData, x a string", func(p *Playground) error { return p.SetData([]byte(`[{"x":"1","y":1,"label":0}]`)) }, "points[0].x"},
		{"setData, test not a boolean", func(p *Playground) error { return p.SetData([]byte(`[{"x":1,"y":1,"label":0,"test":1}]`)) }, "test"},
		{"setData, outside the plane", func(p *Playground) error { return p.SetData([]byte(`[{"x":7,"y":1,"label":0}]`)) }, "points[0]"},
		{"setData, bad class label", func(p *Playground) error { return p.SetData([]byte(`[{"x":1,"y":1,"label":0.5}]`)) }, "label"},
		{"setData, too many", func(p *Playground) error {
			return p.SetData([]byte("[" + strings.Repeat(`{"x":1,"y":1,"label":0},`, 2000) + `{"x":1,"y":1,"label":0}]`))
		}, "2000"},
		{"loadModel, not a model", func(p *Playground) error { return p.LoadModel([]byte(`{"format": "other"}`)) }, "loadModel"},
		{"loadModel, malformed", func(p *Playground) error { return p.LoadModel([]byte(`{`)) }, "loadModel"},
		{"applyLink, not a string", func(p *Playground) error { return p.ApplyLink([]byte(`42`)) }, "applyLink: want the link as a string"},
		{"applyLink, not a number", func(p *Playground) error { return p.ApplyLink([]byte(`"#noise=0.2&learningRate=abc"`)) }, `applyLink: learningRate: "abc" is not a number`},
		{"applyLink, unknown setting", func(p *Playground) error { return p.ApplyLink([]byte(`"#dataset=xor&colour=red"`)) }, `applyLink: unknown setting "colour"`},
		{"applyLink, layers not fitting features", func(p *Playground) error { return p.ApplyLink([]byte(`"#noise=0.2&layers=3,4,1"`)) }, "layers"},
		{"step, zero", func(p *Playground) error { _, err := p.Step(0); return err }, "integer from 1 to 100000"},
		{"step, fraction", func(p *Playground) error { _, err := p.Step(1.5); return err }, "1.5"},
		{"step, too many", func(p *Playground) error { _, err := p.Step(100001); return err }, "100001"},
		{"step, NaN", func(p *Playground) error { _, err := p.Step(math.NaN()); return err }, "NaN"},
		{"predict, NaN", func(p *Playground) error { _, err := p.Predict(math.NaN(), 0); return err }, "finite"},
		{"toScreen, Inf", func(p *Playground) error { _, err := p.ToScreen(0, math.Inf(1)); return err }, "finite"},
		{"brush, 0.5 for classification", func(p *Playground) error { return p.SetBrush(0.5) }, "0 or 1"},
		{"brush, beyond the range", func(p *Playground) error { return p.SetBrush(2e6) }, "from -1000000 to 1000000, got 2000000"},
		{"undo with nothing to undo", func(p *Playground) error { return p.Undo() }, "undo: nothing to undo"},
		{"redo with nothing to redo", func(p *Playground) error { return p.Redo() }, "redo: nothing to redo"},
		{"configureIn, a fraction of a group", func(p *Playground) error { return p.ConfigureIn(1.5, []byte(`{"noise": 0.2}`)) }, "group"},
		{"restore, corrupt", func(p *Playground) error { return p.Restore([]byte(`{"format":"nnplay.session/1",`)) }, "restore: it is not a kept session"},
		{"restore, another version", func(p *Playground) error {
			return p.Restore(keptWith(t, p, `"nnplay.session/1"`, `"nnplay.session/9"`))
		}, "restore: format"},
		{"restore, a setting out of range", func(p *Playground) error { return p.Restore(keptWith(t, p, `"noise":0`, `"noise":3`)) }, "restore: settings: noise"},
		{"keptLink, a point outside the plane", func(p *Playground) error {
			_, err := p.KeptLink(keptWith(t, p, `{"x":`, `{"x":-9,"was":`))
			return err
		}, "restore: data: points[0]"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := newPlayground(t)
			p.S.SetRunning(true)
			before := snapshot(t, p)
			err := tc.call(p)
			if err == nil {
				t.Fatal("got no error, want a refusal")
			}
			if !strings.Contains(err.Error(), tc.msg) {
				t.Errorf("error %q does not mention %q", err, tc.msg)
			}
			if after := snapshot(t, p); after != before {
				t.Errorf("a refused call changed the playground")
			}
		})
	}
}

// keptWith returns p's snapshot, with its first old replaced by new.
func keptWith(t *testing.T, p *Playground, old, new string) []byte {
	t.Helper()
	text := p.Snapshot()
	if !strings.Contains(text, old) {
		t.Fatalf("the snapshot holds no %s", old)
	}
	return []byte(strings.Replace(text, old, new, 1))
}

// TestRestoreAndStartFresh: a snapshot restores into another playground paused, its link
// the settings'; start fresh gives the defaults, training, and undo brings the restored
// state back.
func TestRestoreAndStartFresh(t *testing.T) {
	src := newPlayground(t)
	if err := src.Configure([]byte(`{"learningRate": 0.3, "dataset": "xor"}`)); err != nil {
		t.Fatal(err)
	}
	if _, err := src.Step(25); err != nil {
		t.Fatal(err)
	}
	text := src.Snapshot()
	dst := newPlayground(t)
	dst.S.SetRunning(true)
	link, err := dst.KeptLink([]byte(text))
	if err != nil || link != src.Link() {
		t.Fatalf("KeptLink = %q, %v; want %q", link, err, src.Link())
	}
	if err := dst.Restore([]byte(text)); err != nil {
		t.Fatal(err)
	}
	if dst.S.Running() || dst.Snapshot() != text || dst.S.UndoLabel() != "restore" {
		t.Fatalf("restored: running %v, the same settings, points, weights and epoch %v, undo label %q; want paused, the same, \"restore\"",
			dst.S.Running(), dst.Snapshot() == text, dst.S.UndoLabel())
	}
	dst.StartFresh()
	if !dst.S.Running() || dst.Link() != session.DefaultSettings().Link() || len(dst.S.Points()) != session.DefaultSettings().NumPoints {
		t.Errorf("after start fresh: running %v, link %q, %d points; want training the defaults", dst.S.Running(), dst.Link(), len(dst.S.Points()))
	}
	dst.Pause()
	if err := dst.Undo(); err != nil {
		t.Fatal(err)
	}
	if dst.Snapshot() != text {
		t.Errorf("undo of start fresh did not bring the restored state back")
	}
}

// TestBrushRange: for regression the value brush spans the labels, and at least −1 to 1.
func TestBrushRange(t *testing.T) {
	p := newPlayground(t)
	if err := p.Configure([]byte(`{"problem": "regression"}`)); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		data   string
		lo, hi float64
	}{
		{`[{"x": 1, "y": 1, "label": 5}, {"x": 2, "y": 1, "label": -3}]`, -3, 5},
		{`[{"x": 1, "y": 1, "label": 0.25}, {"x": 2, "y": 1, "label": 0.5}]`, -1, 1},
		{`[{"x": 1, "y": 1, "label": 0.5}, {"x": 2, "y": 1, "label": 7}]`, -1, 7},
	} {
		if err := p.SetData([]byte(tc.data)); err != nil {
			t.Fatal(err)
		}
		if r := p.Status().BrushRange; r == nil || *r != [2]float64{tc.lo, tc.hi} {
			t.Errorf("labels %s: brushRange %v, want [%v, %v]", tc.data, r, tc.lo, tc.hi)
		}
	}
}

// TestLink: link() writes the settings, applyLink reads them back into another playground.
func TestLink(t *testing.T) {
	p := newPlayground(t)
	if err := p.Configure([]byte(`{"dataset": "spiral", "features": ["x1", "x2", "sin(x1)"], "layers": [3, 8, 5, 1], "activation": "tanh", "learningRate": 0.1}`)); err != nil {
		t.Fatal(err)
	}
	link := p.Link()
	for _, part := range []string{"dataset=spiral", "layers=3,8,5,1", "features=x1,x2,sin%28x1%29", "activation=tanh", "learningRate=0.1"} {
		if !strings.Contains(link, part) {
			t.Errorf("link %q lacks %q", link, part)
		}
	}
	q := newPlayground(t)
	arg, _ := json.Marshal("#" + link)
	if err := q.ApplyLink(arg); err != nil {
		t.Fatal(err)
	}
	if got, want := q.S.Settings(), p.S.Settings(); !reflect.DeepEqual(got, want) {
		t.Errorf("after applyLink:\n %+v\nwant %+v", got, want)
	}
	if !reflect.DeepEqual(q.S.Points(), p.S.Points()) {
		t.Error("the same link gave different points")
	}
}

func TestStepWithoutTrainingPointsIsRefused(t *testing.T) {
	p := newPlayground(t)
	if err := p.SetData([]byte(`[{"x":1,"y":1,"label":1,"test":true}]`)); err != nil {
		t.Fatal(err)
	}
	p.S.SetRunning(true)
	before := snapshot(t, p)
	_, err := p.Step(3)
	if !errors.Is(err, session.ErrNoTrainingPoints) {
		t.Fatalf("step with only test points: %v, want ErrNoTrainingPoints", err)
	}
	if snapshot(t, p) != before {
		t.Error("the refused step changed the playground (it must not even pause)")
	}
}

func TestStepDivergenceIsNoRefusal(t *testing.T) {
	p := newPlayground(t)
	if err := p.Configure([]byte(`{"learningRate": 10, "activation": "linear", "layers": [2, 8, 8, 1], "problem": "regression", "batchSize": 1}`)); err != nil {
		t.Fatal(err)
	}
	if _, err := p.Step(1000); err != nil {
		t.Fatalf("a diverging step threw: %v", err)
	}
	st := decodeState(t, p)
	if st["error"] == nil {
		t.Fatal("after diverging, state().error is null")
	}
	if e := st["epoch"].(float64); e >= 1000 {
		t.Errorf("epoch %v: the step did not stop early", e)
	}
	for _, k := range []string{"trainLoss", "testLoss"} {
		if v, ok := st[k].(float64); !ok || math.IsNaN(v) || math.IsInf(v, 0) {
			t.Errorf("%s %v after divergence, want a finite number", k, st[k])
		}
	}
}

func TestModelRoundTrip(t *testing.T) {
	p := newPlayground(t)
	if _, err := p.Step(20); err != nil {
		t.Fatal(err)
	}
	m, err := p.Model()
	if err != nil {
		t.Fatal(err)
	}
	var obj map[string]any
	if err := json.Unmarshal(m, &obj); err != nil || obj["format"] != "nnplay.model/1" {
		t.Fatalf("model() = %s (%v), want a nnplay.model/1 object", m, err)
	}
	want := p.S.Predict(1.5, -2)
	p.Reset()
	p.Play()
	if err := p.LoadModel(m); err != nil {
		t.Fatalf("loadModel(model()): %v", err)
	}
	if got := p.S.Predict(1.5, -2); got != want {
		t.Errorf("predict after loading %v, want %v", got, want)
	}
	if p.S.Running() || p.S.Epoch() != 0 {
		t.Errorf("after loadModel: running %v, epoch %d; want paused at 0", p.S.Running(), p.S.Epoch())
	}
}

func TestSetDataExactly(t *testing.T) {
	p := newPlayground(t)
	in := `[{"x":1,"y":-2,"label":1},{"x":-3.5,"y":4,"label":0,"test":true,"id":"ignored"}]`
	if err := p.SetData([]byte(in)); err != nil {
		t.Fatal(err)
	}
	want := []session.Point{{X: 1, Y: -2, Label: 1}, {X: -3.5, Y: 4, Label: 0, Test: true}}
	if got := p.S.Points(); !reflect.DeepEqual(got, want) {
		t.Errorf("points %v, want %v", got, want)
	}
	if ds := p.S.Settings().Dataset; ds != session.Custom {
		t.Errorf("dataset %q, want custom", ds)
	}
	if err := p.Undo(); err != nil {
		t.Fatalf("undo after setData: %v", err)
	}
	if n := len(p.S.Points()); n != 250 {
		t.Errorf("after undo %d points, want 250", n)
	}
}

// TestUndoRedoCalls: each call is one step and state() names it; a gesture's calls
// (ConfigureIn with one group) are one.
func TestUndoRedoCalls(t *testing.T) {
	p := newPlayground(t)
	g := p.NewGroup()
	for _, v := range []string{`{"speed": 10}`, `{"speed": 20}`, `{"speed": 50}`} {
		if err := p.ConfigureIn(float64(g), []byte(v)); err != nil {
			t.Fatal(err)
		}
	}
	if err := p.Configure([]byte(`{"noise": 0.1}`)); err != nil {
		t.Fatal(err)
	}
	st := p.Status()
	if !st.CanUndo || st.CanRedo || st.UndoLabel == nil || *st.UndoLabel != "change noise" || st.RedoLabel != nil {
		t.Fatalf("after two steps: canUndo %v canRedo %v undoLabel %v redoLabel %v", st.CanUndo, st.CanRedo, st.UndoLabel, st.RedoLabel)
	}
	if err := p.Undo(); err != nil {
		t.Fatal(err)
	}
	if err := p.Undo(); err != nil {
		t.Fatal(err)
	}
	st = p.Status()
	if st.Settings.Speed != 500 || st.CanUndo || !st.CanRedo || *st.RedoLabel != "change speed" {
		t.Errorf("after undoing both: speed %v, canUndo %v, canRedo %v, redoLabel %v", st.Settings.Speed, st.CanUndo, st.CanRedo, st.RedoLabel)
	}
	if err := p.Redo(); err != nil || p.Status().Settings.Speed != 50 {
		t.Errorf("redo: %v, speed %v, want 50", err, p.Status().Settings.Speed)
	}
}

func TestCallsDropStaleIndices(t *testing.T) {
	p := newPlayground(t)
	p.UI.Selected, p.UI.Menu = 200, 200
	if err := p.SetData([]byte(`[{"x":1,"y":1,"label":1}]`)); err != nil {
		t.Fatal(err)
	}
	if p.UI.Selected != -1 || p.UI.Menu != -1 {
		t.Errorf("after setData: Selected %d, Menu %d; want -1", p.UI.Selected, p.UI.Menu)
	}
}

func TestMenuAndToScreen(t *testing.T) {
	p := newPlayground(t)
	x, y := p.S.Points()[3].X, p.S.Points()[3].Y
	at, err := p.ToScreen(x, y)
	if err != nil {
		t.Fatal(err)
	}
	if sx, sy := p.UI.Layout.ToScreen(x, y); at != (XY{sx, sy}) {
		t.Errorf("toScreen %v, want the layout's %v, %v", at, sx, sy)
	}
	// A long press opens the offer: state().menu names its Delete button's centre.
	ev := interact.Event{Kind: interact.PointerDown, X: at.X, Y: at.Y, Touch: true, Pointer: 7}
	if err := p.Ctl.Handle(p.S, p.UI, ev); err != nil {
		t.Fatal(err)
	}
	p.Ctl.Tick(p.S, p.UI, time.Second)
	st := p.Status()
	if st.Menu == nil {
		t.Fatal("after a long press, menu is null")
	}
	r := view.MenuButton(p.UI.Layout, p.S.Points(), 3)
	if !r.Contains(st.Menu.X, st.Menu.Y) {
		t.Errorf("menu %v is not inside the Delete button %v", *st.Menu, r)
	}
}

// TestTooltip: state().tooltip is the text the canvas shows for what a resting mouse is
// over, and null once the mouse leaves or a long press opens the delete offer.
func TestTooltip(t *testing.T) {
	p := newPlayground(t)
	pt := p.S.Points()[3]
	at, err := p.ToScreen(pt.X, pt.Y)
	if err != nil {
		t.Fatal(err)
	}
	tooltip := func() string {
		if tt := p.Status().Tooltip; tt != nil {
			return *tt
		}
		return "null"
	}
	mouse := interact.Event{Kind: interact.PointerMove, X: at.X, Y: at.Y, Pointer: 1}
	if err := p.Ctl.Handle(p.S, p.UI, mouse); err != nil {
		t.Fatal(err)
	}
	want := string(view.AppendTooltip(nil, p.S, view.Hover{Kind: view.HoverPoint, Index: 3}, 3))
	if got := tooltip(); got != want || !strings.HasPrefix(got, "(") {
		t.Errorf("over point 3: tooltip %q, want %q", got, want)
	}
	// With point 3 selected, the output node's tooltip gives its activation there, computed
	// from the weights now: no frame was drawn since the weights changed.
	p.UI.Selected = 3
	if _, err := p.S.Step(50); err != nil {
		t.Fatal(err)
	}
	out := view.Hover{Kind: view.HoverNode, Layer: len(p.S.Network().Layers()) - 1}
	p.UI.Hover = out
	want = "ŷ: b = " + string(view.AppendFixed(nil, p.S.Network().Bias(out.Layer-1, 0), 3)) +
		", a = " + string(view.AppendFixed(nil, p.S.Predict(pt.X, pt.Y), 3))
	if got := tooltip(); got != want {
		t.Errorf("over the output node with point 3 selected: tooltip %q, want %q", got, want)
	}
	p.UI.Selected, p.UI.Hover = -1, view.Hover{}
	if err := p.Ctl.Handle(p.S, p.UI, interact.Event{Kind: interact.PointerLeave, Pointer: 1}); err != nil {
		t.Fatal(err)
	}
	if got := tooltip(); got != "null" {
		t.Errorf("after the mouse left: tooltip %q, want null", got)
	}
}

func TestReply(t *testing.T) {
	tests := []struct {
		v    any
		err  error
		want string
	}{
		{nil, nil, `{"ok":null}`},
		{0.25, nil, `{"ok":0.25}`},
		{XY{1, 2}, nil, `{"ok":{"x":1,"y":2}}`},
		{nil, errors.New(`step: n must be "an integer"`), `{"err":"step: n must be \"an integer\""}`},
		{math.NaN(), nil, `{"err":"internal error: json: unsupported value: NaN"}`},
	}
	for _, tc := range tests {
		if got := Reply(tc.v, tc.err); got != tc.want {
			t.Errorf("Reply(%v, %v) = %s, want %s", tc.v, tc.err, got, tc.want)
		}
	}
	if got := RawReply([]byte(`{"a":[1]}`), nil); got != `{"ok":{"a":[1]}}` {
		t.Errorf("RawReply = %s", got)
	}
}

// TestFilesByContent: exportData's CSV imports back exactly; LoadFile tells a model from
// data by content; a refused file changes nothing.
func TestFilesByContent(t *testing.T) {
	p := newPlayground(t)
	pts := slices.Clone(p.S.Points())
	csv := p.ExportData()
	if !strings.HasPrefix(csv, "x,y,label,test\n") {
		t.Fatalf("exportData starts %.30q", csv)
	}
	if err := p.SetData([]byte(`[{"x":1,"y":1,"label":1}]`)); err != nil {
		t.Fatal(err)
	}
	if err := p.ImportData([]byte(csv)); err != nil || !slices.Equal(p.S.Points(), pts) {
		t.Fatalf("importData(exportData()): %v; points equal %v", err, slices.Equal(p.S.Points(), pts))
	}
	model, err := p.Model()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		text, what string
	}{{string(model), "model"}, {p.DataJSON(), "data"}, {csv, "data"}, {"\uFEFF" + string(model), "model"}} {
		if what, err := p.LoadFile([]byte(tc.text)); err != nil || what != tc.what {
			t.Errorf("LoadFile(%.30q…) = %q, %v; want %q", tc.text, what, err, tc.what)
		}
	}
	before := snapshot(t, p)
	if _, err := p.LoadFile([]byte("x,y,label\n1,1,b\n")); err == nil || !strings.Contains(err.Error(), `row 2, label: "b" is not 0 or 1`) {
		t.Errorf("a bad CSV: %v", err)
	}
	if snapshot(t, p) != before {
		t.Errorf("a refused file changed the playground")
	}
}

// TestStepBounded: step(n) on a large network runs the epochs its work budget allows, not
// n, and the same call on the same data and shape runs the same epochs; a small network
// runs n.
func TestStepBounded(t *testing.T) {
	p := newPlayground(t)
	if ran, err := p.Step(100); err != nil || ran != 100 {
		t.Fatalf("step(100) at the defaults ran %d: %v", ran, err)
	}
	if err := p.Configure([]byte(`{"numPoints": 2000, "testRatio": 0.1, "features": ["x1", "x2", "x1^2", "x2^2", "x1*x2", "sin(x1)", "sin(x2)"], "layers": [7, 8, 8, 8, 8, 8, 8, 1]}`)); err != nil {
		t.Fatal(err)
	}
	train := 0
	for _, q := range p.S.Points() {
		if !q.Test {
			train++
		}
	}
	want := session.StepWork / (train * len(p.S.Network().Params()))
	start := p.S.Epoch()
	ran, err := p.Step(100000)
	if err != nil || ran != want || p.S.Epoch() != start+want {
		t.Fatalf("step(100000) on 7-8×6-1 with %d training points ran %d (epoch %d → %d): %v; want %d", train, ran, start, p.S.Epoch(), err, want)
	}
	if again, _ := p.Step(100000); again != ran {
		t.Errorf("the same step ran %d, then %d", ran, again)
	}
}

// TestArgLength: an argument longer than MaxArgLength is refused, naming the call, before it
// is read.
func TestArgLength(t *testing.T) {
	if err := CheckArgLength("importData", MaxArgLength); err != nil {
		t.Errorf("an argument of MaxArgLength characters is refused: %v", err)
	}
	err := CheckArgLength("importData", 100_000_000)
	if err == nil || !strings.Contains(err.Error(), "importData: the argument is 100000000 characters long") {
		t.Errorf("a 100 MB argument: %v", err)
	}
}

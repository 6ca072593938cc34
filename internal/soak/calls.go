//go:build !(js && wasm)

package soak

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"nnplay/internal/browser"
	"nnplay/nn"
	"nnplay/session"
)

// errRefused is the shadow's answer to a call that must be refused whatever the state.
var errRefused = errors.New("refused by its arguments")

// call is an API call with JSON arguments; a call the page refuses throws.
func call(kind, method string, args []any, keeps bool, apply func(sh *shadow) error) *action {
	if args == nil {
		args = []any{}
	}
	enc, err := json.Marshal(args)
	if err != nil {
		panic("soak: encoding the arguments of " + method + ": " + err.Error())
	}
	return callJS(kind, method, string(enc), keeps, apply)
}

// callJS is call with the arguments as a JavaScript array expression.
func callJS(kind, method, args string, keeps bool, apply func(sh *shadow) error) *action {
	desc := method + "(" + strings.TrimSuffix(strings.TrimPrefix(args, "["), "]") + ")"
	a := &action{kind: kind, desc: desc, api: true, keeps: keeps, apply: apply}
	a.run = func(r *runner) (bool, bool, error) {
		_, err := browser.CallJS[any](r.tab, method, args)
		var ae *browser.APIError
		if errors.As(err, &ae) {
			if !ae.IsError || strings.TrimSpace(ae.Message) == "" {
				return true, false, fmt.Errorf("%s threw %q, not an Error with a message", method, ae.Message)
			}
			a.desc += " threw " + strconv.Quote(ae.Message)
			return true, false, nil
		}
		return false, false, err
	}
	return a
}

// randomValue draws a value for a setting: often one the page offers, sometimes one out of
// range or of another problem (which the shadow then refuses).
func (r *runner) randomValue(sp *session.Spec) any {
	switch sp.Kind {
	case session.KindChoice:
		return sp.Choices[r.rng.IntN(len(sp.Choices))]
	case session.KindList:
		var out []string
		for _, c := range sp.Choices {
			if r.rng.IntN(4) == 0 {
				out = append(out, c)
			}
		}
		return out
	case session.KindBoolean:
		return r.rng.IntN(2) == 0
	case session.KindLayers:
		layers := []int{len(r.sh.s.Settings().Features)}
		for range r.rng.IntN(4) {
			layers = append(layers, 1+r.rng.IntN(8))
		}
		return append(layers, 1)
	case session.KindInteger:
		return [...]float64{sp.Min, sp.Max, sp.Min + float64(r.rng.IntN(int(min(sp.Max-sp.Min, 300))+1))}[r.rng.IntN(3)]
	}
	if len(sp.Offered) > 0 && r.rng.IntN(4) > 0 {
		return sp.Offered[r.rng.IntN(len(sp.Offered))]
	}
	v := sp.Min + (sp.Max-sp.Min)*r.rng.Float64()
	return math.Round(v*1000) / 1000
}

// randomPatch draws one to three settings.
func (r *runner) randomPatch() map[string]any {
	specs := session.Specs()
	patch := map[string]any{}
	for range 1 + r.rng.IntN(3)*r.rng.IntN(2) {
		sp := &specs[r.rng.IntN(len(specs))]
		patch[sp.Name] = r.randomValue(sp)
	}
	return patch
}

// configurePatch applies a patch, as JSON, to the shadow.
func configurePatch(sh *shadow, patch any) error {
	b, err := json.Marshal(patch)
	if err != nil {
		return err
	}
	p, err := session.ParsePatch(b)
	if err != nil {
		return err
	}
	return sh.s.Configure(p)
}

// randomPoints draws up to 60 points in the plane with labels of the shadow's problem.
func (r *runner) randomPoints() []session.Point {
	pts := make([]session.Point, r.rng.IntN(61))
	regression := r.sh.s.Settings().Problem == session.Regression
	for i := range pts {
		x, y := r.spot()
		label := float64(r.rng.IntN(2))
		if regression {
			label = math.Round((r.rng.Float64()*2-1)*1000) / 1000
		}
		pts[i] = session.Point{X: x, Y: y, Label: label, Test: r.rng.IntN(4) == 0}
	}
	return pts
}

// randomModel returns a model file: the shadow's own network (its initial weights) or one
// of another shape, features and activation.
func (r *runner) randomModel() string {
	s := r.sh.s
	if r.rng.IntN(2) == 0 {
		st := session.DefaultSettings()
		st.Problem, st.Dataset = s.Settings().Problem, s.Settings().Dataset
		if st.Dataset == session.Custom {
			st.Dataset = session.DatasetNames()[0]
			st.Problem, _ = session.DatasetProblem(st.Dataset)
		}
		st.Features = []string{"x1", "x2", "x1*x2"}[:1+r.rng.IntN(3)]
		st.Hidden = []int{1 + r.rng.IntN(8), 1 + r.rng.IntN(8)}[:r.rng.IntN(3)]
		st.Activation = nn.ActivationNames()[r.rng.IntN(len(nn.ActivationNames()))]
		st.Seed = r.rng.Uint32()
		var err error
		if s, err = session.New(st); err != nil {
			panic("soak: a model's settings: " + err.Error())
		}
	}
	b, err := nn.EncodeModel(s.Model())
	if err != nil {
		panic("soak: encoding a model: " + err.Error())
	}
	return string(b)
}

// apiCall draws a valid call of the scripting API (valid in its types; the state decides
// whether it is accepted).
func (r *runner) apiCall() *action {
	switch r.rng.IntN(12) {
	case 0, 1:
		patch := r.randomPatch()
		return call("configure", "configure", []any{patch}, false, func(sh *shadow) error { return configurePatch(sh, patch) })
	case 2:
		pts := r.randomPoints()
		return call("setData", "setData", []any{pts}, true, func(sh *shadow) error { return sh.s.SetData(pts) })
	case 3:
		text := string(session.WriteCSV(r.randomPoints()))
		if r.rng.IntN(2) == 0 {
			text = string(session.EncodeData(r.sh.s.Settings().Problem, r.randomPoints()))
		}
		return call("importData", "importData", []any{text}, true, func(sh *shadow) error { return sh.s.ImportData([]byte(text)) })
	case 4:
		text := r.randomModel()
		return call("loadModel", "loadModel", []any{text}, false, func(sh *shadow) error {
			m, err := nn.DecodeModel([]byte(text))
			if err != nil {
				return err
			}
			return sh.s.LoadModel(m)
		})
	case 5:
		n := 1 + r.rng.IntN(200)
		return call("step", "step", []any{n}, false, func(sh *shadow) error {
			for _, p := range sh.s.Points() {
				if !p.Test {
					return nil
				}
			}
			return session.ErrNoTrainingPoints
		})
	case 6, 7:
		return call("undo", "undo", nil, false, func(sh *shadow) error { return sh.s.Undo() })
	case 8:
		return call("redo", "redo", nil, false, func(sh *shadow) error { return sh.s.Redo() })
	case 9:
		on := r.rng.IntN(2) == 0
		method := map[bool]string{true: "play", false: "pause"}[on]
		return call("play/pause", method, nil, !on, func(sh *shadow) error { sh.s.SetRunning(on); return nil })
	case 10:
		return call("reset", "reset", nil, false, func(sh *shadow) error { sh.s.Reset(); return nil })
	}
	link := r.randomLink()
	return call("applyLink", "applyLink", []any{link}, false, func(sh *shadow) error {
		l, err := session.ParseLink(link)
		if err != nil {
			return err
		}
		return sh.s.ApplyLink(l)
	})
}

// randomLink returns the link of the shadow's settings with a random patch applied (or
// the patch's refusal's unchanged link).
func (r *runner) randomLink() string {
	s, err := session.New(r.sh.s.Settings())
	if err != nil {
		s, _ = session.New(session.DefaultSettings())
	}
	configurePatch(&shadow{s: s}, r.randomPatch())
	return s.Settings().Link()
}

// deep returns a JavaScript expression of an array nested n deep.
func deep(n int) string {
	return fmt.Sprintf(`(() => { let v = []; for (let i = 0; i < %d; i++) v = [v]; return v; })()`, n)
}

// badCalls are calls every state must refuse: bad numbers, wrong types, huge arrays and
// texts, deep JSON, corrupt files and links.
var badCalls = []struct{ method, args string }{
	{"configure", `["{"]`},
	{"configure", `[42]`},
	{"configure", `[{learningRate: -1}]`},
	{"configure", `[{learningRate: NaN}]`},
	{"configure", `[{learningRate: "0.1"}]`},
	{"configure", `[{nope: 1}]`},
	{"configure", `[{layers: ` + deep(100) + `}]`},
	{"configure", `[{layers: ` + deep(20000) + `}]`},
	{"configure", `[{layers: [2, 1e300, 1]}]`},
	{"setData", `["points"]`},
	{"setData", `[[{x: "1", y: 0, label: 1}]]`},
	{"setData", `[[{x: Infinity, y: 0, label: 1}]]`},
	{"setData", `[[{x: 0, y: 0}]]`},
	{"setData", `[Array.from({length: 2001}, (_, i) => ({x: 0, y: 0, label: i % 2}))]`},
	{"setData", `[new Array(200000).fill({x: 1, y: 1, label: 1})]`},
	{"setData", `[` + deep(5000) + `]`},
	{"step", `[NaN]`},
	{"step", `[-1]`},
	{"step", `[1.5]`},
	{"step", `[1e9]`},
	{"step", `["10"]`},
	{"predict", `[NaN, 0]`},
	{"predict", `["a", 1]`},
	{"toScreen", `[Infinity, 0]`},
	{"applyLink", `[42]`},
	{"applyLink", `["learningRate=abc"]`},
	{"applyLink", `["#layers=2,99,1"]`},
	{"applyLink", `["x".repeat(2000000)]`},
	{"importData", `["x,y,label\n1,1,b\n"]`},
	{"importData", `["{\"format\": "]`},
	{"importData", `["x,y,label\n" + "1,1,1\n".repeat(300000)]`},
	{"importData", `[{}]`},
	{"loadModel", `["{}"]`},
	{"loadModel", `["{\"format\": \"nnplay.model/1\", \"layers\": [2, 4, 1], \"weights\": [[[1]]]}"]`},
	{"loadModel", `[42]`},
	{"setWeight", `[9, 9, 9, 1]`},
	{"setWeight", `[0, 0, 0, NaN]`},
	{"setBias", `["a", 0, 1]`},
	{"followPoint", `[1e9]`},
}

// badCall draws one of badCalls: the page must throw, and change nothing.
func (r *runner) badCall() *action {
	b := badCalls[r.rng.IntN(len(badCalls))]
	return callJS("bad-call", b.method, b.args, true, func(sh *shadow) error { return errRefused })
}

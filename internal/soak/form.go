//go:build !(js && wasm)

package soak

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"

	"github.com/chromedp/chromedp/kb"

	"nnplay/api"
	"nnplay/internal/browser"
	"nnplay/session"
)

// The form's controls beyond the lists and sliders (page.go): the checkboxes, the
// steppers of the network's shape and the number fields. Each is pressed or typed into as
// a person does; the shadow takes the patch the page's settings.js sends for it, computed
// from the shadow's own settings.

// errDisabled is the shadow's answer to a press on a control the page has disabled (a
// stepper at its bound): nothing happens.
var errDisabled = errors.New("the control is disabled at this setting")

// errEmpty is the shadow's answer to a number field left without a number: the page puts
// the setting in effect back.
var errEmpty = errors.New("the field holds no number")

// settingOf returns the value of the shadow's setting name as the API's JSON has it.
func settingOf(sh *shadow, name string) any {
	b, err := json.Marshal(sh.s.Settings())
	if err != nil {
		panic("soak: encoding the shadow's settings: " + err.Error())
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		panic("soak: decoding the shadow's settings: " + err.Error())
	}
	return m[name]
}

// specsOf returns the names of the settings of kind k, in the table's order.
func specsOf(k session.Kind) []string {
	var names []string
	for _, sp := range session.Specs() {
		if sp.Kind == k {
			names = append(names, sp.Name)
		}
	}
	return names
}

// checkbox clicks (taps) one of the form's checkboxes: an input feature's, or a boolean
// setting's (discretize, show test data, log loss, gradients). The page sends the features
// checked after the click, in the order it lists them, or the box's new state.
func (r *runner) checkbox() *action {
	features := session.LookupSpec("features").Choices
	booleans := specsOf(session.KindBoolean)
	n := r.rng.IntN(len(features) + len(booleans))
	if n >= len(features) {
		name := booleans[n-len(features)]
		return &action{kind: "checkbox", desc: name,
			run: func(r *runner) (bool, bool, error) { return r.pressElement(`[data-setting="`+name+`"]`, nil) },
			apply: func(sh *shadow) error {
				on, _ := settingOf(sh, name).(bool)
				return configurePatch(sh, map[string]any{name: !on})
			},
		}
	}
	f := features[n]
	return &action{kind: "checkbox", desc: "feature " + f,
		run: func(r *runner) (bool, bool, error) {
			return r.pressElement(`input[name=feature][value="`+f+`"]`, nil)
		},
		apply: func(sh *shadow) error {
			had := sh.s.Settings().Features
			chosen := []string{}
			for _, c := range features {
				if slices.Contains(had, c) != (c == f) {
					chosen = append(chosen, c)
				}
			}
			return configurePatch(sh, map[string]any{"features": chosen})
		},
	}
}

// stepper presses a − or + of the network's shape: fewer or more hidden layers (a new one
// of the table's NewLayer nodes, the last one removed), or fewer or more nodes in one hidden
// layer. At a bound the button is disabled and the press does nothing.
func (r *runner) stepper() *action {
	hidden := r.sh.s.Settings().Hidden
	n := r.rng.IntN(2 + 2*len(hidden))
	sign := map[bool]string{true: "plus", false: "minus"}[n%2 == 1]
	id, desc := "hidden-"+sign, "hidden layers "+sign
	layer := n/2 - 1
	if layer >= 0 {
		id, desc = fmt.Sprintf("layer-%d-%s", layer, sign), fmt.Sprintf("nodes of layer %d %s", layer+1, sign)
	}
	return &action{kind: "stepper", desc: desc,
		run: func(r *runner) (bool, bool, error) { return r.pressElement("#"+id, nil) },
		apply: func(sh *shadow) error {
			sp := session.LookupSpec("layers")
			st := sh.s.Settings()
			h := slices.Clone(st.Hidden)
			switch {
			case layer < 0 && sign == "minus" && len(h) > 0:
				h = h[:len(h)-1]
			case layer < 0 && sign == "plus" && len(h) < sp.MaxHidden:
				h = append(h, session.LookupSpec("layers").NewLayer)
			case layer >= 0 && sign == "minus" && float64(h[layer]) > sp.Min:
				h[layer]--
			case layer >= 0 && sign == "plus" && float64(h[layer]) < sp.Max:
				h[layer]++
			default:
				return errDisabled
			}
			st.Hidden = h
			return configurePatch(sh, map[string]any{"layers": st.Layers()})
		},
	}
}

// absurdNumbers are entries a number field must refuse (or, where the field cannot hold
// them, empties): fractions, signs, exponents beyond a double, half-typed numbers.
var absurdNumbers = []string{"", "-", "-7", "2.5", "1e400", "-1e400", "99999999999999", "1e", "e5",
	".", "5.", "+5", "--1", "1-2", "1e-3", "0", "-0", "007", ".5e1", "4294967296"}

// validFloat is HTML's valid floating-point number: a number field whose text is not one
// holds the empty string (its value sanitization), and the page then puts the setting in
// effect back.
var validFloat = regexp.MustCompile(`^-?(\d+|\d*\.\d+)([eE][-+]?\d+)?$`)

// numberField types into one of the number fields (the integer settings: number of points,
// the seeds, batch size) a value in its range or an absurd one, and presses Enter. The page
// sends the number the field holds; a refused or empty entry goes back to the setting in
// effect, which the check after it reads from the field.
func (r *runner) numberField() *action {
	names := specsOf(session.KindInteger)
	name := names[r.rng.IntN(len(names))]
	text := absurdNumbers[r.rng.IntN(len(absurdNumbers))]
	if r.rng.IntN(2) == 0 {
		text = strconv.FormatFloat(r.randomValue(session.LookupSpec(name)).(float64), 'f', -1, 64)
	}
	return &action{kind: "number", desc: fmt.Sprintf("%s ← %q", name, text),
		run: func(r *runner) (bool, bool, error) {
			// Select what the field holds (ctrl+a), delete it, type, Enter.
			return r.pressElement("#"+name, func() error {
				if err := r.tab.Keys("a", browser.Ctrl); err != nil {
					return err
				}
				return r.tab.Keys(kb.Backspace+text+kb.Enter, 0)
			})
		},
		apply: func(sh *shadow) error {
			if !validFloat.MatchString(text) {
				return errEmpty
			}
			v, err := strconv.ParseFloat(text, 64)
			if err != nil {
				return err // beyond a double: the page sends ±Infinity, which is refused
			}
			return configurePatch(sh, map[string]any{name: v})
		},
		verify: func(r *runner, refused error) error {
			if refused == nil {
				return nil
			}
			want := strconv.FormatFloat(settingOf(r.sh, name).(float64), 'f', -1, 64)
			shown, err := browser.Eval[string](r.tab, `document.getElementById(`+strconv.Quote(name)+`).value`)
			if err == nil && shown != want {
				err = fmt.Errorf("after the refused entry %q the field %s shows %q, not the setting in effect %s", text, name, shown, want)
			}
			return err
		},
	}
}

// brushSteps is how many steps the page's value brush has over its range (web/plot.js).
const brushSteps = 100

// brushSlider presses an arrow key on the value brush, regression's slider of the label of
// points added, focused as a keyboard user focuses it (on the phone, in the opened drawer).
// The shadow's brush takes the step the key makes from the shadow's own brush on the
// slider's scale, api.BrushRange in brushSteps steps: the brush shown aligned to a step,
// then one step up or down, and no change past either end.
func (r *runner) brushSlider() *action {
	if r.sh.s.Settings().Problem != session.Regression {
		return nil
	}
	up := r.rng.IntN(2) == 0
	key := map[bool]string{true: kb.ArrowRight, false: kb.ArrowLeft}[up]
	return &action{kind: "brush", desc: map[bool]string{true: "value up", false: "value down"}[up], keeps: true,
		run: func(r *runner) (bool, bool, error) {
			return r.onElement("#brush-value", func(browser.Pt) error {
				if _, err := browser.Eval[bool](r.tab, `(document.getElementById("brush-value").focus(), true)`); err != nil {
					return err
				}
				return r.tab.Keys(key, 0)
			})
		},
		apply: func(sh *shadow) error {
			lo, hi, ok := api.BrushRange(sh.s)
			if !ok {
				return fmt.Errorf("the shadow is not a regression")
			}
			step := (hi - lo) / brushSteps
			top := math.Floor((hi-lo)/step + 1e-6) // the last step within the range
			n := min(math.Round((min(max(sh.brush, lo), hi)-lo)/step), top)
			n += map[bool]float64{true: 1, false: -1}[up]
			if n < 0 || n > top {
				return errDisabled // the slider is at its end: the key changes nothing
			}
			sh.brush = lo + n*step
			return nil
		},
	}
}

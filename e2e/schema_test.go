//go:build !(js && wasm)

package e2e

import (
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"nnplay/api"
	"nnplay/session"
)

// TestSchema: nnplay.schema() in the page is the Go side's table, and the page's controls
// carry its limits: number fields' and sliders' min and max, the choices of the lists, the
// data sets grouped by problem, the learning rates, regularization rates and speeds
// offered, the features, and the most hidden layers and nodes the steppers allow.
func TestSchema(t *testing.T) {
	p := open(t)
	got := call[json.RawMessage](p, "schema")
	want, err := json.Marshal(api.NewSchema())
	if err != nil {
		t.Fatal(err)
	}
	var g, w any
	if err := json.Unmarshal(got, &g); err != nil {
		t.Fatalf("schema() is not JSON: %v", err)
	}
	if err := json.Unmarshal(want, &w); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(g, w) {
		t.Fatalf("nnplay.schema() =\n %s\nwant\n %s", got, want)
	}
	sc := api.NewSchema()
	byName := map[string]api.SettingSchema{}
	for _, s := range sc.Settings {
		byName[s.Name] = s
	}

	// Every setting but hide has a control the page builds or marks (data-setting, or
	// data-control for those built by hand), so that a classroom link can hide it; a
	// boolean's is a checkbox.
	for _, s := range sc.Settings {
		if s.Name == "hide" {
			continue
		}
		kind := eval[string](p, `(e => e ? (e.type || e.tagName) : "none")(document.querySelector('[data-setting="`+s.Name+`"], [data-control="`+s.Name+`"]'))`)
		if kind == "none" || s.Kind == session.KindBoolean && kind != "checkbox" {
			t.Errorf("%s (%s): the page's control is %s", s.Name, s.Kind, kind)
		}
	}

	// Number fields and sliders.
	type limits struct {
		Name, Min, Max, Step string
	}
	inputs := eval[[]limits](p, `Array.from(document.querySelectorAll("input[data-setting]:not([type=checkbox])"), e =>
		({name: e.dataset.setting, min: e.getAttribute("min"), max: e.getAttribute("max"), step: e.getAttribute("step")}))`)
	if len(inputs) < 6 {
		t.Errorf("%d number fields and sliders with a setting, want noise, testRatio, numPoints, dataSeed, seed, batchSize", len(inputs))
	}
	for _, in := range inputs {
		s := byName[in.Name]
		if s.Min == nil {
			t.Errorf("%s: an input of the page, but no range in schema()", in.Name)
			continue
		}
		if in.Min != ftoa(*s.Min) || in.Max != ftoa(*s.Max) {
			t.Errorf("%s: the page's input has min %q max %q; schema says %s to %s", in.Name, in.Min, in.Max, ftoa(*s.Min), ftoa(*s.Max))
		}
		step := "any"
		if s.Step != nil {
			step = ftoa(*s.Step)
		}
		if in.Step != step {
			t.Errorf("%s: the page's input steps by %q; schema says %s", in.Name, in.Step, step)
		}
	}
	schemaLists(t, p, sc, byName)
	schemaSteppers(t, p, byName["layers"])
}

// schemaLists: the page's lists offer schema()'s choices (activation, regularization,
// problem, data set, features) and offered values (learning and regularization rates; the
// speed slider's steps), the data sets grouped under their problems; the numbers' labels say
// their ranges.
func schemaLists(t *testing.T, p *page, sc api.Schema, byName map[string]api.SettingSchema) {
	options := func(sel string) []string {
		return eval[[]string](p, `Array.from(document.querySelectorAll(`+jsString(sel)+`), o => o.value)`)
	}
	for _, name := range []string{"activation", "regularization", "problem", "dataset"} {
		if got := options("#" + name + " option"); !slices.Equal(got, byName[name].Choices) {
			t.Errorf("%s offers %v; schema's choices %v", name, got, byName[name].Choices)
		}
	}
	for _, d := range sc.Datasets {
		group := eval[string](p, `document.querySelector('#dataset option[value="`+d.Name+`"]').parentElement.label`)
		if group != d.Problem {
			t.Errorf("data set %s is listed under %q, its problem is %s", d.Name, group, d.Problem)
		}
	}
	for _, name := range []string{"learningRate", "regularizationRate"} {
		offered := make([]string, len(sc.Offered[name]))
		for i, v := range sc.Offered[name] {
			offered[i] = ftoa(v)
		}
		if got := options("#" + name + " option"); !slices.Equal(got, offered) {
			t.Errorf("%s offers %v; schema offers %v", name, got, offered)
		}
	}
	if got := options("input[name=feature]"); !slices.Equal(got, byName["features"].Choices) {
		t.Errorf("the feature boxes are %v; schema's features %v", got, byName["features"].Choices)
	}
	if got := eval[[]string](p, `[document.getElementById("speed").min, document.getElementById("speed").max]`); got[0] != "0" || got[1] != ftoa(float64(len(sc.Offered["speed"])-1)) {
		t.Errorf("the speed slider runs %v, want 0 to %d, one step per offered speed", got, len(sc.Offered["speed"])-1)
	}
	for _, name := range []string{"numPoints", "batchSize"} {
		label := eval[string](p, `document.querySelector('label[for="`+name+`"]').textContent`)
		if want := "(" + ftoa(*byName[name].Min) + "–" + ftoa(*byName[name].Max) + ")"; !strings.Contains(strings.ReplaceAll(label, ",", ""), want) {
			t.Errorf("%s's label %q, want it to say %s", name, label, want)
		}
	}
}

// schemaSteppers: the page's steppers stop at the most hidden layers and nodes that layers,
// schema()'s layers setting, allows.
func schemaSteppers(t *testing.T, p *page, layers api.SettingSchema) {
	most := []int{2}
	for range *layers.MaxHidden {
		most = append(most, int(*layers.Max))
	}
	p.do("configure", map[string]any{"layers": append(most, 1)})
	if err := p.tab.WaitFor(`document.getElementById("hidden-count").textContent === "`+ftoa(float64(*layers.MaxHidden))+`"`, 10*time.Second); err != nil {
		t.Fatalf("the page does not show %d hidden layers: %v", *layers.MaxHidden, err)
	}
	plus := eval[[]bool](p, `[document.getElementById("hidden-plus").disabled].concat(
		Array.from(document.querySelectorAll("#layers button[id$=-plus]"), b => b.disabled))`)
	if len(plus) != 1+*layers.MaxHidden || slices.Contains(plus, false) {
		t.Errorf("at %d hidden layers of %v nodes, the + buttons' disabled states are %v; want all disabled", *layers.MaxHidden, *layers.Max, plus)
	}
}

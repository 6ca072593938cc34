package api

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"image/png"
	"reflect"
	"strings"
	"testing"

	"nnplay/session"
)

// schemaJSON is schema() as a script sees it.
type schemaJSON struct {
	Settings []map[string]any `json:"settings"`
	Datasets []map[string]any `json:"datasets"`
	Offered  map[string][]any `json:"offered"`
}

// decodeSchema returns NewSchema() as JSON decoded into the documented shape.
func decodeSchema(t *testing.T) schemaJSON {
	t.Helper()
	b, err := json.Marshal(NewSchema())
	if err != nil {
		t.Fatal(err)
	}
	var sc schemaJSON
	if err := json.Unmarshal(b, &sc); err != nil {
		t.Fatalf("schema() is not JSON of the documented shape: %v", err)
	}
	return sc
}

// TestSchemaShape: schema() as a script sees it lists every setting state().settings holds,
// in the link's order, each with the fields its kind needs and its default as state() shows
// it at the start; every data set with its problem; the lists the page offers.
func TestSchemaShape(t *testing.T) {
	sc := decodeSchema(t)
	p := newPlayground(t)
	s, err := session.New(session.DefaultSettings())
	if err != nil {
		t.Fatal(err)
	}
	p.S = s
	defaults := decodeState(t, p)["settings"].(map[string]any)
	if len(sc.Settings) != len(defaults) {
		t.Errorf("%d settings in schema(), %d in state().settings", len(sc.Settings), len(defaults))
	}
	keys := []string{"name", "kind", "min", "max", "minExclusive", "zero", "maxHidden", "newLayer", "step", "choices", "default", "effects", "link"}
	for _, s := range sc.Settings {
		name, _ := s["name"].(string)
		if len(s) != len(keys) {
			t.Errorf("%s: %d fields, want %d: %v", name, len(s), len(keys), keys)
		}
		if !reflect.DeepEqual(s["default"], defaults[name]) {
			t.Errorf("%s: default %v, state() starts with %v", name, s["default"], defaults[name])
		}
		numeric := s["kind"] == "number" || s["kind"] == "integer" || s["kind"] == "layers"
		if _, ok := s["min"].(float64); ok != (numeric || s["kind"] == "list") {
			t.Errorf("%s (%s): min %v", name, s["kind"], s["min"])
		}
		if st, ok := s["step"].(float64); s["kind"] == "integer" && st != 1 || ok && s["kind"] != "integer" && s["kind"] != "number" {
			t.Errorf("%s (%s): step %v, want 1 for an integer, none but for a number", name, s["kind"], s["step"])
		}
		if _, ok := s["choices"].([]any); ok != (s["kind"] == "choice" || s["kind"] == "list") {
			t.Errorf("%s (%s): choices %v", name, s["kind"], s["choices"])
		}
		// The view's settings change only what the page shows: their effects are [].
		viewOnly := s["kind"] == "boolean" || name == "hide"
		if e, ok := s["effects"].([]any); !ok || (len(e) == 0) != viewOnly {
			t.Errorf("%s: effects %v, want a list of what a change does (empty for the view's settings)", name, s["effects"])
		}
	}
	wantSets := []map[string]any{{"name": "circle", "problem": "classification"}, {"name": "xor", "problem": "classification"},
		{"name": "gauss", "problem": "classification"}, {"name": "spiral", "problem": "classification"},
		{"name": "plane", "problem": "regression"}, {"name": "gauss-multi", "problem": "regression"}}
	for _, d := range sc.Datasets {
		delete(d, "thumbnail") // TestSchemaThumbnails checks the pictures
	}
	if !reflect.DeepEqual(sc.Datasets, wantSets) {
		t.Errorf("datasets %v, want %v", sc.Datasets, wantSets)
	}
	if len(sc.Offered) != 3 || len(sc.Offered["learningRate"]) != 11 || sc.Offered["speed"][len(sc.Offered["speed"])-1] != 0.0 {
		t.Errorf("offered %v, want learningRate, regularizationRate and speed (ending with 0)", sc.Offered)
	}
}

// TestSchemaLimits: schema()'s settings have the kinds, ranges, special zero, effects and
// link keys that the page and the link rely on: learning rate in (0, 10], speed 0 as fast
// as it goes, at most 8 nodes a layer and 6 hidden layers, at least one feature, any other
// setting's control hidden, the test ratio resplitting.
func TestSchemaLimits(t *testing.T) {
	sc := decodeSchema(t)
	want := map[string]string{"learningRate": "number", "speed": "number", "numPoints": "integer",
		"dataset": "choice", "features": "list", "layers": "layers", "discretize": "boolean", "showTestData": "boolean",
		"logLoss": "boolean", "gradients": "boolean", "hide": "list"}
	for _, s := range sc.Settings {
		if k, ok := want[s["name"].(string)]; ok && s["kind"] != k {
			t.Errorf("%s: kind %v, want %s", s["name"], s["kind"], k)
		}
		switch s["name"] {
		case "learningRate":
			if s["min"] != 0.0 || s["max"] != 10.0 || s["minExclusive"] != true {
				t.Errorf("learningRate: min %v max %v minExclusive %v; want (0, 10]", s["min"], s["max"], s["minExclusive"])
			}
		case "speed":
			if s["zero"] != "as fast as it goes" || s["max"] != 1e6 {
				t.Errorf("speed: zero %v max %v", s["zero"], s["max"])
			}
		case "layers":
			if s["max"] != 8.0 || s["maxHidden"] != 6.0 || s["newLayer"] != 2.0 || fmt.Sprint(s["effects"]) != "[rebuild]" {
				t.Errorf("layers: max %v, maxHidden %v, newLayer %v, effects %v; want 8, 6, 2, [rebuild]", s["max"], s["maxHidden"], s["newLayer"], s["effects"])
			}
		case "noise":
			if s["step"] != 0.05 {
				t.Errorf("noise: step %v, want 0.05 (the slider's)", s["step"])
			}
		case "features":
			if s["min"] != 1.0 {
				t.Errorf("features: min %v, want 1 (at least one input)", s["min"])
			}
		case "hide":
			// Any other setting's control may be hidden, or none.
			if choices := fmt.Sprint(s["choices"]); s["min"] != 0.0 || len(s["choices"].([]any)) != len(sc.Settings)-1 ||
				strings.Contains(choices, "hide") || !strings.Contains(choices, "noise") || s["link"] != "hide" {
				t.Errorf("hide: min %v, choices %v, link %v; want 0, every other setting, hide", s["min"], choices, s["link"])
			}
		case "testRatio":
			if fmt.Sprint(s["effects"]) != "[resplit]" || s["link"] != "testRatio" {
				t.Errorf("testRatio: effects %v link %v", s["effects"], s["link"])
			}
		}
	}
}

func ExampleNewSchema() {
	for _, s := range NewSchema().Settings[:3] {
		fmt.Println(s.Name, s.Kind, s.Effects, s.Default)
	}
	// Output:
	// dataset choice [regenerate] gauss
	// problem choice [rebuild regenerate] classification
	// noise number [regenerate] 0
}

// TestSchemaThumbnails: every data set has a picture, a PNG of ThumbnailSize pixels a side.
func TestSchemaThumbnails(t *testing.T) {
	for _, d := range NewSchema().Datasets {
		const prefix = "data:image/png;base64,"
		if !strings.HasPrefix(d.Thumbnail, prefix) {
			t.Errorf("%s: thumbnail %.40q is no PNG data URL", d.Name, d.Thumbnail)
			continue
		}
		raw, err := base64.StdEncoding.DecodeString(d.Thumbnail[len(prefix):])
		if err != nil {
			t.Fatalf("%s: %v", d.Name, err)
		}
		img, err := png.Decode(bytes.NewReader(raw))
		if err != nil {
			t.Fatalf("%s: %v", d.Name, err)
		}
		if b := img.Bounds(); b.Dx() != ThumbnailSize || b.Dy() != ThumbnailSize {
			t.Errorf("%s: %v, want %d px a side", d.Name, b, ThumbnailSize)
		}
	}
}

package session

import (
	"reflect"
	"slices"
	"strings"
	"testing"
)

func TestDefaultSettings(t *testing.T) {
	st := DefaultSettings()
	if err := st.Validate(); err != nil {
		t.Fatalf("defaults do not validate: %v", err)
	}
	if got := st.Layers(); !slices.Equal(got, []int{2, 4, 1}) {
		t.Errorf("default layers %v, want [2 4 1]", got)
	}
	if st.Activation != "sigmoid" || st.Problem != Classification || st.TestRatio != 0.5 {
		t.Errorf("defaults %+v", st)
	}
	// Each call returns its own slices.
	st.Features[0], st.Hidden[0] = "x2", 8
	if d := DefaultSettings(); d.Features[0] != "x1" || d.Hidden[0] != 4 {
		t.Errorf("DefaultSettings shares its slices")
	}
}

func TestLayers(t *testing.T) {
	tests := []struct {
		features []string
		hidden   []int
		want     []int
	}{
		{[]string{"x1", "x2"}, []int{4}, []int{2, 4, 1}},
		{[]string{"x1"}, nil, []int{1, 1}},
		{[]string{"x1", "x2", "x1^2"}, []int{8, 8, 3}, []int{3, 8, 8, 3, 1}},
	}
	for _, tt := range tests {
		st := Settings{Features: tt.features, Hidden: tt.hidden}
		if got := st.Layers(); !slices.Equal(got, tt.want) {
			t.Errorf("Layers() = %v, want %v", got, tt.want)
		}
	}
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name string
		edit func(*Settings)
		want string // "" for valid
	}{
		{"defaults", func(*Settings) {}, ""},
		{"learning rate 10", func(s *Settings) { s.LearningRate = 10 }, ""},
		{"learning rate 0", func(s *Settings) { s.LearningRate = 0 }, "learningRate must be a finite number in (0, 10], got 0"},
		{"batch 2000", func(s *Settings) { s.BatchSize = 2000 }, ""},
		{"batch 2001", func(s *Settings) { s.BatchSize = 2001 }, "batchSize must be a whole number in [1, 2000], got 2001"},
		{"no hidden layers", func(s *Settings) { s.Hidden = nil }, ""},
		{"six hidden layers", func(s *Settings) { s.Hidden = []int{8, 8, 8, 8, 8, 8} }, ""},
		{"seven hidden layers", func(s *Settings) { s.Hidden = []int{1, 1, 1, 1, 1, 1, 1} }, "layers must list the inputs, 0 to 6 hidden layers and the output (2 to 8 sizes), got 9 sizes"},
		{"all features", func(s *Settings) { s.Features = slices.Clone(featureSpec().Choices) }, ""},
		{"regression on plane", func(s *Settings) { s.Problem, s.Dataset = Regression, "plane" }, ""},
		{"regression on circle", func(s *Settings) { s.Problem = Regression }, `dataset "circle" is a classification data set; set problem to classification first`},
		{"custom", func(s *Settings) { s.Dataset = Custom }, ""},
		{"speed 0", func(s *Settings) { s.Speed = 0 }, ""},
		{"speed max", func(s *Settings) { s.Speed = 1e6 }, ""},
		{"speed over", func(s *Settings) { s.Speed = 1e6 + 1 }, "speed must be 0 (as fast as it goes) or a finite number in [1, 1000000] epochs per second, got 1000001"},
		{"testRatio low", func(s *Settings) { s.TestRatio = 0.05 }, "testRatio must be a finite number in [0.1, 0.9], got 0.05"},
		{"numPoints", func(s *Settings) { s.NumPoints = 0 }, "numPoints must be a whole number in [1, 2000], got 0"},
		{"activation", func(s *Settings) { s.Activation = "" }, `activation must be one of sigmoid, tanh, relu, linear, got ""`},
		{"regularization rate", func(s *Settings) { s.RegularizationRate = 11 }, "regularizationRate must be a finite number in [0, 10], got 11"},
	}
	for _, tt := range tests {
		st := ClassicSettings()
		tt.edit(&st)
		err := st.Validate()
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%s: %v, want valid", tt.name, err)
		case tt.want != "" && (err == nil || err.Error() != tt.want):
			t.Errorf("%s: error %v, want %q", tt.name, err, tt.want)
		}
	}
}

func TestParsePatch(t *testing.T) {
	full := `{"layers": [3, 5, 2, 1], "activation": "tanh", "learningRate": 0.3, "batchSize": 20,
		"regularization": "l1", "regularizationRate": 0.001, "features": ["x1", "x2", "sin(x1)"],
		"problem": "regression", "dataset": "gauss-multi", "numPoints": 400, "noise": 0.25,
		"testRatio": 0.3, "seed": 4294967295, "dataSeed": 0, "speed": 0}`
	p, err := ParsePatch([]byte(full))
	if err != nil {
		t.Fatalf("ParsePatch(full): %v", err)
	}
	for _, name := range []string{"layers", "activation", "learningRate", "batchSize", "regularization", "regularizationRate",
		"features", "problem", "dataset", "numPoints", "noise", "testRatio", "seed", "dataSeed", "speed"} {
		if !p.Has(name) {
			t.Errorf("ParsePatch(full) does not give %s", name)
		}
	}
	// And it applies.
	s := newSession(t, nil)
	if err := s.Configure(p); err != nil {
		t.Fatalf("Configure(full): %v", err)
	}
	if got := s.Network().Layers(); !slices.Equal(got, []int{3, 5, 2, 1}) {
		t.Errorf("layers %v", got)
	}
	if st := s.Settings(); st.Seed != 4294967295 || st.Dataset != "gauss-multi" || st.Speed != 0 || st.Activation != "tanh" ||
		st.LearningRate != 0.3 || st.BatchSize != 20 || st.Regularization != "l1" || st.RegularizationRate != 0.001 ||
		!slices.Equal(st.Features, []string{"x1", "x2", "sin(x1)"}) || st.Problem != Regression || st.NumPoints != 400 ||
		st.Noise != 0.25 || st.TestRatio != 0.3 || st.DataSeed != 0 {
		t.Errorf("settings %+v", st)
	}

	if p, err := ParsePatch([]byte(`{}`)); err != nil || !reflect.DeepEqual(p, Patch{}) {
		t.Errorf("ParsePatch({}) = %+v, %v; want an empty patch", p, err)
	}
}

func TestParsePatchRefuses(t *testing.T) {
	tests := []struct {
		json string
		want string
	}{
		{`{"foo": 1}`, `unknown setting "foo"`},
		{`{"learningrate": 0.1}`, `unknown setting "learningrate"`},
		{`{"learningRate": 20}`, "learningRate must be a finite number in (0, 10], got 20"},
		{`{"learningRate": "0.1"}`, `learningRate must be a number, got "0.1"`},
		{`{"learningRate": null}`, "learningRate must be a number, got null"},
		{`{"batchSize": 2.5}`, "batchSize must be a whole number in [1, 2000], got 2.5"},
		{`{"numPoints": 1e9}`, "numPoints must be a whole number in [1, 2000], got 1000000000"},
		{`{"seed": 1.5}`, "seed must be a whole number in [0, 4294967295], got 1.5"},
		{`{"activation": 3}`, "activation must be a string, got 3"},
		{`{"activation": "Tanh"}`, `activation must be one of sigmoid, tanh, relu, linear, got "Tanh"`},
		{`{"features": "x1"}`, `features must be a list of names, got "x1"`},
		{`{"features": ["x1", 2]}`, `features must be a list of names, got ["x1", 2]`},
		{`{"features": null}`, "features must be a list of names, got null"},
		{`{"layers": [2, 4.5, 1]}`, "layers[1] (a hidden layer) must be a whole number in [1, 8], got 4.5"},
		{`{"layers": [2, "4", 1]}`, `layers must be a list of numbers, got [2, "4", 1]`},
		{`{"layers": [2]}`, "layers must list the inputs, 0 to 6 hidden layers and the output (2 to 8 sizes), got 1 sizes"},
		{`{"layers": [2, 4, 3]}`, "layers[2] (the output) must be 1, got 3"},
		{`{"layers": [0, 1]}`, "layers[0] (the inputs) must be a whole number in [1, 7], got 0"},
		{`{"speed": -1}`, "speed must be 0 (as fast as it goes) or a finite number in [1, 1000000] epochs per second, got -1"},
		{`{"problem": "Regression"}`, `problem must be one of classification, regression, got "Regression"`},
		{`[1, 2]`, "settings must be a JSON object, got [1, 2]"},
		{`null`, "settings must be a JSON object, got null"},
		{``, "settings must be a JSON object, got nothing"},
		{`{"noise": 0.1,}`, "settings must be a JSON object, got {\"noise\": 0.1,}"},
		// The first error in name order, whatever the map order.
		{`{"speed": -1, "batchSize": 0}`, "batchSize must be a whole number in [1, 2000], got 0"},
	}
	for _, tt := range tests {
		p, err := ParsePatch([]byte(tt.json))
		if err == nil || err.Error() != tt.want {
			t.Errorf("ParsePatch(%s) error %v, want %q", tt.json, err, tt.want)
		}
		if !reflect.DeepEqual(p, Patch{}) {
			t.Errorf("ParsePatch(%s) returned a partial patch %+v", tt.json, p)
		}
	}
}

func TestParsePatchLongInputExcerpt(t *testing.T) {
	_, err := ParsePatch([]byte(`{"activation": ["` + strings.Repeat("a", 100) + `"]}`))
	if err == nil || len(err.Error()) > 100 || !strings.HasSuffix(err.Error(), "…") {
		t.Errorf("error %v, want a short excerpt", err)
	}
}

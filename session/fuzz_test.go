package session

import (
	"reflect"
	"testing"
)

// FuzzConfigure feeds JSON settings through ParsePatch and Configure: nothing panics, a
// refusal changes nothing, and an accepted patch leaves valid settings, a network of their
// shape and data in step.
func FuzzConfigure(f *testing.F) {
	for _, seed := range []string{
		`{}`,
		`{"learningRate": 0.3, "batchSize": 1}`,
		`{"layers": [3, 8, 8, 1], "features": ["x1", "x2", "x1*x2"]}`,
		`{"features": ["sin(x1)"]}`,
		`{"problem": "regression"}`,
		`{"problem": "regression", "dataset": "gauss-multi", "noise": 0.5}`,
		`{"dataset": "plane"}`,
		`{"dataset": "custom"}`,
		`{"testRatio": 0.9, "numPoints": 1}`,
		`{"seed": 4294967295, "dataSeed": 0, "speed": 0}`,
		`{"layers": [2, 1]}`,
		`{"activation": "relu", "regularization": "l1", "regularizationRate": 10}`,
		`{"batchSize": 1e400}`,
		`{"layers": [2, null, 1]}`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := New(DefaultSettings())
		if err != nil {
			t.Fatal(err)
		}
		before := stateOf(s)
		p, err := ParsePatch(data)
		if err != nil {
			return
		}
		if err := s.Configure(p); err != nil {
			if !reflect.DeepEqual(stateOf(s), before) {
				t.Fatalf("refused %s (%v) but changed the session", data, err)
			}
			return
		}
		st := s.Settings()
		if err := st.Validate(); err != nil {
			t.Fatalf("accepted %s into invalid settings: %v", data, err)
		}
		if got := s.Network().Layers(); !reflect.DeepEqual(got, st.Layers()) {
			t.Fatalf("layers %v, settings say %v", got, st.Layers())
		}
		checkConsistent(t, s)
		if len(s.train) > 0 {
			mustStep(t, s, 1)
		}
	})
}

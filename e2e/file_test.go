//go:build !(js && wasm)

package e2e

import (
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// TestModelFiles: "save model" downloads the network as a nnplay.model/1 file that equals
// model(); "load model" with a file a person picks loads it; a file that is not JSON, or a
// model the core refuses, is refused with a message that says why and changes nothing.
func TestModelFiles(t *testing.T) {
	p := openPaused(t)
	p.do("step", 20)
	dir := t.TempDir()

	// Save: a real click on the button, the browser saving the download to dir.
	want := p.model()
	var got Model
	p.downloadBy("save model", dir, "nnplay-model.json", &got)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("the downloaded model differs from model():\n got %+v\nwant %+v", got, want)
	}
	saved, _ := json.MarshalIndent(got, "", "  ")

	// Refused files: the message says why, the network and the data are as they were.
	before := p.state()
	for _, tc := range []struct {
		name, text string
		says       []string
	}{
		{"notes.json", "this is not JSON", []string{"notes.json", "not JSON"}},
		{"short.json", strings.Replace(string(saved), `"layers": [`, `"layers": [3, `, 1), []string{"short.json", "was not loaded", "layers"}},
		{"future.json", `{"format": "nnplay.model/2"}`, []string{"future.json", "was not loaded", `format: "nnplay.model/2", want "nnplay.model/1"`}},
	} {
		msg := p.chooseFile("#load-file", writeFile(t, dir, tc.name, tc.text))
		t.Logf("%s: %s", tc.name, msg)
		for _, s := range tc.says {
			if !strings.Contains(msg, s) {
				t.Errorf("choosing %s: message %q does not say %q", tc.name, msg, s)
			}
		}
		if m := p.model(); !reflect.DeepEqual(m, want) {
			t.Errorf("choosing %s changed the network", tc.name)
		}
		if after := p.state(); !slices.Equal(after.Points, before.Points) || after.Epoch != before.Epoch {
			t.Errorf("choosing %s changed the data or the epoch (%d → %d)", tc.name, before.Epoch, after.Epoch)
		}
	}

	// A good file: a 2‑3‑1 tanh model loads, epoch 0, the data kept, the controls follow.
	good := Model{
		Format: "nnplay.model/1", Inputs: []string{"x1", "x2"}, Layers: []int{2, 3, 1}, Activation: "tanh", Output: "sigmoid",
		Weights: [][][]float64{{{0.5, -0.5}, {0.25, 0.75}, {-1, 0.125}}, {{1, -2, 0.5}}},
		Biases:  [][]float64{{0, 0.1, -0.1}, {0.2}},
	}
	text, _ := json.Marshal(good)
	msg := p.chooseFile("#load-file", writeFile(t, dir, "good.json", string(text)))
	if !strings.Contains(msg, "Loaded good.json") {
		t.Errorf("loading good.json: message %q", msg)
	}
	if m := p.model(); !reflect.DeepEqual(m, good) {
		t.Errorf("after loading good.json model() is %+v, want %+v", m, good)
	}
	st := p.state()
	if st.Epoch != 0 || st.Running || !slices.Equal(st.Points, before.Points) {
		t.Errorf("after loading: epoch %d, running %v, data kept %v; want 0, paused, kept", st.Epoch, st.Running, slices.Equal(st.Points, before.Points))
	}
	if got := eval[string](p, `document.getElementById("activation").value`); got != "tanh" {
		t.Errorf("the activation control shows %q after loading a tanh model", got)
	}
}

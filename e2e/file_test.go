//go:build !(js && wasm)

package e2e

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"

	"nnplay/internal/browser"
)

// TestModelFiles: "save model" downloads the network as a nnplay.model/1 file that equals
// model(); "load model" with a file a person picks loads it; a file that is not JSON, or a
// model the core refuses, is refused with a message that says why and changes nothing.
func TestModelFiles(t *testing.T) {
	p := open(t, browser.Desktop)
	p.pause()
	p.do("step", 20)
	dir := t.TempDir()

	// Save: a real click on the button, the browser saving the download to dir.
	if err := p.tab.SaveDownloadsTo(dir); err != nil {
		t.Fatal(err)
	}
	want := p.model()
	if err := p.tab.Click(button(t, p, "save model"), input.MouseButtonLeft, 0); err != nil {
		t.Fatal(err)
	}
	saved, err := browser.WaitForFile(dir, "nnplay-model.json", 20*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	var got Model
	if err := json.Unmarshal(saved, &got); err != nil {
		t.Fatalf("the downloaded file is not JSON: %v\n%s", err, saved)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("the downloaded model differs from model():\n got %+v\nwant %+v", got, want)
	}

	write := func(name, text string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	choose := func(path string) string {
		t.Helper()
		if err := p.tab.ChooseFiles("#load-file", path); err != nil {
			t.Fatal(err)
		}
		// file.text() resolves after the change event: wait for the message.
		if err := p.tab.WaitFor(`!document.getElementById("message").hidden && document.getElementById("message").textContent.includes(`+jsString(filepath.Base(path))+`)`, 10*time.Second); err != nil {
			t.Fatalf("no message after choosing %s: %v", filepath.Base(path), err)
		}
		return eval[string](p, `document.getElementById("message").textContent`)
	}

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
		msg := choose(write(tc.name, tc.text))
		t.Logf("%s: %s", tc.name, msg)
		for _, s := range tc.says {
			if !strings.Contains(msg, s) {
				t.Errorf("choosing %s: message %q does not say %q", tc.name, msg, s)
			}
		}
		if m := p.model(); !reflect.DeepEqual(m, want) {
			t.Errorf("choosing %s changed the network", tc.name)
		}
		if after := p.state(); !reflect.DeepEqual(after.Points, before.Points) || after.Epoch != before.Epoch {
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
	msg := choose(write("good.json", string(text)))
	if !strings.Contains(msg, "Loaded good.json") {
		t.Errorf("loading good.json: message %q", msg)
	}
	if m := p.model(); !reflect.DeepEqual(m, good) {
		t.Errorf("after loading good.json model() is %+v, want %+v", m, good)
	}
	st := p.state()
	if st.Epoch != 0 || st.Running || !reflect.DeepEqual(st.Points, before.Points) {
		t.Errorf("after loading: epoch %d, running %v, data kept %v; want 0, paused, kept", st.Epoch, st.Running, reflect.DeepEqual(st.Points, before.Points))
	}
	if got := eval[string](p, `document.getElementById("activation").value`); got != "tanh" {
		t.Errorf("the activation control shows %q after loading a tanh model", got)
	}
}

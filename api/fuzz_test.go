package api

import (
	"bytes"
	"encoding/json"
	"testing"
)

// textCall is one of the API's calls that takes text (JSON or a file's content), with how
// to save what it set and read that back: save encodes the value the call set, and value
// is what must come back the same when the saved text is given to the call again.
type textCall struct {
	name  string
	call  func(p *Playground, text []byte) error
	save  func(p *Playground) []byte
	value func(p *Playground) []byte
}

// textCalls are the calls FuzzCalls feeds; its first argument picks one.
var textCalls = []textCall{
	{"configure", (*Playground).Configure, settingsJSON, settingsJSON},
	{"configureIn", func(p *Playground, text []byte) error {
		return p.ConfigureIn(float64(p.NewGroup()), text)
	}, settingsJSON, settingsJSON},
	{"applyLink", (*Playground).ApplyLink, func(p *Playground) []byte { return mustJSON(p.Link()) }, settingsJSON},
	{"setData", (*Playground).SetData, pointsJSON, pointsJSON},
	{"importData", (*Playground).ImportData, func(p *Playground) []byte { return []byte(p.ExportData()) }, pointsJSON},
	{"importData(json)", (*Playground).ImportData, func(p *Playground) []byte { return []byte(p.DataJSON()) }, pointsJSON},
	{"loadModel", (*Playground).LoadModel, modelJSON, modelJSON},
	{"loadFile", loadFile, modelJSON, modelAndPoints},
	{"loadFile(data)", loadFile, func(p *Playground) []byte { return []byte(p.DataJSON()) }, modelAndPoints},
	{"applyLink(shared)", (*Playground).ApplyLink, sharedLink, func(p *Playground) []byte {
		return append(settingsJSON(p), modelAndPoints(p)...)
	}},
	{"restore", (*Playground).Restore, snapshotText, snapshotText},
}

// snapshotText returns snapshot(): the settings, points, weights and epoch.
func snapshotText(p *Playground) []byte { return []byte(p.Snapshot()) }

// sharedLink returns shareLink's link with the current weights and the points, as JSON.
func sharedLink(p *Playground) []byte {
	link, err := p.ShareLink([]byte(`{"weights": "current", "data": true}`))
	if err != nil {
		panic(err)
	}
	return mustJSON(link)
}

func loadFile(p *Playground, text []byte) error { _, err := p.LoadFile(text); return err }

// modelAndPoints is what loading a file may change: the model or the points.
func modelAndPoints(p *Playground) []byte { return append(modelJSON(p), pointsJSON(p)...) }

func settingsJSON(p *Playground) []byte { return mustJSON(p.S.Settings()) }

// pointsJSON returns state()'s points, as a script sees them (no points are [], never null).
func pointsJSON(p *Playground) []byte {
	var st struct{ Points json.RawMessage }
	if err := json.Unmarshal(must(p.State()), &st); err != nil {
		panic(err)
	}
	return st.Points
}

func modelJSON(p *Playground) []byte { return must(p.Model()) }

// must returns b, or panics with err: the calls it wraps only fail on a broken encoder.
func must(b []byte, err error) []byte {
	if err != nil {
		panic(err)
	}
	return b
}

func mustJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return b
}

// FuzzCalls feeds text to the API's calls that take it, as a script or the page passes it:
// nothing panics; a refusal throws a message and changes nothing (state() and the model are
// the same, byte for byte); an accepted call's value, saved as the API saves it (state()'s
// settings, link(), state()'s points, exportData(), dataJSON(), model(), a shareLink()
// with the weights and the points, snapshot()) and given back to
// the call, is accepted and gives the same value. The seed corpus is in
// testdata/fuzz/FuzzCalls.
func FuzzCalls(f *testing.F) {
	f.Fuzz(func(t *testing.T, which byte, text []byte) {
		c := textCalls[int(which)%len(textCalls)]
		p := newPlayground(t)
		before, model := stateJSON(t, p), modelJSON(p)
		if err := c.call(p, text); err != nil {
			if err.Error() == "" {
				t.Fatalf("%s refused %q with an empty message", c.name, text)
			}
			if !bytes.Equal(stateJSON(t, p), before) || !bytes.Equal(modelJSON(p), model) {
				t.Fatalf("%s refused %q (%v) but changed the playground", c.name, text, err)
			}
			return
		}
		want, saved := c.value(p), c.save(p)
		if err := c.call(p, saved); err != nil {
			t.Fatalf("%s accepted %q, then refused its own save %s: %v", c.name, text, saved, err)
		}
		if got := c.value(p); !bytes.Equal(got, want) {
			t.Fatalf("%s accepted %q; its save %s gives %s, want %s", c.name, text, saved, got, want)
		}
	})
}

// stateJSON returns state().
func stateJSON(t *testing.T, p *Playground) []byte {
	t.Helper()
	b, err := p.State()
	if err != nil {
		t.Fatalf("State: %v", err)
	}
	return b
}

//go:build !(js && wasm)

package soak

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf16"

	"nnplay/api"
	"nnplay/session"
)

// Files reach the page as a person gives them: chosen in the file dialog of "load data…"
// or "load model…" (the file input's files set as the dialog sets them), or dropped from
// outside the window on the page or on the canvas (which tells a model from data by its
// content). The page reads the file and shows a message naming it, loaded or not; the
// soak waits for that message. The shadow takes the file's text through the same calls
// the page makes, on an api.Playground over the shadow's session.

// fileWays are the ways a file reaches the page: what the soak does and the call the page
// then makes with the file's text.
var fileWays = []struct {
	name string
	call string // importData, loadModel or loadFile
	pick string // the file input's CSS selector; "" for a drop
	on   string // a drop's target: "canvas" or the CSS selector of an element of the page
}{
	{"chosen for load data", "importData", "#load-data-file", ""},
	{"chosen for load model", "loadModel", "#load-file", ""},
	{"dropped on the canvas", "loadFile", "", "canvas"},
	{"dropped on the page", "loadFile", "", ".brand"},
}

// bom is the byte order mark some editors write; the browser's decoder drops it when the
// page reads a file as text.
const bom = "\uFEFF"

// fileText draws a file's contents: good data (CSV or JSON), a good model (sometimes after a
// byte order mark), or a corrupt one (cut short, bytes replaced, empty, over a megabyte).
// It returns a short name of what it is and the file's extension.
func (r *runner) fileText() (what, ext, text string) {
	good := []func() (string, string, string){
		func() (string, string, string) { return "data", "csv", string(session.WriteCSV(r.randomPoints())) },
		func() (string, string, string) {
			return "data", "json", string(session.EncodeData(r.sh.s.Settings().Problem, r.randomPoints()))
		},
		func() (string, string, string) { return "model", "json", r.randomModel() },
	}
	what, ext, text = good[r.rng.IntN(len(good))]()
	switch r.rng.IntN(8) {
	case 0:
		return what + "-bom", ext, bom + text
	case 1:
		return what + "-cut", ext, text[:r.rng.IntN(len(text))]
	case 2:
		junk := []byte(text)
		for range 1 + r.rng.IntN(4) {
			junk[r.rng.IntN(len(junk))] = "{}[],:\"-.0e9xN \n"[r.rng.IntN(16)]
		}
		return what + "-junk", ext, string(junk)
	case 3:
		return "empty", ext, ""
	case 4:
		return "huge", "csv", "x,y,label\n" + strings.Repeat("1.25,-2.5,1\n", api.MaxArgLength/12+1000)
	}
	return what, ext, text
}

// file loads a drawn file into the page one of fileWays.
func (r *runner) file() *action {
	way := fileWays[r.rng.IntN(len(fileWays))]
	what, ext, text := r.fileText()
	x, y := r.spot()
	r.files++
	name := fmt.Sprintf("soak-%d-%s.%s", r.files, what, ext)
	return &action{kind: "file", desc: fmt.Sprintf("%s (%d bytes) %s", name, len(text), way.name),
		keeps: way.call == "importData",
		run: func(r *runner) (bool, bool, error) {
			path := filepath.Join(r.dir, name)
			if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
				return false, false, err
			}
			defer os.Remove(path)
			var err error
			switch {
			case way.pick != "":
				err = r.tab.ChooseFiles(way.pick, path)
			case way.on == "canvas":
				m, ok, merr := r.readMapping([2]float64{x, y})
				if merr != nil || !ok {
					return false, true, merr
				}
				err = r.tab.DropFile(m.screen(x, y), path)
			default:
				at, ok, eerr := r.elementCentre(way.on)
				if eerr != nil || !ok {
					return false, true, eerr
				}
				err = r.tab.DropFile(at, path)
			}
			if err != nil {
				return false, false, err
			}
			// The page reads the file, then says it loaded it or why not, naming it.
			return false, false, r.tab.WaitFor(`document.getElementById("message-text").textContent.includes(`+strconv.Quote(name)+`)`, PageAnswer)
		},
		apply: func(sh *shadow) error {
			t := strings.TrimPrefix(text, bom)
			if err := api.CheckArgLength(way.call, len(utf16.Encode([]rune(t)))); err != nil {
				return err
			}
			p := &api.Playground{S: sh.s}
			switch way.call {
			case "importData":
				return p.ImportData([]byte(t))
			case "loadModel":
				return p.LoadModel([]byte(t))
			}
			_, err := p.LoadFile([]byte(t))
			return err
		},
	}
}

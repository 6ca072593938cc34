package api

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strconv"

	"nnplay/interact"
	"nnplay/nn"
	"nnplay/session"
	"nnplay/view"
)

// MaxStep is the most epochs one step(n) call runs.
const MaxStep = 100_000

// MaxArgLength is the most characters a text argument of a call (settings, points, a model,
// a link, a file's text) may have. The bridge checks it before it copies the text out of
// JavaScript, so a huge argument is refused without being read or parsed. Two thousand
// points written out in full take about 300,000.
const MaxArgLength = 1 << 20

// CheckArgLength refuses, for call, a text argument of n characters beyond MaxArgLength.
func CheckArgLength(call string, n int) error {
	if n > MaxArgLength {
		return fmt.Errorf("%s: the argument is %d characters long; at most %d are read", call, n, MaxArgLength)
	}
	return nil
}

// Playground answers the scripting API's calls on a session and the canvas's UI state.
// Every call acts at once; a call that returns an error has changed nothing.
type Playground struct {
	S      *session.Session
	UI     *view.UI
	Ctl    *interact.Controller // told when calls replace the data under a gesture
	Frame  Frame                // the browser layer's latest frame statistics
	Notice string               // the last refused canvas gesture, shown by the page
	Notes  int                  // how many notices were given, so that a repeated one shows again

	maths mathCache     // what math() computes and encodes into
	coach session.Coach // state().hints
}

// Notify records a refused canvas gesture (or training with nothing to train on) for the
// page to show.
func (p *Playground) Notify(err error) {
	p.Notice = err.Error()
	p.Notes++
}

// Reply encodes the answer of a call for the shim: {"ok": v} or, when err is not nil,
// {"err": "message"}.
func Reply(v any, err error) string {
	if err != nil {
		b, _ := json.Marshal(struct {
			Err string `json:"err"`
		}{err.Error()})
		return string(b)
	}
	b, err := json.Marshal(struct {
		OK any `json:"ok"`
	}{v})
	if err != nil {
		return Reply(nil, fmt.Errorf("internal error: %v", err))
	}
	return string(b)
}

// RawReply is Reply for a value already encoded as JSON.
func RawReply(raw []byte, err error) string {
	if err != nil {
		return Reply(nil, err)
	}
	return Reply(json.RawMessage(raw), nil)
}

// sync drops UI indices that the call may have invalidated.
func (p *Playground) sync() {
	if p.Ctl != nil {
		p.Ctl.Sync(p.S, p.UI)
	}
}

// Configure applies a JSON object of settings (the API's names), or refuses it.
func (p *Playground) Configure(data []byte) error {
	patch, err := session.ParsePatch(data)
	return p.configure("configure", patch, err)
}

// configure applies patch, parsed with parseErr, for the call named call, or refuses it.
func (p *Playground) configure(call string, patch session.Patch, parseErr error) error {
	err := parseErr
	if err == nil {
		err = p.S.Configure(patch)
	}
	return p.edited(call, err)
}

// edited ends the edit call named call: it names the call in err's message, or, when the edit
// was made, brings the controller in step with the session.
func (p *Playground) edited(call string, err error) error {
	if err != nil {
		return fmt.Errorf("%s: %w", call, err)
	}
	p.sync()
	return nil
}

// SetData replaces the points with a JSON array of {x, y, label, test} (test optional,
// false by default), or refuses it.
func (p *Playground) SetData(data []byte) error {
	pts, err := session.ParsePoints(data)
	if err == nil {
		err = p.S.SetData(pts)
	}
	return p.edited("setData", err)
}

// ExportData returns the points as CSV text (see session.WriteCSV).
func (p *Playground) ExportData() string { return string(session.WriteCSV(p.S.Points())) }

// DataJSON returns the points as a nnplay.data/1 file.
func (p *Playground) DataJSON() string {
	return string(session.EncodeData(p.S.Settings().Problem, p.S.Points()))
}

// ImportData replaces the points with those of a data file given as text: CSV or JSON
// (see session.ParseData); one undo step.
func (p *Playground) ImportData(text []byte) error {
	return p.edited("importData", p.S.ImportData(text))
}

// LoadFile loads a file the page was given (dropped or chosen), recognised by its content:
// a nnplay.model/1 file is loaded as the model, anything else is read as data (JSON or
// CSV). It answers "model" or "data".
func (p *Playground) LoadFile(text []byte) (string, error) {
	var head struct {
		Format string `json:"format"`
	}
	text = bytes.TrimPrefix(text, []byte("\uFEFF")) // a byte order mark some editors write
	if json.Unmarshal(text, &head) == nil && head.Format == nn.ModelFormat {
		return "model", p.LoadModel(text)
	}
	return "data", p.ImportData(text)
}

// Model returns the network as a nnplay.model/1 JSON object.
func (p *Playground) Model() ([]byte, error) {
	return json.Marshal(p.S.Model())
}

// LoadModel takes a nnplay.model/1 JSON object: its shape, activation, features, problem and
// weights; it keeps the data and the training settings, sets epoch 0 and pauses.
func (p *Playground) LoadModel(data []byte) error {
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		return fmt.Errorf("loadModel: it is not JSON (%v)", err)
	}
	m, err := nn.DecodeModel(data)
	if err == nil {
		err = p.S.LoadModel(m)
	}
	return p.edited("loadModel", err)
}

// Link returns the settings as a link: the page's address fragment, without '#' (see
// session.Settings.Link). Hand-made points are not part of it.
func (p *Playground) Link() string { return p.S.Settings().Link() }

// ApplyLink configures the session from a link given as a JSON string (with or without its
// leading '#'; see session.ParseLink), or refuses it, changing nothing.
func (p *Playground) ApplyLink(data []byte) error {
	return p.applyLink("applyLink", data, p.S.ApplyLink)
}

// applyLink reads a link given as a JSON string for the call named call and applies it with
// apply, or refuses it, changing nothing.
func (p *Playground) applyLink(call string, data []byte, apply func(session.Link) error) error {
	var link string
	if err := json.Unmarshal(data, &link); err != nil {
		return fmt.Errorf("%s: want the link as a string, got %s", call, session.Excerpt(data))
	}
	l, err := session.ParseLink(link)
	if err == nil {
		err = apply(l)
	}
	return p.edited(call, err)
}

// Play starts training.
func (p *Playground) Play() { p.S.SetRunning(true) }

// Pause stops training.
func (p *Playground) Pause() { p.S.SetRunning(false) }

// Toggle plays when paused and pauses when playing (the play button), and reports whether
// training now runs.
func (p *Playground) Toggle() bool {
	p.S.SetRunning(!p.S.Running())
	return p.S.Running()
}

// Key answers a key pressed on the page outside the canvas and its text fields, at once:
// the page's shortcuts (see interact.PageKey: space plays or pauses, s steps, r resets,
// Ctrl+Z undoes, Ctrl+Shift+Z and Ctrl+Y redo) act as they do on the canvas; a refusal is
// a notice, as a refused canvas gesture is. onButton says the focus is on one of the page's
// buttons. Key reports whether the key was a shortcut, so that the page keeps it from its
// default action (a scroll, the browser's undo). Without a controller (Ctl) no key is one.
func (p *Playground) Key(name string, repeat bool, mods interact.Mods, onButton bool) bool {
	e := interact.Event{Kind: interact.KeyPress, Key: interact.KeyFromName(name), Repeat: repeat, Mods: mods}
	if p.Ctl == nil || !interact.PageKey(e, onButton) {
		return false
	}
	if err := p.Ctl.Handle(p.S, p.UI, e); err != nil {
		p.Notify(err)
	}
	p.sync()
	return true
}

// Reset re-initialises the weights from the seed, keeping the data and the play state.
func (p *Playground) Reset() { p.S.Reset() }

// Step runs up to n epochs now, n an integer from 1 to MaxStep, also while playing, and
// returns how many ran: at most the session's StepLimit (a budget of training points ×
// parameters × epochs, so that no call blocks the page for more than about a second, and
// the same call on the same state runs the same epochs). Divergence stops it early and sets
// the session's error without failing the call; a step with no training points is refused.
func (p *Playground) Step(n float64) (int, error) {
	if n != math.Trunc(n) || n < 1 || n > MaxStep {
		return 0, fmt.Errorf("step: n must be an integer from 1 to %d, got %s", MaxStep, session.FormatNumber(n))
	}
	if !hasTraining(p.S.Points()) {
		return 0, fmt.Errorf("step: %w", session.ErrNoTrainingPoints)
	}
	ran, err := p.S.Step(min(int(n), p.S.StepLimit()))
	if err != nil && p.S.Err() == "" {
		return 0, fmt.Errorf("step: %w", err)
	}
	return ran, nil
}

// hasTraining reports whether any point is a training point.
func hasTraining(pts []session.Point) bool {
	for i := range pts {
		if !pts[i].Test {
			return true
		}
	}
	return false
}

// Predict returns the network's output at (x, y) of the plane.
func (p *Playground) Predict(x, y float64) (float64, error) {
	if !finite(x) || !finite(y) {
		return 0, fmt.Errorf("predict: x and y must be finite numbers, got %s, %s", session.FormatNumber(x), session.FormatNumber(y))
	}
	return p.S.Predict(x, y), nil
}

// ToScreen returns where point (x, y) of the plane is drawn, in CSS px of the canvas.
func (p *Playground) ToScreen(x, y float64) (XY, error) {
	if !finite(x) || !finite(y) {
		return XY{}, fmt.Errorf("toScreen: x and y must be finite numbers, got %s, %s", session.FormatNumber(x), session.FormatNumber(y))
	}
	sx, sy := p.UI.Layout.ToScreen(x, y)
	return XY{sx, sy}, nil
}

// MenuButton returns the centre of the open long-press offer's Delete button in canvas CSS
// px, and whether one is open.
func (p *Playground) MenuButton() (x, y float64, ok bool) {
	if p.UI.Menu < 0 || p.UI.Menu >= len(p.S.Points()) {
		return 0, 0, false
	}
	r := view.MenuButton(p.UI.Layout, p.S.Points(), p.UI.Menu)
	return r.X + r.W/2, r.Y + r.H/2, true
}

// The page's own calls, beyond the scripting API.

// MaxBrush bounds the brush value of regression points.
const MaxBrush = 1e6

// SetBrush sets the label of added points: 0 or 1 for classification, a finite number up
// to ±MaxBrush for regression.
func (p *Playground) SetBrush(v float64) error {
	if !finite(v) || math.Abs(v) > MaxBrush {
		return fmt.Errorf("brush must be a finite number from %s to %s, got %s", session.FormatNumber(-MaxBrush), session.FormatNumber(MaxBrush), session.FormatNumber(v))
	}
	if !view.Regression(p.S) && v != 0 && v != 1 {
		return fmt.Errorf("brush must be 0 or 1 for classification, got %s", session.FormatNumber(v))
	}
	p.UI.Brush = v
	return nil
}

// SetLogLoss shows the loss curves on a log scale, or not: the setting logLoss.
func (p *Playground) SetLogLoss(on bool) error { return p.setView("setLogLoss", "logLoss", on) }

// SetHideTest hides the test points (not drawn, hovered, picked or selected), or shows them:
// the setting showTestData, the other way round.
func (p *Playground) SetHideTest(on bool) error {
	return p.setView("setHideTest", "showTestData", !on)
}

// SetDiscrete shows the plot's field as the predicted class only, or the output's full
// range: the setting discretize.
func (p *Playground) SetDiscrete(on bool) error { return p.setView("setDiscrete", "discretize", on) }

// setView sets the boolean setting name (a view toggle) to on for the call named call, as
// configure does: one undo step when it changes.
func (p *Playground) setView(call, name string, on bool) error {
	patch, err := session.ParsePatch([]byte(`{"` + name + `":` + strconv.FormatBool(on) + `}`))
	return p.configure(call, patch, err)
}

// Regenerate draws new points from the next data seed.
func (p *Playground) Regenerate() error {
	return p.edited("regenerate", p.S.Regenerate())
}

// Undo reverts the last edit of the data, the settings or the weights (see session.Undo),
// or refuses when there is none.
func (p *Playground) Undo() error { return p.edited("undo", p.S.Undo()) }

// Redo re-applies the last edit undone, or refuses when there is none.
func (p *Playground) Redo() error { return p.edited("redo", p.S.Redo()) }

// ConfigureIn is Configure as one of the calls of a gesture on a control (a slider dragged,
// a key held on it): the calls with the same group, from NewGroup, are one undo step.
func (p *Playground) ConfigureIn(group float64, data []byte) error {
	if group < 0 || group != math.Trunc(group) || group > 1<<53 {
		return fmt.Errorf("configure: group must be a whole number from NewGroup, got %s", session.FormatNumber(group))
	}
	p.S.Group(uint64(group))
	defer p.S.Group(0)
	return p.Configure(data)
}

// NewGroup returns a new gesture id for ConfigureIn.
func (p *Playground) NewGroup() uint64 { return p.S.NewGroup() }

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

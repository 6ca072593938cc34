package session

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"

	"nnplay/nn"
)

// SnapshotFormat is the format tag of a snapshot: what the page keeps of a session in the
// browser's local storage, so that the work survives a reload and a closed tab.
const SnapshotFormat = "nnplay.session/1"

// MaxEpoch is the largest epoch a snapshot may hold (a JavaScript number counts whole
// numbers exactly up to it).
const MaxEpoch = 1 << 53

// A snapshot is one JSON object in the formats the playground already reads and writes:
//
//	{"format": "nnplay.session/1", "epoch": 1234,
//	 "settings": {…state().settings…},
//	 "model": {…a nnplay.model/1 file…},
//	 "initial": [0.31, -0.72, …],
//	 "data": {…a nnplay.data/1 file…}}
//
// initial is the parameters the run started from (after the last reset, rebuild or load; in
// nn.Network.Params order), which shareLink's "initial" weights give; a snapshot without it
// (written before it was kept) starts the run from its model's weights.
// Every number is written by Go's shortest round-trip formatting, so the points and the
// weights come back bit for bit.

// Snapshot returns the session's settings, points, weights (and those the run started from)
// and epoch as a snapshot (see above). The play state, the undo history, the loss history and the shuffle stream's place
// are not part of it.
func (s *Session) Snapshot() []byte {
	settings, err := s.settings.MarshalJSON()
	if err != nil {
		panic("session: encoding the settings: " + err.Error()) // valid settings always encode
	}
	model, err := json.Marshal(s.Model())
	if err != nil {
		panic("session: encoding the model: " + err.Error()) // finite weights always encode
	}
	b := make([]byte, 0, len(settings)+len(model)+24*len(s.initial)+72*len(s.points)+180)
	b = append(b, `{"format":"`+SnapshotFormat+`","epoch":`...)
	b = strconv.AppendInt(b, int64(s.epoch), 10)
	b = append(b, `,"settings":`...)
	b = append(b, settings...)
	b = append(b, `,"model":`...)
	b = append(b, model...)
	b = append(b, `,"initial":[`...)
	for i, w := range s.initial {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendFloat(b, w, 'g', -1, 64)
	}
	b = append(b, `],"data":`...)
	b = appendData(b, s.settings.Problem, s.points)
	return append(b, '}')
}

// Snapshot is a snapshot read back by DecodeSnapshot, every part checked, ready for
// Session.Restore.
type Snapshot struct {
	settings Settings
	net      *nn.Network
	initial  []float64 // the parameters the run started from, or nil when not kept
	features []nn.Feature
	points   []Point
	epoch    int
}

// Link returns the snapshot's settings as a link (see Settings.Link): the address the page
// kept in step with them.
func (k *Snapshot) Link() string { return k.settings.Link() }

// snapshotKeys are the fields every snapshot has.
var snapshotKeys = [...]string{"format", "epoch", "settings", "model", "data"}

// DecodeSnapshot reads a snapshot and checks it whole: its format tag, the settings (as
// Validate checks them; a setting it leaves out takes its default), the model (as a model
// file is checked) and that it is the network those settings describe, the parameters the
// run started from when given (as many as the model's, every one finite), every point (in the
// plane, its label fitting the problem, at most MaxPoints), and the epoch (a whole number
// from 0 to MaxEpoch). A refusal says what is wrong, naming the part.
func DecodeSnapshot(data []byte) (*Snapshot, error) {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil || raw == nil {
		return nil, fmt.Errorf("it is not a kept session: want a JSON object {\"format\": %q, …}, got %s", SnapshotFormat, Excerpt(data))
	}
	var format string
	if json.Unmarshal(raw["format"], &format) != nil || format != SnapshotFormat {
		return nil, fmt.Errorf("format: %s, want %q", Excerpt(raw["format"]), SnapshotFormat)
	}
	for _, key := range snapshotKeys {
		if v, ok := raw[key]; !ok || string(v) == "null" {
			return nil, fmt.Errorf("%s: missing", key)
		}
	}
	epoch, err := strconv.ParseUint(string(raw["epoch"]), 10, 64)
	if err != nil || epoch > MaxEpoch {
		return nil, fmt.Errorf("epoch: want a whole number from 0 to %d, got %s", uint64(MaxEpoch), Excerpt(raw["epoch"]))
	}
	k := &Snapshot{settings: DefaultSettings(), epoch: int(epoch)}
	if err := json.Unmarshal(raw["settings"], &k.settings); err != nil {
		return nil, fmt.Errorf("settings: %v", err)
	}
	if err := k.settings.Validate(); err != nil {
		return nil, fmt.Errorf("settings: %v", err)
	}
	if k.net, k.features, err = snapshotModel(raw["model"], k.settings); err != nil {
		return nil, fmt.Errorf("model: %v", err)
	}
	if k.initial, err = snapshotInitial(raw["initial"], len(k.net.Params())); err != nil {
		return nil, fmt.Errorf("initial: %v", err)
	}
	if k.points, err = snapshotPoints(raw["data"], k.settings.Problem); err != nil {
		return nil, fmt.Errorf("data: %v", err)
	}
	return k, nil
}

// snapshotModel decodes a snapshot's model and checks that it is the network settings st
// describe: the same features, layers and activations.
func snapshotModel(data []byte, st Settings) (*nn.Network, []nn.Feature, error) {
	m, err := nn.DecodeModel(data)
	if err != nil {
		return nil, nil, err
	}
	want := outputOf(st.Problem)
	switch {
	case !slices.Equal(m.Inputs, st.Features):
		return nil, nil, fmt.Errorf("inputs %v are not the settings' features %v", m.Inputs, st.Features)
	case !slices.Equal(m.Layers, st.Layers()):
		return nil, nil, fmt.Errorf("layers %v are not the settings' %v", m.Layers, st.Layers())
	case m.Activation != st.Activation:
		return nil, nil, fmt.Errorf("activation %q is not the settings' %q", m.Activation, st.Activation)
	case m.Output != want.String():
		return nil, nil, fmt.Errorf("output %q does not fit %s (want %s)", m.Output, st.Problem, want)
	}
	return m.Network()
}

// snapshotInitial decodes a snapshot's initial parameters, n numbers, or nil when the
// snapshot has none.
func snapshotInitial(data []byte, n int) ([]float64, error) {
	if data == nil {
		return nil, nil
	}
	var w []float64
	if err := json.Unmarshal(data, &w); err != nil || w == nil {
		return nil, fmt.Errorf("want a list of %d numbers, got %s", n, Excerpt(data))
	}
	if len(w) != n {
		return nil, fmt.Errorf("want %d numbers (the model's parameters), got %d", n, len(w))
	}
	return w, nil
}

// snapshotPoints decodes a snapshot's nnplay.data/1 object for problem and checks every
// point.
func snapshotPoints(data []byte, problem string) ([]Point, error) {
	if len(data) == 0 || data[0] != '{' {
		return nil, fmt.Errorf("want a %s object, got %s", DataFormat, Excerpt(data))
	}
	pts, err := ParseData(data, problem)
	if err != nil {
		return nil, err
	}
	for i, p := range pts {
		if err := checkPointFor(problem, p.X, p.Y, p.Label); err != nil {
			return nil, fmt.Errorf("points[%d]: %v", i, err)
		}
	}
	return pts, nil
}

// Restore puts the session where snapshot k was: its settings, points, weights (and those
// the run started from) and epoch, paused, the shuffle stream re-seeded from the seed, no loss history and no divergence
// message; one undo step. k stays the caller's: the session copies what it takes.
func (s *Session) Restore(k *Snapshot) {
	s.replace("restore", k.settings.clone(), k.net.Clone(), k.features, slices.Clone(k.points), k.epoch)
	if k.initial != nil {
		s.initial = append(s.initial[:0], k.initial...)
	}
}

// StartFresh puts the session back at DefaultSettings, as a new playground opens (its data
// generated, its weights from the seed, epoch 0), paused; one undo step.
func (s *Session) StartFresh() {
	f, err := New(DefaultSettings())
	if err != nil {
		panic("session: the default settings are refused: " + err.Error())
	}
	s.replace("start fresh", f.settings, f.net, f.features, f.points, 0)
	s.lastGen = f.lastGen
}

// OpenLink applies link l as a new page opens at it: over DefaultSettings, not over the
// session's own settings, so that an address gives the same playground whatever the session
// held (the page restores the work kept from the last visit first, then opens its address's
// link). It is one undo step, "open link", whose undo brings back the session as it was: the
// kept work is not lost to a link. A link that carries state opens paused, one of settings
// only trains. A link ApplyLink refuses is refused alike and changes nothing.
func (s *Session) OpenLink(l Link) error {
	f, err := New(DefaultSettings())
	if err != nil {
		panic("session: the default settings are refused: " + err.Error())
	}
	if err := f.ApplyLink(l); err != nil {
		return err
	}
	s.replace("open link", f.settings, f.net, f.features, f.points, 0)
	s.lastGen = f.lastGen
	s.running = !l.Carries()
	if l.Carries() {
		s.markChange(&s.settings, "link opened")
	}
	return nil
}

// replace installs settings st, network net with features fs, points pts (all owned by the
// session from now on) at epoch, paused, as one undo step called label that brings back
// everything it replaced, the play state included (work restored paused and replaced by a
// playground that trains comes back paused, not training away what was kept).
func (s *Session) replace(label string, st Settings, net *nn.Network, fs []nn.Feature, pts []Point, epoch int) {
	s.record(label, partData|partNet|partPlay, 0)
	s.settings = st
	s.cfg = trainConfig(st)
	if st.Dataset != Custom {
		s.lastGen[st.Problem] = st.Dataset
	}
	s.setNetwork(net, fs)
	s.setPoints(pts)
	s.running = false
	s.restart()
	s.epoch, s.dataAt = epoch, epoch
}

package session

import (
	"errors"
	"maps"
	"math/rand/v2"
	"slices"
	"unsafe"

	"nnplay/nn"
)

// Bounds of the undo history: at most UndoLevels steps (undo and redo together), holding at
// most UndoBudget bytes of saved state; past either the oldest step is forgotten. The
// largest step (2,000 points, the largest network and its loss history) takes
// MaxUndoStepBytes, so the budget keeps at least 100 of any kind (TestUndoBudget). A
// step's share of it includes the loss curves' marks it brings back (markState).
const (
	UndoLevels = 200
	UndoBudget = 12 << 20
)

// part is what an undo step saved: the settings always, and some of the data and weights.
type part uint8

const (
	partData  part = 1 << iota // every point (add, delete, a wholesale change)
	partPoint                  // one point, the others unchanged (move, relabel)
	partNet                    // the network with its features, epoch, shuffle stream, history
	partParam                  // one parameter of the network (a weight edit)
	partPlay                   // the play state: an edit that replaces everything also plays or pauses
)

// step is the state an undo or redo step brings back: the settings and the parts it names.
type step struct {
	label string
	group uint64 // the gesture the step was made in; 0 for none
	parts part
	index int // the point (partPoint) or the parameter (partParam)

	settings Settings
	lastGen  map[string]string
	points   []Point   // partData
	point    Point     // partPoint
	value    float64   // partParam
	running  bool      // partPlay
	net      *netState // partNet
	marks    markState // the loss curves' marks (see Session.swap)
}

// netState is a whole network with its training position.
type netState struct {
	layers         []int
	hidden, output nn.Activation
	params         []float64
	initial        []float64 // the parameters the run started from
	features       []nn.Feature
	epoch          int
	pcg            rand.PCG
	history        History
	err            string
}

// undoStack holds the undo and redo steps, oldest first, and their size.
type undoStack struct {
	undo, redo []*step
	bytes      int
	groups     uint64 // the last group handed out by NewGroup
	group      uint64 // the group the edits being made belong to, 0 for none
}

// size returns the bytes a step holds (its saved state, not counting shared strings).
func (st *step) size() int {
	n := int(unsafe.Sizeof(*st)) + 8*len(st.settings.Features) + 8*len(st.settings.Hidden) + 64
	n += len(st.points) * int(unsafe.Sizeof(Point{}))
	if st.net != nil {
		n += int(unsafe.Sizeof(*st.net)) + 8*(len(st.net.params)+len(st.net.initial)+len(st.net.layers)+len(st.net.features))
	}
	return n
}

// NewGroup returns a new gesture id for Group.
func (s *Session) NewGroup() uint64 {
	s.undos.groups++
	return s.undos.groups
}

// Group makes the edits that follow one undo step with the edit just before them when both
// carry the same id (from NewGroup) and change the same thing: the moves of one drag, the
// values of one slider gesture, a burst of key repeats. Group(0) ends it: every edit is a
// step of its own. Call Group(0) after the gesture's edit, so that other callers' edits in
// between stay steps of their own.
func (s *Session) Group(id uint64) { s.undos.group = id }

// record saves, before an edit changes them, the settings and the parts named (index names
// the point or parameter of partPoint or partParam) as an undo step called label, and
// forgets the redo steps. An edit in the same group as the last step, changing the same
// thing, adds no step: that one already holds the state before the gesture.
func (s *Session) record(label string, parts part, index int) {
	u := &s.undos
	if n := len(u.undo); n > 0 && u.group != 0 && len(u.redo) == 0 {
		if top := u.undo[n-1]; top.group == u.group && top.parts == parts && top.index == index {
			return
		}
	}
	for _, st := range u.redo {
		u.bytes -= st.size()
	}
	u.redo = nil
	st := s.capture(parts, index)
	st.label, st.group = label, u.group
	u.push(&u.undo, st)
}

// push appends st to *list and forgets the oldest steps beyond the bounds (the oldest undo
// steps first, then the farthest redo steps), never st itself.
func (u *undoStack) push(list *[]*step, st *step) {
	*list = append(*list, st)
	u.bytes += st.size()
	for len(u.undo)+len(u.redo) > UndoLevels || u.bytes > UndoBudget {
		switch {
		case len(u.undo) > 1 || len(u.undo) == 1 && list != &u.undo:
			u.drop(&u.undo)
		case len(u.redo) > 1 || len(u.redo) == 1 && list != &u.redo:
			u.drop(&u.redo)
		default:
			return
		}
	}
}

// drop forgets the first step of *list.
func (u *undoStack) drop(list *[]*step) {
	u.bytes -= (*list)[0].size()
	(*list)[0] = nil
	*list = (*list)[1:]
}

// capture returns the current settings and the parts named, copied.
func (s *Session) capture(parts part, index int) *step {
	st := &step{parts: parts, index: index, settings: s.settings.clone(), lastGen: maps.Clone(s.lastGen),
		marks: s.saveMarks()}
	if parts&partData != 0 {
		st.points = slices.Clone(s.points)
	}
	if parts&partPoint != 0 {
		st.point = s.points[index]
	}
	if parts&partParam != 0 {
		st.value = s.net.Params()[index]
	}
	if parts&partPlay != 0 {
		st.running = s.running
	}
	if parts&partNet != 0 {
		st.net = &netState{
			layers: slices.Clone(s.net.Layers()), hidden: s.net.Hidden(), output: s.net.Output(),
			params: slices.Clone(s.net.Params()), initial: slices.Clone(s.initial), features: s.features,
			epoch: s.epoch, pcg: *s.pcg, history: s.history, err: s.err,
		}
	}
	return st
}

// restore puts back what st saved.
func (s *Session) restore(st *step) {
	s.settings = st.settings
	s.lastGen = st.lastGen
	s.cfg = trainConfig(st.settings)
	if n := st.net; n != nil {
		net, err := nn.New(n.layers, n.hidden, n.output, nil)
		if err != nil {
			panic("session: restoring a network nn built before: " + err.Error())
		}
		copy(net.Params(), n.params)
		s.setNetwork(net, n.features)
		s.epoch, *s.pcg, s.history, s.err = n.epoch, n.pcg, n.history, n.err
		s.initial = append(s.initial[:0], n.initial...)
		s.loadMarks(&st.marks) // the history's own, and the draft of its newest
	}
	if st.parts&partParam != 0 {
		s.net.Params()[st.index] = st.value
	}
	if st.parts&partPlay != 0 {
		s.running = st.running
	}
	switch {
	case st.parts&partData != 0:
		s.setPoints(st.points)
	case st.parts&partPoint != 0:
		i, p := st.index, st.point
		s.points[i] = p
		nf := len(s.features)
		nn.ApplyFeatures(s.data.Inputs[i*nf:], s.features, p.X, p.Y)
		s.data.Targets[i] = p.Label
		s.boundLabels()
		s.restartEpoch()
		s.dataAt = s.epoch
	}
	s.version++
}

// The refusals of Undo and Redo.
var (
	errNothingToUndo = errors.New("nothing to undo")
	errNothingToRedo = errors.New("nothing to redo")
)

// Undo reverts the last edit of the data, the settings or the weights: the points, the
// settings, a parameter, or (for a rebuild, a model load or a reset) the whole network as it
// was just before, with its epoch and history. What training did since stays, except where
// the whole network comes back. An edit that replaces everything (Restore, StartFresh,
// OpenLink) also brings back whether it trained, so that work kept paused comes back paused.
// Training and steps are no edits.
func (s *Session) Undo() error {
	return s.swap(&s.undos.undo, &s.undos.redo, "undo", errNothingToUndo)
}

// Redo re-applies the last edit Undo reverted. Any new edit forgets what could be redone.
func (s *Session) Redo() error {
	return s.swap(&s.undos.redo, &s.undos.undo, "redo", errNothingToRedo)
}

// swap takes the newest step of from, saves the current state of what it holds onto to,
// and restores it. The loss curves' marks come back with it when it brings back the whole
// network with its history, or when nothing was trained since it was saved (so an edit
// undone at once leaves no mark); otherwise the curves go on and a new mark says what
// changed, as verb ("undo", "redo").
func (s *Session) swap(from, to *[]*step, verb string, none error) error {
	n := len(*from)
	if n == 0 {
		return none
	}
	st := (*from)[n-1]
	(*from)[n-1] = nil
	*from = (*from)[:n-1]
	u := &s.undos
	u.bytes -= st.size()
	cur := s.capture(st.parts, st.index)
	cur.label = st.label
	before, epoch := s.settings, s.epoch
	s.restore(st)
	u.push(to, cur)
	switch {
	case st.net != nil: // restore brought the marks back with the history
	case st.marks.epoch == epoch:
		s.loadMarks(&st.marks)
	default:
		s.markUndo(&before, verb, st)
	}
	return nil
}

// CanUndo reports whether there is an edit to undo.
func (s *Session) CanUndo() bool { return len(s.undos.undo) > 0 }

// CanRedo reports whether there is an undone edit to redo.
func (s *Session) CanRedo() bool { return len(s.undos.redo) > 0 }

// UndoLabel names the edit Undo would revert ("move point", "change learningRate"), or "".
func (s *Session) UndoLabel() string { return topLabel(s.undos.undo) }

// RedoLabel names the edit Redo would re-apply, or "".
func (s *Session) RedoLabel() string { return topLabel(s.undos.redo) }

func topLabel(list []*step) string {
	if len(list) == 0 {
		return ""
	}
	return list[len(list)-1].label
}

// UndoBytes returns the bytes the undo and redo steps hold.
func (s *Session) UndoBytes() int { return s.undos.bytes }

// recordParam saves parameter k of the network (an index into Network.Params) as an undo
// step called label, before a weight edit (setParam) changes it, after its checks.
func (s *Session) recordParam(label string, k int) { s.record(label, partParam, k) }

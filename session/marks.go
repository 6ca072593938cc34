package session

import (
	"slices"
	"strconv"
	"strings"
)

// markDraft is the newest mark of the history as it is being written: every change made at
// its epoch, or during the gesture it began in, goes into it, so that a drag, a slider's
// gesture or a burst of edits while paused is one mark saying what they did together.
type markDraft struct {
	on      bool
	epoch   int
	group   uint64   // the gesture it began in; 0 for none
	counted uint64   // the last gesture whose edit of points it counted
	from    Settings // the settings before its first change
	points  int      // the edits of points in it (a gesture's edits count once)
	op      string   // what they did: "added", "moved", "deleted", "relabelled", "edited" when several
	what    []string // the other changes, in order: "reset", "model loaded", "weight 0.31 → 0.5"
	verb    string   // "undo" or "redo" when it began with one, else ""
	label   string   // the undone or redone step's label
}

// The edits of points a mark counts.
const (
	opAdded      = "added"
	opMoved      = "moved"
	opDeleted    = "deleted"
	opRelabelled = "relabelled"
)

// plural writes n and the noun, with an s unless n is 1: "1 point", "3 points".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

// markPoints notes an edit of the points (op is one of the op constants) made from the
// settings before. One gesture's repeated edit (the moves of a drag) counts once and
// allocates nothing after its first.
func (s *Session) markPoints(before Settings, op string) {
	d, g := &s.draft, s.undos.group
	if d.on && s.history.nm > 0 && g != 0 && d.counted == g {
		return
	}
	d = s.markDraft(&before)
	d.points++
	d.counted = g
	switch {
	case d.op == "":
		d.op = op
	case d.op != op:
		d.op = "edited"
	}
	s.writeMark()
}

// markChange notes a change of the settings from before, and what (when not "") else it did.
func (s *Session) markChange(before *Settings, what string) {
	if what == "" && before.equalMarked(&s.settings) {
		return // the view, the speed: the curves stay as they are
	}
	d := s.markDraft(before)
	if what != "" {
		d.what = append(d.what, what)
	}
	s.writeMark()
}

// markUndo notes an undo or redo (verb) of the step called label that kept the history, made
// from the settings before. A step that edited points is named by its label ("undo add
// point"); one of settings by what changed ("undo: learning rate 0.3 → 1").
func (s *Session) markUndo(before *Settings, verb string, st *step) {
	points := st.parts&(partData|partPoint) != 0 && !strings.HasPrefix(st.label, "change ")
	if !points && st.parts&partParam == 0 && before.equalMarked(&s.settings) {
		return // the view, the speed: the curves stay as they are
	}
	d := s.markDraft(before)
	if d.verb == "" && d.points == 0 && len(d.what) == 0 && d.from.equalMarked(before) {
		d.verb, d.label = verb, ""
		if points || st.parts&partParam != 0 {
			d.label = st.label
			d.from = s.settings.clone()
		}
	}
	s.writeMark()
}

// markDraft returns the draft a change made now belongs to: the current one when it is at
// this epoch or in its gesture, else a new one starting from the settings before.
func (s *Session) markDraft(before *Settings) *markDraft {
	d := &s.draft
	g := s.undos.group
	if d.on && s.history.nm > 0 && (d.epoch == s.epoch || g != 0 && d.group == g) {
		return d
	}
	*d = markDraft{on: true, epoch: s.epoch, group: g, from: before.clone()}
	s.history.addMark(Mark{Epoch: s.epoch})
	return d
}

// writeMark writes the draft's text into the newest mark, or forgets the mark when its
// changes came to nothing (a setting set back to its value).
func (s *Session) writeMark() {
	d := &s.draft
	text := d.text(&s.settings)
	if text == "" {
		s.history.dropMark()
		d.on = false
		return
	}
	s.history.marks[s.history.nm-1].Text = text
}

// text is what the draft says with the settings now cur: its other changes, the settings
// that differ from its first, and its edits of points, joined by ", "; after an undo or a
// redo, "undo: " before them, or "undo " and the step's label when they say nothing.
func (d *markDraft) text(cur *Settings) string {
	parts := append([]string(nil), d.what...)
	parts = append(parts, settingChanges(&d.from, cur)...)
	switch {
	case d.points == 1:
		parts = append(parts, "point "+d.op)
	case d.points > 1:
		parts = append(parts, plural(d.points, "point")+" "+d.op)
	}
	text := strings.Join(parts, ", ")
	switch {
	case d.verb != "" && (text == "" || d.label != ""):
		return strings.TrimSuffix(d.verb+" "+d.label+": "+text, ": ")
	case d.verb != "":
		return d.verb + ": " + text
	}
	return text
}

// settingChanges returns "learning rate 1 → 0.3" for each marked setting (Spec.Mark) that
// differs between from and to, in the table's order. A data set that became custom is left
// out: the edit that made it so says what it did.
func settingChanges(from, to *Settings) []string {
	var out []string
	for i := range specs {
		sp := &specs[i]
		if sp.Mark == "" || sp.same(from, to) || sp.Name == "dataset" && to.Dataset == Custom {
			continue
		}
		out = append(out, sp.Mark+" "+markValue(sp.Value(from))+" → "+markValue(sp.Value(to)))
	}
	return out
}

// equalMarked reports whether s and t agree on every marked setting.
func (s *Settings) equalMarked(t *Settings) bool { return len(settingChanges(s, t)) == 0 }

// markValue writes a setting's value (in the API's form) for a mark: a number as
// FormatNumber does, a list joined by ", ", layers as 2-4-1.
func markValue(v any) string {
	switch v := v.(type) {
	case float64:
		return FormatNumber(v)
	case bool:
		return strconv.FormatBool(v)
	case string:
		return v
	case []string:
		return strings.Join(v, ", ")
	case []float64:
		parts := make([]string, len(v))
		for i, n := range v {
			parts[i] = FormatNumber(n)
		}
		return strings.Join(parts, "-")
	}
	panic("session: a setting's value of an unknown type")
}

// markValueChange writes "0.312 → 0.5" for a parameter set by hand: the old value to three
// significant digits, the new one as given.
func markValueChange(old, v float64) string {
	return strconv.FormatFloat(old, 'g', 3, 64) + " → " + FormatNumber(v)
}

// markState is the marks and the draft as an undo step saves them, with the epoch it was
// saved at.
type markState struct {
	epoch int
	marks [MarkCap]Mark
	n     int
	draft markDraft
}

// saveMarks returns the marks and the draft now.
func (s *Session) saveMarks() markState {
	d := s.draft
	d.what = slices.Clip(d.what) // a later append to the live draft must not reach the copy
	return markState{epoch: s.epoch, marks: s.history.marks, n: s.history.nm, draft: d}
}

// loadMarks brings back marks saveMarks returned.
func (s *Session) loadMarks(m *markState) {
	s.history.marks, s.history.nm = m.marks, m.n
	s.draft = m.draft
	s.draft.what = slices.Clip(s.draft.what)
}

package api

import (
	"testing"

	"nnplay/interact"
	"nnplay/session"
)

// TestKey: the page's shortcuts act at once, as on the canvas; other keys, plain keys on a
// button, and keys with alt (or ctrl or meta, but for undo and redo) are not shortcuts and
// change nothing.
func TestKey(t *testing.T) {
	p := newPlayground(t)
	running := p.S.Running()
	if !p.Key(" ", false, 0, false) || p.S.Running() == running {
		t.Fatalf("space: running %v → %v, want toggled", running, p.S.Running())
	}
	if !p.Key(" ", true, 0, false) || p.S.Running() == running {
		t.Errorf("a repeated space toggled again")
	}
	if p.S.Running() {
		p.Key(" ", false, 0, false)
	}
	if !p.Key("S", false, interact.Shift, false) || p.S.Epoch() != 1 {
		t.Errorf("shift+s: epoch %d, want 1", p.S.Epoch())
	}
	if !p.Key("s", true, 0, false) || p.S.Epoch() != 2 {
		t.Errorf("a repeated s: epoch %d, want 2 (s repeats)", p.S.Epoch())
	}
	if !p.Key("r", false, 0, false) || p.S.Epoch() != 0 || p.S.Running() {
		t.Errorf("r: epoch %d, running %v; want 0, paused", p.S.Epoch(), p.S.Running())
	}
	v := p.S.Version()
	for _, k := range []struct {
		name     string
		mods     interact.Mods
		onButton bool
	}{
		{"s", interact.Ctrl, false}, {"r", interact.Meta, false}, {" ", interact.Alt, false}, {"ArrowLeft", 0, false},
		{"a", 0, false}, {"Delete", 0, false}, {"x", 0, false}, {" ", 0, true}, {"s", 0, true}, {"r", 0, true},
		{"z", interact.Ctrl | interact.Alt, false}, {"y", interact.Meta, false}, {"z", 0, false},
	} {
		if p.Key(k.name, false, k.mods, k.onButton) || p.S.Version() != v || len(p.S.Points()) != 250 {
			t.Errorf("%q with mods %d (on a button %v) was taken as a shortcut or changed the session", k.name, k.mods, k.onButton)
		}
	}
	// Undo and redo, also from a button.
	if err := p.Configure([]byte(`{"learningRate": 0.3}`)); err != nil {
		t.Fatal(err)
	}
	if !p.Key("z", false, interact.Ctrl, true) || p.S.Settings().LearningRate != 0.03 {
		t.Errorf("ctrl+z: learning rate %v, want 0.03 back", p.S.Settings().LearningRate)
	}
	if !p.Key("Z", false, interact.Meta|interact.Shift, false) || p.S.Settings().LearningRate != 0.3 {
		t.Errorf("cmd+shift+z: learning rate %v, want 0.3 again", p.S.Settings().LearningRate)
	}
	p.Key("z", false, interact.Ctrl, false)
	if !p.Key("y", false, interact.Ctrl, false) || p.S.Settings().LearningRate != 0.3 {
		t.Errorf("ctrl+y: learning rate %v, want 0.3 again", p.S.Settings().LearningRate)
	}
	// A refused shortcut is a notice.
	all := make([]session.Point, 3)
	for i := range all {
		all[i] = session.Point{X: float64(i), Label: 1, Test: true}
	}
	if err := p.S.SetData(all); err != nil {
		t.Fatal(err)
	}
	notes := p.Notes
	if !p.Key("s", false, 0, false) || p.Notes != notes+1 || p.Notice != session.ErrNoTrainingPoints.Error() {
		t.Errorf("s with no training points: notes %d → %d, notice %q; want the session's refusal", notes, p.Notes, p.Notice)
	}
}

// TestKeyHelp: ? asks for the help, from a button too and with the shift that types it, and
// changes nothing in the session; the canvas's revision tells the page.
func TestKeyHelp(t *testing.T) {
	c := NewCanvas(newPlayground(t).S)
	v, rev := c.API.S.Version(), c.Revision()
	for i, k := range []struct {
		mods     interact.Mods
		onButton bool
	}{{interact.Shift, false}, {0, true}} {
		if !c.API.Key("?", false, k.mods, k.onButton) || c.UI.Help != i+1 {
			t.Errorf("? with mods %d (on a button %v): help asked %d times, want %d", k.mods, k.onButton, c.UI.Help, i+1)
		}
		c.NoteUI()
		if c.Revision() == rev || c.API.S.Version() != v {
			t.Errorf("? did not change the revision (%d) or changed the session (version %d → %d)", rev, v, c.API.S.Version())
		}
		rev = c.Revision()
	}
	if c.API.Key("?", false, interact.Ctrl, false) || c.UI.Help != 2 {
		t.Errorf("ctrl+? was taken as help")
	}
}

// TestToggle: the play button's call plays when paused, pauses when playing, and says which.
func TestToggle(t *testing.T) {
	p := newPlayground(t)
	was := p.S.Running()
	if got := p.Toggle(); got == was || p.S.Running() != got {
		t.Errorf("Toggle from %v returned %v with running %v", was, got, p.S.Running())
	}
	if got := p.Toggle(); got != was {
		t.Errorf("a second Toggle returned %v, want %v", got, was)
	}
}

package api

import "nnplay/session"

// Snapshot returns what the page keeps of the playground in local storage: its settings,
// points, weights and epoch as a nnplay.session/1 text (see session.Session.Snapshot).
func (p *Playground) Snapshot() string { return string(p.S.Snapshot()) }

// Restore puts the playground where a snapshot's text says, paused (see
// session.Session.Restore): one undo step. A text that is not a whole, valid snapshot is
// refused and changes nothing.
func (p *Playground) Restore(text []byte) error {
	k, err := session.DecodeSnapshot(text)
	if err == nil {
		p.S.Restore(k)
	}
	return p.edited("restore", err)
}

// KeptLink returns the link of a snapshot's settings: the address the page kept in step
// with them, which the page compares with the address it opens at. A text Restore would
// refuse is refused alike. Not part of the scripting API.
func (p *Playground) KeptLink(text []byte) (string, error) {
	k, err := session.DecodeSnapshot(text)
	if err != nil {
		return "", p.edited("restore", err)
	}
	return k.Link(), nil
}

// OpenLink opens a link given as a JSON string as a new page opens at it, over the default
// settings rather than the playground's own (see session.Session.OpenLink): one undo step,
// whose undo brings back what the playground held (the page restores the kept work first),
// or a refusal that changes nothing. Not part of the scripting API (the page's boot).
func (p *Playground) OpenLink(data []byte) error {
	return p.applyLink("openLink", data, p.S.OpenLink)
}

// StartFresh puts the playground back at the defaults, as a new page opens, training: one
// undo step, whose undo brings back what was there. Not part of the scripting API (the
// page's "start fresh").
func (p *Playground) StartFresh() {
	p.S.StartFresh()
	p.S.SetRunning(true)
	p.sync()
}

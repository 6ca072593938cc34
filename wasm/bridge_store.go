//go:build js && wasm

package main

import (
	"syscall/js"

	"nnplay/api"
)

// defineStore defines the calls that keep the work across reloads: snapshot and restore,
// and the page's keptLink, openLink, startFresh and snapshotText.
func (b *bridge) defineStore(obj js.Value, def definer) {
	p := &b.c.API
	def("snapshot", func([]js.Value) string { return api.Reply(p.Snapshot(), nil) })
	def("restore", func(a []js.Value) string {
		text, err := snapshotArg("restore", a)
		if err == nil {
			err = p.Restore(text)
		}
		return b.changed(err)
	})
	// The page's own calls, not part of the API: the link of a kept snapshot's settings
	// (the page restores it when the address is that link or empty), a link opened over the
	// restored work (any other address), and start fresh.
	def("keptLink", func(a []js.Value) string {
		text, err := snapshotArg("restore", a)
		link := ""
		if err == nil {
			link, err = p.KeptLink(text)
		}
		return api.Reply(link, err)
	})
	def("openLink", func(a []js.Value) string { return b.jsonCall("openLink", a, 0, p.OpenLink) })
	def("startFresh", func([]js.Value) string { p.StartFresh(); return b.changed(nil) })
	// snapshotText answers the snapshot itself, a string, not a reply in JSON: the page
	// writes it to local storage as it is, without escaping and parsing it again.
	obj.Set("snapshotText", js.FuncOf(func(js.Value, []js.Value) any { return p.Snapshot() }))
}

// snapshotArg returns argument 0, the text of a snapshot, or an error naming the call.
func snapshotArg(call string, a []js.Value) ([]byte, error) {
	if len(a) == 0 || a[0].Type() != js.TypeString {
		got := "nothing"
		if len(a) > 0 {
			got = describe(a[0])
		}
		return nil, argError{call + ": want a snapshot's text (from snapshot()) as a string, got " + got}
	}
	return stringArg(call, a[0])
}

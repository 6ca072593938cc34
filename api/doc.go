// Package api is the scripting API of a playground on plain values: every call takes JSON
// or numbers and answers JSON, so that the browser layer only moves strings across
// syscall/js and every rule of the API — the shape of state(), the refusals and their
// messages, "a refused call changes nothing" — is tested natively.
//
// The browser's shim (web/nnplay.js) wraps each answer: Reply encodes {"ok": value} or
// {"err": "message"}, and the shim returns the value or throws an Error with the message.
//
// It imports interact, view and session, never Ebiten or syscall/js.
package api

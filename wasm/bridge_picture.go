//go:build js && wasm

package main

import (
	"syscall/js"

	"nnplay/api"
)

// definePicture defines picture: the plot as a PNG file (api.Playground.Picture), answered
// as a Uint8Array of the canvas page's realm, which the shim copies into one of the caller's
// (a JSON reply would turn the bytes into text three times as long); a refusal answers
// api.Reply's JSON text instead.
func (b *bridge) definePicture(obj js.Value) {
	p := &b.c.API
	obj.Set("picture", js.FuncOf(func(js.Value, []js.Value) any {
		file, err := p.Picture()
		if err != nil {
			return api.Reply(nil, err)
		}
		arr := js.Global().Get("Uint8Array").New(len(file))
		js.CopyBytesToJS(arr, file)
		return arr
	}))
}

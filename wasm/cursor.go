//go:build js && wasm

package main

import (
	"syscall/js"

	"nnplay/view"
)

// cursorStyle sets the canvas's CSS cursor to the one view.CursorOf decides, writing the
// style only when it changes (the names are JS strings made once, so a frame allocates
// nothing).
type cursorStyle struct {
	style js.Value // the canvas's style object
	names [len(view.CursorNames)]js.Value
	shown view.Cursor
}

// newCursorStyle returns the cursor of canvas, showing the default.
func newCursorStyle(canvas js.Value) *cursorStyle {
	c := &cursorStyle{style: canvas.Get("style")}
	for i, n := range view.CursorNames {
		c.names[i] = js.ValueOf(n)
	}
	c.style.Set("cursor", c.names[view.CursorDefault])
	return c
}

// show shows cursor k.
func (c *cursorStyle) show(k view.Cursor) {
	if k != c.shown {
		c.shown = k
		c.style.Set("cursor", c.names[k])
	}
}

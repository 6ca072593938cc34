//go:build js && wasm

package main

import (
	"syscall/js"
	"time"

	"nnplay/interact"
)

// inputQueue collects the canvas's DOM events, in order, between frames. Ebiten's own input
// is polled once per frame, so a press and a release within one frame (a quick click, a
// tap — routine at the 10–28 frames/s of a software-rendered browser) would never be seen;
// the queue keeps every event with its time. Pointer Events make mouse, touch and pen look
// alike. The JS callbacks and Update run on the one JS thread, so they never overlap.
type inputQueue struct {
	events []interact.Event
	clock  func() time.Duration
	funcs  []js.Func
}

// maxQueued bounds the queue if frames stop (a hidden tab); the oldest moves are dropped
// first by coalescing, and beyond that events are dropped.
const maxQueued = 1024

// listen attaches the listeners to the canvas.
func (q *inputQueue) listen(canvas js.Value, clock func() time.Duration) {
	q.clock = clock
	q.events = make([]interact.Event, 0, 64)
	on := func(name string, f func(e js.Value)) {
		fn := js.FuncOf(func(this js.Value, args []js.Value) any {
			f(args[0])
			return nil
		})
		q.funcs = append(q.funcs, fn)
		canvas.Call("addEventListener", name, fn)
	}
	on("pointerdown", func(e js.Value) { q.pointer(interact.PointerDown, e) })
	on("pointermove", func(e js.Value) { q.pointer(interact.PointerMove, e) })
	on("pointerup", func(e js.Value) { q.pointer(interact.PointerUp, e) })
	on("pointercancel", func(e js.Value) { q.pointer(interact.PointerCancel, e) })
	on("pointerleave", func(e js.Value) { q.pointer(interact.PointerLeave, e) })
	on("keydown", func(e js.Value) {
		k := interact.KeyFromName(e.Get("key").String())
		if k == interact.KeyNone {
			return
		}
		q.push(interact.Event{Kind: interact.KeyPress, Time: q.clock(), Key: k, Repeat: e.Get("repeat").Bool(), Mods: mods(e)})
	})
	on("focus", func(js.Value) { q.push(interact.Event{Kind: interact.Focus, Time: q.clock()}) })
	on("blur", func(js.Value) { q.push(interact.Event{Kind: interact.Blur, Time: q.clock()}) })
}

// pointer queues a pointer event, in CSS px of the canvas.
func (q *inputQueue) pointer(kind interact.Kind, e js.Value) {
	ev := interact.Event{
		Kind:    kind,
		Time:    q.clock(),
		X:       e.Get("offsetX").Float(),
		Y:       e.Get("offsetY").Float(),
		Pointer: e.Get("pointerId").Int(),
		Touch:   e.Get("pointerType").String() != "mouse",
		Mods:    mods(e),
	}
	if b := e.Get("button").Int(); b >= 0 && b <= 2 {
		ev.Button = interact.Button(b)
	}
	if kind == interact.PointerMove {
		// Coalesce with a queued move of the same pointer not yet handled: only the latest
		// position matters within a frame.
		if n := len(q.events); n > 0 {
			if last := &q.events[n-1]; last.Kind == interact.PointerMove && last.Pointer == ev.Pointer {
				*last = ev
				return
			}
		}
	}
	q.push(ev)
}

// push queues e, dropping it when the queue is full.
func (q *inputQueue) push(e interact.Event) {
	if len(q.events) < maxQueued {
		q.events = append(q.events, e)
	}
}

// mods reads the modifier keys of a DOM event.
func mods(e js.Value) interact.Mods {
	var m interact.Mods
	if e.Get("shiftKey").Bool() {
		m |= interact.Shift
	}
	if e.Get("altKey").Bool() {
		m |= interact.Alt
	}
	if e.Get("ctrlKey").Bool() {
		m |= interact.Ctrl
	}
	if e.Get("metaKey").Bool() {
		m |= interact.Meta
	}
	return m
}

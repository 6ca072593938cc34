//go:build js && wasm

package main

import (
	"runtime"
	"strconv"
	"syscall/js"
	"time"

	"nnplay/api"
	"nnplay/interact"
	"nnplay/view"
)

// bridge puts the scripting API on the canvas page's window as nnplayGo: one function per
// call, each answering api.Reply's JSON ({"ok": value} or {"err": "message"}) for the
// page's shim (web/nnplay.js), which turns refusals into thrown Errors. Calls arrive
// between frames and act at once.
type bridge struct {
	c     *api.Canvas
	clock func() time.Duration // the frames' clock
}

// definer defines one call of window.nnplayGo: f answers the JSON reply.
type definer func(name string, f func(args []js.Value) string)

// newBridge defines window.nnplayGo over g's canvas, one group of calls at a time. (The
// functions stay alive as long as the page holds them: js.FuncOf keeps them until released.)
func newBridge(g *Game) {
	b := &bridge{c: g.c, clock: g.clock}
	obj := js.Global().Get("Object").New()
	def := func(name string, f func(args []js.Value) string) {
		obj.Set(name, js.FuncOf(func(this js.Value, args []js.Value) any { return f(args) }))
	}
	b.defineReads(def)
	b.defineSettings(def)
	b.defineTraining(def)
	b.defineData(def)
	b.defineMath(def)
	b.definePicture(obj)
	b.defineStore(obj, def)
	b.defineInternal(obj, def)
	js.Global().Set("nnplayGo", obj)
}

// defineReads defines the calls that read the playground's state: state, status, frameLog
// and schema.
func (b *bridge) defineReads(def definer) {
	p := &b.c.API
	c := b.c
	def("state", func([]js.Value) string {
		p.Frame = c.Meter.Stats()
		return api.RawReply(p.State())
	})
	def("status", func([]js.Value) string {
		p.Frame = c.Meter.Stats()
		return api.Reply(p.Status(), nil)
	})
	// frameLog(after) answers the Go side of every frame after frame number after (see
	// api.FrameMeter.Log), for the browser benchmark; not part of the API.
	def("frameLog", func(a []js.Value) string {
		after, err := numberArg("frameLog", "after", a, 0)
		if err != nil {
			return api.Reply(nil, err)
		}
		return api.Reply(c.Meter.Log(int(after), b.clock()), nil)
	})
	def("schema", func([]js.Value) string { return api.Reply(api.NewSchema(), nil) })
}

// defineSettings defines the calls that change the settings, the model or the brush:
// configure, setData, model, loadModel, link, applyLink, shareLink, setBrush and the view's
// toggles.
func (b *bridge) defineSettings(def definer) {
	p := &b.c.API
	def("configure", func(a []js.Value) string {
		return b.jsonCall("configure", a, 0, p.Configure)
	})
	def("setData", func(a []js.Value) string {
		return b.jsonCall("setData", a, 0, p.SetData)
	})
	def("model", func([]js.Value) string { return api.RawReply(p.Model()) })
	def("loadModel", func(a []js.Value) string {
		return b.jsonCall("loadModel", a, 0, p.LoadModel)
	})
	def("link", func([]js.Value) string { return api.Reply(p.Link(), nil) })
	def("applyLink", func(a []js.Value) string {
		return b.jsonCall("applyLink", a, 0, p.ApplyLink)
	})
	// shareLink answers the fragment of a shared link; the shim puts the page's address
	// before it.
	def("shareLink", func(a []js.Value) string {
		data, err := jsonArg("shareLink", a, 0)
		link := ""
		if err == nil {
			link, err = p.ShareLink(data)
		}
		return api.Reply(link, err)
	})
	def("setBrush", func(a []js.Value) string {
		v, err := numberArg("setBrush", "value", a, 0)
		if err == nil {
			err = p.SetBrush(v)
		}
		return b.changed(err)
	})
	// The view's toggles, kept as calls of their own: the settings logLoss, showTestData
	// (the other way round), discretize and gradients.
	toggles := map[string]func(bool) error{"setLogLoss": p.SetLogLoss, "setHideTest": p.SetHideTest,
		"setDiscrete": p.SetDiscrete, "setGradients": p.SetGradients}
	for name, set := range toggles {
		def(name, func(a []js.Value) string { return b.changed(set(len(a) > 0 && a[0].Truthy())) })
	}
}

// defineTraining defines play, pause, reset, step, predict, toScreen, toggle and key.
func (b *bridge) defineTraining(def definer) {
	p := &b.c.API
	c := b.c
	def("play", func([]js.Value) string { p.Play(); return b.changed(nil) })
	def("pause", func([]js.Value) string { p.Pause(); return b.changed(nil) })
	def("reset", func([]js.Value) string { p.Reset(); return b.changed(nil) })
	def("step", func(a []js.Value) string {
		n, err := numberArg("step", "n", a, 0)
		ran := 0
		if err == nil {
			ran, err = p.Step(n)
		}
		b.c.NoteUI()
		return api.Reply(ran, err)
	})
	def("predict", func(a []js.Value) string {
		x, y, err := pointArgs("predict", a)
		if err != nil {
			return api.Reply(nil, err)
		}
		return api.Reply(p.Predict(x, y))
	})
	def("toScreen", func(a []js.Value) string {
		x, y, err := pointArgs("toScreen", a)
		if err != nil {
			return api.Reply(nil, err)
		}
		return api.Reply(p.ToScreen(x, y))
	})
	def("toggle", func([]js.Value) string {
		running := p.Toggle()
		c.NoteUI()
		return api.Reply(running, nil)
	})
	// key(event, onButton) answers a keydown the page forwards (see api.Playground.Key):
	// whether it was a shortcut.
	def("key", func(a []js.Value) string {
		if len(a) == 0 || a[0].Type() != js.TypeObject {
			return api.Reply(false, nil)
		}
		e := a[0]
		handled := p.Key(e.Get("key").String(), e.Get("repeat").Bool(), mods(e), len(a) > 1 && a[1].Truthy())
		c.NoteUI()
		return api.Reply(handled, nil)
	})
}

// defineData defines the data and history calls: regenerate, exportData, dataJSON,
// importData, loadFile, undo, redo, newGroup and configureIn.
func (b *bridge) defineData(def definer) {
	p := &b.c.API
	def("regenerate", func([]js.Value) string { return b.changed(p.Regenerate()) })
	def("exportData", func([]js.Value) string { return api.Reply(p.ExportData(), nil) })
	def("dataJSON", func([]js.Value) string { return api.Reply(p.DataJSON(), nil) })
	def("importData", func(a []js.Value) string {
		text, err := textArg("importData", a, 0)
		if err == nil {
			err = p.ImportData(text)
		}
		return b.changed(err)
	})
	def("loadFile", func(a []js.Value) string {
		text, err := textArg("loadFile", a, 0)
		what := ""
		if err == nil {
			what, err = p.LoadFile(text)
		}
		b.c.NoteUI()
		return api.Reply(what, err)
	})
	def("undo", func([]js.Value) string { return b.changed(p.Undo()) })
	def("redo", func([]js.Value) string { return b.changed(p.Redo()) })
	def("newGroup", func([]js.Value) string { return api.Reply(p.NewGroup(), nil) })
	def("configureIn", func(a []js.Value) string {
		g, err := numberArg("configure", "group", a, 0)
		if err != nil {
			return b.changed(err)
		}
		return b.jsonCall("configure", a, 1, func(data []byte) error { return p.ConfigureIn(g, data) })
	})
}

// defineInternal defines the calls for the page and the tests that are not part of the API:
// heap, poll, phoneHeight and keepsTouch.
func (b *bridge) defineInternal(obj js.Value, def definer) {
	p := &b.c.API
	c := b.c
	// heap collects the garbage and answers the Go heap then in use, in bytes: what the
	// program holds, not what its callers allocated and dropped (for the tests; not part
	// of the API). The second collection frees what finalizers released in the first (the
	// references to JavaScript values the frame let go of).
	def("heap", func([]js.Value) string {
		runtime.GC()
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return api.Reply(m.HeapAlloc, nil)
	})
	// poll(arr) fills a Float64Array with the counters the page refreshes every animation
	// frame: [session version, UI revision, epoch, epochs/s, running (0/1), maths computed
	// (api.Playground.MathCount)]. It answers nothing and builds no strings, so polling
	// costs next to nothing.
	poll := js.FuncOf(func(this js.Value, args []js.Value) any {
		// The array comes from the top page's realm: check its shape, not its class.
		if len(args) == 0 || args[0].Type() != js.TypeObject || args[0].Get("length").Type() != js.TypeNumber ||
			args[0].Length() < 6 {
			return nil
		}
		arr := args[0]
		arr.SetIndex(0, float64(p.S.Version()))
		arr.SetIndex(1, float64(c.Revision()))
		arr.SetIndex(2, p.S.Epoch())
		arr.SetIndex(3, c.Meter.Stats().EpochsPerSecond)
		running := 0
		if p.S.Running() {
			running = 1
		}
		arr.SetIndex(4, running)
		arr.SetIndex(5, float64(p.MathCount()))
		return nil
	})
	obj.Set("poll", poll)

	// phoneHeight(w) is the canvas height the phone layout wants at a width of w CSS px.
	phone := js.FuncOf(func(this js.Value, args []js.Value) any {
		if len(args) == 0 || args[0].Type() != js.TypeNumber {
			return 0
		}
		return view.PhoneHeight(args[0].Float())
	})
	obj.Set("phoneHeight", phone)

	// keepsTouch(x, y) answers at once whether a finger put down at (x, y), CSS px on the
	// canvas, is the canvas's (see interact.KeepsTouch); the canvas page leaves the others
	// to the browser, which may scroll the page with them.
	keeps := js.FuncOf(func(this js.Value, args []js.Value) any {
		if len(args) < 2 || args[0].Type() != js.TypeNumber || args[1].Type() != js.TypeNumber {
			return true
		}
		return interact.KeepsTouch(p.S, p.UI, args[0].Float(), args[1].Float())
	})
	obj.Set("keepsTouch", keeps)
}

// changed answers a call that may have changed what the controls show.
func (b *bridge) changed(err error) string {
	b.c.NoteUI()
	return api.Reply(nil, err)
}

// announce tells the canvas page that the playground is ready (its nnplayReady hook hands
// the API to the top-level page).
func announce() {
	if hook := js.Global().Get("nnplayReady"); hook.Type() == js.TypeFunction {
		hook.Invoke()
	}
}

// jsonArg returns argument i as JSON text: the shim passes JSON.stringify's result; anything
// else (a missing argument) becomes "null", which the API refuses with its own message. Text
// longer than api.MaxArgLength is refused before it is copied out of JavaScript.
func jsonArg(call string, a []js.Value, i int) ([]byte, error) {
	if i >= len(a) || a[i].Type() != js.TypeString {
		return []byte("null"), nil
	}
	return stringArg(call, a[i])
}

// textArg returns argument i, a string, as bytes, or an error naming the call.
func textArg(call string, a []js.Value, i int) ([]byte, error) {
	if i >= len(a) || a[i].Type() != js.TypeString {
		got := "nothing"
		if i < len(a) {
			got = describe(a[i])
		}
		return nil, argError{call + ": want the file's text as a string, got " + got}
	}
	return stringArg(call, a[i])
}

// wrapped returns the JS string v as a String object (new Object(v)), whose length and slice
// are read without copying the text into Go.
func wrapped(v js.Value) js.Value { return js.Global().Get("Object").New(v) }

// stringArg copies the JS string v out, unless it is longer than api.MaxArgLength.
func stringArg(call string, v js.Value) ([]byte, error) {
	if err := api.CheckArgLength(call, wrapped(v).Length()); err != nil {
		return nil, err
	}
	return []byte(v.String()), nil
}

// jsonCall answers a call whose argument i is JSON text, handled by f.
func (b *bridge) jsonCall(call string, a []js.Value, i int, f func([]byte) error) string {
	data, err := jsonArg(call, a, i)
	if err == nil {
		err = f(data)
	}
	return b.changed(err)
}

// numberArg returns argument i, a number, or an error naming the call and the argument.
func numberArg(call, name string, a []js.Value, i int) (float64, error) {
	if i >= len(a) || a[i].Type() != js.TypeNumber {
		got := "nothing"
		if i < len(a) {
			got = describe(a[i])
		}
		return 0, argError{call + ": " + name + " must be a number, got " + got}
	}
	return a[i].Float(), nil
}

// pointArgs returns arguments 0 and 1, a point (x, y) of the plane, or an error naming the
// call and the argument at fault.
func pointArgs(call string, a []js.Value) (x, y float64, err error) {
	if x, err = numberArg(call, "x", a, 0); err != nil {
		return 0, 0, err
	}
	if y, err = numberArg(call, "y", a, 1); err != nil {
		return 0, 0, err
	}
	return x, y, nil
}

// describe names a JS value for an error message (a long string by its start only).
func describe(v js.Value) string {
	switch v.Type() {
	case js.TypeString:
		if w := wrapped(v); w.Length() > 40 {
			return strconv.Quote(w.Call("slice", 0, 40).String()) + "… (" + strconv.Itoa(w.Length()) + " characters)"
		}
		return strconv.Quote(v.String())
	case js.TypeBoolean:
		return strconv.FormatBool(v.Bool())
	}
	return v.Type().String()
}

// argError is a refused argument.
type argError struct{ msg string }

func (e argError) Error() string { return e.msg }

//go:build js && wasm

package main

import (
	"syscall/js"
	"time"

	"nnplay/api"
	"nnplay/view"
)

// definePicture defines picture: the plot as a PNG file (api.Playground.Picture), answered
// as a Uint8Array of the canvas page's realm, which the shim copies into one of the caller's
// (a JSON reply would turn the bytes into text three times as long); a refusal answers
// api.Reply's JSON text instead. It blocks for the whole drawing and encoding, a few hundred
// ms in a browser.
//
// It defines picturePixels too, for the page's "save picture" button, which must not block
// the page: it answers a Promise of the same picture's pixels, {width, height, pixels} with
// pixels a Uint8ClampedArray of opaque RGBA rows, drawn of the playground as it is at the
// call (api.Playground.PictureJob) in pieces between which the page goes on (drawPicture);
// the page encodes them as PNG.
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
	obj.Set("picturePixels", js.FuncOf(func(js.Value, []js.Value) any {
		job := p.PictureJob()
		start := js.FuncOf(func(_ js.Value, a []js.Value) any {
			go drawPicture(job, a[0])
			return nil
		})
		defer start.Release()
		return js.Global().Get("Promise").New(start)
	}))
}

// pictureRows is the work of one piece of the picture (view.PictureJob.Step): rows, or
// points; a fraction of a millisecond each.
const pictureRows = 16

// pictureSlice is how long the picture's pieces run before the page gets the thread back.
const pictureSlice = 8 * time.Millisecond

// drawPicture runs job to the end and copies its pixels into a Uint8ClampedArray, piece by
// piece, and resolves the promise with them. Every pictureSlice it sleeps for a millisecond:
// with every goroutine asleep, Go hands the thread back to the browser, which draws its
// frames (and ours: Ebiten's frames go on) until the timer wakes it.
func drawPicture(job *view.PictureJob, resolve js.Value) {
	last := time.Now()
	pause := func() {
		if time.Since(last) >= pictureSlice {
			time.Sleep(time.Millisecond)
			last = time.Now()
		}
	}
	for !job.Step(pictureRows) {
		pause()
	}
	img := job.Image()
	arr := js.Global().Get("Uint8ClampedArray").New(len(img.Pix))
	for y := 0; y < img.Rect.Dy(); y += pictureRows {
		from, to := y*img.Stride, min(y+pictureRows, img.Rect.Dy())*img.Stride
		js.CopyBytesToJS(arr.Call("subarray", from, to), img.Pix[from:to])
		pause()
	}
	pic := js.Global().Get("Object").New()
	pic.Set("width", img.Rect.Dx())
	pic.Set("height", img.Rect.Dy())
	pic.Set("pixels", arr)
	resolve.Invoke(pic)
}

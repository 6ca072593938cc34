//go:build js && wasm

package main

import (
	"errors"
	"syscall/js"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"nnplay/api"
	"nnplay/session"
	"nnplay/view"
)

// Game is the playground in the browser, in the manner of Ebiten's examples: Update hands
// the input queued since the last frame to the canvas's Frame (api.Canvas: controller,
// training, pictures, all plain Go tested natively); Draw only renders the prepared
// pictures; LayoutF sizes the screen in device pixels for crisp text.
//
// Everything here runs on the one JS thread: Ebiten's frames, the DOM event callbacks and
// the scripting API's calls take turns and never overlap, so the session needs no lock.
type Game struct {
	c       *api.Canvas
	painter *painter
	input   inputQueue
	clock   func() time.Duration // since the game started, monotonic
	size    api.Input            // the canvas's size and scale, from LayoutF
	cursor  *cursorStyle         // the canvas's mouse cursor
	ready   bool                 // the page was told the playground is ready
}

// newGame returns the game with a session of the default settings, playing.
func newGame() (*Game, error) {
	s, err := session.New(session.DefaultSettings())
	if err != nil {
		return nil, err
	}
	s.SetRunning(true)
	c := api.NewCanvas(s)
	start := time.Now()
	g := &Game{
		c:       c,
		painter: newPainter(c.Pics),
		clock:   func() time.Duration { return time.Since(start) },
		size:    api.Input{Scale: 1},
	}
	canvas := js.Global().Get("document").Call("querySelector", "canvas")
	if !canvas.Truthy() {
		return nil, errors.New("nnplay: Ebiten's canvas is missing")
	}
	g.input.listen(canvas, g.clock)
	g.cursor = newCursorStyle(canvas)
	newBridge(g)
	return g, nil
}

// Update does the frame's work on the input queued since the last frame.
func (g *Game) Update() error {
	in := g.size
	in.Events = g.input.events
	g.c.Frame(in, g.clock)
	g.input.events = g.input.events[:0]
	g.cursor.show(view.CursorOf(&g.c.UI))
	return nil
}

// Draw renders the prepared pictures; the first frame tells the page the playground is ready.
func (g *Game) Draw(screen *ebiten.Image) {
	t0 := g.clock()
	prepared := t0 + g.painter.draw(screen, g.c.API.S, &g.c.UI, g.clock)
	end := g.clock()
	g.c.Meter.Part(api.PartPrepare, t0, prepared)
	g.c.Meter.Part(api.PartSubmit, prepared, end)
	g.c.Meter.Draw(end - t0)
	if !g.ready && g.c.UI.Layout.Width > 0 {
		g.ready = true
		announce()
	}
}

// Layout is required by ebiten.Game; LayoutF is used instead.
func (g *Game) Layout(w, h int) (int, int) {
	sw, sh := g.LayoutF(float64(w), float64(h))
	return int(sw), int(sh)
}

// LayoutF makes the screen the canvas's size in device pixels, so that text and lines are
// crisp on high-DPI screens; the pictures are laid out in CSS px and drawn at ui.Scale.
func (g *Game) LayoutF(w, h float64) (float64, float64) {
	k := ebiten.Monitor().DeviceScaleFactor()
	if !(k > 0) {
		k = 1
	}
	g.size = api.Input{Width: w, Height: h, Scale: k}
	return w * k, h * k
}

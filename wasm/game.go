//go:build js && wasm

package main

import (
	"errors"
	"runtime"
	"syscall/js"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"nnplay/api"
	"nnplay/interact"
	"nnplay/session"
	"nnplay/view"
)

// heapEvery is how often the Go heap is sampled for the frame statistics (ReadMemStats
// stops the world, so not every frame).
const heapEvery = 2 * time.Second

// Game is the playground in the browser. Update reads the queued input into the interaction
// controller, trains for this frame's budget, records the losses and prepares the pictures;
// Draw only renders them; LayoutF sizes the screen in device pixels for crisp text.
//
// Everything here runs on the one JS thread: Ebiten's frames, the DOM event callbacks and
// the scripting API's calls take turns and never overlap, so the session needs no lock.
type Game struct {
	s       *session.Session
	ui      view.UI
	ctl     *interact.Controller
	api     api.Playground
	painter *painter
	input   inputQueue
	pacer   session.Pacer
	meter   api.FrameMeter

	start time.Time
	clock func() time.Duration // time since start, monotonic

	cssW, cssH float64 // the canvas in CSS px, from LayoutF
	scale      float64 // device pixels per CSS px

	heapAt  time.Duration // when the heap was last sampled
	mem     runtime.MemStats
	ready   bool   // the page was told the playground is ready
	uiRev   uint64 // counts changes the page's controls show besides the session's Version
	seen    seenUI
	canvas  js.Value // Ebiten's canvas, which the input listens on
	bridged *bridge
}

// seenUI is what the page last saw of the state outside the session's Version.
type seenUI struct {
	brush    float64
	logLoss  bool
	discrete bool
	hideTest bool
	err      string
	notices  int
	canUndo  bool
}

// newGame returns the game with a session of the default settings, playing.
func newGame() (*Game, error) {
	s, err := session.New(session.DefaultSettings())
	if err != nil {
		return nil, err
	}
	s.SetRunning(true)
	g := &Game{
		s:       s,
		ctl:     interact.New(),
		painter: newPainter(),
		start:   time.Now(),
		scale:   1,
		ui:      view.UI{Selected: -1, Dragging: -1, Menu: -1, Brush: 1, Scale: 1},
	}
	g.clock = func() time.Duration { return time.Since(g.start) }
	g.api = api.Playground{S: s, UI: &g.ui, Ctl: g.ctl}
	canvas := js.Global().Get("document").Call("querySelector", "canvas")
	if !canvas.Truthy() {
		return nil, errors.New("nnplay: Ebiten's canvas is missing")
	}
	g.canvas = canvas
	g.input.listen(canvas, g.clock)
	g.bridged = newBridge(g)
	return g, nil
}

// Update handles the input queued since the last frame, trains for this frame's budget,
// records the losses once and prepares the pictures.
func (g *Game) Update() error {
	t0 := g.clock()
	g.meter.Begin(t0)
	g.ui.Scale = g.scale
	if g.ui.Layout.Width != g.cssW || g.ui.Layout.Height != g.cssH {
		g.ui.Layout = view.NewLayout(g.cssW, g.cssH)
	}
	for i := range g.input.events {
		if err := g.ctl.Handle(g.s, &g.ui, g.input.events[i]); err != nil {
			g.api.Notify(err)
		}
	}
	g.input.events = g.input.events[:0]
	g.ctl.Tick(g.s, &g.ui, t0)

	tTrain := g.clock()
	epochs := g.train()
	train := g.clock() - tTrain

	m := g.s.Record()
	tField := g.clock()
	g.painter.update(g.s, &g.ui, m)
	end := g.clock()
	g.meter.Update(end-t0-train, train, end-tField, epochs)

	if end-g.heapAt >= heapEvery || g.heapAt == 0 {
		g.heapAt = end
		runtime.ReadMemStats(&g.mem)
		g.meter.SetHeap(g.mem.HeapAlloc)
	}
	g.noteUI()
	return nil
}

// gestureBudget bounds a frame's training while a pointer is down, so that a dragged point
// follows the finger at the frame rate drawing alone allows.
const gestureBudget = 12 * time.Millisecond

// train runs this frame's epochs with the session's pacer: at an explicit speed those due
// since the last frame, at speed 0 as many as fit the frame's budget (session.BudgetShare of
// the frame interval), shorter while the user drags.
func (g *Game) train() int {
	limit := time.Duration(0)
	if g.ctl.Busy() {
		limit = gestureBudget
	}
	n, err := g.s.Advance(&g.pacer, limit, g.clock)
	if errors.Is(err, session.ErrNoTrainingPoints) {
		g.api.Notify(err)
	}
	return n
}

// noteUI counts a change of what the controls show outside the session's Version.
func (g *Game) noteUI() {
	now := seenUI{g.ui.Brush, g.ui.LogLoss, g.ui.Discrete, g.ui.HideTest, g.s.Err(), g.api.Notes, g.s.CanUndo()}
	if now != g.seen {
		g.seen = now
		g.uiRev++
	}
}

// Draw renders the prepared pictures; the first frame tells the page the playground is ready.
func (g *Game) Draw(screen *ebiten.Image) {
	t0 := g.clock()
	g.painter.draw(screen, g.s, &g.ui)
	g.meter.Draw(g.clock() - t0)
	if !g.ready && g.ui.Layout.Width > 0 {
		g.ready = true
		g.bridged.announce()
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
	g.cssW, g.cssH, g.scale = w, h, k
	return w * k, h * k
}

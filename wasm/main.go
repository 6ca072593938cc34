//go:build js && wasm

// Command wasm is nnplay in the browser: an Ebiten game that draws a playground's session
// (the data plot with the decision boundary, the network, the loss curves) and trains it as
// it draws, with the scripting API on the page's window. It only wires; the logic lives in
// the packages interact, api, view, session and nn.
package main

import (
	"syscall/js"

	"github.com/hajimehoshi/ebiten/v2"
)

func main() {
	g, err := newGame()
	if err == nil {
		ebiten.SetTPS(ebiten.SyncWithFPS) // one Update per drawn frame: training is budgeted per frame
		ebiten.SetWindowTitle("nnplay")
		ebiten.SetRunnableOnUnfocused(true)
		// Draw fills the whole screen with the opaque paper first, so Ebiten's own clearing
		// of it before every Draw would be a pass over the canvas for nothing.
		ebiten.SetScreenClearedEveryFrame(false)
		err = ebiten.RunGame(g)
	}
	if err != nil {
		fail(err)
	}
}

// fail shows a fatal error on the page (never on the console) through the canvas page's
// nnplayFailed hook.
func fail(err error) {
	if hook := js.Global().Get("nnplayFailed"); hook.Type() == js.TypeFunction {
		hook.Invoke(err.Error())
	}
}

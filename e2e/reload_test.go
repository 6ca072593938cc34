//go:build !(js && wasm)

package e2e

import (
	"testing"
	"time"
)

// TestCanvasReload: when the canvas page reloads (as Ebiten's does after losing its WebGL
// context), no call reaches the program that was unloaded: until the new program is ready
// the API throws, and then the API and the keyboard shortcuts act on the new program, which
// opens the work the page kept (the settings; not the selection, which is no work).
func TestCanvasReload(t *testing.T) {
	p := open(t)
	p.do("configure", map[string]any{"learningRate": 0.3}) // the new program starts at 1
	p.do("followPoint", 3)                                 // and with nothing selected
	if err := p.tab.WaitFor(`(JSON.parse(localStorage.getItem("nnplay.session")) || {settings: {}}).settings.learningRate === 0.3`, 10*time.Second); err != nil {
		t.Fatalf("the page did not keep the learning rate: %v", err)
	}
	eval[bool](p, `(() => { const w = document.getElementById("canvas").contentWindow;
		w.nnplayOld = true; w.location.reload(); return true; })()`)
	if err := p.tab.WaitFor(`!document.getElementById("canvas").contentWindow.nnplayOld`, ready); err != nil {
		t.Fatalf("the canvas page did not reload: %v", err)
	}
	answer := eval[string](p, `(() => { try { return "selected " + nnplay.state().selected; }
		catch (e) { return "threw: " + e.message; } })()`)
	if answer == "selected 3" {
		t.Errorf("after the canvas page reloaded, nnplay.state() answered from the unloaded program (%s)", answer)
	}
	if err := p.tab.WaitFor(`(() => { try { const st = nnplay.state(); return st.selected === null && st.settings.learningRate === 0.3; }
		catch (e) { return false; } })()`, ready); err != nil {
		t.Fatalf("the new program did not attach, or did not open the kept work: %v (at first: %s)", err, answer)
	}
	p.pause()
	if err := p.tab.Keys(" ", 0); err != nil {
		t.Fatal(err)
	}
	if st := p.state(); !st.Running {
		t.Errorf("space after the reload did not play the new program")
	}
	if err := p.tab.Keys(" ", 0); err != nil {
		t.Fatal(err)
	}
	epoch := p.state().Epoch
	if err := p.tab.Keys("s", 0); err != nil {
		t.Fatal(err)
	}
	if st := p.state(); st.Running || st.Epoch != epoch+1 {
		t.Errorf("space, then s: running %v, epoch %d → %d; want paused, one epoch more", st.Running, epoch, st.Epoch)
	}
}

//go:build !(js && wasm)

package e2e

import (
	"fmt"
	"testing"
	"time"
)

// TestTrains: playing, the training loss falls within a few seconds and the epoch
// advances; step(n) advances exactly n epochs, paused or playing.
func TestTrains(t *testing.T) {
	p := open(t)
	p.do("reset")
	p.do("play")
	first := p.state()
	if first.TrainLoss == nil {
		t.Fatalf("trainLoss is null on the default data set")
	}
	var last State
	p.until(30*time.Second, func() error {
		if last = p.status(); last.TrainLoss == nil || *last.TrainLoss >= 0.7**first.TrainLoss || last.Epoch <= first.Epoch {
			return fmt.Errorf("playing, epoch %d → %d and trainLoss %.4f → %s; want the loss to fall by 30%%",
				first.Epoch, last.Epoch, *first.TrainLoss, fmtPtr(last.TrainLoss))
		}
		return nil
	})
	t.Logf("trainLoss %.4f at epoch %d → %.4f at epoch %d", *first.TrainLoss, first.Epoch, *last.TrainLoss, last.Epoch)

	// The page shows the epoch and the speed in its own text, in step with the session.
	shown := func() (epoch, perSecond float64, ok bool) {
		v := eval[[]float64](p, `(() => { const t = document.body.innerText;
			const e = /epoch\s+([\d,\u202f\u00a0 ]*\d)/i.exec(t), s = /([\d,.\u202f\u00a0]*\d)\s*epochs\s*\/\s*s/i.exec(t);
			const num = m => m ? Number(m[1].replace(/[,\u202f\u00a0 ]/g, "")) : -1;
			return [num(e), num(s)]; })()`)
		return v[0], v[1], v[0] >= 0 && v[1] >= 0
	}
	if _, eps, ok := shown(); !ok {
		t.Errorf("the page's text shows no \"epoch N\" and \"N epochs/s\"")
	} else if eps <= 0 {
		t.Errorf("while training, the page shows %v epochs/s", eps)
	}
	p.pause()
	p.frames(3)
	if e, _, ok := shown(); ok && int(e) != p.state().Epoch {
		t.Errorf("paused at epoch %d, the page shows epoch %v", p.state().Epoch, e)
	}
	for _, n := range []int{1, 7, 250} {
		before := p.state().Epoch
		p.do("step", n)
		if got := p.state().Epoch - before; got != n {
			t.Errorf("paused, step(%d) advanced %d epochs", n, got)
		}
		if p.state().Running {
			t.Errorf("step(%d) started playing", n)
		}
	}
	// Playing: between the two reads in one script nothing else runs, so the step is exact.
	p.do("play")
	got := eval[int](p, `(() => { const a = nnplay.state().epoch; nnplay.step(5); return nnplay.state().epoch - a; })()`)
	if got != 5 {
		t.Errorf("playing, step(5) advanced %d epochs within one script", got)
	}
	if !p.state().Running {
		t.Errorf("step while playing paused the playground")
	}
}

// heapMargin is how much more Go heap a long run of training may hold than a shorter one. A
// bounded heap still steps up now and then while the pictures change (a buffer that outgrew
// its capacity doubles: steps of about 300 KB, seen in the first hundred frames), and that
// is no leak; keeping a few kilobytes of every frame, or a dozen bytes of every epoch, over
// heapFrames frames and heapEpochs epochs is more than the margin.
const heapMargin = 768 << 10

// The short run trains warmFrames frames and warmEpochs epochs; the long one heapFrames
// frames and heapEpochs epochs more.
const (
	warmFrames, warmEpochs = 100, 20000
	heapFrames, heapEpochs = 250, 60000
)

// TestHeapBounded: training flat out on 500 points, the Go heap stays bounded. The page's
// heap call collects the garbage first, so what it measures is what the program holds, not
// the garbage of this test's own calls (status() while it waits, without the points); it
// holds no more after a long run of training than after a shorter one, give or take
// heapMargin.
func TestHeapBounded(t *testing.T) {
	p := open(t)
	p.do("configure", map[string]any{"numPoints": 500, "speed": 0})
	p.do("play")
	type sample struct {
		bytes         float64
		frames, epoch int
	}
	// trainTo waits until the canvas has drawn frames frames and trained epoch epochs, and
	// returns the heap then.
	trainTo := func(frames, epoch int) sample {
		t.Helper()
		p.until(3*time.Minute, func() error {
			if st := p.status(); !st.Running || st.Frame.Frames < frames || st.Epoch < epoch {
				return fmt.Errorf("running %v at frame %d and epoch %d, want frame %d and epoch %d",
					st.Running, st.Frame.Frames, st.Epoch, frames, epoch)
			}
			return nil
		})
		h := eval[float64](p, `nnplayPage.call("heap")`)
		st := p.status()
		return sample{h, st.Frame.Frames, st.Epoch}
	}
	h0 := trainTo(warmFrames, warmEpochs)
	h1 := trainTo(h0.frames+heapFrames, h0.epoch+heapEpochs)
	msg := fmt.Sprintf("the Go heap held %.3f MB at frame %d, epoch %d; %.3f MB at frame %d, epoch %d (%+.1f KB)",
		h0.bytes/1e6, h0.frames, h0.epoch, h1.bytes/1e6, h1.frames, h1.epoch, (h1.bytes-h0.bytes)/1024)
	t.Log(msg)
	if h1.bytes > h0.bytes+heapMargin {
		t.Errorf("the Go heap grows while training: %s, more than %d KB", msg, heapMargin>>10)
	}
}

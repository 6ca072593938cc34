//go:build !(js && wasm)

package e2e

import (
	"testing"
	"time"

	"nnplay/internal/browser"
)

// TestTrains: playing, the training loss falls within a few seconds and the epoch
// advances; step(n) advances exactly n epochs, paused or playing.
func TestTrains(t *testing.T) {
	p := open(t, browser.Desktop)
	p.do("reset")
	p.do("play")
	first := p.state()
	if first.TrainLoss == nil {
		t.Fatalf("trainLoss is null on the default data set")
	}
	deadline := time.Now().Add(20 * time.Second)
	var last State
	for {
		last = p.state()
		if last.TrainLoss != nil && *last.TrainLoss < 0.7**first.TrainLoss && last.Epoch > first.Epoch {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("after 20 s of play, epoch %d → %d and trainLoss %.4f → %v; want the loss to fall by 30%%",
				first.Epoch, last.Epoch, *first.TrainLoss, fmtPtr(last.TrainLoss))
		}
		time.Sleep(200 * time.Millisecond)
	}
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

	// Training flat out, the Go heap stays bounded: its peak over the second half of a
	// few seconds is no more than 1.5 times (plus 2 MB of slack) the peak over the first.
	p.do("configure", map[string]any{"numPoints": 500, "speed": 0})
	p.do("play")
	var heap []float64
	for end := time.Now().Add(6 * time.Second); time.Now().Before(end); time.Sleep(150 * time.Millisecond) {
		f := p.state().Frame
		if f.HeapBytes == nil {
			t.Fatalf("state().frame has no heapBytes")
		}
		heap = append(heap, *f.HeapBytes)
	}
	half := len(heap) / 2
	peak1, peak2 := maxOf(heap[:half]), maxOf(heap[half:])
	t.Logf("Go heap peak %.1f MB, then %.1f MB, over %d samples", peak1/1e6, peak2/1e6, len(heap))
	if peak2 > 1.5*peak1+2e6 {
		t.Errorf("the Go heap grows while training: peak %.1f MB, then %.1f MB", peak1/1e6, peak2/1e6)
	}
}

// maxOf returns the largest of xs.
func maxOf(xs []float64) float64 {
	m := xs[0]
	for _, x := range xs[1:] {
		m = max(m, x)
	}
	return m
}

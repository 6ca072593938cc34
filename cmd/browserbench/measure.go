//go:build !(js && wasm)

package main

import (
	"fmt"
	"strings"
	"time"

	"nnplay/api"
	"nnplay/internal/browser"
)

// result is what one flag set measured.
type result struct {
	name, ua     string
	epochsPerSec float64
	goMs         []float64               // the Go side of every frame measured, in order
	parts, at    [][api.NumParts]float64 // each frame's parts (api.FrameLog), ms
	clock        clockMap                // the frames' clock against the wall clock
	sched        *schedResult            // with -sched: the scheduler's view of the frames
	lost         int                     // frames that left the page's log before they were read
	pageP95      float64                 // the page's own p95 at the end
	// Readings of the last frame, every readEvery.
	update, field, draw, train, fps []float64
	heapMB                          float64
	readyMs, firstFrameMs           float64
	problems                        []browser.Problem
	mathsPerSec                     float64 // the maths panel's updates, computed inside the frames
	gpu, bare                       gpuLoad // the GPU process: while measuring, and for a bare canvas
}

// frameLog is the page's log of frames (api.FrameLog).
type frameLog struct {
	Frames int                     `json:"frames"`
	Lost   int                     `json:"lost"`
	GoMs   []float64               `json:"goMs"`
	Parts  [][api.NumParts]float64 `json:"parts"`
	At     [][api.NumParts]float64 `json:"at"`
	NowMs  float64                 `json:"nowMs"`
}

// clockMap maps the frames' clock to CLOCK_MONOTONIC (monotonic): its ms = frames' ms +
// offset, read with an uncertainty of half the round trip rtt.
type clockMap struct{ offset, rtt float64 }

// reading is one status reading taken in the page.
type reading struct {
	Epoch int     `json:"epoch"`
	Now   float64 `json:"now"` // performance.now(), ms
	Frame struct {
		browser.Frame
		Frames int     `json:"frames"`
		P95Ms  float64 `json:"p95Ms"`
	} `json:"frame"`
}

const (
	readStatus = `(() => { const s = nnplayPage.status(); return {epoch: s.epoch, now: performance.now(), frame: s.frame}; })()`
	readLog    = `nnplayPage.call("frameLog", %d)`
	// readEvery is how often the last frame is read; the log of every frame is read every
	// logEvery, well within the page's FrameWindow of 128 frames at up to 60 frames/s.
	// readMaths reads how many times the frames have computed the maths panel's numbers
	// (the sixth of the page's counters).
	readMaths = `(() => { const a = new Float64Array(6); nnplayPage.poll(a); return a[5]; })()`
	readEvery = 250 * time.Millisecond
	logEvery  = time.Second
)

// log reads the frames drawn since the last reading into r.
func (r *result) log(tab *browser.Tab, after *int) error {
	sent := monotonic()
	l, err := browser.Eval[frameLog](tab, fmt.Sprintf(readLog, *after))
	if err != nil {
		return err
	}
	if back := monotonic(); r.clock.rtt == 0 || back-sent < r.clock.rtt {
		r.clock = clockMap{offset: (sent+back)/2 - l.NowMs, rtt: back - sent}
	}
	r.goMs = append(r.goMs, l.GoMs...)
	r.parts = append(r.parts, l.Parts...)
	r.at = append(r.at, l.At...)
	r.lost += l.Lost
	*after = l.Frames
	return nil
}

// measure opens the site in a Chromium started with fs's flags and measures it, then a bare
// canvas of the playground canvas's size in the same browser (measureBare). With o.sched,
// it traces the scheduler while it measures (see schedResult).
func measure(url string, fs flagSet, o options) (result, error) {
	r := result{name: fs.name}
	chrome, err := browser.StartWith(fs.flags)
	if err != nil {
		return r, err
	}
	defer chrome.Close()
	ua, _ := chrome.Version()
	if i := strings.Index(ua, "Chrome/"); i >= 0 {
		ua = strings.Fields(ua[i:])[0] // such as "Chrome/156.0.0.0"
	}
	r.ua = ua
	tab, err := chrome.NewTab(browser.Desktop)
	if err != nil {
		return r, err
	}
	defer tab.Close()
	if o.minInterval > 0 {
		if err := tab.InitScript(fmt.Sprintf(frameGap, float64(o.minInterval)/float64(time.Millisecond))); err != nil {
			return r, err
		}
	}
	if err := r.start(tab, url); err != nil {
		return r, err
	}
	if _, err := browser.Call[any](tab, "configure", map[string]any{"numPoints": 500, "testRatio": 0.5, "batchSize": 10, "speed": 0}); err != nil {
		return r, err
	}
	if _, err := browser.Call[any](tab, "play"); err != nil {
		return r, err
	}
	if err := showPanel(tab); err != nil {
		return r, err
	}
	time.Sleep(o.warmup) // training settles; the frames measured start after it
	maths0, err := browser.Eval[float64](tab, readMaths)
	if err != nil {
		return r, err
	}
	first, err := browser.Eval[reading](tab, readStatus)
	if err != nil {
		return r, err
	}
	after, last := first.Frame.Frames, first
	var trace *schedTrace
	if o.sched {
		if trace, err = startSched(); err != nil {
			return r, err
		}
		defer trace.cancel()
	}
	cpu0, _ := gpuCPU(chrome.DataDir())
	t0 := time.Now()
	if last, err = r.read(tab, o.duration, &after); err != nil {
		return r, err
	}
	cpu1, ok := gpuCPU(chrome.DataDir())
	r.gpu = load(cpu1-cpu0, float64(last.Frame.Frames-first.Frame.Frames), time.Since(t0), ok)
	if trace != nil {
		if r.sched, err = trace.analyse(&r); err != nil {
			return r, err
		}
	}
	if err := r.rates(tab, first, last, maths0, o.duration); err != nil {
		return r, err
	}
	size, err := browser.Eval[[2]int](tab, `(c => [c.width, c.height])(document.getElementById("canvas").contentDocument.querySelector("canvas"))`)
	if err != nil {
		return r, err
	}
	tab.Close() // the bare canvas is measured alone
	r.bare, err = measureBare(chrome, size[0], size[1], min(o.duration, 5*time.Second))
	return r, err
}

// rates sets what the frames measured over duration add up to, from the first and last
// readings and the maths panel's count at the start (maths0): the panel's updates and the
// epochs a second, the page's own p95 and heap, the page's problems. Fewer than two frames,
// or a panel that computed nothing, fails the run.
func (r *result) rates(tab *browser.Tab, first, last reading, maths0 float64, duration time.Duration) error {
	if len(r.goMs) < 2 {
		return fmt.Errorf("only %d frames in %v", len(r.goMs), duration)
	}
	maths, err := browser.Eval[float64](tab, readMaths)
	if err != nil {
		return err
	}
	if r.mathsPerSec = (maths - maths0) / duration.Seconds(); r.mathsPerSec <= 0 {
		return fmt.Errorf("the maths panel was in view, but its numbers were not computed")
	}
	r.epochsPerSec = float64(last.Epoch-first.Epoch) / ((last.Now - first.Now) / 1000)
	r.pageP95 = last.Frame.P95Ms
	if h := last.Frame.HeapBytes; h != nil {
		r.heapMB = *h / 1e6
	}
	r.problems = tab.Problems()
	return nil
}

// read reads the last frame every readEvery and the log of frames every logEvery for
// duration, then the log once more, and returns the last reading.
func (r *result) read(tab *browser.Tab, duration time.Duration, after *int) (last reading, err error) {
	nextLog := time.Now().Add(logEvery)
	for end := time.Now().Add(duration); time.Now().Before(end); time.Sleep(readEvery) {
		if last, err = browser.Eval[reading](tab, readStatus); err != nil {
			return last, err
		}
		f := last.Frame
		r.update = append(r.update, f.UpdateMs)
		r.draw = append(r.draw, f.DrawMs)
		r.train = append(r.train, f.TrainMs)
		r.fps = append(r.fps, f.FPS)
		if f.FieldMs != nil {
			r.field = append(r.field, *f.FieldMs)
		}
		if time.Now().After(nextLog) {
			if err := r.log(tab, after); err != nil {
				return last, err
			}
			nextLog = time.Now().Add(logEvery)
		}
	}
	return last, r.log(tab, after)
}

// start opens the site and times window.nnplay and the first drawn frame.
func (r *result) start(tab *browser.Tab, url string) error {
	if _, err := tab.Open(url, 120*time.Second); err != nil {
		return err
	}
	var err error
	if r.readyMs, err = browser.Eval[float64](tab, `performance.now()`); err != nil {
		return err
	}
	// The first drawn frame: the first status whose frame reports drawing time.
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		s, err := browser.Eval[reading](tab, readStatus)
		if err != nil {
			return err
		}
		if s.Frame.DrawMs > 0 || s.Frame.FPS > 0 {
			r.firstFrameMs = s.Now
			return nil
		}
	}
	return fmt.Errorf("no frame drawn within 30 s")
}

// showPanel scrolls the page just far enough that the top of the maths panel shows under the
// canvas, as a reader following the panel sees it: the frames then compute its numbers (a
// few times a second), and that work is inside the frames measured.
func showPanel(tab *browser.Tab) error {
	_, err := browser.Eval[bool](tab, `(document.getElementById("math-title").scrollIntoView({block: "end"}), true)`)
	return err
}

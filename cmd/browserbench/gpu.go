//go:build !(js && wasm)

package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"nnplay/internal/browser"
)

// clockTicks is Linux's USER_HZ, the unit of /proc's CPU times (100 on every architecture
// Go's linux ports run on).
const clockTicks = 100

// gpuCPU returns the CPU time, ms, that the GPU process of the Chromium whose user-data-dir
// is dir has used so far (its threads' user and system time, from /proc); ok is false
// where there is no /proc or no such process.
func gpuCPU(dir string) (ms float64, ok bool) { return gpuCPUIn("/proc", dir) }

// gpuCPUIn is gpuCPU reading the process table at proc.
func gpuCPUIn(proc, dir string) (ms float64, ok bool) {
	procs, _ := filepath.Glob(filepath.Join(proc, "[0-9]*"))
	for _, p := range procs {
		args := procArgs(p)
		if flagValue(args, "--type=") != "gpu-process" || flagValue(args, "--user-data-dir=") != dir {
			continue
		}
		tasks, _ := filepath.Glob(filepath.Join(p, "task", "*", "stat"))
		for _, t := range tasks {
			stat, err := os.ReadFile(t)
			if err != nil {
				continue
			}
			// The fields after the command's closing parenthesis: state is the first, utime
			// and stime the 12th and 13th.
			s := string(stat)
			f := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
			if len(f) < 13 {
				continue
			}
			u, _ := strconv.ParseFloat(f[11], 64)
			k, _ := strconv.ParseFloat(f[12], 64)
			ms += (u + k) * 1000 / clockTicks
			ok = true
		}
	}
	return ms, ok
}

// gpuLoad is the GPU process's CPU time over a span: per second, and per frame drawn.
type gpuLoad struct {
	perSec, perFrame, fps float64
	ok                    bool
}

// measureBare shows browser.CanvasPage at the playground canvas's size (w×h device pixels) in a tab
// of chrome, alone, and measures the GPU process's CPU time for duration.
func measureBare(chrome *browser.Browser, w, h int, duration time.Duration) (gpuLoad, error) {
	tab, err := chrome.NewTab(browser.Desktop)
	if err != nil {
		return gpuLoad{}, err
	}
	defer tab.Close()
	if _, err := tab.Visit(browser.CanvasPage(w, h), 20*time.Second); err != nil {
		return gpuLoad{}, err
	}
	time.Sleep(time.Second) // the first frames settle
	f0, err := browser.Eval[float64](tab, `nnplay.state()`)
	if err != nil {
		return gpuLoad{}, err
	}
	c0, _ := gpuCPU(chrome.DataDir())
	t0 := time.Now()
	time.Sleep(duration)
	c1, ok := gpuCPU(chrome.DataDir())
	f1, err := browser.Eval[float64](tab, `nnplay.state()`)
	if err != nil {
		return gpuLoad{}, err
	}
	return load(c1-c0, f1-f0, time.Since(t0), ok), nil
}

// load is the GPU load of cpu ms over frames drawn in span.
func load(cpu, frames float64, span time.Duration, ok bool) gpuLoad {
	return gpuLoad{perSec: cpu / span.Seconds(), perFrame: cpu / max(frames, 1), fps: frames / span.Seconds(), ok: ok}
}

// frameGap delays the animation frames of the playground's canvas page to at least ms
// apart, installed before the page's scripts (-min-interval): an experiment that leaves the
// GPU process idle between frames.
const frameGap = `(() => {
  if (!location.pathname.endsWith("/canvas.html")) return;
  const raf = window.requestAnimationFrame.bind(window); let last = -1e9;
  const wait = cb => raf(t => { if (t - last >= %g) { last = t; cb(t); } else { wait(cb); } });
  window.requestAnimationFrame = wait;
})()`

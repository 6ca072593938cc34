//go:build !(js && wasm)

package main

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
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
		cmd, err := os.ReadFile(filepath.Join(p, "cmdline"))
		if err != nil {
			continue
		}
		// Chromium rewrites its processes' titles, so the arguments may be split by spaces
		// rather than NULs.
		args := strings.FieldsFunc(string(cmd), func(r rune) bool { return r == 0 || r == ' ' })
		if !slices.Contains(args, "--type=gpu-process") || !slices.Contains(args, "--user-data-dir="+dir) {
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

// bareCanvas is a page whose only content is a WebGL canvas of the given size, cleared to a
// new colour every animation frame: what any animated canvas of that size costs the browser.
const bareCanvas = `data:text/html,<!doctype html><link rel="icon" href="data:,"><body style="margin:0">
<canvas id="c" width="%d" height="%d"></canvas><script>
const gl = document.getElementById("c").getContext("webgl2"); let k = 0;
(function f() { k++; gl.clearColor(k %%25 100 / 100, 0, 0, 1); gl.clear(gl.COLOR_BUFFER_BIT); requestAnimationFrame(f); })();
window.nnplay = {state() { return k; }};</script>`

// measureBare shows bareCanvas at the playground canvas's size (w×h device pixels) in a tab
// of chrome, alone, and measures the GPU process's CPU time for duration.
func measureBare(chrome *browser.Browser, w, h int, duration time.Duration) (gpuLoad, error) {
	tab, err := chrome.NewTab(browser.Desktop)
	if err != nil {
		return gpuLoad{}, err
	}
	defer tab.Close()
	if _, err := tab.Visit(fmt.Sprintf(bareCanvas, w, h), 20*time.Second); err != nil {
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

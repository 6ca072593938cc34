//go:build !(js && wasm)

// Command browserbench measures the playground in headless Chromium and prints a table:
// training speed (epochs/s at 250 training points — numPoints 500, testRatio 0.5 — batch
// 10, speed 0, over -duration), the Go side of every frame drawn meanwhile (update + draw,
// training excluded) at p50/p95/p99, the parts of a frame, the wasm's size raw and gzip -9,
// and the time from navigation start to window.nnplay and to the first drawn frame. The
// maths panel is in view throughout, so the frames compute its numbers too.
//
// It measures under two sets of Chromium flags, one column each (see browser.Flags and
// browser.AngleFlags): "disable-gpu" (the tests' flags: WebGL on SwiftShader, the compositor
// in software) and "angle" (--use-angle=swiftshader: the GPU process kept, WebGL and the
// compositor on ANGLE over SwiftShader).
//
// Below the table it prints the parts of a frame (api.Part) in the middle half of the frames
// and in those at or above the p95. With -sched (Linux, perf with access to the sched
// tracepoints, as root) it also records the machine's context switches while it measures and
// splits each frame's Go time into the time the page's main thread ran and the time it was
// preempted, and names the threads that ran instead (schedResult).
//
// Where there is a /proc (Linux) it reads the CPU time of the browser's GPU process, which
// rasterises and composites, over the frames measured, and then for a bare page in the same
// browser: a WebGL canvas of the playground canvas's size cleared every frame, what any
// animated canvas costs it. -min-interval, an experiment, holds the canvas's animation
// frames at least that far apart (frameGap), to see the frames with the GPU process idle
// between them.
//
//	go run ./cmd/browserbench [-duration 10s] [-warmup 3s] [-flags both|disable-gpu|angle] [-sched] [-min-interval 0]
//
// make bench runs it after the native benchmarks.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"nnplay/internal/browser"
)

// Targets from the issue, printed beside the figures.
const (
	targetEpochs  = 2000      // epochs/s at the setting measured
	targetFrameMs = 4.0       // Go side of a frame, ms
	targetGzip    = 3_355_000 // bytes of gzip -9 wasm
)

// flagSet is a set of Chromium flags to measure under.
type flagSet struct {
	name  string
	flags []string
}

var flagSets = []flagSet{{"disable-gpu", browser.Flags}, {"angle", browser.AngleFlags}}

func main() {
	which := flag.String("flags", "both", "the Chromium flags to measure under: both, disable-gpu or angle")
	var o options
	flag.DurationVar(&o.duration, "duration", 10*time.Second, "how long to measure training and frames")
	flag.DurationVar(&o.warmup, "warmup", 3*time.Second, "how long to let training settle before measuring")
	flag.BoolVar(&o.sched, "sched", false, "trace the scheduler with perf: how much of each frame the page's main thread ran")
	flag.DurationVar(&o.minInterval, "min-interval", 0, "an experiment: hold the canvas's animation frames at least this far apart")
	flag.Parse()
	sets := flagSets
	if *which != "both" {
		i := slices.IndexFunc(flagSets, func(f flagSet) bool { return f.name == *which })
		if i < 0 {
			fmt.Fprintf(os.Stderr, "browserbench: -flags %q: want both, disable-gpu or angle\n", *which)
			os.Exit(2)
		}
		sets = flagSets[i : i+1]
	}
	if err := run(os.Stdout, sets, o); err != nil {
		fmt.Fprintln(os.Stderr, "browserbench:", err)
		os.Exit(1)
	}
}

// options are the command's flags but the flag sets.
type options struct {
	duration, warmup time.Duration
	minInterval      time.Duration // > 0: the canvas's frames held this far apart (frameGap)
	sched            bool
}

// run builds and serves the site, measures it under each flag set and prints the table to
// out.
func run(out io.Writer, sets []flagSet, o options) error {
	fmt.Fprintln(out, "browserbench: building the site…")
	site, err := browser.StartSite()
	if err != nil {
		return err
	}
	defer site.Close()
	var results []result
	for _, fs := range sets {
		fmt.Fprintf(out, "browserbench: measuring under %s (%s)…\n", fs.name, strings.Join(fs.flags, " "))
		r, err := measure(site.URL, fs, o)
		if err != nil {
			return fmt.Errorf("%s: %w", fs.name, err)
		}
		for _, p := range r.problems {
			fmt.Fprintf(out, "warning: %s: the page reported %s\n", fs.name, p)
		}
		results = append(results, r)
	}
	raw, err := os.Stat(filepath.Join(site.Root, "main.wasm"))
	if err != nil {
		return err
	}
	gz, err := os.Stat(filepath.Join(site.Root, "main.wasm.gz"))
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "\n%s, headless, 1280×800 at scale 1\n", results[0].ua)
	fmt.Fprintf(out, "250 training points (numPoints 500, testRatio 0.5), batch 10, speed 0; every frame over %v\n", o.duration)
	if o.minInterval > 0 {
		fmt.Fprintf(out, "experiment: the canvas's animation frames held at least %v apart (-min-interval)\n", o.minInterval)
	}
	fmt.Fprintln(out)
	if err := table(out, results); err != nil {
		return err
	}
	fmt.Fprintf(out, "wasm raw %d bytes; gzip -9 %d bytes (≤ %d %s); site build %.1f s\n\n",
		raw.Size(), gz.Size(), targetGzip, verdict(gz.Size() <= targetGzip), site.BuildTime.Seconds())
	if err := partsTable(out, results); err != nil {
		return err
	}
	if o.sched {
		if err := schedTable(out, results); err != nil {
			return err
		}
	}
	fmt.Fprint(out, explanation)
	return nil
}

// explanation says how to read the table, printed below it.
const explanation = `How to read it: the Go frame rows cover every frame drawn while measuring (read from the
page's own log of frames, nnplayGo.frameLog), not single frames sampled now and then. Both
flag sets render WebGL in software; under angle the GPU process and the compositor run on
SwiftShader too, which draws more frames per second and keeps more threads busy, so on a
machine with few cores the Go code shares them with the rasteriser and its frames read
longer. Training takes its share (session.BudgetShare) of each frame's interval on top of
the Go frame and is excluded from it. The parts table says where the slow frames' time went;
with -sched, the scheduler's view says how much of it the page's main thread ran and what ran
while it waited for a CPU.
`

// table prints one column per flag set.
func table(out io.Writer, rs []result) error {
	w := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	fmt.Fprint(w, "measure")
	for _, r := range rs {
		fmt.Fprintf(w, "\t%s", r.name)
	}
	fmt.Fprint(w, "\ttarget\n")
	row := func(name, format, target string, v func(r result) float64, met func(float64) bool) {
		fmt.Fprint(w, name)
		ok := true
		for _, r := range rs {
			x := v(r)
			fmt.Fprintf(w, "\t"+format, x)
			ok = ok && (met == nil || met(x))
		}
		if target != "" {
			target += " " + verdict(ok)
		}
		fmt.Fprintf(w, "\t%s\n", target)
	}
	atMost := func(x float64) bool { return x <= targetFrameMs }
	row("epochs/s (epoch counter)", "%.0f", fmt.Sprintf("≥ %d", targetEpochs), func(r result) float64 { return r.epochsPerSec }, func(x float64) bool { return x >= targetEpochs })
	row("frames measured", "%.0f", "", func(r result) float64 { return float64(len(r.goMs)) }, nil)
	row("frames lost to the log", "%.0f", "", func(r result) float64 { return float64(r.lost) }, nil)
	row("Go frame p50, ms", "%.2f", fmt.Sprintf("≤ %.0f", targetFrameMs), func(r result) float64 { return pct(r.goMs, 50) }, atMost)
	row("Go frame p95, ms", "%.2f", fmt.Sprintf("≤ %.0f", targetFrameMs), func(r result) float64 { return pct(r.goMs, 95) }, atMost)
	row("Go frame p99, ms", "%.2f", "", func(r result) float64 { return pct(r.goMs, 99) }, nil)
	row("page's own p95 (last 128 frames), ms", "%.2f", "", func(r result) float64 { return r.pageP95 }, nil)
	row("  of which update p50, ms", "%.2f", "", func(r result) float64 { return pct(r.update, 50) }, nil)
	row("  of which pictures p50, ms", "%.2f", "", func(r result) float64 { return pct(r.field, 50) }, nil)
	row("  of which draw p50, ms", "%.2f", "", func(r result) float64 { return pct(r.draw, 50) }, nil)
	row("training per frame p50, ms", "%.2f", "", func(r result) float64 { return pct(r.train, 50) }, nil)
	row("frames/s p50", "%.1f", "", func(r result) float64 { return pct(r.fps, 50) }, nil)
	row("maths panel updates/s (in the frames)", "%.1f", "", func(r result) float64 { return r.mathsPerSec }, nil)
	if !slices.ContainsFunc(rs, func(r result) bool { return !r.gpu.ok || !r.bare.ok }) {
		row("GPU process CPU, ms per s", "%.0f", "", func(r result) float64 { return r.gpu.perSec }, nil)
		row("  per frame drawn, ms", "%.1f", "", func(r result) float64 { return r.gpu.perFrame }, nil)
		row("bare canvas of that size: GPU process, ms per s", "%.0f", "", func(r result) float64 { return r.bare.perSec }, nil)
		row("  per frame drawn, ms", "%.1f", "", func(r result) float64 { return r.bare.perFrame }, nil)
		row("  frames/s", "%.1f", "", func(r result) float64 { return r.bare.fps }, nil)
	}
	row("Go heap, last reading, MB", "%.1f", "", func(r result) float64 { return r.heapMB }, nil)
	row("navigation → window.nnplay, ms", "%.0f", "", func(r result) float64 { return r.readyMs }, nil)
	row("navigation → first frame, ms", "%.0f", "", func(r result) float64 { return r.firstFrameMs }, nil)
	return w.Flush()
}

// pct returns the p-th percentile (nearest rank) of xs, or 0 for none.
func pct(xs []float64, p float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	i := int(p/100*float64(len(s))+0.5) - 1
	return s[max(0, min(i, len(s)-1))]
}

// verdict marks a figure against its target.
func verdict(ok bool) string {
	if ok {
		return "(met)"
	}
	return "(MISSED)"
}

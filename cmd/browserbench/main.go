//go:build !(js && wasm)

// Command browserbench measures the playground in headless Chromium and prints a table:
// training speed (epochs/s at 250 training points — numPoints 500, testRatio 0.5 — batch
// 10, speed 0, sampled over -duration), the Go side of a frame (updateMs + drawMs, training
// excluded) at p50/p95, the field's share (fieldMs), the wasm's size raw and gzip -9, and
// the time from navigation start to window.nnplay and to the first drawn frame.
//
//	go run ./cmd/browserbench [-duration 10s] [-warmup 2s]
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

func main() {
	duration := flag.Duration("duration", 10*time.Second, "how long to sample training and frames")
	warmup := flag.Duration("warmup", 2*time.Second, "how long to let training settle before sampling")
	flag.Parse()
	if err := run(os.Stdout, *duration, *warmup); err != nil {
		fmt.Fprintln(os.Stderr, "browserbench:", err)
		os.Exit(1)
	}
}

// sample is one reading taken in the page.
type sample struct {
	Epoch int           `json:"epoch"`
	Now   float64       `json:"now"` // performance.now(), ms
	Frame browser.Frame `json:"frame"`
}

const readSample = `(() => { const s = nnplay.state(); return {epoch: s.epoch, now: performance.now(), frame: s.frame}; })()`

// run builds and serves the site, opens it in Chromium and prints the table to out.
func run(out io.Writer, duration, warmup time.Duration) error {
	fmt.Fprintln(out, "browserbench: building the site and starting Chromium…")
	site, err := browser.StartSite()
	if err != nil {
		return err
	}
	defer site.Close()
	chrome, err := browser.Start()
	if err != nil {
		return err
	}
	defer chrome.Close()
	ua, _ := chrome.Version()
	if i := strings.Index(ua, "Chrome/"); i >= 0 {
		ua = strings.Fields(ua[i:])[0] // such as "Chrome/156.0.0.0"
	}

	tab, err := chrome.NewTab(browser.Desktop)
	if err != nil {
		return err
	}
	defer tab.Close()
	if _, err := tab.Open(site.URL, 120*time.Second); err != nil {
		return err
	}
	readyMs, err := browser.Eval[float64](tab, `performance.now()`)
	if err != nil {
		return err
	}
	// The first drawn frame: the first state() whose frame reports drawing time.
	firstFrameMs := -1.0
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); {
		s, err := browser.Eval[sample](tab, readSample)
		if err != nil {
			return err
		}
		if s.Frame.DrawMs > 0 || s.Frame.FPS > 0 {
			firstFrameMs = s.Now
			break
		}
		time.Sleep(20 * time.Millisecond)
	}

	if _, err := browser.Call[any](tab, "configure", map[string]any{"numPoints": 500, "testRatio": 0.5, "batchSize": 10, "speed": 0}); err != nil {
		return err
	}
	if _, err := browser.Call[any](tab, "play"); err != nil {
		return err
	}
	time.Sleep(warmup)

	var samples []sample
	for end := time.Now().Add(duration); time.Now().Before(end); time.Sleep(100 * time.Millisecond) {
		s, err := browser.Eval[sample](tab, readSample)
		if err != nil {
			return err
		}
		samples = append(samples, s)
	}
	if len(samples) < 2 {
		return fmt.Errorf("only %d samples in %v", len(samples), duration)
	}
	first, last := samples[0], samples[len(samples)-1]
	epochsPerSec := float64(last.Epoch-first.Epoch) / ((last.Now - first.Now) / 1000)
	if probs := tab.Problems(); len(probs) > 0 {
		fmt.Fprintf(out, "warning: the page reported problems: %q\n", probs)
	}

	var goSide, field, train, fps []float64
	for _, s := range samples {
		goSide = append(goSide, s.Frame.UpdateMs+s.Frame.DrawMs)
		train = append(train, s.Frame.TrainMs)
		fps = append(fps, s.Frame.FPS)
		if s.Frame.FieldMs != nil {
			field = append(field, *s.Frame.FieldMs)
		}
	}
	raw, err := os.Stat(filepath.Join(site.Root, "main.wasm"))
	if err != nil {
		return err
	}
	gz, err := os.Stat(filepath.Join(site.Root, "main.wasm.gz"))
	if err != nil {
		return err
	}

	fmt.Fprintf(out, "\n%s, headless, SwiftShader WebGL; 1280×800 at scale 1\n", ua)
	fmt.Fprintf(out, "250 training points (numPoints 500, testRatio 0.5), batch 10, speed 0; %d samples over %.1f s\n\n", len(samples), (last.Now-first.Now)/1000)
	w := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	fmt.Fprintf(w, "measure\tvalue\ttarget\n")
	fmt.Fprintf(w, "epochs/s (epoch counter)\t%.0f\t≥ %d %s\n", epochsPerSec, targetEpochs, verdict(epochsPerSec >= targetEpochs))
	fmt.Fprintf(w, "epochs/s (frame.epochsPerSecond, p50)\t%.0f\t\n", pct(samplesEPS(samples), 50))
	fmt.Fprintf(w, "Go frame, update+draw, p50\t%.2f ms\t≤ %.0f ms %s\n", pct(goSide, 50), targetFrameMs, verdict(pct(goSide, 50) <= targetFrameMs))
	fmt.Fprintf(w, "Go frame, update+draw, p95\t%.2f ms\t≤ %.0f ms %s\n", pct(goSide, 95), targetFrameMs, verdict(pct(goSide, 95) <= targetFrameMs))
	if len(field) > 0 {
		fmt.Fprintf(w, "field time p50 / p95\t%.2f / %.2f ms\t\n", pct(field, 50), pct(field, 95))
	} else {
		fmt.Fprintf(w, "field time\tnot reported (no frame.fieldMs)\t\n")
	}
	fmt.Fprintf(w, "training time per frame, p50\t%.2f ms\t\n", pct(train, 50))
	fmt.Fprintf(w, "frames/s, p50 (SwiftShader)\t%.1f\t\n", pct(fps, 50))
	if first.Frame.HeapBytes != nil && last.Frame.HeapBytes != nil {
		fmt.Fprintf(w, "Go heap, first / last sample\t%.1f / %.1f MB\t\n", *first.Frame.HeapBytes/1e6, *last.Frame.HeapBytes/1e6)
	}
	fmt.Fprintf(w, "wasm raw\t%d bytes\t\n", raw.Size())
	fmt.Fprintf(w, "wasm gzip -9\t%d bytes\t≤ %d %s\n", gz.Size(), targetGzip, verdict(gz.Size() <= targetGzip))
	fmt.Fprintf(w, "navigation → window.nnplay\t%.0f ms\t\n", readyMs)
	if firstFrameMs >= 0 {
		fmt.Fprintf(w, "navigation → first frame\t%.0f ms\t\n", firstFrameMs)
	} else {
		fmt.Fprintf(w, "navigation → first frame\tnot seen (frame.drawMs stayed 0)\t\n")
	}
	fmt.Fprintf(w, "site build (go build + gzip -9)\t%.1f s\t\n", site.BuildTime.Seconds())
	return w.Flush()
}

// samplesEPS returns the frame.epochsPerSecond readings.
func samplesEPS(ss []sample) []float64 {
	out := make([]float64, len(ss))
	for i, s := range ss {
		out[i] = s.Frame.EpochsPerSecond
	}
	return out
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

//go:build !(js && wasm)

// Command soak builds and serves the playground, opens it in headless Chromium and plays a
// random, hostile session for -duration from -seed (a seed drawn from the clock when none
// is given; it is printed, and the same seed draws the same actions), checking the page
// after every action against its own shadow record (see internal/soak). It ends with a
// report: actions and refusals by kind, the Go heap, the frame times, the epochs trained,
// and on a failure the seed, the action and the last 20 actions (then it exits 1).
//
//	go run ./cmd/soak [-duration 2m] [-seed N] [-heap 256]
//
// make soak SOAK=10m SEED=N runs it.
package main

import (
	"flag"
	"fmt"
	"os"
	"time"

	"nnplay/internal/browser"
	"nnplay/internal/soak"
)

func main() {
	duration := flag.Duration("duration", 2*time.Minute, "how long to play")
	seed := flag.Uint64("seed", 0, "the seed of the actions; 0 draws one from the clock")
	heap := flag.Float64("heap", soak.DefaultHeapBound>>20, "the bound of the page's Go heap, MiB")
	reload := flag.Duration("reload", soak.PageAnswer, "how long a reload may take until the page answers")
	flag.Parse()
	if *seed == 0 {
		*seed = uint64(time.Now().UnixNano())
	}
	cfg := soak.Config{Duration: *duration, Seed: *seed, HeapBound: *heap * (1 << 20), ReloadBound: *reload, Log: os.Stdout}
	if err := run(cfg); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// run builds and serves the site, starts Chromium and soaks the page.
func run(cfg soak.Config) error {
	fmt.Printf("soak: seed %d, %v (repeat with make soak SOAK=%v SEED=%d)\n", cfg.Seed, cfg.Duration, cfg.Duration, cfg.Seed)
	fmt.Println("soak: building the site…")
	site, err := browser.StartSite()
	if err != nil {
		return err
	}
	defer site.Close()
	b, err := browser.Start()
	if err != nil {
		return err
	}
	defer b.Close()
	cfg.URL, cfg.Browser = site.URL, b
	rep, err := soak.Run(cfg)
	rep.Print(os.Stdout)
	return err
}

//go:build !(js && wasm)

// Package browser starts the site and one headless Chromium and drives pages in it through
// the DevTools protocol (chromedp): open a tab at a viewport, wait for window.nnplay, call
// the scripting API, send real mouse, touch and key input, take screenshots, and collect
// everything the page writes to the console or fails to load. The end-to-end tests and the
// browser benchmark share it.
package browser

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strings"
	"time"

	"github.com/chromedp/chromedp"
)

// Flags are the Chromium flags that work headless on this kind of machine: WebGL2 then runs
// on SwiftShader.
var Flags = []string{
	"--headless", "--no-sandbox", "--disable-gpu", "--enable-unsafe-swiftshader",
	"--disable-quic", "--no-first-run", "--disable-background-networking",
	"--disable-component-update", "--disable-sync",
}

// AngleFlags are Flags with the GPU process kept: WebGL2 and the compositor both run on
// ANGLE over SwiftShader, as a browser without a usable GPU does. The browser benchmark
// measures under both sets.
var AngleFlags = []string{
	"--headless", "--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader",
	"--disable-quic", "--no-first-run", "--disable-background-networking",
	"--disable-component-update", "--disable-sync",
}

// InstallHint says how to get Chromium; errors about a missing browser end with it.
const InstallHint = "install it with `sudo apt-get update && sudo apt-get install -y chromium` " +
	"(make test does this when run as root), or set NNPLAY_CHROMIUM to a Chromium binary"

// Path returns the Chromium to drive: $NNPLAY_CHROMIUM if set, else /usr/bin/chromium, else
// chromium on PATH. It never falls back to skipping: a missing browser is an error that says
// how to install one.
func Path() (string, error) {
	if p := os.Getenv("NNPLAY_CHROMIUM"); p != "" {
		if st, err := os.Stat(p); err != nil || st.IsDir() {
			return "", fmt.Errorf("browser: NNPLAY_CHROMIUM=%s is not a file; %s", p, InstallHint)
		}
		return p, nil
	}
	if st, err := os.Stat("/usr/bin/chromium"); err == nil && !st.IsDir() {
		return "/usr/bin/chromium", nil
	}
	if p, err := exec.LookPath("chromium"); err == nil {
		return p, nil
	}
	return "", errors.New("browser: Chromium not found at /usr/bin/chromium or on PATH; " + InstallHint)
}

// Browser is one running headless Chromium. Its tabs can be used from several goroutines,
// one goroutine per tab.
type Browser struct {
	ctx         context.Context // the browser's chromedp context (its first tab)
	cancel      context.CancelFunc
	allocCancel context.CancelFunc
	dir         string // the fresh user-data-dir
}

// Start launches Chromium with Flags, a fresh user-data-dir and a 1280×800 window. Close
// stops it and removes the directory.
func Start() (*Browser, error) { return StartWith(Flags) }

// StartWith is Start with the given flags ("--name" or "--name=value") instead of Flags.
func StartWith(flags []string) (*Browser, error) {
	path, err := Path()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "nnplay-chromium-")
	if err != nil {
		return nil, fmt.Errorf("browser: user-data-dir: %w", err)
	}
	opts := append([]chromedp.ExecAllocatorOption{}, chromedp.DefaultExecAllocatorOptions[:]...)
	opts = append(opts,
		chromedp.ExecPath(path),
		chromedp.UserDataDir(dir),
		chromedp.WindowSize(1280, 800),
		chromedp.NoSandbox,
	)
	if slices.Contains(flags, "--disable-gpu") {
		opts = append(opts, chromedp.DisableGPU)
	}
	for _, f := range flags {
		name, value, ok := strings.Cut(f[2:], "=")
		if ok {
			opts = append(opts, chromedp.Flag(name, value))
		} else {
			opts = append(opts, chromedp.Flag(name, true))
		}
	}
	allocCtx, allocCancel := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(allocCtx)
	// The first Run starts the browser; it must not carry a timeout (that would stop it).
	if err := chromedp.Do(ctx); err != nil {
		cancel()
		allocCancel()
		os.RemoveAll(dir)
		return nil, fmt.Errorf("browser: starting %s: %w", path, err)
	}
	b := &Browser{ctx: ctx, cancel: cancel, allocCancel: allocCancel, dir: dir}
	if err := b.warmUp(); err != nil {
		b.Close()
		return nil, err
	}
	return b, nil
}

// CanvasPage returns a page (a data: URL) whose only content is a WebGL canvas of w×h
// pixels cleared to a new colour every animation frame: any animated canvas of that size
// costs the browser at least what it does. window.nnplay.state() counts its frames, so
// Tab.Visit and Tab.Open wait for it as for the playground.
func CanvasPage(w, h int) string {
	return fmt.Sprintf(`data:text/html,<!doctype html><link rel="icon" href="data:,"><body style="margin:0">
<canvas id="c" width="%d" height="%d"></canvas><script>
const gl = document.getElementById("c").getContext("webgl2"); let k = 0;
(function f() { k++; gl.clearColor(k %%25 100 / 100, 0, 0, 1); gl.clear(gl.COLOR_BUFFER_BIT); requestAnimationFrame(f); })();
window.nnplay = {state() { return k; }};</script>`, w, h)
}

// warmUp shows a WebGL page (CanvasPage, at a canvas's default size) in a throwaway tab until the browser has logged its start-up
// notes. With --disable-gpu the compositor is software, so the first WebGL canvas of a
// fresh browser makes it read frames back and log "GPU stall due to ReadPixels" a few
// times (then "this message will no longer repeat") — for any WebGL page, whatever it
// draws. Taking that here keeps the browser's own start-up noise out of the tests, which
// assert that the playground's console stays silent.
func (b *Browser) warmUp() error {
	tab, err := b.NewTab(Desktop)
	if err != nil {
		return err
	}
	defer tab.Close()
	if _, err := tab.Open(CanvasPage(300, 150), 20*time.Second); err != nil {
		return fmt.Errorf("browser: warming up: %w", err)
	}
	// A browser that logs nothing at start-up never says it; that is no error.
	Poll(5*time.Second, func() error {
		for _, p := range tab.Problems() {
			if strings.Contains(p.Text, "will no longer repeat") {
				return nil
			}
		}
		return errors.New("no start-up notes yet")
	})
	return nil
}

// Version returns the browser's product string, such as "Chrome/140.0.0.0".
func (b *Browser) Version() (string, error) {
	v, err := chromedp.Run(b.ctx, func(ctx context.Context, t *chromedp.Target) (string, error) {
		return chromedp.Evaluate[string](`navigator.userAgent`)(ctx, t)
	})
	return v, err
}

// DataDir returns the browser's user-data-dir, which its processes' command lines carry
// (--user-data-dir=…): a benchmark finds them by it.
func (b *Browser) DataDir() string { return b.dir }

// Close stops the browser and removes its user-data-dir.
func (b *Browser) Close() error {
	b.cancel()
	b.allocCancel()
	return os.RemoveAll(b.dir)
}

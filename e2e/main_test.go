//go:build !(js && wasm)

// Package e2e tests the playground in a real headless Chromium: the site is built once
// (server.Build), served on a free loopback port, and driven through real mouse, touch and
// key events and the window.nnplay API. Every test opens its own tab and fails if the page
// writes anything to the console, throws, or fails a request.
package e2e

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"

	"nnplay/api"
	"nnplay/internal/browser"
	"nnplay/nn"
	"nnplay/session"
)

// ready is how long a page may take to load and show window.nnplay (the wasm compiles on
// a busy 2-core machine).
const ready = 90 * time.Second

var (
	site   *browser.Site
	chrome *browser.Browser

	// statSources stats the site's sources once, from the first test that opens a page, so
	// that go test reruns these tests when wasm/ or web/ change (see Site.StatSources).
	statSources = sync.OnceValue(func() error { return site.StatSources() })
)

func TestMain(m *testing.M) {
	os.Exit(run(m))
}

func run(m *testing.M) int {
	// A missing browser fails the suite with the way to install it; it never skips.
	if _, err := browser.Path(); err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	var err error
	site, err = browser.StartSite()
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e: building the site:", err)
		return 1
	}
	defer site.Close()
	chrome, err = browser.Start()
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	defer chrome.Close()
	return m.Run()
}

// eachLayout runs test in each of the page's two layouts, the desktop's (used with a mouse)
// and the phone's (by touch), as a subtest named by it, on a page opened there by open (open
// or openPaused); touch says the layout is the phone's.
func eachLayout(t *testing.T, open func(testing.TB, ...browser.Viewport) *page, test func(t *testing.T, p *page, touch bool)) {
	for _, l := range []struct {
		name string
		vp   browser.Viewport
	}{{"desktop", browser.Desktop}, {"phone", browser.Phone}} {
		t.Run(l.name, func(t *testing.T) { test(t, open(t, l.vp), l.vp.Touch) })
	}
}

// page is one tab with the playground open.
type page struct {
	t   testing.TB
	tab *browser.Tab
}

// open opens the playground in a fresh tab of the viewport (browser.Desktop when none is
// given) and, when the test ends, closes it and fails the test if anything reached the
// console: a console call, an uncaught exception, a browser log entry (warnings included), a
// failed request or an HTTP error.
func open(t testing.TB, vp ...browser.Viewport) *page {
	t.Helper()
	return openAt(t, viewport(vp), "")
}

// openPaused is open, paused: for tests that set up their data and network first.
func openPaused(t testing.TB, vp ...browser.Viewport) *page {
	t.Helper()
	p := openAt(t, viewport(vp), "")
	p.pause()
	return p
}

// viewport returns the viewport given, or browser.Desktop.
func viewport(vp []browser.Viewport) browser.Viewport {
	if len(vp) > 0 {
		return vp[0]
	}
	return browser.Desktop
}

// openAt is open with a fragment (such as "#dataset=xor") after the page's address. Every
// test starts from empty storage, as a first visit: the tabs share one browser profile,
// and Tab.Open clears what the site kept there.
func openAt(t testing.TB, vp browser.Viewport, fragment string) *page {
	t.Helper()
	return openIn(t, chrome, vp, site.URL+fragment)
}

// openIn is open in browser b at the address url (the site's, with a fragment).
func openIn(t testing.TB, b *browser.Browser, vp browser.Viewport, url string) *page {
	t.Helper()
	p := newPage(t, b, vp)
	if _, err := p.tab.Open(url, ready); err != nil {
		t.Fatal(err)
	}
	return p
}

// revisit opens the playground in a new desktop tab at the address given after the site's,
// keeping what earlier tabs kept in the browser's storage: a return visit.
func revisit(t testing.TB, fragment string) *page {
	t.Helper()
	p := newPage(t, chrome, browser.Desktop)
	if _, err := p.tab.Visit(site.URL+fragment, ready); err != nil {
		t.Fatal(err)
	}
	return p
}

// newPage opens a blank tab of the viewport in browser b, not yet at the site, and, when the
// test ends, closes it and fails the test if anything reached the console (see open).
func newPage(t testing.TB, b *browser.Browser, vp browser.Viewport) *page {
	t.Helper()
	if err := statSources(); err != nil {
		t.Fatal(err)
	}
	tab, err := b.NewTab(vp)
	if err != nil {
		t.Fatal(err)
	}
	p := &page{t: t, tab: tab}
	t.Cleanup(func() {
		if probs := tab.Problems(); len(probs) > 0 {
			lines := make([]string, len(probs))
			for i, pr := range probs {
				lines[i] = pr.String()
			}
			t.Errorf("the console of the page shows:\n  %s", strings.Join(lines, "\n  "))
		}
		tab.Close()
	})
	return p
}

// State is nnplay.state(): api.Status and the points, as the Go side defines them, except
// for the menu, which the page moves into its own client coordinates (browser.Pt), and the
// frame, whose page-specific extras browser.Frame keeps nullable so that a missing one shows.
// TestAPIState checks the object's shape key by key from the raw JSON.
type State struct {
	api.Status
	Frame  Frame       `json:"frame"`
	Menu   *browser.Pt `json:"menu"` // the offered Delete button's centre, or null
	Points []Point     `json:"points"`
}

// Settings are state().settings.
type Settings = session.Settings

// Point is one of state().points.
type Point = session.Point

// Frame is state().frame.
type Frame = browser.Frame

// Model is the nnplay.model/1 file, as the core defines it.
type Model = nn.Model

// call calls nnplay.method(args...) and fails the test if it throws.
func call[T any](p *page, method string, args ...any) T {
	p.t.Helper()
	v, err := browser.Call[T](p.tab, method, args...)
	if err != nil {
		p.t.Fatalf("nnplay.%s(%s): %v", method, argList(args), err)
	}
	return v
}

// do calls a method whose result does not matter.
func (p *page) do(method string, args ...any) {
	p.t.Helper()
	call[any](p, method, args...)
}

// refused calls nnplay.method with args given as a JavaScript array and fails the test
// unless it throws an Error with a message; it returns the message.
func (p *page) refused(method, args string) string {
	p.t.Helper()
	_, err := browser.CallJS[any](p.tab, method, args)
	ae, ok := err.(*browser.APIError)
	switch {
	case err == nil:
		p.t.Errorf("nnplay.%s(%s) was accepted, want it refused", method, strings.Trim(args, "[]"))
		return ""
	case !ok:
		p.t.Fatalf("nnplay.%s(%s): %v", method, strings.Trim(args, "[]"), err)
	case !ae.IsError:
		p.t.Errorf("nnplay.%s(%s) threw %q, which is not an Error", method, strings.Trim(args, "[]"), ae.Message)
	case strings.TrimSpace(ae.Message) == "":
		p.t.Errorf("nnplay.%s(%s) threw an Error without a message", method, strings.Trim(args, "[]"))
	}
	return ae.Message
}

// state returns nnplay.state().
func (p *page) state() State {
	p.t.Helper()
	return call[State](p, "state")
}

// status returns the page's own cheap call, nnplayPage.status(): state() without the points,
// for polling while the playground trains (state() turns every point into JSON).
func (p *page) status() State {
	p.t.Helper()
	return eval[State](p, `nnplayPage.status()`)
}

// tooltip returns the text of the tooltip state() shows, or "null" when there is none.
func (p *page) tooltip() string {
	p.t.Helper()
	if tt := eval[*string](p, `nnplay.state().tooltip`); tt != nil {
		return *tt
	}
	return "null"
}

// eval evaluates an expression in the page and fails the test on an exception.
func eval[T any](p *page, expr string) T {
	p.t.Helper()
	v, err := browser.Eval[T](p.tab, expr)
	if err != nil {
		p.t.Fatalf("evaluating %s: %v", expr, err)
	}
	return v
}

// toScreen returns nnplay.toScreen(x, y).
func (p *page) toScreen(x, y float64) browser.Pt {
	p.t.Helper()
	return call[browser.Pt](p, "toScreen", x, y)
}

// toPlane maps client coordinates back to the plane through toScreen's corners (toScreen
// is affine: the plot is a square over [-6, 6]²).
func (p *page) toPlane(pt browser.Pt) (x, y float64) {
	p.t.Helper()
	a, b := p.toScreen(-6, -6), p.toScreen(6, 6)
	return -6 + 12*(pt.X-a.X)/(b.X-a.X), -6 + 12*(pt.Y-a.Y)/(b.Y-a.Y)
}

// pause pauses training and lets a few frames pass so the canvas shows the paused state.
func (p *page) pause() {
	p.t.Helper()
	p.do("pause")
	p.frames(3)
}

// until waits for cond (nil when met, else what is still missing; see browser.Poll) for at
// most within, and fails the test with cond's last word when it never holds.
func (p *page) until(within time.Duration, cond func() error) {
	p.t.Helper()
	if err := browser.Poll(within, cond); err != nil {
		p.t.Fatal(err)
	}
}

// frames waits for n animation frames.
func (p *page) frames(n int) {
	p.t.Helper()
	if err := p.tab.Frames(n); err != nil {
		p.t.Fatal(err)
	}
}

// setData replaces the points.
func (p *page) setData(pts []Point) {
	p.t.Helper()
	p.do("setData", pts)
	p.frames(2)
}

// model returns nnplay.model().
func (p *page) model() Model {
	p.t.Helper()
	return call[Model](p, "model")
}

// downloadBy clicks the button named name (see button) with the mouse, lets the browser
// save the download into dir, waits for the file fileName there and decodes its JSON into v.
func (p *page) downloadBy(name, dir, fileName string, v any) {
	p.t.Helper()
	if err := p.tab.SaveDownloadsTo(dir); err != nil {
		p.t.Fatal(err)
	}
	p.click(button(p.t, p, name))
	saved, err := browser.WaitForFile(dir, fileName, 20*time.Second)
	if err != nil {
		p.t.Fatal(err)
	}
	if raw, ok := v.(*[]byte); ok { // the file as it is
		*raw = saved
		return
	}
	if err := json.Unmarshal(saved, v); err != nil {
		p.t.Fatalf("the downloaded %s is not JSON: %v\n%s", fileName, err, saved)
	}
}

// click clicks at with the left mouse button, as a person does, failing the test if the
// click cannot be sent.
func (p *page) click(at browser.Pt) {
	p.t.Helper()
	if err := p.tab.Click(at, input.MouseButtonLeft, 0); err != nil {
		p.t.Fatal(err)
	}
}

// clickElement scrolls the page's element with the id into view and clicks its centre with
// the mouse.
func (p *page) clickElement(id string) {
	p.t.Helper()
	at := eval[browser.Pt](p, `(() => { const e = document.getElementById(`+jsString(id)+`); e.scrollIntoView({block: "center"});
		const r = e.getBoundingClientRect(); return {x: r.left + r.width / 2, y: r.top + r.height / 2}; })()`)
	p.click(at)
}

// writeFile writes text to dir/name and returns its path.
func writeFile(t testing.TB, dir, name, text string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// chooseFile picks the file at path in the page's file input (the CSS selector), as a person
// in the file dialog, and returns the message the page then shows, which must name the file.
func (p *page) chooseFile(selector, path string) string {
	p.t.Helper()
	if err := p.tab.ChooseFiles(selector, path); err != nil {
		p.t.Fatal(err)
	}
	// The page reads the file after the change event: wait for its message.
	name := filepath.Base(path)
	return p.shownMessage("naming "+name+" after choosing it", name)
}

// shownMessage waits (at most 10 s) until the page shows its message, one that includes says
// (any message when says is ""), and returns the message's text; when none shows, it fails
// the test: "no message " and then when.
func (p *page) shownMessage(when, says string) string {
	p.t.Helper()
	msg := `document.getElementById("message")`
	if err := p.tab.WaitFor(`!`+msg+`.hidden && `+msg+`.textContent.includes(`+jsString(says)+`)`, 10*time.Second); err != nil {
		p.t.Fatalf("no message %s: %v", when, err)
	}
	return eval[string](p, msg+`.textContent`)
}

// dist is the distance between two client points.
func dist(a, b browser.Pt) float64 { return math.Hypot(a.X-b.X, a.Y-b.Y) }

// argList formats call arguments for messages.
func argList(args []any) string {
	b, _ := json.Marshal(args)
	return strings.Trim(string(b), "[]")
}

// saveShot writes a screenshot under e2e/out/ for people to look at.
func saveShot(t testing.TB, name string, png []byte) string {
	t.Helper()
	dir := "out"
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
	abs, _ := filepath.Abs(path)
	t.Logf("screenshot: %s", abs)
	return abs
}

// ftoa formats a number for a JavaScript expression.
func ftoa(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

// fmtPtr formats a nullable number.
func fmtPtr(v *float64) string {
	if v == nil {
		return "null"
	}
	return strconv.FormatFloat(*v, 'g', 6, 64)
}

//go:build !(js && wasm)

// Package soak plays a long, random, hostile session on the playground in headless
// Chromium and checks it after every action. From a seed it draws a mix of actions: mouse
// and touch drags, adds, deletes, relabels (keys and the point's menu) and keyboard edits
// on the canvas, the page's lists, sliders, checkboxes, the network's − and + buttons,
// number fields typed valid and absurd, the buttons (the picture "save picture" downloads
// checked against the shadow: see checkPicture), API calls with valid and invalid
// arguments (bad numbers, wrong types, huge arrays, deep JSON), links typed into the
// address bar, data and model files good and corrupt (as API calls, chosen in the file
// dialog, dropped on the page and on the canvas), undo and redo, reloads, resizes between
// desktop and phone, pauses and the fastest speed.
//
// It keeps a shadow (see shadow) of what the points and settings should be, computed from
// each action and never read back from the page, and after every action checks that the
// page agrees with it; that an API call the shadow refuses threw an Error in the page and
// one it accepts did not; that the weights changed only by training or by the action; that
// every number of state() is finite or null where documented and predict is finite over a
// grid; that nothing reached the console; that the page answered within PageAnswer; and
// that the page's Go heap stayed under Config.HeapBound. The same seed draws the same
// actions (training, which runs on the page's clock, may differ).
package soak

import (
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"sort"
	"strings"
	"time"

	"nnplay/internal/browser"
)

// PageAnswer is how long the page may take to answer after an action, reloads included.
const PageAnswer = 10 * time.Second

// DefaultHeapBound is the Go heap the page may use: the playground at its largest (2,000
// points, a 6×8 network) stays far below it.
const DefaultHeapBound = 256 << 20

// ready is how long the page may take to show window.nnplay when opened or reloaded (the
// wasm compiles on a busy machine).
const ready = 90 * time.Second

// Config says what to soak and for how long.
type Config struct {
	URL       string           // the page's address, such as "http://127.0.0.1:41234/"
	Browser   *browser.Browser // the headless Chromium to open it in
	Duration  time.Duration    // how long to play
	Seed      uint64           // draws the actions
	HeapBound float64          // the Go heap's bound in bytes; 0 means DefaultHeapBound
	// ReloadBound is how long a reload may take until window.nnplay is back; 0 means
	// PageAnswer. (A 2-core machine shared by a dozen browsers compiles the wasm in 30 s.)
	ReloadBound time.Duration
	Log         io.Writer // a line every few seconds while it plays; nil for none
}

// Report is what a soak did and saw.
type Report struct {
	Seed             uint64
	Duration         time.Duration  // how long it played
	Actions          int            // actions done
	ByKind           map[string]int // actions by kind
	Refused          map[string]int // actions the shadow refused (and so the page must), by kind
	Skipped          map[string]int // actions drawn but not possible in the layout of the moment, by kind
	HeapMin, HeapMax float64        // the page's Go heap, bytes, over the samples
	HeapBound        float64        // the bound it was held to
	FrameP50         float64        // the median of the page's frame p50 (ms) over the samples
	FrameP95         float64        // the median of the page's frame p95 (ms) over the samples
	FrameP95Max      float64        // the largest frame p95 sampled
	Epochs           int            // epochs the page trained (summed over its runs)
	Failure          *Failure       // the first failed check, or nil
}

// Failure is a failed check: the action it followed and the last actions before it.
type Failure struct {
	Action int      // the action's number, from 1; 0 for the page as opened
	Err    string   // what the check found
	Last   []string // the last 20 actions, the failed one last
}

// Run opens the page in a new tab of cfg.Browser and plays for cfg.Duration. It returns
// the report and, when a check failed, an error that says so (the report's Failure).
func Run(cfg Config) (*Report, error) {
	if cfg.HeapBound == 0 {
		cfg.HeapBound = DefaultHeapBound
	}
	if cfg.ReloadBound == 0 {
		cfg.ReloadBound = PageAnswer
	}
	rep := &Report{Seed: cfg.Seed, ByKind: map[string]int{}, Refused: map[string]int{}, Skipped: map[string]int{}, HeapBound: cfg.HeapBound}
	tab, err := cfg.Browser.NewTab(browser.Desktop)
	if err != nil {
		return rep, err
	}
	defer tab.Close()
	if _, err := tab.Open(cfg.URL, ready); err != nil {
		return rep, err
	}
	dir, err := os.MkdirTemp("", "nnplay-soak-")
	if err != nil {
		return rep, err
	}
	defer os.RemoveAll(dir)
	if err := tab.SaveDownloadsTo(dir); err != nil { // the save buttons' files
		return rep, err
	}
	r := newRunner(cfg.Seed)
	r.tab, r.cfg, r.rep, r.dir = tab, cfg, rep, dir
	if err := r.steady(); err != nil {
		return rep, err
	}
	start := time.Now()
	if err := r.check(nil, nil); err != nil {
		return rep, r.fail(0, err)
	}
	lastLog := start
	for n := 1; time.Since(start) < cfg.Duration; n++ {
		a := r.next()
		r.remember(fmt.Sprintf("%d %s: %s", n, a.kind, a.desc))
		if err := r.do(a); err != nil {
			rep.Duration = time.Since(start)
			return rep, r.fail(n, err)
		}
		if cfg.Log != nil && time.Since(lastLog) > 10*time.Second {
			lastLog = time.Now()
			fmt.Fprintf(cfg.Log, "soak: %v, %d actions, heap %.1f MB, epochs %d\n",
				time.Since(start).Round(time.Second), rep.Actions, rep.HeapMax/1e6, rep.Epochs)
		}
	}
	rep.Duration = time.Since(start)
	return rep, nil
}

// runner is one soak's state.
type runner struct {
	tab   *browser.Tab
	cfg   Config
	rep   *Report
	rng   *rand.Rand
	sh    *shadow
	phone bool     // the tab has the phone's viewport
	last  []string // the last actions, newest last
	seen  int      // problems of the tab already looked at
	dir   string   // where files given to the page are written
	files int      // files drawn, which names each one

	epoch      int       // the epoch last read
	p50s, p95s []float64 // frame samples
}

// newRunner returns a runner that draws its actions from seed, on a shadow of the page
// as opened, with no tab yet.
func newRunner(seed uint64) *runner {
	return &runner{rng: rand.New(rand.NewPCG(seed, 0x50a4)), sh: newShadow()}
}

// action is one thing the soak does: in the page (run) and to the shadow (apply).
type action struct {
	kind, desc string
	// run does it in the page. threw says the page refused it by throwing (API calls);
	// skip says it could not be done in the layout of the moment (then apply is not called).
	run func(r *runner) (threw bool, skip bool, err error)
	// apply does it to the shadow, after run; an error says the shadow refuses it.
	apply func(sh *shadow) error
	// verify, when not nil, checks what this action alone shows in the page, after apply
	// (refused is apply's answer).
	verify func(r *runner, refused error) error
	api    bool // an API call: it throws exactly when the shadow refuses it
	keeps  bool // leaves the weights alone (checked while the page is paused)
}

// kinds are the kinds of action with their weights in the mix; a kind's plan returns nil
// when it cannot be drawn now (no point to drag, the phone has no keyboard).
var kinds = []struct {
	weight int
	plan   func(r *runner) *action
}{
	{14, (*runner).drag},
	{10, (*runner).add},
	{6, (*runner).remove},
	{8, (*runner).keyEdit},
	{8, (*runner).control},
	{6, (*runner).button},
	{6, (*runner).pageKey},
	{22, (*runner).apiCall},
	{10, (*runner).badCall},
	{5, (*runner).typeLink},
	{2, (*runner).reload},
	{3, (*runner).resize},
	{5, (*runner).checkbox},
	{5, (*runner).stepper},
	{5, (*runner).numberField},
	{5, (*runner).relabel},
	{5, (*runner).file},
	{3, (*runner).share},
	{2, (*runner).startFresh},
	{12, (*runner).brushSlider},
}

// next draws the next action.
func (r *runner) next() *action {
	total := 0
	for _, k := range kinds {
		total += k.weight
	}
	for {
		n := r.rng.IntN(total)
		for _, k := range kinds {
			if n < k.weight {
				if a := k.plan(r); a != nil {
					return a
				}
				break
			}
			n -= k.weight
		}
	}
}

// do runs one action and checks the page after it.
func (r *runner) do(a *action) error {
	before, err := r.weightsIfPaused(a)
	if err != nil {
		return err
	}
	threw, skip, err := a.run(r)
	if err != nil {
		return fmt.Errorf("doing it: %w", err)
	}
	r.rep.Actions++
	r.rep.ByKind[a.kind]++
	if skip {
		r.rep.Skipped[a.kind]++
		return r.check(nil, nil)
	}
	refusal := a.apply(r.sh)
	if refusal != nil {
		r.rep.Refused[a.kind]++
	}
	switch {
	case a.api && threw && refusal == nil:
		return fmt.Errorf("the page refused it (%s); the shadow accepts it", a.desc)
	case a.api && !threw && refusal != nil:
		return fmt.Errorf("the page accepted it; the shadow refuses it (%v)", refusal)
	}
	if a.verify != nil {
		if err := a.verify(r, refusal); err != nil {
			return err
		}
	}
	return r.check(a, before)
}

// remember keeps the last 20 actions' descriptions.
func (r *runner) remember(line string) {
	if len(line) > 300 {
		line = line[:300] + "…"
	}
	r.last = append(r.last, line)
	if len(r.last) > 20 {
		r.last = r.last[1:]
	}
}

// fail records the failure in the report and returns it as an error.
func (r *runner) fail(n int, err error) error {
	r.rep.Failure = &Failure{Action: n, Err: err.Error(), Last: append([]string(nil), r.last...)}
	return fmt.Errorf("soak: seed %d, action %d: %v", r.cfg.Seed, n, err)
}

// weightsIfPaused returns model() before an action that keeps the weights, when the page
// is paused (while it trains, the weights change by training); else nil.
func (r *runner) weightsIfPaused(a *action) ([]byte, error) {
	if !a.keeps {
		return nil, nil
	}
	st, err := browser.Eval[struct{ Running bool }](r.tab, `nnplayPage.status()`)
	if err != nil || st.Running {
		return nil, err
	}
	m, err := browser.Call[json.RawMessage](r.tab, "model")
	return m, err
}

// Print writes the report: what ran, what was refused, the heap and frames, and on a
// failure the seed, the action and the last actions.
func (rep *Report) Print(w io.Writer) {
	fmt.Fprintf(w, "soak: seed %d, %v, %d actions, %d epochs trained\n",
		rep.Seed, rep.Duration.Round(time.Second), rep.Actions, rep.Epochs)
	fmt.Fprintf(w, "actions by kind: %s\n", counts(rep.ByKind))
	fmt.Fprintf(w, "refused by kind: %s\n", counts(rep.Refused))
	fmt.Fprintf(w, "skipped for the layout of the moment, by kind: %s\n", counts(rep.Skipped))
	fmt.Fprintf(w, "Go heap: min %.1f MB, max %.1f MB (bound %.0f MB)\n", rep.HeapMin/1e6, rep.HeapMax/1e6, rep.HeapBound/1e6)
	fmt.Fprintf(w, "frame (Go side): p50 %.2f ms, p95 %.2f ms (median of samples), largest p95 %.2f ms\n",
		rep.FrameP50, rep.FrameP95, rep.FrameP95Max)
	if f := rep.Failure; f != nil {
		fmt.Fprintf(w, "FAILED at action %d (seed %d): %s\nlast actions:\n  %s\n", f.Action, rep.Seed, f.Err, strings.Join(f.Last, "\n  "))
	}
}

// counts formats a count per kind, the kinds sorted.
func counts(m map[string]int) string {
	if len(m) == 0 {
		return "none"
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s %d", k, m[k])
	}
	return strings.Join(parts, ", ")
}

//go:build !(js && wasm)

package browser

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp/kb"
)

// fakePage is a page with a tiny window.nnplay and an event log, to test the harness
// itself: what it sends arrives as the events a person would make.
const fakePage = `<!doctype html><html><head><link rel="icon" href="data:,"></head>
<body style="margin:0"><div id="pad" tabindex="0" style="width:600px;height:400px;touch-action:none"></div>
<script>
window.events = [];
const pad = document.getElementById("pad");
for (const type of ["pointerdown", "pointermove", "pointerup", "touchstart", "touchmove", "touchend", "contextmenu"]) {
  pad.addEventListener(type, e => {
    const p = e.touches && e.touches.length ? e.touches[0] : (e.changedTouches ? e.changedTouches[0] : e);
    events.push({type, x: Math.round(p.clientX), y: Math.round(p.clientY), button: e.button, alt: !!e.altKey, shift: !!e.shiftKey});
    if (type === "contextmenu") e.preventDefault();
  }, {passive: false});
}
document.addEventListener("keydown", e => events.push({type: "keydown", key: e.key, shift: e.shiftKey, alt: e.altKey}));
window.nnplay = {
  state() { return {epoch: 3, points: [{x: 1, y: -2, label: 1, test: false}]}; },
  twice(n) { if (!Number.isInteger(n)) throw new Error("n must be an integer, got " + n); return 2 * n; },
  nothing() {},
  throwString() { throw "plain"; },
  later() { return Promise.resolve(1); },
};
</script></body></html>`

// TestHarness drives the fake page in one browser: what a page reports (problems), API
// calls, then the input a person makes, in one touch-capable tab, which must stay quiet.
func TestHarness(t *testing.T) {
	srv := fakeServer()
	defer srv.Close()
	b, err := Start()
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()

	t.Run("problems", func(t *testing.T) { harnessProblems(t, b, srv.URL+"/noisy") })

	tab, err := b.NewTab(Viewport{Width: 800, Height: 600, Scale: 1, Touch: true})
	if err != nil {
		t.Fatal(err)
	}
	defer tab.Close()
	if _, err := tab.Open(srv.URL, 10*time.Second); err != nil {
		t.Fatal(err)
	}
	for _, sub := range []struct {
		name string
		test func(t *testing.T, tab *Tab)
	}{
		{"call", harnessCall},
		{"mouse drag", harnessMouseDrag},
		{"touch drag", harnessTouchDrag},
		{"clicks", harnessClicks},
		{"keys", harnessKeys},
	} {
		t.Run(sub.name, func(t *testing.T) { sub.test(t, tab) })
	}
	if p := tab.Problems(); len(p) > 0 {
		t.Errorf("the quiet page reported problems: %q", p)
	}
}

// fakeServer serves fakePage at / and, at /noisy, a page that logs, throws and asks for a
// file that is not there.
func fakeServer() *httptest.Server {
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/":
			w.Header().Set("Content-Type", "text/html")
			w.Write([]byte(fakePage))
		case "/noisy":
			w.Header().Set("Content-Type", "text/html")
			w.Write([]byte(`<!doctype html><link rel="icon" href="data:,"><img src="/missing.png"><script>console.log("hello", 42); window.nnplay = {state() {}}; setTimeout(() => { throw new Error("boom") }, 0);</script>`))
		default:
			http.NotFound(w, r)
		}
	})
	return httptest.NewServer(mux)
}

// harnessProblems: a console call, an uncaught exception and a missing file on the page at
// url all show in the tab's Problems.
func harnessProblems(t *testing.T, b *Browser, url string) {
	tab, err := b.NewTab(Desktop)
	if err != nil {
		t.Fatal(err)
	}
	defer tab.Close()
	if _, err := tab.Open(url, 10*time.Second); err != nil {
		t.Fatal(err)
	}
	if err := tab.WaitFor(`true`, time.Second); err != nil {
		t.Fatal(err)
	}
	want := []string{"console log: \"hello\" 42", "exception error: Uncaught", "boom", "http error: 404", "missing.png"}
	err = Poll(5*time.Second, func() error {
		var lines []string
		for _, p := range tab.Problems() {
			lines = append(lines, p.String())
		}
		all := strings.Join(lines, "\n")
		if missing := slices.DeleteFunc(slices.Clone(want), func(w string) bool { return strings.Contains(all, w) }); len(missing) > 0 {
			return fmt.Errorf("problems %q lack %q", lines, missing)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// harnessCall: Call and CallJS return window.nnplay's answers, and its refusals as
// APIErrors that say whether an Error was thrown.
func harnessCall(t *testing.T, tab *Tab) {
	if got, err := Call[int](tab, "twice", 21); err != nil || got != 42 {
		t.Errorf("twice(21) = %d, %v; want 42", got, err)
	}
	st, err := Call[struct {
		Epoch  int
		Points []struct{ X, Y, Label float64 }
	}](tab, "state")
	if err != nil || st.Epoch != 3 || len(st.Points) != 1 || st.Points[0].Y != -2 {
		t.Errorf("state() = %+v, %v", st, err)
	}
	if _, err := Call[any](tab, "nothing"); err != nil {
		t.Errorf("nothing(): %v", err)
	}
	_, err = Call[int](tab, "twice", 1.5)
	ae, ok := err.(*APIError)
	if !ok || !ae.IsError || ae.Message != "n must be an integer, got 1.5" {
		t.Errorf("twice(1.5): %#v, want an APIError from an Error", err)
	}
	_, err = Call[int](tab, "throwString")
	if ae, ok := err.(*APIError); !ok || ae.IsError || ae.Message != "plain" {
		t.Errorf("throwString(): %#v, want an APIError from a non-Error", err)
	}
	if _, err := Call[int](tab, "later"); err == nil || !strings.Contains(err.Error(), "Promise") {
		t.Errorf("later(): %v, want a complaint about the Promise", err)
	}
	if _, err := CallJS[int](tab, "twice", "[Infinity]"); err == nil {
		t.Errorf("twice(Infinity) did not throw")
	}
}

// takeEvents returns the events the fake page logged since the last call, and empties its log.
func takeEvents(t *testing.T, tab *Tab) []map[string]any {
	t.Helper()
	ev, err := Eval[[]map[string]any](tab, `(() => { const e = events; window.events = []; return e; })()`)
	if err != nil {
		t.Fatal(err)
	}
	return ev
}

// eventTypes returns the types of ev in order, a run of one type once.
func eventTypes(ev []map[string]any) []string {
	var out []string
	for _, e := range ev {
		if s := e["type"].(string); len(out) == 0 || out[len(out)-1] != s {
			out = append(out, s)
		}
	}
	return out
}

// harnessMouseDrag: MouseDrag moves, presses, moves in its steps and releases where it ends.
func harnessMouseDrag(t *testing.T, tab *Tab) {
	takeEvents(t, tab)
	if err := tab.MouseDrag(Pt{100, 100}, Pt{300, 200}, 4); err != nil {
		t.Fatal(err)
	}
	ev := takeEvents(t, tab)
	if got := eventTypes(ev); !slices.Equal(got, []string{"pointermove", "pointerdown", "pointermove", "pointerup"}) {
		t.Fatalf("events %v", got)
	}
	last := ev[len(ev)-1]
	if last["x"] != 300.0 || last["y"] != 200.0 {
		t.Errorf("released at %v,%v, want 300,200", last["x"], last["y"])
	}
	moves := 0
	for _, e := range ev {
		if e["type"] == "pointermove" {
			moves++
		}
	}
	if moves < 4 {
		t.Errorf("%d moves, want at least 4 steps", moves)
	}
}

// harnessTouchDrag: TouchDrag makes a touch start, moves and an end.
func harnessTouchDrag(t *testing.T, tab *Tab) {
	takeEvents(t, tab)
	if err := tab.TouchDrag(Pt{50, 60}, Pt{250, 160}, 3, 0); err != nil {
		t.Fatal(err)
	}
	got := eventTypes(takeEvents(t, tab))
	if !slices.Contains(got, "touchstart") || !slices.Contains(got, "touchmove") || got[len(got)-1] != "touchend" && got[len(got)-1] != "pointerup" {
		t.Errorf("events %v, want touchstart, touchmove, touchend", got)
	}
}

// harnessClicks: a right-click opens the context menu; an alt-click holds Alt down, as its
// key event and the pointer's altKey show.
func harnessClicks(t *testing.T, tab *Tab) {
	takeEvents(t, tab)
	if err := tab.Click(Pt{120, 130}, input.MouseButtonRight, 0); err != nil {
		t.Fatal(err)
	}
	if err := tab.Click(Pt{140, 150}, input.MouseButtonLeft, Alt); err != nil {
		t.Fatal(err)
	}
	ev := takeEvents(t, tab)
	var ctx, alt, altKey bool
	for _, e := range ev {
		switch {
		case e["type"] == "contextmenu":
			ctx = true
		case e["type"] == "pointerdown" && e["alt"] == true:
			alt = true
		case e["type"] == "keydown" && e["key"] == "Alt":
			altKey = true
		}
	}
	if !ctx || !alt || !altKey {
		t.Errorf("right-click gave contextmenu %v; alt-click gave altKey %v and an Alt keydown %v; events %v", ctx, alt, altKey, ev)
	}
}

// harnessKeys: Keys with Shift presses Shift, then each key with shift held.
func harnessKeys(t *testing.T, tab *Tab) {
	if _, err := Eval[bool](tab, `(document.getElementById("pad").focus(), true)`); err != nil {
		t.Fatal(err)
	}
	takeEvents(t, tab)
	if err := tab.Keys(kb.ArrowUp+"1", Shift); err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, e := range takeEvents(t, tab) {
		if e["type"] == "keydown" {
			keys = append(keys, e["key"].(string))
			if e["shift"] != true {
				t.Errorf("key %v without shift", e["key"])
			}
		}
	}
	if !slices.Equal(keys, []string{"Shift", "ArrowUp", "1"}) {
		t.Errorf("keydowns %v, want Shift ArrowUp 1", keys)
	}
}

// TestPoll: Poll returns as soon as the condition holds (checking at once, without waiting
// first), and when it never does, the condition's last word after the deadline.
func TestPoll(t *testing.T) {
	for _, tc := range []struct {
		name    string
		metAt   int // the call at which the condition holds; 0: never
		within  time.Duration
		wantErr string // want an error containing this
	}{
		{"met at once", 1, time.Second, ""},
		{"met on the third look", 3, time.Second, ""},
		{"never met", 0, 3 * PollEvery, "still not so after 150ms: "},
	} {
		t.Run(tc.name, func(t *testing.T) {
			calls := 0
			start := time.Now()
			err := Poll(tc.within, func() error {
				calls++
				if calls == tc.metAt {
					return nil
				}
				return fmt.Errorf("%d looks, not yet", calls)
			})
			switch {
			case tc.wantErr == "" && err != nil:
				t.Errorf("Poll: %v, want nil", err)
			case tc.wantErr == "" && calls != tc.metAt:
				t.Errorf("Poll looked %d times, want %d", calls, tc.metAt)
			case tc.wantErr != "" && (err == nil || !strings.HasPrefix(err.Error(), tc.wantErr) || !strings.HasSuffix(err.Error(), " looks, not yet")):
				t.Errorf("Poll: %v, want %q and the condition's last word", err, tc.wantErr)
			case tc.wantErr != "" && time.Since(start) < tc.within:
				t.Errorf("Poll gave up after %v, before its %v", time.Since(start), tc.within)
			}
		})
	}
}

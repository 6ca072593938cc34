//go:build !(js && wasm)

package browser

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"image"
	"image/png"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// Viewport is the size of a tab's page in CSS pixels, its device scale and whether it
// emulates a touch device (a phone).
type Viewport struct {
	Width, Height int64
	Scale         float64 // device pixels per CSS pixel; 0 means 1
	Touch         bool    // report touch support (navigator.maxTouchPoints > 0)
	Mobile        bool    // emulate a mobile device (meta viewport, overlay scrollbars)
}

// Desktop is the viewport the tests and the benchmark use by default.
var Desktop = Viewport{Width: 1280, Height: 800, Scale: 1}

// Phone is a phone's viewport (390×844 CSS px, touch), at scale 1 so screenshots map 1:1.
var Phone = Viewport{Width: 390, Height: 844, Scale: 1, Touch: true, Mobile: true}

// Timeout bounds one call into a tab (an evaluation, an input event, a screenshot).
const Timeout = 30 * time.Second

// Tab is one page of the browser. Its methods are for one goroutine at a time.
type Tab struct {
	ctx    context.Context // the tab's chromedp context; it has run once
	cancel context.CancelFunc

	mu       sync.Mutex        // guards the fields below, written by the event listener
	problems []Problem         // console output, exceptions, failed or ≥ 400 loads
	urls     map[string]string // request id → URL, to name failed requests

	dialogs chan *page.EventJavascriptDialogOpening // dialogs the page opened, for Leave
}

// Problem is something the page showed in the browser's console or network log.
type Problem struct {
	Kind  string // "console" (a console.* call), "exception", "log" (the browser's own log), "request" (failed), "http" (status ≥ 400)
	Level string // for "console" the call (log, warning, error…), for "log" the entry's level
	Text  string
}

// String returns the problem on one line.
func (p Problem) String() string { return p.Kind + " " + p.Level + ": " + p.Text }

// NewTab opens a blank tab with the viewport and starts collecting problems. Close it when
// done.
func (b *Browser) NewTab(v Viewport) (*Tab, error) {
	ctx, cancel := chromedp.NewContext(b.ctx)
	t := &Tab{ctx: ctx, cancel: cancel, urls: map[string]string{}, dialogs: make(chan *page.EventJavascriptDialogOpening, 4)}
	if err := chromedp.Listen(ctx, t.listen); err != nil {
		cancel()
		return nil, fmt.Errorf("browser: opening a tab: %w", err)
	}
	if err := t.Resize(v); err != nil {
		cancel()
		return nil, err
	}
	return t, nil
}

// Close closes the tab.
func (t *Tab) Close() { t.cancel() }

// run runs an action in the tab with Timeout.
func (t *Tab) run(a chromedp.Action[chromedp.Void]) error {
	ctx, cancel := context.WithTimeout(t.ctx, Timeout)
	defer cancel()
	_, err := chromedp.Run(ctx, a)
	return err
}

// send sends the tab's page one DevTools command and waits (at most Timeout) for its
// answer, which it drops: what the commands that only act (input, emulation, navigation)
// all need.
func send[P, R any](t *Tab, c cdp.Command[P, R], params P) error {
	return t.run(func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
		_, err := cdp.Call(ctx, tg, c, params)
		return chromedp.Void{}, err
	})
}

// listen records what a user would see as a fault: any console message, an uncaught
// exception, a log entry (such as a failed resource), a failed request or an HTTP error.
// It runs on chromedp's reading goroutine, so it only appends.
func (t *Tab) listen(ev any) {
	var pr Problem
	switch e := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		args := make([]string, 0, len(e.Args))
		for _, a := range e.Args {
			switch {
			case len(a.Value) > 0:
				args = append(args, string(a.Value))
			case a.Description != "":
				args = append(args, a.Description)
			default:
				args = append(args, string(a.Type))
			}
		}
		pr = Problem{"console", string(e.Type), strings.Join(args, " ")}
	case *runtime.EventExceptionThrown:
		d := e.ExceptionDetails
		text := d.Text
		if d.Exception != nil && d.Exception.Description != "" {
			text += " " + d.Exception.Description
		}
		pr = Problem{"exception", "error", fmt.Sprintf("%s (%s:%d:%d)", text, d.URL, d.LineNumber, d.ColumnNumber)}
	case *log.EventEntryAdded:
		pr = Problem{"log", string(e.Entry.Level), fmt.Sprintf("[%s] %s %s", e.Entry.Source, e.Entry.Text, e.Entry.URL)}
	case *network.EventRequestWillBeSent:
		t.mu.Lock()
		t.urls[string(e.RequestID)] = e.Request.URL
		t.mu.Unlock()
	case *network.EventLoadingFailed:
		t.mu.Lock()
		url := t.urls[string(e.RequestID)]
		t.mu.Unlock()
		text := url + ": " + e.ErrorText
		if e.Canceled {
			text += " (canceled)"
		}
		pr = Problem{"request", "error", text}
	case *network.EventResponseReceived:
		if e.Response != nil && e.Response.Status >= 400 {
			pr = Problem{"http", "error", fmt.Sprintf("%d for %s", e.Response.Status, e.Response.URL)}
		}
	case *page.EventJavascriptDialogOpening:
		select {
		case t.dialogs <- e:
		default:
		}
		if e.Type != page.DialogTypeBeforeunload {
			pr = Problem{"dialog", string(e.Type), e.Message} // alert, confirm, prompt: never expected
		}
	}
	if pr.Kind != "" {
		t.mu.Lock()
		t.problems = append(t.problems, pr)
		t.mu.Unlock()
	}
}

// Problems returns what the page wrote to the console, threw uncaught or failed to load so
// far.
func (t *Tab) Problems() []Problem {
	t.mu.Lock()
	defer t.mu.Unlock()
	return append([]Problem(nil), t.problems...)
}

// Open opens url as a first visit: it clears what the browser keeps for url's origin
// (ClearStorage), then visits it (Visit).
func (t *Tab) Open(url string, ready time.Duration) (time.Duration, error) {
	if err := t.ClearStorage(url); err != nil {
		return 0, err
	}
	return t.Visit(url, ready)
}

// Visit navigates to url, keeping what the browser stored for it (a return visit), and
// waits until window.nnplay exists (at most ready), returning how long that took from the
// start of the navigation.
func (t *Tab) Visit(url string, ready time.Duration) (time.Duration, error) {
	start := time.Now()
	if err := t.run(chromedp.Navigate(url)); err != nil {
		return 0, fmt.Errorf("browser: opening %s: %w", url, err)
	}
	if err := t.WaitFor(`typeof window.nnplay === "object" && window.nnplay !== null && typeof window.nnplay.state === "function"`, ready); err != nil {
		return 0, fmt.Errorf("browser: window.nnplay did not appear within %v of opening %s (problems: %q): %w", ready, url, t.Problems(), err)
	}
	return time.Since(start), nil
}

// Leave navigates the tab to url as a person leaving the page does, and reports whether the
// page asked first (a beforeunload dialog: "Leave site?"). When it asks, stay answers:
// true stays on the page (the navigation is cancelled), false leaves.
func (t *Tab) Leave(url string, stay bool) (asked bool, err error) {
	for len(t.dialogs) > 0 {
		<-t.dialogs // earlier ones are answered
	}
	done := make(chan error, 1)
	go func() {
		done <- send(t, page.Navigate, page.NavigateParams{URL: url})
	}()
	select {
	case err := <-done:
		if err != nil {
			return false, fmt.Errorf("browser: leaving for %s: %w", url, err)
		}
		return false, nil
	case d := <-t.dialogs:
		if d.Type != page.DialogTypeBeforeunload {
			return true, fmt.Errorf("browser: leaving for %s opened a %s dialog: %q", url, d.Type, d.Message)
		}
		if err := t.answer(!stay); err != nil {
			return true, fmt.Errorf("browser: answering the beforeunload dialog: %w", err)
		}
		if err := <-done; err != nil && !stay {
			return true, fmt.Errorf("browser: leaving for %s: %w", url, err)
		}
		return true, nil
	case <-time.After(Timeout):
		return false, fmt.Errorf("browser: leaving for %s: neither navigated nor asked within %v", url, Timeout)
	}
}

// WaitFor polls the JavaScript condition (see Poll) until it is true or within has passed.
func (t *Tab) WaitFor(cond string, within time.Duration) error {
	err := Poll(within, func() error {
		ok, err := Eval[bool](t, "!!("+cond+")")
		if err == nil && !ok {
			err = errors.New("false")
		}
		return err
	})
	if err != nil {
		return fmt.Errorf("waiting for %s: %w", cond, err)
	}
	return nil
}

// Frames waits until the top-level page has begun n more animation frames, so the canvas
// (whose frames run in step with the page's) has seen the input sent before.
func (t *Tab) Frames(n int) error {
	_, err := Eval[bool](t, fmt.Sprintf(`new Promise(r => { let k = %d; const f = () => (--k <= 0 ? r(true) : requestAnimationFrame(f)); requestAnimationFrame(f); })`, n), chromedp.EvalAwaitPromise)
	return err
}

// Eval evaluates a JavaScript expression in the top-level page and decodes its JSON value
// into T.
func Eval[T any](t *Tab, expr string, opts ...chromedp.EvaluateOption) (T, error) {
	ctx, cancel := context.WithTimeout(t.ctx, Timeout)
	defer cancel()
	return chromedp.Run(ctx, chromedp.Evaluate[T](expr, opts...))
}

// APIError is an exception thrown by a window.nnplay call.
type APIError struct {
	Method  string
	Message string // the thrown value's message
	IsError bool   // it was an Error (of any realm), not some other thrown value
}

// Error returns the call and the message.
func (e *APIError) Error() string {
	return fmt.Sprintf("nnplay.%s threw %q", e.Method, e.Message)
}

// Call calls window.nnplay[method](args...) in the page, each argument JSON-encoded, and
// decodes the returned value into T. A thrown exception comes back as an *APIError; it is
// caught inside the page, so it never reaches the console.
func Call[T any](t *Tab, method string, args ...any) (T, error) {
	if args == nil {
		args = []any{}
	}
	enc, err := json.Marshal(args)
	if err != nil {
		var zero T
		return zero, fmt.Errorf("browser: encoding the arguments of %s: %w", method, err)
	}
	return CallJS[T](t, method, string(enc))
}

// CallJS is Call with the arguments given as a JavaScript array expression, for values JSON
// cannot carry (NaN, Infinity, undefined, a function).
func CallJS[T any](t *Tab, method, args string) (T, error) {
	var zero T
	m, _ := json.Marshal(method)
	expr := fmt.Sprintf(`(() => {
		const args = %s;
		try {
			const v = window.nnplay[%s](...args);
			return {ok: true, value: v === undefined ? null : v, promise: v instanceof Promise};
		} catch (e) {
			return {ok: false, message: String(e && e.message !== undefined ? e.message : e),
				isError: Object.prototype.toString.call(e) === "[object Error]"};
		}
	})()`, args, m)
	res, err := Eval[struct {
		OK      bool            `json:"ok"`
		Value   json.RawMessage `json:"value"`
		Promise bool            `json:"promise"`
		Message string          `json:"message"`
		IsError bool            `json:"isError"`
	}](t, expr)
	if err != nil {
		return zero, fmt.Errorf("browser: calling nnplay.%s: %w", method, err)
	}
	if !res.OK {
		return zero, &APIError{Method: method, Message: res.Message, IsError: res.IsError}
	}
	if res.Promise {
		return zero, fmt.Errorf("browser: nnplay.%s returned a Promise; the API returns at once", method)
	}
	if err := json.Unmarshal(res.Value, &zero); err != nil {
		return zero, fmt.Errorf("browser: decoding nnplay.%s's result %s: %w", method, res.Value, err)
	}
	return zero, nil
}

// Screenshot captures the viewport as an image (device pixels; at scale 1, CSS pixels) and
// its PNG bytes.
func (t *Tab) Screenshot() (image.Image, []byte, error) {
	ctx, cancel := context.WithTimeout(t.ctx, Timeout)
	defer cancel()
	data, err := chromedp.Run(ctx, func(ctx context.Context, tg *chromedp.Target) ([]byte, error) {
		fromSurface := true
		r, err := cdp.Call(ctx, tg, page.CaptureScreenshot, page.CaptureScreenshotParams{Format: page.CaptureScreenshotFormatPng, FromSurface: &fromSurface})
		if err != nil {
			return nil, err
		}
		return r.Data, nil
	})
	if err != nil {
		return nil, nil, fmt.Errorf("browser: screenshot: %w", err)
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, nil, fmt.Errorf("browser: screenshot: %w", err)
	}
	return img, data, nil
}

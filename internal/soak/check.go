//go:build !(js && wasm)

package soak

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"time"

	"nnplay/api"
	"nnplay/internal/browser"
)

// check reads the page after action a (nil for the page as opened or after a skipped
// gesture) and compares it with the shadow and the rules in the package comment. weights
// is model() from before a, when a keeps the weights and the page was paused.
func (r *runner) check(a *action, weights []byte) error {
	start := time.Now()
	raw, err := browser.Call[json.RawMessage](r.tab, "state")
	if err != nil {
		return fmt.Errorf("state(): %w", err)
	}
	if took := time.Since(start); took > PageAnswer {
		return fmt.Errorf("the page took %v to answer state(), more than %v", took.Round(time.Millisecond), PageAnswer)
	}
	if err := r.problems(); err != nil {
		return err
	}
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		return fmt.Errorf("state() is not JSON: %w", err)
	}
	if path := nullOutside(v, ""); path != "" {
		return fmt.Errorf("state()%s is null (a number that is not finite?); only %v may be", path, nullable)
	}
	var st pageState
	if err := json.Unmarshal(raw, &st); err != nil {
		return fmt.Errorf("reading state(): %w", err)
	}
	if d := r.sh.differs(st); d != "" {
		return fmt.Errorf("the page differs from the shadow: %s", d)
	}
	if err := r.predictGrid(); err != nil {
		return err
	}
	if weights != nil && !st.Running {
		now, err := browser.Call[json.RawMessage](r.tab, "model")
		if err != nil {
			return fmt.Errorf("model(): %w", err)
		}
		if !bytes.Equal(now, weights) {
			return fmt.Errorf("the weights changed, though %s keeps them and the page is paused", a.kind)
		}
	}
	return r.sample(st)
}

// problems fails on anything new in the tab's console: a console call, an uncaught
// exception, a log entry, a failed request.
func (r *runner) problems() error {
	all := r.tab.Problems()
	fresh := all[r.seen:]
	r.seen = len(all)
	if len(fresh) == 0 {
		return nil
	}
	lines := make([]string, len(fresh))
	for i, p := range fresh {
		lines[i] = p.String()
	}
	return fmt.Errorf("the console shows:\n  %s", strings.Join(lines, "\n  "))
}

// nullable are the keys of state() that may be null: api.Status's pointer fields.
var nullable = func() []string {
	var keys []string
	t := reflect.TypeOf(api.Status{})
	for i := range t.NumField() {
		if f := t.Field(i); f.Type.Kind() == reflect.Pointer {
			keys = append(keys, strings.Split(f.Tag.Get("json"), ",")[0])
		}
	}
	return keys
}()

// nullOutside returns the path of a null in v that is not at a nullable key of the top
// level, or "". JSON cannot carry NaN or ±Inf: the page's JSON turns them into null, so a
// null elsewhere is a number gone bad.
func nullOutside(v any, path string) string {
	switch v := v.(type) {
	case nil:
		return path
	case map[string]any:
		for k, e := range v {
			if e == nil && path == "" && slices.Contains(nullable, k) {
				continue
			}
			if p := nullOutside(e, path+"."+k); p != "" {
				return p
			}
		}
	case []any:
		for i, e := range v {
			if p := nullOutside(e, fmt.Sprintf("%s[%d]", path, i)); p != "" {
				return p
			}
		}
	}
	return ""
}

// predictGrid calls predict over a 9×9 grid of the plane and fails on a value that is not
// a finite number.
func (r *runner) predictGrid() error {
	bad, err := browser.Eval[[]string](r.tab, `(() => {
		const bad = [];
		for (let i = 0; i <= 8; i++) for (let j = 0; j <= 8; j++) {
			const x = -6 + 1.5 * i, y = -6 + 1.5 * j, v = nnplay.predict(x, y);
			if (typeof v !== "number" || !Number.isFinite(v)) bad.push("predict(" + x + ", " + y + ") = " + String(v));
		}
		return bad;
	})()`)
	if err != nil {
		return fmt.Errorf("predict over a grid: %w", err)
	}
	if len(bad) > 0 {
		return fmt.Errorf("predict is not finite: %s", strings.Join(bad, "; "))
	}
	return nil
}

// sample keeps the heap, frame and epoch figures of a state() and holds the heap to its
// bound.
func (r *runner) sample(st pageState) error {
	rep := r.rep
	if h := st.Frame.HeapBytes; h > 0 {
		if rep.HeapMin == 0 || h < rep.HeapMin {
			rep.HeapMin = h
		}
		rep.HeapMax = max(rep.HeapMax, h)
		if h > rep.HeapBound {
			return fmt.Errorf("the Go heap is %.1f MB, over the bound of %.1f MB", h/1e6, rep.HeapBound/1e6)
		}
	}
	if st.Frame.P95Ms > 0 {
		r.p50s = append(r.p50s, st.Frame.P50Ms)
		r.p95s = append(r.p95s, st.Frame.P95Ms)
		rep.FrameP50, rep.FrameP95 = median(r.p50s), median(r.p95s)
		rep.FrameP95Max = max(rep.FrameP95Max, st.Frame.P95Ms)
	}
	if st.Epoch > r.epoch {
		rep.Epochs += st.Epoch - r.epoch
	}
	r.epoch = st.Epoch
	return nil
}

// median returns the middle of v (v non-empty).
func median(v []float64) float64 {
	s := slices.Clone(v)
	slices.Sort(s)
	return s[len(s)/2]
}

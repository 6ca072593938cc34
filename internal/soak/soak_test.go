//go:build !(js && wasm)

package soak

import (
	"encoding/json"
	"fmt"
	"maps"
	"testing"
)

// dryRun draws n actions from seed without a page, each applied to the shadow as the soak
// applies it after the page did it, and returns the actions as the failure report lists
// them ("kind: desc"), the kinds drawn and the shadow's points and settings at the end.
// What only the page decides is left at its zero value: where a gesture's pixels map (a
// drag then moves its point to (0, 0)), what a list offers.
func dryRun(t *testing.T, seed uint64, n int) (actions []string, kinds map[string]bool, end string) {
	t.Helper()
	r := newRunner(seed)
	kinds = map[string]bool{}
	for range n {
		a := r.next()
		actions = append(actions, a.kind+": "+a.desc)
		kinds[a.kind] = true
		a.apply(r.sh) // a refusal changes nothing, here as in the page
	}
	b, err := json.Marshal(struct {
		Settings any
		Points   any
	}{r.sh.s.Settings(), r.sh.s.Points()})
	if err != nil {
		t.Fatal(err)
	}
	return actions, kinds, string(b)
}

// TestSameSeedSameActions: the actions a seed draws are a function of the seed and the
// shadow alone, so a failing seed replays: two runs from one seed draw the same 400 actions
// and end with the same shadow, every kind of action among them; another seed draws
// others; the value brush, drawn only on regression, by one of the seeds at least. (A planner that read the clock or the order of a map's keys fails it.)
func TestSameSeedSameActions(t *testing.T) {
	const n = 400
	drawn := map[string]bool{} // by any seed
	for _, seed := range []uint64{1, 7, 20261129} {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			first, kinds, end := dryRun(t, seed, n)
			maps.Copy(drawn, kinds)
			again, _, endAgain := dryRun(t, seed, n)
			if i := firstDifference(first, again); i >= 0 {
				t.Fatalf("seed %d drew different actions at action %d:\n  %s\n  %s", seed, i+1, first[i], again[i])
			}
			if end != endAgain {
				t.Errorf("seed %d: the same actions left different shadows:\n  %s\n  %s", seed, end, endAgain)
			}
			for _, k := range []string{"drag", "add", "delete", "key-edit", "control", "button", "page-key",
				"configure", "bad-call", "address", "reload", "resize",
				"checkbox", "stepper", "number", "relabel", "file", "share", "start-fresh"} {
				if !kinds[k] {
					t.Errorf("seed %d drew no %s action in %d", seed, k, n)
				}
			}
			other, _, _ := dryRun(t, seed+1, n)
			if firstDifference(first, other) < 0 {
				t.Errorf("seeds %d and %d drew the same %d actions", seed, seed+1, n)
			}
		})
	}
	// The value brush is drawn only while the problem is regression, a few of every
	// hundred actions: some seed draws it.
	if !drawn["brush"] {
		t.Errorf("no seed drew a brush action in %d", n)
	}
}

// firstDifference returns the index of the first action where a and b (of one length)
// differ, or -1.
func firstDifference(a, b []string) int {
	for i := range a {
		if a[i] != b[i] {
			return i
		}
	}
	return -1
}

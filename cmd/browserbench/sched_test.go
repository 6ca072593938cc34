//go:build !(js && wasm)

package main

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"nnplay/api"
)

// TestSchedOf: on a made-up recording, two frames of the page's main thread (chromium,
// thread 100): the first ran throughout; the second waited 2 ms while Thread<00> held the
// CPU. The frames' clock is found against the trace (shift 0), the second frame's 4 ms split
// into 2 on a CPU and 2 preempted, and Thread<00> named as what ran instead.
func TestSchedOf(t *testing.T) {
	// Switches at ms after 1000 s: pid/tid switched out, its state, the thread switched in.
	var out strings.Builder
	for _, s := range []struct {
		ms          float64
		pid, tid    int
		prev, state string
		nextComm    string
		next        int
	}{
		{-10, 0, 0, "swapper/0", "R", "perf", 5},
		{0, 5, 5, "perf", "S", "chromium", 100},
		{4, 100, 100, "chromium", "S", "swapper/0", 0},
		{10, 0, 0, "swapper/0", "R", "chromium", 100},
		{11, 100, 100, "chromium", "R", "Thread<00>", 201},
		{13, 200, 201, "Thread<00>", "S", "chromium", 100},
		{14, 100, 100, "chromium", "S", "swapper/0", 0},
		{30, 0, 0, "swapper/0", "R", "perf", 5},
	} {
		fmt.Fprintf(&out, "%6d/%-6d [000] %.6f: prev_comm=%s prev_pid=%d prev_prio=120 prev_state=%s ==> next_comm=%s next_pid=%d next_prio=120\n",
			s.pid, s.tid, 1000+s.ms/1000, s.prev, s.tid, s.state, s.nextComm, s.next)
	}
	// Frame 0: the field from 0 to 2 ms, the submit from 3 to 4; frame 1: the field from 10
	// to 14 ms. The frames' clock reads 0 at 1000 s.
	r := result{goMs: []float64{3, 4}, clock: clockMap{offset: 1e6}}
	var p0, a0, p1, a1 [api.NumParts]float64
	p0[api.PartField], p0[api.PartSubmit], a0[api.PartSubmit] = 2, 1, 3
	p1[api.PartField], a1[api.PartField] = 4, 10
	r.parts, r.at = [][api.NumParts]float64{p0, p1}, [][api.NumParts]float64{a0, a1}
	s, err := schedOf([]byte(out.String()), &r)
	if err != nil {
		t.Fatal(err)
	}
	near := func(a, b []float64) bool {
		if len(a) != len(b) {
			return false
		}
		for i := range a {
			if math.Abs(a[i]-b[i]) > 1e-6 {
				return false
			}
		}
		return true
	}
	if math.Abs(s.shift) > 1e-6 || !near(s.onCPU, []float64{3, 2}) || !near(s.preempted, []float64{0, 2}) {
		t.Errorf("shift %v, on a CPU %v, preempted %v; want 0, [3 2], [0 2]", s.shift, s.onCPU, s.preempted)
	}
	if got := s.ranInstead["Thread<00>"]; math.Abs(got-2) > 1e-6 || len(s.ranInstead) != 1 {
		t.Errorf("ran instead %v, want Thread<00> for 2 ms", s.ranInstead)
	}
}

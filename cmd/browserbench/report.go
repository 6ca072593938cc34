//go:build !(js && wasm)

package main

import (
	"cmp"
	"fmt"
	"io"
	"maps"
	"slices"
	"text/tabwriter"

	"nnplay/api"
)

// partsTable prints the mean parts of a frame, in the middle half of the frames (by Go time)
// and in those at or above the p95, one row each per flag set.
func partsTable(out io.Writer, rs []result) error {
	w := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	fmt.Fprint(w, "parts of a frame, mean ms\tframes")
	for _, name := range api.PartNames {
		fmt.Fprintf(w, "\t%s", name)
	}
	fmt.Fprint(w, "\tGo frame\n")
	for _, r := range rs {
		order := make([]int, len(r.goMs))
		for i := range order {
			order[i] = i
		}
		slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(r.goMs[a], r.goMs[b]) })
		p95 := pct(r.goMs, 95)
		slow := slices.DeleteFunc(slices.Clone(order), func(i int) bool { return r.goMs[i] < p95 })
		n := len(order)
		partsRow(w, r.name+", middle half", r, order[n/4:n-n/4])
		partsRow(w, r.name+", p95 and above", r, slow)
	}
	if err := w.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(out)
	return nil
}

// partsRow prints the mean parts of the frames idx of r.
func partsRow(w io.Writer, name string, r result, idx []int) {
	fmt.Fprintf(w, "%s\t%d", name, len(idx))
	var sum [api.NumParts + 1]float64
	for _, i := range idx {
		for p, v := range r.parts[i] {
			sum[p] += v
		}
		sum[api.NumParts] += r.goMs[i]
	}
	for _, v := range sum {
		fmt.Fprintf(w, "\t%.2f", v/float64(max(len(idx), 1)))
	}
	fmt.Fprintln(w)
}

// schedTable prints, per flag set, how much of the frames the page's main thread ran and
// what ran while it waited (schedResult).
func schedTable(out io.Writer, rs []result) error {
	w := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	fmt.Fprint(w, "the scheduler's view (-sched)")
	for _, r := range rs {
		fmt.Fprintf(w, "\t%s", r.name)
	}
	fmt.Fprintln(w)
	row := func(name string, v func(s *schedResult) string) {
		fmt.Fprint(w, name)
		for _, r := range rs {
			fmt.Fprintf(w, "\t%s", v(r.sched))
		}
		fmt.Fprintln(w)
	}
	row("frames in the recording", func(s *schedResult) string { return fmt.Sprint(len(s.wall)) })
	row("Go frame p50 / p95, ms", func(s *schedResult) string {
		return fmt.Sprintf("%.2f / %.2f", pct(s.wall, 50), pct(s.wall, 95))
	})
	row("  on a CPU p50 / p95, ms", func(s *schedResult) string {
		return fmt.Sprintf("%.2f / %.2f", pct(s.onCPU, 50), pct(s.onCPU, 95))
	})
	row("  preempted p50 / p95, ms", func(s *schedResult) string {
		return fmt.Sprintf("%.2f / %.2f", pct(s.preempted, 50), pct(s.preempted, 95))
	})
	row("  neither (asleep, or off the alignment), p95, ms", func(s *schedResult) string {
		rest := make([]float64, len(s.wall))
		for i := range rest {
			rest[i] = max(0, s.wall[i]-s.onCPU[i]-s.preempted[i])
		}
		return fmt.Sprintf("%.2f", pct(rest, 95))
	})
	row("frames preempted ≥ 1 ms", func(s *schedResult) string {
		n := len(slices.DeleteFunc(slices.Clone(s.preempted), func(v float64) bool { return v < 1 }))
		return fmt.Sprintf("%d (%.0f %%)", n, 100*float64(n)/float64(max(len(s.wall), 1)))
	})
	row("alignment of the frames' clock, ms", func(s *schedResult) string { return fmt.Sprintf("%+.2f", s.shift) })
	if err := w.Flush(); err != nil {
		return err
	}
	for _, r := range rs {
		s := r.sched
		names := slices.SortedFunc(maps.Keys(s.ranInstead), func(a, b string) int {
			return cmp.Compare(s.ranInstead[b], s.ranInstead[a])
		})
		fmt.Fprintf(out, "%s: ran while the main thread waited in the p95 frames:\n", r.name)
		for _, n := range names[:min(len(names), 6)] {
			fmt.Fprintf(out, "  %5.1f ms  %s\n", s.ranInstead[n], n)
		}
	}
	fmt.Fprintln(out)
	return nil
}

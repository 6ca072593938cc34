//go:build !(js && wasm)

package main

import (
	"bufio"
	"bytes"
	"cmp"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"

	"nnplay/api"
)

// schedResult is the scheduler's view of the frames measured (-sched): while the benchmark
// measures, perf records every context switch on the machine (sched:sched_switch, on
// CLOCK_MONOTONIC); the page's main thread is the thread whose time on a CPU best covers the
// Go frames' parts, once the frames' clock is aligned to the trace. A frame's time splits
// into the time the main thread ran (onCPU), the time it was ready to run but other threads
// held the CPUs (preempted), and the rest (asleep, or where the alignment missed it).
type schedResult struct {
	// Per frame analysed, in the order of r.goMs, ms: the main thread on a CPU and
	// preempted; the rest of a frame's time it was asleep, or the alignment missed it.
	onCPU, preempted []float64
	wall             []float64          // those frames' Go time, ms
	ranInstead       map[string]float64 // ms other threads ran while the main thread waited, in the p95 frames
	shift            float64            // the alignment found, ms, on top of the clock map
}

// schedTrace is a perf recording in progress.
type schedTrace struct {
	cmd  *exec.Cmd
	file string
}

// startSched starts perf recording context switches on every CPU, stamped with
// CLOCK_MONOTONIC.
func startSched() (*schedTrace, error) {
	dir, err := os.MkdirTemp("", "browserbench-sched-")
	if err != nil {
		return nil, err
	}
	t := &schedTrace{file: filepath.Join(dir, "perf.data")}
	if runtime.GOOS != "linux" {
		return nil, fmt.Errorf("-sched runs on Linux only (perf)")
	}
	t.cmd = exec.Command("perf", "record", "-q", "-k", "CLOCK_MONOTONIC", "-e", "sched:sched_switch", "-a", "-o", t.file)
	if err := t.cmd.Start(); err != nil {
		return nil, fmt.Errorf("-sched needs perf (linux-perf) with access to sched tracepoints: %w", err)
	}
	return t, nil
}

// cancel stops the recording if it still runs and removes its file.
func (t *schedTrace) cancel() {
	if t.cmd.ProcessState == nil {
		t.cmd.Process.Signal(os.Interrupt)
		t.cmd.Wait()
	}
	os.RemoveAll(filepath.Dir(t.file))
}

// span is a thread's stretch on or off a CPU, wall-clock ms.
type span struct {
	from, to float64
	tid      int
	ready    bool // off a CPU: it was preempted (runnable), not asleep
}

// switchLine is one line of perf script -F pid,tid,cpu,time,trace: "pid/tid [cpu] seconds:
// prev_comm=X prev_pid=N prev_prio=P prev_state=S ==> next_comm=Y next_pid=M", pid/tid
// being the thread switched out.
var switchLine = regexp.MustCompile(`^\s*(\d+)/\d+\s+\[(\d+)\]\s+([\d.]+):.*prev_comm=(.*) prev_pid=(\d+) prev_prio=\d+ prev_state=(\S+) ==> next_comm=(.*) next_pid=(\d+)`)

// switches is a recording read back: each thread's name, its stretches on a CPU (runs),
// its stretches preempted (waits), both in the order they ended.
type switches struct {
	comm        map[int]string
	pid         map[int]int    // each thread's process
	names       map[int]string // name's answers
	dataDir     string         // the measured browser's --user-data-dir
	runs, waits []span
}

// read parses perf script's lines.
func read(out []byte) (*switches, error) {
	t := &switches{comm: map[int]string{}, pid: map[int]int{}, names: map[int]string{}}
	since := map[int]float64{} // when each thread last went on a CPU
	off := map[int]span{}      // each thread's current stretch off a CPU
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		m := switchLine.FindStringSubmatch(sc.Text())
		if m == nil {
			continue
		}
		pid, _ := strconv.Atoi(m[1])
		sec, _ := strconv.ParseFloat(m[3], 64)
		now := sec * 1e3
		prev, _ := strconv.Atoi(m[5])
		next, _ := strconv.Atoi(m[8])
		t.comm[prev], t.comm[next], t.pid[prev] = m[4], m[7], pid
		if from, ok := since[prev]; ok {
			t.runs = append(t.runs, span{from: from, to: now, tid: prev})
		}
		off[prev] = span{from: now, tid: prev, ready: m[6] == "R" || m[6] == "R+"}
		if w, ok := off[next]; ok && w.ready {
			w.to = now
			t.waits = append(t.waits, w)
		}
		delete(off, next)
		since[next] = now
	}
	if len(t.runs) == 0 {
		return nil, fmt.Errorf("perf recorded no context switches")
	}
	return t, sc.Err()
}

// of returns the spans of thread tid among ss, and with names, those of the threads named so.
func of(ss []span, keep func(tid int) bool) map[int][]span {
	by := map[int][]span{}
	for _, s := range ss {
		if keep(s.tid) {
			by[s.tid] = append(by[s.tid], s)
		}
	}
	return by
}

// analyse stops the recording and splits r's frames into time on and off a CPU.
func (t *schedTrace) analyse(r *result) (*schedResult, error) {
	t.cmd.Process.Signal(os.Interrupt)
	t.cmd.Wait() // perf ends by the signal; perf script says if the recording is unreadable
	out, err := exec.Command("perf", "script", "-i", t.file, "-F", "pid,tid,cpu,time,trace").Output()
	if err != nil {
		return nil, fmt.Errorf("perf script: %w", err)
	}
	return schedOf(out, r)
}

// schedOf splits r's frames by perf script's output out.
func schedOf(out []byte, r *result) (*schedResult, error) {
	sw, err := read(out)
	if err != nil {
		return nil, err
	}
	frames := goSpans(r)
	// The alignment: the shift of the frames' clock (within the clock map's uncertainty and
	// a margin) and the page's main thread (its main threads are named chromium) that put
	// the most of the frames' time on a CPU.
	byTid := of(sw.runs, func(tid int) bool { c := sw.comm[tid]; return c == "chromium" || c == "CrRendererMain" })
	best, main, shift := -1.0, 0, 0.0
	try := func(d float64) {
		for tid, rs := range byTid {
			if s := covered(frames, d, rs); s > best {
				best, main, shift = s, tid, d
			}
		}
	}
	for d := -100.0; d <= 100; d++ {
		try(d)
	}
	for d, c := -1.0, shift; d <= 1; d += 0.05 {
		try(c + d)
	}
	sw.dataDir = flagValue(sw.cmdline(main), "--user-data-dir=")
	waits := of(sw.waits, func(tid int) bool { return tid == main })[main]
	slices.SortFunc(waits, func(a, b span) int { return cmp.Compare(a.from, b.from) })
	res := &schedResult{shift: shift, ranInstead: map[string]float64{}}
	first, last := sw.runs[0].from, sw.runs[len(sw.runs)-1].to
	p95 := pct(r.goMs, 95)
	for i, f := range frames {
		if len(f) == 0 || f[0].from+shift < first || f[len(f)-1].to+shift > last {
			continue // outside the recording
		}
		pre := covered([][]span{f}, shift, waits)
		res.wall = append(res.wall, r.goMs[i])
		res.preempted = append(res.preempted, pre)
		res.onCPU = append(res.onCPU, covered([][]span{f}, shift, byTid[main]))
		if r.goMs[i] >= p95 && pre > 0 {
			sw.ranWhile(res.ranInstead, f, shift, waits, main)
		}
	}
	return res, nil
}

// ranWhile adds to ran, by thread name, the time other threads ran while the main thread
// waited during the frame's spans f (shifted by d).
func (sw *switches) ranWhile(ran map[string]float64, f []span, d float64, waits []span, main int) {
	for _, p := range f {
		a, b := p.from+d, p.to+d
		for _, w := range waits {
			a2, b2 := max(a, w.from), min(b, w.to)
			if a2 >= b2 {
				continue
			}
			i, _ := slices.BinarySearchFunc(sw.runs, a2, func(s span, t float64) int { return cmp.Compare(s.to, t) })
			for ; i < len(sw.runs) && sw.runs[i].to < b2+1000; i++ {
				if s := sw.runs[i]; s.tid != main && overlap(a2, b2, s.from, s.to) > 0 {
					ran[sw.name(s.tid)] += overlap(a2, b2, s.from, s.to)
				}
			}
		}
	}
}

// name returns the name of thread tid, with the kind of Chromium process it is in (the
// browser, a renderer, the GPU process, a utility).
func (sw *switches) name(tid int) string {
	if n, ok := sw.names[tid]; ok {
		return n
	}
	n := sw.comm[tid]
	if cmd := sw.cmdline(tid); len(cmd) > 0 && strings.Contains(cmd[0], "chrom") {
		kind := "browser"
		if k := flagValue(cmd, "--type="); k != "" {
			kind = k
		}
		if dir := flagValue(cmd, "--user-data-dir="); dir != sw.dataDir {
			kind += ", another Chromium"
		}
		n += " (" + kind + ")"
	}
	sw.names[tid] = n
	return n
}

// cmdline returns the arguments of thread tid's process, none once it has ended.
func (sw *switches) cmdline(tid int) []string {
	return procArgs(fmt.Sprintf("/proc/%d", sw.pid[tid]))
}

// procArgs returns the arguments of the process whose /proc directory is dir, none if it
// cannot be read. Chromium rewrites its processes' titles, so they may be split by spaces
// rather than NULs.
func procArgs(dir string) []string {
	cmd, err := os.ReadFile(filepath.Join(dir, "cmdline"))
	if err != nil {
		return nil
	}
	return strings.FieldsFunc(string(cmd), func(r rune) bool { return r == 0 || r == ' ' })
}

// flagValue returns the value of the flag (such as "--type=") among the arguments args, ""
// if it is not there.
func flagValue(args []string, flag string) string {
	for _, a := range args {
		if v, ok := strings.CutPrefix(a, flag); ok {
			return v
		}
	}
	return ""
}

// goSpans returns each frame's parts as wall-clock spans, by r's clock map.
func goSpans(r *result) [][]span {
	frames := make([][]span, len(r.goMs))
	for i := range r.goMs {
		for p := range api.NumParts {
			if d := r.parts[i][p]; d > 0 {
				from := r.at[i][p] + r.clock.offset
				frames[i] = append(frames[i], span{from: from, to: from + d})
			}
		}
	}
	return frames
}

// covered returns how much of the frames' spans, shifted by d, the spans ss (sorted by from)
// cover, ms.
func covered(frames [][]span, d float64, ss []span) float64 {
	sum := 0.0
	for _, f := range frames {
		for _, p := range f {
			a, b := p.from+d, p.to+d
			i, _ := slices.BinarySearchFunc(ss, a, func(s span, t float64) int { return cmp.Compare(s.to, t) })
			for ; i < len(ss) && ss[i].from < b; i++ {
				sum += overlap(a, b, ss[i].from, ss[i].to)
			}
		}
	}
	return sum
}

// overlap returns the length of the intersection of [a0, a1] and [b0, b1].
func overlap(a0, a1, b0, b1 float64) float64 { return max(0, min(a1, b1)-max(a0, b0)) }

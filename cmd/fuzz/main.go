// Command fuzz runs every fuzz target of the module, one after the other (go test runs one
// -fuzz target per invocation), each for -fuzztime, and prints one line per target: its
// executions, the new inputs it found (added to the cache, not the committed corpus) and its
// failures. A failing input is written by go test under the package's testdata/fuzz/<Target>/,
// where it joins the seed corpus once committed with its fix. The targets are found in the
// module's _test.go files (func FuzzX(f *testing.F)), so a new one is run without listing it;
// the module and its go command are server.FindEnv's, so it runs from any directory in it.
//
//	go run ./cmd/fuzz [-fuzztime 1m] [-parallel 1] [-run regexp]
//
// make fuzz FUZZTIME=10m runs it.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"text/tabwriter"
	"time"

	"nnplay/server"
)

func main() {
	fuzztime := flag.Duration("fuzztime", time.Minute, "how long to fuzz each target")
	parallel := flag.Int("parallel", 1, "fuzzing workers per target (the machine is shared)")
	run := flag.String("run", "", "fuzz only the targets whose name matches this regexp")
	flag.Parse()
	match, err := regexp.Compile(*run)
	if err != nil {
		fmt.Fprintln(os.Stderr, "fuzz: -run:", err)
		os.Exit(2)
	}
	env, err := server.FindEnv()
	if err != nil {
		fmt.Fprintln(os.Stderr, "fuzz:", err)
		os.Exit(1)
	}
	targets, err := findTargets(env.Module)
	if err != nil {
		fmt.Fprintln(os.Stderr, "fuzz:", err)
		os.Exit(1)
	}
	var results []result
	for _, tg := range targets {
		if !match.MatchString(tg.name) {
			continue
		}
		fmt.Fprintf(os.Stderr, "fuzz: %s in %s for %v…\n", tg.name, tg.pkg, *fuzztime)
		results = append(results, fuzz(env, tg, *fuzztime, *parallel))
	}
	if report(os.Stdout, results, *fuzztime) {
		os.Exit(1)
	}
}

// target is one fuzz target: its function's name and its package's directory ("./session").
type target struct{ name, pkg string }

// fuzzFunc matches the declaration of a fuzz target.
var fuzzFunc = regexp.MustCompile(`(?m)^func (Fuzz\w*)\(\w+ \*testing\.F\)`)

// findTargets lists the fuzz targets in the _test.go files under root, the module's root
// (outside hidden and testdata directories), in the order of their packages' paths and then
// their files.
func findTargets(root string) ([]target, error) {
	var out []target
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if path != root && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, "_test.go") {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		pkg, err := filepath.Rel(root, filepath.Dir(path))
		if err != nil {
			return err
		}
		for _, m := range fuzzFunc.FindAllSubmatch(src, -1) {
			out = append(out, target{string(m[1]), "./" + filepath.ToSlash(pkg)})
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("finding the fuzz targets: %w", err)
	}
	return out, nil
}

// result is what one target's run gave.
type result struct {
	target
	elapsed  time.Duration // fuzzing time, as go test last reported it
	execs    int64         // inputs tried
	newInput int64         // new interesting inputs found in this run
	failed   bool          // go test failed: a crash, a failed property, or a build error
	detail   string        // for a failure: go test's words and where it wrote the input
}

// fuzz runs one target with the module's go test and reads its output.
func fuzz(env server.Env, tg target, fuzztime time.Duration, parallel int) result {
	cmd := env.Command("test", "-run=^$", "-fuzz=^"+tg.name+"$",
		"-fuzztime="+fuzztime.String(), fmt.Sprintf("-parallel=%d", parallel), tg.pkg)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	r := parse(out.String())
	r.target = tg
	if err != nil {
		r.failed = true
		if r.detail == "" {
			r.detail = lastLines(out.String(), 5)
		}
	}
	return r
}

// progress matches go test's fuzzing progress line, such as
// "fuzz: elapsed: 9s, execs: 123456 (13717/sec), new interesting: 2 (total: 19)".
var progress = regexp.MustCompile(`fuzz: elapsed: (\S+), execs: (\d+) \(\d+/sec\), new interesting: (\d+)`)

// failure matches the line that says where go test wrote a failing input.
var failure = regexp.MustCompile(`Failing input written to (\S+)`)

// parse reads the executions and new inputs from go test's last progress line, and the
// failure's place and message when it reports one.
func parse(out string) result {
	var r result
	if ms := progress.FindAllStringSubmatch(out, -1); len(ms) > 0 {
		m := ms[len(ms)-1]
		r.elapsed, _ = time.ParseDuration(m[1])
		fmt.Sscan(m[2], &r.execs)
		fmt.Sscan(m[3], &r.newInput)
	}
	if m := failure.FindStringSubmatch(out); m != nil {
		r.failed = true
		r.detail = m[1]
		var msg []string // the failed check's message: its line and the lines indented under it
		for _, line := range strings.Split(out, "\n") {
			t := strings.TrimSpace(line)
			if msg == nil {
				if strings.Contains(t, "_test.go:") {
					msg = []string{t}
				}
				continue
			}
			if t == "" || strings.HasPrefix(t, "Failing input") {
				break
			}
			msg = append(msg, t)
		}
		if msg != nil {
			r.detail = strings.Join(msg, " ") + " — input in " + m[1]
		}
	}
	return r
}

// lastLines returns the last n non-empty lines of s, joined by " | ".
func lastLines(s string, n int) string {
	lines := strings.FieldsFunc(s, func(r rune) bool { return r == '\n' })
	return strings.Join(lines[max(0, len(lines)-n):], " | ")
}

// report prints one line per target and the failures' details, and reports whether any
// target failed.
func report(w io.Writer, rs []result, fuzztime time.Duration) (failed bool) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "target\tpackage\ttime\texecutions\tnew inputs\tfailures\t\n")
	for _, r := range rs {
		fails := 0
		if r.failed {
			fails, failed = 1, true
		}
		fmt.Fprintf(tw, "%s\t%s\t%.0fs\t%d\t%d\t%d\t\n", r.name, r.pkg, r.elapsed.Seconds(), r.execs, r.newInput, fails)
	}
	tw.Flush()
	for _, r := range rs {
		if r.failed {
			fmt.Fprintf(w, "FAIL %s: %s\n", r.name, r.detail)
		}
	}
	fmt.Fprintf(w, "%d targets, %v each\n", len(rs), fuzztime)
	return failed
}

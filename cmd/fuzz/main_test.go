package main

import (
	"strings"
	"testing"
	"time"
)

func TestParse(t *testing.T) {
	for _, tt := range []struct {
		name, out      string
		elapsed        time.Duration
		execs, newIn   int64
		failed         bool
		detailContains string
	}{
		{"passed", `fuzz: elapsed: 0s, gathering baseline coverage: 0/18 completed
fuzz: elapsed: 0s, gathering baseline coverage: 18/18 completed, now fuzzing with 1 workers
fuzz: elapsed: 3s, execs: 9120 (3039/sec), new interesting: 4 (total: 22)
fuzz: elapsed: 6s, execs: 18750 (3210/sec), new interesting: 7 (total: 25)
fuzz: elapsed: 6s, execs: 18902 (3120/sec), new interesting: 7 (total: 25)
PASS
ok  	nnplay/session	6.512s`, 6 * time.Second, 18902, 7, false, ""},
		{"failed", `fuzz: elapsed: 1m3s, execs: 120001 (1904/sec), new interesting: 12 (total: 30)
--- FAIL: FuzzCalls (63.20s)
    --- FAIL: FuzzCalls (0.00s)
        fuzz_test.go:79: setData refused "[1]" but changed
             the playground

    Failing input written to testdata/fuzz/FuzzCalls/8d0f1c2a
    To re-run:
    go test -run=FuzzCalls/8d0f1c2a
FAIL`, 63 * time.Second, 120001, 12, true, `fuzz_test.go:79: setData refused "[1]" but changed the playground — input in testdata/fuzz/FuzzCalls/8d0f1c2a`},
		{"did not build", "# nnplay/api\napi/x.go:1:1: syntax error\nFAIL\tnnplay/api [build failed]", 0, 0, 0, false, ""},
	} {
		r := parse(tt.out)
		if r.elapsed != tt.elapsed || r.execs != tt.execs || r.newInput != tt.newIn || r.failed != tt.failed {
			t.Errorf("%s: elapsed %v, execs %d, new %d, failed %v; want %v, %d, %d, %v", tt.name,
				r.elapsed, r.execs, r.newInput, r.failed, tt.elapsed, tt.execs, tt.newIn, tt.failed)
		}
		if !strings.Contains(r.detail, tt.detailContains) {
			t.Errorf("%s: detail %q, want it to contain %q", tt.name, r.detail, tt.detailContains)
		}
	}
}

func TestFindTargets(t *testing.T) {
	targets, err := findTargets("../..")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"FuzzDecodeModel": "nn", "FuzzConfigure": "session", "FuzzCalls": "api"}
	for _, tg := range targets {
		if pkg, ok := want[tg.name]; ok && tg.pkg == "./"+pkg {
			delete(want, tg.name)
		}
	}
	if len(want) > 0 {
		t.Errorf("findTargets missed %v among %v", want, targets)
	}
}

//go:build !(js && wasm)

package main

import (
	"os"
	"path/filepath"
	"testing"
)

// TestGPUCPU reads the GPU process's threads from a process table laid out as Linux's, with
// Chromium's space-separated rewritten titles and a thread name holding spaces and a
// parenthesis; another browser's GPU process and a renderer are not counted.
func TestGPUCPU(t *testing.T) {
	proc := t.TempDir()
	write := func(path, text string) {
		t.Helper()
		p := filepath.Join(proc, path)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// stat fields after the name: state ppid pgrp session tty tpgid flags minflt cminflt
	// majflt cmajflt utime stime …
	stat := func(name, utime, stime string) string {
		return "77 (" + name + ") S 1 1 1 0 -1 0 0 0 0 0 " + utime + " " + stime + " 0 0 20 0 1 0"
	}
	write("10/cmdline", "/usr/lib/chromium/chromium --type=gpu-process --user-data-dir=/tmp/a --enable-unsafe-swiftshader")
	write("10/task/10/stat", stat("chromium", "150", "50"))
	write("10/task/11/stat", stat("Thread<00> (x)", "300", "0"))
	write("20/cmdline", "/usr/lib/chromium/chromium\x00--type=gpu-process\x00--user-data-dir=/tmp/b\x00")
	write("20/task/20/stat", stat("chromium", "999", "999"))
	write("30/cmdline", "/usr/lib/chromium/chromium --type=renderer --user-data-dir=/tmp/a")
	write("30/task/30/stat", stat("chromium", "999", "999"))
	tests := []struct {
		dir    string
		wantMs float64
		wantOK bool
	}{
		{"/tmp/a", (150 + 50 + 300) * 10, true},
		{"/tmp/b", (999 + 999) * 10, true},
		{"/tmp/c", 0, false},
	}
	for _, tc := range tests {
		if ms, ok := gpuCPUIn(proc, tc.dir); ms != tc.wantMs || ok != tc.wantOK {
			t.Errorf("gpuCPUIn(%s) = %v ms, %v; want %v ms, %v", tc.dir, ms, ok, tc.wantMs, tc.wantOK)
		}
	}
}

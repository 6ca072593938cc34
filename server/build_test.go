package server

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fakeModule writes a tiny module with a ./wasm program and a web/ page, so Build can be
// tested apart from the real playground.
func fakeModule(t *testing.T, withPage bool) string {
	t.Helper()
	mod := t.TempDir()
	files := map[string]string{
		"go.mod":         "module fake\n\ngo 1.26\n",
		"wasm/main.go":   "package main\n\nfunc main() { println(\"hi\") }\n",
		"web/style.css":  "body{}",
		"web/img/a.svg":  "<svg/>",
		"web/canvas.htm": "x",
	}
	if withPage {
		files["web/index.html"] = "<!doctype html>"
	}
	writeFiles(t, mod, files)
	return mod
}

// writeFiles writes each file (a slash-separated path below root) with its text, making the
// directories it needs.
func writeFiles(t *testing.T, root string, files map[string]string) {
	t.Helper()
	for name, body := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestFindEnv(t *testing.T) {
	env, err := FindEnv()
	if err != nil {
		t.Fatal(err)
	}
	mod, err := os.ReadFile(filepath.Join(env.Module, "go.mod"))
	if err != nil {
		t.Fatalf("module root %s has no go.mod: %v", env.Module, err)
	}
	if !strings.HasPrefix(string(mod), "module nnplay\n") {
		t.Errorf("module root %s is not nnplay's: go.mod begins %q", env.Module, mod[:min(len(mod), 40)])
	}
	if _, err := os.Stat(filepath.Join(env.GOROOT, "lib", "wasm", "wasm_exec.js")); err != nil {
		t.Errorf("GOROOT %s has no lib/wasm/wasm_exec.js: %v", env.GOROOT, err)
	}
	// The test runs in server/; Command runs in the module's root, where ./nn is a package.
	out, err := env.Command("list", "./nn").Output()
	if err != nil || strings.TrimSpace(string(out)) != "nnplay/nn" {
		t.Errorf("Command(list ./nn) = %q, %v; want nnplay/nn (run in the module's root)", out, err)
	}
}

func TestBuild(t *testing.T) {
	env, err := FindEnv()
	if err != nil {
		t.Fatal(err)
	}
	env.Module = fakeModule(t, true)
	root := filepath.Join(t.TempDir(), "dist")
	if err := env.Build(root); err != nil {
		t.Fatal(err)
	}
	wasm, err := os.ReadFile(filepath.Join(root, "main.wasm"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(wasm, []byte("\x00asm")) {
		t.Errorf("main.wasm begins %q, want the wasm magic \\0asm", wasm[:min(len(wasm), 4)])
	}
	gz, err := os.ReadFile(filepath.Join(root, "main.wasm.gz"))
	if err != nil {
		t.Fatal(err)
	}
	if got := gunzip(t, gz); got != string(wasm) {
		t.Errorf("main.wasm.gz decompresses to %d bytes, not main.wasm's %d", len(got), len(wasm))
	}
	if len(gz) >= len(wasm) {
		t.Errorf("main.wasm.gz has %d bytes, not fewer than main.wasm's %d", len(gz), len(wasm))
	}
	want, err := os.ReadFile(filepath.Join(env.GOROOT, "lib", "wasm", "wasm_exec.js"))
	if err != nil {
		t.Fatal(err)
	}
	copies := map[string]string{
		"wasm_exec.js": string(want),
		"index.html":   "<!doctype html>",
		"style.css":    "body{}",
		"img/a.svg":    "<svg/>",
		"canvas.htm":   "x",
	}
	for name, body := range copies {
		got, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(name)))
		if err != nil {
			t.Errorf("site lacks %s: %v", name, err)
			continue
		}
		if string(got) != body {
			t.Errorf("%s differs from its source", name)
		}
	}

	// A rebuild replaces the old site: a stale file goes.
	stale := filepath.Join(root, "stale.js")
	if err := os.WriteFile(stale, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := env.Build(root); err != nil {
		t.Fatalf("rebuild: %v", err)
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Errorf("a stale file survived the rebuild (stat: %v)", err)
	}
}

func TestBuildRefuses(t *testing.T) {
	env, err := FindEnv()
	if err != nil {
		t.Fatal(err)
	}
	full := t.TempDir()
	keep := filepath.Join(full, "precious.txt")
	if err := os.WriteFile(keep, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	broken := fakeModule(t, true)
	if err := os.WriteFile(filepath.Join(broken, "wasm", "main.go"), []byte("package main\n\nfunc main() { undefined() }\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		module string
		root   string
		want   string
	}{
		{"not a site", fakeModule(t, true), full, "was not written by Build"},
		{"no page", fakeModule(t, false), filepath.Join(t.TempDir(), "dist"), "the page is missing"},
		{"compile error", broken, filepath.Join(t.TempDir(), "dist"), "undefined"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := env
			e.Module = tc.module
			err := e.Build(tc.root)
			if err == nil {
				t.Fatalf("Build succeeded, want an error saying %q", tc.want)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Build: %v, want it to say %q", err, tc.want)
			}
		})
	}
	if b, err := os.ReadFile(keep); err != nil || string(b) != "mine" {
		t.Errorf("a refused build touched a directory it does not own: %q, %v", b, err)
	}
}

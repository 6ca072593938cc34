package main

import (
	"bufio"
	"context"
	"errors"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"nnplay/server"
)

func TestRun(t *testing.T) {
	root := t.TempDir()
	if err := os.WriteFile(filepath.Join(root, "index.html"), []byte("<p>page</p>"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name      string
		args      []string
		wantBuild string // the root build is called with, "" for none
	}{
		{"no build", []string{"-addr", "127.0.0.1:0", "-root", root, "-build=false"}, ""},
		{"build first", []string{"-addr", "127.0.0.1:0", "-root", root}, root},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			built := ""
			build = func(r string) error { built = r; return nil }
			defer func() { build = server.Build }()

			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			pr, pw := io.Pipe()
			errc := make(chan error, 1)
			go func() { errc <- run(ctx, tc.args, pw); pw.Close() }()

			var url string
			sc := bufio.NewScanner(pr)
			for sc.Scan() {
				if u, ok := strings.CutPrefix(sc.Text(), "nnplay: serving "); ok {
					url = u
					break
				}
			}
			if !strings.HasPrefix(url, "http://127.0.0.1:") || !strings.HasSuffix(url, "/") {
				t.Fatalf("printed address %q, want http://127.0.0.1:port/", url)
			}
			go io.Copy(io.Discard, pr)
			res, err := http.Get(url)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(res.Body)
			res.Body.Close()
			if res.StatusCode != 200 || string(body) != "<p>page</p>" {
				t.Errorf("GET %s: %d %q, want 200 and the page", url, res.StatusCode, body)
			}
			cancel()
			if err := <-errc; err != nil {
				t.Errorf("run after cancel: %v, want nil", err)
			}
			if built != tc.wantBuild {
				t.Errorf("built %q, want %q", built, tc.wantBuild)
			}
		})
	}
}

func TestRunBuildOnly(t *testing.T) {
	built := ""
	build = func(r string) error { built = r; return nil }
	defer func() { build = server.Build }()
	if err := run(context.Background(), []string{"-serve=false", "-root", "out"}, io.Discard); err != nil {
		t.Fatalf("run -serve=false: %v", err)
	}
	if built != "out" {
		t.Errorf("built %q, want out", built)
	}
}

func TestRunRefuses(t *testing.T) {
	failing := errors.New("compile error")
	tests := []struct {
		name  string
		args  []string
		build error
		want  string
	}{
		{"unknown flag", []string{"-port", "1"}, nil, "flag provided but not defined"},
		{"stray argument", []string{"-build=false", "extra"}, nil, "unexpected arguments"},
		{"build fails", []string{"-root", t.TempDir()}, failing, "compile error"},
		{"nothing to do", []string{"-build=false", "-serve=false"}, nil, "nothing to do"},
		{"bad address", []string{"-build=false", "-root", t.TempDir(), "-addr", "nowhere"}, nil, "want host:port"},
		{"missing root", []string{"-build=false", "-root", filepath.Join(t.TempDir(), "none"), "-addr", "127.0.0.1:0"}, nil, "no such file"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			build = func(string) error { return tc.build }
			defer func() { build = server.Build }()
			err := run(context.Background(), tc.args, io.Discard)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("run(%q) = %v, want an error saying %q", tc.args, err, tc.want)
			}
		})
	}
}

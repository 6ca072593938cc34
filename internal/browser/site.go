//go:build !(js && wasm)

package browser

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"nnplay/server"
)

// Site is the playground built into a temporary directory and served on a free loopback
// port.
type Site struct {
	URL       string        // the page, such as "http://127.0.0.1:41234/"
	Root      string        // the built site
	BuildTime time.Duration // how long server.Build took
	Sources   []string      // the files the site was built from (see StatSources)
	dir       string
	srv       *server.Server
}

// StartSite builds the site (server.Build: the wasm, its gzip, the page, wasm_exec.js) into
// a temporary directory and serves it on 127.0.0.1:0. Close stops it and removes the files.
func StartSite() (*Site, error) {
	dir, err := os.MkdirTemp("", "nnplay-site-")
	if err != nil {
		return nil, fmt.Errorf("browser: site directory: %w", err)
	}
	root := filepath.Join(dir, "dist")
	env, err := server.FindEnv()
	if err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	t0 := time.Now()
	if err := env.Build(root); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	sources, err := sourcesOf(env.Module)
	if err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	built := time.Since(t0)
	srv, err := server.Start("127.0.0.1:0", root)
	if err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	return &Site{URL: srv.URL, Root: root, BuildTime: built, Sources: sources, dir: dir, srv: srv}, nil
}

// sourcesOf lists the files a site is built from: every Go file of the module (outside
// hidden, _ and testdata directories), go.mod, go.sum, and everything under web/.
func sourcesOf(module string) ([]string, error) {
	var out []string
	web := filepath.Join(module, "web") + string(filepath.Separator)
	err := filepath.WalkDir(module, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if path != module && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") || name == "testdata") {
				return filepath.SkipDir
			}
			return nil
		}
		if strings.HasSuffix(name, ".go") || name == "go.mod" || name == "go.sum" || strings.HasPrefix(path, web) {
			out = append(out, path)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("browser: listing the site's sources: %w", err)
	}
	return out, nil
}

// StatSources stats every file in Sources. Call it from within a test (not TestMain, whose
// file accesses go test does not record): the site is compiled by a go build subprocess,
// whose reads go test cannot see, so without these stats a cached browser-test result would
// survive a change to wasm/, the packages it imports, or the page. go test records the files
// a test stats and reruns the test when one of them changes.
func (s *Site) StatSources() error {
	for _, path := range s.Sources {
		if _, err := os.Stat(path); err != nil {
			return fmt.Errorf("browser: a source of the site: %w", err)
		}
	}
	return nil
}

// Close stops serving and removes the built files.
func (s *Site) Close() error {
	s.srv.Close()
	return os.RemoveAll(s.dir)
}

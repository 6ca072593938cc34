//go:build !(js && wasm)

package browser

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	"nnplay/server"
)

// Site is the playground built into a temporary directory and served on a free loopback
// port.
type Site struct {
	URL       string        // the page, such as "http://127.0.0.1:41234/"
	Root      string        // the built site
	BuildTime time.Duration // how long server.Build took
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
	t0 := time.Now()
	if err := server.Build(root); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	built := time.Since(t0)
	srv, err := server.Start("127.0.0.1:0", root)
	if err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	return &Site{URL: srv.URL, Root: root, BuildTime: built, dir: dir, srv: srv}, nil
}

// Close stops serving and removes the built files.
func (s *Site) Close() error {
	s.srv.Close()
	return os.RemoveAll(s.dir)
}

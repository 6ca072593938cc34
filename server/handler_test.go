package server

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// site writes a small site into a temporary directory, with a secret file and directory
// outside it that symlinks inside point to, and returns the site's root.
func site(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	outside := t.TempDir()
	files := map[string]string{
		"index.html":        "<!doctype html><title>nnplay</title>" + strings.Repeat("<p>hello</p>", 50),
		"app.js":            "console.log('app');" + strings.Repeat("//pad\n", 50),
		"style.css":         "body { margin: 0 }",
		"favicon.svg":       `<svg xmlns="http://www.w3.org/2000/svg"></svg>`,
		"main.wasm":         "\x00asm\x01\x00\x00\x00wasm-body",
		"data.bin":          "\x01\x02\x03",
		"sub/index.html":    "<p>sub</p>",
		"empty/.keep":       "",
		".hidden":           "hidden",
		"a%2e%2e/x.txt":     "literal name",
		"canvas.html":       "<p>canvas</p>",
		"wasm_exec.js":      "// wasm_exec",
		"docs/guide.txt":    "guide",
		"docs/nested/n.txt": "nested",
	}
	writeFiles(t, root, files)
	if err := gzipFile(filepath.Join(root, "main.wasm"), filepath.Join(root, "main.wasm.gz")); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(outside, "secret.txt"), []byte("SECRET"), 0o644); err != nil {
		t.Fatal(err)
	}
	links := map[string]string{
		"out.txt": filepath.Join(outside, "secret.txt"),
		"outdir":  outside,
		"rel.txt": "../" + filepath.Base(outside) + "/secret.txt",
		"in.txt":  "docs/guide.txt",
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(root, name)); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// gunzip decompresses b or fails the test.
func gunzip(t *testing.T, b []byte) string {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("body is not gzip: %v", err)
	}
	out, err := io.ReadAll(zr)
	if err != nil {
		t.Fatalf("gunzip: %v", err)
	}
	return string(out)
}

func TestHandler(t *testing.T) {
	root := site(t)
	h, err := NewHandler(root)
	if err != nil {
		t.Fatal(err)
	}
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join(root, name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	tests := []served{
		// MIME types, plain.
		{name: "root is index.html", target: "/", status: 200, ctype: "text/html; charset=utf-8", vary: true, body: read("index.html")},
		{name: "index.html", target: "/index.html", status: 200, ctype: "text/html; charset=utf-8", vary: true, body: read("index.html")},
		{name: "canvas.html", target: "/canvas.html", status: 200, ctype: "text/html; charset=utf-8", vary: true, body: "<p>canvas</p>"},
		{name: "javascript", target: "/app.js", status: 200, ctype: "text/javascript; charset=utf-8", vary: true, body: read("app.js")},
		{name: "css", target: "/style.css", status: 200, ctype: "text/css; charset=utf-8", vary: true, body: "body { margin: 0 }"},
		{name: "svg", target: "/favicon.svg", status: 200, ctype: "image/svg+xml", vary: true, body: read("favicon.svg")},
		{name: "wasm without gzip", target: "/main.wasm", status: 200, ctype: "application/wasm", vary: true, body: read("main.wasm")},
		{name: "unknown type", target: "/data.bin", status: 200, ctype: "application/octet-stream", body: "\x01\x02\x03"},
		{name: "query ignored", target: "/app.js?v=2", status: 200, ctype: "text/javascript; charset=utf-8", vary: true, body: read("app.js")},
		{name: "HEAD", method: "HEAD", target: "/style.css", status: 200, ctype: "text/css; charset=utf-8", vary: true, body: ""},
		{name: "subdirectory index", target: "/sub/", status: 200, ctype: "text/html; charset=utf-8", vary: true, body: "<p>sub</p>"},
		{name: "nested file", target: "/docs/nested/n.txt", status: 200, ctype: "text/plain; charset=utf-8", vary: true, body: "nested"},
		{name: "symlink inside the root", target: "/in.txt", status: 200, ctype: "text/plain; charset=utf-8", vary: true, body: "guide"},
		{name: "encoded literal name", target: "/a%252e%252e/x.txt", status: 200, ctype: "text/plain; charset=utf-8", vary: true, body: "literal name"},

		// Compression.
		{name: "wasm precompressed", target: "/main.wasm", accept: "gzip, deflate, br", status: 200, ctype: "application/wasm", encoding: "gzip", vary: true, body: read("main.wasm")},
		{name: "wasm gzip q=0", target: "/main.wasm", accept: "gzip;q=0, br", status: 200, ctype: "application/wasm", vary: true, body: read("main.wasm")},
		{name: "wasm star", target: "/main.wasm", accept: "*", status: 200, ctype: "application/wasm", encoding: "gzip", vary: true, body: read("main.wasm")},
		{name: "wasm x-gzip upper case", target: "/main.wasm", accept: "X-GZIP;Q=0.5", status: 200, ctype: "application/wasm", encoding: "gzip", vary: true, body: read("main.wasm")},
		{name: "html on the fly", target: "/", accept: "gzip", status: 200, ctype: "text/html; charset=utf-8", encoding: "gzip", vary: true, body: read("index.html")},
		{name: "js on the fly", target: "/app.js", accept: "deflate, gzip;q=0.8", status: 200, ctype: "text/javascript; charset=utf-8", encoding: "gzip", vary: true, body: read("app.js")},
		{name: "css on the fly", target: "/style.css", accept: "gzip", status: 200, ctype: "text/css; charset=utf-8", encoding: "gzip", vary: true, body: "body { margin: 0 }"},
		{name: "binary not compressed", target: "/data.bin", accept: "gzip", status: 200, ctype: "application/octet-stream", body: "\x01\x02\x03"},
		{name: "identity only", target: "/app.js", accept: "identity", status: 200, ctype: "text/javascript; charset=utf-8", vary: true, body: read("app.js")},

		// Redirects and directories.
		{name: "directory without slash", target: "/sub", status: 301, location: "/sub/"},
		{name: "directory without slash keeps query", target: "/sub?x=1", status: 301, location: "/sub/?x=1"},
		{name: "no listing", target: "/docs/", status: 404},
		{name: "no listing of an empty dir", target: "/empty/", status: 404},

		// 404s.
		{name: "missing", target: "/nope.js", status: 404},
		{name: "missing favicon.ico", target: "/favicon.ico", status: 404},
		{name: "dot file", target: "/.hidden", status: 404},
		{name: "dot file in a dir", target: "/empty/.keep", status: 404},
		{name: "marker", target: "/" + Marker, status: 404},
		{name: "trailing slash on a file", target: "/app.js/", status: 404},

		// Traversal.
		{name: "dot dot", target: "/../secret.txt", status: 404},
		{name: "dot dot deep", target: "/sub/../../secret.txt", status: 404},
		{name: "dot dot inside", target: "/sub/../index.html", status: 404},
		{name: "encoded dot dot", target: "/%2e%2e/secret.txt", status: 404},
		{name: "encoded dot dot mixed case", target: "/%2E%2e/%2e%2E/etc/passwd", status: 404},
		{name: "encoded slash", target: "/sub%2f..%2f..%2fsecret.txt", status: 404},
		{name: "single dot", target: "/./index.html", status: 404},
		{name: "double slash absolute", target: "//etc/passwd", status: 404},
		{name: "absolute path", target: "/etc/passwd", status: 404},
		{name: "absolute form", target: "http://example.com/etc/passwd", status: 404},
		{name: "backslash", target: "/..%5c..%5csecret.txt", status: 404},
		{name: "NUL", target: "/index.html%00.txt", status: 404},
		{name: "symlink out of the root", target: "/out.txt", status: 404},
		{name: "relative symlink out of the root", target: "/rel.txt", status: 404},
		{name: "symlinked dir out of the root", target: "/outdir/secret.txt", status: 404},

		// Methods.
		{name: "POST", method: "POST", target: "/index.html", status: 405},
		{name: "DELETE", method: "DELETE", target: "/index.html", status: 405},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { checkServed(t, h, tc) })
	}
}

// served is a request of TestHandler and what the handler should answer.
type served struct {
	name     string
	method   string
	target   string
	accept   string // Accept-Encoding
	status   int
	ctype    string // Content-Type, when status is 200
	encoding string // Content-Encoding
	vary     bool   // Vary: Accept-Encoding expected
	body     string // decoded body, when status is 200
	location string // Location, for redirects
}

// checkServed sends tc's request to h and checks the answer: the status, nothing from outside
// the root, the redirect, and for a 200 the headers and the decoded body.
func checkServed(t *testing.T, h http.Handler, tc served) {
	method := tc.method
	if method == "" {
		method = "GET"
	}
	req := httptest.NewRequest(method, tc.target, nil)
	if tc.accept != "" {
		req.Header.Set("Accept-Encoding", tc.accept)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	res := rec.Result()
	body, _ := io.ReadAll(res.Body)
	if res.StatusCode != tc.status {
		t.Fatalf("%s %s: status %d, want %d (body %q)", method, tc.target, res.StatusCode, tc.status, body)
	}
	if bytes.Contains(body, []byte("SECRET")) {
		t.Fatalf("%s %s: served the file outside the root", method, tc.target)
	}
	if got := res.Header.Get("Location"); got != tc.location {
		t.Errorf("Location %q, want %q", got, tc.location)
	}
	if tc.status != 200 {
		return
	}
	if got := res.Header.Get("Content-Type"); got != tc.ctype {
		t.Errorf("Content-Type %q, want %q", got, tc.ctype)
	}
	if got := res.Header.Get("Content-Encoding"); got != tc.encoding {
		t.Errorf("Content-Encoding %q, want %q", got, tc.encoding)
	}
	if got := res.Header.Get("Vary") == "Accept-Encoding"; got != tc.vary {
		t.Errorf("Vary %q, want Accept-Encoding: %v", res.Header.Get("Vary"), tc.vary)
	}
	if got := res.Header.Get("Cache-Control"); got != "no-cache" {
		t.Errorf("Cache-Control %q, want no-cache", got)
	}
	if cl := res.Header.Get("Content-Length"); method == "GET" && cl != "" && cl != strconv.Itoa(len(body)) {
		t.Errorf("Content-Length %s, but the body has %d bytes", cl, len(body))
	}
	got := string(body)
	if tc.encoding == "gzip" && method == "GET" {
		got = gunzip(t, body)
	}
	if got != tc.body {
		t.Errorf("body %q, want %q", got, tc.body)
	}
}

func TestHandlerRootGone(t *testing.T) {
	root := t.TempDir()
	if err := os.WriteFile(filepath.Join(root, "index.html"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	h, err := NewHandler(root)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.RemoveAll(root); err != nil {
		t.Fatal(err)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
	if rec.Code != http.StatusInternalServerError {
		t.Errorf("status %d with the root removed, want 500", rec.Code)
	}
}

func TestNewHandlerRefuses(t *testing.T) {
	file := filepath.Join(t.TempDir(), "f")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, root := range []string{file, filepath.Join(t.TempDir(), "missing")} {
		if _, err := NewHandler(root); err == nil {
			t.Errorf("NewHandler(%q) succeeded, want an error", root)
		}
	}
}

func TestAcceptsGzip(t *testing.T) {
	tests := []struct {
		header string
		want   bool
	}{
		{"", false},
		{"gzip", true},
		{"GZIP", true},
		{"x-gzip", true},
		{"deflate, br", false},
		{"gzip;q=0", false},
		{"gzip; q=0.0", false},
		{"gzip;q=0.001", true},
		{"*", true},
		{"*;q=0", false},
		{"*, gzip;q=0", false},
		{"br, *;q=0.1", true},
		{"identity", false},
	}
	for _, tc := range tests {
		if got := acceptsGzip(tc.header); got != tc.want {
			t.Errorf("acceptsGzip(%q) = %v, want %v", tc.header, got, tc.want)
		}
	}
}

// TestStartRawRequests sends request lines over TCP as an attacker would, without a client
// that cleans them first.
func TestStartRawRequests(t *testing.T) {
	root := site(t)
	s, err := Start("127.0.0.1:0", root)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if !strings.HasPrefix(s.URL, "http://127.0.0.1:") || !strings.HasSuffix(s.URL, "/") {
		t.Fatalf("URL %q, want http://127.0.0.1:port/", s.URL)
	}
	host := strings.TrimSuffix(strings.TrimPrefix(s.URL, "http://"), "/")
	tests := []struct {
		target string
		status int
	}{
		{"/", 200},
		{"/main.wasm", 200},
		{"/../secret.txt", 404},
		{"/%2e%2e/secret.txt", 404},
		{"/%2e%2e%2fsecret.txt", 404},
		{"/sub/..%2f..%2fsecret.txt", 404},
		{"/out.txt", 404},
		{"/outdir/secret.txt", 404},
	}
	for _, tc := range tests {
		conn, err := net.Dial("tcp", host)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.WriteString(conn, "GET "+tc.target+" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"); err != nil {
			t.Fatal(err)
		}
		res, err := http.ReadResponse(bufio.NewReader(conn), nil)
		if err != nil {
			t.Fatalf("GET %s: %v", tc.target, err)
		}
		body, _ := io.ReadAll(res.Body)
		conn.Close()
		if res.StatusCode != tc.status {
			t.Errorf("GET %s: status %d, want %d", tc.target, res.StatusCode, tc.status)
		}
		if bytes.Contains(body, []byte("SECRET")) {
			t.Errorf("GET %s: served the file outside the root", tc.target)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if err := s.Wait(); err != http.ErrServerClosed {
		t.Errorf("Wait after Close: %v, want http.ErrServerClosed", err)
	}
}

func TestStartRefuses(t *testing.T) {
	root := t.TempDir()
	s, err := Start("127.0.0.1:0", root)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	taken := strings.TrimSuffix(strings.TrimPrefix(s.URL, "http://"), "/")
	tests := []struct {
		addr, root, want string
	}{
		{"no-port", root, "want host:port"},
		{taken, root, "cannot listen"},
		{"127.0.0.1:0", filepath.Join(root, "missing"), "no such file"},
	}
	for _, tc := range tests {
		s2, err := Start(tc.addr, tc.root)
		if err == nil {
			s2.Close()
			t.Errorf("Start(%q, %q) succeeded, want an error", tc.addr, tc.root)
			continue
		}
		if !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Start(%q, %q): %v, want it to say %q", tc.addr, tc.root, err, tc.want)
		}
	}
}

func TestContentType(t *testing.T) {
	tests := map[string]string{
		"main.wasm":     "application/wasm",
		"wasm_exec.js":  "text/javascript; charset=utf-8",
		"index.html":    "text/html; charset=utf-8",
		"INDEX.HTML":    "text/html; charset=utf-8",
		"favicon.svg":   "image/svg+xml",
		"style.css":     "text/css; charset=utf-8",
		"shot.png":      "image/png",
		"main.wasm.gz":  "application/gzip",
		"no-extension":  "application/octet-stream",
		"model.json":    "application/json",
		"dir/notes.txt": "text/plain; charset=utf-8",
	}
	for name, want := range tests {
		if got := ContentType(name); got != want {
			t.Errorf("ContentType(%q) = %q, want %q", name, got, want)
		}
	}
}

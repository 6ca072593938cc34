package server

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"io/fs"
	"mime"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// maxOnTheFly is the largest file Handler compresses per request; larger files are sent
// as they are unless a precompressed .gz sits beside them.
const maxOnTheFly = 4 << 20

// types are the MIME types of the site's files, fixed here rather than taken from the
// system's tables so that every machine serves the same.
var types = map[string]string{
	".html": "text/html; charset=utf-8",
	".js":   "text/javascript; charset=utf-8",
	".mjs":  "text/javascript; charset=utf-8",
	".css":  "text/css; charset=utf-8",
	".svg":  "image/svg+xml",
	".wasm": "application/wasm",
	".json": "application/json",
	".txt":  "text/plain; charset=utf-8",
	".png":  "image/png",
	".ico":  "image/x-icon",
	".gz":   "application/gzip",
}

// ContentType returns the MIME type Handler sends for a file name: the table above for the
// site's kinds of file, else the system's guess, else application/octet-stream.
func ContentType(name string) string {
	ext := strings.ToLower(path.Ext(name))
	if t, ok := types[ext]; ok {
		return t
	}
	if t := mime.TypeByExtension(ext); t != "" {
		return t
	}
	return "application/octet-stream"
}

// compressible reports whether files of type ctype are worth gzipping on the fly.
func compressible(ctype string) bool {
	return strings.HasPrefix(ctype, "text/") || strings.HasPrefix(ctype, "image/svg+xml") ||
		strings.HasPrefix(ctype, "application/json")
}

// Handler serves the files under one directory for GET and HEAD:
//   - only regular files under the root: paths with "..", empty or dot-file elements,
//     backslashes or NUL are 404, and symlinks leading out of the root are refused (os.Root);
//   - a directory serves its index.html (without a trailing slash it redirects to one), and
//     never a listing;
//   - when the client accepts gzip and name.gz exists beside name, that file goes out with
//     Content-Encoding: gzip; text (HTML, JavaScript, CSS, SVG, JSON) is gzipped on the fly;
//     both vary on Accept-Encoding;
//   - Cache-Control: no-cache, so a rebuilt site is picked up at once.
//
// It opens the root per request, so a rebuilt site directory is served without a restart.
type Handler struct {
	root string
}

// NewHandler returns a Handler for the directory root.
func NewHandler(root string) (*Handler, error) {
	abs, err := filepath.Abs(root)
	if err != nil {
		return nil, err
	}
	st, err := os.Stat(abs)
	if err != nil {
		return nil, err
	}
	if !st.IsDir() {
		return nil, &fs.PathError{Op: "serve", Path: abs, Err: errors.New("not a directory")}
	}
	return &Handler{root: abs}, nil
}

// Root returns the absolute directory h serves.
func (h *Handler) Root() string { return h.root }

// ServeHTTP serves one request.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "405 method not allowed", http.StatusMethodNotAllowed)
		return
	}
	name, ok := cleanPath(r.URL.Path)
	if !ok {
		http.NotFound(w, r)
		return
	}
	root, err := os.OpenRoot(h.root)
	if err != nil {
		http.Error(w, "500 site root unavailable", http.StatusInternalServerError)
		return
	}
	defer root.Close()

	f, st, err := openRegular(root, name)
	index := false
	if errors.Is(err, errIsDir) {
		if !strings.HasSuffix(r.URL.Path, "/") {
			target := path.Base(r.URL.Path) + "/"
			if r.URL.RawQuery != "" {
				target += "?" + r.URL.RawQuery
			}
			http.Redirect(w, r, target, http.StatusMovedPermanently)
			return
		}
		name, index = path.Join(name, "index.html"), true
		f, st, err = openRegular(root, name)
	}
	if err == nil && !index && strings.HasSuffix(r.URL.Path, "/") {
		f.Close()
		err = errIsDir // a file asked for as a directory
	}
	if err != nil {
		http.NotFound(w, r)
		return
	}
	defer f.Close()

	hdr := w.Header()
	ctype := ContentType(name)
	hdr.Set("Content-Type", ctype)
	hdr.Set("Cache-Control", "no-cache")
	hdr.Set("X-Content-Type-Options", "nosniff")
	gz := acceptsGzip(r.Header.Get("Accept-Encoding"))

	if zf, zst, err := openRegular(root, name+".gz"); err == nil {
		defer zf.Close()
		hdr.Add("Vary", "Accept-Encoding")
		if gz {
			serveGzip(w, r, name, zst.ModTime(), zst.Size(), zf)
			return
		}
	} else if compressible(ctype) && st.Size() <= maxOnTheFly {
		hdr.Add("Vary", "Accept-Encoding")
		if gz {
			z, err := gzipAll(f)
			if err != nil {
				http.Error(w, "500 reading "+name, http.StatusInternalServerError)
				return
			}
			serveGzip(w, r, name, st.ModTime(), int64(len(z)), bytes.NewReader(z))
			return
		}
	}
	http.ServeContent(w, r, name, st.ModTime(), f)
}

// serveGzip serves gzipped content of the given size. http.ServeContent leaves out
// Content-Length when Content-Encoding is set, so it is set here (ServeContent replaces it
// for ranges and drops it for 304s and errors), letting the page's loader show progress —
// except under If-Match or If-Unmodified-Since, whose bodiless 412 would keep it.
func serveGzip(w http.ResponseWriter, r *http.Request, name string, mod time.Time, size int64, content io.ReadSeeker) {
	w.Header().Set("Content-Encoding", "gzip")
	if r.Header.Get("If-Match") == "" && r.Header.Get("If-Unmodified-Since") == "" {
		w.Header().Set("Content-Length", strconv.FormatInt(size, 10))
	}
	http.ServeContent(w, r, name, mod, content)
}

// errIsDir says a name is a directory.
var errIsDir = errors.New("is a directory")

// openRegular opens name in root if it is a regular file (symlinks inside the root are
// followed; os.Root refuses those leading out). A directory gives errIsDir.
func openRegular(root *os.Root, name string) (*os.File, fs.FileInfo, error) {
	f, err := root.Open(name)
	if err != nil {
		return nil, nil, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	if st.IsDir() {
		f.Close()
		return nil, nil, errIsDir
	}
	if !st.Mode().IsRegular() {
		f.Close()
		return nil, nil, errors.New("not a regular file")
	}
	return f, st, nil
}

// cleanPath turns a URL path into a name relative to the root ("." for the root itself),
// refusing anything but plain downward names.
func cleanPath(p string) (string, bool) {
	if !strings.HasPrefix(p, "/") || strings.ContainsAny(p, "\\\x00") {
		return "", false
	}
	p = strings.TrimPrefix(p, "/")
	if p == "" {
		return ".", true
	}
	p = strings.TrimSuffix(p, "/")
	for _, el := range strings.Split(p, "/") {
		if el == "" || strings.HasPrefix(el, ".") {
			return "", false
		}
	}
	return p, true
}

// acceptsGzip reports whether an Accept-Encoding header admits gzip (by name, as x-gzip or
// through *, with a q-value above 0).
func acceptsGzip(header string) bool {
	star := false
	for _, part := range strings.Split(header, ",") {
		coding, params, _ := strings.Cut(part, ";")
		coding = strings.ToLower(strings.TrimSpace(coding))
		q := 1.0
		for _, p := range strings.Split(params, ";") {
			k, v, ok := strings.Cut(strings.TrimSpace(p), "=")
			if ok && strings.EqualFold(strings.TrimSpace(k), "q") {
				if f, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil {
					q = f
				}
			}
		}
		switch coding {
		case "gzip", "x-gzip":
			return q > 0
		case "*":
			star = q > 0
		}
	}
	return star
}

// gzipAll returns r's bytes gzipped at BestCompression.
func gzipAll(r io.Reader) ([]byte, error) {
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := io.Copy(zw, r); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

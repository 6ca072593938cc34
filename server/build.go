package server

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// Marker is the file Build leaves in a site directory. Build replaces only a directory that
// holds it (or an empty one), so a mistaken root never loses anything else.
const Marker = ".nnplay-site"

// Env is what Build needs to know about the Go toolchain and the module.
type Env struct {
	Go     string // the go command
	Module string // the module root: the directory of go.mod
	GOROOT string // the toolchain's root, for lib/wasm/wasm_exec.js
}

// FindEnv locates the go command on PATH and asks it (go env GOMOD GOROOT) for the module
// root and GOROOT, from the current directory — any directory inside the module works, so
// tests running in their package directory find it too.
func FindEnv() (Env, error) {
	gobin, err := exec.LookPath("go")
	if err != nil {
		return Env{}, fmt.Errorf("server: the go command is not on PATH: %w", err)
	}
	out, err := exec.Command(gobin, "env", "GOMOD", "GOROOT").Output()
	if err != nil {
		return Env{}, fmt.Errorf("server: go env GOMOD GOROOT: %w%s", err, stderrOf(err))
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) != 2 {
		return Env{}, fmt.Errorf("server: go env GOMOD GOROOT printed %q, want two lines", out)
	}
	gomod, goroot := strings.TrimSpace(lines[0]), strings.TrimSpace(lines[1])
	if gomod == "" || gomod == os.DevNull {
		return Env{}, errors.New("server: not inside a Go module (go env GOMOD is empty); run from the nnplay checkout")
	}
	return Env{Go: gobin, Module: filepath.Dir(gomod), GOROOT: goroot}, nil
}

// Command returns the go command with args, to run in the module's root (so package paths
// such as ./wasm are the module's, wherever the caller runs).
func (e Env) Command(args ...string) *exec.Cmd {
	cmd := exec.Command(e.Go, args...)
	cmd.Dir = e.Module
	return cmd
}

// Build assembles the site into root with the toolchain and module FindEnv finds. See
// Env.Build.
func Build(root string) error {
	env, err := FindEnv()
	if err != nil {
		return err
	}
	return env.Build(root)
}

// Build assembles the site into root: main.wasm (GOOS=js GOARCH=wasm go build -trimpath
// -ldflags="-s -w" ./wasm), main.wasm.gz (gzip at BestCompression), a copy of the module's
// web/ directory, and wasm_exec.js from GOROOT/lib/wasm (so it matches the compiler).
//
// root must not exist, be empty, or be a site an earlier Build wrote (it holds Marker); its
// old contents are removed first so no stale file is served. On error the site is
// incomplete and the error says which step failed.
func (e Env) Build(root string) error {
	root, err := filepath.Abs(root)
	if err != nil {
		return fmt.Errorf("server: site root: %w", err)
	}
	web := filepath.Join(e.Module, "web")
	if _, err := os.Stat(filepath.Join(web, "index.html")); err != nil {
		return fmt.Errorf("server: the page is missing: %w", err)
	}
	if err := prepare(root); err != nil {
		return err
	}
	wasm := filepath.Join(root, "main.wasm")
	cmd := e.Command("build", "-trimpath", "-ldflags=-s -w", "-o", wasm, "./wasm")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("server: GOOS=js GOARCH=wasm go build ./wasm: %w\n%s", err, out)
	}
	if err := gzipFile(wasm, wasm+".gz"); err != nil {
		return err
	}
	if err := copyTree(web, root); err != nil {
		return err
	}
	return copyFile(filepath.Join(e.GOROOT, "lib", "wasm", "wasm_exec.js"), filepath.Join(root, "wasm_exec.js"))
}

// prepare makes root an empty site directory holding only Marker, refusing a directory
// that has other things in it and no Marker.
func prepare(root string) error {
	entries, err := os.ReadDir(root)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return fmt.Errorf("server: site root: %w", err)
	case len(entries) == 0:
	default:
		if _, err := os.Stat(filepath.Join(root, Marker)); err != nil {
			return fmt.Errorf("server: %s is not empty and was not written by Build (no %s in it); remove it or choose another root", root, Marker)
		}
		if err := os.RemoveAll(root); err != nil {
			return fmt.Errorf("server: clearing the old site: %w", err)
		}
	}
	if err := os.MkdirAll(root, 0o755); err != nil {
		return fmt.Errorf("server: site root: %w", err)
	}
	return os.WriteFile(filepath.Join(root, Marker), []byte("written by nnplay's server.Build; the whole directory is replaced on the next build\n"), 0o644)
}

// gzipFile writes a gzip (BestCompression) copy of src to dst.
func gzipFile(src, dst string) error {
	data, err := os.ReadFile(src)
	if err != nil {
		return fmt.Errorf("server: gzip: %w", err)
	}
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return fmt.Errorf("server: gzip: %w", err)
	}
	if _, err := zw.Write(data); err != nil {
		return fmt.Errorf("server: gzip: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("server: gzip: %w", err)
	}
	if err := os.WriteFile(dst, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("server: gzip: %w", err)
	}
	return nil
}

// copyTree copies the regular files and directories under src into dst, following no
// symlinks out of src.
func copyTree(src, dst string) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return fmt.Errorf("server: copying %s: %w", src, err)
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		to := filepath.Join(dst, rel)
		switch {
		case d.IsDir():
			return os.MkdirAll(to, 0o755)
		case d.Type().IsRegular():
			return copyFile(p, to)
		default:
			return fmt.Errorf("server: %s is neither a file nor a directory; the page must hold only plain files", p)
		}
	})
}

// copyFile copies the file src to dst.
func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return fmt.Errorf("server: copy: %w", err)
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return fmt.Errorf("server: copy: %w", err)
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return fmt.Errorf("server: copy %s: %w", src, err)
	}
	if err := out.Close(); err != nil {
		return fmt.Errorf("server: copy %s: %w", src, err)
	}
	return nil
}

// stderrOf returns the standard error an exec.ExitError captured, on a line of its own.
func stderrOf(err error) string {
	var ee *exec.ExitError
	if errors.As(err, &ee) && len(ee.Stderr) > 0 {
		return "\n" + strings.TrimSpace(string(ee.Stderr))
	}
	return ""
}

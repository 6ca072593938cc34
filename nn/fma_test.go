//go:build !(js && wasm)

package nn

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// fused matches the fused multiply-add instructions of the processors below in the
// compiler's assembly listing: FMADDD, FMSUBD, FNMADDD, FNMSUBD and their kin.
var fused = regexp.MustCompile(`\bFN?M(ADD|SUB)[DS]?\b`)

// goCmd is the go command, which the tests run under.
const goCmd = "go"

// TestNoFusedMultiplyAdd compiles the package for the processors where Go may fuse x*y + z
// into one instruction (which rounds once, not twice, and so changes the bits) and fails on
// any fused instruction in the listing: every product in nn that is added to something must
// be rounded first, float64(x*y), so that every processor and WebAssembly compute the same
// bits. It needs the go command, as the tests do.
func TestNoFusedMultiplyAdd(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	var src []string
	for _, f := range files {
		if !strings.HasSuffix(f, "_test.go") {
			src = append(src, f)
		}
	}
	for _, arch := range []string{"arm64", "ppc64le", "s390x", "riscv64", "loong64"} {
		t.Run(arch, func(t *testing.T) {
			t.Parallel()
			for _, line := range strings.Split(listing(t, arch, src), "\n") {
				if fused.MatchString(line) {
					t.Errorf("a fused multiply-add: %s", strings.TrimSpace(line))
				}
			}
		})
	}
}

// listing returns the compiler's assembly listing of the package's files src for
// linux/arch, compiled against the export data of its imports.
func listing(t *testing.T, arch string, src []string) string {
	env := append(os.Environ(), "GOOS=linux", "GOARCH="+arch)
	list := exec.Command(goCmd, "list", "-export", "-deps", "-f", "{{if .Export}}packagefile {{.ImportPath}}={{.Export}}{{end}}", ".")
	list.Env = env
	cfg, err := list.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	importcfg := filepath.Join(t.TempDir(), "importcfg")
	if err := os.WriteFile(importcfg, cfg, 0o644); err != nil {
		t.Fatal(err)
	}
	args := append([]string{"tool", "compile", "-p", "nnplay/nn", "-importcfg", importcfg, "-S", "-o", filepath.Join(t.TempDir(), "nn.o")}, src...)
	compile := exec.Command(goCmd, args...)
	compile.Env = env
	out, err := compile.Output()
	if err != nil {
		t.Fatalf("go tool compile: %v", err)
	}
	return string(out)
}

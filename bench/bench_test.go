package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestBenchFast runs the harness's fast mode on every program (short runs, one repetition, the
// engines included, no compile columns): each program builds with clang, gcc and cot aot, runs
// natively under qemu with the same output as gcc, Cranelift and wazero, and gets counted.
func TestBenchFast(t *testing.T) {
	needTools(t)
	h, err := newHarness(filepath.Join(os.TempDir(), "cot-bench-test"), 1, true)
	if err != nil {
		t.Fatal(err)
	}
	h.engines = true
	var out strings.Builder
	err = h.table(&out, programs)
	t.Logf("\n%s", out.String())
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	for _, p := range programs {
		found := false
		for _, l := range lines {
			f := strings.Fields(l)
			// A count of "-" is an engine of p.Diverges (measure checks that it still diverges).
			if len(f) >= 8 && f[0] == p.Name && f[2] != "0" && f[4] != "0" && f[6] != "0" &&
				(f[4] != "-" || p.Diverges["wasmtime"] != "") && (f[6] != "-" || p.Diverges["wazero"] != "") {
				found = true
			}
		}
		if !found {
			t.Errorf("no complete row for %s", p.Name)
		}
	}
}

// TestCompileNative runs the native compile columns on the empty module: every compiler
// compiles it in a process of its own and the row has a figure for each.
func TestCompileNative(t *testing.T) {
	work := t.TempDir()
	h := &harness{work: work, reps: 1, cot: filepath.Join(work, "cot")}
	root, err := repoRoot()
	if err != nil {
		t.Fatal(err)
	}
	if err := run(root, nil, "go", "build", "-o", h.cot, "./cmd/cot"); err != nil {
		t.Fatal(err)
	}
	m := filepath.Join(work, "empty.wasm")
	if err := os.WriteFile(m, emptyModule, 0o644); err != nil {
		t.Fatal(err)
	}
	self := filepath.Join(work, "bench")
	if err := run(root, nil, "go", "build", "-o", self, "./bench"); err != nil {
		t.Fatal(err)
	}
	h.self = self
	var out strings.Builder
	if err := h.compileNative(&out, []string{m}); err != nil {
		t.Fatal(err)
	}
	if f := strings.Fields(strings.Split(out.String(), "\n")[1]); len(f) < 20 || f[0] != "empty" {
		t.Errorf("no complete row:\n%s", out.String())
	}
	if err := compileWith("v8", m); err == nil {
		t.Error("-compile-with v8: no error")
	}
}

// TestOutsideFast runs three of the outside programs (outside.go: an interpreter, a compressor and
// a regex engine, none written for cot) in short runs without the engines: each builds with clang,
// gcc and cot aot and cot's native run prints exactly gcc's output with gcc's exit status.
func TestOutsideFast(t *testing.T) {
	needTools(t)
	h, err := newHarness(filepath.Join(os.TempDir(), "cot-bench-test-outside"), 1, true)
	if err != nil {
		t.Fatal(err)
	}
	progs := selected("lua,bzip2,tre")
	if len(progs) != 3 {
		t.Fatalf("selected %d programs, want 3", len(progs))
	}
	var out strings.Builder
	err = h.table(&out, progs)
	t.Logf("\n%s", out.String())
	if err != nil {
		t.Fatal(err)
	}
}

// needTools fails the test when a tool the harness runs is not installed.
func needTools(t *testing.T) {
	for _, tool := range []string{"qemu-aarch64", "clang", "aarch64-linux-gnu-gcc", "wasm-ld"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s missing: run scripts/deps.sh", tool)
		}
	}
}

package golden

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"cot/runner"
)

// cprogTools are the tools TestCProgs needs and the Debian package of each (scripts/deps.sh).
var cprogTools = []struct{ path, pkg string }{
	{"clang", "clang"},
	{"wasm-ld", "lld"},
	{"/usr/lib/wasm32-wasi/libc.a", "wasi-libc"},
	{"/usr/lib/llvm-14/lib/clang/14.0.6/lib/wasi/libclang_rt.builtins-wasm32.a", "libclang-rt-14-dev-wasm32"},
	{"gcc", "gcc"},
}

// cprogWasiSysroot is where the brief expects the WASI sysroot; Debian's clang finds its
// wasi-libc (/usr/lib/wasm32-wasi, /usr/include/wasm32-wasi) without --sysroot, so the flag is
// only passed when that directory exists.
const cprogWasiSysroot = "/usr/share/wasi-sysroot"

// cprogNativeCompile compiles a WASI module to an AArch64 ELF; set by cprogs_native_test.go once
// the backend exists, nil before.
var cprogNativeCompile func(wasmBytes []byte) ([]byte, error)

// TestCProgs compiles each C program of testdata/cprogs twice, with the host gcc -O2 (the
// reference) and with clang for wasm32-wasi, runs the .wasm on wazero and, when the backend is
// present, natively through cot's AArch64 backend, and compares stdout and exit status with the
// reference.
func TestCProgs(t *testing.T) {
	for _, tool := range cprogTools {
		if _, err := exec.LookPath(tool.path); err != nil {
			if _, err := os.Stat(tool.path); err != nil {
				t.Fatalf("%s not found: install the Debian package %s (scripts/deps.sh)", tool.path, tool.pkg)
			}
		}
	}
	sources, err := filepath.Glob("testdata/cprogs/*.c")
	if err != nil || len(sources) < 6 {
		t.Fatalf("want at least 6 C programs in testdata/cprogs, found %d (%v)", len(sources), err)
	}
	tmp := t.TempDir()
	for _, src := range sources {
		name := strings.TrimSuffix(filepath.Base(src), ".c")
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			ref := cprogReference(t, src, filepath.Join(tmp, name+".host"))
			wasmPath := filepath.Join(tmp, name+".wasm")
			wasmBytes := cprogWasm(t, src, wasmPath)
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
			defer cancel()
			got, err := runner.RunWazero(ctx, wasmBytes, runner.Config{Name: name})
			if err != nil {
				t.Fatalf("wazero: %v", err)
			}
			cprogCompare(t, "wazero", ref, got)
			if cprogNativeCompile == nil {
				t.Logf("native: backend/arm64 not present yet, skipped")
				return
			}
			start := time.Now()
			elf, err := cprogNativeCompile(wasmBytes)
			if err != nil {
				t.Fatalf("native compile of %s (%d bytes): %v", wasmPath, len(wasmBytes), err)
			}
			t.Logf("native compile: %d bytes of Wasm -> %d bytes of ELF in %v", len(wasmBytes), len(elf), time.Since(start))
			elfPath := filepath.Join(tmp, name+".elf")
			if err := os.WriteFile(elfPath, elf, 0o755); err != nil {
				t.Fatal(err)
			}
			// Its own time limit: code from the backend under qemu is much slower than wazero's.
			nctx, ncancel := context.WithTimeout(context.Background(), 5*time.Minute)
			defer ncancel()
			start = time.Now()
			got, err = runner.RunNative(nctx, elfPath, runner.Config{Name: name})
			t.Logf("native run under qemu: %v", time.Since(start))
			if err != nil {
				t.Fatalf("native: %v", err)
			}
			cprogCompare(t, "native", ref, got)
		})
	}
}

// cprogWasm compiles the C program src with clang for wasm32-wasi -O2 into wasmPath and returns
// the module's bytes.
func cprogWasm(t *testing.T, src, wasmPath string) []byte {
	t.Helper()
	args := []string{"--target=wasm32-wasi", "-O2", "-o", wasmPath, src}
	if _, err := os.Stat(cprogWasiSysroot); err == nil {
		args = append(args, "--sysroot="+cprogWasiSysroot)
	}
	if out, err := exec.Command("clang", args...).CombinedOutput(); err != nil {
		t.Fatalf("clang %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	wasmBytes, err := os.ReadFile(wasmPath)
	if err != nil {
		t.Fatal(err)
	}
	return wasmBytes
}

// cprogResult is what a run is compared on.
type cprogResult struct {
	stdout []byte
	exit   int
}

// cprogReference builds src with the host's gcc -O2 and runs it. The host gcc (x86-64) is the
// reference rather than aarch64-linux-gnu-gcc under qemu: x86-64's baseline has no fused
// multiply-add, so, like Wasm, every float operation rounds on its own, while GCC for AArch64
// contracts a*b+c into fmadd by default and prints different last digits; it also avoids qemu.
func cprogReference(t *testing.T, src, exe string) cprogResult {
	t.Helper()
	if out, err := exec.Command("gcc", "-O2", "-o", exe, src, "-lm").CombinedOutput(); err != nil {
		t.Fatalf("gcc -O2 %s: %v\n%s", src, err, out)
	}
	cmd := exec.Command(exe)
	var stdout bytes.Buffer
	cmd.Stdout = &stdout
	err := cmd.Run()
	res := cprogResult{stdout: stdout.Bytes()}
	if ee, ok := err.(*exec.ExitError); ok {
		res.exit = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("running %s: %v", exe, err)
	}
	if len(res.stdout) == 0 {
		t.Fatalf("%s printed nothing", exe)
	}
	return res
}

func cprogCompare(t *testing.T, engine string, want cprogResult, got runner.Result) {
	t.Helper()
	if !bytes.Equal(got.Stdout, want.stdout) {
		t.Errorf("%s: stdout differs from gcc's:\n%s", engine, cprogDiff(want.stdout, got.Stdout))
	}
	if got.ExitCode != want.exit {
		t.Errorf("%s: exit status %d, gcc's build exits %d (stderr %q)", engine, got.ExitCode, want.exit, got.Stderr)
	}
}

// cprogDiff shows the first differing line with its neighbours.
func cprogDiff(want, got []byte) string {
	w, g := strings.Split(string(want), "\n"), strings.Split(string(got), "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return fmt.Sprintf("line %d:\n  gcc:  %q\n  got:  %q\n(%d lines vs %d)", i+1, wl, gl, len(w), len(g))
		}
	}
	return "(same lines, different bytes)"
}

package arm64

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"cot/ir/pipeline"
)

// runResult is what running a native executable produced.
type runResult struct {
	stdout, stderr string
	status         int
}

// needTools skips the test when wat2wasm or qemu-aarch64 is missing.
func needTools(t *testing.T) {
	t.Helper()
	for _, tool := range []string{"wat2wasm", "qemu-aarch64"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not installed", tool)
		}
	}
}

// watToWasm assembles WAT text with wat2wasm.
func watToWasm(t *testing.T, wat string) []byte {
	t.Helper()
	dir := t.TempDir()
	src := filepath.Join(dir, "m.wat")
	if err := os.WriteFile(src, []byte(wat), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "m.wasm")
	cmd := exec.Command("wat2wasm", "--enable-all", "--disable-simd", src, "-o", out)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("wat2wasm: %v\n%s", err, msg)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// compileAndRun compiles a module with every verifier on and runs it under qemu-aarch64.
func compileAndRun(t *testing.T, wasmBytes []byte, args ...string) runResult {
	t.Helper()
	exe, err := CompileModule(wasmBytes, &pipeline.Options{Verify: pipeline.VerifyEach})
	if err != nil {
		t.Fatalf("compile: %v", err)
	}
	return runELF(t, exe, args...)
}

func runELF(t *testing.T, exe []byte, args ...string) runResult {
	t.Helper()
	path := filepath.Join(t.TempDir(), "prog")
	if err := os.WriteFile(path, exe, 0o755); err != nil {
		t.Fatal(err)
	}
	if keep := os.Getenv("COT_KEEP"); keep != "" {
		os.WriteFile(keep, exe, 0o755)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, "qemu-aarch64", append([]string{path}, args...)...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	status := 0
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		status = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("run: %v", err)
	}
	return runResult{out.String(), strings.TrimSpace(errb.String()), status}
}

// TestCompileFile compiles and runs the module named by $COT_WASM (a debugging aid).
func TestCompileFile(t *testing.T) {
	name := os.Getenv("COT_WASM")
	if name == "" {
		t.Skip("COT_WASM not set")
	}
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	var dump strings.Builder
	opts := &pipeline.Options{Verify: pipeline.VerifyEach, Out: &dump}
	if d := os.Getenv("COT_DUMP"); d != "" {
		opts.DumpAfter = strings.Split(d, ",")
	}
	if v := os.Getenv("COT_VERIFY"); v != "" {
		opts.Verify, _ = pipeline.ParseVerifyMode(v)
	}
	opts.TimePasses = os.Getenv("COT_TIME") != ""
	exe, err := CompileModule(b, opts)
	opts.WriteTimings(&dump)
	t.Log(dump.String())
	if err != nil {
		t.Fatal(err)
	}
	r := runELF(t, exe)
	t.Logf("status %d\nstdout:\n%s\nstderr:\n%s", r.status, r.stdout, r.stderr)
}

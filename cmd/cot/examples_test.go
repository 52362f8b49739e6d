package main

import (
	"bytes"
	"context"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cot/runner"
)

var updateExamples = flag.Bool("update-examples", false, "rewrite examples/*.out from wazero's output")

// TestExamples runs every examples/*.cot as the README tells a new user to (`cot run`), on wazero,
// on wasmtime and, where qemu-aarch64 is installed, natively: each exits 0, writes nothing to
// stderr and prints exactly examples/NAME.out (rewritten with -update-examples), the same on
// every engine.
func TestExamples(t *testing.T) {
	paths, err := filepath.Glob("../../examples/*.cot")
	if err != nil || len(paths) < 8 {
		t.Fatalf("want at least 8 examples, found %d (%v)", len(paths), err)
	}
	_, qemuErr := runner.QemuPath()
	for _, p := range paths {
		name := strings.TrimSuffix(filepath.Base(p), ".cot")
		t.Run(name, func(t *testing.T) {
			wantPath := strings.TrimSuffix(p, ".cot") + ".out"
			var stdout, stderr bytes.Buffer
			status := cot([]string{"run", p}, strings.NewReader(""), &stdout, &stderr)
			if status != 0 || stderr.Len() != 0 || stdout.Len() == 0 {
				t.Fatalf("cot run %s: status %d, stdout %q, stderr %q", p, status, stdout.String(), stderr.String())
			}
			if *updateExamples {
				if err := os.WriteFile(wantPath, stdout.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(wantPath)
			if err != nil {
				t.Fatalf("%v (create it with go test ./cmd/cot -run TestExamples -update-examples)", err)
			}
			if stdout.String() != string(want) {
				t.Errorf("wazero: stdout differs from %s:\n%s", wantPath, stdout.String())
			}
			data, err := compile(&invocation{cmd: "run", file: p, target: targetWasm32}, io.Discard)
			if err != nil {
				t.Fatal(err)
			}
			if res, err := runner.RunWasmtime(context.Background(), data, runner.Config{}); err != nil {
				t.Logf("wasmtime not run: %v", err)
			} else if res.ExitCode != 0 || string(res.Stdout) != string(want) || len(res.Stderr) != 0 {
				t.Errorf("wasmtime: exit %d, stdout %q, stderr %q", res.ExitCode, res.Stdout, res.Stderr)
			}
			if qemuErr != nil {
				t.Logf("arm64-linux not run: %v", qemuErr)
				return
			}
			stdout.Reset()
			stderr.Reset()
			status = cot([]string{"run", "--target=arm64-linux", p}, strings.NewReader(""), &stdout, &stderr)
			if status != 0 || stdout.String() != string(want) || stderr.Len() != 0 {
				t.Errorf("arm64-linux: status %d, stdout %q, stderr %q", status, stdout.String(), stderr.String())
			}
		})
	}
	hello, _ := os.ReadFile("../../examples/hello.out")
	if string(hello) != "Hello, world!\n" {
		t.Errorf("hello.out is %q", hello)
	}
}

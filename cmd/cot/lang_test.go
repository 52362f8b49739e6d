package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"cot/passes"
	"cot/runner"
)

var testBlock = regexp.MustCompile(`(?m)^test "`)

// TestLanguageTests runs the Cot test files of tests/lang with `cot test` on wasm32 (wazero, and
// the same module on wasmtime) and, where qemu-aarch64 is installed, on arm64-linux: every test
// block of every file runs and passes, with the same output everywhere (durations aside).
// The files grow with the language; together they hold at least 100 tests.
func TestLanguageTests(t *testing.T) {
	files, err := filepath.Glob("../../tests/lang/*.cot")
	if err != nil || len(files) == 0 {
		t.Fatalf("no tests/lang/*.cot: %v", err)
	}
	targets := []string{"wasm32"}
	if _, err := runner.QemuPath(); err == nil {
		targets = append(targets, "arm64-linux")
	} else {
		t.Logf("arm64-linux not run: %v", err)
	}
	total := 0
	for _, file := range files {
		text, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		n := len(testBlock.FindAll(text, -1))
		total += n
		runTestFile(t, file, filepath.Base(file), targets, n, nil)
	}
	if total < 100 {
		t.Errorf("tests/lang holds %d tests, want at least 100", total)
	}
	t.Run("all.cot", func(t *testing.T) { allInOneRun(t, files, total) })
}

// runTestFile runs `cot test` on file for each target as subtest name/target: every one of its n
// test blocks passes, and every target prints what wazero printed (wasmtime included). sandbox,
// when not nil, gives each run its sandbox (a fresh one per run).
func runTestFile(t *testing.T, file, name string, targets []string, n int, sandbox func(t *testing.T) runner.Config) {
	var wasmOut string // wazero's stdout and stderr, which the other engines must match
	for _, target := range targets {
		t.Run(name+"/"+target, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			args := []string{"test", "--target=" + target}
			cfg := runner.Config{}
			if sandbox != nil {
				cfg = sandbox(t)
				args = append(args, sandboxFlags(cfg)...)
			}
			status := cot(append(args, file), nil, &stdout, &stderr)
			out := stderr.String()
			if status != 0 {
				t.Fatalf("cot test exited %d:\n%s", status, out)
			}
			if got := strings.Count(out, "\" ... ok ("); got != n {
				t.Errorf("%d tests ok, the file has %d:\n%s", got, n, out)
			}
			if !strings.Contains(out, "\n\nok | "+strconv.Itoa(n)+" passed (") {
				t.Errorf("no summary of %d passed tests:\n%s", n, out)
			}
			if target == "wasm32" {
				wasmOut = stdout.String() + "\x00" + normMillis(out)
				if sandbox != nil {
					cfg = sandbox(t) // wasmtime's run starts afresh too
				}
				sameOnWasmtime(t, file, wasmOut, cfg)
			} else if got := stdout.String() + "\x00" + normMillis(out); got != wasmOut {
				t.Errorf("%s differs from wasm32:\n%s", target, out)
			}
		})
	}
}

// allInOneRun runs tests/all.cot, which imports every file of tests/lang: one `cot test` runs
// every test.
func allInOneRun(t *testing.T, files []string, total int) {
	const all = "../../tests/all.cot"
	text, err := os.ReadFile(all)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if imp := `import "lang/` + filepath.Base(f) + `"`; !strings.Contains(string(text), imp) {
			t.Errorf("tests/all.cot lacks %s", imp)
		}
	}
	var stdout, stderr bytes.Buffer
	if status := cot([]string{"test", all}, nil, &stdout, &stderr); status != 0 {
		t.Fatalf("cot test tests/all.cot exited %d:\n%s", status, stderr.String())
	}
	if !strings.Contains(stderr.String(), "\n\nok | "+strconv.Itoa(total)+" passed (") {
		t.Errorf("tests/all.cot did not run the %d tests of tests/lang:\n%s", total, stderr.String())
	}
}

// sameOnWasmtime runs the test build of file on wasmtime in the sandbox of cfg and compares its
// output with wazero's (durations aside).
func sameOnWasmtime(t *testing.T, file, wasmOut string, cfg runner.Config) {
	inv := &invocation{cmd: "test", file: file, target: targetWasm32, tests: &passes.TestMode{}}
	data, err := compile(inv, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	res, err := runner.RunWasmtime(context.Background(), data, cfg)
	if err != nil {
		t.Logf("wasmtime not run: %v", err)
		return
	}
	if res.ExitCode != 0 || string(res.Stdout)+"\x00"+normMillis(string(res.Stderr)) != wasmOut {
		t.Errorf("wasmtime differs from wazero: exit %d\n%s", res.ExitCode, res.Stderr)
	}
}

var millis = regexp.MustCompile(`\(\d+ms\)`)

// normMillis reads every duration "(Nms)" as "(_ms)".
func normMillis(s string) string { return millis.ReplaceAllString(s, "(_ms)") }

package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"cot/passes"
	"cot/runner"
)

var (
	benchFigures = regexp.MustCompile(`  \d+ ns/op \(\d+\.\d\ds\)`)
	benchSummary = regexp.MustCompile(`(benchmarks) \(\d+\.\d\ds\)`)
)

// normBench reads the measured figures of `cot bench` output as "_" (spec §16.5).
func normBench(s string) string {
	s = benchFigures.ReplaceAllString(s, "  _ ns/op (_s)")
	return benchSummary.ReplaceAllString(s, "$1 (_s)")
}

// The seed regression of `cot bench` (the original's native bench runner overwrote its stack
// pointer with bench globals placed by index arithmetic): the one-bench program, calibrated, and
// a file with many benches, globals of its own and recursion, with --n, on wazero, wasmtime and
// natively. Each run exits 0 and prints spec §16.5's lines exactly.
var benchPrograms = []struct {
	name, text string
	args       []string
	want       *regexp.Regexp
}{
	{"seed.cot", "fn add(a: i64, b: i64) i64 { return a + b }\nbench \"add\" { add(1, 2) }\n", nil,
		regexp.MustCompile(`^bench "add" \.\.\. [1-9]\d* iterations  \d+ ns/op \(\d+\.\d\ds\)\n\nok \| 1 benchmarks \(\d+\.\d\ds\)\n$`)},
	{"many.cot", `var calls: i64 = 0
var table: [4]i64 = [1, 2, 3, 4]
var label = "fib"

fn fib(n: i64) i64 {
    calls += 1
    if (n < 2) {
        return n
    }
    return fib(n - 1) + fib(n - 2)
}

bench "fib 15" {
    const r = fib(15)
    table[r % 4] += 1
}

bench "sum table" {
    var s: i64 = 0
    for i in 0..4 {
        s += table[i]
    }
    calls += s
}

bench "string length" {
    calls += label.len
}

fn main() void {
    println("main does not run under cot bench")
}
`, []string{"--n=7"},
		regexp.MustCompile(`^bench "fib 15" \.\.\. 7 iterations  \d+ ns/op \(\d+\.\d\ds\)\n` +
			`bench "sum table" \.\.\. 7 iterations  \d+ ns/op \(\d+\.\d\ds\)\n` +
			`bench "string length" \.\.\. 7 iterations  \d+ ns/op \(\d+\.\d\ds\)\n` +
			`\nok \| 3 benchmarks \(\d+\.\d\ds\)\n$`)},
}

func TestBenchRunsOnEveryEngine(t *testing.T) {
	dir := t.TempDir()
	_, qemuErr := runner.QemuPath()
	for _, p := range benchPrograms {
		file := filepath.Join(dir, p.name)
		if err := os.WriteFile(file, []byte(p.text), 0o644); err != nil {
			t.Fatal(err)
		}
		check := func(engine string, status int, stdout, stderr string) {
			if status != 0 || stdout != "" || !p.want.MatchString(stderr) {
				t.Errorf("%s on %s: exit %d, stdout %q, stderr:\n%s", p.name, engine, status, stdout, stderr)
			}
		}
		for _, target := range []string{"wasm32", "arm64-linux"} {
			if target == "arm64-linux" && qemuErr != nil {
				t.Logf("arm64-linux not run: %v", qemuErr)
				continue
			}
			var stdout, stderr bytes.Buffer
			status := cot(append([]string{"bench", "--target=" + target, file}, p.args...), nil, &stdout, &stderr)
			check(target, status, stdout.String(), stderr.String())
		}
		inv, err := parseArgs(append([]string{"bench", file}, p.args...))
		if err != nil {
			t.Fatal(err)
		}
		inv.benches = &passes.BenchMode{N: inv.n}
		data, err := compile(inv, io.Discard)
		if err != nil {
			t.Fatal(err)
		}
		res, err := runner.RunWasmtime(context.Background(), data, runner.Config{})
		if err != nil {
			t.Logf("wasmtime not run: %v", err)
			continue
		}
		check("wasmtime", res.ExitCode, string(res.Stdout), string(res.Stderr))
	}
}

package grammar_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"cot/backend/arm64"
	"cot/grammar"
	"cot/ir/pipeline"
	"cot/ir/src"
	"cot/passes"
	"cot/runner"
)

// specOutcomes says what becomes of each example of language.md that parses as a whole file,
// keyed by its first line: "runs" (a whole program — `fn main` or `test` blocks — that compiles
// and runs, every test passing, identically on wasm32 and natively), "compiles" (declarations
// that compile with an empty main added), "unsupported: TEXT" (the compiler's first diagnostic
// contains TEXT: a feature not implemented yet) or "incomplete: TEXT" (the same, for a fragment
// that uses names it does not declare, which no compiler accepts). TestSpecExamplesRun checks every
// entry both ways: an example that now gets further than its entry says fails the test until the
// entry is updated, so the list shrinks as features land and never goes stale.
var specOutcomes = map[string]string{
	`import "std/list"          // stdlib module`:                   "incomplete: cannot import \"helpers/math.cot\"",
	`test "adds two numbers" {`:                                     "runs",
	`fn area(w: i64, h: i64) i64 { return w * h }`:                  "incomplete: undefined identifier `ParseError`",
	`struct Vec2 { x: f64, y: f64 }`:                                "compiles",
	`enum Suit { Clubs, Diamonds, Hearts, Spades }      // 0,1,2,3`: "compiles",
	`union Shape { Circle: f64, Square: f64, Empty }`:               "compiles",
	`const IoErr = error { Closed, Timeout, Denied }`:               "compiles",
	`struct Counter { n: i64 }`:                                     "compiles",
	`trait Shape { fn area(self: *Self) i64 }`:                      "incomplete: undefined identifier `Rect`",
	`fn smaller(T)(x: T, y: T) T {`:                                 "incomplete: undefined identifier `Hashable`",
	`fn copy_file(src: string) !i64 {`:                              "incomplete: undefined identifier `open_it`",
	`var p = Point { .x = 1, .y = 2 }`:                              "incomplete: undefined identifier `Point`",
	`var n = new Node { value: 3, next: null }`:                     "incomplete: undefined identifier `Node`",
	`var scale: i64 = 3`:                                            "compiles",
}

var specMillis = regexp.MustCompile(`\(\d+ms\)`)

// TestSpecExamplesRun compiles every example of language.md that parses as a file, and runs the
// whole programs on wasm32 (wazero) and, where qemu-aarch64 is installed, natively; see
// specOutcomes.
func TestSpecExamplesRun(t *testing.T) {
	qemu := true
	if _, err := runner.QemuPath(); err != nil {
		qemu = false
		t.Logf("native runs skipped: %v", err)
	}
	seen := map[string]bool{}
	for _, ex := range grammar.SpecFileExamples(t) {
		want, listed := specOutcomes[ex.First]
		if !listed {
			t.Errorf("language.md:%d: example %q has no entry in specOutcomes", ex.Line, ex.First)
			continue
		}
		if seen[ex.First] {
			t.Errorf("language.md:%d: two examples start with %q: make the keys tell them apart", ex.Line, ex.First)
		}
		seen[ex.First] = true
		got := specOutcome(t, ex, qemu)
		t.Logf("language.md:%d: %s", ex.Line, got)
		switch {
		case strings.HasPrefix(got, "error: "):
			_, wantText, isError := strings.Cut(want, ": ")
			if !isError || !strings.Contains(got, wantText) {
				t.Errorf("language.md:%d: %q: want %s, got %s", ex.Line, ex.First, want, got)
			}
		case got != want:
			t.Errorf("language.md:%d: %q: specOutcomes says %q, the compiler gives %q: update the entry if it got further, else fix the regression",
				ex.Line, ex.First, want, got)
		}
	}
	for key := range specOutcomes {
		if !seen[key] {
			t.Errorf("specOutcomes entry %q matches no example of language.md that parses as a file: remove it", key)
		}
	}
}

// specOutcome compiles one example (and runs it when it is a whole program) and says how far it got.
func specOutcome(t *testing.T, ex grammar.SpecExample, qemu bool) string {
	text := ex.Text
	tests := regexp.MustCompile(`(?m)^\s*test "`).MatchString(text)
	whole := tests || regexp.MustCompile(`(?m)^\s*fn main\(`).MatchString(text)
	if !whole {
		text += "\nfn main() void {}\n"
	}
	got, _ := specCompileRun(t, ex.Line, text, tests, whole, qemu)
	return got
}

// specCompileRun compiles text (in test mode when tests is set) and, when whole, runs it on
// wasm32 and natively (when qemu is set): the outcome as specOutcome says it, and wasm32's stdout.
func specCompileRun(t *testing.T, line int, text string, tests, whole, qemu bool) (string, string) {
	ctx := pipeline.NewCtx("wasm32")
	if tests {
		ctx.Store[passes.TestModeKey] = &passes.TestMode{}
	}
	out, err := passes.Table().Run(ctx, src.NewFile("spec.cot", []byte(text)), &pipeline.Options{})
	var ue *src.UserError
	switch {
	case errors.As(err, &ue):
		return "error: " + ue.Diags.List[0].Msg, ""
	case err != nil:
		t.Fatalf("language.md:%d: internal error: %v", line, err)
	case !whole:
		return "compiles", ""
	}
	wasm := out.([]byte)
	res, err := runner.RunWazero(context.Background(), wasm, runner.Config{})
	if err != nil {
		t.Fatalf("language.md:%d: wazero: %v", line, err)
	}
	if res.ExitCode != 0 || res.Trap != "" {
		return "fails on wasm32: exit " + strconv.Itoa(res.ExitCode) + "\n" + string(res.Stderr), string(res.Stdout)
	}
	if qemu {
		elf, err := arm64.CompileModule(wasm, nil)
		if err != nil {
			t.Fatalf("language.md:%d: arm64: %v", line, err)
		}
		exe := filepath.Join(t.TempDir(), "spec")
		if err := os.WriteFile(exe, elf, 0o755); err != nil {
			t.Fatal(err)
		}
		nat, err := runner.RunNative(context.Background(), exe, runner.Config{})
		if err != nil {
			t.Fatalf("language.md:%d: native: %v", line, err)
		}
		norm := func(b []byte) string { return specMillis.ReplaceAllString(string(b), "(_ms)") }
		if nat.ExitCode != res.ExitCode || string(nat.Stdout) != string(res.Stdout) || norm(nat.Stderr) != norm(res.Stderr) {
			return "differs natively:\n" + string(nat.Stderr), string(res.Stdout)
		}
	}
	return "runs", string(res.Stdout)
}

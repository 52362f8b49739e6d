package grammar_test

import (
	"strings"
	"testing"

	"cot/grammar"
	"cot/runner"
)

// specFragment is how a statement example of language.md (one that parses only as a function
// body) runs: after Decls at top level and Before at the start of the function body that holds
// it (the names the example uses without declaring them), followed by After (statements that
// print what it did). Want is "runs" with the program's exact stdout in Stdout, or
// "unsupported: TEXT" as in specOutcomes.
type specFragment struct {
	Decls, Before, After string
	Want, Stdout         string
}

// specFragments is keyed by the example's first line, like specOutcomes, and checked both ways.
var specFragments = map[string]specFragment{
	`const LIMIT: i64 = 64          // typed constant`: {
		Decls: `import "std/list"`,
		After: "println(LIMIT)\nprintln(ratio)\nprintln(count)\nprintln(name)\nprintln(buf[3])\nprintln(list.len())",
		Want:  "runs", Stdout: "64\n0.5\n0\ncot\n0\n0\n",
	},
	`if (n > 0) { pos += 1 } else if (n == 0) { zero += 1 } else { neg += 1 }`: {
		Decls:  "fn use(v: i64) void { println(v) }\nfn fallback() void { println(\"none\") }",
		Before: "var n = 0\nvar pos = 0\nvar zero = 0\nvar neg = 0\nvar maybe: ?i64 = 5",
		After:  "println(pos)\nprintln(zero)\nprintln(neg)",
		Want:   "runs", Stdout: "5\n0\n1\n0\n",
	},
	`for i in 0..n { ... }          // i = 0, 1, ..., n-1 (exclusive end)`: {
		Decls:  `import "std/map"`,
		Before: "var n = 3\nvar arr = [1, 2, 3]\nvar m: Map(i64, i64) = .{}\nm.set(1, 10)",
		After:  "println(m.len())",
		Want:   "runs", Stdout: "1\n",
	},
	`var label = switch code {`: {
		Decls:  "union Shape { Circle: f64, Square: f64, Empty }",
		Before: "var code = 404\nvar strict = true\nvar total = 0\nvar shape = Shape.Circle(2.0)",
		After:  "println(label)\nprintln(total)",
		Want:   "runs", Stdout: "4\n1\n",
	},
}

// TestSpecFragmentsRun runs the statement examples of language.md inside a function, with the
// declarations of specFragments, on wasm32 and natively (where qemu-aarch64 is installed).
func TestSpecFragmentsRun(t *testing.T) {
	_, err := runner.QemuPath()
	qemu := err == nil
	seen := map[string]bool{}
	for _, ex := range grammar.SpecFragmentExamples(t) {
		f, listed := specFragments[ex.First]
		if !listed {
			t.Errorf("language.md:%d: statement example %q has no entry in specFragments", ex.Line, ex.First)
			continue
		}
		seen[ex.First] = true
		text := f.Decls + "\n\nfn __fragment() i64 {\n" + f.Before + "\n" + ex.Text + "\n" + f.After +
			"\n    return 0\n}\n\nfn main() i64 {\n    return __fragment()\n}\n"
		got, stdout := specCompileRun(t, ex.Line, text, false, true, qemu)
		t.Logf("language.md:%d: %s", ex.Line, got)
		switch {
		case strings.HasPrefix(got, "error: "):
			_, wantText, isError := strings.Cut(f.Want, ": ")
			if !isError || !strings.Contains(got, wantText) {
				t.Errorf("language.md:%d: %q: want %s, got %s\n%s", ex.Line, ex.First, f.Want, got, text)
			}
		case got != f.Want:
			t.Errorf("language.md:%d: %q: specFragments says %q, the compiler gives %q: update the entry if it got further, else fix the regression",
				ex.Line, ex.First, f.Want, got)
		case stdout != f.Stdout:
			t.Errorf("language.md:%d: %q: stdout %q, want %q", ex.Line, ex.First, stdout, f.Stdout)
		}
	}
	for key := range specFragments {
		if !seen[key] {
			t.Errorf("specFragments entry %q matches no statement example of language.md: remove it", key)
		}
	}
}

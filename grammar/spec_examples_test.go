package grammar

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// specPath is the language reference, beside the clone: /work/shared/spec/language.md here and
// ../shared/spec/language.md next to a CI clone.
const specPath = "../../shared/spec/language.md"

// skippedFences lists the fenced blocks of language.md that are not Cot source, keyed by a
// prefix of their first line, with the reason.
var skippedFences = map[string]string{
	"fn var let const struct":      "§1.3 keyword list, not source",
	"+  -  *  /  %":                "§1.5 token list, not source",
	"<file>:<line>:<col>:":         "§15 diagnostic format, not source",
	"test \"<name>\" ... <status>": "§16.4 test runner output format",
	"\\n":                          "§16.4 test summary format",
	"test \"parses digits\" ...":   "§16.4 example test runner output",
	"bench \"hash 1k keys\" ...":   "§16.5 example bench runner output",
}

type fence struct {
	line int
	text string
}

func specFences(t *testing.T) []fence {
	t.Helper()
	b, err := os.ReadFile(specPath)
	if err != nil {
		abs, _ := filepath.Abs(specPath)
		t.Fatalf("cannot read the language reference at %s (expected shared/ beside the repository clone): %v", abs, err)
	}
	var out []fence
	var cur []string
	start := 0
	for i, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "```") {
			if start == 0 {
				start, cur = i+1, nil
			} else {
				out = append(out, fence{line: start, text: strings.Join(cur, "\n")})
				start = 0
			}
			continue
		}
		if start != 0 {
			cur = append(cur, line)
		}
	}
	return out
}

// TestSpecExamples parses every Cot code example of language.md.
//
// Rules: the spec's `...` placeholder (elided code) is deleted first. A snippet is parsed as a
// whole file; if that fails it is parsed as the body of `fn __t() { ... }` (statement and
// expression snippets). Fences listed in skippedFences are not Cot source.
func TestSpecExamples(t *testing.T) {
	used := map[string]bool{}
	parsed := 0
	for _, f := range specFences(t) {
		first := strings.TrimSpace(strings.SplitN(strings.TrimSpace(f.text), "\n", 2)[0])
		if key, ok := skipKey(first); ok {
			used[key] = true
			continue
		}
		text := strings.ReplaceAll(f.text, "...", "")
		if _, err := Parse("spec.cot", []byte(text)); err == nil {
			parsed++
			continue
		} else if _, err2 := Parse("spec.cot", []byte("fn __t() {\n"+text+"\n}\n")); err2 != nil {
			t.Errorf("language.md line %d: example does not parse\nas a file:\n%v\nas a function body:\n%v\n%s", f.line, err, err2, f.text)
			continue
		}
		parsed++
	}
	for key, reason := range skippedFences {
		if !used[key] {
			t.Errorf("skip entry %q (%s) matches no fence of language.md: remove it", key, reason)
		}
	}
	if parsed < 15 {
		t.Errorf("only %d examples parsed; the extraction is broken", parsed)
	}
	t.Logf("%d spec examples parsed, %d fences skipped", parsed, len(skippedFences))
}

func skipKey(first string) (string, bool) {
	for key := range skippedFences {
		if strings.HasPrefix(first, key) {
			return key, true
		}
	}
	return "", false
}

// SpecExample is one Cot code example of language.md (the fences skippedFences does not skip,
// with the `...` placeholder deleted) that parses as a whole file; spec_run_test.go (package
// grammar_test, which may import the compiler) compiles and runs them.
type SpecExample struct {
	Line  int    // line of language.md where the example starts
	First string // its first line, trimmed: the key of the outcome lists
	Text  string
}

// SpecFileExamples returns the examples of language.md that parse as whole files.
func SpecFileExamples(t *testing.T) []SpecExample { return specExamples(t, true) }

// SpecFragmentExamples returns the examples of language.md that parse only as the body of a
// function (statement snippets), keyed like SpecFileExamples.
func SpecFragmentExamples(t *testing.T) []SpecExample { return specExamples(t, false) }

func specExamples(t *testing.T, files bool) []SpecExample {
	var out []SpecExample
	for _, f := range specFences(t) {
		first := strings.TrimSpace(strings.SplitN(strings.TrimSpace(f.text), "\n", 2)[0])
		if _, skip := skipKey(first); skip {
			continue
		}
		text := strings.ReplaceAll(f.text, "...", "")
		_, err := Parse("spec.cot", []byte(text))
		switch {
		case files && err == nil:
			out = append(out, SpecExample{Line: f.line, First: first, Text: text})
		case !files && err != nil:
			if _, err := Parse("spec.cot", []byte("fn __t() {\n"+text+"\n}\n")); err == nil {
				out = append(out, SpecExample{Line: f.line, First: first, Text: text})
			}
		}
	}
	return out
}

package grammar

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// SpecSectionFragments returns every piece of code of the sections of language.md whose
// headings start with one of prefixes (`### 4.10`, `## 7.`): each inline code span (First and
// Text its text) and each fenced block (First its first line, Text the block), in the order of
// the document, each text once. The `...` placeholder of elided code is left in.
func SpecSectionFragments(t *testing.T, prefixes []string) []SpecExample {
	t.Helper()
	b, err := os.ReadFile(specPath)
	if err != nil {
		t.Fatalf("cannot read the language reference at %s: %v", specPath, err)
	}
	span := regexp.MustCompile("`([^`]+)`")
	var out []SpecExample
	seen := map[string]bool{}
	add := func(line int, first, text string) {
		if !seen[first] {
			seen[first] = true
			out = append(out, SpecExample{Line: line, First: first, Text: text})
		}
	}
	in, fenced, start := false, false, 0
	var block []string
	for i, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "#") && !fenced {
			in = false
			for _, p := range prefixes {
				in = in || strings.HasPrefix(line, p+" ")
			}
			continue
		}
		if strings.HasPrefix(strings.TrimSpace(line), "```") {
			if fenced && in {
				text := strings.Join(block, "\n")
				add(start, strings.TrimSpace(strings.SplitN(strings.TrimSpace(text), "\n", 2)[0]), text)
			}
			fenced, start, block = !fenced, i+2, nil
			continue
		}
		switch {
		case fenced:
			block = append(block, line)
		case in:
			for _, m := range span.FindAllStringSubmatch(line, -1) {
				add(i+1, m[1], m[1])
			}
		}
	}
	return out
}

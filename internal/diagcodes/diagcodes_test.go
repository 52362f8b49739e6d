package diagcodes

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// reported finds every diagnostic code written as a string literal in the compiler's Go sources
// (tests excluded): `"E0301"`, or inside a message like `"%s: error[E0501]: …"`.
func reported(t *testing.T) map[string][]string {
	t.Helper()
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	code := regexp.MustCompile(`["\[]([EW][0-9]{4}|W[0-9]{3})["\]]`)
	found := map[string][]string{}
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, line := range strings.Split(string(b), "\n") {
			if strings.HasPrefix(strings.TrimSpace(line), "//") {
				continue
			}
			for _, m := range code.FindAllStringSubmatch(line, -1) {
				rel, _ := filepath.Rel(root, path)
				found[m[1]] = append(found[m[1]], rel)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return found
}

func TestEveryReportedCodeIsDocumented(t *testing.T) {
	for c, where := range reported(t) {
		if _, ok := Lookup(c); !ok {
			t.Errorf("code %s (reported in %s) has no entry in catalogue.md", c, where[0])
		}
	}
}

func TestEveryDocumentedCodeIsReported(t *testing.T) {
	found := reported(t)
	for _, c := range Codes() {
		if len(found[c]) == 0 {
			t.Errorf("catalogue.md documents %s, which no source reports any more: remove the entry", c)
		}
	}
}

func TestEntriesHaveTitleAndText(t *testing.T) {
	if len(Codes()) < 20 {
		t.Fatalf("catalogue parsed to %d entries", len(Codes()))
	}
	for _, c := range Codes() {
		e, _ := Lookup(c)
		if e.Title == "" || len(e.Text) < 20 {
			t.Errorf("%s: title %q, text %q: every entry explains its code", c, e.Title, e.Text)
		}
	}
	if e, ok := Lookup("e0301"); !ok || e.Title != "undefined identifier" {
		t.Errorf("Lookup is case-insensitive: got %+v, %v", e, ok)
	}
}

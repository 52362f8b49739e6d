package format

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"cot/grammar"
)

// TestFormatsOtherTrees is the acceptance run on Cot sources that are not in this repository:
// COT_FMT_TREES=DIR[:DIR...] go test ./internal/format -run TestFormatsOtherTrees -v formats
// every .cot file and .cot txtar section under the directories that parses, with Source's own
// checks (same CST, same comments, idempotent). Without COT_FMT_TREES it has nothing to do and
// says so (skip).
func TestFormatsOtherTrees(t *testing.T) {
	roots := os.Getenv("COT_FMT_TREES")
	if roots == "" {
		t.Skip("set COT_FMT_TREES to the directories to format")
	}
	parsed, formatted := 0, 0
	check := func(name string, text []byte) {
		if _, err := grammar.Parse(name, text); err != nil {
			return
		}
		parsed++
		if _, err := Source(name, text); err != nil {
			t.Errorf("%s: %v", name, err)
			return
		}
		formatted++
	}
	for _, root := range filepath.SplitList(roots) {
		filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			switch {
			case err != nil || d.IsDir():
			case strings.HasSuffix(path, ".cot"):
				if text, err := os.ReadFile(path); err == nil {
					check(path, text)
				}
			case strings.HasSuffix(path, ".txtar"):
				if a, err := txtar.ParseFile(path); err == nil {
					for _, f := range a.Files {
						if strings.HasSuffix(f.Name, ".cot") {
							check(path+"#"+f.Name, f.Data)
						}
					}
				}
			}
			return nil
		})
	}
	t.Logf("%d sources parse, %d formatted", parsed, formatted)
}

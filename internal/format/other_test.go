package format

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"cot/grammar"
)

func TestOtherTrees(t *testing.T) {
	root := os.Getenv("OTHER")
	if root == "" {
		t.Skip()
	}
	n, ok := 0, 0
	filepath.Walk(root, func(path string, info os.FileInfo, err error) error {
		if err != nil || !strings.HasSuffix(path, ".txtar") || strings.Contains(path, "wt-fmt") {
			return nil
		}
		a, err := txtar.ParseFile(path)
		if err != nil {
			return nil
		}
		for _, f := range a.Files {
			if !strings.HasSuffix(f.Name, ".cot") {
				continue
			}
			if _, err := grammar.Parse("x.cot", f.Data); err != nil {
				continue
			}
			n++
			if _, err := Source("x.cot", f.Data); err != nil {
				t.Errorf("%s#%s: %v", path, f.Name, err)
				continue
			}
			ok++
		}
		return nil
	})
	t.Logf("%d sections parse, %d formatted", n, ok)
}

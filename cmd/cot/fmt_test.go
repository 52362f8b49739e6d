package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"cot/grammar"
)

// TestRepositoryCotFilesAreFormatted runs `cot fmt --check` over every .cot file of the
// repository that parses (the syntax-error cases cannot be formatted): it must list none.
// The .cot sections of txtar archives are checked by internal/format's
// TestRepositoryFilesAreFormatted.
func TestRepositoryCotFilesAreFormatted(t *testing.T) {
	var files []string
	filepath.WalkDir("../..", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() && strings.HasPrefix(d.Name(), ".") && path != "../.." {
			return filepath.SkipDir
		}
		if !d.IsDir() && strings.HasSuffix(path, ".cot") {
			if text, err := os.ReadFile(path); err == nil {
				if _, err := grammar.Parse(path, text); err == nil {
					files = append(files, path)
				}
			}
		}
		return nil
	})
	if len(files) < 10 {
		t.Fatalf("only %d .cot files found", len(files))
	}
	var stdout, stderr bytes.Buffer
	status := cot(append([]string{"fmt", "--check"}, files...), strings.NewReader(""), &stdout, &stderr)
	if status != 0 || stdout.Len() != 0 || stderr.Len() != 0 {
		t.Errorf("cot fmt --check: status %d; not formatted (cot fmt -w FILE):\n%s%s", status, stdout.String(), stderr.String())
	}
}

// TestFmtWritesOnlyChangedFiles: -w leaves a formatted file alone (its modification time does
// not move) and keeps the mode of a file it rewrites.
func TestFmtWritesOnlyChangedFiles(t *testing.T) {
	dir := t.TempDir()
	clean, messy := filepath.Join(dir, "clean.cot"), filepath.Join(dir, "messy.cot")
	os.WriteFile(clean, []byte("fn main() i64 { return 0 }\n"), 0o644)
	os.WriteFile(messy, []byte("fn main() i64 { return (0) }\n"), 0o600)
	old := time.Now().Add(-time.Hour)
	os.Chtimes(clean, old, old)
	var stdout, stderr bytes.Buffer
	if status := cot([]string{"fmt", "-w", dir}, strings.NewReader(""), &stdout, &stderr); status != 0 {
		t.Fatalf("status %d: %s", status, stderr.String())
	}
	if fi, _ := os.Stat(clean); !fi.ModTime().Equal(old) {
		t.Errorf("the formatted file was rewritten")
	}
	fi, _ := os.Stat(messy)
	if got, _ := os.ReadFile(messy); string(got) != "fn main() i64 { return 0 }\n" || fi.Mode().Perm() != 0o600 {
		t.Errorf("rewritten to %q, mode %v", got, fi.Mode().Perm())
	}
}

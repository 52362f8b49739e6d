package golden

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/diff"
	"golang.org/x/tools/txtar"
)

// update is shared by every golden test of this package: rewrite expected sections, never inputs.
var update = flag.Bool("update", false, "rewrite the expected sections of golden files from the current output")

// The cot binary under test, built once per test process: the golden tests drive the real command
// line, so a dump section is exactly what `cot build --dump-after=P` prints.
var (
	cotOnce sync.Once
	cotPath string
	cotErr  error
)

func cotBinary(t *testing.T) string {
	t.Helper()
	cotOnce.Do(func() {
		dir, err := os.MkdirTemp("", "cot-golden-")
		if err != nil {
			cotErr = err
			return
		}
		cotPath = filepath.Join(dir, "cot")
		// CGO_ENABLED=0: cot runs programs on wazero only, so it needs no C library.
		cmd := exec.Command("go", "build", "-o", cotPath, "cot/cmd/cot")
		cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
		if out, err := cmd.CombinedOutput(); err != nil {
			cotErr = fmt.Errorf("go build cot/cmd/cot: %v\n%s", err, out)
		}
	})
	if cotErr != nil {
		t.Fatal(cotErr)
	}
	return cotPath
}

// cotResult is one invocation of the cot binary.
type cotResult struct {
	stdout, stderr []byte
	exit           int
}

// runCot runs the cot binary in dir with args.
func runCot(t *testing.T, dir string, args ...string) cotResult {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, cotBinary(t), args...)
	cmd.Dir = dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	res := cotResult{stdout: stdout.Bytes(), stderr: stderr.Bytes()}
	if err != nil {
		ee, ok := err.(*exec.ExitError)
		if !ok {
			t.Fatalf("cot %s: %v", strings.Join(args, " "), err)
		}
		res.exit = ee.ExitCode()
	}
	return res
}

// goldenCase is one txtar file of testdata/<kind>/.
type goldenCase struct {
	name    string // file name without .txtar
	path    string
	archive *txtar.Archive
}

// loadCases reads every testdata/<kind>/*.txtar.
func loadCases(t *testing.T, kind string) []*goldenCase {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join("testdata", kind, "*.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) == 0 {
		t.Fatalf("no cases in testdata/%s", kind)
	}
	var cases []*goldenCase
	for _, p := range paths {
		a, err := txtar.ParseFile(p)
		if err != nil {
			t.Fatal(err)
		}
		cases = append(cases, &goldenCase{name: strings.TrimSuffix(filepath.Base(p), ".txtar"), path: p, archive: a})
	}
	return cases
}

// section returns the named section and whether it exists.
func (c *goldenCase) section(name string) ([]byte, bool) {
	for _, f := range c.archive.Files {
		if f.Name == name {
			return f.Data, true
		}
	}
	return nil, false
}

// setSection replaces (or, when absent, appends) a section; empty data with drop removes it.
func (c *goldenCase) setSection(name string, data []byte, drop bool) {
	for i, f := range c.archive.Files {
		if f.Name == name {
			if drop {
				c.archive.Files = append(c.archive.Files[:i], c.archive.Files[i+1:]...)
			} else {
				c.archive.Files[i].Data = data
			}
			return
		}
	}
	if !drop {
		c.archive.Files = append(c.archive.Files, txtar.File{Name: name, Data: data})
	}
}

func (c *goldenCase) write() error {
	return os.WriteFile(c.path, txtar.Format(c.archive), 0o644)
}

// writeInputs writes the case's input sections (the names ending in .cot, cot.json, and data/...) into dir.
func (c *goldenCase) writeInputs(t *testing.T, dir string) {
	t.Helper()
	for _, f := range c.archive.Files {
		// Sources, and the files a program reads under data/ (the engines' preopen is dir, as "/").
		if strings.HasSuffix(f.Name, ".cot") || strings.HasPrefix(f.Name, "data/") || f.Name == "cot.json" { // cot.json: the project file (spec §16.2)
			path := filepath.Join(dir, f.Name) // a name may have directories: lib/util.cot
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, f.Data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// mismatch reports that section of case c differs from what the compiler did, with a diff and the
// command that accepts the new output.
func mismatch(t *testing.T, test string, c *goldenCase, section string, want, got []byte) {
	t.Helper()
	t.Errorf("%s: section %q differs (-want +got):\n%s\naccept with: go test ./golden -run '%s/%s' -update",
		c.path, section, diff.Diff("want", want, "got", got), test, c.name)
}

// withNewline makes an expected section out of raw output: txtar sections end in a newline, so a
// missing final newline is written as a marker line the comparison understands.
const noNewline = "<no newline at end>\n"

func toSection(b []byte) []byte {
	if len(b) > 0 && b[len(b)-1] != '\n' {
		return append(append([]byte(nil), b...), "\n"+noNewline...)
	}
	return b
}

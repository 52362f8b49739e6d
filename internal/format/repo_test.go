package format

import (
	"bytes"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"cot/grammar"
	"cot/ir/pipeline"
	"cot/ir/src"
	"cot/passes"
)

var write = flag.Bool("write", false, "TestRepositoryFilesAreFormatted rewrites the repository's unformatted Cot sources")

// repoRoot is the repository's top directory, seen from this package.
const repoRoot = "../.."

// specPath is the language reference beside the clone (as in grammar/spec_examples_test.go).
const specPath = "../../../shared/spec/language.md"

// cotSource is one Cot program of the repository: a .cot file, or a .cot section of a txtar
// archive (golden cases, cmd/cot scripts), or an example of language.md.
type cotSource struct {
	name    string // path, path#section, or language.md:LINE
	text    []byte
	archive *txtar.Archive // the archive holding it, if any
	file    int            // its index in archive.Files
	path    string         // the file to rewrite
	spec    bool           // a spec example: checked for meaning, not for layout
}

func repoSources(t *testing.T) []*cotSource {
	t.Helper()
	var out []*cotSource
	err := filepath.WalkDir(repoRoot, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && path != repoRoot && strings.HasPrefix(d.Name(), ".") {
			return filepath.SkipDir
		}
		switch {
		case d.IsDir():
		case strings.HasSuffix(path, ".cot"):
			text, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			out = append(out, &cotSource{name: path, text: text, path: path})
		case strings.HasSuffix(path, ".txtar"):
			a, err := txtar.ParseFile(path)
			if err != nil {
				return err
			}
			for i, f := range a.Files {
				if strings.HasSuffix(f.Name, ".cot") {
					out = append(out, &cotSource{name: path + "#" + f.Name, text: f.Data, archive: a, file: i, path: path})
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(out) < 50 {
		t.Fatalf("only %d Cot sources found under %s", len(out), repoRoot)
	}
	return out
}

// specSources returns the Cot examples of language.md, each as a file or, if it is a statement
// or expression snippet, as the body of a function (the rules of grammar.TestSpecExamples).
func specSources(t *testing.T) []*cotSource {
	t.Helper()
	b, err := os.ReadFile(specPath)
	if err != nil {
		t.Fatalf("cannot read the language reference at %s: %v", specPath, err)
	}
	var out []*cotSource
	var cur []string
	start := 0
	for i, line := range strings.Split(string(b), "\n") {
		if !strings.HasPrefix(strings.TrimSpace(line), "```") {
			if start != 0 {
				cur = append(cur, line)
			}
			continue
		}
		if start == 0 {
			start, cur = i+1, nil
			continue
		}
		text := strings.ReplaceAll(strings.Join(cur, "\n"), "...", "")
		if _, err := grammar.Parse("spec.cot", []byte(text)); err != nil {
			text = "fn __t() {\n" + text + "\n}\n"
		}
		out = append(out, &cotSource{name: "language.md:" + strconv.Itoa(start), text: []byte(text), spec: true})
		start = 0
	}
	return out
}

// TestRepositoryFilesKeepMeaning formats every Cot program of the repository and of
// language.md: the output parses to the same CST (Source checks it, with the comments and
// idempotence), and where the program compiles today it compiles to the same Wasm bytes.
func TestRepositoryFilesKeepMeaning(t *testing.T) {
	all := append(repoSources(t), specSources(t)...)
	formatted, compiled := 0, 0
	for _, s := range all {
		if _, err := grammar.Parse(s.name, s.text); err != nil {
			continue // a syntax-error test case
		}
		out, err := Source(s.name, s.text)
		if err != nil {
			t.Errorf("%s: %v", s.name, err)
			continue
		}
		formatted++
		before, err := compileWasm(s.text)
		if err != nil {
			continue // does not compile with today's front end
		}
		after, err := compileWasm(out)
		if err != nil {
			t.Errorf("%s compiles, its formatted text does not: %v\n%s", s.name, err, out)
			continue
		}
		if !bytes.Equal(before, after) {
			t.Errorf("%s: the formatted program compiles to different Wasm bytes\n%s", s.name, out)
		}
		compiled++
	}
	t.Logf("%d sources: %d formatted with the same CST, %d compiled to the same Wasm bytes", len(all), formatted, compiled)
	if formatted < 70 || compiled < 30 {
		t.Errorf("only %d formatted, %d compiled: the collection is broken", formatted, compiled)
	}
}

func compileWasm(text []byte) ([]byte, error) {
	out, err := passes.Table().Run(pipeline.NewCtx("wasm32"), src.NewFile("main.cot", text), &pipeline.Options{})
	if err != nil {
		return nil, err
	}
	return out.([]byte), nil
}

// unformattedOnPurpose lists the archives (or directories of them) whose Cot sections are
// meant to be unformatted.
var unformattedOnPurpose = map[string]string{
	"cmd/cot/testdata/script/fmt.txtar":              "the inputs of cot fmt's own tests",
	"internal/format/testdata/cases/":                "the inputs of the formatter's layout cases",
	"cmd/cot/testdata/script/lsp_nvim.txtar":         "the messy input of the editor's formatting test (branch lsp)",
	"cmd/cot/testdata/script/lsp_nvim_project.txtar": "the messy input of the editor's formatting test on a project",
	"cmd/cot/testdata/script/outside.txtar":          "programs in the layouts of outside users, the inputs of cot fmt's acceptance",
}

func onPurpose(path string) bool {
	rel, _ := filepath.Rel(repoRoot, path)
	for p := range unformattedOnPurpose {
		if strings.HasPrefix(filepath.ToSlash(rel), p) {
			return true
		}
	}
	return false
}

// TestRepositoryFilesAreFormatted: every Cot source of the repository that parses is in the
// canonical layout (`cot fmt --check` over the .cot files, and the same for the .cot sections
// of txtar archives). With -write it rewrites those that are not.
func TestRepositoryFilesAreFormatted(t *testing.T) {
	dirty := map[string]*cotSource{}
	for _, s := range repoSources(t) {
		if onPurpose(s.path) {
			continue
		}
		if _, err := grammar.Parse(s.name, s.text); err != nil {
			continue
		}
		out, err := Source(s.name, s.text)
		if err != nil || bytes.Equal(out, s.text) {
			continue // errors are TestRepositoryFilesKeepMeaning's
		}
		if !*write {
			t.Errorf("%s is not formatted (go test ./internal/format -run %s -write)", s.name, t.Name())
			continue
		}
		if s.archive == nil {
			if err := os.WriteFile(s.path, out, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		s.archive.Files[s.file].Data = out
		dirty[s.path] = s
	}
	for path, s := range dirty {
		if err := os.WriteFile(path, txtar.Format(s.archive), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

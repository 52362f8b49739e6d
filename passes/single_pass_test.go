package passes

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"cot/ir/ast"
	"cot/ir/pipeline"
	"cot/ir/src"
	"cot/ir/wasm"
)

var update = flag.Bool("update", false, "rewrite the -- out -- sections of testdata/<pass>/*.txtar")

// TestSinglePass runs each testdata/<pass>/*.txtar case: read `in` (ast or WAT text), check it against
// the pass's input language, run the one pass, check the output language, print it and compare
// with `out` (diagnostics, when the pass reports user errors).
func TestSinglePass(t *testing.T) {
	passes := map[string]pipeline.Pass{}
	for _, p := range Table().Passes {
		passes[p.Name] = p
	}
	files, err := filepath.Glob("testdata/*/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no single-pass tests: %v", err)
	}
	for _, file := range files {
		name := filepath.Base(filepath.Dir(file))
		t.Run(name+"/"+strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			p, ok := passes[name]
			read := readers[p.In.Family]
			if !ok || read == nil {
				t.Fatalf("%s is not a pass of the table whose input can be read back", name)
			}
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			in := section(t, ar, "in")
			prog, err := read(string(in.Data))
			if err != nil {
				t.Fatal(err)
			}
			if errs := p.In.Family.Verify(p.In, prog); len(errs) > 0 {
				t.Fatalf("input does not fit %s: %v", p.In.Name, errs)
			}
			ctx := pipeline.NewCtx("wasm32")
			if mode := optSection(ar, "cot-test"); mode != nil { // a `cot test` build; the section holds the --filter
				ctx.Store[TestModeKey] = &TestMode{Filter: strings.TrimSpace(string(mode.Data))}
			}
			got := runOnePass(t, ctx, p, prog)
			out := section(t, ar, "out")
			if *update {
				out.Data = []byte(got)
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if got != string(out.Data) {
				t.Errorf("output differs (accept with: go test ./passes -run TestSinglePass -update)\n--- got\n%s--- want\n%s", got, out.Data)
			}
		})
	}
}

// readers parse the text form of the families whose programs single-pass tests start from.
var readers = map[*pipeline.Family]func(string) (any, error){
	ast.Family:  func(s string) (any, error) { return ast.Read(s) },
	wasm.Family: func(s string) (any, error) { return wasm.Read(s) },
}

func runOnePass(t *testing.T, ctx *pipeline.Ctx, p pipeline.Pass, prog any) string {
	res, err := (&pipeline.Table{Name: "one", Passes: []pipeline.Pass{p}}).Run(ctx, prog, &pipeline.Options{})
	var ue *src.UserError
	if errors.As(err, &ue) {
		return ue.Error()
	}
	if err != nil {
		t.Fatal(err)
	}
	var sb strings.Builder
	p.Out.Family.Print(&sb, res, "")
	return sb.String()
}

func section(t *testing.T, ar *txtar.Archive, name string) *txtar.File {
	f := optSection(ar, name)
	if f == nil {
		t.Fatalf("missing -- %s -- section", name)
	}
	return f
}

func optSection(ar *txtar.Archive, name string) *txtar.File {
	for i := range ar.Files {
		if ar.Files[i].Name == name {
			return &ar.Files[i]
		}
	}
	return nil
}

package verify_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"cot/grammar/progen"
	"cot/ir/ast"
	"cot/ir/pipeline"
	"cot/ir/src"
	"cot/passes"
	"cot/verify"
)

// compileGoldens compiles the main.cot of every run golden (golden/testdata/run), and a small
// program of each of progen's compilable dialects (the front end's benchmark programs), through
// the front end under --verify=each.
func compileGoldens(t *testing.T) {
	t.Helper()
	files, err := filepath.Glob("../golden/testdata/run/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no run goldens: %v", err)
	}
	for _, file := range files {
		ar, err := txtar.ParseFile(file)
		if err != nil {
			t.Fatal(err)
		}
		dir := t.TempDir()
		safe := false
		for _, f := range ar.Files {
			switch f.Name {
			case "stdout", "stderr", "exit", "stdin":
				continue
			case "cot.json":
				safe = strings.Contains(string(f.Data), `"safe": true`)
			}
			path := filepath.Join(dir, f.Name)
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, f.Data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		path := filepath.Join(dir, "main.cot")
		text, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		ctx := pipeline.NewCtx("wasm32")
		if safe {
			ctx.Store[passes.SafeModeKey] = true
		}
		compileEach(t, ctx, path, text)
	}
	for _, d := range []progen.Dialect{progen.Compilable, progen.Rich} {
		compileEach(t, pipeline.NewCtx("wasm32"), fmt.Sprintf("progen%d.cot", d), progen.Program(1<<16, d))
	}
}

func compileEach(t *testing.T, ctx *pipeline.Ctx, path string, text []byte) {
	t.Helper()
	f := src.NewFile(path, text)
	ctx.Diags.AddFile(f)
	if _, err := passes.Table().Run(ctx, f, &pipeline.Options{Verify: pipeline.VerifyEach}); err != nil {
		t.Errorf("%s: %v", filepath.Base(path), err)
	}
}

// TestVerifierVisitsEveryNode: the ast verifier's walk checks every node of the program (what
// ast.Inspect reaches), after every front-end pass of every run golden. Its checks of what
// holds for a node wherever it is (its kind in the language, a data address in the image)
// rely on that.
func TestVerifierVisitsEveryNode(t *testing.T) {
	if testing.Short() {
		t.Skip("compiles every run golden")
	}
	// The hook is not safe beside itself: the streamed units' checks (ASTFrame.Unit) run on one
	// worker, which the compilation waits for.
	defer func(w int) { pipeline.Workers = w }(pipeline.Workers)
	pipeline.Workers = 1
	seen := map[ast.Node]bool{}
	verify.SetVisitHook(func(n ast.Node) { seen[n] = true })
	defer verify.SetVisitHook(nil)
	missed := map[string]bool{} // one report per kind
	saved := ast.Family.VerifyWith
	defer func() { ast.Family.VerifyWith = saved }()
	ast.Family.VerifyWith = func(_ *any, l *pipeline.Lang, prog any, _ bool) []error {
		p := prog.(*ast.Program)
		clear(seen)
		errs := verify.AST(l, p) // every declaration walked
		for _, d := range p.Decls {
			ast.Inspect(d, func(n ast.Node) bool {
				if !seen[n] && !missed[n.Kind()] {
					missed[n.Kind()] = true
					t.Errorf("language %s: the verifier did not visit %s %s (in %s)", l.Name, n.Kind(), ast.String(n), parentOf(d, n))
				}
				return true
			})
		}
		return errs
	}
	compileGoldens(t)
}

// parentOf names the node of d whose child n is, for a report.
func parentOf(d ast.Decl, n ast.Node) string {
	parent := "nothing"
	ast.Inspect(d, func(m ast.Node) bool {
		ast.Inspect(m, func(c ast.Node) bool {
			if c == m {
				return true
			}
			if c == n {
				parent = m.Kind()
			}
			return false
		})
		return true
	})
	return parent
}

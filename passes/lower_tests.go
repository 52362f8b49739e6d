// Pass lower-tests: no-defer -> no-tests.
//
// Turns `test` and `bench` blocks into plain functions. Under `cot bench` (a BenchMode in the
// context) the benches the filter selects stay and a generated bench runner becomes `main`
// (lower_tests_bench.go); otherwise benches are dropped (checked like tests, never compiled).
// Outside `cot test` (no TestMode in the context) the tests are dropped too:
// they were type-checked, they are never compiled (spec §2.5); a program with tests and without
// main is then the one user error this pass reports (check-types lets a test file do without). Under `cot test` the tests the
// filter selects stay, as void functions, and a generated runner (lower_tests_runner.go) becomes
// `main` (the user's main stays, renamed __user_main, uncalled): it writes the lines of spec §16.4
// to stderr, times each test and the run with the monotonic clock (decisions.md #25), and returns
// the number of failed tests, at most 255.
//
// Inside a test body (lexically) a failing @assert/@assert_eq does not stop the program: it
// calls the runner's __test_fail (which counts the failure and finishes the test's line with
// FAIL), writes where it failed and, for @assert_eq, the expected (right) and actual (left)
// values, then returns from the test. A failing assertion anywhere else, also in a function a
// test calls, stays what lower-builtins makes it: the program stops with exit status 134, and
// with it the run (docs/decisions.md, "cot test").
//
//	(test "adds" test#2 (block (assert-eq (+ 1 2) 3)))
//	  => (func test#2 () void (block
//	       (block (const actual#12 i64 (+ 1 2)) (const expected#13 i64 3)
//	         (if (!= actual#12 expected#13) (block (expr (call __test_fail#10))
//	           (println 2 "    t.cot:5:5: assert_eq failed") (print 2 "    expected: ") (println 2 expected#13)
//	           (print 2 "    actual:   ") (println 2 actual#12) (return))))))
//	     (func main#15 () i64 (block (const run_start#14 i64 (call-runtime clock_ns 1))
//	       (print 2 "test \"adds\" ... ") (assign __test_start#6 (call-runtime clock_ns 1))
//	       (expr (call test#2)) (expr (call __test_finish#11))
//	       ... summary ... (return __tests_failed#5)))   ; at most 255

package passes

import (
	"strings"

	"cot/ir/ast"
	"cot/ir/pipeline"
	"cot/ir/src"
	"cot/ir/types"
)

// TestModeKey is the pipeline.Ctx Store key under which the driver asks for a test build
// (`cot test`): its value is a *TestMode.
const TestModeKey = "cot test"

// TestMode is how `cot test` wants the runner built.
type TestMode struct {
	Colour bool   // status words in bold green and red (the driver decides: stderr a terminal, no NO_COLOR)
	Filter string // run only the tests whose display name contains Filter
	Leaks  bool   // after each test, report the heap blocks it left allocated (`--leaks`)
	// Selected is set by lower-tests: how many tests the runner runs.
	Selected int
}

func lowerTests(ctx *pipeline.Ctx, prog any) (any, error) {
	p := prog.(*ast.Program)
	mode, _ := ctx.Store[TestModeKey].(*TestMode)
	bench, _ := ctx.Store[BenchModeKey].(*BenchMode)
	out := &ast.Program{Types: p.Types, Data: p.Data}
	ast.CarryIDs(out, p)
	var tests, benches []*ast.Func
	for _, d := range p.Decls {
		f, ok := d.(*ast.Func)
		switch {
		case ok && f.TestKind == "bench":
			if bench != nil && strings.Contains(f.TestName, bench.Filter) {
				plain := *f
				plain.TestKind, plain.TestName = "", ""
				out.Decls = append(out.Decls, &plain)
				benches = append(benches, f)
			}
			continue
		case ok && f.TestKind == "test":
			if mode != nil && strings.Contains(f.TestName, mode.Filter) {
				tests = append(tests, f)
			}
			continue
		case ok && (mode != nil || bench != nil) && f.Name.Name == "main":
			user := *f
			user.Name.Name = "__user_main"
			d = &user
		}
		out.Decls = append(out.Decls, d)
	}
	if bench != nil {
		bench.Selected = len(benches)
		out.Decls = append(out.Decls, benchMain(ast.NewIDs(p), bench, benches))
		return out, nil
	}
	if mode == nil {
		return out, missingMainOfTestFile(ctx, p)
	}
	mode.Selected = len(tests)
	g := &testGen{ids: ast.NewIDs(p), mode: mode}
	g.declareRunner(out)
	for _, t := range tests {
		out.Decls = append(out.Decls, g.testFunc(t))
	}
	out.Decls = append(out.Decls, g.runnerMain(tests))
	return out, nil
}

// testGen builds the runner's code; the fields name its globals and functions.
type testGen struct {
	ids  *ast.IDs
	mode *TestMode
	at   ast.At

	passed, failed, start, failedNow, heap, objects *ast.Global
	fail, finish, elapsed, leaks                    *ast.Func
}

// testFunc is the test as a plain function whose assertions end the test instead of the program.
func (g *testGen) testFunc(t *ast.Func) *ast.Func {
	r := &ast.Rewriter{Stmt: func(r *ast.Rewriter, s ast.Stmt) []ast.Stmt {
		switch s := s.(type) {
		case *ast.Assert:
			fail := g.failure(s.At, "assertion failed")
			return []ast.Stmt{&ast.If{At: s.At, Cond: r.RewriteExpr(s.Cond), Then: &ast.Block{At: s.At, Stmts: []ast.Stmt{}}, Else: fail}}
		case *ast.AssertEq:
			at := s.At
			x, y := r.RewriteExpr(s.X), r.RewriteExpr(s.Y)
			a, b := ast.Name{Name: "actual", ID: g.ids.Next()}, ast.Name{Name: "expected", ID: g.ids.Next()}
			ref := func(n ast.Name, t types.Type) ast.Expr { return &ast.Ref{At: at, Typed: ast.Typed{T: t}, Name: n} }
			fail := g.failure(at, "assert_eq failed",
				eprint(at, str(at, "    expected: ")), eprintln(at, ref(b, y.Type())),
				eprint(at, str(at, "    actual:   ")), eprintln(at, ref(a, x.Type())))
			differ := &ast.Binary{At: at, Typed: ast.Typed{T: types.TBool}, Op: "!=", X: ref(a, x.Type()), Y: ref(b, y.Type())}
			return []ast.Stmt{&ast.Block{At: at, Stmts: []ast.Stmt{
				&ast.VarDecl{At: at, Name: a, Const: true, Type: x.Type(), Init: x},
				&ast.VarDecl{At: at, Name: b, Const: true, Type: y.Type(), Init: y},
				&ast.If{At: at, Cond: differ, Then: fail},
			}}}
		}
		return []ast.Stmt{r.DefaultStmt(s)}
	}}
	f := *t
	f.TestKind, f.TestName = "", ""
	f.Body = r.RewriteBlock(t.Body)
	return &f
}

// failure is the block a failed assertion in a test runs: finish the test's line with FAIL, say
// where and what failed, leave the test.
func (g *testGen) failure(at ast.At, what string, details ...ast.Stmt) *ast.Block {
	stmts := []ast.Stmt{callStmt(at, g.fail), eprintln(at, str(at, "    "+at.Pos().String()+": "+what))}
	stmts = append(stmts, details...)
	return &ast.Block{At: at, Stmts: append(stmts, &ast.Return{At: at})}
}

// hasTests reports whether the functions include a test or bench block.
func hasTests(funcs map[int]*ast.Func) bool {
	for _, f := range funcs {
		if f.TestKind != "" {
			return true
		}
	}
	return false
}

// missingMainOfTestFile reports the missing main of a program with tests that is built rather
// than tested: check-types accepts a test file without main (cot check, the LSP), but a build
// needs one (the original's link error).
func missingMainOfTestFile(ctx *pipeline.Ctx, p *ast.Program) error {
	tests, benches := false, false
	for _, d := range p.Decls {
		f, ok := d.(*ast.Func)
		if ok && f.TestKind == "" && f.Name.Name == "main" {
			return nil
		}
		tests = tests || ok && f.TestKind == "test"
		benches = benches || ok && f.TestKind == "bench"
	}
	if !tests && !benches {
		return nil // a program without tests has its main checked by check-types
	}
	help := "add `fn main() i64 { return 0 }`, or run the tests with `cot test`"
	if !tests {
		help = "add `fn main() i64 { return 0 }`, or run the benchmarks with `cot bench`"
	}
	at := rootStart(ctx.Diags, p)
	ctx.Diags.Report(src.Diagnostic{Pos: at.Pos, End: at.End, Severity: src.Error, Code: codeUndefined, Msg: missingMain,
		Help: []string{help}})
	return &src.UserError{Diags: ctx.Diags}
}

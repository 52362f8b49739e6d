// The runner lower-tests generates under `cot test` (spec §16.4): its globals, its helper
// functions and the `main` that runs the tests. It is ordinary typed ast, so later passes lower it
// like user code; its only runtime need is clock_ns (the monotonic clock), linked by symbol.
//
//	var __tests_passed: i64 = 0    var __tests_failed: i64 = 0
//	var __test_start: i64 = 0      var __test_failed_now: bool = false
//	fn __test_elapsed(since: i64) void { eprint(" ("); eprint((clock_ns(1) - since) / 1000000); eprintln("ms)") }
//	fn __test_fail() void   { __tests_failed += 1; __test_failed_now = true; eprint(FAIL); __test_elapsed(__test_start) }
//	fn __test_finish() void { if (__test_failed_now) { __test_failed_now = false }
//	                          else { __tests_passed += 1; eprint(OK); __test_elapsed(__test_start) } }

package passes

import (
	"cot/ir/ast"
	"cot/ir/types"
)

// The status words of spec §16.4, bold green and bold red when coloured.
const (
	colourGreen = "\x1b[1;32m"
	colourRed   = "\x1b[1;31m"
	colourReset = "\x1b[0m"
)

func (g *testGen) word(w, colour string) ast.Expr {
	if g.mode.Colour {
		w = colour + w + colourReset
	}
	return str(g.at, w)
}

// declareRunner adds the runner's globals and helper functions to out.
func (g *testGen) declareRunner(out *ast.Program) {
	at := g.at
	global := func(name string, t types.Type, init ast.Expr) *ast.Global {
		gl := &ast.Global{At: at, Name: ast.Name{Name: name, ID: g.ids.Next()}, Type: t, Init: init}
		out.Decls = append(out.Decls, gl)
		return gl
	}
	g.passed = global("__tests_passed", types.TI64, i64Lit(at, 0))
	g.failed = global("__tests_failed", types.TI64, i64Lit(at, 0))
	g.start = global("__test_start", types.TI64, i64Lit(at, 0))
	g.failedNow = global("__test_failed_now", types.TBool, &ast.BoolLit{At: at, Typed: ast.Typed{T: types.TBool}})

	since := &ast.Param{At: at, Name: ast.Name{Name: "since", ID: g.ids.Next()}, Type: types.TI64}
	ms := &ast.Binary{At: at, Typed: ast.Typed{T: types.TI64}, Op: "/",
		X: &ast.Binary{At: at, Typed: ast.Typed{T: types.TI64}, Op: "-", X: clockNs(at), Y: &ast.Ref{At: at, Typed: ast.Typed{T: types.TI64}, Name: since.Name}},
		Y: i64Lit(at, 1000000)}
	g.elapsed = g.function(out, "__test_elapsed", []*ast.Param{since}, eprint(at, str(at, " (")), eprint(at, ms), eprintln(at, str(at, "ms)")))
	g.fail = g.function(out, "__test_fail", nil,
		increment(at, g.failed), assign(at, g.failedNow, &ast.BoolLit{At: at, Typed: ast.Typed{T: types.TBool}, Value: true}),
		eprint(at, g.word("FAIL", colourRed)), callStmt(at, g.elapsed, globalRef(at, g.start)))
	g.finish = g.function(out, "__test_finish", nil, &ast.If{At: at, Cond: globalRef(at, g.failedNow),
		Then: &ast.Block{At: at, Stmts: []ast.Stmt{assign(at, g.failedNow, &ast.BoolLit{At: at, Typed: ast.Typed{T: types.TBool}})}},
		Else: &ast.Block{At: at, Stmts: []ast.Stmt{increment(at, g.passed), eprint(at, g.word("ok", colourGreen)),
			callStmt(at, g.elapsed, globalRef(at, g.start))}}})
	if g.mode.Leaks {
		g.declareLeaks(out)
	}
}

// runnerMain is the generated main: each test between its header and its status, then the summary.
func (g *testGen) runnerMain(tests []*ast.Func) *ast.Func {
	at := g.at
	run := ast.Name{Name: "run_start", ID: g.ids.Next()}
	body := []ast.Stmt{&ast.VarDecl{At: at, Name: run, Const: true, Type: types.TI64, Init: clockNs(at)}}
	for _, t := range tests {
		body = append(body, eprint(at, str(at, "test \""+t.TestName+"\" ... ")))
		body = append(body, g.aroundTest([]ast.Stmt{assign(at, g.start, clockNs(at)), callStmt(at, t), callStmt(at, g.finish)})...)
	}
	anyFailed := &ast.Binary{At: at, Typed: ast.Typed{T: types.TBool}, Op: "!=", X: globalRef(at, g.failed), Y: i64Lit(at, 0)}
	body = append(body, eprint(at, str(at, "\n")),
		&ast.If{At: at, Cond: anyFailed,
			Then: &ast.Block{At: at, Stmts: []ast.Stmt{eprint(at, g.word("FAILED", colourRed))}},
			Else: &ast.Block{At: at, Stmts: []ast.Stmt{eprint(at, g.word("ok", colourGreen))}}},
		eprint(at, str(at, " | ")), eprint(at, globalRef(at, g.passed)), eprint(at, str(at, " passed")),
		&ast.If{At: at, Cond: anyFailed, Then: &ast.Block{At: at, Stmts: []ast.Stmt{
			eprint(at, str(at, " | ")), eprint(at, globalRef(at, g.failed)), eprint(at, str(at, " failed"))}}},
		callStmt(at, g.elapsed, &ast.Ref{At: at, Typed: ast.Typed{T: types.TI64}, Name: run}),
		// The exit status is the number of failed tests, at most 255 (the OS keeps 8 bits).
		&ast.If{At: at, Cond: &ast.Binary{At: at, Typed: ast.Typed{T: types.TBool}, Op: ">", X: globalRef(at, g.failed), Y: i64Lit(at, 255)},
			Then: &ast.Block{At: at, Stmts: []ast.Stmt{&ast.Return{At: at, Value: i64Lit(at, 255)}}}},
		&ast.Return{At: at, Value: globalRef(at, g.failed)})
	return &ast.Func{At: at, Name: ast.Name{Name: "main", ID: g.ids.Next()}, Result: types.TI64, Body: &ast.Block{At: at, Stmts: body}}
}

// function declares a void function of the runner.
func (g *testGen) function(out *ast.Program, name string, params []*ast.Param, body ...ast.Stmt) *ast.Func {
	f := &ast.Func{At: g.at, Name: ast.Name{Name: name, ID: g.ids.Next()}, Params: params, Result: types.TVoid,
		Body: &ast.Block{At: g.at, Stmts: body}}
	out.Decls = append(out.Decls, f)
	return f
}

func i64Lit(at ast.At, v uint64) ast.Expr {
	return &ast.IntLit{At: at, Typed: ast.Typed{T: types.TI64}, Value: v}
}

func str(at ast.At, s string) ast.Expr {
	return &ast.StrLit{At: at, Typed: ast.Typed{T: types.TString}, Value: s}
}

func eprint(at ast.At, x ast.Expr) ast.Stmt { return &ast.Print{At: at, Fd: 2, Args: []ast.Expr{x}} }
func eprintln(at ast.At, x ast.Expr) ast.Stmt {
	return &ast.Print{At: at, Fd: 2, Newline: true, Args: []ast.Expr{x}}
}

// clockNs reads the monotonic clock (WASI clock id 1) in nanoseconds.
func clockNs(at ast.At) ast.Expr {
	return &ast.RuntimeCall{At: at, Typed: ast.Typed{T: types.TI64}, Name: "clock_ns", Args: []ast.Expr{i64Lit(at, 1)}}
}

func globalRef(at ast.At, g *ast.Global) ast.Expr {
	return &ast.Ref{At: at, Typed: ast.Typed{T: g.Type}, Name: g.Name}
}

func assign(at ast.At, g *ast.Global, v ast.Expr) ast.Stmt {
	return &ast.Assign{At: at, Target: globalRef(at, g), Value: v}
}

func increment(at ast.At, g *ast.Global) ast.Stmt {
	return assign(at, g, &ast.Binary{At: at, Typed: ast.Typed{T: g.Type}, Op: "+", X: globalRef(at, g), Y: i64Lit(at, 1)})
}

func callStmt(at ast.At, f *ast.Func, args ...ast.Expr) ast.Stmt {
	callee := &ast.Ref{At: at, Typed: ast.Typed{T: f.Signature()}, Name: f.Name}
	return &ast.ExprStmt{At: at, X: &ast.Call{At: at, Typed: ast.Typed{T: f.Result}, Callee: callee, Args: args}}
}

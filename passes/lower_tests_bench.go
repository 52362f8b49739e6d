// `cot bench` (spec §16.5, docs/decisions.md "cot bench"): under a BenchMode lower-tests keeps the
// bench blocks the filter selects, as void functions, and generates a `main` that runs each one:
//
//	(expr (call-runtime bench_begin))                    ; the run's start, in the runtime's global
//	(print 2 "bench \"add\" ... ")
//	(block (expr (call bench#3)) (expr (call bench#3)) (expr (call bench#3))   ; warm-up
//	  (const t0#20 i64 (call-runtime clock_ns 1)) (expr (call bench#3))
//	  (const n#21 i64 (call-runtime bench_iterations (- (call-runtime clock_ns 1) t0#20) 0))
//	  (var i#22 i64 0) (const s0#23 i64 (call-runtime clock_ns 1))
//	  (while _#24 (< i#22 n#21) (block (expr (call bench#3)) (assign i#22 (+ i#22 1))))
//	  (expr (call-runtime bench_report n#21 (- (call-runtime clock_ns 1) s0#23))))
//	(expr (call-runtime bench_summary 1 false)) (return 0)
//
// The arithmetic and the output lines (calibration, ns/op, the S.CCs seconds, the summary) are
// Cot runtime code, runtime/bench.cot, with its timer global allocated by symbol like every
// runtime global; only the calls of the bodies are generated here, as the runtime cannot name
// the program's functions.

package passes

import (
	"cot/ir/ast"
	"cot/ir/types"
)

// BenchModeKey is the pipeline.Ctx Store key under which the driver asks for a bench build
// (`cot bench`): its value is a *BenchMode.
const BenchModeKey = "cot bench"

// BenchMode is how `cot bench` wants the runner built.
type BenchMode struct {
	Colour bool   // the summary's ok in bold green (stderr a terminal, no NO_COLOR)
	Filter string // run only the benches whose name contains Filter
	N      int64  // iterations per bench as --n=N gave them (at least 1); 0: calibrate
	// Selected is set by lower-tests: how many benches the runner runs.
	Selected int
}

// benchMain is the generated main of a bench build.
func benchMain(ids *ast.IDs, mode *BenchMode, benches []*ast.Func) *ast.Func {
	var at ast.At
	i64 := func(name string, init ast.Expr, isConst bool) (ast.Stmt, ast.Expr) {
		n := ast.Name{Name: name, ID: ids.Next()}
		return &ast.VarDecl{At: at, Name: n, Const: isConst, Type: types.TI64, Init: init},
			&ast.Ref{At: at, Typed: ast.Typed{T: types.TI64}, Name: n}
	}
	since := func(start ast.Expr) ast.Expr {
		return &ast.Binary{At: at, Typed: ast.Typed{T: types.TI64}, Op: "-", X: clockNs(at), Y: start}
	}
	rtStmt := func(name string, args ...ast.Expr) ast.Stmt {
		return &ast.ExprStmt{At: at, X: &ast.RuntimeCall{At: at, Typed: ast.Typed{T: ast.Runtime[name].Result}, Name: name, Args: args}}
	}
	body := []ast.Stmt{rtStmt("bench_begin")}
	for _, b := range benches {
		run := callStmt(at, b)
		declT0, t0 := i64("t0", clockNs(at), true)
		declN, n := i64("n", &ast.RuntimeCall{At: at, Typed: ast.Typed{T: types.TI64}, Name: "bench_iterations",
			Args: []ast.Expr{since(t0), i64Lit(at, uint64(mode.N))}}, true)
		declI, i := i64("i", i64Lit(at, 0), false)
		declS0, s0 := i64("s0", clockNs(at), true)
		loop := &ast.While{At: at, Label: ast.Name{Name: "_", ID: ids.Next()},
			Cond: &ast.Binary{At: at, Typed: ast.Typed{T: types.TBool}, Op: "<", X: i, Y: n},
			Body: &ast.Block{At: at, Stmts: []ast.Stmt{run,
				&ast.Assign{At: at, Target: i, Value: &ast.Binary{At: at, Typed: ast.Typed{T: types.TI64}, Op: "+", X: i, Y: i64Lit(at, 1)}}}}}
		body = append(body, eprint(at, str(at, "bench \""+b.TestName+"\" ... ")), &ast.Block{At: at, Stmts: []ast.Stmt{
			run, run, run, // warm-up
			declT0, run, declN, declI, declS0, loop,
			rtStmt("bench_report", n, since(s0)),
		}})
	}
	body = append(body, rtStmt("bench_summary", i64Lit(at, uint64(len(benches))), &ast.BoolLit{At: at, Typed: ast.Typed{T: types.TBool}, Value: mode.Colour}),
		&ast.Return{At: at, Value: i64Lit(at, 0)})
	return &ast.Func{At: at, Name: ast.Name{Name: "main", ID: ids.Next()}, Result: types.TI64, Body: &ast.Block{At: at, Stmts: body}}
}

// `cot test --leaks` (docs/decisions.md, the tool table): the runner counts the heap blocks
// allocated and not freed (the runtime's heap_blocks) before each test and, after it, reports
// the difference when the test left blocks allocated:
//
//	var __test_heap: i64 = 0
//	fn __test_leaks() void {
//	    const n = heap_blocks() - __test_heap
//	    if (n > 0) { eprint("    leaked "); eprint(n); eprintln(" heap block(s)") }
//	}
//
// main sets __test_heap = heap_blocks() before each test and calls __test_leaks() after it.
// A leak does not fail the test.

package passes

import (
	"cot/ir/ast"
	"cot/ir/types"
)

// declareLeaks adds the leak check's global and function to out.
func (g *testGen) declareLeaks(out *ast.Program) {
	at := g.at
	g.heap = &ast.Global{At: at, Name: ast.Name{Name: "__test_heap", ID: g.ids.Next()}, Type: types.TI64, Init: i64Lit(at, 0)}
	out.Decls = append(out.Decls, g.heap)
	n := ast.Name{Name: "n", ID: g.ids.Next()}
	ref := &ast.Ref{At: at, Typed: ast.Typed{T: types.TI64}, Name: n}
	one := &ast.Binary{At: at, Typed: ast.Typed{T: types.TBool}, Op: "==", X: ref, Y: i64Lit(at, 1)}
	g.leaks = g.function(out, "__test_leaks", nil,
		&ast.VarDecl{At: at, Name: n, Const: true, Type: types.TI64,
			Init: &ast.Binary{At: at, Typed: ast.Typed{T: types.TI64}, Op: "-", X: heapBlocks(at), Y: globalRef(at, g.heap)}},
		&ast.If{At: at, Cond: &ast.Binary{At: at, Typed: ast.Typed{T: types.TBool}, Op: ">", X: ref, Y: i64Lit(at, 0)},
			Then: &ast.Block{At: at, Stmts: []ast.Stmt{
				eprint(at, str(at, "    leaked ")), eprint(at, ref),
				&ast.If{At: at, Cond: one,
					Then: &ast.Block{At: at, Stmts: []ast.Stmt{eprintln(at, str(at, " heap block"))}},
					Else: &ast.Block{At: at, Stmts: []ast.Stmt{eprintln(at, str(at, " heap blocks"))}}}}}})
}

// aroundTest wraps the statements that run one test with the leak check, when asked for.
func (g *testGen) aroundTest(run []ast.Stmt) []ast.Stmt {
	if !g.mode.Leaks {
		return run
	}
	at := g.at
	out := append([]ast.Stmt{assign(at, g.heap, heapBlocks(at))}, run...)
	return append(out, callStmt(at, g.leaks))
}

// heapBlocks reads the runtime's count of allocated blocks.
func heapBlocks(at ast.At) ast.Expr {
	return &ast.RuntimeCall{At: at, Typed: ast.Typed{T: types.TI64}, Name: "heap_blocks"}
}

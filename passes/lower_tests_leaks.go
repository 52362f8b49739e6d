// `cot test --leaks` (docs/decisions.md, the tool table): the runner counts the heap blocks
// allocated and not freed (the runtime's heap_blocks) and the live ARC objects among them
// (arc_objects) before each test and, after it, reports the differences when the test left
// blocks allocated:
//
//	var __test_heap: i64 = 0
//	var __test_objects: i64 = 0
//	fn __test_leaks() void {
//	    const n = heap_blocks() - __test_heap
//	    const m = arc_objects() - __test_objects
//	    if (n > 0) {
//	        eprint("    leaked "); eprint(n); eprint(" heap block(s)")
//	        if (m > 0) { eprint(" ("); eprint(m); eprint(" ARC object(s))") }
//	        eprintln("")
//	    }
//	}
//
// main sets __test_heap = heap_blocks() and __test_objects = arc_objects() before each test and
// calls __test_leaks() after it. A leak does not fail the test.

package passes

import (
	"cot/ir/ast"
	"cot/ir/types"
)

// declareLeaks adds the leak check's global and function to out.
func (g *testGen) declareLeaks(out *ast.Program) {
	at := g.at
	g.heap = &ast.Global{At: at, Name: ast.Name{Name: "__test_heap", ID: g.ids.Next()}, Type: types.TI64, Init: i64Lit(at, 0)}
	g.objects = &ast.Global{At: at, Name: ast.Name{Name: "__test_objects", ID: g.ids.Next()}, Type: types.TI64, Init: i64Lit(at, 0)}
	out.Decls = append(out.Decls, g.heap, g.objects)
	n := ast.Name{Name: "n", ID: g.ids.Next()}
	ref := &ast.Ref{At: at, Typed: ast.Typed{T: types.TI64}, Name: n}
	m := ast.Name{Name: "m", ID: g.ids.Next()}
	objects := &ast.Ref{At: at, Typed: ast.Typed{T: types.TI64}, Name: m}
	g.leaks = g.function(out, "__test_leaks", nil,
		&ast.VarDecl{At: at, Name: n, Const: true, Type: types.TI64,
			Init: &ast.Binary{At: at, Typed: ast.Typed{T: types.TI64}, Op: "-", X: heapBlocks(at), Y: globalRef(at, g.heap)}},
		&ast.VarDecl{At: at, Name: m, Const: true, Type: types.TI64,
			Init: &ast.Binary{At: at, Typed: ast.Typed{T: types.TI64}, Op: "-", X: arcObjects(at), Y: globalRef(at, g.objects)}},
		&ast.If{At: at, Cond: &ast.Binary{At: at, Typed: ast.Typed{T: types.TBool}, Op: ">", X: ref, Y: i64Lit(at, 0)},
			Then: &ast.Block{At: at, Stmts: []ast.Stmt{
				eprint(at, str(at, "    leaked ")), eprint(at, ref), eprintCount(at, ref, " heap block", " heap blocks"),
				&ast.If{At: at, Cond: &ast.Binary{At: at, Typed: ast.Typed{T: types.TBool}, Op: ">", X: objects, Y: i64Lit(at, 0)},
					Then: &ast.Block{At: at, Stmts: []ast.Stmt{eprint(at, str(at, " (")), eprint(at, objects),
						eprintCount(at, objects, " ARC object)", " ARC objects)")}}},
				eprintln(at, str(at, ""))}}})
}

// eprintCount writes one when n is 1, else many.
func eprintCount(at ast.At, n ast.Expr, one, many string) ast.Stmt {
	return &ast.If{At: at, Cond: &ast.Binary{At: at, Typed: ast.Typed{T: types.TBool}, Op: "==", X: n, Y: i64Lit(at, 1)},
		Then: &ast.Block{At: at, Stmts: []ast.Stmt{eprint(at, str(at, one))}},
		Else: &ast.Block{At: at, Stmts: []ast.Stmt{eprint(at, str(at, many))}}}
}

// aroundTest wraps the statements that run one test with the leak check, when asked for.
func (g *testGen) aroundTest(run []ast.Stmt) []ast.Stmt {
	if !g.mode.Leaks {
		return run
	}
	at := g.at
	out := append([]ast.Stmt{assign(at, g.heap, heapBlocks(at)), assign(at, g.objects, arcObjects(at))}, run...)
	return append(out, callStmt(at, g.leaks))
}

// heapBlocks reads the runtime's count of allocated blocks.
func heapBlocks(at ast.At) ast.Expr {
	return &ast.RuntimeCall{At: at, Typed: ast.Typed{T: types.TI64}, Name: "heap_blocks"}
}

// arcObjects reads the runtime's count of live ARC objects (runtime/arc.cot).
func arcObjects(at ast.At) ast.Expr {
	return &ast.RuntimeCall{At: at, Typed: ast.Typed{T: types.TI64}, Name: "arc_objects"}
}

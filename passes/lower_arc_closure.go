package passes

// lower-arc's release of function values (see lower_arc.go; decisions.md 33): a closure that
// captures is a heap object — its function's slot, its drop function's slot, its captures — so
// the release of a function value is one routine for every function type, made on first use:
//
//	(release F:(fn …))  =>  (expr (call arc.release.fn#8 (convert:i64 F)))
//	fn arc.release.fn(p: i64) void {
//	    if (call-runtime arc_release p) {
//	        if (load:i64 (p + 8) != 0) { (call-indirect (convert:(fn () void) (+ p 8))) }
//	        arc_free(p)
//	    }
//	}
//
// The drop function (convert-closures) is called through the table like a closure whose object
// is the drop field: call-indirect reads the slot there and passes that address. The static
// objects of closures capturing nothing and of named functions are no heap objects, so
// arc_release says false for them, as for every address that is no live object.

import (
	"cot/ir/ast"
	"cot/ir/types"
)

// releaseClosure returns the release routine of function values, making it on first use.
func (l *arcLowerer) releaseClosure() *ast.Func {
	if l.closureRelease != nil {
		return l.closureRelease
	}
	at := ast.At{}
	p := &ast.Param{At: at, Name: ast.Name{Name: "p", ID: l.ids.Next()}, Type: types.TI64}
	ref := func() ast.Expr { return &ast.Ref{At: at, Typed: ast.Typed{T: types.TI64}, Name: p.Name} }
	dropAt := func() ast.Expr {
		return &ast.Binary{At: at, Typed: ast.Typed{T: types.TI64}, Op: "+", X: ref(), Y: i64Lit(at, 8)}
	}
	drop := &ast.Deref{At: at, Typed: ast.Typed{T: types.TI64}, X: &ast.Convert{At: at, Typed: ast.Typed{T: types.PointerTo(types.TI64)}, X: dropAt()}}
	sig := types.FuncOf(nil, types.TVoid)
	call := &ast.CallIndirect{At: at, Typed: ast.Typed{T: types.TVoid}, Callee: &ast.Convert{At: at, Typed: ast.Typed{T: sig}, X: dropAt()}}
	hasDrop := &ast.Binary{At: at, Typed: ast.Typed{T: types.TBool}, Op: "!=", X: drop, Y: i64Lit(at, 0)}
	dies := []ast.Stmt{
		&ast.If{At: at, Cond: hasDrop, Then: &ast.Block{At: at, Stmts: []ast.Stmt{&ast.ExprStmt{At: at, X: call}}}},
		&ast.ExprStmt{At: at, X: runtimeCall(at, "arc_free", types.TVoid, ref())},
	}
	body := &ast.If{At: at, Cond: runtimeCall(at, "arc_release", types.TBool, ref()), Then: &ast.Block{At: at, Stmts: dies}}
	f := &ast.Func{At: at, Name: ast.Name{Name: "arc.release.fn", ID: l.ids.Next()}, Params: []*ast.Param{p}, Result: types.TVoid,
		Body: &ast.Block{At: at, Stmts: []ast.Stmt{body}}}
	l.closureRelease = f
	l.made = append(l.made, f)
	return f
}

// releaseStmt is the release of x: a call of its type's release function.
func (l *arcLowerer) releaseStmt(at ast.At, x ast.Expr) ast.Stmt {
	if _, fn := x.Type().(*types.Func); fn {
		return callStmt(at, l.releaseClosure(), &ast.Convert{At: at, Typed: ast.Typed{T: types.TI64}, X: x})
	}
	return callStmt(at, l.releaseOf(ast.ArcStruct(x.Type())), x)
}

// Pass lower-builtins: no-print -> no-builtins.
//
// Spells @exit, @assert and @assert_eq with runtime calls: @exit ends the program with the low 8
// bits of its code; a failed assertion writes its message to stderr and exits with status 134,
// as every runtime failure does (decisions.md #28), the values of @assert_eq printed as print
// prints them (#19). @trap stays; lower-to-wasm makes it Wasm's unreachable.
//
//	(exit c)           =>  (expr (call-runtime exit (& c 255)))
//	(assert c)         =>  (if c (block) (block (expr (call-runtime write 2 "error: assertion failed\n" 24))
//	                                             (expr (call-runtime exit 134))))
//	(assert-eq x y)    =>  (block (const a#8 T x) (const b#9 T y)
//	                              (if (!= a#8 b#9) (block write "error: assert_eq failed: ", print a#8,
//	                                                      write " != ", print b#9, write "\n", exit 134)))

package passes

import (
	"cot/ir/ast"
	"cot/ir/pipeline"
	"cot/ir/types"
)

func lowerBuiltins(_ *pipeline.Ctx, prog any) (any, error) {
	p := prog.(*ast.Program)
	ids := ast.NewIDs(p)
	r := &ast.Rewriter{Share: true, Stmt: func(r *ast.Rewriter, s ast.Stmt) []ast.Stmt {
		switch s := s.(type) {
		case *ast.Exit:
			code := r.RewriteExpr(s.Code)
			mask := &ast.IntLit{At: s.At, Typed: ast.Typed{T: types.TI64}, Value: 255}
			return []ast.Stmt{runtimeStmt(s.At, "exit", &ast.Binary{At: s.At, Typed: ast.Typed{T: types.TI64}, Op: "&", X: code, Y: mask})}
		case *ast.Assert:
			return []ast.Stmt{&ast.If{At: s.At, Cond: r.RewriteExpr(s.Cond), Then: &ast.Block{At: s.At, Stmts: []ast.Stmt{}},
				Else: failure(s.At, writeString(s.At, 2, "error: assertion failed\n"))}}
		case *ast.AssertEq:
			at := s.At
			x, y := r.RewriteExpr(s.X), r.RewriteExpr(s.Y)
			a, b := ast.Name{Name: "a", ID: ids.Next()}, ast.Name{Name: "b", ID: ids.Next()}
			ref := func(n ast.Name, t types.Type) ast.Expr { return &ast.Ref{At: at, Typed: ast.Typed{T: t}, Name: n} }
			differ := &ast.Binary{At: at, Typed: ast.Typed{T: types.TBool}, Op: "!=", X: ref(a, x.Type()), Y: ref(b, y.Type())}
			return []ast.Stmt{&ast.Block{At: at, Stmts: []ast.Stmt{
				&ast.VarDecl{At: at, Name: a, Const: true, Type: x.Type(), Init: x},
				&ast.VarDecl{At: at, Name: b, Const: true, Type: y.Type(), Init: y},
				&ast.If{At: at, Cond: differ, Then: failure(at,
					writeString(at, 2, "error: assert_eq failed: "), printValue(at, 2, ref(a, x.Type()), ids),
					writeString(at, 2, " != "), printValue(at, 2, ref(b, y.Type()), ids), writeString(at, 2, "\n"))},
			}}}
		}
		return []ast.Stmt{r.DefaultStmt(s)}
	}}
	return r.Program(p), nil
}

// failure is a block that runs report, then exits with status 134.
func failure(at ast.At, report ...ast.Stmt) *ast.Block {
	status := &ast.IntLit{At: at, Typed: ast.Typed{T: types.TI64}, Value: 134}
	return &ast.Block{At: at, Stmts: append(report, runtimeStmt(at, "exit", status))}
}

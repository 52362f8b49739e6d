// Pass remove-logical-ops: no-switch -> no-short-circuit.
//
// Makes the short-circuit evaluation of and/or explicit as if-expressions, which evaluate only
// the chosen arm (spec §6.4, decisions.md #11). `not` stays: it is an ordinary unary operator.
//
//	(and a b)  =>  (if-expr a b false)
//	(or a b)   =>  (if-expr a true b)

package passes

import (
	"cot/ir/ast"
	"cot/ir/pipeline"
	"cot/ir/types"
)

func removeLogicalOps(_ *pipeline.Ctx, prog any) (any, error) {
	r := &ast.Rewriter{Share: true, Expr: func(r *ast.Rewriter, e ast.Expr) ast.Expr {
		l, ok := e.(*ast.Logical)
		if !ok {
			return defaultExpr(r, e)
		}
		x, y := r.RewriteExpr(l.X), r.RewriteExpr(l.Y)
		lit := &ast.BoolLit{At: l.At, Typed: ast.Typed{T: types.TBool}, Value: l.Op == "or"}
		then, els := y, ast.Expr(lit)
		if l.Op == "or" {
			then, els = lit, y
		}
		return &ast.If{At: l.At, Typed: ast.Typed{T: types.TBool}, Cond: x, Then: valueBlock(then), Else: valueBlock(els)}
	}}
	return r.Program(prog.(*ast.Program)), nil
}

// valueBlock is a block of nothing but the value x.
func valueBlock(x ast.Expr) *ast.Block {
	return &ast.Block{At: ast.AtOf(x.Pos()), Typed: ast.Typed{T: x.Type()}, Stmts: []ast.Stmt{}, Value: x}
}

// Pass lower-switch: no-for-in -> no-switch.
//
// Turns a switch into a chain of ifs over a constant holding the subject (evaluated once). An arm
// matches when one of its patterns equals the subject or holds it in its inclusive range, and its
// guard holds; arms are tried in order, the else arm last. A switch expression becomes a block
// expression whose value is an if-expression chain, so only the chosen arm runs.
//
//	(switch x (arm (1 (range 5 9)) g BODY1) (else BODY2))
//	  =>  (block (const s#9 i64 x)
//	             (if (and (or (== s#9 1) (and (<= 5 s#9) (<= s#9 9))) g) BODY1 BODY2))
//	(switch-expr:T x (arm (1) - A) (else B))
//	  =>  (block:T (const s#9 i64 x) (value (if-expr:T (== s#9 1) A B)))
//
// Design decision: patterns are compared with == on the subject's type (unsigned ranges compare
// unsigned); and/or keep short-circuit order, so a guard runs only when a pattern matched.

package passes

import (
	"cot/ir/ast"
	"cot/ir/pipeline"
	"cot/ir/types"
)

func lowerSwitch(_ *pipeline.Ctx, prog any) (any, error) {
	p := prog.(*ast.Program)
	ids := ast.NewIDs(p)
	lower := func(r *ast.Rewriter, s *ast.Switch) *ast.Block {
		at := s.At
		st := s.Subject.Type()
		subject := ast.Name{Name: "s", ID: ids.Next()}
		ref := func() ast.Expr { return &ast.Ref{At: at, Typed: ast.Typed{T: st}, Name: subject} }
		boolean := ast.Typed{T: types.TBool}
		cmp := func(op string, x, y ast.Expr) ast.Expr {
			return &ast.Binary{At: at, Typed: boolean, Op: op, X: x, Y: y}
		}
		logical := func(op string, x, y ast.Expr) ast.Expr {
			if x == nil {
				return y
			}
			return &ast.Logical{At: at, Typed: boolean, Op: op, X: x, Y: y}
		}
		var chain ast.Stmt
		if s.Else != nil {
			chain = r.RewriteBlock(s.Else)
		}
		for i := len(s.Arms) - 1; i >= 0; i-- {
			a := s.Arms[i]
			var match ast.Expr
			for j, lo := range a.Lo {
				lo := r.RewriteExpr(lo)
				test := cmp("==", ref(), lo)
				if a.Hi[j] != nil {
					test = logical("and", cmp("<=", lo, ref()), cmp("<=", ref(), r.RewriteExpr(a.Hi[j])))
				}
				match = logical("or", match, test)
			}
			if a.Guard != nil {
				match = logical("and", match, r.RewriteExpr(a.Guard))
			}
			chain = &ast.If{At: a.At, Typed: s.Typed, Cond: match, Then: r.RewriteBlock(a.Body), Else: chain}
		}
		decl := &ast.VarDecl{At: at, Name: subject, Const: true, Type: st, Init: r.RewriteExpr(s.Subject)}
		out := &ast.Block{At: at, Typed: s.Typed, Stmts: []ast.Stmt{decl}}
		if s.HasValue() {
			out.Value = chain.(ast.Expr)
		} else if chain != nil {
			out.Stmts = append(out.Stmts, chain)
		}
		return out
	}
	r := &ast.Rewriter{Share: true}
	r.Stmt = func(r *ast.Rewriter, s ast.Stmt) []ast.Stmt {
		if sw, ok := s.(*ast.Switch); ok {
			return []ast.Stmt{lower(r, sw)}
		}
		return []ast.Stmt{r.DefaultStmt(s)}
	}
	r.Expr = func(r *ast.Rewriter, e ast.Expr) ast.Expr {
		if sw, ok := e.(*ast.Switch); ok {
			return lower(r, sw)
		}
		return defaultExpr(r, e)
	}
	return r.Program(p), nil
}

// Pass remove-compound-assign: no-enums -> no-compound-assign.
//
// Spells every compound assignment as a plain one (spec §5: "x op= y means x = x op y"). A
// target whose reading has no side effects (a variable, `p.*` of a variable p) is evaluated
// twice; any other target has its address bound to a temporary first, so it is evaluated once.
// `p += n` on a pointer moves it by n elements (spec §6.2).
//
//	(op-assign + x#1:i64 e)           =>  (assign x#1:i64 (+:i64 x#1:i64 e))
//	(op-assign + (deref (call f)) e)  =>  (block (const t#9 (ptr i64) (addr-of (deref (call f))))
//	                                             (assign (deref t#9) (+ (deref t#9) e)))

package passes

import (
	"cot/ir/ast"
	"cot/ir/pipeline"
	"cot/ir/types"
)

func removeCompoundAssign(_ *pipeline.Ctx, prog any) (any, error) {
	p := prog.(*ast.Program)
	ids := ast.NewIDs(p)
	r := &ast.Rewriter{Share: true, Stmt: func(r *ast.Rewriter, s ast.Stmt) []ast.Stmt {
		oa, ok := s.(*ast.OpAssign)
		if !ok {
			return []ast.Stmt{r.DefaultStmt(s)}
		}
		target, value := r.RewriteExpr(oa.Target), r.RewriteExpr(oa.Value)
		t := target.Type()
		if pureLvalue(target) {
			sum := compound(oa, target, value)
			return []ast.Stmt{&ast.Assign{At: oa.At, Target: ast.DeepClone(target), Value: sum}}
		}
		ptr := types.PointerTo(t)
		tmp := ast.Name{Name: "t", ID: ids.Next()}
		deref := func() ast.Expr {
			return &ast.Deref{At: oa.At, Typed: ast.Typed{T: t}, X: &ast.Ref{At: oa.At, Typed: ast.Typed{T: ptr}, Name: tmp}}
		}
		sum := compound(oa, deref(), value)
		return []ast.Stmt{&ast.Block{At: oa.At, Stmts: []ast.Stmt{
			&ast.VarDecl{At: oa.At, Name: tmp, Const: true, Type: ptr, Init: &ast.AddrOf{At: oa.At, Typed: ast.Typed{T: ptr}, X: target}},
			&ast.Assign{At: oa.At, Target: deref(), Value: sum},
		}}}
	}}
	return r.Program(p), nil
}

// compound is the value `x op y` that oa assigns: on a pointer, the address moved by y
// elements (spec §6.2, pointerArith).
func compound(oa *ast.OpAssign, x, y ast.Expr) ast.Expr {
	sum := &ast.Binary{At: oa.At, Typed: ast.Typed{T: x.Type()}, Op: oa.Op, X: x, Y: y}
	if p := pointerArith(sum); p != nil {
		return p
	}
	return sum
}

// pureLvalue reports whether reading the assignment target e twice is the same as reading it
// once: a variable, or a field or dereference of a pure target.
func pureLvalue(e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.Ref:
		return true
	case *ast.Deref:
		_, ref := e.X.(*ast.Ref)
		return ref
	case *ast.Field:
		return pureLvalue(e.X)
	case *ast.Index:
		switch e.I.(type) {
		case *ast.Ref, *ast.IntLit:
			return pureLvalue(e.X)
		}
	}
	return false
}

// Pass remove-compound-assign: no-enums -> no-compound-assign.
//
// Spells every compound assignment as a plain one. The slice's targets are variables, whose
// read has no side effects, so evaluating the target twice is exact (spec §5: "x op= y means
// x = x op y").
//
//	(op-assign + x#1:i64 e)  =>  (assign x#1:i64 (+:i64 x#1:i64 e))
//
// Design decision: when targets grow to fields and elements (a.f[i] += 1) this pass must first
// bind the address to a temporary; the Ref-only assumption panics loudly until then.

package passes

import (
	"fmt"

	"cot/ir/ast"
	"cot/ir/pipeline"
)

func removeCompoundAssign(_ *pipeline.Ctx, prog any) (any, error) {
	r := &ast.Rewriter{Share: true, Stmt: func(r *ast.Rewriter, s ast.Stmt) []ast.Stmt {
		oa, ok := s.(*ast.OpAssign)
		if !ok {
			return []ast.Stmt{r.DefaultStmt(s)}
		}
		target, ok := oa.Target.(*ast.Ref)
		if !ok {
			panic(fmt.Sprintf("remove-compound-assign: target %s is not a variable", ast.String(oa.Target)))
		}
		read := *target
		value := &ast.Binary{At: oa.At, Typed: ast.Typed{T: target.T}, Op: oa.Op, X: &read, Y: r.RewriteExpr(oa.Value)}
		t := *target
		return []ast.Stmt{&ast.Assign{At: oa.At, Target: &t, Value: value}}
	}}
	return r.Program(prog.(*ast.Program)), nil
}

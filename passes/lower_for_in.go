// Pass lower-for-in: no-compound-assign -> no-for-in.
//
// Turns a range loop into a while loop with a step. The bounds are evaluated once, the end into
// a fresh constant; the loop variable is an ordinary local the body may modify, and the step
// (which `continue` also runs) adds 1 to its current value (spec §5.3).
//
//	(for-range L i#3 lo hi BODY)
//	  =>  (block (var i#3 i64 lo) (const end#9 i64 hi)
//	             (while-step L (<:bool i#3 end#9) (assign i#3 (+:i64 i#3 1)) BODY))

package passes

import (
	"cot/ir/ast"
	"cot/ir/pipeline"
	"cot/ir/types"
)

func lowerForIn(_ *pipeline.Ctx, prog any) (any, error) {
	p := prog.(*ast.Program)
	ids := ast.NewIDs(p)
	r := &ast.Rewriter{Share: true, Stmt: func(r *ast.Rewriter, s ast.Stmt) []ast.Stmt {
		f, ok := s.(*ast.ForRange)
		if !ok {
			return []ast.Stmt{r.DefaultStmt(s)}
		}
		at := f.At
		i64 := ast.Typed{T: types.TI64}
		end := ast.Name{Name: "end", ID: ids.Next()}
		ref := func(n ast.Name) *ast.Ref { return &ast.Ref{At: at, Typed: i64, Name: n} }
		step := &ast.Assign{At: at, Target: ref(f.Var),
			Value: &ast.Binary{At: at, Typed: i64, Op: "+", X: ref(f.Var), Y: &ast.IntLit{At: at, Typed: i64, Value: 1}}}
		loop := &ast.While{At: at, Label: f.Label,
			Cond: &ast.Binary{At: at, Typed: ast.Typed{T: types.TBool}, Op: "<", X: ref(f.Var), Y: ref(end)},
			Step: step, Body: r.RewriteBlock(f.Body)}
		return []ast.Stmt{&ast.Block{At: at, Stmts: []ast.Stmt{
			&ast.VarDecl{At: at, Name: f.Var, Type: types.TI64, Init: r.RewriteExpr(f.Lo)},
			&ast.VarDecl{At: at, Name: end, Const: true, Type: types.TI64, Init: r.RewriteExpr(f.Hi)},
			loop,
		}}}
	}}
	return r.Program(p), nil
}

// Pass lower-for-in: no-compound-assign -> no-for-in.
//
// Turns a range loop into a while loop with a step. The bounds are evaluated once, the end into
// a fresh constant; the loop variable is an ordinary local the body may modify, and the step
// (which `continue` also runs) adds 1 to its current value (spec §5.3). A loop over an array or
// slice evaluates it once, an array as a slice of all of it (so it is never copied: a large
// array does not need its size again on the stack), and reads each element, a copy, as the
// hidden counter reaches it.
//
//	(for-range L i#3 lo hi BODY)
//	  =>  (block (var i#3 i64 lo) (const end#9 i64 hi)
//	             (while-step L (<:bool i#3 end#9) (assign i#3 (+:i64 i#3 1)) BODY))
//	(for-each L i#3 x#4 a BODY)
//	  =>  (block (const seq#8 (slice E) (slice a - -)) (var k#9 i64 0)
//	             (while-step L (< k#9 LEN) (assign k#9 (+ k#9 1))
//	               (block (const i#3 i64 k#9) (var x#4 E (index seq#8 k#9)) BODY)))
//	      where LEN is the array's length or (len seq#8)

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
		if fe, ok := s.(*ast.ForEach); ok {
			return []ast.Stmt{forEachLoop(r, fe, ids)}
		}
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

// forEachLoop lowers a loop over an array or slice.
func forEachLoop(r *ast.Rewriter, f *ast.ForEach, ids *ast.IDs) ast.Stmt {
	at := f.At
	i64 := ast.Typed{T: types.TI64}
	seqT := f.X.Type()
	seq, k := ast.Name{Name: "seq", ID: ids.Next()}, ast.Name{Name: "k", ID: ids.Next()}
	ref := func(n ast.Name, t types.Type) *ast.Ref { return &ast.Ref{At: at, Typed: ast.Typed{T: t}, Name: n} }
	var length ast.Expr = &ast.Len{At: at, Typed: i64, X: ref(seq, seqT)}
	if a, ok := seqT.(*types.Array); ok {
		length = &ast.IntLit{At: at, Typed: i64, Value: uint64(a.Len)}
	}
	elem := ast.ElemType(seqT)
	x := r.RewriteExpr(f.X)
	if _, ok := seqT.(*types.Array); ok {
		seqT = types.SliceOf(elem)
		x = &ast.SliceExpr{At: at, Typed: ast.Typed{T: seqT}, X: x}
	}
	body := []ast.Stmt{}
	if f.Index.Name != "" {
		body = append(body, &ast.VarDecl{At: at, Name: f.Index, Const: true, Type: types.TI64, Init: ref(k, types.TI64)})
	}
	body = append(body, &ast.VarDecl{At: at, Name: f.Var, Type: elem,
		Init: &ast.Index{At: at, Typed: ast.Typed{T: elem}, X: ref(seq, seqT), I: ref(k, types.TI64)}}, r.RewriteBlock(f.Body))
	loop := &ast.While{At: at, Label: f.Label,
		Cond: &ast.Binary{At: at, Typed: ast.Typed{T: types.TBool}, Op: "<", X: ref(k, types.TI64), Y: length},
		Step: &ast.Assign{At: at, Target: ref(k, types.TI64),
			Value: &ast.Binary{At: at, Typed: i64, Op: "+", X: ref(k, types.TI64), Y: &ast.IntLit{At: at, Typed: i64, Value: 1}}},
		Body: &ast.Block{At: at, Stmts: body}}
	return &ast.Block{At: at, Stmts: []ast.Stmt{
		&ast.VarDecl{At: at, Name: seq, Const: true, Type: seqT, Init: x},
		&ast.VarDecl{At: at, Name: k, Type: types.TI64, Init: &ast.IntLit{At: at, Typed: i64}},
		loop,
	}}
}

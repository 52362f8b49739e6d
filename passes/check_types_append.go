package passes

// append of check-types (see check_types.go), spec §6.8: `append(x, e)` of an array or a slice x
// (through one pointer too) is a new slice holding x's elements and then e, with Go's growth:
// e goes into x's storage when its capacity has room, else every element moves to a new block
// of twice the capacity. Only append makes spare capacity (a slice made by slicing has none), so
// x itself, an array's elements and the elements after a slice are never changed; two appends
// to one appended slice share its spare room, as in Go. It is spelled out here as a block that copies x to a
// slice temporary, evaluates e into another (x first, as arguments run left to right) and calls
// the runtime's slice_append on their addresses.
//
//	(append a#3 4)  =>  (block-expr:(slice i64)
//	                        (var append.slice#8 (slice i64) (slice a#3 - -))
//	                        (var append.elem#9 i64 4:i64)
//	                        (expr (host:void slice_append (convert:i64 (addr-of append.slice#8))
//	                                                      (convert:i64 (addr-of append.elem#9)) 8:i64))
//	                        append.slice#8)
//
// The temporaries' names have a dot, so no tool mistakes them for names the user wrote.

import (
	"cot/ir/ast"
	"cot/ir/types"
)

func (c *checker) appendExpr(e *ast.Append) ast.Expr {
	x := autoDeref(c.expr(e.X, nil))
	elem := ast.ElemType(x.Type())
	if elem == nil {
		if x.Type() != types.TInvalid {
			c.diags.Errorf(x.Pos(), codeTypeMismatch, "type mismatch: argument 1 of `append`: expected an array or a slice, found %v", x.Type())
		}
		c.expr(e.Elem, nil)
		return &ast.IntLit{At: e.At, Typed: ast.Typed{T: types.TInvalid}}
	}
	st := types.SliceOf(elem)
	if s := arrayToSlice(x, st); s != nil {
		x = s
	}
	v := c.assign(e.Elem, elem, "argument 2 of `append`")
	at := e.At
	temp := func(name string, t types.Type, init ast.Expr) (ast.Stmt, func() ast.Expr) {
		n := ast.Name{Name: name, ID: c.ids.Next()}
		c.binders[n.ID] = &checkedBinder{kind: "var", typ: t}
		ref := func() ast.Expr { return &ast.Ref{At: at, Typed: ast.Typed{T: t}, Name: n} }
		return &ast.VarDecl{At: at, Name: n, Type: t, Init: init}, ref
	}
	addr := func(ref ast.Expr) ast.Expr {
		p := &ast.AddrOf{At: at, Typed: ast.Typed{T: types.PointerTo(ref.Type())}, X: ref}
		return &ast.Convert{At: at, Typed: ast.Typed{T: types.TI64}, X: p}
	}
	declS, s := temp("append.slice", st, x)
	declE, el := temp("append.elem", elem, v)
	call := &ast.HostCall{At: at, Typed: ast.Typed{T: types.TVoid}, Name: "slice_append",
		Args: []ast.Expr{addr(s()), addr(el()), &ast.IntLit{At: at, Typed: ast.Typed{T: types.TI64}, Value: uint64(sizeOf(elem))}}}
	return &ast.Block{At: at, Typed: ast.Typed{T: st}, Stmts: []ast.Stmt{declS, declE, &ast.ExprStmt{At: at, X: call}}, Value: s()}
}

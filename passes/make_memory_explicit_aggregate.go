package passes

// Aggregates for make-memory-explicit (see make_memory_explicit.go): a struct value is the
// address of its bytes. A local of struct type is a frame slot, a global one lives in the data
// image; a literal is built field by field in place (in a fresh slot when it is not the
// initializer of a variable or a returned value), `.{}` is a fill with zeros, a field read a
// load at the field's offset. Assignment copies (memory.copy: value semantics, overlap-safe);
// an argument is passed as the address of a fresh copy; a struct result is written through a
// hidden first parameter, the address of a slot of the caller, which the call returns (a variable
// initialised by a call is that slot, not a copy of it).
//
//	(var p#3 P (struct-lit:P - (x 1) (y 2)))  =>  (const p#3 (ptr P) (alloca:(ptr P)))
//	                                              (store (offset:(ptr i64) p#3 0) 1)
//	                                              (store (offset:(ptr i64) p#3 8) 2)
//	(assign q#4 p#3)                          =>  (copy q#4 p#3 16)
//	(call:P f#1 p#3)                          =>  (call:(ptr P) f#1 (alloca:(ptr P))
//	                                                (block:(ptr P) (const t#9 (ptr P) (alloca:(ptr P)))
//	                                                               (copy t#9 p#3 16) (value t#9)))

import (
	"cot/ir/ast"
	"cot/ir/types"
)

// isAggregate reports whether values of type t live in memory and are handled by address.
func isAggregate(t types.Type) bool {
	_, tuple := t.(*types.Tuple)
	return tuple || ast.StructOf(t) != nil || ast.ElemType(t) != nil
}

// loweredSignature passes aggregate parameters by address and returns an aggregate result
// through a hidden first parameter, whose address the function returns.
func loweredSignature(sig *types.Func) *types.Func {
	var params []types.Type
	result := sig.Result
	if isAggregate(result) {
		result = types.PointerTo(result)
		params = append(params, result)
	}
	for _, p := range sig.Params {
		if isAggregate(p) {
			p = types.PointerTo(p)
		}
		params = append(params, p)
	}
	return types.FuncOf(params, result)
}

// bound is an address evaluated once: decl binds it to a temporary when it is not already a
// reference or a constant address, and ref reads it.
type bound struct {
	decl []ast.Stmt
	ref  func() ast.Expr
}

func (m *memoryLowerer) bind(_ *ast.Rewriter, addr ast.Expr) bound {
	switch addr.(type) {
	case *ast.Ref, *ast.DataAddr, *ast.IntLit: // reading it again is free (an alloca is not: each is a slot)
		return bound{ref: func() ast.Expr { return ast.DeepClone(addr) }}
	}
	n := ast.Name{Name: "t", ID: m.ids.Next()}
	at := ast.AtOf(addr.Pos())
	return bound{decl: []ast.Stmt{&ast.VarDecl{At: at, Name: n, Const: true, Type: addr.Type(), Init: addr}},
		ref: func() ast.Expr { return refTo(n, addr.Type())(at) }}
}

// slotOf returns the address of a fresh frame slot of type t, bound to a temporary.
func (m *memoryLowerer) slotOf(at ast.At, t types.Type) bound {
	return m.bind(nil, &ast.Alloca{At: at, Typed: ast.Typed{T: types.PointerTo(t)}})
}

// inBlock is the block expression that runs stmts and yields the address value.
func inBlock(at ast.At, stmts []ast.Stmt, value ast.Expr) ast.Expr {
	return &ast.Block{At: at, Typed: ast.Typed{T: value.Type()}, Stmts: stmts, Value: value}
}

// addr returns the address of the aggregate value of e.
func (m *memoryLowerer) addr(r *ast.Rewriter, e ast.Expr) ast.Expr {
	ptr := types.PointerTo(e.Type())
	switch e := e.(type) {
	case *ast.Ref:
		return m.addressed[e.Name.ID](e.At)
	case *ast.Deref:
		return r.RewriteExpr(e.X)
	case *ast.Field:
		return m.fieldAddr(r, e)
	case *ast.Index:
		return m.indexAddr(r, e)
	case *ast.Call:
		return m.call(r, e)
	case *ast.CallIndirect:
		return m.callIndirect(r, e)
	case *ast.StructLit, *ast.Zero, *ast.ArrayLit, *ast.SliceExpr, *ast.TupleLit:
		at := ast.AtOf(e.Pos())
		slot := m.slotOf(at, e.Type())
		return inBlock(at, append(slot.decl, m.storeInto(r, slot.ref(), e, e.Type())...), slot.ref())
	case *ast.Block:
		b := ast.Clone(r.DefaultExpr(e).(*ast.Block)) // the rewrite shares: clone before changing
		b.T = ptr
		return b
	case *ast.If:
		return retypeBranches(r.DefaultExpr(e).(*ast.If), ptr)
	}
	panic("make-memory-explicit: the address of " + ast.String(e))
}

// retypeBranches returns a copy of an if expression whose branch values became addresses, with
// the address type (copies: the rewrite shares its nodes with its input).
func retypeBranches(x *ast.If, ptr types.Type) *ast.If {
	x = ast.Clone(x)
	x.T = ptr
	x.Then = ast.Clone(x.Then)
	x.Then.T = ptr
	switch els := x.Else.(type) {
	case *ast.Block:
		els = ast.Clone(els)
		els.T = ptr
		x.Else = els
	case *ast.If:
		x.Else = retypeBranches(els, ptr)
	}
	return x
}

// fieldAddr is the address of the field f reads.
func (m *memoryLowerer) fieldAddr(r *ast.Rewriter, f *ast.Field) ast.Expr {
	return &ast.Offset{At: f.At, Typed: ast.Typed{T: types.PointerTo(f.T)}, X: m.addr(r, f.X), Off: ast.FieldOffset(f.X.Type(), f.Index)}
}

// fresh returns the address of a copy of the aggregate e that nothing else refers to: a
// literal or a call result as it is, anything else copied into a new slot.
func (m *memoryLowerer) fresh(r *ast.Rewriter, e ast.Expr) ast.Expr {
	switch e.(type) {
	case *ast.StructLit, *ast.Zero, *ast.Call, *ast.CallIndirect, *ast.ArrayLit, *ast.SliceExpr, *ast.TupleLit:
		return m.addr(r, e)
	}
	at := ast.AtOf(e.Pos())
	slot := m.slotOf(at, e.Type())
	cp := &ast.Copy{At: at, Dst: slot.ref(), Src: m.addr(r, e), Size: types.Sizeof(e.Type())}
	return inBlock(at, append(slot.decl, cp), slot.ref())
}

// storeInto stores the value of e (of type t; nil: the zero value) at dst, an address that may
// be read several times: a literal field by field, a zero value as a fill.
func (m *memoryLowerer) storeInto(r *ast.Rewriter, dst ast.Expr, e ast.Expr, t types.Type) []ast.Stmt {
	at := ast.AtOf(dst.Pos())
	switch x := e.(type) {
	case nil, *ast.Zero:
		return []ast.Stmt{&ast.Fill{At: at, Dst: dst, Size: types.Sizeof(t)}}
	case *ast.ArrayLit:
		return m.arrayInto(r, dst, x)
	case *ast.SliceExpr:
		return m.sliceInto(r, dst, x)
	case *ast.StructLit:
		return m.fieldsInto(r, dst, x.Values, t)
	case *ast.TupleLit:
		return m.fieldsInto(r, dst, x.Elems, t)
	}
	return []ast.Stmt{&ast.Copy{At: at, Dst: dst, Src: m.addr(r, e), Size: types.Sizeof(t)}}
}

// call rewrites a call: aggregate arguments as addresses of fresh copies, an aggregate result
// into a fresh slot of the caller passed first, the callee typed with its lowered signature.
func (m *memoryLowerer) call(r *ast.Rewriter, c *ast.Call) ast.Expr {
	nodes := &callNodes{call: ast.Call{At: c.At, Typed: c.Typed}, callee: *c.Callee.(*ast.Ref)}
	out, callee := &nodes.call, &nodes.callee
	sig := m.sigs[callee.Name.ID]
	callee.T = sig
	out.Callee = callee
	if len(c.Args) > 0 {
		out.Args = make([]ast.Expr, 0, len(c.Args)+1) // the arguments, and a result slot first
	}
	if isAggregate(c.T) {
		out.T = types.PointerTo(c.T)
		out.Args = append(out.Args, &ast.Alloca{At: c.At, Typed: ast.Typed{T: out.T}})
	}
	for _, a := range c.Args {
		if isAggregate(a.Type()) {
			out.Args = append(out.Args, m.fresh(r, a))
		} else {
			out.Args = append(out.Args, r.RewriteExpr(a))
		}
	}
	return out
}

// callNodes are a rewritten call and its callee, allocated together.
type callNodes struct {
	call   ast.Call
	callee ast.Ref
}

// fieldsInto stores the values of a struct or tuple literal's fields at their offsets from dst.
func (m *memoryLowerer) fieldsInto(r *ast.Rewriter, dst ast.Expr, values []ast.Expr, t types.Type) []ast.Stmt {
	at := ast.AtOf(dst.Pos())
	var out []ast.Stmt
	for i, v := range values {
		ft := ast.FieldType(t, i)
		fdst := &ast.Offset{At: at, Typed: ast.Typed{T: types.PointerTo(ft)}, X: ast.DeepClone(dst), Off: ast.FieldOffset(t, i)}
		if isAggregate(ft) {
			out = append(out, m.storeInto(r, fdst, v, ft)...)
		} else {
			out = append(out, &ast.Store{At: at, Addr: fdst, Value: r.RewriteExpr(v)})
		}
	}
	return out
}

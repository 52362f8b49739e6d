package ast

// Aggregates in the reference interpreter (interp_memory.go): the value of a struct (an array,
// a slice header) is the address of its bytes. A variable or parameter of such a type lives in a
// box of its call, a literal or zero value in a slot of its call found by node (as the compiled
// frame does), assignment and argument passing copy the bytes, and a call's aggregate result is
// copied into a slot of the caller as soon as the call returns.

import "cot/ir/types"

func isAggregate(t types.Type) bool {
	_, tuple := t.(*types.Tuple)
	return tuple || StructOf(t) != nil || ElemType(t) != nil || isSum(t)
}

// slotFor returns the slot of node n in the current call for a value of type t.
func (in *interp) slotFor(n Node, t types.Type) int64 {
	cm := in.top()
	a, ok := cm.slots[n]
	if !ok {
		a = in.alloc(t)
		cm.slots[n] = a
	}
	return a
}

// copyBytes copies n bytes from src to dst (overlap-safe).
func (in *interp) copyBytes(dst, src, n int64) {
	copy(in.bytesAt(dst, int(n)), in.bytesAt(src, int(n)))
}

// put writes the value v of type t at a: a scalar stored, an aggregate (v its address) copied.
func (in *interp) put(a int64, t types.Type, v int64) {
	if isAggregate(t) {
		in.copyBytes(a, v, types.Sizeof(t))
		return
	}
	in.store(a, t, v)
}

// get reads the value of type t at a: a scalar loaded, an aggregate is its address.
func (in *interp) get(a int64, t types.Type) int64 {
	if isAggregate(t) {
		return a
	}
	return in.load(a, t)
}

// fieldAddr is the address of the field f reads.
func (in *interp) fieldAddr(f *Field, fr frame) int64 {
	return in.eval(f.X, fr) + FieldOffset(f.X.Type(), f.Index)
}

// structExpr evaluates a struct expression; ok is false for another kind.
func (in *interp) structExpr(e Expr, fr frame) (v int64, ok bool) {
	switch e := e.(type) {
	case *StructLit:
		a := in.slotFor(e, e.T)
		st := StructOf(e.T)
		for i, f := range st.Fields {
			in.put(a+types.FieldOffset(st, i), f.Type, in.eval(e.Values[i], fr))
		}
		return a, true
	case *TupleLit:
		a := in.slotFor(e, e.T)
		for i, x := range e.Elems {
			in.put(a+FieldOffset(e.T, i), x.Type(), in.eval(x, fr))
		}
		return a, true
	case *Zero:
		if !isAggregate(e.T) {
			return 0, true
		}
		a := in.slotFor(e, e.T)
		clear(in.bytesAt(a, int(types.Sizeof(e.T))))
		return a, true
	case *Field:
		return in.get(in.fieldAddr(e, fr), e.T), true
	case *Offset:
		return in.eval(e.X, fr) + e.Off, true
	}
	return in.arrayExpr(e, fr)
}

// structStmt runs copy and fill; it reports false for another statement.
func (in *interp) structStmt(s Stmt, fr frame) bool {
	switch s := s.(type) {
	case *Copy:
		dst := in.eval(s.Dst, fr)
		in.copyBytes(dst, in.eval(s.Src, fr), s.Size)
	case *Fill:
		clear(in.bytesAt(in.eval(s.Dst, fr), int(s.Size)))
	default:
		return false
	}
	return true
}

// snapshot copies the aggregate value v of e (its address) into a slot of the current call when e
// reads a place (a variable, a field, an element): a call argument, a returned value or a
// block's value is the place's value when it was evaluated, not after the later arguments or the
// deferred statements wrote the place (make-memory-explicit copies such an argument at once;
// make-defer-explicit keeps a returned value in a local before the deferred statements). A
// literal or a call result is a fresh value already.
func (in *interp) snapshot(e Expr, v int64) int64 {
	if e == nil {
		return v
	}
	t := e.Type()
	if !isAggregate(t) {
		return v
	}
	switch e.(type) {
	case *StructLit, *Zero, *Call, *CallIndirect, *CallValue, *ArrayLit, *SliceExpr, *TupleLit:
		return v
	}
	a := in.slotFor(e, t)
	in.copyBytes(a, v, types.Sizeof(t))
	return a
}

// callResult keeps a struct result, which lives in the returned call's popped frame, in a slot
// of the calling call.
func (in *interp) callResult(c *Call, v int64) int64 {
	if !isAggregate(c.T) {
		return v
	}
	a := in.slotFor(c, c.T)
	in.copyBytes(a, v, types.Sizeof(c.T))
	return a
}

// targetAddr is the address an assignment to a dereference or a field writes; ok is false for
// a variable.
func (in *interp) targetAddr(target Expr, fr frame) (int64, bool) {
	switch t := target.(type) {
	case *Deref:
		return in.eval(t.X, fr), true
	case *Field:
		return in.fieldAddr(t, fr), true
	case *Index:
		return in.indexAddr(t, fr), true
	}
	return 0, false
}

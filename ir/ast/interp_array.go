package ast

// Arrays and slices in the reference interpreter (interp_struct.go): an array value is the
// address of its elements, a slice value the address of its 24-byte header. A failed bounds
// check ends the program as the compiled check does: `error: index out of bounds`, status 134.

import "cot/ir/types"

// seq returns the address of the first element and the length of the array or slice value x.
func (in *interp) seq(x Expr, fr frame) (base, length int64) {
	return in.seqAt(in.eval(x, fr), x.Type())
}

func (in *interp) outOfBounds() {
	in.stderr.WriteString("error: index out of bounds\n")
	panic(exitSignal(134))
}

// indexAddr is the checked address of the element e reads.
func (in *interp) indexAddr(e *Index, fr frame) int64 {
	base, n := in.seq(e.X, fr)
	k := in.eval(e.I, fr)
	if uint64(k) >= uint64(n) {
		in.outOfBounds()
	}
	return base + k*types.Sizeof(e.T)
}

// arrayExpr evaluates an array or slice expression; ok is false for another kind.
func (in *interp) arrayExpr(e Expr, fr frame) (v int64, ok bool) {
	switch e := e.(type) {
	case *ArrayLit:
		a := in.slotFor(e, e.T)
		elem := ElemType(e.T)
		for i, x := range e.Elems {
			in.put(a+int64(i)*types.Sizeof(elem), elem, in.eval(x, fr))
		}
		return a, true
	case *Index:
		return in.get(in.indexAddr(e, fr), e.T), true
	case *SliceExpr:
		base, n := in.seq(e.X, fr)
		lo, hi := int64(0), n
		if e.Lo != nil {
			lo = in.eval(e.Lo, fr)
		}
		if e.Hi != nil {
			hi = in.eval(e.Hi, fr)
		}
		if uint64(lo) > uint64(hi) || uint64(hi) > uint64(n) {
			in.outOfBounds()
		}
		a := in.slotFor(e, e.T)
		in.store(a+SlicePtr, types.TI64, base+lo*types.Sizeof(ElemType(e.T)))
		in.store(a+SliceLen, types.TI64, hi-lo)
		in.store(a+SliceCap, types.TI64, hi-lo) // no spare capacity: append copies (decisions.md)
		return a, true
	case *Len:
		_, n := in.seq(e.X, fr)
		return n, true
	case *Elem:
		return in.eval(e.X, fr) + in.eval(e.I, fr)*types.Sizeof(e.T.(*types.Pointer).Elem), true
	}
	return 0, false
}

// forEach runs a loop over an array or slice, evaluated once. An array is not copied (as
// lower-for-in loops over a slice of all of it): a write to a later element inside the loop is
// seen when the loop reaches it.
func (in *interp) forEach(s *ForEach, fr frame) flow {
	t := s.X.Type()
	var base, n int64
	if _, array := t.(*types.Array); array {
		base, n = in.seq(s.X, fr)
	} else {
		seq := in.slotFor(s, t)
		in.put(seq, t, in.eval(s.X, fr))
		base, n = in.seqAt(seq, t)
	}
	elem := ElemType(t)
	k := int64(0)
	return in.loop(s.Label.ID, func() bool { return k < n }, &Block{Stmts: []Stmt{&forEachStep{s: s, run: func() {
		if s.Index.Name != "" {
			in.declare(s.Index.ID, types.TI64, k, fr)
		}
		in.declare(s.Var.ID, elem, in.get(base+k*types.Sizeof(elem), elem), fr)
	}}, s.Body}}, &forEachStep{run: func() { k++ }}, fr)
}

// seqAt is seq for an array or slice value stored at a.
func (in *interp) seqAt(a int64, t types.Type) (base, length int64) {
	if arr, ok := t.(*types.Array); ok {
		return a, arr.Len
	}
	return in.load(a+SlicePtr, types.TI64), in.load(a+SliceLen, types.TI64)
}

// forEachStep is an interpreter-only statement running a Go function (the binding of a
// for-each loop's variables and its counter's step).
type forEachStep struct {
	At
	s   *ForEach
	run func()
}

func (*forEachStep) Kind() string    { return "for-each-step" }
func (*forEachStep) stmtNode()       {}
func (*forEachStep) children(*slots) {}

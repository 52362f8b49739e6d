package ast

// Optionals and unions in the reference interpreter: aggregates in memory with the layout of
// spec §3.3 (types/layout.go), as lower-optionals and lower-unions make them: the tag (an i64)
// at offset 0, the payload at offset 8. The value of one is the address of its bytes, in a slot
// of its call found by node (interp_struct.go), so it may sit in fields, elements and behind
// pointers like any struct. A union's payload read reinterprets the payload bytes whatever the
// tag (spec §4.6).

import "cot/ir/types"

// isSum reports whether t is an optional, error union or union type.
func isSum(t types.Type) bool {
	switch t.(type) {
	case *types.Optional, *types.ErrorUnion:
		return true
	}
	_, ok := types.Underlying(t).(*types.Union)
	return ok
}

// sumValue fills the slot of node n (of type t) with the tag and the payload v of type pt (nil:
// none) and returns its address.
func (in *interp) sumValue(n Node, t types.Type, tag int64, pt types.Type, v int64) int64 {
	a := in.slotFor(n, t)
	clear(in.bytesAt(a, int(types.Sizeof(t))))
	in.store(a, types.TI64, tag)
	if pt != nil {
		in.put(a+types.PayloadOffset, pt, v)
	}
	return a
}

// evalOptional evaluates an optional node (or a conversion to an optional type), or reports
// false for another expression.
func (in *interp) evalOptional(e Expr, fr frame) (int64, bool) {
	switch e := e.(type) {
	case *NullLit:
		return in.sumValue(e, e.T, 0, nil, 0), true
	case *Convert:
		if _, ok := e.T.(*types.Optional); !ok {
			return 0, false
		}
		return in.sumValue(e, e.T, 1, e.X.Type(), in.eval(e.X, fr)), true
	case *HasValue:
		return b2i(in.load(in.eval(e.X, fr), types.TI64) != 0), true
	case *Unwrap:
		a := in.eval(e.X, fr)
		if in.load(a, types.TI64) == 0 {
			in.stderr.WriteString("error: unwrap of null\n")
			panic(exitSignal(134))
		}
		return in.get(a+types.PayloadOffset, e.T), true
	case *OrElse:
		a := in.eval(e.X, fr)
		if in.load(a, types.TI64) == 0 {
			return in.eval(e.Y, fr), true
		}
		if types.Identical(e.T, e.X.Type()) { // `a ?? b` with b optional too: a itself
			return a, true
		}
		return in.get(a+types.PayloadOffset, e.T), true
	}
	return 0, false
}

// evalUnion evaluates a union node, or reports false for another expression.
func (in *interp) evalUnion(e Expr, fr frame) (int64, bool) {
	switch e := e.(type) {
	case *UnionLit:
		var pt types.Type
		var v int64
		if e.Payload != nil {
			pt, v = e.Payload.Type(), in.eval(e.Payload, fr)
		}
		return in.sumValue(e, e.T, int64(e.Variant), pt, v), true
	case *UnionTag:
		return in.load(in.eval(e.X, fr), types.TI64), true
	case *UnionPayload:
		return in.get(in.eval(e.X, fr)+types.PayloadOffset, e.T), true
	}
	return 0, false
}

package ast

// Optionals in the reference interpreter. Every value here is an int64, and a ?T needs one more
// bit than its payload, so an optional is a handle: 0 is null, h > 0 is the payload
// in.optVals[h-1]. Handles are never reused or mutated, so copying one copies the optional.

import "cot/ir/types"

// evalOptional evaluates an optional node (or a conversion to an optional type), or reports
// false for another expression.
func (in *interp) evalOptional(e Expr, fr frame) (int64, bool) {
	switch e := e.(type) {
	case *NullLit:
		return 0, true
	case *Convert:
		if _, ok := e.T.(*types.Optional); !ok {
			return 0, false
		}
		return in.some(in.eval(e.X, fr)), true
	case *HasValue:
		return b2i(in.eval(e.X, fr) != 0), true
	case *Unwrap:
		h := in.eval(e.X, fr)
		if h == 0 {
			in.stderr.WriteString("error: unwrap of null\n")
			panic(exitSignal(134))
		}
		return in.optVals[h-1], true
	case *OrElse:
		h := in.eval(e.X, fr)
		if h == 0 {
			return in.eval(e.Y, fr), true
		}
		if _, opt := e.T.(*types.Optional); opt {
			return h, true
		}
		return in.optVals[h-1], true
	}
	return 0, false
}

// some returns the handle of a non-null optional holding v.
func (in *interp) some(v int64) int64 {
	in.optVals = append(in.optVals, v)
	return int64(len(in.optVals))
}

// Unions are handles too: 0 is the zero union (variant 0, zero payload), h > 0 the value
// in.unionVals[h-1].
type unionVal struct {
	variant int
	payload int64
}

// evalUnion evaluates a union node, or reports false for another expression.
func (in *interp) evalUnion(e Expr, fr frame) (int64, bool) {
	switch e := e.(type) {
	case *UnionLit:
		in.unionVals = append(in.unionVals, unionVal{e.Variant, in.eval(e.Payload, fr)})
		return int64(len(in.unionVals)), true
	case *UnionTag:
		return int64(in.union(in.eval(e.X, fr)).variant), true
	case *UnionPayload:
		if u := in.union(in.eval(e.X, fr)); u.variant == e.Variant {
			return u.payload, true
		}
		return 0, true
	}
	return 0, false
}

func (in *interp) union(h int64) unionVal {
	if h == 0 {
		return unionVal{}
	}
	return in.unionVals[h-1]
}

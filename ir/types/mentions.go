package types

// Helpers over the structure of composite types.

// Mentions reports whether pred holds for t or for a type t is built from: the element of a
// pointer, optional, slice or array type, the payload of an error union, the elements of a tuple.
// It does not look into named
// types nor function signatures.
func Mentions(t Type, pred func(Type) bool) bool {
	if pred(t) {
		return true
	}
	switch x := t.(type) {
	case *Pointer:
		return Mentions(x.Elem, pred)
	case *Optional:
		return Mentions(x.Elem, pred)
	case *Slice:
		return Mentions(x.Elem, pred)
	case *Array:
		return Mentions(x.Elem, pred)
	case *ErrorUnion:
		return Mentions(x.Payload, pred)
	case *Tuple:
		for _, e := range x.Elems {
			if Mentions(e, pred) {
				return true
			}
		}
	}
	return false
}

// MapParts returns t rebuilt with f applied to each type it is built from (the element of a
// pointer, optional, slice or array, the payload of an error union, the elements of a tuple, the
// parameters and result of a function type); any other type is returned as it is.
func MapParts(t Type, f func(Type) Type) Type {
	switch x := t.(type) {
	case *Pointer:
		return PointerTo(f(x.Elem))
	case *Optional:
		return OptionalOf(f(x.Elem))
	case *Slice:
		return SliceOf(f(x.Elem))
	case *Array:
		return ArrayOf(x.Len, f(x.Elem))
	case *ErrorUnion:
		return ErrorUnionOf(x.Err, f(x.Payload))
	case *Tuple:
		elems := make([]Type, len(x.Elems))
		for i, e := range x.Elems {
			elems[i] = f(e)
		}
		return TupleOf(elems...)
	case *Func:
		params := make([]Type, len(x.Params))
		for i, p := range x.Params {
			params[i] = f(p)
		}
		return FuncOf(params, f(x.Result))
	}
	return t
}

package types

// WithBackings returns t with every enum type in it replaced by the enum's backing integer type:
// the type a value of type t has once enums are integers (pass lower-enums). Arrays, slices,
// pointers, tuples, optionals and function signatures are rebuilt around their elements; named
// structs and unions are not (their fields keep their enum types, laid out as the backings).
func WithBackings(t Type) Type {
	switch x := t.(type) {
	case *Named:
		if e, ok := x.Underlying().(*Enum); ok {
			return e.Backing
		}
	case *Optional:
		return OptionalOf(WithBackings(x.Elem))
	case *Pointer:
		return PointerTo(WithBackings(x.Elem))
	case *Slice:
		return SliceOf(WithBackings(x.Elem))
	case *Array:
		return ArrayOf(x.Len, WithBackings(x.Elem))
	case *Tuple:
		elems := make([]Type, len(x.Elems))
		for i, e := range x.Elems {
			elems[i] = WithBackings(e)
		}
		return TupleOf(elems...)
	case *Func:
		params := make([]Type, len(x.Params))
		for i, p := range x.Params {
			params[i] = WithBackings(p)
		}
		return FuncOf(params, WithBackings(x.Result))
	}
	return t
}

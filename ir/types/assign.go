package types

// AssignableTo reports whether a value of type from may be used where type to is expected without
// an explicit conversion (spec §3.4, decisions.md #7). Untyped literals are assignable to the
// types their value could have; the checker separately checks that the value fits.
func AssignableTo(from, to Type) bool {
	if from == TInvalid || to == TInvalid || Identical(from, to) {
		return true
	}
	if from == TError || to == TError {
		return errorAssignable(from, to)
	}
	switch basicKind(from) {
	case UntypedInt:
		return IsInteger(to) || IsFloat(to) || assignableToPayload(from, to)
	case UntypedFloat:
		return IsFloat(to) || assignableToPayload(from, to)
	case UntypedNull:
		switch to.(type) {
		case *Optional, *Pointer:
			return true
		}
		return false
	}
	if IsInteger(from) && IsInteger(to) && !IsUntyped(to) {
		return widens(from, to)
	}
	if IsFloat(from) && IsFloat(to) && !IsUntyped(to) {
		return Bits(from) <= Bits(to) // f32 widens to f64 exactly; f64 to f32 needs @intCast
	}
	if n, ok := from.(*Named); ok {
		if e, ok := n.underlying.(*Enum); ok && IsInteger(to) && !IsUntyped(to) {
			return AssignableTo(e.Backing, to) // an enum value converts to its backing type and wider
		}
	}
	return assignableToPayload(from, to)
}

// assignableToPayload: ?X accepts what X accepts; an error union accepts what its payload does.
func assignableToPayload(from, to Type) bool {
	switch to := to.(type) {
	case *Optional:
		return AssignableTo(from, to.Elem)
	case *ErrorUnion:
		return AssignableTo(from, to.Payload)
	}
	return false
}

// widens reports integer widening: the same signedness to an equal or larger width, or unsigned
// to a strictly larger signed type.
func widens(from, to Type) bool {
	if IsSigned(from) == IsSigned(to) {
		return Bits(from) <= Bits(to)
	}
	return !IsSigned(from) && Bits(from) < Bits(to)
}

// errorAssignable is assignability where either side is the error type (spec §3.4, §7): an
// error value goes where an error union is expected (as its error, never its payload: check-types
// makes it a fail), where an i64 is (its number: the original binds `catch |e|` to an i64), and
// into an optional of either; nothing but an error value is an error value.
func errorAssignable(from, to Type) bool {
	if from != TError {
		return false
	}
	switch to := to.(type) {
	case *ErrorUnion:
		return true
	case *Optional:
		return AssignableTo(from, to.Elem)
	}
	return to == TI64
}

package types

// Identity and classification of types.

// Identical reports whether a and b are the same type: the same basic or named type, or
// structurally equal composites.
func Identical(a, b Type) bool {
	if a == b {
		return true
	}
	switch a := a.(type) {
	case *Pointer:
		b, ok := b.(*Pointer)
		return ok && Identical(a.Elem, b.Elem)
	case *Optional:
		b, ok := b.(*Optional)
		return ok && Identical(a.Elem, b.Elem)
	case *Slice:
		b, ok := b.(*Slice)
		return ok && Identical(a.Elem, b.Elem)
	case *Array:
		b, ok := b.(*Array)
		return ok && a.Len == b.Len && Identical(a.Elem, b.Elem)
	case *Tuple:
		b, ok := b.(*Tuple)
		return ok && identicalList(a.Elems, b.Elems)
	case *Func:
		b, ok := b.(*Func)
		return ok && identicalList(a.Params, b.Params) && Identical(a.Result, b.Result)
	case *ErrorUnion:
		b, ok := b.(*ErrorUnion)
		return ok && Identical(a.Err, b.Err) && Identical(a.Payload, b.Payload)
	}
	return false // basic and named types are identical only to themselves
}

func identicalList(a, b []Type) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !Identical(a[i], b[i]) {
			return false
		}
	}
	return true
}

func basicKind(t Type) BasicKind {
	if b, ok := t.(*Basic); ok {
		return b.Kind
	}
	return Invalid
}

// IsInteger reports whether t is an integer type (untyped integer literals included).
func IsInteger(t Type) bool {
	switch basicKind(t) {
	case I8, I16, I32, I64, U8, U16, U32, U64, UntypedInt, Error:
		return true
	}
	return false
}

// IsSigned reports whether t is a signed integer type (untyped integers included).
func IsSigned(t Type) bool {
	switch basicKind(t) {
	case I8, I16, I32, I64, UntypedInt, Error:
		return true
	}
	return false
}

// IsUnsigned reports whether t is an unsigned integer type.
func IsUnsigned(t Type) bool { return IsInteger(t) && !IsSigned(t) }

// IsFloat reports whether t is f32, f64 or an untyped float.
func IsFloat(t Type) bool {
	k := basicKind(t)
	return k == F32 || k == F64 || k == UntypedFloat
}

// IsNumeric reports whether t is an integer or float type.
func IsNumeric(t Type) bool { return IsInteger(t) || IsFloat(t) }

// IsUntyped reports whether t is the type of a literal not yet fixed by its context.
func IsUntyped(t Type) bool {
	k := basicKind(t)
	return k == UntypedInt || k == UntypedFloat || k == UntypedNull
}

// Bits returns the width in bits of an integer or float type (64 for untyped numbers).
func Bits(t Type) int {
	switch basicKind(t) {
	case I8, U8:
		return 8
	case I16, U16:
		return 16
	case I32, U32, F32:
		return 32
	}
	return 64
}

// Default returns the type an untyped literal takes when nothing else fixes it (spec §3.4):
// i64 for integers, f64 for floats; t itself for every other type.
func Default(t Type) Type {
	switch basicKind(t) {
	case UntypedInt:
		return TI64
	case UntypedFloat:
		return TF64
	}
	return t
}

// IntRange returns the smallest and largest value of an integer type, the smallest as the
// magnitude of a negative number (0 for unsigned types): i8 is (128, 127), u64 (0, 2^64-1).
func IntRange(t Type) (negMag, max uint64) {
	bits := Bits(t)
	if IsSigned(t) {
		return 1 << (bits - 1), 1<<(bits-1) - 1
	}
	if bits == 64 {
		return 0, ^uint64(0)
	}
	return 0, 1<<bits - 1
}

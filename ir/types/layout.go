package types

// Layout (spec §3.3, docs/decisions.md): the one place that knows sizes, alignments and offsets.
//
//	scalar      size = alignment = its width (bool 1; void 0, aligned 1)
//	pointer, fn 8        []T, string 24 (ptr@0, len@8, cap@16)
//	[N]T        N·size(T), aligned as T
//	tuple       element i at Σ roundup8(size of the previous), size that sum, aligned 8
//	struct      fields in order, each at its field alignment (basic: its size; other: 8), size a
//	            multiple of 8, aligned 8
//	enum        its backing integer type
//	?T, E!T     tag (i64) @0, payload @8: 8 + roundup8(max(size(T), 8)); aligned 8
//	union       tag (i64) @0, payload @8: 8 + roundup8(max payload size); aligned 8
//	error value 8
//
// Struct layouts are computed on first use and kept in the *Struct, so each is computed once.

import "fmt"

type structLayout struct {
	offsets []int64
	size    int64
}

// Sizeof returns @sizeOf(t).
func Sizeof(t Type) int64 {
	switch t := t.(type) {
	case *Basic:
		switch t.Kind {
		case Void:
			return 0
		case Bool, I8, U8:
			return 1
		case I16, U16:
			return 2
		case I32, U32, F32:
			return 4
		case String:
			return 24
		case Invalid, UntypedNull:
			break
		default:
			return 8
		}
	case *Pointer, *Func:
		return 8
	case *Slice:
		return 24
	case *Array:
		return t.Len * Sizeof(t.Elem)
	case *Tuple:
		var n int64
		for _, e := range t.Elems {
			n += roundUp(Sizeof(e), 8)
		}
		return n
	case *Optional:
		return 8 + roundUp(max(Sizeof(t.Elem), 8), 8)
	case *ErrorUnion:
		return 8 + roundUp(max(Sizeof(t.Payload), 8), 8)
	case *Named:
		return Sizeof(t.complete())
	case *Struct:
		return t.computeLayout().size
	case *Enum:
		return Sizeof(t.Backing)
	case *Union:
		var payload int64
		for _, v := range t.Variants {
			if v.Payload != nil {
				payload = max(payload, Sizeof(v.Payload))
			}
		}
		return 8 + roundUp(payload, 8)
	case *ErrorSet:
		return 8
	}
	panic(fmt.Sprintf("types: size of %v is not defined", t))
}

// Alignof returns @alignOf(t).
func Alignof(t Type) int64 {
	switch t := t.(type) {
	case *Basic:
		switch t.Kind {
		case Void, Bool, I8, U8:
			return 1
		case I16, U16:
			return 2
		case I32, U32, F32:
			return 4
		}
	case *Array:
		return Alignof(t.Elem)
	case *Named:
		return Alignof(t.complete())
	case *Enum:
		return Alignof(t.Backing)
	}
	return 8
}

// FieldOffset returns the offset of field i of s.
func FieldOffset(s *Struct, i int) int64 { return s.computeLayout().offsets[i] }

// TupleOffset returns the offset of element i of t.
func TupleOffset(t *Tuple, i int) int64 {
	var off int64
	for _, e := range t.Elems[:i] {
		off += roundUp(Sizeof(e), 8)
	}
	return off
}

// PayloadOffset is the offset of the payload of an optional, error union or union value.
const PayloadOffset = 8

// fieldAlign is the alignment a struct field of type t is placed at: basic types their size,
// everything else 8.
func fieldAlign(t Type) int64 {
	if b, ok := t.(*Basic); ok && b.Kind != String && b.Kind != Void {
		return max(Sizeof(b), 1)
	}
	return 8
}

func (s *Struct) computeLayout() *structLayout {
	if s.layout != nil {
		return s.layout
	}
	l := &structLayout{}
	var off int64
	for _, f := range s.Fields {
		off = roundUp(off, fieldAlign(f.Type))
		l.offsets = append(l.offsets, off)
		off += Sizeof(f.Type)
	}
	l.size = roundUp(off, 8)
	s.layout = l
	return l
}

func (n *Named) complete() Type {
	if n.underlying == nil {
		panic("types: layout of incomplete type " + n.Name)
	}
	return n.underlying
}

// ContainsItself reports whether n holds itself by value (directly or through fields, array
// elements, tuple elements, optionals, error unions or union payloads), which gives it no finite
// size. Pointers, slices and functions break the cycle. Checkers call it before any layout.
func ContainsItself(n *Named) bool {
	seen := map[*Named]bool{}
	var holds func(t Type) bool
	holds = func(t Type) bool {
		switch t := t.(type) {
		case *Named:
			if t == n {
				return true
			}
			if seen[t] {
				return false
			}
			seen[t] = true
			return holds(t.underlying)
		case *Array:
			return holds(t.Elem)
		case *Optional:
			return holds(t.Elem)
		case *ErrorUnion:
			return holds(t.Payload)
		case *Tuple:
			for _, e := range t.Elems {
				if holds(e) {
					return true
				}
			}
		case *Struct:
			for _, f := range t.Fields {
				if holds(f.Type) {
					return true
				}
			}
		case *Union:
			for _, v := range t.Variants {
				if v.Payload != nil && holds(v.Payload) {
					return true
				}
			}
		}
		return false
	}
	return holds(n.underlying)
}

func roundUp(n, a int64) int64 {
	if a <= 1 {
		return n
	}
	return (n + a - 1) / a * a
}

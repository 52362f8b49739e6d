// Package types is the type universe of Cot: every type the checker can assign, with the size and
// alignment of spec §3.3. Basic types are interned singletons (compare them with ==); composite
// types are built with the constructors below and compared with Identical.
package types

import (
	"fmt"
	"strings"
)

// Kind classifies a type.
type Kind int

const (
	Invalid Kind = iota
	Void
	Bool
	I8
	I16
	I32
	I64
	U8
	U16
	U32
	U64
	F32
	F64
	String
	// UntypedInt is the type of an integer literal before context fixes it (spec §3.4).
	UntypedInt
	// Composite kinds: declared now so later passes have a place to grow into.
	Pointer  // *Elem
	Optional // ?Elem
	Slice    // []Elem
	Array    // [Len]Elem
	Tuple    // (Elems...)
	Func     // fn(Params) -> Result
	Struct   // Name { Fields }
	Enum
	Union
	ErrorSet
	ErrorUnion // Err!Elem
)

// Field is a struct field with its layout offset.
type Field struct {
	Name   string
	Type   *Type
	Offset int64
}

// Type is one Cot type.
type Type struct {
	Kind   Kind
	Name   string  // basic types: their keyword; nominal types: their declared name
	Elem   *Type   // Pointer, Optional, Slice, Array, ErrorUnion payload
	Len    int64   // Array
	Elems  []*Type // Tuple elements, Func parameters
	Result *Type   // Func
	Fields []Field // Struct
}

func basic(k Kind, name string) *Type { return &Type{Kind: k, Name: name} }

// The basic types, interned.
var (
	TInvalid    = basic(Invalid, "invalid")
	TVoid       = basic(Void, "void")
	TBool       = basic(Bool, "bool")
	TI8         = basic(I8, "i8")
	TI16        = basic(I16, "i16")
	TI32        = basic(I32, "i32")
	TI64        = basic(I64, "i64")
	TU8         = basic(U8, "u8")
	TU16        = basic(U16, "u16")
	TU32        = basic(U32, "u32")
	TU64        = basic(U64, "u64")
	TF32        = basic(F32, "f32")
	TF64        = basic(F64, "f64")
	TString     = basic(String, "string")
	TUntypedInt = basic(UntypedInt, "untyped-int")
)

// byName maps every type keyword (aliases included, spec §3.1) to its basic type.
var byName = map[string]*Type{
	"void": TVoid, "bool": TBool,
	"i8": TI8, "i16": TI16, "i32": TI32, "i64": TI64,
	"u8": TU8, "u16": TU16, "u32": TU32, "u64": TU64,
	"f32": TF32, "f64": TF64, "string": TString,
	"int": TI64, "float": TF64, "byte": TU8,
}

// Lookup returns the basic type named by a type keyword (including the aliases int, float, byte).
func Lookup(name string) (*Type, bool) {
	t, ok := byName[name]
	return t, ok
}

// PointerTo returns *elem.
func PointerTo(elem *Type) *Type { return &Type{Kind: Pointer, Elem: elem} }

// OptionalOf returns ?elem.
func OptionalOf(elem *Type) *Type { return &Type{Kind: Optional, Elem: elem} }

// SliceOf returns []elem.
func SliceOf(elem *Type) *Type { return &Type{Kind: Slice, Elem: elem} }

// ArrayOf returns [n]elem.
func ArrayOf(n int64, elem *Type) *Type { return &Type{Kind: Array, Len: n, Elem: elem} }

// FuncOf returns fn(params) -> result.
func FuncOf(params []*Type, result *Type) *Type {
	return &Type{Kind: Func, Elems: params, Result: result}
}

// IsInteger reports whether t is one of the integer types (untyped integer literals included).
func (t *Type) IsInteger() bool {
	switch t.Kind {
	case I8, I16, I32, I64, U8, U16, U32, U64, UntypedInt:
		return true
	}
	return false
}

// IsSigned reports whether t is a signed integer type.
func (t *Type) IsSigned() bool {
	switch t.Kind {
	case I8, I16, I32, I64, UntypedInt:
		return true
	}
	return false
}

// IsFloat reports whether t is f32 or f64.
func (t *Type) IsFloat() bool { return t.Kind == F32 || t.Kind == F64 }

// Size returns @sizeOf(t) (spec §3.3).
func (t *Type) Size() int64 {
	switch t.Kind {
	case Void:
		return 0
	case Bool, I8, U8:
		return 1
	case I16, U16:
		return 2
	case I32, U32, F32:
		return 4
	case I64, U64, F64, UntypedInt, Pointer, Func, ErrorSet:
		return 8
	case String, Slice:
		return 24
	case Optional, ErrorUnion:
		return 16
	case Array:
		return t.Len * t.Elem.Size()
	case Tuple:
		var n int64
		for _, e := range t.Elems {
			n += roundUp(e.Size(), 8)
		}
		return n
	case Struct:
		var end int64
		for _, f := range t.Fields {
			end = f.Offset + f.Type.Size()
		}
		return roundUp(end, 8)
	}
	panic(fmt.Sprintf("types: size of %v is not defined", t))
}

// Align returns @alignOf(t) (spec §3.3; void aligns to 1).
func (t *Type) Align() int64 {
	switch t.Kind {
	case Void, Bool, I8, U8:
		return 1
	case I16, U16:
		return 2
	case I32, U32, F32:
		return 4
	case Array:
		return t.Elem.Align()
	}
	return 8
}

// fieldAlign is the alignment a struct field of type t is placed at: basic types their size,
// everything else 8 (spec §3.3).
func fieldAlign(t *Type) int64 {
	switch t.Kind {
	case Bool, I8, U8, I16, U16, I32, U32, F32, I64, U64, F64:
		return t.Size()
	}
	return 8
}

// StructOf returns a struct type with the fields laid out as spec §3.3 says.
func StructOf(name string, names []string, fieldTypes []*Type) *Type {
	t := &Type{Kind: Struct, Name: name}
	var off int64
	for i, n := range names {
		ft := fieldTypes[i]
		off = roundUp(off, fieldAlign(ft))
		t.Fields = append(t.Fields, Field{Name: n, Type: ft, Offset: off})
		off += ft.Size()
	}
	return t
}

func roundUp(n, a int64) int64 {
	if a <= 1 {
		return n
	}
	return (n + a - 1) / a * a
}

// Identical reports whether a and b are the same type.
func Identical(a, b *Type) bool {
	if a == b {
		return true
	}
	if a == nil || b == nil || a.Kind != b.Kind {
		return false
	}
	switch a.Kind {
	case Pointer, Optional, Slice:
		return Identical(a.Elem, b.Elem)
	case Array:
		return a.Len == b.Len && Identical(a.Elem, b.Elem)
	case ErrorUnion:
		return a.Name == b.Name && Identical(a.Elem, b.Elem)
	case Tuple, Func:
		if len(a.Elems) != len(b.Elems) || !Identical(a.Result, b.Result) {
			return false
		}
		for i := range a.Elems {
			if !Identical(a.Elems[i], b.Elems[i]) {
				return false
			}
		}
		return true
	case Struct, Enum, Union, ErrorSet:
		return a.Name == b.Name
	}
	return a.Kind == b.Kind // basic types of one kind
}

// String renders t in Cot syntax.
func (t *Type) String() string {
	if t == nil {
		return "_"
	}
	switch t.Kind {
	case Pointer:
		return "*" + t.Elem.String()
	case Optional:
		return "?" + t.Elem.String()
	case Slice:
		return "[]" + t.Elem.String()
	case Array:
		return fmt.Sprintf("[%d]%s", t.Len, t.Elem)
	case ErrorUnion:
		return t.Name + "!" + t.Elem.String()
	case Tuple:
		return "(" + join(t.Elems) + ")"
	case Func:
		return "fn(" + join(t.Elems) + ") -> " + t.Result.String()
	}
	return t.Name
}

func join(ts []*Type) string {
	var parts []string
	for _, t := range ts {
		parts = append(parts, t.String())
	}
	return strings.Join(parts, ", ")
}

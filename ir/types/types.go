// Package types is the type universe of Cot, in the style of go/types: one Go type per kind of
// Cot type behind the Type interface. Basic types are interned singletons; named types (structs,
// enums, unions, error sets) are *Named values created once per declaration and compared by
// identity; every other type is structural and compared with Identical. Sizes, alignments and
// field offsets (spec §3.3) live in layout.go alone; assignability (spec §3.4) in assign.go.
package types

import (
	"strconv"
	"strings"
)

// Type is one Cot type: *Basic, *Pointer, *Optional, *Slice, *Array, *Tuple, *Func, *ErrorUnion,
// *Named, or the underlying type of a named type (*Struct, *Enum, *Union, *ErrorSet).
type Type interface {
	// String renders the type in Cot syntax (named types by their declared name).
	String() string
	typ()
}

// BasicKind classifies a basic type.
type BasicKind int

const (
	Invalid BasicKind = iota
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
	// UntypedFloat is the type of a float literal before context fixes it.
	UntypedFloat
	// UntypedNull is the type of `null` before context fixes it.
	UntypedNull
	// Error is the type of error values (spec §7): an error set's name stands for it. It is a
	// signed 64-bit integer (the error's number) to every pass and engine; only check-types
	// tells it apart (assign.go: it becomes the error case of an error union), and lower-enums
	// makes it i64.
	Error
)

// Basic is a predeclared type named by a keyword.
type Basic struct {
	Kind BasicKind
	Name string
}

// The basic types, interned: compare them with ==.
var (
	TInvalid      = &Basic{Invalid, "invalid"}
	TVoid         = &Basic{Void, "void"}
	TBool         = &Basic{Bool, "bool"}
	TI8           = &Basic{I8, "i8"}
	TI16          = &Basic{I16, "i16"}
	TI32          = &Basic{I32, "i32"}
	TI64          = &Basic{I64, "i64"}
	TU8           = &Basic{U8, "u8"}
	TU16          = &Basic{U16, "u16"}
	TU32          = &Basic{U32, "u32"}
	TU64          = &Basic{U64, "u64"}
	TF32          = &Basic{F32, "f32"}
	TF64          = &Basic{F64, "f64"}
	TString       = &Basic{String, "string"}
	TUntypedInt   = &Basic{UntypedInt, "untyped-int"}
	TUntypedFloat = &Basic{UntypedFloat, "untyped-float"}
	TUntypedNull  = &Basic{UntypedNull, "untyped-null"}
	TError        = &Basic{Error, "error"}
)

// Basics lists every basic type, each once.
var Basics = []*Basic{TInvalid, TVoid, TBool, TI8, TI16, TI32, TI64, TU8, TU16, TU32, TU64, TF32, TF64,
	TString, TUntypedInt, TUntypedFloat, TUntypedNull, TError}

// byName maps every type keyword (aliases included, spec §3.1) and the names of the untyped
// types (which appear in dumps) to the basic type.
var byName = map[string]*Basic{
	"int": TI64, "float": TF64, "byte": TU8, "usize": TU64, "isize": TI64,
}

func init() {
	for _, b := range Basics {
		byName[b.Name] = b
	}
}

// Lookup returns the basic type named by a type keyword (including the aliases int, float, byte,
// usize and isize) or by the dump name of an untyped type.
func Lookup(name string) (*Basic, bool) {
	t, ok := byName[name]
	return t, ok
}

// Keyword returns the basic type a source type keyword names (aliases included); unlike Lookup
// it knows nothing of invalid and the untyped types, which no source can name.
func Keyword(name string) (*Basic, bool) {
	t, ok := byName[name]
	if !ok || t == TInvalid || IsUntyped(t) {
		return nil, false
	}
	return t, true
}

// Pointer is *Elem.
type Pointer struct{ Elem Type }

// Optional is ?Elem.
type Optional struct{ Elem Type }

// Slice is []Elem.
type Slice struct{ Elem Type }

// Array is [Len]Elem.
type Array struct {
	Len  int64
	Elem Type
}

// Tuple is (Elems...).
type Tuple struct{ Elems []Type }

// Func is fn(Params...) Result.
type Func struct {
	Params []Type
	Result Type
}

// ErrorUnion is Err!Payload; Err is nil for the inferred error set of `!T`.
type ErrorUnion struct {
	Err     Type
	Payload Type
}

// PointerTo returns *elem.
func PointerTo(elem Type) *Pointer { return &Pointer{elem} }

// OptionalOf returns ?elem.
func OptionalOf(elem Type) *Optional { return &Optional{elem} }

// SliceOf returns []elem.
func SliceOf(elem Type) *Slice { return &Slice{elem} }

// ArrayOf returns [n]elem.
func ArrayOf(n int64, elem Type) *Array { return &Array{n, elem} }

// TupleOf returns (elems...).
func TupleOf(elems ...Type) *Tuple { return &Tuple{elems} }

// FuncOf returns fn(params) result.
func FuncOf(params []Type, result Type) *Func { return &Func{params, result} }

// ErrorUnionOf returns err!payload (err nil: `!payload`).
func ErrorUnionOf(err, payload Type) *ErrorUnion { return &ErrorUnion{err, payload} }

func (*Basic) typ()      {}
func (*Pointer) typ()    {}
func (*Optional) typ()   {}
func (*Slice) typ()      {}
func (*Array) typ()      {}
func (*Tuple) typ()      {}
func (*Func) typ()       {}
func (*ErrorUnion) typ() {}

func (t *Basic) String() string    { return t.Name }
func (t *Pointer) String() string  { return "*" + str(t.Elem) }
func (t *Optional) String() string { return "?" + str(t.Elem) }
func (t *Slice) String() string    { return "[]" + str(t.Elem) }
func (t *Array) String() string    { return "[" + strconv.FormatInt(t.Len, 10) + "]" + str(t.Elem) }
func (t *Tuple) String() string    { return "(" + join(t.Elems) + ")" }
func (t *Func) String() string     { return "fn(" + join(t.Params) + ") " + str(t.Result) }
func (t *ErrorUnion) String() string {
	if t.Err == nil {
		return "!" + str(t.Payload)
	}
	return str(t.Err) + "!" + str(t.Payload)
}

func str(t Type) string {
	if t == nil {
		return "_"
	}
	return t.String()
}

func join(ts []Type) string {
	parts := make([]string, len(ts))
	for i, t := range ts {
		parts[i] = str(t)
	}
	return strings.Join(parts, ", ")
}

package progen

import (
	"fmt"
	"strings"
)

// Type is a Cot type the generator knows how to make values of: one Go type per kind. Two types
// are the same when they spell the same (String), which is how Cot interns them too.
type Type interface {
	String() string
}

type intType struct {
	name   string
	bits   int
	signed bool
}

type boolType struct{}
type stringType struct{}

// structType is a declared struct or an instance of a generic one (name "Box(i64)").
type structType struct {
	name    string
	fields  []field
	generic string // "Box" for an instance, "" for a plain struct
	args    []Type // the instance's type arguments
}

type field struct {
	name string
	t    Type
}

type enumType struct {
	name     string
	variants []string
}

type unionType struct {
	name     string
	variants []variant
}

type variant struct {
	name    string
	payload Type // nil: a unit variant
}

type optionalType struct{ elem Type }

type errorUnionType struct{ elem Type } // elem is voidType{} for Err!void

type arrayType struct {
	n    int
	elem Type
}

type sliceType struct{ elem Type }

type pointerType struct{ elem Type }

type voidType struct{}

func (t *intType) String() string       { return t.name }
func (boolType) String() string         { return "bool" }
func (stringType) String() string       { return "string" }
func (t *structType) String() string    { return t.name }
func (t *enumType) String() string      { return t.name }
func (t *unionType) String() string     { return t.name }
func (t optionalType) String() string   { return "?" + t.elem.String() }
func (t errorUnionType) String() string { return errSet + "!" + t.elem.String() }
func (t arrayType) String() string      { return fmt.Sprintf("[%d]%s", t.n, t.elem) }
func (t sliceType) String() string      { return "[]" + t.elem.String() }
func (t pointerType) String() string    { return "*" + t.elem.String() }
func (voidType) String() string         { return "void" }

// errSet is the one error set every error union of a program uses; errNames are its members.
const errSet = "Err"

var errNames = []string{"Empty", "TooBig", "Negative", "Odd"}

var (
	tI64    = &intType{"i64", 64, true}
	tI32    = &intType{"i32", 32, true}
	tI16    = &intType{"i16", 16, true}
	tI8     = &intType{"i8", 8, true}
	tU64    = &intType{"u64", 64, false}
	tU32    = &intType{"u32", 32, false}
	tU16    = &intType{"u16", 16, false}
	tU8     = &intType{"u8", 8, false}
	tBool   = boolType{}
	tString = stringType{}
	tVoid   = voidType{}
)

var intTypes = []*intType{tI64, tI32, tI16, tI8, tU64, tU32, tU16, tU8}

func same(a, b Type) bool { return a.String() == b.String() }

// mangle turns a type into a part of an identifier: ?[3]Box(i64) => opt_arr3_Box_i64.
func mangle(t Type) string {
	switch t := t.(type) {
	case optionalType:
		return "opt_" + mangle(t.elem)
	case errorUnionType:
		return "err_" + mangle(t.elem)
	case arrayType:
		return fmt.Sprintf("arr%d_%s", t.n, mangle(t.elem))
	case sliceType:
		return "sl_" + mangle(t.elem)
	case pointerType:
		return "ptr_" + mangle(t.elem)
	case *structType:
		if t.generic != "" {
			parts := []string{t.generic}
			for _, a := range t.args {
				parts = append(parts, mangle(a))
			}
			return strings.Join(parts, "_")
		}
	}
	return t.String()
}

// typeArgOK reports whether t may be written as a type argument (a name, an instance or a slice:
// what reads as an expression in `f(T)(…)`).
func typeArgOK(t Type) bool {
	switch t := t.(type) {
	case optionalType, errorUnionType, arrayType, pointerType, voidType:
		return false
	case sliceType:
		return typeArgOK(t.elem)
	}
	return true
}

// hasSlice reports whether t holds a slice anywhere: such values alias arrays, so the generator
// makes them only from array places.
func hasSlice(t Type) bool {
	switch t := t.(type) {
	case sliceType:
		return true
	case arrayType:
		return hasSlice(t.elem)
	case optionalType:
		return hasSlice(t.elem)
	case *structType:
		for _, f := range t.fields {
			if hasSlice(f.t) {
				return true
			}
		}
	case *unionType:
		for _, v := range t.variants {
			if v.payload != nil && hasSlice(v.payload) {
				return true
			}
		}
	}
	return false
}

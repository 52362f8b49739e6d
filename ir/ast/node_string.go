package ast

// String nodes (spec §1.4, §6.5, §10; decisions.md #10, #16). A string value is one 64-bit
// value, the packed header `len << 32 | ptr` (linear memory is 32-bit, so both halves fit); in
// memory (a pointee, later a field or element) it is laid out as spec §3.3 says: ptr@0, len@8.
// lower-to-wasm and the reference interpreter are the only places that know the packing.
//
// index and slice (node_array.go) of a string are a u8 and a string until lower-strings spells
// them with these primitives, which every level down to lower-to-wasm has:
//
//	(str-len:i64 S)          len(S), S.len, @lenOf(S)
//	(str-ptr:i64 S)          S.ptr, @ptrOf(S): the address of the bytes
//	(str-make:string P L)    @string(P, L): the string of L bytes at address P (no copy)
//
// check-types makes a []u8 where a string is expected, and a string where a []u8 is (spec §3.3:
// string is the slice type []u8), an explicit conversion, which lower-strings spells out:
//
//	(bytes-string:string X)  the string of the bytes of the []u8 X (no copy)
//	(string-bytes:(slice u8) X)  the []u8 of the bytes of the string X (no copy; capacity = length)
//
// Source level until lower-print, which prints its parts (the argument of a print) or builds
// its value with the runtime (anywhere else):
//
//	(interp:string P...)     "text ${e} text": the parts in order, texts as (str ...) literals

import "cot/ir/types"

func init() {
	// str_eq(a, b) compares two strings by content (runtime/string.cot).
	Runtime["str_eq"] = RuntimeSig{Params: []types.Type{types.TString, types.TString}, Result: types.TBool}
	// bounds_failed() stops the program with `error: index out of bounds` (runtime/string.cot).
	Runtime["bounds_failed"] = RuntimeSig{Result: types.TVoid}
	// str_concat(a, b) is a new string holding a's bytes then b's (runtime/string.cot).
	Runtime["str_concat"] = RuntimeSig{Params: []types.Type{types.TString, types.TString}, Result: types.TString}
	// print_str(fd, s) writes the bytes of s (runtime/string.cot).
	Runtime["print_str"] = RuntimeSig{Params: []types.Type{types.TI64, types.TString}, Result: types.TVoid}
	// The builder of an interpolated string's value (runtime/interp.cot): interp_begin, one
	// interp_* per part (formatted as the print_* of its type formats it), interp_end.
	Runtime["interp_begin"] = RuntimeSig{Result: types.TVoid}
	Runtime["interp_end"] = RuntimeSig{Result: types.TString}
	for kind, t := range map[string]types.Type{"str": types.TString, "int": types.TI64, "uint": types.TU64, "bool": types.TBool, "f64": types.TU64, "f32": types.TU64} {
		Runtime["interp_"+kind] = RuntimeSig{Params: []types.Type{t}, Result: types.TVoid}
	}
}

// StrLen is the length of the string X (an i64).
type StrLen struct {
	At
	Typed
	X Expr
}

// StrPtr is the address of the bytes of the string X (an i64).
type StrPtr struct {
	At
	Typed
	X Expr
}

// StrMake is the string of Len bytes at address Ptr (both i64).
type StrMake struct {
	At
	Typed
	Ptr, Len Expr
}

// BytesString is the string of the bytes of the []u8 slice X (the same bytes, no copy).
type BytesString struct {
	At
	Typed
	X Expr
}

func (*BytesString) Kind() string        { return "bytes-string" }
func (*BytesString) exprNode()           {}
func (n *BytesString) children(s *slots) { s.expr(&n.X) }

// StringBytes is the []u8 slice of the bytes of the string X (the same bytes, no copy), its
// capacity its length.
type StringBytes struct {
	At
	Typed
	X Expr
}

func (*StringBytes) Kind() string        { return "string-bytes" }
func (*StringBytes) exprNode()           {}
func (n *StringBytes) children(s *slots) { s.expr(&n.X) }

// Interp is an interpolated string (spec §6.14): its text segments (StrLit) and embedded
// expressions in source order.
type Interp struct {
	At
	Typed
	Parts []Expr
}

func (*Interp) Kind() string        { return "interp" }
func (*Interp) exprNode()           {}
func (n *Interp) children(s *slots) { s.exprs(&n.Parts) }

func (*StrLen) Kind() string  { return "str-len" }
func (*StrPtr) Kind() string  { return "str-ptr" }
func (*StrMake) Kind() string { return "str-make" }

func (*StrLen) exprNode()  {}
func (*StrPtr) exprNode()  {}
func (*StrMake) exprNode() {}

func (n *StrLen) children(s *slots)  { s.expr(&n.X) }
func (n *StrPtr) children(s *slots)  { s.expr(&n.X) }
func (n *StrMake) children(s *slots) { s.expr(&n.Ptr); s.expr(&n.Len) }

// PackString is the value of the string of n bytes at address p.
func PackString(p, n int64) int64 { return int64(uint64(uint32(n))<<32 | uint64(uint32(p))) }

// UnpackString is the address and length of the string value v.
func UnpackString(v int64) (p, n int64) { return int64(uint32(v)), int64(uint64(v) >> 32) }

// stringExprSx renders a string node, or returns nil for any other expression.
func stringExprSx(e Expr) *sx {
	switch e := e.(type) {
	case *Interp:
		l := list(head("interp", e.T))
		for _, p := range e.Parts {
			l.list = append(l.list, exprSx(p))
		}
		return l
	case *BytesString:
		return list(head("bytes-string", e.T), exprSx(e.X))
	case *StringBytes:
		return list(head("string-bytes", e.T), exprSx(e.X))
	case *StrLen:
		return list(head("str-len", e.T), exprSx(e.X))
	case *StrPtr:
		return list(head("str-ptr", e.T), exprSx(e.X))
	case *StrMake:
		return list(head("str-make", e.T), exprSx(e.Ptr), exprSx(e.Len))
	}
	return nil
}

// readStringExpr reads a string node whose head is h (type t), or returns nil for another head.
func (rd *reader) readStringExpr(s *sx, h string, t types.Type) Expr {
	ty := Typed{t}
	switch h {
	case "interp":
		x := &Interp{Typed: ty}
		for _, p := range shape(s, 0, true) {
			x.Parts = append(x.Parts, rd.readExpr(p))
		}
		return x
	case "bytes-string":
		return &BytesString{Typed: ty, X: rd.readExpr(shape(s, 1, false)[0])}
	case "string-bytes":
		return &StringBytes{Typed: ty, X: rd.readExpr(shape(s, 1, false)[0])}
	case "str-len":
		return &StrLen{Typed: ty, X: rd.readExpr(shape(s, 1, false)[0])}
	case "str-ptr":
		return &StrPtr{Typed: ty, X: rd.readExpr(shape(s, 1, false)[0])}
	case "str-make":
		a := shape(s, 2, false)
		return &StrMake{Typed: ty, Ptr: rd.readExpr(a[0]), Len: rd.readExpr(a[1])}
	}
	return nil
}

// Operand is the string StrLen measures.
func (n *StrLen) Operand() Expr { return n.X }

// Operand is the string StrPtr points into.
func (n *StrPtr) Operand() Expr { return n.X }

// Operand is the string, array or slice Index reads from.
func (n *Index) Operand() Expr { return n.X }

// Operand is the string, array or slice SliceExpr slices.
func (n *SliceExpr) Operand() Expr { return n.X }

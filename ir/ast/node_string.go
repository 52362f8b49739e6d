package ast

// String nodes (spec §1.4, §6.5, §10; decisions.md #10, #16). A string value is one 64-bit
// value, the packed header `len << 32 | ptr` (linear memory is 32-bit, so both halves fit); in
// memory (a pointee, later a field or element) it is laid out as spec §3.3 says: ptr@0, len@8.
// lower-to-wasm and the reference interpreter are the only places that know the packing.
//
// Source level (parse through no-builtins):
//
//	(index:T X I)            X[I]; for a string a u8, bounds-checked by lower-strings
//	(slice:T X LO HI)        X[LO:HI]; LO or HI may be `-` (X[:HI], X[LO:])
//
// Every level down to lower-to-wasm:
//
//	(str-len:i64 S)          len(S), S.len, @lenOf(S)
//	(str-ptr:i64 S)          S.ptr, @ptrOf(S): the address of the bytes
//	(str-make:string P L)    @string(P, L): the string of L bytes at address P (no copy)

import "cot/ir/types"

func init() {
	// str_eq(a, b) compares two strings by content (runtime/string.cot).
	Runtime["str_eq"] = RuntimeSig{Params: []types.Type{types.TString, types.TString}, Result: types.TBool}
	// bounds_failed() stops the program with `error: index out of bounds` (runtime/string.cot).
	Runtime["bounds_failed"] = RuntimeSig{Result: types.TVoid}
}

// Index is X[I].
type Index struct {
	At
	Typed
	X, I Expr
}

// Slice is X[Lo:Hi]; Lo or Hi is nil where the source omits it.
type Slice struct {
	At
	Typed
	X, Lo, Hi Expr
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

func (*Index) Kind() string   { return "index" }
func (*Slice) Kind() string   { return "slice" }
func (*StrLen) Kind() string  { return "str-len" }
func (*StrPtr) Kind() string  { return "str-ptr" }
func (*StrMake) Kind() string { return "str-make" }

func (*Index) exprNode()   {}
func (*Slice) exprNode()   {}
func (*StrLen) exprNode()  {}
func (*StrPtr) exprNode()  {}
func (*StrMake) exprNode() {}

func (n *Index) children(s *slots)   { s.expr(&n.X); s.expr(&n.I) }
func (n *Slice) children(s *slots)   { s.expr(&n.X); s.expr(&n.Lo); s.expr(&n.Hi) }
func (n *StrLen) children(s *slots)  { s.expr(&n.X) }
func (n *StrPtr) children(s *slots)  { s.expr(&n.X) }
func (n *StrMake) children(s *slots) { s.expr(&n.Ptr); s.expr(&n.Len) }

// PackString is the value of the string of n bytes at address p.
func PackString(p, n int64) int64 { return int64(uint64(uint32(n))<<32 | uint64(uint32(p))) }

// UnpackString is the address and length of the string value v.
func UnpackString(v int64) (p, n int64) { return int64(uint32(v)), int64(uint64(v) >> 32) }

// optSx renders an optional operand (nil as `-`).
func optSx(e Expr) *sx {
	if e == nil {
		return atom("-")
	}
	return exprSx(e)
}

// stringExprSx renders a string node, or returns nil for any other expression.
func stringExprSx(e Expr) *sx {
	switch e := e.(type) {
	case *Index:
		return list(head("index", e.T), exprSx(e.X), exprSx(e.I))
	case *Slice:
		return list(head("slice", e.T), exprSx(e.X), optSx(e.Lo), optSx(e.Hi))
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
	opt := func(a *sx) Expr {
		if !a.isList && !a.quoted && a.atom == "-" {
			return nil
		}
		return rd.readExpr(a)
	}
	switch h {
	case "index":
		a := shape(s, 2, false)
		return &Index{Typed: ty, X: rd.readExpr(a[0]), I: rd.readExpr(a[1])}
	case "slice":
		a := shape(s, 3, false)
		return &Slice{Typed: ty, X: rd.readExpr(a[0]), Lo: opt(a[1]), Hi: opt(a[2])}
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

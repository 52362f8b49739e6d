package verify

// String rules of the ast verifier (see ast.go; ir/ast/node_string.go): index of a string is a
// u8 and slice a string, their indices and bounds i64; str-len and str-ptr take a string and
// give an i64; str-make takes an i64 address and an i64 length; interp is a string; once strings are lowered
// (no-strings on, which has no str) a string is compared only by the runtime's str_eq and
// concatenated only by its str_concat, never with == != +, and neither indexed nor sliced;
// before, + on two strings is a string.

import (
	"cot/ir/ast"
	"cot/ir/types"
)

// stringExpr checks a string node or a comparison of strings; it reports false for another
// expression.
func (v *astVerifier) stringExpr(e ast.Expr, t types.Type) bool {
	switch e.(type) {
	case *ast.Index, *ast.SliceExpr:
		if x := e.(interface{ Operand() ast.Expr }); x.Operand().Type() == types.TString && !v.allowsStr() {
			v.errorf(e, "%s of a string after lower-strings", e.Kind())
		}
	}
	switch e := e.(type) {
	case *ast.Index:
		if e.X.Type() != types.TString {
			return false
		}
		v.expr(e.X, true)
		v.expr(e.I, true)
		v.same(e, types.TString, e.X.Type(), "indexed value")
		v.same(e, types.TI64, e.I.Type(), "index type")
		v.same(e, types.TU8, t, "string index type")
	case *ast.SliceExpr:
		if e.X.Type() != types.TString {
			return false
		}
		v.expr(e.X, true)
		v.same(e, types.TString, e.X.Type(), "sliced value")
		for _, b := range []ast.Expr{e.Lo, e.Hi} {
			if b != nil {
				v.expr(b, true)
				v.same(e, types.TI64, b.Type(), "slice bound type")
			}
		}
		v.same(e, types.TString, t, "string slice type")
	case *ast.StrLen, *ast.StrPtr:
		x := e.(interface{ Operand() ast.Expr }).Operand()
		v.expr(x, true)
		v.same(e, types.TString, x.Type(), "operand of "+e.Kind())
		v.same(e, types.TI64, t, e.Kind()+" type")
	case *ast.BytesString:
		v.expr(e.X, true)
		if v.typed && !types.Identical(e.X.Type(), types.SliceOf(types.TU8)) {
			v.errorf(e, "bytes-string of a %v, expected []u8", e.X.Type())
		}
		v.same(e, types.TString, t, "bytes-string type")
	case *ast.StringBytes:
		v.expr(e.X, true)
		v.same(e, types.TString, e.X.Type(), "operand of string-bytes")
		v.same(e, types.SliceOf(types.TU8), t, "string-bytes type")
	case *ast.Interp:
		for _, p := range e.Parts {
			v.expr(p, false)
		}
		v.same(e, types.TString, t, "interpolation type")
	case *ast.StrMake:
		v.expr(e.Ptr, true)
		v.expr(e.Len, true)
		v.same(e, types.TI64, e.Ptr.Type(), "address of str-make")
		v.same(e, types.TI64, e.Len.Type(), "length of str-make")
		v.same(e, types.TString, t, "str-make type")
	case *ast.Binary:
		if !v.typed || e.X.Type() != types.TString {
			return false
		}
		if !v.allowsStr() {
			v.errorf(e, "operator %s on strings after lower-strings", e.Op)
			return false
		}
		if e.Op != "+" {
			return false
		}
		v.expr(e.X, true)
		v.expr(e.Y, true)
		v.same(e, types.TString, e.Y.Type(), "right operand of string +")
		v.same(e, types.TString, t, "string + type")
	default:
		return false
	}
	return true
}

// stringAppend reports whether s is `t += u` of two strings (a concatenation, spec §6.5).
func stringAppend(s *ast.OpAssign) bool {
	return s.Op == "+" && s.Target.Type() == types.TString && s.Value.Type() == types.TString
}

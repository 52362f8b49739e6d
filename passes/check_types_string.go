package passes

// Strings of check-types (see check_types.go; spec §6.5, §10; decisions.md #10, #16): string
// literals are values of type string; s[i] is a u8 and s[a:b] a string, their indices any
// integer type converted to i64 (check_types_array.go hands strings to stringIndex and
// stringSlice); len(s), s.len and @lenOf(s) are i64 lengths, s.ptr and @ptrOf(s) i64 addresses;
// @string(p, n) takes an i64 (or pointer) address and an i64 length. Strings are immutable:
// s[i] is no lvalue (lvalueRoot). A []u8 converts implicitly to a string (bytes-string), a
// string to a *u8 (the address of its bytes), as spec §3.3 and §3.4 say.
//
//	(index s#3 i#4:u8)      =>  (index:u8 s#3:string (convert:i64 i#4:u8))
//	(member s#3 len)        =>  (str-len:i64 s#3:string)
//	(len a#5:[3]i64)        =>  3:i64
//
// An interpolated string is a string value wherever it appears; each embedded value must be of a
// type print prints.

import (
	"cot/ir/ast"
	"cot/ir/types"
)

// stringExpr checks a string expression, or returns nil for another kind.
func (c *checker) stringExpr(e ast.Expr) ast.Expr {
	switch e := e.(type) {
	case *ast.StrLit:
		return &ast.StrLit{At: e.At, Typed: ast.Typed{T: types.TString}, Value: e.Value}
	case *ast.Len: // len(x)
		x := c.expr(e.X, nil)
		switch t := x.Type(); {
		case t == types.TString:
			return &ast.StrLen{At: e.At, Typed: ast.Typed{T: types.TI64}, X: x}
		case t == types.TInvalid:
		default:
			if l := c.length(&ast.Member{At: e.At, X: x, Name: "len"}, x); l != nil {
				return l
			}
			c.diags.Errorf(e.X.Pos(), codeTypeMismatch, "type mismatch: `len` of a value of type %v, expected a string, an array or a slice", t)
		}
		return &ast.IntLit{At: e.At, Typed: ast.Typed{T: types.TInvalid}}
	case *ast.Interp:
		return c.interpolation(e, "an interpolation")
	case *ast.StrLen:
		return &ast.StrLen{At: e.At, Typed: ast.Typed{T: types.TI64}, X: c.stringOperand(e.X, "`@lenOf`")}
	case *ast.StrPtr:
		return &ast.StrPtr{At: e.At, Typed: ast.Typed{T: types.TI64}, X: c.stringOperand(e.X, "`@ptrOf`")}
	case *ast.StrMake:
		ptr := c.expr(e.Ptr, types.TI64)
		if isPointer(ptr.Type()) {
			ptr = &ast.Convert{At: ast.AtOf(ptr.Pos()), Typed: ast.Typed{T: types.TI64}, X: ptr}
		} else {
			ptr = c.convert(ptr, types.TI64, "argument 1 of `@string`")
		}
		return &ast.StrMake{At: e.At, Typed: ast.Typed{T: types.TString}, Ptr: ptr,
			Len: c.assign(e.Len, types.TI64, "argument 2 of `@string`")}
	}
	return nil
}

// stringIndex checks s[i] of a string s (checked already): a u8.
func (c *checker) stringIndex(e *ast.Index, x ast.Expr) ast.Expr {
	return &ast.Index{At: e.At, Typed: ast.Typed{T: types.TU8}, X: x, I: c.indexValue(e.I, "index")}
}

// stringSlice checks s[lo:hi] of a string s (checked already): a string.
func (c *checker) stringSlice(e *ast.SliceExpr, x ast.Expr) ast.Expr {
	out := &ast.SliceExpr{At: e.At, Typed: ast.Typed{T: types.TString}, X: x}
	if e.Lo != nil {
		out.Lo = c.indexValue(e.Lo, "slice start")
	}
	if e.Hi != nil {
		out.Hi = c.indexValue(e.Hi, "slice end")
	}
	return out
}

// stringOperand checks the operand of a string operation: a string (or a []u8, converted).
func (c *checker) stringOperand(e ast.Expr, what string) ast.Expr {
	x := c.expr(e, nil)
	if s := bytesToString(x, types.TString); s != nil {
		return s
	}
	if t := x.Type(); t != types.TInvalid && t != types.TString {
		c.diags.Errorf(e.Pos(), codeTypeMismatch, "type mismatch: %s needs a string, found %v", what, t)
		return &ast.Convert{At: ast.AtOf(x.Pos()), Typed: ast.Typed{T: types.TInvalid}, X: x}
	}
	return x
}

// stringMember checks s.len and s.ptr of a string s; it returns nil when e.X is not a string
// value (a type name, or a value of another type), leaving e to member.
func (c *checker) stringMember(e *ast.Member) ast.Expr {
	if ref, ok := e.X.(*ast.Ref); ok && c.named[ref.Name.ID] != nil {
		return nil
	}
	if ref, ok := e.X.(*ast.Ref); ok {
		if b := c.binder(ref.Name.ID); b == nil || b.typ != types.TString {
			return nil
		}
	}
	x := c.expr(e.X, nil)
	switch t := x.Type(); {
	case t == types.TInvalid:
		return &ast.IntLit{At: e.At, Typed: ast.Typed{T: types.TInvalid}}
	case t != types.TString:
		return nil
	case e.Name == "len":
		return &ast.StrLen{At: e.At, Typed: ast.Typed{T: types.TI64}, X: x}
	case e.Name == "ptr":
		return &ast.StrPtr{At: e.At, Typed: ast.Typed{T: types.TI64}, X: x}
	}
	c.diags.Errorf(e.Pos(), codeUndefined, "undefined identifier `%s`: a string has the fields `len` and `ptr`", e.Name)
	return &ast.IntLit{At: e.At, Typed: ast.Typed{T: types.TInvalid}}
}

// interpolation checks the parts of "…${e}…": each embedded value of a type print prints, for
// it is formatted as print does (decisions.md #19).
func (c *checker) interpolation(e *ast.Interp, what string) ast.Expr {
	out := &ast.Interp{At: e.At, Typed: ast.Typed{T: types.TString}}
	for _, p := range e.Parts {
		x := c.expr(p, nil)
		if t := x.Type(); !printable(t) && t != types.TInvalid {
			c.diags.Errorf(p.Pos(), codeTypeMismatch, "type mismatch: `${}` in %s cannot format a value of type %v%s", what, t, formatHint(t))
		}
		out.Parts = append(out.Parts, x)
	}
	return out
}

// stringToPointer is the implicit conversion string → *u8 of spec §3.4 (the address of the
// bytes), or nil when x is not a string or want not *u8.
func stringToPointer(x ast.Expr, want types.Type) ast.Expr {
	if x.Type() != types.TString || !types.Identical(want, types.PointerTo(types.TU8)) {
		return nil
	}
	at := ast.AtOf(x.Pos())
	return &ast.Convert{At: at, Typed: ast.Typed{T: want}, X: &ast.StrPtr{At: at, Typed: ast.Typed{T: types.TI64}, X: x}}
}

// bytesToString is the implicit conversion []u8 → string (spec §3.3: `string` is the slice type
// []u8; the same bytes, no copy), of a [N]u8 through the slice of all of it (§3.4), or nil when x
// is neither or want is not string.
func bytesToString(x ast.Expr, want types.Type) ast.Expr {
	bytes := types.SliceOf(types.TU8)
	if s := arrayToSlice(x, bytes); s != nil {
		x = s
	}
	if want != types.TString || !types.Identical(x.Type(), bytes) {
		return nil
	}
	return &ast.BytesString{At: ast.AtOf(x.Pos()), Typed: ast.Typed{T: types.TString}, X: x}
}

// formatHint says how a value print cannot format may become one it can: an optional's payload.
func formatHint(t types.Type) string {
	if isOptional(t) {
		return " (unwrap it with `.?`, `??` or `if (o) |v|`)"
	}
	return ""
}

// stringField names the string field x reads (`len` or `ptr`), or is "" for another expression.
func stringField(x ast.Expr) string {
	switch x.(type) {
	case *ast.StrLen:
		return "len"
	case *ast.StrPtr:
		return "ptr"
	}
	return ""
}

package passes

// Strings of check-types (see check_types.go; spec §6.5, §10; decisions.md #10, #16): string
// literals are values of type string; s[i] is a u8 and s[a:b] a string, their indices any
// integer type converted to i64; len(s), s.len and @lenOf(s) are i64 lengths, s.ptr and
// @ptrOf(s) i64 addresses; @string(p, n) takes an i64 (or pointer) address and an i64 length.
//
//	(index s#3 i#4:u8)      =>  (index:u8 s#3:string (convert:i64 i#4:u8))
//	(member s#3 len)        =>  (str-len:i64 s#3:string)

import (
	"cot/ir/ast"
	"cot/ir/types"
)

// stringExpr checks a string expression, or returns nil for another kind.
func (c *checker) stringExpr(e ast.Expr) ast.Expr {
	switch e := e.(type) {
	case *ast.StrLit:
		return &ast.StrLit{At: e.At, Typed: ast.Typed{T: types.TString}, Value: e.Value}
	case *ast.Index:
		x := &ast.Index{At: e.At, Typed: ast.Typed{T: types.TU8}, X: c.stringOperand(e.X, "indexing")}
		x.I = c.indexValue(e.I, "index")
		if x.X.Type() == types.TInvalid {
			x.T = types.TInvalid
		}
		return x
	case *ast.Slice:
		x := &ast.Slice{At: e.At, Typed: ast.Typed{T: types.TString}, X: c.stringOperand(e.X, "slicing")}
		if e.Lo != nil {
			x.Lo = c.indexValue(e.Lo, "start of the slice")
		}
		if e.Hi != nil {
			x.Hi = c.indexValue(e.Hi, "end of the slice")
		}
		if x.X.Type() == types.TInvalid {
			x.T = types.TInvalid
		}
		return x
	case *ast.StrLen:
		return &ast.StrLen{At: e.At, Typed: ast.Typed{T: types.TI64}, X: c.stringOperand(e.X, "`len`")}
	case *ast.StrPtr:
		return &ast.StrPtr{At: e.At, Typed: ast.Typed{T: types.TI64}, X: c.stringOperand(e.X, "`@ptrOf`")}
	case *ast.StrMake:
		ptr := c.expr(e.Ptr, types.TI64)
		if isPointer(ptr.Type()) {
			ptr = &ast.Convert{At: ast.At{P: ptr.Pos()}, Typed: ast.Typed{T: types.TI64}, X: ptr}
		} else {
			ptr = c.convert(ptr, types.TI64, "argument 1 of `@string`")
		}
		return &ast.StrMake{At: e.At, Typed: ast.Typed{T: types.TString}, Ptr: ptr,
			Len: c.assign(e.Len, types.TI64, "argument 2 of `@string`")}
	}
	return nil
}

// stringOperand checks the operand of a string operation: a string.
func (c *checker) stringOperand(e ast.Expr, what string) ast.Expr {
	x := c.expr(e, nil)
	if t := x.Type(); t != types.TInvalid && t != types.TString {
		c.diags.Errorf(e.Pos(), codeTypeMismatch, "type mismatch: %s needs a string, found %v", what, t)
		return &ast.Convert{At: ast.At{P: x.Pos()}, Typed: ast.Typed{T: types.TInvalid}, X: x}
	}
	return x
}

// indexValue checks an index or a slice bound: any integer, as an i64 (unsigned ones
// zero-extended, so a huge u64 index stays out of bounds).
func (c *checker) indexValue(e ast.Expr, what string) ast.Expr {
	x := c.expr(e, types.TI64)
	switch t := x.Type(); {
	case t == types.TInvalid || t == types.TI64:
		return x
	case types.IsInteger(t):
		return &ast.Convert{At: ast.At{P: x.Pos()}, Typed: ast.Typed{T: types.TI64}, X: x}
	}
	c.diags.Errorf(e.Pos(), codeTypeMismatch, "type mismatch: %s: expected an integer, found %v", what, x.Type())
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

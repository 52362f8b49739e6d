package passes

// Assignability of check-types (see check_types.go): where a value meets the type its context
// expects, an implicit conversion (spec §3.4: integer widening) becomes an explicit convert
// node (string → *u8, string ↔ []u8: check_types_string.go); anything else that does not fit is a type mismatch. Also the targets of assignments.

import (
	"cot/ir/ast"
	"cot/ir/types"
)

// assign checks e where a value of type want is expected, and returns it converted to want.
func (c *checker) assign(e ast.Expr, want types.Type, what string) ast.Expr {
	x := c.expr(e, want)
	return c.convert(x, want, what)
}

// convert makes x, already checked, a value of type want: as it is, through a convert node
// when its type is assignable to want, or with a type mismatch reported.
func (c *checker) convert(x ast.Expr, want types.Type, what string) ast.Expr {
	have := x.Type()
	switch {
	case types.Identical(have, want) || have == types.TInvalid || want == types.TInvalid:
		return x
	case have == types.TError && isErrorUnion(want):
		return failWith(x, want.(*types.ErrorUnion)) // check_types_error.go
	case types.AssignableTo(have, want) && !types.IsUntyped(have) && isErrorUnion(want) && !isErrorUnion(have):
		return c.wrapErrorUnion(x, want.(*types.ErrorUnion), what)
	case types.AssignableTo(have, want) && !types.IsUntyped(have) && isOptional(want) && !isOptional(have):
		return c.wrapOptional(x, want.(*types.Optional), what)
	case types.AssignableTo(have, want) && !types.IsUntyped(have):
		return &ast.Convert{At: ast.AtOf(x.Pos()), Typed: ast.Typed{T: want}, X: x}
	case arrayToSlice(x, want) != nil:
		return arrayToSlice(x, want)
	case stringToPointer(x, want) != nil:
		return stringToPointer(x, want)
	case bytesToString(x, want) != nil:
		return bytesToString(x, want)
	case have == types.TString && types.Identical(want, types.SliceOf(types.TU8)):
		return &ast.StringBytes{At: ast.AtOf(x.Pos()), Typed: ast.Typed{T: want}, X: x}
	case tupleConvertible(have, want):
		return c.tupleConvert(x, want, what)
	}
	c.mismatchExpr(x, what, want, have) // check_types_mismatch.go
	return x
}

// target checks an assignment target: a variable that may be assigned.
func (c *checker) target(e ast.Expr) ast.Expr {
	x := c.expr(e, nil)
	if _, field := x.(*ast.Field); field || isDeref(x) || isIndex(x) {
		root, ok := lvalueRoot(x)
		if ix, index := x.(*ast.Index); index && ix.X.Type() == types.TString {
			c.diags.Errorf(e.Pos(), codeTypeMismatch, "type mismatch: cannot assign to a byte of a string (strings are immutable)")
			return x
		}
		if !ok {
			c.diags.Errorf(e.Pos(), codeTypeMismatch, "type mismatch: cannot assign to a field of a computed value")
		} else if b := c.binderOf(root); b != nil && b.kind != "var" && b.kind != "global" {
			c.diags.Errorf(e.Pos(), codeTypeMismatch, "cannot assign to constant `%s` (a %s)", root.Name.Name, b.kind)
		}
		return x
	}
	ref, ok := e.(*ast.Ref)
	if !ok && stringField(x) != "" {
		c.diags.Errorf(e.Pos(), codeTypeMismatch, "type mismatch: cannot assign to the `%s` of a string (strings are immutable)", stringField(x))
		return x
	}
	if !ok {
		c.diags.Errorf(e.Pos(), codeTypeMismatch, "type mismatch: cannot assign to this expression")
		return x
	}
	if b := c.binder(ref.Name.ID); b != nil && b.kind != "var" && b.kind != "global" {
		c.diags.Errorf(e.Pos(), codeTypeMismatch, "cannot assign to constant `%s` (a %s)", ref.Name.Name, b.kind)
	}
	return x
}

package passes

// check-types of binary operators: operand unification and shift counts (split from
// check_types_expr.go).

import (
	"fmt"

	"cot/ir/ast"
	"cot/ir/types"
)

// binary checks an operator: both operands of one integer type (a literal takes the other
// operand's type; the narrower of two integer types widens to the wider, decisions.md), or two
// bools for == and !=. Shift counts may be any integer type.
func (c *checker) binary(e *ast.Binary, want types.Type) ast.Expr {
	b := *e
	if ast.IsComparison(e.Op) {
		want = nil
	}
	if e.Op == "<<" || e.Op == ">>" {
		b.X = errorNumber(c, c.expr(e.X, want))
		b.T = b.X.Type()
		if t := b.T; t != types.TInvalid && !types.IsInteger(t) {
			c.diags.Errorf(e.Pos(), codeTypeMismatch, "type mismatch: `%s` on %v, expected integers", e.Op, t)
			b.T = types.TInvalid
		}
		b.Y = c.shiftCount(e.Y, b.T)
		return &b
	}
	if _, null := e.X.(*ast.NullLit); (null || isLiteral(e.X)) && (!isLiteral(e.Y) || isFloatLiteral(e.Y) && !isFloatLiteral(e.X)) {
		// The literal takes the other operand's type; of two literals, an integer one takes
		// the float one's (`1 + 2.5` is 3.5, #7).
		b.Y = c.expr(e.Y, want)
		b.X = c.expr(e.X, b.Y.Type())
	} else {
		b.X = c.expr(e.X, want)
		b.Y = c.expr(e.Y, b.X.Type())
	}
	if e.Op != "==" && e.Op != "!=" { // an error value computes as its number (spec §7: an i64)
		b.X, b.Y = errorNumber(c, b.X), errorNumber(c, b.Y)
	}
	if o := c.optionalCompare(&b); o != nil {
		return o
	}
	if p := pointerArith(&b); p != nil { // check_types_pointer.go
		return p
	}
	t := c.unify(&b)
	switch {
	case ast.IsComparison(e.Op):
		b.T = types.TBool
	default:
		b.T = t
	}
	if t == types.TInvalid || c.floatOperatorError(e.Pos(), e.Op, t) {
		if !ast.IsComparison(e.Op) {
			b.T = types.TInvalid
		}
		return &b
	}
	if t == types.TString && e.Op == "+" { // concatenation (spec §6.5)
		return &b
	}
	if isEnum(t) && ast.IsComparison(e.Op) && e.Op != "==" && e.Op != "!=" {
		// Enums order by their values (spec §6.3): compare the backing integers.
		bt := types.Underlying(t).(*types.Enum).Backing
		b.X, b.Y = c.convert(b.X, bt, ""), c.convert(b.Y, bt, "")
		return &b
	}
	ok := types.IsInteger(t) || types.IsFloat(t) || (t == types.TBool || isEnum(t) || isPointer(t) || t == types.TString) && (e.Op == "==" || e.Op == "!=")
	if !ok {
		c.binaryMismatch(&b, fmt.Sprintf("type mismatch: `%s` on %v and %v, expected integers", e.Op, b.X.Type(), b.Y.Type())) // check_types_mismatch.go
		if !ast.IsComparison(e.Op) {
			b.T = types.TInvalid
		}
	}
	return &b
}

// errorNumber is x as an i64 when it is an error value (its number), else x itself.
func errorNumber(c *checker, x ast.Expr) ast.Expr {
	if x.Type() == types.TError {
		return c.convert(x, types.TI64, "")
	}
	return x
}

// unify gives both operands of b one type, converting the narrower integer operand; it returns
// that type, or TInvalid after reporting a mismatch.
func (c *checker) unify(b *ast.Binary) types.Type {
	x, y := b.X.Type(), b.Y.Type()
	switch {
	case x == types.TInvalid || y == types.TInvalid:
		return types.TInvalid
	case types.Identical(x, y):
		return x
	case types.IsInteger(x) && types.IsInteger(y) && types.AssignableTo(y, x):
		b.Y = c.convert(b.Y, x, "")
		return x
	case types.IsInteger(x) && types.IsInteger(y) && types.AssignableTo(x, y):
		b.X = c.convert(b.X, y, "")
		return y
	case ast.IsComparison(b.Op) && isEnum(x) && types.IsInteger(y) && types.AssignableTo(x, y):
		b.X = c.convert(b.X, y, "") // an enum compares as its integer value (spec §4.5)
		return y
	case ast.IsComparison(b.Op) && types.IsInteger(x) && isEnum(y) && types.AssignableTo(y, x):
		b.Y = c.convert(b.Y, x, "")
		return x
	case types.IsFloat(x) && types.IsFloat(y): // f32 and f64: the f32 operand widens
		b.X, b.Y = c.convert(b.X, types.TF64, ""), c.convert(b.Y, types.TF64, "")
		return types.TF64
	case c.mixedNumbers(b, x, y):
		return types.TInvalid
	case bytesToString(b.X, y) != nil: // a []u8 with a string: both strings
		b.X = bytesToString(b.X, y)
		return y
	case bytesToString(b.Y, x) != nil:
		b.Y = bytesToString(b.Y, x)
		return x
	}
	hint := ""
	if b.Op != "==" && b.Op != "!=" && (!types.IsInteger(x) || !types.IsInteger(y)) {
		hint = ", expected integers"
	}
	c.binaryMismatch(b, fmt.Sprintf("type mismatch: `%s` on %v and %v%s", b.Op, x, y, hint))
	return types.TInvalid
}

// shiftCount checks the count of a shift of a value of type t: any integer, converted to t (the
// count is taken modulo the width, so the conversion's wrapping never changes the result).
func (c *checker) shiftCount(e ast.Expr, t types.Type) ast.Expr {
	want := t
	if !types.IsInteger(want) {
		want = nil
	}
	y := c.expr(e, want)
	switch yt := y.Type(); {
	case yt == types.TInvalid || want == nil || types.Identical(yt, want):
	case !types.IsInteger(yt):
		c.diags.Errorf(e.Pos(), codeTypeMismatch, "type mismatch: shift count: expected an integer, found %v", yt)
	default:
		return &ast.Convert{At: ast.AtOf(y.Pos()), Typed: ast.Typed{T: want}, X: y}
	}
	return y
}

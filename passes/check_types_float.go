package passes

// Floats of check-types (see check_types.go; decisions.md #7, #8 and the float entries of
// docs/decisions.md). A float literal takes the float type its context expects (f64 when none)
// and is rounded once, from its decimal text, to that type; an untyped integer literal where a
// float is expected becomes a float literal. Floats have + - * /, unary -, and the comparisons;
// `%`, bitwise operators and shifts are integer-only. f32 widens implicitly to f64; every other
// conversion between floats and integers is written @intCast(T, v). Mixing an integer value into
// float arithmetic is a type mismatch whose message spells the conversion to write.
//
//	(var x f32 (float 0.1))      => (var x#3 f32 (float:f32 0.1))
//	(var y f64 1)                => (var y#4 f64 (float:f64 1))
//	(+ a:f32 b:f64)              => (+:f64 (convert:f64 a) b)
//	(sqrt (float 2))             => (sqrt:f64 (float:f64 2))

import (
	"fmt"
	"math/big"
	"strconv"

	"cot/ir/ast"
	"cot/ir/src"
	"cot/ir/types"
)

// floatType is the float type a literal takes where want is expected: want when it is f32 or
// f64, else f64.
func floatType(want types.Type) types.Type {
	if types.IsFloat(want) && !types.IsUntyped(want) {
		return want
	}
	return types.TF64
}

// floatLit types a float literal, rounding its text to nearest (ties to even) at its type; a
// literal beyond the type's largest finite value is out of range.
func (c *checker) floatLit(e *ast.FloatLit, want types.Type) ast.Expr {
	t := floatType(want)
	v := e.Value
	if e.Text != "" {
		var err error
		if v, err = strconv.ParseFloat(e.Text, types.Bits(t)); err != nil {
			c.diags.Errorf(e.Pos(), codeLiteralRange, "float literal out of range: %s does not fit %v", e.Text, t)
			v = 0
		}
	} else if t == types.TF32 {
		v = float64(float32(v))
	}
	return &ast.FloatLit{At: e.At, Typed: ast.Typed{T: t}, Value: v}
}

// intLitAsFloat is an untyped integer literal where the float type t is expected (decisions.md
// #7: `var x: f64 = 1`), rounded to nearest, ties to even.
func intLitAsFloat(e *ast.IntLit, t types.Type) ast.Expr {
	exact := new(big.Float).SetUint64(e.Value)
	var v float64
	if t == types.TF32 {
		f, _ := exact.Float32()
		v = float64(f)
	} else {
		v, _ = exact.Float64()
	}
	return &ast.FloatLit{At: e.At, Typed: ast.Typed{T: t}, Value: v}
}

// floatOperator reports whether op applies to floats: + - * / and the comparisons.
func floatOperator(op string) bool {
	switch op {
	case "+", "-", "*", "/":
		return true
	}
	return ast.IsComparison(op)
}

// floatOperatorError reports op on operands of float type t when op is not defined on floats,
// and reports whether it did.
func (c *checker) floatOperatorError(pos src.Pos, op string, t types.Type) bool {
	if !types.IsFloat(t) || floatOperator(op) {
		return false
	}
	if op == "%" {
		c.diags.Errorf(pos, codeTypeMismatch, "type mismatch: `%%` on %v: remainder is defined on integers only", t)
	} else {
		c.diags.Errorf(pos, codeTypeMismatch, "type mismatch: `%s` on %v, expected integers", op, t)
	}
	return true
}

// mixedNumbers reports an operator between an integer and a float value, naming the conversion
// that makes it valid (decisions.md #7), and reports whether it did.
func (c *checker) mixedNumbers(b *ast.Binary, x, y types.Type) bool {
	intOperand, floatT := b.Y, x
	switch {
	case types.IsFloat(x) && types.IsInteger(y):
	case types.IsInteger(x) && types.IsFloat(y):
		intOperand, floatT = b.X, y
	default:
		return false
	}
	c.diags.Errorf(b.Pos(), codeTypeMismatch, "type mismatch: `%s` on %v and %v: convert the integer with `@intCast(%v, %s)`",
		b.Op, x, y, floatT, operandText(intOperand))
	return true
}

// operandText names an operand in a suggestion: a variable by its name.
func operandText(e ast.Expr) string {
	if r, ok := e.(*ast.Ref); ok {
		return r.Name.Name
	}
	return "…"
}

// conversionHint is the advice appended to a type mismatch between an integer and a float.
func conversionHint(want, have types.Type) string {
	if types.IsNumeric(want) && types.IsNumeric(have) && types.IsFloat(want) != types.IsFloat(have) ||
		want == types.TF32 && have == types.TF64 {
		return fmt.Sprintf(" (convert with `@intCast(%v, …)`)", want)
	}
	return ""
}

// floatOp checks a float builtin: its operands are floats of one type (literals take the other
// operand's type, or the expected type, or f64), which is the result's type.
func (c *checker) floatOp(e *ast.FloatOp, want types.Type) ast.Expr {
	out := &ast.FloatOp{At: e.At, Op: e.Op, Args: make([]ast.Expr, len(e.Args))}
	first := 0
	if len(e.Args) == 2 && isLiteral(e.Args[0]) && !isLiteral(e.Args[1]) {
		first = 1
	}
	out.Args[first] = c.expr(e.Args[first], floatType(want))
	t := out.Args[first].Type()
	if len(e.Args) == 2 {
		other := c.expr(e.Args[1-first], floatType(t))
		out.Args[1-first] = other
		switch ot := other.Type(); {
		case t == types.TInvalid || ot == types.TInvalid:
			t = types.TInvalid
		case types.IsFloat(t) && types.IsFloat(ot) && !types.Identical(t, ot):
			t = types.TF64 // f32 and f64: the f32 operand widens
			out.Args[0], out.Args[1] = c.convert(out.Args[0], t, ""), c.convert(out.Args[1], t, "")
		case !types.IsFloat(ot):
			c.floatArgMismatch(e, 2-first, ot)
			t = types.TInvalid
		}
	}
	if t != types.TInvalid && !types.IsFloat(t) {
		c.floatArgMismatch(e, first+1, t)
		t = types.TInvalid
	}
	out.T = t
	return out
}

func (c *checker) floatArgMismatch(e *ast.FloatOp, arg int, have types.Type) {
	hint := ""
	if types.IsInteger(have) {
		hint = fmt.Sprintf(" (convert with `@intCast(f64, %s)`)", operandText(e.Args[arg-1]))
	}
	c.diags.Errorf(e.Args[arg-1].Pos(), codeTypeMismatch, "type mismatch: argument %d of `@%s`: expected a float, found %v%s", arg, e.Op, have, hint)
}

// castFloat checks @intCast(t, x) when t or x's type xt is a float: any integer (or enum
// value) and any float convert to any float or integer type; ok is false when the types are
// not both numeric (the caller reports it).
func castFloat(e *ast.IntCast, t types.Type, x ast.Expr, xt types.Type) (ast.Expr, bool) {
	numeric := func(t types.Type) bool { return types.IsNumeric(t) || isEnum(t) }
	if !numeric(t) || !numeric(xt) || isEnum(t) {
		return nil, false
	}
	if types.Identical(t, xt) {
		return x, true
	}
	return &ast.Convert{At: e.At, Typed: ast.Typed{T: t}, X: x}, true
}

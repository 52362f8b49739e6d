package verify

// Float rules of the ast verifier (see ast.go): float literals hold a value of their type, float
// builtins take and give floats of one type, floats have + - * / neg and the comparisons, and a
// convert may turn any number into any other numeric type.

import (
	"math"

	"cot/ir/ast"
	"cot/ir/types"
)

// floatOperand reports whether op applies to operands of float type t.
func floatOperand(op string, t types.Type) bool {
	if !types.IsFloat(t) || types.IsUntyped(t) {
		return false
	}
	switch op {
	case "+", "-", "*", "/", "neg":
		return true
	}
	return ast.IsComparison(op)
}

// numericConvert reports whether a convert from x to t involves a float and is allowed.
func numericConvert(x, t types.Type) bool {
	numeric := func(t types.Type) bool {
		return types.IsNumeric(types.Underlying(t)) && !types.IsUntyped(t) || isEnumType(t)
	}
	return (types.IsFloat(x) || types.IsFloat(t)) && numeric(x) && numeric(t) && !isEnumType(t) && !types.Identical(x, t)
}

// floatExpr checks a float node, and reports false for any other expression.
func (v *astVerifier) floatExpr(e ast.Expr, t types.Type) bool {
	switch e := e.(type) {
	case *ast.FloatLit:
		switch {
		case !v.typed:
		case t != types.TF32 && t != types.TF64:
			v.errorf(e, "float literal of type %v", t)
		case t == types.TF32 && float64(float32(e.Value)) != e.Value && !math.IsNaN(e.Value):
			v.errorf(e, "float literal %v is not an f32", e.Value)
		}
	case *ast.FloatOp:
		n, ok := ast.FloatOps[e.Op]
		if !ok || len(e.Args) != n {
			v.errorf(e, "float builtin %s with %d operands", e.Op, len(e.Args))
			return true
		}
		for _, a := range e.Args {
			v.expr(a, true)
			v.same(e, t, a.Type(), "operand of "+e.Op)
		}
		if v.typed && t != types.TF32 && t != types.TF64 {
			v.errorf(e, "float builtin %s of type %v", e.Op, t)
		}
	case *ast.FloatBits:
		v.expr(e.X, true)
		if x := e.X.Type(); v.typed && x != types.TF32 && x != types.TF64 {
			v.errorf(e, "float-bits of %v", x)
		}
		v.same(e, types.TU64, t, "float-bits type")
	default:
		return false
	}
	return true
}

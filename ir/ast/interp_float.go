package ast

// Floats in the reference interpreter. Every value is an int64 here; a float is held as its
// IEEE bits (an f32 in the low 32 bits), so frames and globals need no second representation.
// The operations are Wasm's: Go's float32 and float64 arithmetic round as Wasm's f32 and f64
// instructions do; conversions to integers saturate (NaN gives 0, decisions.md); conversions
// from integers round to nearest, ties to even, computed exactly with math/big.

import (
	"math"
	"math/big"

	"cot/ir/types"
)

// floatBits is the representation of v as a value of float type t.
func floatBits(v float64, t types.Type) int64 {
	if t == types.TF32 {
		return int64(math.Float32bits(float32(v)))
	}
	return int64(math.Float64bits(v))
}

// floatValue is the float a value of float type t holds (an f32 widened exactly).
func floatValue(v int64, t types.Type) float64 {
	if t == types.TF32 {
		return float64(math.Float32frombits(uint32(v)))
	}
	return math.Float64frombits(uint64(v))
}

// evalFloat evaluates a float node, or reports false for another expression.
func (in *interp) evalFloat(e Expr, fr frame) (int64, bool) {
	switch e := e.(type) {
	case *FloatLit:
		return floatBits(e.Value, e.T), true
	case *FloatBits:
		return in.eval(e.X, fr), true // a float is its bits here already
	case *FloatOp:
		var args []float64
		for _, a := range e.Args {
			args = append(args, floatValue(in.eval(a, fr), e.T))
		}
		return floatBits(floatOp(e.Op, args), e.T), true
	case *Unary:
		if !types.IsFloat(e.T) {
			return 0, false
		}
		// Negation flips the sign bit (Wasm's neg), so -0.0 and -NaN exist.
		sign := int64(1) << (types.Bits(e.T) - 1)
		return in.eval(e.X, fr) ^ sign, true
	case *Convert:
		from := e.X.Type()
		if !types.IsFloat(from) && !types.IsFloat(e.T) {
			return 0, false
		}
		return convertNumber(in.eval(e.X, fr), from, e.T), true
	}
	return 0, false
}

// floatOp applies a float builtin. Every result is exact in the operands' type or, for sqrt,
// correctly rounded there (sqrt in f64 rounds f32 operands correctly: 53 >= 2*24+2).
func floatOp(op string, a []float64) float64 {
	switch op {
	case "sqrt":
		return math.Sqrt(a[0])
	case "floor":
		return math.Floor(a[0])
	case "ceil":
		return math.Ceil(a[0])
	case "trunc":
		return math.Trunc(a[0])
	case "round":
		return math.RoundToEven(a[0])
	case "abs":
		return math.Abs(a[0])
	case "fmin":
		return math.Min(a[0], a[1]) // NaN if either is; Min(-0, +0) is -0, as Wasm's min
	case "fmax":
		return math.Max(a[0], a[1])
	}
	panic("interpret: float builtin " + op)
}

// floatBinary applies an arithmetic or comparison operator to floats of type t.
func floatBinary(op string, t types.Type, xb, yb int64) int64 {
	if t == types.TF32 {
		x, y := math.Float32frombits(uint32(xb)), math.Float32frombits(uint32(yb))
		if r, ok := arith(op, x, y); ok {
			return int64(math.Float32bits(r))
		}
		return compare(op, x, y)
	}
	x, y := math.Float64frombits(uint64(xb)), math.Float64frombits(uint64(yb))
	if r, ok := arith(op, x, y); ok {
		return int64(math.Float64bits(r))
	}
	return compare(op, x, y)
}

// arith applies + - * or / to floats of one width (Go rounds each result to that width, as
// Wasm does), or reports false for another operator.
func arith[F float32 | float64](op string, x, y F) (F, bool) {
	switch op {
	case "+":
		return x + y, true
	case "-":
		return x - y, true
	case "*":
		return x * y, true
	case "/":
		return x / y, true
	}
	return 0, false
}

// compare applies a comparison operator: for floats an IEEE comparison, false for every
// ordering with NaN and != true.
func compare[T int64 | float32 | float64](op string, x, y T) int64 {
	switch op {
	case "==":
		return b2i(x == y)
	case "!=":
		return b2i(x != y)
	case "<":
		return b2i(x < y)
	case "<=":
		return b2i(x <= y)
	case ">":
		return b2i(x > y)
	case ">=":
		return b2i(x >= y)
	}
	panic("interpret: operator " + op)
}

// convertNumber converts v of numeric type from to numeric type to, one of them a float.
func convertNumber(v int64, from, to types.Type) int64 {
	switch {
	case types.IsFloat(from) && types.IsFloat(to):
		return floatBits(floatValue(v, from), to) // f32 -> f64 is exact; f64 -> f32 rounds to nearest even
	case types.IsFloat(from):
		return SaturatingTrunc(floatValue(v, from), to)
	}
	var exact big.Float
	if types.IsSigned(from) {
		exact.SetInt64(v)
	} else {
		exact.SetUint64(uint64(v))
	}
	if to == types.TF32 {
		f, _ := exact.Float32()
		return int64(math.Float32bits(f))
	}
	f, _ := exact.Float64()
	return int64(math.Float64bits(f))
}

// SaturatingTrunc is @intCast from a float to the integer type t (decisions.md): the value
// truncated toward zero, clamped to t's range, NaN giving 0. The result is in the interpreter's
// representation of t (sign- or zero-extended to 64 bits).
func SaturatingTrunc(f float64, t types.Type) int64 {
	if math.IsNaN(f) {
		return 0
	}
	neg, max := types.IntRange(t)
	f = math.Trunc(f)
	switch {
	case f <= -float64(neg): // -2^(bits-1) is exact, so the comparison is too
		return -int64(neg)
	case f >= float64(max): // max rounds up to 2^bits... for 64-bit types; either way it saturates
		return int64(max)
	case types.IsSigned(t):
		return int64(f)
	}
	return int64(uint64(f))
}

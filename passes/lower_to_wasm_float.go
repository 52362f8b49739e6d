package passes

// Floats for lower-to-wasm (see lower_to_wasm_pass.go): f32 is Wasm f32 and f64 is Wasm f64
// (decisions.md #8), every operation one Wasm instruction with Wasm's semantics exactly (NaN,
// signed zero, round to nearest even, no fused multiply-add), so all engines agree bit for bit.
//
//	(float:f64 0.5)            =>  f64.const 0.5
//	(+:f32 a b)                =>  a b f32.add
//	(neg:f64 a)                =>  a f64.neg                (flips the sign: -0.0 exists)
//	(round:f64 a)              =>  a f64.nearest            (ties to even, spec §10)
//	(convert:f64 x:f32)        =>  x f64.promote_f32
//	(convert:f64 x:u32)        =>  x f64.convert_i32_u
//	(convert:i64 x:f64)        =>  x i64.trunc_sat_f64_s    (saturating, NaN -> 0: decisions.md)
//	(convert:i8 x:f64)         =>  x f64.const 127 f64.min f64.const -128 f64.max i32.trunc_sat_f64_s
//	(convert:u16 x:f32)        =>  x f32.const 65535 f32.min i32.trunc_sat_f32_u
//	(float-bits:u64 x:f32)     =>  x i32.reinterpret_f32 i64.extend_i32_u
//
// A conversion to an 8- or 16-bit type clamps in the float domain first (the bounds are exact
// floats, and min/max keep NaN, which the truncation then makes 0), so no scratch local is needed.

import (
	"math"

	"cot/ir/ast"
	"cot/ir/types"
	"cot/ir/wasm"
)

// floatConst is the constant v of float type t.
func floatConst(t types.Type, v float64) wasm.Instr {
	if t == types.TF32 {
		return wasm.Instr{Op: wasm.OpF32Const, Const: uint64(math.Float32bits(float32(v)))}
	}
	return wasm.Instr{Op: wasm.OpF64Const, Const: math.Float64bits(v)}
}

type floatOps struct{ f32, f64 wasm.Op }

// floatInstrs maps the float operators, unary minus and the float builtins to their instructions.
var floatInstrs = map[string]floatOps{
	"+": {wasm.OpF32Add, wasm.OpF64Add}, "-": {wasm.OpF32Sub, wasm.OpF64Sub},
	"*": {wasm.OpF32Mul, wasm.OpF64Mul}, "/": {wasm.OpF32Div, wasm.OpF64Div},
	"==": {wasm.OpF32Eq, wasm.OpF64Eq}, "!=": {wasm.OpF32Ne, wasm.OpF64Ne},
	"<": {wasm.OpF32Lt, wasm.OpF64Lt}, "<=": {wasm.OpF32Le, wasm.OpF64Le},
	">": {wasm.OpF32Gt, wasm.OpF64Gt}, ">=": {wasm.OpF32Ge, wasm.OpF64Ge},
	"neg": {wasm.OpF32Neg, wasm.OpF64Neg}, "abs": {wasm.OpF32Abs, wasm.OpF64Abs},
	"sqrt": {wasm.OpF32Sqrt, wasm.OpF64Sqrt}, "floor": {wasm.OpF32Floor, wasm.OpF64Floor},
	"ceil": {wasm.OpF32Ceil, wasm.OpF64Ceil}, "trunc": {wasm.OpF32Trunc, wasm.OpF64Trunc},
	"round": {wasm.OpF32Nearest, wasm.OpF64Nearest},
	"fmin":  {wasm.OpF32Min, wasm.OpF64Min}, "fmax": {wasm.OpF32Max, wasm.OpF64Max},
}

// floatInstr is the instruction of op on operands of float type t.
func floatInstr(op string, t types.Type) wasm.Instr {
	ops, ok := floatInstrs[op]
	if !ok {
		panic("lower-to-wasm: no float instruction for " + op)
	}
	if t == types.TF32 {
		return wasm.Simple(ops.f32)
	}
	return wasm.Simple(ops.f64)
}

// floatExpr emits a float expression (a literal, a builtin, or an operator or conversion with a
// float operand or result) and reports true, or reports false for any other expression.
func (fl *funcLowerer) floatExpr(e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.FloatLit:
		fl.emit(floatConst(e.T, e.Value))
	case *ast.FloatBits:
		fl.expr(e.X)
		if e.X.Type() == types.TF32 {
			fl.emit(wasm.Simple(wasm.OpI32ReinterpretF32), wasm.Simple(wasm.OpI64ExtendI32U))
		} else {
			fl.emit(wasm.Simple(wasm.OpI64ReinterpretF64))
		}
	case *ast.FloatOp:
		for _, a := range e.Args {
			fl.expr(a)
		}
		fl.emit(floatInstr(e.Op, e.T))
	case *ast.Unary:
		if !types.IsFloat(e.T) {
			return false
		}
		fl.expr(e.X)
		fl.emit(floatInstr(e.Op, e.T))
	case *ast.Binary:
		if !types.IsFloat(e.X.Type()) {
			return false
		}
		fl.expr(e.X)
		fl.expr(e.Y)
		fl.emit(floatInstr(e.Op, e.X.Type()))
	case *ast.Convert:
		from := e.X.Type()
		if !types.IsFloat(from) && !types.IsFloat(e.T) {
			return false
		}
		fl.expr(e.X)
		fl.emit(convertFloat(from, e.T)...)
	default:
		return false
	}
	return true
}

// convertFloat is the conversion of a value of numeric type from to numeric type to, one of
// them a float.
func convertFloat(from, to types.Type) []wasm.Instr {
	f32 := func(t types.Type) bool { return t == types.TF32 }
	pick := func(cond bool, a, b wasm.Op) wasm.Instr {
		if cond {
			return wasm.Simple(a)
		}
		return wasm.Simple(b)
	}
	switch {
	case types.IsFloat(from) && types.IsFloat(to):
		return []wasm.Instr{pick(f32(to), wasm.OpF32DemoteF64, wasm.OpF64PromoteF32)}
	case types.IsFloat(to): // from an integer: signed or unsigned, i32 or i64 representation
		signed := types.IsSigned(from)
		if wide(from) {
			if f32(to) {
				return []wasm.Instr{pick(signed, wasm.OpF32ConvertI64S, wasm.OpF32ConvertI64U)}
			}
			return []wasm.Instr{pick(signed, wasm.OpF64ConvertI64S, wasm.OpF64ConvertI64U)}
		}
		if f32(to) {
			return []wasm.Instr{pick(signed, wasm.OpF32ConvertI32S, wasm.OpF32ConvertI32U)}
		}
		return []wasm.Instr{pick(signed, wasm.OpF64ConvertI32S, wasm.OpF64ConvertI32U)}
	}
	// From a float to an integer: saturating truncation, narrow types clamped first.
	var out []wasm.Instr
	neg, max := types.IntRange(to)
	if types.Bits(to) < 32 {
		out = append(out, floatConst(from, float64(max)), floatInstr("fmin", from))
		if neg > 0 {
			out = append(out, floatConst(from, -float64(neg)), floatInstr("fmax", from))
		}
	}
	signed := types.IsSigned(to)
	switch {
	case wide(to) && f32(from):
		out = append(out, pick(signed, wasm.OpI64TruncSatF32S, wasm.OpI64TruncSatF32U))
	case wide(to):
		out = append(out, pick(signed, wasm.OpI64TruncSatF64S, wasm.OpI64TruncSatF64U))
	case f32(from):
		out = append(out, pick(signed, wasm.OpI32TruncSatF32S, wasm.OpI32TruncSatF32U))
	default:
		out = append(out, pick(signed, wasm.OpI32TruncSatF64S, wasm.OpI32TruncSatF64U))
	}
	return out
}

// floatLitBits is the IEEE representation of v as a value of float type t (an f32 in the low
// 32 bits), as a float global's bytes in the data image hold it.
func floatLitBits(v float64, t types.Type) uint64 {
	if t == types.TF32 {
		return uint64(math.Float32bits(float32(v)))
	}
	return math.Float64bits(v)
}

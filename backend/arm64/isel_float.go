package arm64

import (
	"math"

	"cot/ir/mir"
	"cot/ir/ssa"
	"cot/ir/wasm"
)

var floatBinary = newOpTable(map[wasm.Op]mir.Op{
	wasm.OpF32Add: mir.FADD, wasm.OpF32Sub: mir.FSUB, wasm.OpF32Mul: mir.FMUL, wasm.OpF32Div: mir.FDIV,
	wasm.OpF32Min: mir.FMIN, wasm.OpF32Max: mir.FMAX,
	wasm.OpF64Add: mir.FADD, wasm.OpF64Sub: mir.FSUB, wasm.OpF64Mul: mir.FMUL, wasm.OpF64Div: mir.FDIV,
	wasm.OpF64Min: mir.FMIN, wasm.OpF64Max: mir.FMAX,
})

var floatUnary = newOpTable(map[wasm.Op]mir.Op{
	wasm.OpF32Abs: mir.FABS, wasm.OpF32Neg: mir.FNEG, wasm.OpF32Sqrt: mir.FSQRT, wasm.OpF32Ceil: mir.FRINTP,
	wasm.OpF32Floor: mir.FRINTM, wasm.OpF32Trunc: mir.FRINTZ, wasm.OpF32Nearest: mir.FRINTN,
	wasm.OpF64Abs: mir.FABS, wasm.OpF64Neg: mir.FNEG, wasm.OpF64Sqrt: mir.FSQRT, wasm.OpF64Ceil: mir.FRINTP,
	wasm.OpF64Floor: mir.FRINTM, wasm.OpF64Trunc: mir.FRINTZ, wasm.OpF64Nearest: mir.FRINTN,
})

// floatCompare maps float comparisons to conditions that are false when unordered (except ne).
var floatCompare = newOpTable(map[wasm.Op]mir.Cond{
	wasm.OpF32Eq: mir.EQ, wasm.OpF32Ne: mir.NE, wasm.OpF32Lt: mir.MI, wasm.OpF32Gt: mir.GT,
	wasm.OpF32Le: mir.LS, wasm.OpF32Ge: mir.GE,
	wasm.OpF64Eq: mir.EQ, wasm.OpF64Ne: mir.NE, wasm.OpF64Lt: mir.MI, wasm.OpF64Gt: mir.GT,
	wasm.OpF64Le: mir.LS, wasm.OpF64Ge: mir.GE,
})

// floatOp selects float arithmetic and comparisons (never fused: each operation rounds).
func (s *selector) floatOp(v *ssa.Value, w wasm.Op) bool {
	if op, ok := floatBinary.get(w); ok {
		s.emit(&mir.Instr{Op: op, W: width(v.Type), Rd: s.def(v), Rn: s.use(v.Args[0]), Rm: s.use(v.Args[1])})
		return true
	}
	if op, ok := floatUnary.get(w); ok {
		s.emit(&mir.Instr{Op: op, W: width(v.Type), Rd: s.def(v), Rn: s.use(v.Args[0])})
		return true
	}
	if w == wasm.OpF32Copysign || w == wasm.OpF64Copysign {
		// In integer registers: a ^ ((a ^ b) & signbit).
		iw, sign := mir.W, uint64(1)<<31
		if v.Type == ssa.F64 {
			iw, sign = mir.X, 1<<63
		}
		fw := width(v.Type)
		a, b, t := s.vreg(mir.Int), s.vreg(mir.Int), s.vreg(mir.Int)
		s.emit(&mir.Instr{Op: mir.FMOV, W: fw, Rd: a, Rn: s.use(v.Args[0])})
		s.emit(&mir.Instr{Op: mir.FMOV, W: fw, Rd: b, Rn: s.use(v.Args[1])})
		s.emit(&mir.Instr{Op: mir.EOR, W: iw, Rd: t, Rn: a, Rm: b})
		s.emit(&mir.Instr{Op: mir.AND, W: iw, Rd: t, Rn: t, Rm: s.intConst(iw, sign)})
		s.emit(&mir.Instr{Op: mir.EOR, W: iw, Rd: t, Rn: a, Rm: t})
		s.emit(&mir.Instr{Op: mir.FMOV, W: fw, Rd: s.def(v), Rn: t})
		return true
	}
	return false
}

// truncBounds gives, for a trapping float-to-int truncation, the open/closed range of valid
// inputs: lo (inclusive when loIncl) and hi (always exclusive).
type truncBounds struct {
	lo, hi float64
	loIncl bool
}

func boundsFor(w wasm.Op) (truncBounds, bool, mir.Width, ssa.Type) {
	switch w {
	case wasm.OpI32TruncF32S:
		return truncBounds{-2147483648, 2147483648, true}, true, mir.W, ssa.F32
	case wasm.OpI32TruncF64S:
		return truncBounds{-2147483649, 2147483648, false}, true, mir.W, ssa.F64
	case wasm.OpI32TruncF32U:
		return truncBounds{-1, 4294967296, false}, false, mir.W, ssa.F32
	case wasm.OpI32TruncF64U:
		return truncBounds{-1, 4294967296, false}, false, mir.W, ssa.F64
	case wasm.OpI64TruncF32S:
		return truncBounds{-9223372036854775808, 9223372036854775808, true}, true, mir.X, ssa.F32
	case wasm.OpI64TruncF64S:
		return truncBounds{-9223372036854775808, 9223372036854775808, true}, true, mir.X, ssa.F64
	case wasm.OpI64TruncF32U:
		return truncBounds{-1, 18446744073709551616, false}, false, mir.X, ssa.F32
	case wasm.OpI64TruncF64U:
		return truncBounds{-1, 18446744073709551616, false}, false, mir.X, ssa.F64
	}
	return truncBounds{}, false, 0, 0
}

func floatBits(t ssa.Type, f float64) uint64 {
	if t == ssa.F32 {
		return uint64(math.Float32bits(float32(f)))
	}
	return math.Float64bits(f)
}

// convOp selects conversions and reinterpretations.
func (s *selector) convOp(v *ssa.Value, w wasm.Op) bool {
	src := v.Args
	switch w {
	case wasm.OpI32TruncF32S, wasm.OpI32TruncF64S, wasm.OpI32TruncF32U, wasm.OpI32TruncF64U,
		wasm.OpI64TruncF32S, wasm.OpI64TruncF64S, wasm.OpI64TruncF32U, wasm.OpI64TruncF64U:
		b, signed, iw, ft := boundsFor(w)
		x := s.use(src[0])
		fw := width(ft)
		s.emit(&mir.Instr{Op: mir.FCMP, W: fw, Rn: x, Rm: x})
		s.trapIf(mir.VS, "cot_trap_invalid_conversion")
		s.emit(&mir.Instr{Op: mir.FCMP, W: fw, Rn: x, Rm: s.constant(ft, floatBits(ft, b.lo))})
		if b.loIncl {
			s.trapIf(mir.LT, "cot_trap_int_overflow")
		} else {
			s.trapIf(mir.LS, "cot_trap_int_overflow")
		}
		s.emit(&mir.Instr{Op: mir.FCMP, W: fw, Rn: x, Rm: s.constant(ft, floatBits(ft, b.hi))})
		s.trapIf(mir.GE, "cot_trap_int_overflow")
		op := mir.FCVTZU
		if signed {
			op = mir.FCVTZS
		}
		s.emit(&mir.Instr{Op: op, W: iw, W2: fw, Rd: s.def(v), Rn: x})
	case wasm.OpI32TruncSatF32S, wasm.OpI32TruncSatF64S, wasm.OpI64TruncSatF32S, wasm.OpI64TruncSatF64S:
		// fcvtzs saturates and maps NaN to 0: exactly the saturating semantics.
		s.emit(&mir.Instr{Op: mir.FCVTZS, W: width(v.Type), W2: width(src[0].Type), Rd: s.def(v), Rn: s.use(src[0])})
	case wasm.OpI32TruncSatF32U, wasm.OpI32TruncSatF64U, wasm.OpI64TruncSatF32U, wasm.OpI64TruncSatF64U:
		s.emit(&mir.Instr{Op: mir.FCVTZU, W: width(v.Type), W2: width(src[0].Type), Rd: s.def(v), Rn: s.use(src[0])})
	case wasm.OpF32ConvertI32S, wasm.OpF32ConvertI64S, wasm.OpF64ConvertI32S, wasm.OpF64ConvertI64S:
		s.emit(&mir.Instr{Op: mir.SCVTF, W: width(v.Type), W2: width(src[0].Type), Rd: s.def(v), Rn: s.use(src[0])})
	case wasm.OpF32ConvertI32U, wasm.OpF32ConvertI64U, wasm.OpF64ConvertI32U, wasm.OpF64ConvertI64U:
		s.emit(&mir.Instr{Op: mir.UCVTF, W: width(v.Type), W2: width(src[0].Type), Rd: s.def(v), Rn: s.use(src[0])})
	case wasm.OpF32DemoteF64, wasm.OpF64PromoteF32:
		s.emit(&mir.Instr{Op: mir.FCVT, W: width(v.Type), W2: width(src[0].Type), Rd: s.def(v), Rn: s.use(src[0])})
	case wasm.OpI32ReinterpretF32, wasm.OpF32ReinterpretI32:
		s.emit(&mir.Instr{Op: mir.FMOV, W: mir.S, Rd: s.def(v), Rn: s.use(src[0])})
	case wasm.OpI64ReinterpretF64, wasm.OpF64ReinterpretI64:
		s.emit(&mir.Instr{Op: mir.FMOV, W: mir.D, Rd: s.def(v), Rn: s.use(src[0])})
	default:
		return false
	}
	return true
}

package arm64

import (
	"cot/ir/mir"
	"cot/ir/ssa"
	"cot/ir/wasm"
)

var intBinary = newOpTable(map[wasm.Op]mir.Op{
	wasm.OpI32Add: mir.ADD, wasm.OpI32Sub: mir.SUB, wasm.OpI32Mul: mir.MUL, wasm.OpI32And: mir.AND,
	wasm.OpI32Or: mir.ORR, wasm.OpI32Xor: mir.EOR, wasm.OpI32Shl: mir.LSLV, wasm.OpI32ShrS: mir.ASRV,
	wasm.OpI32ShrU: mir.LSRV, wasm.OpI32Rotr: mir.RORV,
	wasm.OpI64Add: mir.ADD, wasm.OpI64Sub: mir.SUB, wasm.OpI64Mul: mir.MUL, wasm.OpI64And: mir.AND,
	wasm.OpI64Or: mir.ORR, wasm.OpI64Xor: mir.EOR, wasm.OpI64Shl: mir.LSLV, wasm.OpI64ShrS: mir.ASRV,
	wasm.OpI64ShrU: mir.LSRV, wasm.OpI64Rotr: mir.RORV,
})

// intCompare maps each integer comparison to the condition that makes it true.
var intCompare = newOpTable(map[wasm.Op]mir.Cond{
	wasm.OpI32Eq: mir.EQ, wasm.OpI32Ne: mir.NE, wasm.OpI32LtS: mir.LT, wasm.OpI32LtU: mir.LO,
	wasm.OpI32GtS: mir.GT, wasm.OpI32GtU: mir.HI, wasm.OpI32LeS: mir.LE, wasm.OpI32LeU: mir.LS,
	wasm.OpI32GeS: mir.GE, wasm.OpI32GeU: mir.HS,
	wasm.OpI64Eq: mir.EQ, wasm.OpI64Ne: mir.NE, wasm.OpI64LtS: mir.LT, wasm.OpI64LtU: mir.LO,
	wasm.OpI64GtS: mir.GT, wasm.OpI64GtU: mir.HI, wasm.OpI64LeS: mir.LE, wasm.OpI64LeU: mir.LS,
	wasm.OpI64GeS: mir.GE, wasm.OpI64GeU: mir.HS,
})

// isComparison reports whether v is an integer or float comparison (or eqz), which sets the
// flags and can feed a conditional branch directly.
func isComparison(v *ssa.Value) bool {
	w := wasm.Op(v.Op)
	_, i := intCompare.get(w)
	_, f := floatCompare.get(w)
	return i || f || w == wasm.OpI32Eqz || w == wasm.OpI64Eqz
}

// compareFlags emits the comparison v into the flags and returns the condition that is true
// when v is.
func (s *selector) compareFlags(v *ssa.Value) mir.Cond {
	w := wasm.Op(v.Op)
	ow := operandWidth(v)
	if c, ok := floatCompare.get(w); ok {
		s.emit(&mir.Instr{Op: mir.FCMP, W: ow, Rn: s.use(v.Args[0]), Rm: s.use(v.Args[1])})
		return c
	}
	if c, ok := s.zeroFlags(v); ok {
		return c
	}
	k, isK := isConst(v.Args[1])
	if isK && (ow == mir.X && k <= 4095 || ow == mir.W && uint32(k) <= 4095) {
		s.emit(&mir.Instr{Op: mir.CMPI, W: ow, Rn: s.use(v.Args[0]), Imm: int64(k & 0xFFFFFFFF)})
	} else if n := negate(k, 32); isK && (ow == mir.X && -k <= 4095 || ow == mir.W && n <= 4095) {
		// cmp x, #-n sets the flags exactly as cmn x, #n (n != 0: k == 0 took the branch above)
		if ow == mir.X {
			n = -k
		}
		s.emit(&mir.Instr{Op: mir.CMNI, W: ow, Rn: s.use(v.Args[0]), Imm: int64(n)})
	} else {
		a := s.use(v.Args[0])
		s.emit(&mir.Instr{Op: mir.CMP, W: ow, Rn: a, Rm: s.use(v.Args[1])})
	}
	return intCompare.at(w)
}

// operandWidth is the width of the first operand of v.
func operandWidth(v *ssa.Value) mir.Width { return width(v.Args[0].Type) }

// intOp selects integer arithmetic, comparisons and bit operations.
func (s *selector) intOp(v *ssa.Value, w wasm.Op) bool {
	if op, ok := intBinary.get(w); ok {
		if !s.shiftedBinary(v) && !s.fusedMultiply(v) {
			s.intBinary(v, op)
		}
		return true
	}
	if isComparison(v) {
		c := s.compareFlags(v)
		s.emit(&mir.Instr{Op: mir.CSET, W: mir.W, Rd: s.def(v), Cond: c})
		return true
	}
	vw := width(v.Type)
	switch w {
	case wasm.OpI32Rotl, wasm.OpI64Rotl:
		n := s.vreg(mir.Int)
		s.emit(&mir.Instr{Op: mir.NEG, W: vw, Rd: n, Rn: s.use(v.Args[1])})
		s.emit(&mir.Instr{Op: mir.RORV, W: vw, Rd: s.def(v), Rn: s.use(v.Args[0]), Rm: n})
	case wasm.OpI32Clz, wasm.OpI64Clz:
		s.emit(&mir.Instr{Op: mir.CLZ, W: vw, Rd: s.def(v), Rn: s.use(v.Args[0])})
	case wasm.OpI32Ctz, wasm.OpI64Ctz:
		t := s.vreg(mir.Int)
		s.emit(&mir.Instr{Op: mir.RBIT, W: vw, Rd: t, Rn: s.use(v.Args[0])})
		s.emit(&mir.Instr{Op: mir.CLZ, W: vw, Rd: s.def(v), Rn: t})
	case wasm.OpI32Popcnt, wasm.OpI64Popcnt:
		// fmov to a vector register, count bits per byte, add the bytes, move back.
		fw := mir.D
		if vw == mir.W {
			fw = mir.S
		}
		t := s.vreg(mir.Float)
		s.emit(&mir.Instr{Op: mir.FMOV, W: fw, Rd: t, Rn: s.use(v.Args[0])})
		s.emit(&mir.Instr{Op: mir.CNT, Rd: t, Rn: t})
		s.emit(&mir.Instr{Op: mir.ADDV, Rd: t, Rn: t})
		s.emit(&mir.Instr{Op: mir.FMOV, W: mir.S, Rd: s.def(v), Rn: t})
	case wasm.OpI32DivU, wasm.OpI64DivU, wasm.OpI32RemU, wasm.OpI64RemU:
		s.division(v, false, w == wasm.OpI32RemU || w == wasm.OpI64RemU)
	case wasm.OpI32DivS, wasm.OpI64DivS, wasm.OpI32RemS, wasm.OpI64RemS:
		s.division(v, true, w == wasm.OpI32RemS || w == wasm.OpI64RemS)
	case wasm.OpI32Extend8S, wasm.OpI64Extend8S:
		s.emit(&mir.Instr{Op: mir.SXTB, W: vw, Rd: s.def(v), Rn: s.use(v.Args[0])})
	case wasm.OpI32Extend16S, wasm.OpI64Extend16S:
		s.emit(&mir.Instr{Op: mir.SXTH, W: vw, Rd: s.def(v), Rn: s.use(v.Args[0])})
	case wasm.OpI64Extend32S, wasm.OpI64ExtendI32S:
		s.emit(&mir.Instr{Op: mir.SXTW, W: mir.X, Rd: s.def(v), Rn: s.use(v.Args[0])})
	case wasm.OpI64ExtendI32U, wasm.OpI32WrapI64:
		// mov wd, wn clears the upper half: the zero extension, and a valid wrap.
		s.zext(s.def(v), s.use(v.Args[0]))
	case wasm.OpRefIsNull:
		s.emit(&mir.Instr{Op: mir.CMPI, W: mir.X, Rn: s.use(v.Args[0]), Imm: 0})
		s.emit(&mir.Instr{Op: mir.CSET, W: mir.W, Rd: s.def(v), Cond: mir.EQ})
	default:
		return false
	}
	return true
}

// intBinary selects a two-operand integer instruction, using immediate forms where they fit.
func (s *selector) intBinary(v *ssa.Value, op mir.Op) {
	vw := width(v.Type)
	a, b := v.Args[0], v.Args[1]
	if _, aK := isConst(a); aK && commutative[op] {
		a, b = b, a
	}
	if k, ok := isConst(b); ok {
		if vw == mir.W {
			k &= 0xFFFFFFFF
		}
		bits := uint64(32)
		if vw == mir.X {
			bits = 64
		}
		switch {
		case (op == mir.ADD || op == mir.SUB) && k <= 4095:
			iop := mir.ADDI
			if op == mir.SUB {
				iop = mir.SUBI
			}
			s.emit(&mir.Instr{Op: iop, W: vw, Rd: s.def(v), Rn: s.use(a), Imm: int64(k)})
			return
		case (op == mir.ADD || op == mir.SUB) && k != 0 && negate(k, bits) <= 4095:
			// x + (-n) is x - n, and x - (-n) is x + n (modulo the width either way).
			iop := mir.SUBI
			if op == mir.SUB {
				iop = mir.ADDI
			}
			s.emit(&mir.Instr{Op: iop, W: vw, Rd: s.def(v), Rn: s.use(a), Imm: int64(negate(k, bits))})
			return
		case op == mir.LSLV || op == mir.LSRV || op == mir.ASRV:
			iop := shiftImmOps[op]
			s.emit(&mir.Instr{Op: iop, W: vw, Rd: s.def(v), Rn: s.use(a), Imm: int64(k % bits)})
			return
		case s.logicalImm(v, op, a, k, vw):
			return
		}
	}
	s.emit(&mir.Instr{Op: op, W: vw, Rd: s.def(v), Rn: s.use(a), Rm: s.use(b)})
}

// commutative lists the operations whose operands may be swapped to put a constant second.
// shiftImmOps are the immediate forms of the register shifts.
var shiftImmOps = map[mir.Op]mir.Op{mir.LSLV: mir.LSLI, mir.LSRV: mir.LSRI, mir.ASRV: mir.ASRI}

var commutative = map[mir.Op]bool{mir.ADD: true, mir.MUL: true, mir.AND: true, mir.ORR: true, mir.EOR: true}

// negate returns -k modulo 2^bits.
func negate(k, bits uint64) uint64 {
	if bits == 32 {
		return uint64(-uint32(k))
	}
	return -k
}

// division selects div/rem with Wasm's traps: a zero divisor traps, and signed INT_MIN / -1
// overflows (INT_MIN rem -1 is 0, which sdiv+msub already computes).
func (s *selector) division(v *ssa.Value, signed, rem bool) {
	vw := width(v.Type)
	a, b := s.use(v.Args[0]), s.use(v.Args[1])
	s.emit(&mir.Instr{Op: mir.CBZ, W: vw, Rn: b, Target: s.trap("cot_trap_int_div_zero")})
	op := mir.UDIV
	if signed {
		op = mir.SDIV
		if !rem {
			// overflow iff b == -1 and a == INT_MIN
			minBits := uint64(1) << 63
			if vw == mir.W {
				minBits = 1 << 31
			}
			c1, c2 := s.vreg(mir.Int), s.vreg(mir.Int)
			s.emit(&mir.Instr{Op: mir.CMNI, W: vw, Rn: b, Imm: 1})
			s.emit(&mir.Instr{Op: mir.CSET, W: mir.W, Rd: c1, Cond: mir.EQ})
			s.emit(&mir.Instr{Op: mir.CMP, W: vw, Rn: a, Rm: s.intConst(vw, minBits)})
			s.emit(&mir.Instr{Op: mir.CSET, W: mir.W, Rd: c2, Cond: mir.EQ})
			s.emit(&mir.Instr{Op: mir.AND, W: mir.W, Rd: c1, Rn: c1, Rm: c2})
			s.emit(&mir.Instr{Op: mir.CBNZ, W: mir.W, Rn: c1, Target: s.trap("cot_trap_int_overflow")})
		}
	}
	if !rem {
		s.emit(&mir.Instr{Op: op, W: vw, Rd: s.def(v), Rn: a, Rm: b})
		return
	}
	q := s.vreg(mir.Int)
	s.emit(&mir.Instr{Op: op, W: vw, Rd: q, Rn: a, Rm: b})
	s.emit(&mir.Instr{Op: mir.MSUB, W: vw, Rd: s.def(v), Rn: q, Rm: b, Ra: a})
}

package arm64

// Constants of select-instructions (select_instructions.go): integers built with movz/movn and
// movk, floats with fmov from an immediate, from xzr or from an integer register.

import (
	"cot/ir/mir"
	"cot/ir/ssa"
)

// isConst reports whether v is a constant and returns its bits.
func isConst(v *ssa.Value) (uint64, bool) {
	if v.Op == ssa.OpConst {
		return uint64(v.Aux), true
	}
	return 0, false
}

// constant materialises bits of type t in a new register.
func (s *selector) constant(t ssa.Type, bits uint64) mir.Reg {
	if t.IsFloat() {
		w := mir.W
		if t == ssa.F64 {
			w = mir.X
		}
		if bits == 0 {
			r := s.vreg(mir.Float)
			s.emit(&mir.Instr{Op: mir.FMOV, W: width(t), Rd: r, Rn: mir.ZR})
			return r
		}
		if in, ok := floatImm(t, bits, s.mf.NewVReg(mir.Float)); ok { // isel_float_const.go
			s.emit(in)
			return in.Rd
		}
		ir := s.intConst(w, bits)
		r := s.vreg(mir.Float)
		s.emit(&mir.Instr{Op: mir.FMOV, W: width(t), Rd: r, Rn: ir})
		return r
	}
	return s.intConst(width(t), bits)
}

// intConst materialises an integer with movz/movn and movk.
func (s *selector) intConst(w mir.Width, bits uint64) mir.Reg {
	r := s.vreg(mir.Int)
	chunks := 4
	if w == mir.W {
		chunks = 2
		bits &= 0xFFFFFFFF
	}
	zeros, ones := 0, 0
	for i := 0; i < chunks; i++ {
		switch (bits >> (16 * i)) & 0xFFFF {
		case 0:
			zeros++
		case 0xFFFF:
			ones++
		}
	}
	inverted := ones > zeros
	first := true
	for i := 0; i < chunks; i++ {
		c := (bits >> (16 * i)) & 0xFFFF
		if inverted && c == 0xFFFF || !inverted && c == 0 {
			continue
		}
		switch {
		case first && inverted:
			s.emit(&mir.Instr{Op: mir.MOVN, W: w, Rd: r, Imm: int64(^c&0xFFFF) | int64(i)<<16})
		case first:
			s.emit(&mir.Instr{Op: mir.MOVZ, W: w, Rd: r, Imm: int64(c) | int64(i)<<16})
		default:
			s.emit(&mir.Instr{Op: mir.MOVK, W: w, Rd: r, Imm: int64(c) | int64(i)<<16})
		}
		first = false
	}
	if first { // all chunks zero (or all ones when inverted)
		if inverted {
			s.emit(&mir.Instr{Op: mir.MOVN, W: w, Rd: r, Imm: 0})
		} else {
			s.emit(&mir.Instr{Op: mir.MOVZ, W: w, Rd: r, Imm: 0})
		}
	}
	return r
}

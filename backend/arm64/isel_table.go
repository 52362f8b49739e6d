package arm64

import (
	"cot/ir/mir"
	"cot/ir/ssa"
	"cot/ir/wasm"
)

// tableOp selects table.get/set/size/grow/fill/copy/init, elem.drop and ref.func.
func (s *selector) tableOp(v *ssa.Value, w wasm.Op) bool {
	t := int(v.Aux)
	switch w {
	case wasm.OpRefFunc:
		r := s.symAddr(funcRefSym(int(v.Aux)))
		s.mov(mir.X, s.def(v), r)
	case wasm.OpTableGet:
		idx := s.tableIndex(t, v.Args[0])
		s.mov(mir.X, s.def(v), s.tableLoad(t, idx))
	case wasm.OpTableSet:
		idx := s.tableIndex(t, v.Args[0])
		off := s.vreg(mir.Int)
		s.emit(&mir.Instr{Op: mir.LSLI, W: mir.X, Rd: off, Rn: idx, Imm: 3})
		s.emit(&mir.Instr{Op: mir.STRR, W: mir.X, Rd: s.use(v.Args[1]), Rn: s.symAddr(tableSym(t)), Rm: off})
	case wasm.OpTableSize:
		s.emit(&mir.Instr{Op: mir.LDR, W: mir.W, Rd: s.def(v), Rn: mir.Ctx, Imm: s.layout.tableSizeOff(t)})
	case wasm.OpTableGrow:
		regs := []mir.Reg{s.symAddr(tableSym(t)), s.tableHeader(t), s.use(v.Args[0]), s.use(v.Args[1])}
		s.callRegs(helperTableGrow, regs, []mir.Width{mir.X, mir.X, mir.X, mir.W}).Defs = []mir.Reg{mir.X0}
		s.zext(s.def(v), mir.X0)
	case wasm.OpTableFill:
		regs := []mir.Reg{s.symAddr(tableSym(t)), s.tableHeader(t), s.use(v.Args[0]), s.use(v.Args[1]), s.use(v.Args[2])}
		s.callRegs(helperTableFill, regs, []mir.Width{mir.X, mir.X, mir.W, mir.X, mir.W})
	case wasm.OpTableCopy:
		dst, src := int(v.Aux), int(v.Aux2)
		regs := []mir.Reg{s.symAddr(tableSym(dst)), s.tableHeader(dst), s.symAddr(tableSym(src)), s.tableHeader(src),
			s.use(v.Args[0]), s.use(v.Args[1]), s.use(v.Args[2])}
		s.callRegs(helperTableCopy, regs, []mir.Width{mir.X, mir.X, mir.X, mir.X, mir.W, mir.W, mir.W})
	case wasm.OpTableInit:
		e, tab := int(v.Aux), int(v.Aux2)
		regs := []mir.Reg{s.symAddr(tableSym(tab)), s.tableHeader(tab), s.symAddr(elemSym(e)), s.ctxAddr(s.layout.elemLenOff(e)),
			s.use(v.Args[0]), s.use(v.Args[1]), s.use(v.Args[2])}
		s.callRegs(helperTableInit, regs, []mir.Width{mir.X, mir.X, mir.X, mir.X, mir.W, mir.W, mir.W})
	case wasm.OpElemDrop:
		s.emit(&mir.Instr{Op: mir.STR, W: mir.X, Rd: mir.ZR, Rn: mir.Ctx, Imm: s.layout.elemLenOff(t)})
	default:
		return false
	}
	return true
}

// ctxAddr returns x25 + off.
func (s *selector) ctxAddr(off int64) mir.Reg {
	r := s.vreg(mir.Int)
	if off <= 4095 {
		s.emit(&mir.Instr{Op: mir.ADDI, W: mir.X, Rd: r, Rn: mir.Ctx, Imm: off})
	} else {
		s.emit(&mir.Instr{Op: mir.ADD, W: mir.X, Rd: r, Rn: mir.Ctx, Rm: s.intConst(mir.X, uint64(off))})
	}
	return r
}

// tableHeader returns the address of table t's (size, max) words.
func (s *selector) tableHeader(t int) mir.Reg { return s.ctxAddr(s.layout.tableSizeOff(t)) }

// tableIndex zero-extends an element index and checks it against table t's size.
func (s *selector) tableIndex(t int, v *ssa.Value) mir.Reg {
	idx := s.use(v) // zero-extended
	size := s.vreg(mir.Int)
	s.emit(&mir.Instr{Op: mir.LDR, W: mir.X, Rd: size, Rn: mir.Ctx, Imm: s.layout.tableSizeOff(t)})
	s.emit(&mir.Instr{Op: mir.CMP, W: mir.X, Rn: idx, Rm: size})
	s.trapIf(mir.HS, "cot_trap_table_oob")
	return idx
}

// tableLoad loads element idx (already checked) of table t.
func (s *selector) tableLoad(t int, idx mir.Reg) mir.Reg {
	ref := s.vreg(mir.Int)
	s.emit(&mir.Instr{Op: mir.LDRR, W: mir.X, Rd: ref, Rn: s.symAddr(tableSym(t)), Rm: idx, Imm: 3}) // [base, idx, lsl #3]
	return ref
}

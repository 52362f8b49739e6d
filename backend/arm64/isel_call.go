package arm64

import (
	"cot/ir/mir"
	"cot/ir/ssa"
)

// Calling convention (docs/arm64-abi.md, extended for internal calls): integer arguments in
// x0..x7, float arguments in v0..v7, in order per class; further arguments in 8-byte stack slots
// at the caller's sp, in argument order. Results likewise: x0..x7 / v0..v7, then 8-byte slots in
// the same outgoing area (the callee writes them at its fp+16).

// argLoc says where one argument or result travels: a register, or stack slot Slot.
type argLoc struct {
	reg  mir.Reg
	slot int
}

// assign returns the locations of values of the given types and how many stack slots they use.
func assign(types []ssa.Type) ([]argLoc, int) {
	ni, nf, ns := 0, 0, 0
	out := make([]argLoc, len(types))
	for i, t := range types {
		switch {
		case t.IsFloat() && nf < 8:
			out[i] = argLoc{reg: mir.V(nf), slot: -1}
			nf++
		case !t.IsFloat() && ni < 8:
			out[i] = argLoc{reg: mir.Reg(ni), slot: -1}
			ni++
		default:
			out[i] = argLoc{reg: mir.NoReg, slot: ns}
			ns++
		}
	}
	return out, ns
}

func (s *selector) reserveOutArgs(slots int) {
	if n := int64(slots * 8); n > s.mf.OutArgs {
		s.mf.OutArgs = (n + 15) &^ 15
	}
}

func types(vs []*ssa.Value) []ssa.Type {
	var out []ssa.Type
	for _, v := range vs {
		out = append(out, v.Type)
	}
	return out
}

// receive copies a value arriving in an ABI register. An i32 is zero-extended, as the ABI leaves
// its upper half undefined: inside compiled code every i32 register is kept zero-extended (all
// 32-bit instructions clear the upper half), so addresses need no extension.
func (s *selector) receive(t ssa.Type, dst, src mir.Reg) {
	if t == ssa.I32 {
		s.zext(dst, src)
		return
	}
	s.mov(width(t), dst, src)
}

// receiveParams copies the entry block's parameters from their ABI locations.
func (s *selector) receiveParams(b *ssa.Block) {
	locs, _ := assign(types(b.Params))
	for i, p := range b.Params {
		if locs[i].reg != mir.NoReg {
			s.receive(p.Type, s.reg(p), locs[i].reg)
		} else {
			s.emit(&mir.Instr{Op: mir.LDR, W: width(p.Type), Rd: s.reg(p), Rn: mir.FP, Imm: 16 + 8*int64(locs[i].slot)})
		}
	}
}

func (s *selector) lowerReturn(vals []*ssa.Value) {
	locs, _ := assign(types(vals))
	var uses []mir.Reg
	srcs := make([]mir.Reg, len(vals))
	for i, v := range vals {
		srcs[i] = s.use(v)
	}
	for i, v := range vals {
		if locs[i].reg != mir.NoReg {
			s.mov(width(v.Type), locs[i].reg, srcs[i])
			uses = append(uses, locs[i].reg)
		} else {
			s.emit(&mir.Instr{Op: mir.STR, W: width(v.Type), Rd: srcs[i], Rn: mir.FP, Imm: 16 + 8*int64(locs[i].slot)})
		}
	}
	s.emit(&mir.Instr{Op: mir.RET, Uses: uses})
}

// results returns the OpResult values of call c, by result index.
func results(c *ssa.Value) []*ssa.Value {
	var out []*ssa.Value
	for _, v := range c.Block.Instrs {
		if v.Op == ssa.OpResult && v.Args[0] == c {
			out = append(out, v)
		}
	}
	return out
}

// placeArgs moves argument registers to their ABI locations and returns the registers used.
func (s *selector) placeArgs(regs []mir.Reg, ts []ssa.Type) []mir.Reg {
	locs, ns := assign(ts)
	s.reserveOutArgs(ns)
	var uses []mir.Reg
	for i, r := range regs {
		if locs[i].reg != mir.NoReg {
			s.mov(width(ts[i]), locs[i].reg, r)
			uses = append(uses, locs[i].reg)
		} else {
			s.emit(&mir.Instr{Op: mir.STR, W: width(ts[i]), Rd: r, Rn: mir.SP, Imm: 8 * int64(locs[i].slot)})
		}
	}
	return uses
}

// bindResults copies call results from their ABI locations into the result values' registers.
func (s *selector) bindResults(res []*ssa.Value, ts []ssa.Type) {
	locs, ns := assign(ts)
	s.reserveOutArgs(ns)
	for _, r := range res {
		i := int(r.Aux)
		if locs[i].reg != mir.NoReg {
			s.receive(r.Type, s.def(r), locs[i].reg)
		} else {
			s.emit(&mir.Instr{Op: mir.LDR, W: width(r.Type), Rd: s.def(r), Rn: mir.SP, Imm: 8 * int64(locs[i].slot)})
		}
	}
}

func (s *selector) lowerCall(v *ssa.Value) {
	m := s.p.Module
	var sigResults []ssa.Type
	var target mir.Reg = mir.NoReg
	args := v.Args
	var sym string
	if v.Op == ssa.OpCall {
		sym = s.layout.funcSyms[v.Aux]
		for _, t := range m.FuncTypeOf(uint32(v.Aux)).Results {
			sigResults = append(sigResults, ssa.FromWasm(t))
		}
	} else {
		for _, t := range m.Types[v.Aux].Results {
			sigResults = append(sigResults, ssa.FromWasm(t))
		}
		args = v.Args[:len(v.Args)-1]
		target = s.indirectTarget(v.Args[len(v.Args)-1], int(v.Aux2), int(v.Aux))
	}
	regs := make([]mir.Reg, len(args))
	for i, a := range args {
		regs[i] = s.use(a)
	}
	uses := s.placeArgs(regs, types(args))
	locs, _ := assign(sigResults)
	var defs []mir.Reg
	for _, l := range locs {
		if l.reg != mir.NoReg {
			defs = append(defs, l.reg)
		}
	}
	if target == mir.NoReg {
		s.emit(&mir.Instr{Op: mir.BL, Sym: sym, Uses: uses, Defs: defs})
	} else {
		s.emit(&mir.Instr{Op: mir.BLR, Rn: target, Uses: uses, Defs: defs})
	}
	s.bindResults(results(v), sigResults)
}

// indirectTarget checks table element idx of table t for call_indirect with type typeIdx and
// returns the code address to call.
func (s *selector) indirectTarget(idxV *ssa.Value, t, typeIdx int) mir.Reg {
	idx := s.use(idxV) // zero-extended
	size := s.vreg(mir.Int)
	s.emit(&mir.Instr{Op: mir.LDR, W: mir.X, Rd: size, Rn: mir.Ctx, Imm: s.layout.tableSizeOff(t)})
	s.emit(&mir.Instr{Op: mir.CMP, W: mir.X, Rn: idx, Rm: size})
	s.trapIf(mir.HS, "cot_trap_undefined_element")
	ref := s.tableLoad(t, idx)
	s.emit(&mir.Instr{Op: mir.CBZ, W: mir.X, Rn: ref, Target: s.trap("cot_trap_uninitialized_element")})
	typ := s.vreg(mir.Int)
	s.emit(&mir.Instr{Op: mir.LDR, W: mir.X, Rd: typ, Rn: ref, Imm: 8})
	s.cmpImm(mir.X, typ, uint64(s.layout.typeID[typeIdx]))
	s.trapIf(mir.NE, "cot_trap_indirect_type")
	code := s.vreg(mir.Int)
	s.emit(&mir.Instr{Op: mir.LDR, W: mir.X, Rd: code, Rn: ref, Imm: 0})
	return code
}

// callRuntime calls a runtime or helper routine with SSA arguments and an optional result.
func (s *selector) callRuntime(sym string, args []*ssa.Value, result *ssa.Value) {
	regs := make([]mir.Reg, len(args))
	for i, a := range args {
		regs[i] = s.use(a)
	}
	uses := s.placeArgs(regs, types(args))
	call := s.emit(&mir.Instr{Op: mir.BL, Sym: sym, Uses: uses})
	if result != nil {
		loc, _ := assign([]ssa.Type{result.Type})
		call.Defs = []mir.Reg{loc[0].reg}
		s.receive(result.Type, s.def(result), loc[0].reg)
	}
}

// callRegs calls a helper with integer register arguments of the given widths.
func (s *selector) callRegs(sym string, regs []mir.Reg, ws []mir.Width) *mir.Instr {
	var uses []mir.Reg
	for i, r := range regs {
		s.mov(ws[i], mir.Reg(i), r)
		uses = append(uses, mir.Reg(i))
	}
	return s.emit(&mir.Instr{Op: mir.BL, Sym: sym, Uses: uses})
}

package arm64

import (
	"cot/backend/arm64/rt"
	"cot/ir/mir"
	"cot/ir/ssa"
	"cot/ir/wasm"
)

// memAccess describes a load or store opcode: access width, register width, sign extension.
type memAccess struct {
	size   int64
	access mir.Width // Byte, Half, W, X, S, D
	reg    mir.Width // register width of the value
	signed bool
	store  bool
}

var memAccesses = newOpTable(map[wasm.Op]memAccess{
	wasm.OpI32Load: {4, mir.W, mir.W, false, false}, wasm.OpI64Load: {8, mir.X, mir.X, false, false},
	wasm.OpF32Load: {4, mir.S, mir.S, false, false}, wasm.OpF64Load: {8, mir.D, mir.D, false, false},
	wasm.OpI32Load8S: {1, mir.Byte, mir.W, true, false}, wasm.OpI32Load8U: {1, mir.Byte, mir.W, false, false},
	wasm.OpI32Load16S: {2, mir.Half, mir.W, true, false}, wasm.OpI32Load16U: {2, mir.Half, mir.W, false, false},
	wasm.OpI64Load8S: {1, mir.Byte, mir.X, true, false}, wasm.OpI64Load8U: {1, mir.Byte, mir.X, false, false},
	wasm.OpI64Load16S: {2, mir.Half, mir.X, true, false}, wasm.OpI64Load16U: {2, mir.Half, mir.X, false, false},
	wasm.OpI64Load32S: {4, mir.W, mir.X, true, false}, wasm.OpI64Load32U: {4, mir.W, mir.X, false, false},
	wasm.OpI32Store: {4, mir.W, mir.W, false, true}, wasm.OpI64Store: {8, mir.X, mir.X, false, true},
	wasm.OpF32Store: {4, mir.S, mir.S, false, true}, wasm.OpF64Store: {8, mir.D, mir.D, false, true},
	wasm.OpI32Store8: {1, mir.Byte, mir.W, false, true}, wasm.OpI32Store16: {2, mir.Half, mir.W, false, true},
	wasm.OpI64Store8: {1, mir.Byte, mir.X, false, true}, wasm.OpI64Store16: {2, mir.Half, mir.X, false, true},
	wasm.OpI64Store32: {4, mir.W, mir.X, false, true},
})

// memOp selects loads, stores and memory.size/grow/copy/fill/init, data.drop.
func (s *selector) memOp(v *ssa.Value, w wasm.Op) bool {
	if acc, ok := memAccesses.get(w); ok {
		s.access(v, acc)
		return true
	}
	switch w {
	case wasm.OpMemorySize:
		s.emit(&mir.Instr{Op: mir.LSRI, W: mir.X, Rd: s.def(v), Rn: mir.MemSize, Imm: 16})
	case wasm.OpMemoryGrow:
		s.callRuntime("cot_rt_memory_grow", []*ssa.Value{v.Args[0]}, v)
	case wasm.OpMemoryFill:
		s.callRuntime(helperMemoryFill, v.Args, nil)
	case wasm.OpMemoryCopy:
		s.callRuntime(helperMemoryCopy, v.Args, nil)
	case wasm.OpMemoryInit:
		s.segmentCall(helperMemoryInit, dataSym(int(v.Aux)), s.layout.dataLenOff(int(v.Aux)), v.Args)
	case wasm.OpDataDrop:
		s.emit(&mir.Instr{Op: mir.STR, W: mir.X, Rd: mir.ZR, Rn: mir.Ctx, Imm: s.layout.dataLenOff(int(v.Aux))})
	default:
		return false
	}
	return true
}

// address computes the zero-extended Wasm address of v's first operand plus its offset, the
// 64-bit index to add to the memory base. An access whose offset + size is at most
// rt.OffsetGuard needs no check: whatever the index, it lands in the runtime's reservation, where
// an access beyond the memory's size faults and the fault handler traps (docs/decisions.md,
// "native bounds checks"). A larger offset is checked explicitly, [index, index+size) against
// the memory size, unless a dominating access proved it (see eliminate-bounds-checks).
func (s *selector) address(v *ssa.Value, size int64) mir.Reg {
	addr := s.use(v.Args[0]) // already zero-extended (see receive)
	off := uint64(v.Aux)
	ea := addr
	if off > 0 && off <= 4095 {
		ea = s.vreg(mir.Int)
		s.emit(&mir.Instr{Op: mir.ADDI, W: mir.X, Rd: ea, Rn: addr, Imm: int64(off)})
	} else if off > 4095 {
		ea = s.vreg(mir.Int)
		s.emit(&mir.Instr{Op: mir.ADD, W: mir.X, Rd: ea, Rn: addr, Rm: s.intConst(mir.X, off)})
	}
	if !guarded(off, size) && v.Aux2 != ssa.AccessInBounds {
		s.boundsCheck(ea, size)
	}
	return ea
}

// boundsCheck traps unless ea+size <= the memory size. The fast path is one comparison with
// x18 (memory size - 7, docs/arm64-abi.md), which proves any access of up to 8 bytes in bounds;
// when it fails, an out-of-line block makes the exact check and traps or comes back (for an
// 8-byte access the comparison is exact and traps itself):
//
//	cmp x%ea, x18 ; b.hs .Lslow ; b .Lresume     .Lslow: add x%t, x%ea, #size ;
//	                                             cmp x%t, x27 ; b.hi trap ; b .Lresume
func (s *selector) boundsCheck(ea mir.Reg, size int64) {
	s.emit(&mir.Instr{Op: mir.CMP, W: mir.X, Rn: ea, Rm: mir.MemLimit})
	if size == 8 { // ea < x18 is exactly ea+8 <= x27: no slow path
		s.trapIf(mir.HS, "cot_trap_oob")
		return
	}
	slow, resume := s.newBlock(), s.newBlock()
	s.emit(&mir.Instr{Op: mir.BCOND, Cond: mir.HS, Target: slow.ID})
	s.emit(&mir.Instr{Op: mir.B, Target: resume.ID})
	s.cur = slow
	end := s.vreg(mir.Int)
	s.emit(&mir.Instr{Op: mir.ADDI, W: mir.X, Rd: end, Rn: ea, Imm: size})
	s.emit(&mir.Instr{Op: mir.CMP, W: mir.X, Rn: end, Rm: mir.MemSize})
	s.trapIf(mir.HI, "cot_trap_oob")
	s.emit(&mir.Instr{Op: mir.B, Target: resume.ID})
	s.cur = resume
}

// immediateAccess chooses the base-plus-immediate form [base, #off] (off a multiple of the
// access size, below 4096 of them) for a guarded access: with a constant address, base x28 and
// off the whole effective address; else base x28 + address, computed once per block for every
// access to that address, so a run of field accesses costs one add, not one per access:
//
//	v5 = f64.load v3 aux=0xd50 ; v6 = f64.load v3 aux=0xd58
//	  =>  add x%9, x28, x%3 ; ldr d%5, [x%9, #3408] ; ldr d%6, [x%9, #3416]
//
// An access at offset 0 keeps the register-offset form [x28, x%a] (one instruction already).
func (s *selector) immediateAccess(v *ssa.Value, size int64) (mir.Reg, int64, bool) {
	off := uint64(v.Aux)
	a := v.Args[0]
	fits := func(x uint64) bool { return x%uint64(size) == 0 && x/uint64(size) <= 4095 }
	if a.Op == ssa.OpConst {
		ea := uint64(uint32(a.Aux)) + off
		return mir.MemBase, int64(ea), fits(ea)
	}
	if off == 0 || !guarded(off, size) || !fits(off) {
		return mir.NoReg, 0, false
	}
	if !s.bases.has(a) {
		base := s.vreg(mir.Int)
		s.emit(&mir.Instr{Op: mir.ADD, W: mir.X, Rd: base, Rn: mir.MemBase, Rm: s.use(a)})
		s.bases.add(a)
		*s.bases.reg.at(a) = base
	}
	base := *s.bases.reg.at(a)
	return base, int64(off), true
}

// guarded reports whether an access at any 32-bit index plus offset off, of size bytes, stays
// within the reservation of 4 GiB + rt.OffsetGuard.
func guarded(off uint64, size int64) bool { return off+uint64(size) <= rt.OffsetGuard }

func (s *selector) access(v *ssa.Value, acc memAccess) {
	if base, off, ok := s.immediateAccess(v, acc.size); ok {
		if acc.store {
			s.emit(&mir.Instr{Op: mir.STR, W: acc.access, Rd: s.use(v.Args[1]), Rn: base, Imm: off})
			return
		}
		op := mir.LDR
		if acc.signed {
			op = mir.LDRS
		}
		s.emit(&mir.Instr{Op: op, W: acc.access, W2: acc.reg, Rd: s.def(v), Rn: base, Imm: off})
		return
	}
	ea := s.address(v, acc.size)
	if acc.store {
		s.emit(&mir.Instr{Op: mir.STRR, W: acc.access, Rd: s.use(v.Args[1]), Rn: mir.MemBase, Rm: ea})
		return
	}
	op := mir.LDRR
	if acc.signed {
		op = mir.LDRSR
	}
	s.emit(&mir.Instr{Op: op, W: acc.access, W2: acc.reg, Rd: s.def(v), Rn: mir.MemBase, Rm: ea})
}

// globalGet loads a global from the module data block (x25).
func (s *selector) globalGet(v *ssa.Value) {
	s.emit(&mir.Instr{Op: mir.LDR, W: width(v.Type), Rd: s.def(v), Rn: mir.Ctx, Imm: s.layout.globalOff(int(v.Aux))})
}

func (s *selector) globalSet(v *ssa.Value) {
	s.emit(&mir.Instr{Op: mir.STR, W: width(v.Args[0].Type), Rd: s.use(v.Args[0]), Rn: mir.Ctx, Imm: s.layout.globalOff(int(v.Aux))})
}

// symAddr materialises the address of a symbol.
func (s *selector) symAddr(sym string) mir.Reg {
	r := s.vreg(mir.Int)
	s.emit(&mir.Instr{Op: mir.ADRP, Rd: r, Sym: sym})
	s.emit(&mir.Instr{Op: mir.ADDLO, Rd: r, Rn: r, Sym: sym})
	return r
}

// segmentCall calls an init helper with (dst, src offset, n, segment address, segment length
// address) for memory.init and table.init.
func (s *selector) segmentCall(helper, seg string, lenOff int64, args []*ssa.Value) {
	lenAddr := s.vreg(mir.Int)
	if lenOff <= 4095 {
		s.emit(&mir.Instr{Op: mir.ADDI, W: mir.X, Rd: lenAddr, Rn: mir.Ctx, Imm: lenOff})
	} else {
		s.emit(&mir.Instr{Op: mir.ADD, W: mir.X, Rd: lenAddr, Rn: mir.Ctx, Rm: s.intConst(mir.X, uint64(lenOff))})
	}
	regs := []mir.Reg{s.use(args[0]), s.use(args[1]), s.use(args[2]), s.symAddr(seg), lenAddr}
	s.callRegs(helper, regs, []mir.Width{mir.W, mir.W, mir.W, mir.X, mir.X})
}

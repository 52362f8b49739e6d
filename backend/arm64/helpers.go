package arm64

import "cot/ir/mir"

// Bulk memory and table helpers: small loops the compiled code calls for memory.fill/copy/init
// and table.grow/fill/copy/init. They are machine functions over physical registers (arguments
// in x0..x6, temporaries x9..x13) and go through the rest of the pipeline like compiled code.
// Every bounds check happens before the first write, as the spec requires.
const (
	helperMemoryFill = "cot_helper_memory_fill" // (w0 dst, w1 byte, w2 n)
	helperMemoryCopy = "cot_helper_memory_copy" // (w0 dst, w1 src, w2 n), overlap-safe
	helperMemoryInit = "cot_helper_memory_init" // (w0 dst, w1 src, w2 n, x3 segment, x4 &segment length)
	helperTableGrow  = "cot_helper_table_grow"  // (x0 elems, x1 &size, x2 ref, w3 delta) -> w0
	helperTableFill  = "cot_helper_table_fill"  // (x0 elems, x1 &size, w2 i, x3 ref, w4 n)
	helperTableCopy  = "cot_helper_table_copy"  // (x0 dst elems, x1 &dst size, x2 src elems, x3 &src size, w4 d, w5 s, w6 n)
	helperTableInit  = "cot_helper_table_init"  // (x0 elems, x1 &size, x2 segment, x3 &segment length, w4 d, w5 s, w6 n)
)

// hb builds a helper function block by block.
type hb struct {
	f   *mir.Func
	cur *mir.Block
}

func newHelper(name string, nblocks int) *hb {
	h := &hb{f: &mir.Func{Name: name}}
	for i := 0; i < nblocks; i++ {
		h.f.Blocks = append(h.f.Blocks, &mir.Block{ID: i})
	}
	h.cur = h.f.Blocks[0]
	return h
}

func (h *hb) at(id int) *hb { h.cur = h.f.Blocks[id]; return h }

func (h *hb) i(in mir.Instr) *hb { h.cur.Instrs = append(h.cur.Instrs, &in); return h }

func (h *hb) zext(rd, rn mir.Reg) *hb { return h.i(mir.Instr{Op: mir.MOV, W: mir.W, Rd: rd, Rn: rn}) }
func (h *hb) add(rd, rn, rm mir.Reg) *hb {
	return h.i(mir.Instr{Op: mir.ADD, W: mir.X, Rd: rd, Rn: rn, Rm: rm})
}
func (h *hb) addi(rd, rn mir.Reg, k int64) *hb {
	return h.i(mir.Instr{Op: mir.ADDI, W: mir.X, Rd: rd, Rn: rn, Imm: k})
}
func (h *hb) subi(rd, rn mir.Reg, k int64) *hb {
	return h.i(mir.Instr{Op: mir.SUBI, W: mir.X, Rd: rd, Rn: rn, Imm: k})
}
func (h *hb) lsl3(rd, rn mir.Reg) *hb {
	return h.i(mir.Instr{Op: mir.LSLI, W: mir.X, Rd: rd, Rn: rn, Imm: 3})
}

// check traps with sym when a > b (unsigned 64-bit); trap is the trap block id.
func (h *hb) check(a, b mir.Reg, trap int) *hb {
	h.i(mir.Instr{Op: mir.CMP, W: mir.X, Rn: a, Rm: b})
	return h.i(mir.Instr{Op: mir.BCOND, Cond: mir.HI, Target: trap})
}
func (h *hb) b(id int) *hb { return h.i(mir.Instr{Op: mir.B, Target: id}) }
func (h *hb) cbz(r mir.Reg, id int) *hb {
	return h.i(mir.Instr{Op: mir.CBZ, W: mir.X, Rn: r, Target: id})
}
func (h *hb) ret() *hb            { return h.i(mir.Instr{Op: mir.RET}) }
func (h *hb) trap(sym string) *hb { return h.i(mir.Instr{Op: mir.TRAP, Sym: sym}) }
func (h *hb) ld(w mir.Width, rt, rn mir.Reg, off int64) *hb {
	return h.i(mir.Instr{Op: mir.LDR, W: w, Rd: rt, Rn: rn, Imm: off})
}
func (h *hb) st(w mir.Width, rt, rn mir.Reg, off int64) *hb {
	return h.i(mir.Instr{Op: mir.STR, W: w, Rd: rt, Rn: rn, Imm: off})
}

// forwardCopy emits, in block id, a loop copying x11 elements of width w from [x10] to [x9],
// then branching to done.
func (h *hb) forwardCopy(id int, w mir.Width, size int64, done int) {
	h.at(id).cbz(11, done).ld(w, 12, 10, 0).st(w, 12, 9, 0).addi(9, 9, size).addi(10, 10, size).subi(11, 11, 1).b(id)
}

func helperFuncs() []*mir.Func {
	var out []*mir.Func
	// memory.fill: 0 entry, 1 loop, 2 done, 3 trap
	h := newHelper(helperMemoryFill, 4)
	h.zext(9, 0).zext(10, 2).add(11, 9, 10).check(11, mir.MemSize, 3).add(9, mir.MemBase, 9).b(1)
	h.at(1).cbz(10, 2).st(mir.Byte, 1, 9, 0).addi(9, 9, 1).subi(10, 10, 1).b(1)
	h.at(2).ret()
	h.at(3).trap("cot_trap_oob")
	out = append(out, h.f)

	// memory.copy: 0 entry, 1 forward, 2 done, 3 trap, 4 backward
	h = newHelper(helperMemoryCopy, 5)
	h.zext(9, 0).zext(10, 1).zext(11, 2).add(12, 9, 11).check(12, mir.MemSize, 3).add(12, 10, 11).check(12, mir.MemSize, 3)
	h.add(9, mir.MemBase, 9).add(10, mir.MemBase, 10).check(9, 10, 4).b(1)
	h.forwardCopy(1, mir.Byte, 1, 2)
	h.at(4).cbz(11, 2).subi(11, 11, 1).
		i(mir.Instr{Op: mir.LDRR, W: mir.Byte, Rd: 12, Rn: 10, Rm: 11}).
		i(mir.Instr{Op: mir.STRR, W: mir.Byte, Rd: 12, Rn: 9, Rm: 11}).b(4)
	h.at(2).ret()
	h.at(3).trap("cot_trap_oob")
	out = append(out, h.f)

	// memory.init: 0 entry, 1 loop, 2 done, 3 trap
	h = newHelper(helperMemoryInit, 4)
	h.zext(9, 0).zext(10, 1).zext(11, 2).ld(mir.X, 12, 4, 0).add(13, 10, 11).check(13, 12, 3).
		add(13, 9, 11).check(13, mir.MemSize, 3).add(9, mir.MemBase, 9).add(10, 3, 10).b(1)
	h.forwardCopy(1, mir.Byte, 1, 2)
	h.at(2).ret()
	h.at(3).trap("cot_trap_oob")
	out = append(out, h.f)

	// table.grow: 0 entry, 1 fill loop, 2 done, 3 fail
	h = newHelper(helperTableGrow, 4)
	h.zext(11, 3).ld(mir.X, 9, 1, 0).add(10, 9, 11).ld(mir.X, 12, 1, 8).check(10, 12, 3).st(mir.X, 10, 1, 0).
		lsl3(13, 9).add(13, 0, 13).b(1)
	h.at(1).cbz(11, 2).st(mir.X, 2, 13, 0).addi(13, 13, 8).subi(11, 11, 1).b(1)
	h.at(2).i(mir.Instr{Op: mir.MOV, W: mir.W, Rd: 0, Rn: 9}).ret()
	h.at(3).i(mir.Instr{Op: mir.MOVN, W: mir.W, Rd: 0, Imm: 0}).ret()
	out = append(out, h.f)

	// table.fill: 0 entry, 1 loop, 2 done, 3 trap
	h = newHelper(helperTableFill, 4)
	h.zext(9, 2).zext(11, 4).ld(mir.X, 12, 1, 0).add(10, 9, 11).check(10, 12, 3).lsl3(13, 9).add(13, 0, 13).b(1)
	h.at(1).cbz(11, 2).st(mir.X, 3, 13, 0).addi(13, 13, 8).subi(11, 11, 1).b(1)
	h.at(2).ret()
	h.at(3).trap("cot_trap_table_oob")
	out = append(out, h.f)

	// table.copy: 0 entry, 1 forward, 2 done, 3 trap, 4 backward
	h = newHelper(helperTableCopy, 5)
	h.zext(9, 4).zext(10, 5).zext(11, 6).ld(mir.X, 12, 1, 0).add(13, 9, 11).check(13, 12, 3).
		ld(mir.X, 12, 3, 0).add(13, 10, 11).check(13, 12, 3).
		lsl3(9, 9).add(9, 0, 9).lsl3(10, 10).add(10, 2, 10).check(9, 10, 4).b(1)
	h.forwardCopy(1, mir.X, 8, 2)
	h.at(4).cbz(11, 2).subi(11, 11, 1).lsl3(13, 11).
		i(mir.Instr{Op: mir.LDRR, W: mir.X, Rd: 12, Rn: 10, Rm: 13}).
		i(mir.Instr{Op: mir.STRR, W: mir.X, Rd: 12, Rn: 9, Rm: 13}).b(4)
	h.at(2).ret()
	h.at(3).trap("cot_trap_table_oob")
	out = append(out, h.f)

	// table.init: 0 entry, 1 loop, 2 done, 3 trap
	h = newHelper(helperTableInit, 4)
	h.zext(9, 4).zext(10, 5).zext(11, 6).ld(mir.X, 12, 3, 0).add(13, 10, 11).check(13, 12, 3).
		ld(mir.X, 12, 1, 0).add(13, 9, 11).check(13, 12, 3).
		lsl3(9, 9).add(9, 0, 9).lsl3(10, 10).add(10, 2, 10).b(1)
	h.forwardCopy(1, mir.X, 8, 2)
	h.at(2).ret()
	h.at(3).trap("cot_trap_table_oob")
	out = append(out, h.f)
	return out
}

package enc

// B is B label (PC-relative, ±128 MiB).
func B(off BranchOff) uint32 { return 0x14000000 | off.field(26) }

// Bl is BL label (PC-relative call, ±128 MiB).
func Bl(off BranchOff) uint32 { return 0x94000000 | off.field(26) }

// BCond is B.cond label (±1 MiB).
func BCond(c Cond, off BranchOff) uint32 { return 0x54000000 | off.field(19)<<5 | uint32(c&15) }

// Cbz is CBZ Rt, label (branch if the w or x register is zero).
func Cbz(w Width, rt Reg, off BranchOff) uint32 {
	return w.sf() | 0x34000000 | off.field(19)<<5 | rz(rt)
}

// Cbnz is CBNZ Rt, label.
func Cbnz(w Width, rt Reg, off BranchOff) uint32 {
	return w.sf() | 0x35000000 | off.field(19)<<5 | rz(rt)
}

// Tbz is TBZ Rt, #bit, label (branch if the bit is zero; ±32 KiB). A bit >= 32 uses the x register.
func Tbz(rt Reg, bit Bit, off BranchOff) uint32 { return testBranch(0x36000000, rt, bit, off) }

// Tbnz is TBNZ Rt, #bit, label.
func Tbnz(rt Reg, bit Bit, off BranchOff) uint32 { return testBranch(0x37000000, rt, bit, off) }

func testBranch(base uint32, rt Reg, bit Bit, off BranchOff) uint32 {
	b := uint32(bit.n)
	return base | (b>>5)<<31 | (b&31)<<19 | off.field(14)<<5 | rz(rt)
}

// Br is BR Xn (indirect jump).
func Br(rn Reg) uint32 { return 0xD61F0000 | rz(rn)<<5 }

// Blr is BLR Xn (indirect call).
func Blr(rn Reg) uint32 { return 0xD63F0000 | rz(rn)<<5 }

// Ret is RET (returns through x30).
func Ret() uint32 { return RetReg(LR) }

// RetReg is RET Xn.
func RetReg(rn Reg) uint32 { return 0xD65F0000 | rz(rn)<<5 }

// Adr is ADR Xd, label (PC-relative address, ±1 MiB).
func Adr(rd Reg, off AdrOff) uint32 {
	if off.page {
		panic("enc: ADR with a page offset")
	}
	return 0x10000000 | off.field() | rz(rd)
}

// Adrp is ADRP Xd, label (address of the 4 KiB page, ±4 GiB).
func Adrp(rd Reg, pages AdrOff) uint32 {
	if !pages.page {
		panic("enc: ADRP with a byte offset")
	}
	return 0x90000000 | pages.field() | rz(rd)
}

// Svc is SVC #imm (Linux system call: svc #0).
func Svc(imm Imm16) uint32 { return 0xD4000001 | uint32(imm.v)<<5 }

// Brk is BRK #imm (breakpoint).
func Brk(imm Imm16) uint32 { return 0xD4200000 | uint32(imm.v)<<5 }

// Udf is UDF #imm (permanently undefined).
func Udf(imm Imm16) uint32 { return uint32(imm.v) }

// Nop is NOP.
func Nop() uint32 { return 0xD503201F }

// DmbIsh is DMB ISH (inner-shareable data memory barrier).
func DmbIsh() uint32 { return 0xD5033BBF }

// Isb is ISB.
func Isb() uint32 { return 0xD5033FDF }

// Patching: the linker and the label fixups of obj.Builder rewrite the offset field of an
// already-encoded instruction.

// PatchBranch26 sets the imm26 field of a B/BL word.
func PatchBranch26(word uint32, off BranchOff) uint32 {
	return word&^(1<<26-1) | off.field(26)
}

// PatchBranch19 sets the imm19 field (bits 5..23) of a B.cond/CBZ/CBNZ/LDR-literal word.
func PatchBranch19(word uint32, off BranchOff) uint32 {
	return word&^((1<<19-1)<<5) | off.field(19)<<5
}

// PatchBranch14 sets the imm14 field (bits 5..18) of a TBZ/TBNZ word.
func PatchBranch14(word uint32, off BranchOff) uint32 {
	return word&^((1<<14-1)<<5) | off.field(14)<<5
}

// PatchAdr sets the immhi:immlo field of an ADR or ADRP word.
func PatchAdr(word uint32, off AdrOff) uint32 {
	return word&^(3<<29|(1<<19-1)<<5) | off.field()
}

// PatchImm12 sets the imm12 field (bits 10..21) of an ADD (immediate) or unsigned-offset
// load/store word to v, which the caller has already scaled; it reports whether v fits.
func PatchImm12(word uint32, v uint64) (uint32, bool) {
	if v >= 1<<12 {
		return word, false
	}
	return word&^((1<<12-1)<<10) | uint32(v)<<10, true
}

package enc

// Bitfield: sf opc 100110 N immr imms Rn Rd (N = sf).

func bitfield(base uint32, w Width, rd, rn Reg, immr, imms uint32) uint32 {
	return w.sf() | base | uint32(w)<<22 | immr<<16 | imms<<10 | rz(rn)<<5 | rz(rd)
}

// Ubfm is UBFM Rd, Rn, #immr, #imms (the general form behind LSL/LSR/UBFX/UXTB...).
func Ubfm(w Width, rd, rn Reg, immr, imms Amount) uint32 {
	return bitfield(0x53000000, w, rd, rn, immr.check(w), imms.check(w))
}

// Sbfm is SBFM Rd, Rn, #immr, #imms (the general form behind ASR/SBFX/SXTB...).
func Sbfm(w Width, rd, rn Reg, immr, imms Amount) uint32 {
	return bitfield(0x13000000, w, rd, rn, immr.check(w), imms.check(w))
}

// LslImm is LSL Rd, Rn, #s (UBFM Rd, Rn, #(-s mod w), #(w-1-s)).
func LslImm(w Width, rd, rn Reg, s Amount) uint32 {
	n := s.check(w)
	bits := uint32(w.bits())
	return bitfield(0x53000000, w, rd, rn, (bits-n)%bits, bits-1-n)
}

// LsrImm is LSR Rd, Rn, #s (UBFM Rd, Rn, #s, #(w-1)).
func LsrImm(w Width, rd, rn Reg, s Amount) uint32 {
	return bitfield(0x53000000, w, rd, rn, s.check(w), uint32(w.bits())-1)
}

// AsrImm is ASR Rd, Rn, #s (SBFM Rd, Rn, #s, #(w-1)).
func AsrImm(w Width, rd, rn Reg, s Amount) uint32 {
	return bitfield(0x13000000, w, rd, rn, s.check(w), uint32(w.bits())-1)
}

// Ubfx is UBFX Rd, Rn, #lsb, #width (zero-extended field extract).
func Ubfx(w Width, rd, rn Reg, f Field) uint32 {
	f.check(w)
	return bitfield(0x53000000, w, rd, rn, uint32(f.lsb), uint32(f.lsb+f.width-1))
}

// Sbfx is SBFX Rd, Rn, #lsb, #width (sign-extended field extract).
func Sbfx(w Width, rd, rn Reg, f Field) uint32 {
	f.check(w)
	return bitfield(0x13000000, w, rd, rn, uint32(f.lsb), uint32(f.lsb+f.width-1))
}

// Bfi is BFI Rd, Rn, #lsb, #width (insert the low bits of Rn into Rd at lsb).
func Bfi(w Width, rd, rn Reg, f Field) uint32 {
	f.check(w)
	bits := uint32(w.bits())
	return bitfield(0x33000000, w, rd, rn, (bits-uint32(f.lsb))%bits, uint32(f.width-1))
}

// Ubfiz is UBFIZ Rd, Rn, #lsb, #width (zero-extended field insert into zeros: (Rn & mask) << lsb).
func Ubfiz(w Width, rd, rn Reg, f Field) uint32 {
	f.check(w)
	bits := uint32(w.bits())
	return bitfield(0x53000000, w, rd, rn, (bits-uint32(f.lsb))%bits, uint32(f.width-1))
}

// Sbfiz is SBFIZ Rd, Rn, #lsb, #width (sign-extended field shifted left by lsb).
func Sbfiz(w Width, rd, rn Reg, f Field) uint32 {
	f.check(w)
	bits := uint32(w.bits())
	return bitfield(0x13000000, w, rd, rn, (bits-uint32(f.lsb))%bits, uint32(f.width-1))
}

// Bfxil is BFXIL Rd, Rn, #lsb, #width (copy Rn's field at lsb to Rd's low bits).
func Bfxil(w Width, rd, rn Reg, f Field) uint32 {
	f.check(w)
	return bitfield(0x33000000, w, rd, rn, uint32(f.lsb), uint32(f.lsb+f.width-1))
}

func (f Field) check(w Width) {
	if f.is64 != (w == X64) {
		panic("enc: bit field built for another width")
	}
}

// Uxtb is UXTB Wd, Wn (zero-extend byte; writing w zero-extends into x too).
func Uxtb(rd, rn Reg) uint32 { return bitfield(0x53000000, W32, rd, rn, 0, 7) }

// Uxth is UXTH Wd, Wn.
func Uxth(rd, rn Reg) uint32 { return bitfield(0x53000000, W32, rd, rn, 0, 15) }

// Sxtb is SXTB Rd, Wn (sign-extend byte to 32 or 64 bits).
func Sxtb(w Width, rd, rn Reg) uint32 { return bitfield(0x13000000, w, rd, rn, 0, 7) }

// Sxth is SXTH Rd, Wn.
func Sxth(w Width, rd, rn Reg) uint32 { return bitfield(0x13000000, w, rd, rn, 0, 15) }

// Sxtw is SXTW Xd, Wn.
func Sxtw(rd, rn Reg) uint32 { return bitfield(0x13000000, X64, rd, rn, 0, 31) }

// Extr is EXTR Rd, Rn, Rm, #lsb (bits lsb.. of the concatenation Rn:Rm).
func Extr(w Width, rd, rn, rm Reg, lsb Amount) uint32 {
	return w.sf() | 0x13800000 | uint32(w)<<22 | rz(rm)<<16 | lsb.check(w)<<10 | rz(rn)<<5 | rz(rd)
}

// RorImm is ROR Rd, Rs, #s (EXTR Rd, Rs, Rs, #s).
func RorImm(w Width, rd, rs Reg, s Amount) uint32 { return Extr(w, rd, rs, rs, s) }

// Data processing (2 source): sf 0 0 11010110 Rm opcode Rn Rd.

func dp2(op uint32, w Width, rd, rn, rm Reg) uint32 {
	return w.sf() | 0x1AC00000 | rz(rm)<<16 | op<<10 | rz(rn)<<5 | rz(rd)
}

// Udiv is UDIV Rd, Rn, Rm (division by zero yields 0, no trap).
func Udiv(w Width, rd, rn, rm Reg) uint32 { return dp2(0b000010, w, rd, rn, rm) }

// Sdiv is SDIV Rd, Rn, Rm (MIN/-1 yields MIN, no trap).
func Sdiv(w Width, rd, rn, rm Reg) uint32 { return dp2(0b000011, w, rd, rn, rm) }

// Lslv is LSLV Rd, Rn, Rm (shift amount Rm mod width), written LSL Rd, Rn, Rm.
func Lslv(w Width, rd, rn, rm Reg) uint32 { return dp2(0b001000, w, rd, rn, rm) }

// Lsrv is LSRV Rd, Rn, Rm.
func Lsrv(w Width, rd, rn, rm Reg) uint32 { return dp2(0b001001, w, rd, rn, rm) }

// Asrv is ASRV Rd, Rn, Rm.
func Asrv(w Width, rd, rn, rm Reg) uint32 { return dp2(0b001010, w, rd, rn, rm) }

// Rorv is RORV Rd, Rn, Rm.
func Rorv(w Width, rd, rn, rm Reg) uint32 { return dp2(0b001011, w, rd, rn, rm) }

// Data processing (1 source): sf 1 0 11010110 00000 opcode Rn Rd.

func dp1(op uint32, w Width, rd, rn Reg) uint32 {
	return w.sf() | 0x5AC00000 | op<<10 | rz(rn)<<5 | rz(rd)
}

// Rbit is RBIT Rd, Rn (reverse bits).
func Rbit(w Width, rd, rn Reg) uint32 { return dp1(0b000000, w, rd, rn) }

// Rev16 is REV16 Rd, Rn (reverse bytes in each halfword).
func Rev16(w Width, rd, rn Reg) uint32 { return dp1(0b000001, w, rd, rn) }

// Rev is REV Rd, Rn (reverse all bytes of the register).
func Rev(w Width, rd, rn Reg) uint32 {
	if w == X64 {
		return dp1(0b000011, w, rd, rn)
	}
	return dp1(0b000010, w, rd, rn)
}

// Clz is CLZ Rd, Rn (count leading zeros).
func Clz(w Width, rd, rn Reg) uint32 { return dp1(0b000100, w, rd, rn) }

// Cls is CLS Rd, Rn (count leading sign bits).
func Cls(w Width, rd, rn Reg) uint32 { return dp1(0b000101, w, rd, rn) }

// Data processing (3 source): sf 00 11011 op31 Rm o0 Ra Rn Rd.

// Madd is MADD Rd, Rn, Rm, Ra (Ra + Rn×Rm).
func Madd(w Width, rd, rn, rm, ra Reg) uint32 {
	return w.sf() | 0x1B000000 | rz(rm)<<16 | rz(ra)<<10 | rz(rn)<<5 | rz(rd)
}

// Msub is MSUB Rd, Rn, Rm, Ra (Ra - Rn×Rm).
func Msub(w Width, rd, rn, rm, ra Reg) uint32 {
	return w.sf() | 0x1B008000 | rz(rm)<<16 | rz(ra)<<10 | rz(rn)<<5 | rz(rd)
}

// Mul is MUL Rd, Rn, Rm (MADD with Ra = ZR).
func Mul(w Width, rd, rn, rm Reg) uint32 { return Madd(w, rd, rn, rm, ZR) }

// Mneg is MNEG Rd, Rn, Rm (MSUB with Ra = ZR).
func Mneg(w Width, rd, rn, rm Reg) uint32 { return Msub(w, rd, rn, rm, ZR) }

// Smulh is SMULH Xd, Xn, Xm (high 64 bits of the signed 128-bit product).
func Smulh(rd, rn, rm Reg) uint32 {
	return 0x9B407C00 | rz(rm)<<16 | rz(rn)<<5 | rz(rd)
}

// Umulh is UMULH Xd, Xn, Xm (high 64 bits of the unsigned 128-bit product).
func Umulh(rd, rn, rm Reg) uint32 {
	return 0x9BC07C00 | rz(rm)<<16 | rz(rn)<<5 | rz(rd)
}

// Smull is SMULL Xd, Wn, Wm (signed 32×32 → 64).
func Smull(rd, rn, rm Reg) uint32 {
	return 0x9B207C00 | rz(rm)<<16 | rz(rn)<<5 | rz(rd)
}

// Umull is UMULL Xd, Wn, Wm (unsigned 32×32 → 64).
func Umull(rd, rn, rm Reg) uint32 {
	return 0x9BA07C00 | rz(rm)<<16 | rz(rn)<<5 | rz(rd)
}

// Conditional select: sf op S 11010100 Rm cond o2 Rn Rd.

func condSel(base uint32, w Width, rd, rn, rm Reg, c Cond) uint32 {
	return w.sf() | base | rz(rm)<<16 | uint32(c&15)<<12 | rz(rn)<<5 | rz(rd)
}

// Csel is CSEL Rd, Rn, Rm, cond (Rd = cond ? Rn : Rm).
func Csel(w Width, rd, rn, rm Reg, c Cond) uint32 { return condSel(0x1A800000, w, rd, rn, rm, c) }

// Csinc is CSINC Rd, Rn, Rm, cond (Rd = cond ? Rn : Rm+1).
func Csinc(w Width, rd, rn, rm Reg, c Cond) uint32 { return condSel(0x1A800400, w, rd, rn, rm, c) }

// Csinv is CSINV Rd, Rn, Rm, cond (Rd = cond ? Rn : NOT Rm).
func Csinv(w Width, rd, rn, rm Reg, c Cond) uint32 { return condSel(0x5A800000, w, rd, rn, rm, c) }

// Csneg is CSNEG Rd, Rn, Rm, cond (Rd = cond ? Rn : -Rm).
func Csneg(w Width, rd, rn, rm Reg, c Cond) uint32 { return condSel(0x5A800400, w, rd, rn, rm, c) }

// Cset is CSET Rd, cond (Rd = cond ? 1 : 0).
func Cset(w Width, rd Reg, c Cond) uint32 { return Csinc(w, rd, ZR, ZR, c.Invert()) }

// Cinc is CINC Rd, Rn, cond (Rd = cond ? Rn+1 : Rn).
func Cinc(w Width, rd, rn Reg, c Cond) uint32 { return Csinc(w, rd, rn, rn, c.Invert()) }

// Cneg is CNEG Rd, Rn, cond (Rd = cond ? -Rn : Rn).
func Cneg(w Width, rd, rn Reg, c Cond) uint32 { return Csneg(w, rd, rn, rn, c.Invert()) }

// Csetm is CSETM Rd, cond (Rd = cond ? -1 : 0).
func Csetm(w Width, rd Reg, c Cond) uint32 { return Csinv(w, rd, ZR, ZR, c.Invert()) }

// Conditional compare: sf op 1 11010010 Rm|imm5 cond 0|1 0 Rn 0 nzcv.

// CcmpReg is CCMP Rn, Rm, #nzcv, cond (flags = cond ? Rn-Rm : nzcv).
func CcmpReg(w Width, rn, rm Reg, f NZCV, c Cond) uint32 {
	return w.sf() | 0x7A400000 | rz(rm)<<16 | uint32(c&15)<<12 | rz(rn)<<5 | uint32(f&15)
}

// CcmpImm is CCMP Rn, #imm5, #nzcv, cond.
func CcmpImm(w Width, rn Reg, imm Imm5, f NZCV, c Cond) uint32 {
	return w.sf() | 0x7A400800 | uint32(imm.v)<<16 | uint32(c&15)<<12 | rz(rn)<<5 | uint32(f&15)
}

// CcmnReg is CCMN Rn, Rm, #nzcv, cond (flags = cond ? Rn+Rm : nzcv).
func CcmnReg(w Width, rn, rm Reg, f NZCV, c Cond) uint32 {
	return w.sf() | 0x3A400000 | rz(rm)<<16 | uint32(c&15)<<12 | rz(rn)<<5 | uint32(f&15)
}

// CcmnImm is CCMN Rn, #imm5, #nzcv, cond.
func CcmnImm(w Width, rn Reg, imm Imm5, f NZCV, c Cond) uint32 {
	return w.sf() | 0x3A400800 | uint32(imm.v)<<16 | uint32(c&15)<<12 | rz(rn)<<5 | uint32(f&15)
}

package enc

// Floating-point data processing (2 source): 000 11110 ftype 1 Rm opcode 10 Rn Rd.

func fp2(op uint32, t FPType, rd, rn, rm VReg) uint32 {
	return 0x1E200800 | t.ftype() | rv(rm)<<16 | op<<12 | rv(rn)<<5 | rv(rd)
}

// Fmul is FMUL.
func Fmul(t FPType, rd, rn, rm VReg) uint32 { return fp2(0b0000, t, rd, rn, rm) }

// Fdiv is FDIV.
func Fdiv(t FPType, rd, rn, rm VReg) uint32 { return fp2(0b0001, t, rd, rn, rm) }

// Fadd is FADD.
func Fadd(t FPType, rd, rn, rm VReg) uint32 { return fp2(0b0010, t, rd, rn, rm) }

// Fsub is FSUB.
func Fsub(t FPType, rd, rn, rm VReg) uint32 { return fp2(0b0011, t, rd, rn, rm) }

// Fmax is FMAX (NaN if either operand is NaN; max(-0, +0) = +0), Wasm's f.max.
func Fmax(t FPType, rd, rn, rm VReg) uint32 { return fp2(0b0100, t, rd, rn, rm) }

// Fmin is FMIN (NaN-propagating), Wasm's f.min.
func Fmin(t FPType, rd, rn, rm VReg) uint32 { return fp2(0b0101, t, rd, rn, rm) }

// Fmaxnm is FMAXNM (a quiet NaN operand is ignored).
func Fmaxnm(t FPType, rd, rn, rm VReg) uint32 { return fp2(0b0110, t, rd, rn, rm) }

// Fminnm is FMINNM.
func Fminnm(t FPType, rd, rn, rm VReg) uint32 { return fp2(0b0111, t, rd, rn, rm) }

// Floating-point data processing (1 source): 000 11110 ftype 1 opcode 10000 Rn Rd.

func fp1(op uint32, t FPType, rd, rn VReg) uint32 {
	return 0x1E204000 | t.ftype() | op<<15 | rv(rn)<<5 | rv(rd)
}

// FmovReg is FMOV between two s or two d registers.
func FmovReg(t FPType, rd, rn VReg) uint32 { return fp1(0b000000, t, rd, rn) }

// Fabs is FABS.
func Fabs(t FPType, rd, rn VReg) uint32 { return fp1(0b000001, t, rd, rn) }

// Fneg is FNEG.
func Fneg(t FPType, rd, rn VReg) uint32 { return fp1(0b000010, t, rd, rn) }

// Fsqrt is FSQRT.
func Fsqrt(t FPType, rd, rn VReg) uint32 { return fp1(0b000011, t, rd, rn) }

// Fcvt is FCVT converting from precision `from` to precision `to` (S->D or D->S).
func Fcvt(to, from FPType, rd, rn VReg) uint32 {
	if to == from {
		panic("enc: FCVT between equal precisions")
	}
	return fp1(0b000100|uint32(to), from, rd, rn)
}

// Frintn is FRINTN (round to nearest, ties to even): Wasm's nearest.
func Frintn(t FPType, rd, rn VReg) uint32 { return fp1(0b001000, t, rd, rn) }

// Frintp is FRINTP (round toward +inf): Wasm's ceil.
func Frintp(t FPType, rd, rn VReg) uint32 { return fp1(0b001001, t, rd, rn) }

// Frintm is FRINTM (round toward -inf): Wasm's floor.
func Frintm(t FPType, rd, rn VReg) uint32 { return fp1(0b001010, t, rd, rn) }

// Frintz is FRINTZ (round toward zero): Wasm's trunc.
func Frintz(t FPType, rd, rn VReg) uint32 { return fp1(0b001011, t, rd, rn) }

// Fcmp is FCMP Vn, Vm (quiet compare; unordered sets C and V).
func Fcmp(t FPType, rn, rm VReg) uint32 {
	return 0x1E202000 | t.ftype() | rv(rm)<<16 | rv(rn)<<5
}

// FcmpZero is FCMP Vn, #0.0.
func FcmpZero(t FPType, rn VReg) uint32 { return 0x1E202008 | t.ftype() | rv(rn)<<5 }

// Fcsel is FCSEL Vd, Vn, Vm, cond.
func Fcsel(t FPType, rd, rn, rm VReg, c Cond) uint32 {
	return 0x1E200C00 | t.ftype() | rv(rm)<<16 | uint32(c&15)<<12 | rv(rn)<<5 | rv(rd)
}

// FmovImm is FMOV Vd, #imm.
func FmovImm(t FPType, rd VReg, imm FPImm) uint32 {
	return 0x1E201000 | t.ftype() | uint32(imm.v)<<13 | rv(rd)
}

// Conversion between floating-point and integer: sf 00 11110 ftype 1 rmode opcode 000000 Rn Rd.

func fpInt(op uint32, w Width, t FPType, rd, rn uint32) uint32 {
	return w.sf() | 0x1E200000 | t.ftype() | op<<16 | rn<<5 | rd
}

// Fcvtzs is FCVTZS Wd|Xd, Sn|Dn (toward zero, saturating; NaN gives 0).
func Fcvtzs(w Width, t FPType, rd Reg, rn VReg) uint32 {
	return fpInt(0b11000, w, t, rz(rd), rv(rn))
}

// Fcvtzu is FCVTZU Wd|Xd, Sn|Dn.
func Fcvtzu(w Width, t FPType, rd Reg, rn VReg) uint32 {
	return fpInt(0b11001, w, t, rz(rd), rv(rn))
}

// Scvtf is SCVTF Sd|Dd, Wn|Xn (signed integer to float).
func Scvtf(t FPType, w Width, rd VReg, rn Reg) uint32 {
	return fpInt(0b00010, w, t, rv(rd), rz(rn))
}

// Ucvtf is UCVTF Sd|Dd, Wn|Xn (unsigned integer to float).
func Ucvtf(t FPType, w Width, rd VReg, rn Reg) uint32 {
	return fpInt(0b00011, w, t, rv(rd), rz(rn))
}

// FmovToGP is FMOV Wd, Sn (W32) or FMOV Xd, Dn (X64): the raw bits, no conversion.
func FmovToGP(w Width, rd Reg, rn VReg) uint32 {
	return fpInt(0b00110, w, FPType(w), rz(rd), rv(rn))
}

// FmovFromGP is FMOV Sd, Wn (W32) or FMOV Dd, Xn (X64).
func FmovFromGP(w Width, rd VReg, rn Reg) uint32 {
	return fpInt(0b00111, w, FPType(w), rv(rd), rz(rn))
}

// Advanced SIMD, for popcount and bit selection.

// Arrangement is the vector shape of SIMD forms: 8B (64-bit) or 16B (128-bit) bytes.
type Arrangement uint8

const (
	B8  Arrangement = iota // Q = 0
	B16                    // Q = 1
)

func (a Arrangement) q() uint32 { return uint32(a) << 30 }

// Cnt is CNT Vd.<T>, Vn.<T> (population count of each byte).
func Cnt(a Arrangement, rd, rn VReg) uint32 { return 0x0E205800 | a.q() | rv(rn)<<5 | rv(rd) }

// Addv is ADDV Bd, Vn.<T> (sum of the bytes, modulo 256).
func Addv(a Arrangement, rd, rn VReg) uint32 { return 0x0E31B800 | a.q() | rv(rn)<<5 | rv(rd) }

// Uaddlv is UADDLV Hd, Vn.<T> (sum of the bytes into a halfword).
func Uaddlv(a Arrangement, rd, rn VReg) uint32 { return 0x2E303800 | a.q() | rv(rn)<<5 | rv(rd) }

// VBit is BIT Vd, Vn, Vm (insert bits of Vn into Vd where Vm is 1).
func VBit(a Arrangement, rd, rn, rm VReg) uint32 {
	return 0x2EA01C00 | a.q() | rv(rm)<<16 | rv(rn)<<5 | rv(rd)
}

// VBif is BIF Vd, Vn, Vm (insert bits of Vn into Vd where Vm is 0).
func VBif(a Arrangement, rd, rn, rm VReg) uint32 {
	return 0x2EE01C00 | a.q() | rv(rm)<<16 | rv(rn)<<5 | rv(rd)
}

// VBsl is BSL Vd, Vn, Vm (Vd = Vd ? Vn : Vm, bitwise).
func VBsl(a Arrangement, rd, rn, rm VReg) uint32 {
	return 0x2E601C00 | a.q() | rv(rm)<<16 | rv(rn)<<5 | rv(rd)
}

package enc

// Add/subtract (immediate): sf op S 100010 sh imm12 Rn Rd.

// AddImm is ADD Rd|SP, Rn|SP, #imm.
func AddImm(w Width, rd, rn Reg, imm Imm12) uint32 {
	return w.sf() | 0x11000000 | imm.field() | rs(rn)<<5 | rs(rd)
}

// SubImm is SUB Rd|SP, Rn|SP, #imm.
func SubImm(w Width, rd, rn Reg, imm Imm12) uint32 {
	return w.sf() | 0x51000000 | imm.field() | rs(rn)<<5 | rs(rd)
}

// AddsImm is ADDS Rd, Rn|SP, #imm (sets flags).
func AddsImm(w Width, rd, rn Reg, imm Imm12) uint32 {
	return w.sf() | 0x31000000 | imm.field() | rs(rn)<<5 | rz(rd)
}

// SubsImm is SUBS Rd, Rn|SP, #imm (sets flags).
func SubsImm(w Width, rd, rn Reg, imm Imm12) uint32 {
	return w.sf() | 0x71000000 | imm.field() | rs(rn)<<5 | rz(rd)
}

// CmpImm is CMP Rn|SP, #imm (SUBS ZR, Rn, #imm).
func CmpImm(w Width, rn Reg, imm Imm12) uint32 { return SubsImm(w, ZR, rn, imm) }

// CmnImm is CMN Rn|SP, #imm (ADDS ZR, Rn, #imm).
func CmnImm(w Width, rn Reg, imm Imm12) uint32 { return AddsImm(w, ZR, rn, imm) }

// MovSP is MOV between a register and SP (ADD Rd, Rn, #0); either side may be SP.
func MovSP(w Width, rd, rn Reg) uint32 { return AddImm(w, rd, rn, Imm12{}) }

// Add/subtract (shifted register): sf op S 01011 shift 0 Rm imm6 Rn Rd.

func addSubShifted(base uint32, w Width, rd, rn, rm Reg, sh Shift, amt Amount) uint32 {
	if sh == ROR {
		panic("enc: ROR is not allowed in add/subtract")
	}
	return w.sf() | base | uint32(sh)<<22 | rz(rm)<<16 | amt.check(w)<<10 | rz(rn)<<5 | rz(rd)
}

// AddReg is ADD Rd, Rn, Rm{, shift #amt}.
func AddReg(w Width, rd, rn, rm Reg, sh Shift, amt Amount) uint32 {
	return addSubShifted(0x0B000000, w, rd, rn, rm, sh, amt)
}

// SubReg is SUB Rd, Rn, Rm{, shift #amt}.
func SubReg(w Width, rd, rn, rm Reg, sh Shift, amt Amount) uint32 {
	return addSubShifted(0x4B000000, w, rd, rn, rm, sh, amt)
}

// AddsReg is ADDS Rd, Rn, Rm{, shift #amt}.
func AddsReg(w Width, rd, rn, rm Reg, sh Shift, amt Amount) uint32 {
	return addSubShifted(0x2B000000, w, rd, rn, rm, sh, amt)
}

// SubsReg is SUBS Rd, Rn, Rm{, shift #amt}.
func SubsReg(w Width, rd, rn, rm Reg, sh Shift, amt Amount) uint32 {
	return addSubShifted(0x6B000000, w, rd, rn, rm, sh, amt)
}

// CmpReg is CMP Rn, Rm{, shift #amt}.
func CmpReg(w Width, rn, rm Reg, sh Shift, amt Amount) uint32 {
	return SubsReg(w, ZR, rn, rm, sh, amt)
}

// CmnReg is CMN Rn, Rm{, shift #amt}.
func CmnReg(w Width, rn, rm Reg, sh Shift, amt Amount) uint32 {
	return AddsReg(w, ZR, rn, rm, sh, amt)
}

// Neg is NEG Rd, Rm{, shift #amt} (SUB Rd, ZR, Rm).
func Neg(w Width, rd, rm Reg, sh Shift, amt Amount) uint32 {
	return SubReg(w, rd, ZR, rm, sh, amt)
}

// Negs is NEGS Rd, Rm{, shift #amt} (SUBS Rd, ZR, Rm).
func Negs(w Width, rd, rm Reg, sh Shift, amt Amount) uint32 {
	return SubsReg(w, rd, ZR, rm, sh, amt)
}

// Add/subtract (extended register): sf op S 01011 00 1 Rm option imm3 Rn Rd.

func addSubExt(base uint32, w Width, rd uint32, rn, rm Reg, ext Extend, amt ExtAmount) uint32 {
	return w.sf() | base | rz(rm)<<16 | uint32(ext)<<13 | uint32(amt.n)<<10 | rs(rn)<<5 | rd
}

// AddExt is ADD Rd|SP, Rn|SP, Rm, ext{ #amt}. For 64-bit forms with a 32-bit extend (UXTB..SXTW)
// Rm is read as a w register.
func AddExt(w Width, rd, rn, rm Reg, ext Extend, amt ExtAmount) uint32 {
	return addSubExt(0x0B200000, w, rs(rd), rn, rm, ext, amt)
}

// SubExt is SUB Rd|SP, Rn|SP, Rm, ext{ #amt}.
func SubExt(w Width, rd, rn, rm Reg, ext Extend, amt ExtAmount) uint32 {
	return addSubExt(0x4B200000, w, rs(rd), rn, rm, ext, amt)
}

// AddsExt is ADDS Rd, Rn|SP, Rm, ext{ #amt}.
func AddsExt(w Width, rd, rn, rm Reg, ext Extend, amt ExtAmount) uint32 {
	return addSubExt(0x2B200000, w, rz(rd), rn, rm, ext, amt)
}

// SubsExt is SUBS Rd, Rn|SP, Rm, ext{ #amt}.
func SubsExt(w Width, rd, rn, rm Reg, ext Extend, amt ExtAmount) uint32 {
	return addSubExt(0x6B200000, w, rz(rd), rn, rm, ext, amt)
}

// CmpExt is CMP Rn|SP, Rm, ext{ #amt}.
func CmpExt(w Width, rn, rm Reg, ext Extend, amt ExtAmount) uint32 {
	return SubsExt(w, ZR, rn, rm, ext, amt)
}

// Logical (immediate): sf opc 100100 N immr imms Rn Rd.

// AndImm is AND Rd|SP, Rn, #bitmask.
func AndImm(w Width, rd, rn Reg, imm BitMask) uint32 {
	return w.sf() | 0x12000000 | imm.field(w) | rz(rn)<<5 | rs(rd)
}

// OrrImm is ORR Rd|SP, Rn, #bitmask.
func OrrImm(w Width, rd, rn Reg, imm BitMask) uint32 {
	return w.sf() | 0x32000000 | imm.field(w) | rz(rn)<<5 | rs(rd)
}

// EorImm is EOR Rd|SP, Rn, #bitmask.
func EorImm(w Width, rd, rn Reg, imm BitMask) uint32 {
	return w.sf() | 0x52000000 | imm.field(w) | rz(rn)<<5 | rs(rd)
}

// AndsImm is ANDS Rd, Rn, #bitmask.
func AndsImm(w Width, rd, rn Reg, imm BitMask) uint32 {
	return w.sf() | 0x72000000 | imm.field(w) | rz(rn)<<5 | rz(rd)
}

// TstImm is TST Rn, #bitmask (ANDS ZR, Rn, #bitmask).
func TstImm(w Width, rn Reg, imm BitMask) uint32 { return AndsImm(w, ZR, rn, imm) }

// Logical (shifted register): sf opc 01010 shift N Rm imm6 Rn Rd.

func logicalShifted(base uint32, w Width, rd, rn, rm Reg, sh Shift, amt Amount) uint32 {
	return w.sf() | base | uint32(sh)<<22 | rz(rm)<<16 | amt.check(w)<<10 | rz(rn)<<5 | rz(rd)
}

// AndReg is AND Rd, Rn, Rm{, shift #amt}.
func AndReg(w Width, rd, rn, rm Reg, sh Shift, amt Amount) uint32 {
	return logicalShifted(0x0A000000, w, rd, rn, rm, sh, amt)
}

// BicReg is BIC Rd, Rn, Rm{, shift #amt} (Rn AND NOT Rm).
func BicReg(w Width, rd, rn, rm Reg, sh Shift, amt Amount) uint32 {
	return logicalShifted(0x0A200000, w, rd, rn, rm, sh, amt)
}

// OrrReg is ORR Rd, Rn, Rm{, shift #amt}.
func OrrReg(w Width, rd, rn, rm Reg, sh Shift, amt Amount) uint32 {
	return logicalShifted(0x2A000000, w, rd, rn, rm, sh, amt)
}

// OrnReg is ORN Rd, Rn, Rm{, shift #amt} (Rn OR NOT Rm).
func OrnReg(w Width, rd, rn, rm Reg, sh Shift, amt Amount) uint32 {
	return logicalShifted(0x2A200000, w, rd, rn, rm, sh, amt)
}

// EorReg is EOR Rd, Rn, Rm{, shift #amt}.
func EorReg(w Width, rd, rn, rm Reg, sh Shift, amt Amount) uint32 {
	return logicalShifted(0x4A000000, w, rd, rn, rm, sh, amt)
}

// EonReg is EON Rd, Rn, Rm{, shift #amt} (Rn XOR NOT Rm).
func EonReg(w Width, rd, rn, rm Reg, sh Shift, amt Amount) uint32 {
	return logicalShifted(0x4A200000, w, rd, rn, rm, sh, amt)
}

// AndsReg is ANDS Rd, Rn, Rm{, shift #amt}.
func AndsReg(w Width, rd, rn, rm Reg, sh Shift, amt Amount) uint32 {
	return logicalShifted(0x6A000000, w, rd, rn, rm, sh, amt)
}

// TstReg is TST Rn, Rm{, shift #amt}.
func TstReg(w Width, rn, rm Reg, sh Shift, amt Amount) uint32 {
	return AndsReg(w, ZR, rn, rm, sh, amt)
}

// Mov is MOV Rd, Rm between general registers (ORR Rd, ZR, Rm). For SP use MovSP.
// The 32-bit form zero-extends into the x register.
func Mov(w Width, rd, rm Reg) uint32 { return OrrReg(w, rd, ZR, rm, LSL, NoShift(w)) }

// Mvn is MVN Rd, Rm{, shift #amt} (ORN Rd, ZR, Rm).
func Mvn(w Width, rd, rm Reg, sh Shift, amt Amount) uint32 {
	return OrnReg(w, rd, ZR, rm, sh, amt)
}

// Move wide (immediate): sf opc 100101 hw imm16 Rd.

// Movz is MOVZ Rd, #chunk{, LSL #shift}.
func Movz(w Width, rd Reg, imm Wide) uint32 { return w.sf() | 0x52800000 | imm.field(w) | rz(rd) }

// Movn is MOVN Rd, #chunk{, LSL #shift} (Rd = NOT(chunk << shift)).
func Movn(w Width, rd Reg, imm Wide) uint32 { return w.sf() | 0x12800000 | imm.field(w) | rz(rd) }

// Movk is MOVK Rd, #chunk{, LSL #shift} (replaces one 16-bit chunk).
func Movk(w Width, rd Reg, imm Wide) uint32 { return w.sf() | 0x72800000 | imm.field(w) | rz(rd) }

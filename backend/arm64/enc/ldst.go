package enc

// MemOp is a general-register load or store, identified by its unsigned-offset encoding
// (size 111 V 01 opc imm12 Rn Rt); the other addressing forms derive from it.
type MemOp uint32

const (
	STRB   MemOp = 0x39000000
	LDRB   MemOp = 0x39400000 // zero-extends
	LDRSBX MemOp = 0x39800000 // sign-extends to 64 bits
	LDRSBW MemOp = 0x39C00000 // sign-extends to 32 bits
	STRH   MemOp = 0x79000000
	LDRH   MemOp = 0x79400000
	LDRSHX MemOp = 0x79800000
	LDRSHW MemOp = 0x79C00000
	STRW   MemOp = 0xB9000000
	LDRW   MemOp = 0xB9400000
	LDRSW  MemOp = 0xB9800000
	STRX   MemOp = 0xF9000000
	LDRX   MemOp = 0xF9400000
)

// FMemOp is a SIMD&FP register load or store (s, d or q register).
type FMemOp uint32

const (
	STRS FMemOp = 0xBD000000
	LDRS FMemOp = 0xBD400000
	STRD FMemOp = 0xFD000000
	LDRD FMemOp = 0xFD400000
	STRQ FMemOp = 0x3D800000
	LDRQ FMemOp = 0x3DC00000
)

// Size returns the number of bytes the operation accesses.
func (op MemOp) Size() int { return 1 << (uint32(op) >> 30) }

// Size returns the number of bytes the operation accesses.
func (op FMemOp) Size() int {
	if uint32(op)>>30 == 0 && uint32(op)>>23&1 == 1 {
		return 16
	}
	return 1 << (uint32(op) >> 30)
}

func scaleOf(size int) uint8 { s, _ := log2Size(size); return s }

func uoff(base uint32, size int, rt uint32, rn Reg, off UOff12) uint32 {
	if off.scale != scaleOf(size) {
		panic("enc: unsigned offset scaled for another access size")
	}
	return base | uint32(off.v)<<10 | rs(rn)<<5 | rt
}

// Unscaled/pre/post/register forms clear bit 24 and select the form in bits 21 and 10..11.
const (
	formUnscaled = 0b00 << 10
	formPost     = 0b01 << 10
	formReg      = 1<<21 | 0b10<<10
	formPre      = 0b11 << 10
)

func imm9(base uint32, form uint32, rt uint32, rn Reg, off SImm9) uint32 {
	return base&^(1<<24) | form | off.field() | rs(rn)<<5 | rt
}

func regOff(base uint32, size int, rt uint32, rn, rm Reg, ext Extend, shifted bool) uint32 {
	switch ext {
	case UXTW, UXTX, SXTW, SXTX:
	default:
		panic("enc: register offset extend must be UXTW, LSL (UXTX), SXTW or SXTX")
	}
	s := uint32(0)
	if shifted {
		s = 1 << 12
	}
	return base&^(1<<24) | formReg | rz(rm)<<16 | uint32(ext)<<13 | s | rs(rn)<<5 | rt
}

// Ldst is op Rt, [Rn|SP, #off] (unsigned offset, scaled by the access size).
func Ldst(op MemOp, rt, rn Reg, off UOff12) uint32 {
	return uoff(uint32(op), op.Size(), rz(rt), rn, off)
}

// LdstUnscaled is the LDUR/STUR family: op Rt, [Rn|SP, #simm9] (any byte offset -256..255).
func LdstUnscaled(op MemOp, rt, rn Reg, off SImm9) uint32 {
	return imm9(uint32(op), formUnscaled, rz(rt), rn, off)
}

// LdstPre is op Rt, [Rn|SP, #simm9]! (pre-index: Rn += off, then access).
func LdstPre(op MemOp, rt, rn Reg, off SImm9) uint32 {
	return imm9(uint32(op), formPre, rz(rt), rn, off)
}

// LdstPost is op Rt, [Rn|SP], #simm9 (post-index: access, then Rn += off).
func LdstPost(op MemOp, rt, rn Reg, off SImm9) uint32 {
	return imm9(uint32(op), formPost, rz(rt), rn, off)
}

// LdstReg is op Rt, [Rn|SP, Rm{, ext {#log2(size)}}]: the index register is extended (UXTW,
// SXTW, SXTX, or UXTX meaning LSL) and, if shifted, scaled by the access size.
func LdstReg(op MemOp, rt, rn, rm Reg, ext Extend, shifted bool) uint32 {
	return regOff(uint32(op), op.Size(), rz(rt), rn, rm, ext, shifted)
}

// FLdst is op Vt, [Rn|SP, #off] for s/d/q registers.
func FLdst(op FMemOp, vt VReg, rn Reg, off UOff12) uint32 {
	return uoff(uint32(op), op.Size(), rv(vt), rn, off)
}

// FLdstUnscaled is LDUR/STUR for s/d/q registers.
func FLdstUnscaled(op FMemOp, vt VReg, rn Reg, off SImm9) uint32 {
	return imm9(uint32(op), formUnscaled, rv(vt), rn, off)
}

// FLdstPre is the pre-indexed form for s/d/q registers.
func FLdstPre(op FMemOp, vt VReg, rn Reg, off SImm9) uint32 {
	return imm9(uint32(op), formPre, rv(vt), rn, off)
}

// FLdstPost is the post-indexed form for s/d/q registers.
func FLdstPost(op FMemOp, vt VReg, rn Reg, off SImm9) uint32 {
	return imm9(uint32(op), formPost, rv(vt), rn, off)
}

// FLdstReg is the register-offset form for s/d/q registers.
func FLdstReg(op FMemOp, vt VReg, rn, rm Reg, ext Extend, shifted bool) uint32 {
	return regOff(uint32(op), op.Size(), rv(vt), rn, rm, ext, shifted)
}

// PairOp is a load/store pair, identified by its signed-offset encoding
// (opc 101 V 010 L imm7 Rt2 Rn Rt); pre-index sets bit 24, post-index clears bit 24 and 23.
type PairOp uint32

const (
	STPW PairOp = 0x29000000
	LDPW PairOp = 0x29400000
	STPX PairOp = 0xA9000000
	LDPX PairOp = 0xA9400000
	STPS PairOp = 0x2D000000
	LDPS PairOp = 0x2D400000
	STPD PairOp = 0x6D000000
	LDPD PairOp = 0x6D400000
)

func (op PairOp) size() int {
	if op.isFP() { // opc 00 = s, 01 = d
		return 4 << (uint32(op) >> 30)
	}
	return 4 << (uint32(op) >> 31) // opc 00 = w, 10 = x
}

func pair(op PairOp, form uint32, rt, rt2 uint32, rn Reg, off PairOff) uint32 {
	if off.scale != scaleOf(op.size()) {
		panic("enc: pair offset scaled for another register size")
	}
	base := uint32(op)&^(3<<23) | form
	return base | uint32(off.v)&0x7f<<15 | rt2<<10 | rs(rn)<<5 | rt
}

const (
	pairPost   = 0b01 << 23
	pairOffset = 0b10 << 23
	pairPre    = 0b11 << 23
)

func (op PairOp) isFP() bool { return uint32(op)>>26&1 == 1 }

func gpPair(op PairOp, rt, rt2 Reg) (uint32, uint32) {
	if op.isFP() {
		panic("enc: FP pair op with general registers")
	}
	return rz(rt), rz(rt2)
}

func fpPair(op PairOp, vt, vt2 VReg) (uint32, uint32) {
	if !op.isFP() {
		panic("enc: general pair op with FP registers")
	}
	return rv(vt), rv(vt2)
}

// Pair is LDP/STP with general registers: op Rt, Rt2, [Rn|SP, #off] (signed offset).
func Pair(op PairOp, rt, rt2, rn Reg, off PairOff) uint32 {
	a, b := gpPair(op, rt, rt2)
	return pair(op, pairOffset, a, b, rn, off)
}

// PairPre is op Rt, Rt2, [Rn|SP, #off]! (e.g. stp x29, x30, [sp, #-16]!).
func PairPre(op PairOp, rt, rt2, rn Reg, off PairOff) uint32 {
	a, b := gpPair(op, rt, rt2)
	return pair(op, pairPre, a, b, rn, off)
}

// PairPost is op Rt, Rt2, [Rn|SP], #off (e.g. ldp x29, x30, [sp], #16).
func PairPost(op PairOp, rt, rt2, rn Reg, off PairOff) uint32 {
	a, b := gpPair(op, rt, rt2)
	return pair(op, pairPost, a, b, rn, off)
}

// FPair is op Vt, Vt2, [Rn|SP, #off] for s/d registers.
func FPair(op PairOp, vt, vt2 VReg, rn Reg, off PairOff) uint32 {
	a, b := fpPair(op, vt, vt2)
	return pair(op, pairOffset, a, b, rn, off)
}

// FPairPre is the pre-indexed pair form for s/d registers.
func FPairPre(op PairOp, vt, vt2 VReg, rn Reg, off PairOff) uint32 {
	a, b := fpPair(op, vt, vt2)
	return pair(op, pairPre, a, b, rn, off)
}

// FPairPost is the post-indexed pair form for s/d registers.
func FPairPost(op PairOp, vt, vt2 VReg, rn Reg, off PairOff) uint32 {
	a, b := fpPair(op, vt, vt2)
	return pair(op, pairPost, a, b, rn, off)
}

// LdrLit is LDR Wt|Xt, label (PC-relative literal, ±1 MiB).
func LdrLit(w Width, rt Reg, off BranchOff) uint32 {
	return uint32(w)<<30 | 0x18000000 | off.field(19)<<5 | rz(rt)
}

// LdrswLit is LDRSW Xt, label.
func LdrswLit(rt Reg, off BranchOff) uint32 { return 0x98000000 | off.field(19)<<5 | rz(rt) }

// FLdrLit is LDR St|Dt, label.
func FLdrLit(t FPType, vt VReg, off BranchOff) uint32 {
	return uint32(t)<<30 | 0x1C000000 | off.field(19)<<5 | rv(vt)
}

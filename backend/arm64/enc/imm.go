package enc

import (
	"math"
	"math/bits"
)

// Imm12 is the immediate of ADD/SUB (immediate): 12 bits, optionally shifted left by 12.
type Imm12 struct {
	v       uint16
	shift12 bool
}

// NewImm12 returns the encoding of v as an ADD/SUB immediate: v < 4096, or a multiple of 4096
// below 2^24.
func NewImm12(v uint64) (Imm12, bool) {
	if v < 1<<12 {
		return Imm12{v: uint16(v)}, true
	}
	if v&0xfff == 0 && v < 1<<24 {
		return Imm12{v: uint16(v >> 12), shift12: true}, true
	}
	return Imm12{}, false
}

// Value returns the immediate's value.
func (i Imm12) Value() uint64 {
	if i.shift12 {
		return uint64(i.v) << 12
	}
	return uint64(i.v)
}

func (i Imm12) field() uint32 {
	f := uint32(i.v) << 10
	if i.shift12 {
		f |= 1 << 22
	}
	return f
}

// BitMask is a logical (bitmask) immediate: N:immr:imms.
type BitMask struct {
	n, immr, imms uint8
	is64          bool
}

// LogicalImm returns the bitmask-immediate encoding of v for AND/ORR/EOR/ANDS/TST.
// Encodable values are a 2, 4, 8, 16, 32 or 64-bit element, replicated, whose set bits are one
// contiguous run (rotated). All-zeros and all-ones are not encodable. For 32-bit forms v must
// fit in 32 bits.
func LogicalImm(v uint64, is64 bool) (BitMask, bool) {
	if !is64 {
		if v>>32 != 0 {
			return BitMask{}, false
		}
		v |= v << 32
	}
	if v == 0 || v == math.MaxUint64 {
		return BitMask{}, false
	}
	// Smallest element size whose replication gives v.
	size := uint(64)
	for size > 2 {
		half := size / 2
		mask := uint64(1)<<half - 1
		if v&mask != (v>>half)&mask {
			break
		}
		size = half
	}
	mask := uint64(math.MaxUint64)
	if size < 64 {
		mask = uint64(1)<<size - 1
	}
	elt := v & mask
	ones := uint(bits.OnesCount64(elt))
	run := uint64(1)<<ones - 1 // ones < size, so no overflow
	for r := uint(0); r < size; r++ {
		// Decoding computes ROR(run, immr) within the element.
		rot := run
		if r > 0 {
			rot = (run>>r | run<<(size-r)) & mask
		}
		if rot == elt {
			imms := uint8((^(size-1)<<1)&0x3f) | uint8(ones-1)
			n := uint8(0)
			if size == 64 {
				n = 1
			}
			return BitMask{n: n, immr: uint8(r), imms: imms, is64: is64}, true
		}
	}
	return BitMask{}, false
}

func (b BitMask) field(w Width) uint32 {
	if b.is64 != (w == X64) {
		panic("enc: bitmask immediate built for another width")
	}
	return uint32(b.n)<<22 | uint32(b.immr)<<16 | uint32(b.imms)<<10
}

// Wide is a MOVZ/MOVN/MOVK immediate: a 16-bit chunk and its position.
type Wide struct {
	v  uint16
	hw uint8
}

// MoveWide returns chunk << shift as a move-wide immediate; shift is 0 or 16 (32-bit) and also
// 32 or 48 (64-bit).
func MoveWide(chunk uint64, shift uint, is64 bool) (Wide, bool) {
	if chunk > 0xffff || shift%16 != 0 || shift > 48 || (!is64 && shift > 16) {
		return Wide{}, false
	}
	return Wide{v: uint16(chunk), hw: uint8(shift / 16)}, true
}

func (m Wide) field(w Width) uint32 {
	if w == W32 && m.hw > 1 {
		panic("enc: 64-bit move-wide shift in a 32-bit form")
	}
	return uint32(m.hw)<<21 | uint32(m.v)<<5
}

// Amount is a shift amount for shifted-register operands and immediate shifts: 0 <= n < width.
type Amount struct {
	n    uint8
	is64 bool
}

// ShiftAmount returns n as a shift amount for the given width.
func ShiftAmount(n uint64, w Width) (Amount, bool) {
	if n >= uint64(w.bits()) {
		return Amount{}, false
	}
	return Amount{n: uint8(n), is64: w == X64}, true
}

func (a Amount) check(w Width) uint32 {
	if a.is64 != (w == X64) {
		panic("enc: shift amount built for another width")
	}
	return uint32(a.n)
}

// NoShift is the zero shift amount of either width (usable in every form).
func NoShift(w Width) Amount { return Amount{is64: w == X64} }

// ExtAmount is the left shift (0..4) applied after an extend in extended-register forms.
type ExtAmount struct{ n uint8 }

// ExtendShift returns n as an extended-register shift amount.
func ExtendShift(n uint64) (ExtAmount, bool) {
	if n > 4 {
		return ExtAmount{}, false
	}
	return ExtAmount{uint8(n)}, true
}

// Field is a bit field (lsb, width) of a register, for UBFX/SBFX/BFI/BFXIL.
type Field struct {
	lsb, width uint8
	is64       bool
}

// BitField returns the field of `width` bits starting at bit lsb: width >= 1, lsb+width <= register width.
func BitField(lsb, width uint64, w Width) (Field, bool) {
	if width < 1 || lsb >= uint64(w.bits()) || lsb+width > uint64(w.bits()) {
		return Field{}, false
	}
	return Field{lsb: uint8(lsb), width: uint8(width), is64: w == X64}, true
}

// Bit is a bit number for TBZ/TBNZ (0..63; a bit >= 32 implies the x register).
type Bit struct{ n uint8 }

// TestBit returns n as a TBZ/TBNZ bit number.
func TestBit(n uint64) (Bit, bool) {
	if n > 63 {
		return Bit{}, false
	}
	return Bit{uint8(n)}, true
}

// Imm5 is the unsigned immediate of CCMP/CCMN (immediate).
type Imm5 struct{ v uint8 }

// NewImm5 returns v (0..31) as a conditional-compare immediate.
func NewImm5(v uint64) (Imm5, bool) {
	if v > 31 {
		return Imm5{}, false
	}
	return Imm5{uint8(v)}, true
}

// NZCV is the flags value a conditional compare sets when its condition fails.
type NZCV uint8

// Flags builds an NZCV value.
func Flags(n, z, c, v bool) NZCV {
	var f NZCV
	for i, b := range []bool{v, c, z, n} {
		if b {
			f |= 1 << i
		}
	}
	return f
}

// Imm16 is the 16-bit immediate of SVC, BRK, HLT and UDF.
type Imm16 struct{ v uint16 }

// NewImm16 returns v (0..65535) as an exception immediate.
func NewImm16(v uint64) (Imm16, bool) {
	if v > 0xffff {
		return Imm16{}, false
	}
	return Imm16{uint16(v)}, true
}

// FPImm is an 8-bit floating-point immediate for FMOV (immediate): ±(16..31)/16 × 2^(-3..4).
type FPImm struct{ v uint8 }

// NewFPImm returns the FMOV immediate encoding of f, if it has one (0.0 does not).
func NewFPImm(f float64) (FPImm, bool) {
	for i := 0; i < 256; i++ {
		if expandFPImm(uint8(i)) == f {
			return FPImm{uint8(i)}, true
		}
	}
	return FPImm{}, false
}

// expandFPImm is VFPExpandImm: imm8 = a:b:c:d:e:f:g:h, value = (-1)^a × 2^exp × (1 + efgh/16)
// with exp = (b ? -3 : 1) + cd.
func expandFPImm(imm8 uint8) float64 {
	sign := imm8 >> 7
	b := imm8 >> 6 & 1
	cd := int(imm8 >> 4 & 3)
	frac := float64(imm8&15) / 16
	exp := 1 + cd
	if b == 1 {
		exp = -3 + cd
	}
	v := math.Ldexp(1+frac, exp)
	if sign == 1 {
		v = -v
	}
	return v
}

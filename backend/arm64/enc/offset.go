package enc

// UOff12 is the unsigned, scaled 12-bit offset of LDR/STR (unsigned offset).
type UOff12 struct {
	v     uint16
	scale uint8 // log2 of the access size it was built for
}

// UOffset returns the byte offset off for an access of `size` bytes (1, 2, 4, 8 or 16): it must
// be a non-negative multiple of size below 4096×size.
func UOffset(off int64, size int) (UOff12, bool) {
	sc, ok := log2Size(size)
	if !ok || off < 0 || off%int64(size) != 0 || off/int64(size) >= 1<<12 {
		return UOff12{}, false
	}
	return UOff12{v: uint16(off / int64(size)), scale: sc}, true
}

func log2Size(size int) (uint8, bool) {
	switch size {
	case 1:
		return 0, true
	case 2:
		return 1, true
	case 4:
		return 2, true
	case 8:
		return 3, true
	case 16:
		return 4, true
	}
	return 0, false
}

// SImm9 is the signed, unscaled 9-bit byte offset of pre/post-indexed and unscaled (LDUR/STUR)
// loads and stores.
type SImm9 struct{ v int16 }

// NewSImm9 returns off (-256..255) as an unscaled offset.
func NewSImm9(off int64) (SImm9, bool) {
	if off < -256 || off > 255 {
		return SImm9{}, false
	}
	return SImm9{int16(off)}, true
}

func (s SImm9) field() uint32 { return uint32(s.v) & 0x1ff << 12 }

// PairOff is the signed, scaled 7-bit offset of LDP/STP.
type PairOff struct {
	v     int8
	scale uint8
}

// PairOffset returns the byte offset off for a pair of `size`-byte registers (4 or 8): a multiple
// of size in -64×size .. 63×size.
func PairOffset(off int64, size int) (PairOff, bool) {
	sc, ok := log2Size(size)
	if !ok || size < 4 || off%int64(size) != 0 || off/int64(size) < -64 || off/int64(size) > 63 {
		return PairOff{}, false
	}
	return PairOff{v: int8(off / int64(size)), scale: sc}, true
}

// BranchOff is a PC-relative byte offset for B/BL (26 bits), B.cond/CBZ/LDR literal (19 bits)
// or TBZ (14 bits), after validation for the form's range.
type BranchOff struct {
	v    int32 // in instructions (words)
	bits uint8
}

func branchOff(off int64, bits uint) (BranchOff, bool) {
	if off%4 != 0 {
		return BranchOff{}, false
	}
	w := off / 4
	if w < -(1<<(bits-1)) || w >= 1<<(bits-1) {
		return BranchOff{}, false
	}
	return BranchOff{v: int32(w), bits: uint8(bits)}, true
}

// Off26 validates a B/BL byte offset: a multiple of 4 within ±128 MiB.
func Off26(off int64) (BranchOff, bool) { return branchOff(off, 26) }

// Off19 validates a B.cond/CBZ/CBNZ/LDR (literal) byte offset: a multiple of 4 within ±1 MiB.
func Off19(off int64) (BranchOff, bool) { return branchOff(off, 19) }

// Off14 validates a TBZ/TBNZ byte offset: a multiple of 4 within ±32 KiB.
func Off14(off int64) (BranchOff, bool) { return branchOff(off, 14) }

func (b BranchOff) field(bits uint8) uint32 {
	if b.bits != bits {
		panic("enc: branch offset validated for another form")
	}
	return uint32(b.v) & (1<<bits - 1)
}

// AdrOff is the 21-bit signed immediate of ADR (bytes) or ADRP (4 KiB pages).
type AdrOff struct {
	v    int32
	page bool
}

// AdrOffset validates an ADR byte offset (±1 MiB).
func AdrOffset(off int64) (AdrOff, bool) {
	if off < -(1<<20) || off >= 1<<20 {
		return AdrOff{}, false
	}
	return AdrOff{v: int32(off)}, true
}

// AdrpPages validates an ADRP page delta: (target page - pc page) >> 12, within ±2^20 pages (±4 GiB).
func AdrpPages(pages int64) (AdrOff, bool) {
	if pages < -(1<<20) || pages >= 1<<20 {
		return AdrOff{}, false
	}
	return AdrOff{v: int32(pages), page: true}, true
}

func (a AdrOff) field() uint32 {
	u := uint32(a.v) & (1<<21 - 1)
	return (u&3)<<29 | (u>>2)<<5
}

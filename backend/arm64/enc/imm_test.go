package enc

import (
	"math"
	"math/bits"
	"testing"
)

func TestImmediateConstructorsReject(t *testing.T) {
	reject := []struct {
		name string
		ok   bool
	}{
		{"Imm12 4097", second(NewImm12(4097))},
		{"Imm12 1<<24", second(NewImm12(1 << 24))},
		{"Imm12 0x1001000", second(NewImm12(0x1001000))},
		{"LogicalImm 0 (64)", second(LogicalImm(0, true))},
		{"LogicalImm ~0 (64)", second(LogicalImm(math.MaxUint64, true))},
		{"LogicalImm 0xffffffff (32)", second(LogicalImm(0xffffffff, false))},
		{"LogicalImm 1<<32 (32)", second(LogicalImm(1<<32, false))},
		{"LogicalImm 0x5 (two runs)", second(LogicalImm(0b101, true))},
		{"LogicalImm 0x1234", second(LogicalImm(0x1234, true))},
		{"MoveWide 0x10000", second(MoveWide(0x10000, 0, true))},
		{"MoveWide shift 8", second(MoveWide(1, 8, true))},
		{"MoveWide shift 32 (32-bit)", second(MoveWide(1, 32, false))},
		{"MoveWide shift 64", second(MoveWide(1, 64, true))},
		{"ShiftAmount 32 (32-bit)", second(ShiftAmount(32, W32))},
		{"ShiftAmount 64", second(ShiftAmount(64, X64))},
		{"ExtendShift 5", second(ExtendShift(5))},
		{"BitField width 0", second(BitField(0, 0, X64))},
		{"BitField past the end", second(BitField(30, 3, W32))},
		{"TestBit 64", second(TestBit(64))},
		{"Imm5 32", second(NewImm5(32))},
		{"Imm16 65536", second(NewImm16(65536))},
		{"FPImm 0.0", second(NewFPImm(0))},
		{"FPImm 0.1", second(NewFPImm(0.1))},
		{"FPImm 32", second(NewFPImm(32))},
		{"FPImm 1/16", second(NewFPImm(1.0 / 16))},
		{"UOffset negative", second(UOffset(-8, 8))},
		{"UOffset misaligned", second(UOffset(4, 8))},
		{"UOffset too far", second(UOffset(4096*8, 8))},
		{"UOffset bad size", second(UOffset(0, 3))},
		{"SImm9 256", second(NewSImm9(256))},
		{"SImm9 -257", second(NewSImm9(-257))},
		{"PairOffset misaligned", second(PairOffset(4, 8))},
		{"PairOffset 512", second(PairOffset(512, 8))},
		{"PairOffset -520", second(PairOffset(-520, 8))},
		{"PairOffset size 2", second(PairOffset(0, 2))},
		{"Off26 misaligned", second(Off26(2))},
		{"Off26 +128MiB", second(Off26(1 << 27))},
		{"Off26 -128MiB-4", second(Off26(-(1 << 27) - 4))},
		{"Off19 +1MiB", second(Off19(1 << 20))},
		{"Off14 +32KiB", second(Off14(1 << 15))},
		{"Off14 -32KiB-4", second(Off14(-(1 << 15) - 4))},
		{"AdrOffset 1MiB", second(AdrOffset(1 << 20))},
		{"AdrpPages 1<<20", second(AdrpPages(1 << 20))},
	}
	for _, r := range reject {
		if r.ok {
			t.Errorf("%s: accepted, want rejected", r.name)
		}
	}
	// Boundaries that must be accepted.
	accept := []struct {
		name string
		ok   bool
	}{
		{"Imm12 0xfff000", second(NewImm12(0xfff000))},
		{"Off26 -128MiB", second(Off26(-(1 << 27)))},
		{"Off14 -32KiB", second(Off14(-(1 << 15)))},
		{"AdrpPages -(1<<20)", second(AdrpPages(-(1 << 20)))},
		{"PairOffset -512", second(PairOffset(-512, 8))},
		{"FPImm 0.125", second(NewFPImm(0.125))},
		{"BitField full width", second(BitField(0, 32, W32))},
	}
	for _, a := range accept {
		if !a.ok {
			t.Errorf("%s: rejected, want accepted", a.name)
		}
	}
}

func second[T any](_ T, ok bool) bool { return ok }

// decodeBitMask is DecodeBitMasks of the architecture manual, written independently of
// LogicalImm: it expands N:immr:imms into the register value.
func decodeBitMask(b BitMask) (uint64, bool) {
	combined := uint32(b.n)<<6 | uint32(^b.imms&0x3f)
	if combined == 0 {
		return 0, false
	}
	length := bits.Len32(combined) - 1
	if length < 1 {
		return 0, false
	}
	size := uint(1) << length
	levels := uint8(size - 1)
	s, r := uint(b.imms&levels), uint(b.immr&levels)
	if s == uint(levels) {
		return 0, false
	}
	elt := uint64(1)<<(s+1) - 1
	if r > 0 {
		elt = (elt>>r | elt<<(size-r))
		if size < 64 {
			elt &= uint64(1)<<size - 1
		}
	}
	v := uint64(0)
	for i := uint(0); i < 64; i += size {
		v |= elt << i
	}
	return v, true
}

// TestLogicalImmAllPatterns enumerates every (size, ones, rotation) bitmask pattern, checks
// that LogicalImm accepts it and that its encoding decodes back to the value; values next to
// the patterns that are not patterns themselves must be rejected.
func TestLogicalImmAllPatterns(t *testing.T) {
	valid := map[uint64]bool{}
	for size := uint(2); size <= 64; size *= 2 {
		for ones := uint(1); ones < size; ones++ {
			for rot := uint(0); rot < size; rot++ {
				elt := uint64(1)<<ones - 1
				if rot > 0 {
					elt = elt>>rot | elt<<(size-rot)
				}
				if size < 64 {
					elt &= uint64(1)<<size - 1
				}
				v := uint64(0)
				for i := uint(0); i < 64; i += size {
					v |= elt << i
				}
				valid[v] = true
			}
		}
	}
	if len(valid) != 5334 {
		t.Errorf("%d distinct 64-bit bitmask immediates, want 5334", len(valid))
	}
	for v := range valid {
		b, ok := LogicalImm(v, true)
		if !ok {
			t.Fatalf("LogicalImm(%#x) rejected", v)
		}
		if got, ok := decodeBitMask(b); !ok || got != v {
			t.Fatalf("LogicalImm(%#x) decodes to %#x", v, got)
		}
		if uint32(v) == uint32(v>>32) { // also a 32-bit immediate
			b, ok := LogicalImm(v&0xffffffff, false)
			if !ok || b.n != 0 {
				t.Fatalf("LogicalImm(%#x, 32-bit) = %+v, %v", uint32(v), b, ok)
			}
			if got, _ := decodeBitMask(b); got != v {
				t.Fatalf("LogicalImm(%#x, 32-bit) decodes to %#x", uint32(v), got)
			}
		}
		for _, near := range []uint64{v + 1, v - 1, v ^ 0x10000} {
			if _, ok := LogicalImm(near, true); ok != valid[near] {
				t.Fatalf("LogicalImm(%#x) = %v, want %v", near, ok, valid[near])
			}
		}
	}
}

func TestFPImmRoundTrip(t *testing.T) {
	for i := 0; i < 256; i++ {
		f := expandFPImm(uint8(i))
		got, ok := NewFPImm(f)
		if !ok || got.v != uint8(i) {
			t.Errorf("NewFPImm(%v) = %d, %v; want %d", f, got.v, ok, i)
		}
	}
}

func TestLoadConst(t *testing.T) {
	cases := []struct {
		w    Width
		v    uint64
		want int // instructions
	}{
		{X64, 0, 1}, {X64, 0xffff, 1}, {X64, 0x10000, 1}, {X64, math.MaxUint64, 1},
		{X64, 0xffffffffffff1234, 1}, {X64, 0x5555555555555555, 1}, {X64, 0x12345678, 2},
		{X64, 0x123456789abcdef0, 4}, {W32, 0xffffffff, 1}, {W32, 0x80000000, 1},
		{W32, 0x12345678, 2}, {W32, 0xfffe1234, 2}, {W32, 0xffff1234, 1}, {X64, 0xffff0000ffff1234, 2},
	}
	for _, c := range cases {
		got := LoadConst(c.w, X3, c.v)
		if len(got) != c.want {
			t.Errorf("LoadConst(%v, %#x) = %d instructions, want %d", c.w, c.v, len(got), c.want)
		}
		if v := simulateMoves(c.w, got); v != c.v&widthMask(c.w) {
			t.Errorf("LoadConst(%v, %#x) computes %#x", c.w, c.v, v)
		}
	}
}

func widthMask(w Width) uint64 {
	if w == W32 {
		return 0xffffffff
	}
	return math.MaxUint64
}

// simulateMoves executes a MOVZ/MOVN/MOVK/ORR-immediate sequence on one register.
func simulateMoves(w Width, words []uint32) uint64 {
	var r uint64
	for _, word := range words {
		hw := uint(word>>21&3) * 16
		imm := uint64(word >> 5 & 0xffff)
		switch word &^ (1 << 31) >> 23 {
		case 0x52800000 >> 23: // MOVZ
			r = imm << hw
		case 0x12800000 >> 23: // MOVN
			r = ^(imm << hw)
		case 0x72800000 >> 23: // MOVK
			r = r&^(0xffff<<hw) | imm<<hw
		case 0x32000000 >> 23: // ORR (immediate) from ZR
			v, _ := decodeBitMask(BitMask{n: uint8(word >> 22 & 1), immr: uint8(word >> 16 & 63), imms: uint8(word >> 10 & 63)})
			r = v
		default:
			panic("unexpected instruction")
		}
	}
	return r & widthMask(w)
}

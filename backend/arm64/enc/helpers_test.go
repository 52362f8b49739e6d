package enc

import "fmt"

// Test helpers that turn a constructor's (value, ok) into a value, panicking when the
// immediate is not encodable: every immediate in the triple tables must be valid.

func must[T any](v T, ok bool) T {
	if !ok {
		panic(fmt.Sprintf("immediate not encodable: %T", v))
	}
	return v
}

func imm12(v uint64) Imm12                { return must(NewImm12(v)) }
func bm(v uint64, w Width) BitMask        { return must(LogicalImm(v, w == X64)) }
func amt(n uint64, w Width) Amount        { return must(ShiftAmount(n, w)) }
func wide(c uint64, s uint, w Width) Wide { return must(MoveWide(c, s, w == X64)) }
func ext(n uint64) ExtAmount              { return must(ExtendShift(n)) }
func field(l, n uint64, w Width) Field    { return must(BitField(l, n, w)) }
func uoffset(off int64, size int) UOff12  { return must(UOffset(off, size)) }
func simm9(off int64) SImm9               { return must(NewSImm9(off)) }
func poff(off int64, size int) PairOff    { return must(PairOffset(off, size)) }
func o26(off int64) BranchOff             { return must(Off26(off)) }
func o19(off int64) BranchOff             { return must(Off19(off)) }
func o14(off int64) BranchOff             { return must(Off14(off)) }
func bit(n uint64) Bit                    { return must(TestBit(n)) }
func i5(v uint64) Imm5                    { return must(NewImm5(v)) }
func i16(v uint64) Imm16                  { return must(NewImm16(v)) }
func fimm(f float64) FPImm                { return must(NewFPImm(f)) }
func adr(off int64) AdrOff                { return must(AdrOffset(off)) }
func adrp(pages int64) AdrOff             { return must(AdrpPages(pages)) }

package enc

import "testing"

// TestPatch checks that patching the offset field of a placeholder gives the same word as
// encoding the offset directly, and leaves the other fields alone.
func TestPatch(t *testing.T) {
	for _, off := range []int64{0, 4, -4, 0x1000, -0x40000} {
		if got, want := PatchBranch26(B(o26(0)), o26(off)), B(o26(off)); got != want {
			t.Errorf("PatchBranch26(b, %d) = %08x, want %08x", off, got, want)
		}
		if got, want := PatchBranch26(Bl(o26(8)), o26(off)), Bl(o26(off)); got != want {
			t.Errorf("PatchBranch26(bl, %d) = %08x, want %08x", off, got, want)
		}
		if got, want := PatchBranch19(Cbnz(X64, X7, o19(0)), o19(off)), Cbnz(X64, X7, o19(off)); got != want {
			t.Errorf("PatchBranch19(cbnz, %d) = %08x, want %08x", off, got, want)
		}
		if got, want := PatchBranch19(BCond(LE, o19(-8)), o19(off)), BCond(LE, o19(off)); got != want {
			t.Errorf("PatchBranch19(b.le, %d) = %08x, want %08x", off, got, want)
		}
		if off >= -0x8000 {
			if got, want := PatchBranch14(Tbz(X3, bit(40), o14(0)), o14(off)), Tbz(X3, bit(40), o14(off)); got != want {
				t.Errorf("PatchBranch14(tbz, %d) = %08x, want %08x", off, got, want)
			}
		}
		if got, want := PatchAdr(Adr(X5, adr(0)), adr(off)), Adr(X5, adr(off)); got != want {
			t.Errorf("PatchAdr(adr, %d) = %08x, want %08x", off, got, want)
		}
		if got, want := PatchAdr(Adrp(X5, adrp(0)), adrp(off/4)), Adrp(X5, adrp(off/4)); got != want {
			t.Errorf("PatchAdr(adrp, %d) = %08x, want %08x", off/4, got, want)
		}
	}
	w, ok := PatchImm12(AddImm(X64, X1, X2, imm12(0)), 0xabc)
	if !ok || w != AddImm(X64, X1, X2, imm12(0xabc)) {
		t.Errorf("PatchImm12(add) = %08x, %v", w, ok)
	}
	w, ok = PatchImm12(Ldst(LDRX, X1, X2, uoffset(0, 8)), 0x10)
	if !ok || w != Ldst(LDRX, X1, X2, uoffset(0x80, 8)) {
		t.Errorf("PatchImm12(ldr) = %08x, %v", w, ok)
	}
	if _, ok := PatchImm12(0, 0x1000); ok {
		t.Error("PatchImm12 accepted 0x1000")
	}
}

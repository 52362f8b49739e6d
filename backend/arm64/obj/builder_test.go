package obj

import (
	"encoding/binary"
	"strings"
	"testing"

	"cot/backend/arm64/enc"
)

func words(code []byte) []uint32 {
	var w []uint32
	for i := 0; i+4 <= len(code); i += 4 {
		w = append(w, binary.LittleEndian.Uint32(code[i:]))
	}
	return w
}

func TestBuilderLabels(t *testing.T) {
	b := NewBuilder()
	top, end := b.NewLabel(), b.NewLabel()
	b.Bind(top)                 // 0
	b.Cbz(enc.X64, enc.X0, end) // 0: cbz x0, +16
	b.Emit(enc.Nop())           // 4
	b.BCond(enc.NE, top)        // 8: b.ne -8
	b.B(top)                    // 12: b -12
	b.Bind(end)                 // 16
	b.Adr(enc.X1, top)          // 16: adr x1, -16
	bit, _ := enc.TestBit(3)
	b.Tbnz(enc.X2, bit, top) // 20: tbnz w2, #3, -20
	b.Call("callee")         // 24
	code, relocs, err := b.Finish()
	if err != nil {
		t.Fatal(err)
	}
	off := func(o int64, c func(int64) (enc.BranchOff, bool)) enc.BranchOff {
		v, ok := c(o)
		if !ok {
			t.Fatal(o)
		}
		return v
	}
	adr, _ := enc.AdrOffset(-16)
	bitOff := off(-20, enc.Off14)
	zero := off(0, enc.Off26)
	want := []uint32{
		enc.Cbz(enc.X64, enc.X0, off(16, enc.Off19)),
		enc.Nop(),
		enc.BCond(enc.NE, off(-8, enc.Off19)),
		enc.B(off(-12, enc.Off26)),
		enc.Adr(enc.X1, adr),
		enc.Tbnz(enc.X2, bit, bitOff),
		enc.Bl(zero),
	}
	got := words(code)
	if len(got) != len(want) {
		t.Fatalf("%d words, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("word %d = %08x, want %08x", i, got[i], want[i])
		}
	}
	if len(relocs) != 1 || relocs[0] != (Reloc{Offset: 24, Kind: Call26, Sym: "callee"}) {
		t.Errorf("relocs = %+v", relocs)
	}
}

func TestBuilderErrors(t *testing.T) {
	b := NewBuilder()
	b.B(b.NewLabel())
	if _, _, err := b.Finish(); err == nil || !strings.Contains(err.Error(), "never bound") {
		t.Errorf("unbound label: err = %v", err)
	}
	b = NewBuilder()
	l := b.NewLabel()
	bit, _ := enc.TestBit(0)
	b.Tbz(enc.X0, bit, l)
	b.Emit(make([]uint32, 1<<13)...) // 32 KiB of padding: beyond TBZ's range
	b.Bind(l)
	if _, err := b.Symbol("f", false); err == nil || !strings.Contains(err.Error(), "out of range") {
		t.Errorf("far tbz: err = %v", err)
	}
}

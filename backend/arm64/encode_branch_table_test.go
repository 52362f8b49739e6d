package arm64

import (
	"encoding/binary"
	"math"
	"testing"

	"golang.org/x/arch/arm64/arm64asm"

	"cot/ir/mir"
)

// TestEncodeBitBranchFloatImmediateAndTable checks the MIR forms of tbz/tbnz, fmov #imm, the
// jump table and the scaled register-offset load as (instruction, hex, asm) triples: the word encodeFunc produces and x/arch's GNU
// disassembly of it (a table entry is data: its hex only).
func TestEncodeBitBranchFloatImmediateAndTable(t *testing.T) {
	ret := func(id int) *mir.Block { return &mir.Block{ID: id, Instrs: []*mir.Instr{{Op: mir.RET}}} }
	f := &mir.Func{Name: "f", Blocks: []*mir.Block{
		{ID: 0, Instrs: []*mir.Instr{
			{Op: mir.TBNZ, W: mir.W, Rn: 9, Imm: 31, Target: 2},
			{Op: mir.TBZ, W: mir.X, Rn: 3, Imm: 40, Target: 1},
			{Op: mir.FMOVI, W: mir.D, Rd: mir.V(1), Imm: int64(math.Float64bits(1.5))},
			{Op: mir.FMOVI, W: mir.S, Rd: mir.V(2), Imm: int64(math.Float32bits(-0.125))},
			{Op: mir.BRTABLE, W: mir.W, Rn: 9, Table: []int{1, 2, 1}},
		}},
		ret(1),
		{ID: 2, Instrs: []*mir.Instr{{Op: mir.LDRR, W: mir.X, Rd: 17, Rn: 16, Rm: 9, Imm: 3}, {Op: mir.RET}}},
	}}
	sym, err := encodeFunc(f)
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		hex uint32
		asm string // "" for a data word
	}{
		{0x37f80189, "tbnz w9, #31, .+0x30"},
		{0xb6400143, "tbz x3, #40, .+0x28"},
		{0x1e6f1001, "fmov d1, #1.500000000000000000e+00"},
		{0x1e381002, "fmov s2, #-1.250000000000000000e-01"},
		{0x10000090, "adr x16, .+0x10"},
		{0xb8a95a11, "ldrsw x17, [x16,w9,uxtw #2]"},
		{0x8b110210, "add x16, x16, x17"},
		{0xd61f0200, "br x16"},
		{0x0000000c, ""}, // block 1 (ret at +0x2c) - table start (+0x20)
		{0x00000010, ""},
		{0x0000000c, ""},
		{0xd65f03c0, "ret"},
		{0xf8697a11, "ldr x17, [x16,x9,lsl #3]"},
		{0xd65f03c0, "ret"},
	}
	if len(sym.Bytes) != 4*len(want) {
		t.Fatalf("%d bytes, want %d", len(sym.Bytes), 4*len(want))
	}
	for i, w := range want {
		word := binary.LittleEndian.Uint32(sym.Bytes[4*i:])
		if word != w.hex {
			t.Errorf("word %d: %08x, want %08x (%s)", i, word, w.hex, w.asm)
		}
		if w.asm == "" {
			continue
		}
		inst, err := arm64asm.Decode(sym.Bytes[4*i : 4*i+4])
		if err != nil {
			t.Errorf("word %d: %v", i, err)
			continue
		}
		if got := arm64asm.GNUSyntax(inst); got != w.asm {
			t.Errorf("word %d: x/arch reads %q, want %q", i, got, w.asm)
		}
	}
}

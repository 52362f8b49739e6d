package arm64

import (
	"testing"

	"cot/ir/mir"
)

// TestRewriteFarSlot: a spilled register whose slot is beyond the scaled immediate's reach
// (sp + 40,000) is loaded and stored through x16 = sp + x17, one sequence before and one after
// the instruction.
func TestRewriteFarSlot(t *testing.T) {
	f := &mir.Func{Name: "far", OutArgs: 40000}
	v := f.NewVReg(mir.Int)
	f.Blocks = []*mir.Block{{ID: 0, Instrs: []*mir.Instr{
		{Op: mir.ADD, W: mir.X, Rd: v, Rn: v, Rm: v},
		{Op: mir.RET},
	}}}
	assign := newAssignment(f)
	assign.put(v, location{reg: mir.NoReg, slot: 0})
	rewriteAllocated(f, assign)
	var got []string
	for _, in := range f.Blocks[0].Instrs {
		got = append(got, f.Format(in))
	}
	want := []string{
		"add x16, sp, #0", "movz x17, #0x9c40", "add x16, x16, x17", "ldr x13, [x16, #0]",
		"add x13, x13, x13",
		"add x16, sp, #0", "movz x17, #0x9c40", "add x16, x16, x17", "str x13, [x16, #0]",
		"ret",
	}
	if len(got) != len(want) {
		t.Fatalf("got\n%q\nwant\n%q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("instruction %d: got %q, want %q (all: %q)", i, got[i], want[i], got)
		}
	}
}

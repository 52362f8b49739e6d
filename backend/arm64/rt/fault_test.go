package rt

import (
	"testing"

	. "cot/backend/arm64/enc"
)

// TestFaultHandler: an access anywhere in the reservation beyond the memory's size is the
// out-of-bounds trap (past the end, in the middle of the 4 GiB, at the very end of the offset
// guard, straddling the end, after a grow); a fault elsewhere still kills the process with
// SIGSEGV (qemu reports it and exits as the signal).
func TestFaultHandler(t *testing.T) {
	oob := "error: out of bounds memory access\n"
	load := func(off uint64, op MemOp) func(a asm) {
		return func(a asm) {
			guest(a, X9, off)
			a.ld(op, X0, X9, 0)
			printW0(a)
		}
	}
	runProgs(t, []prog{
		{name: "in_bounds", body: load(0xfff8, LDRX), stdout: "i32:0x00000000\n"},
		{name: "past_the_end", body: load(0x10000, LDRB), stderr: oob, exit: 134},
		{name: "straddling", body: load(0xfffc, LDRX), stderr: oob, exit: 134},
		{name: "index_max", body: load(0xffffffff, LDRB), stderr: oob, exit: 134},
		{name: "guard_end", body: load(memoryWindow-8, LDRX), stderr: oob, exit: 134},
		{name: "store", body: func(a asm) {
			guest(a, X9, 0x12345678)
			a.ld(STRW, ZR, X9, 0)
		}, stderr: oob, exit: 134},
		{name: "after_grow", body: func(a asm) {
			arg(a, X0, 1)
			call(a, "cot_rt_memory_grow")
			load(0x1fffc, LDRW)(a) // the grown page reads
			load(0x20000, LDRW)(a) // beyond the maximum of 2 pages: trap
		}, stdout: "i32:0x00000000\n", stderr: oob, exit: 134},
		{name: "foreign", body: func(a asm) {
			a.mov(X9, 8)
			a.ld(LDRX, X0, X9, 0)
			printW0(a)
		}, stderr: "qemu: uncaught target signal 11 (Segmentation fault) - core dumped\n", exit: -1},
	})
}

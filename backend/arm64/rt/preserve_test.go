package rt

import (
	. "cot/backend/arm64/enc"
	"cot/backend/arm64/obj"
)

// call emits a call to a runtime routine that also checks the ABI's promise: x18..x29 and sp
// are the same after the call (x18/x27/x28 excepted for the memory routines, which set them).
// A difference branches to test_clobbered, which prints "clobbered" and exits with 99.
// The caller's first stack slot (path_open's ninth argument) is copied below the saved
// registers, so stack arguments still arrive at [sp].
func call(a asm, sym string) {
	pairs := [][2]Reg{{X18, X19}, {X20, X21}, {X22, X23}, {X24, X25}, {X26, X27}, {X28, X29}}
	a.subImm(X64, SP, SP, 128)
	for i, p := range pairs {
		a.Emit(Pair(STPX, p[0], p[1], SP, must(PairOffset(int64(16+16*i), 8))))
	}
	a.Emit(MovSP(X64, X16, SP))
	a.ld(STRX, X16, SP, 112)
	a.ld(LDRX, X16, SP, 128)
	a.ld(STRX, X16, SP, 0)
	a.Call(sym)
	a.Emit(MovSP(X64, X16, SP))
	a.ld(LDRX, X17, SP, 112)
	a.Emit(CmpReg(X64, X16, X17, LSL, NoShift(X64)))
	a.JumpCond(NE, "test_clobbered")
	memory := sym == "cot_rt_memory_init" || sym == "cot_rt_memory_grow"
	for i, p := range pairs {
		a.Emit(Pair(LDPX, X16, X17, SP, must(PairOffset(int64(16+16*i), 8))))
		for j, r := range p {
			if memory && (r == X18 || r == X27 || r == X28) {
				continue
			}
			a.Emit(CmpReg(X64, []Reg{X16, X17}[j], r, LSL, NoShift(X64)))
			a.JumpCond(NE, "test_clobbered")
		}
	}
	a.addImm(X64, SP, SP, 128)
}

// clobbered is the test_clobbered symbol.
func clobbered() obj.Symbol {
	a := newAsm()
	a.Addr(X1, "test_clobbered_msg", 0)
	a.mov(X2, 10)
	a.mov(X0, 2)
	a.syscall(sysWrite)
	a.mov(X0, 99)
	a.syscall(sysExitGroup)
	return a.done("test_clobbered", false)
}

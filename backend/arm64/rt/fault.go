package rt

import . "cot/backend/arm64/enc"

// The signal handler that turns a fault in the memory reservation into the out-of-bounds trap
// (docs/decisions.md, "native bounds checks"; docs/arm64-abi.md).

const (
	sysRtSigaction = 134
	sysKill        = 129
	sysGetpid      = 172
	sigSEGV        = 11

	saSigInfo   = 0x4
	saNoDefer   = 0x40000000
	saResetHand = 0x80000000

	siAddrOffset = 16 // siginfo_t.si_addr on 64-bit Linux
)

// installFaultHandler is rt_sigaction(SIGSEGV, {cot_rt_fault, SA_SIGINFO | SA_NODEFER |
// SA_RESETHAND, mask 0}, NULL, 8), the kernel's struct sigaction {handler, flags, restorer,
// mask} built on the stack. SA_RESETHAND restores the default action as the handler is entered
// and SA_NODEFER leaves SIGSEGV unblocked in it, so a fault outside linear memory can be
// re-raised and kill the process as it would have without the handler. Clobbers x0..x9.
func installFaultHandler(a asm) {
	a.subImm(X64, SP, SP, 32)
	a.Addr(X9, "cot_rt_fault", 0)
	a.ld(STRX, X9, SP, 0)
	a.mov(X9, saSigInfo|saNoDefer|saResetHand)
	a.ld(STRX, X9, SP, 8)
	a.ld(STRX, ZR, SP, 16)
	a.ld(STRX, ZR, SP, 24)
	a.mov(X0, sigSEGV)
	a.Emit(MovSP(X64, X1, SP))
	a.mov(X2, 0)
	a.mov(X3, 8)
	a.syscall(sysRtSigaction)
	a.addImm(X64, SP, SP, 32)
}

// fault is the SIGSEGV handler (x0 = signal, x1 = siginfo): a fault address inside the memory
// reservation [base, base + memoryWindow) is an out-of-bounds access of compiled code (the
// runtime's own guest accesses are checked explicitly), so it becomes the trap `error: out of
// bounds memory access`, exit 134, which never returns. Any other fault is a bug outside the
// sandbox's contract: it is raised again with the default action and kills the process.
func fault(a asm) {
	foreign := a.NewLabel()
	a.ld(LDRX, X9, X1, siAddrOffset)
	a.Addr(X10, "cot_rt_memory_base", 0)
	a.ld(LDRX, X10, X10, 0)
	a.Emit(SubsReg(X64, X9, X9, X10, LSL, NoShift(X64)))
	a.BCond(LO, foreign)
	a.mov(X11, memoryWindow)
	a.Emit(CmpReg(X64, X9, X11, LSL, NoShift(X64)))
	a.BCond(HS, foreign)
	a.Jump("cot_trap_oob")
	a.Bind(foreign)
	a.syscall(sysGetpid)
	a.mov(X1, sigSEGV)
	a.syscall(sysKill)
	a.mov(X0, 128+sigSEGV) // not reached: the signal ends the process
	a.syscall(sysExitGroup)
}

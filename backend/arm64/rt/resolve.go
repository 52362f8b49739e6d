package rt

import (
	. "cot/backend/arm64/enc"
	"cot/backend/arm64/obj"
)

// Path resolution beneath a directory fd (docs/decisions.md, "WASI sandbox"): the component
// walk that cap-std does where openat2(RESOLVE_BENEATH) is missing (qemu-user 7.2 lacks it, so
// this is the only implementation: one that every test exercises). Hand-written because the
// runtime is machine code; the algorithm is cap-std's open_manually.
func init() {
	define("cot_rt_resolve", one("cot_rt_resolve", false, resolve), "cot_rt_errno")
}

const (
	resolveFollow = 1 // follow a symlink in the last component
	resolveStrip  = 2 // a trailing slash is dropped: "a/" names entry a (path_create_directory)
	maxSymlinks   = 40
	maxDepth      = 256 // directories open at once during one walk
	oPath         = 0x200000
	linuxENOTDIR  = 20
	linuxELOOP    = 40
	wasiELOOP     = 32
	wasiENOENT    = 44

	resolveFrame = 3 * pathMax
	rsStack      = 64                   // fd stack: maxDepth 8-byte slots
	rsTmp        = rsStack + 8*maxDepth // symlink target + the rest of the path (2 × pathMax, ends below resolveFrame)
	rsSaveLR     = 48                   // x19..x24 are saved at 0..47
)

// resolve is cot_rt_resolve(x0 base dir fd, x1 path buffer, w2 flags) -> x0 = the host fd of
// the directory holding the last component (x0 itself or a new O_PATH fd the caller closes when
// it differs from x0), x1 = the last component, NUL-terminated inside the buffer; or x0 = -errno
// (WASI). The buffer holds a relative path of fewer than pathMax bytes and is rewritten in place.
//
//	"a/b/c"           => dir a/b (opened with O_NOFOLLOW, one component at a time), "c"
//	"."  "a/.."  "a/" => the directory itself (a), "." (so rmdir("a/") is EINVAL, as in cap-std;
//	                     with resolveStrip, for mkdir, "a/" is "a")
//	".." above base   => EPERM                a symlink in a/ => its target is spliced in:
//	                                           absolute => EPERM, more than 40 => ELOOP
//
// A path that would leave base is EPERM, the answer of wasmtime-go (preview 1 over cap-std),
// our reference runner; golden/sandbox_test.go compares the two.
//
// Registers: x19 current dir, x20 depth (fds on the stack), x21 symlinks followed, x22 cursor,
// x23 buffer, x24 flags; x9 component, x10 its end, x11 the next component, x12 its length.
func resolve(a asm) {
	a.subImm(X64, SP, SP, resolveFrame)
	a.Emit(Pair(STPX, X19, X20, SP, must(PairOffset(0, 8))))
	a.Emit(Pair(STPX, X21, X22, SP, must(PairOffset(16, 8))))
	a.Emit(Pair(STPX, X23, X24, SP, must(PairOffset(32, 8))))
	a.ld(STRX, X30, SP, rsSaveLR)
	a.Emit(Mov(X64, X19, X0))
	a.mov(X20, 0)
	a.mov(X21, 0)
	a.Emit(Mov(X64, X22, X1))
	a.Emit(Mov(X64, X23, X1))
	a.Emit(Mov(W32, X24, X2))

	loop, final, intermediate, nameDot, done := a.NewLabel(), a.NewLabel(), a.NewLabel(), a.NewLabel(), a.NewLabel()
	fail, sysFail := a.NewLabel(), a.NewLabel() // x0 = WASI errno / negative Linux errno
	errno := func(e uint64) obj.Label {
		l, past := a.NewLabel(), a.NewLabel()
		a.B(past)
		a.Bind(l)
		a.mov(X0, e)
		a.B(fail)
		a.Bind(past)
		return l
	}
	escape, loopErr, tooLong, noent := errno(wasiEPERM), errno(wasiELOOP), errno(wasiENAMETOOLONG), errno(wasiENOENT)

	skipSlashes := func(r Reg) { // advance r past '/'; w13 = the byte it stops at
		l, out := a.NewLabel(), a.NewLabel()
		a.Bind(l)
		a.ld(LDRB, X13, r, 0)
		a.cmpImm(W32, X13, '/')
		a.BCond(NE, out)
		a.addImm(X64, r, r, 1)
		a.B(l)
		a.Bind(out)
	}
	// pop leaves a directory for its parent (the one it was opened from).
	pop := func() {
		a.Cbz(X64, X20, escape)
		a.Emit(Mov(X64, X0, X19))
		a.syscall(sysClose)
		a.subImm(X64, X20, X20, 1)
		a.addImm(X64, X16, SP, rsStack)
		a.Emit(LdstReg(LDRX, X19, X16, X20, UXTX, true))
	}
	// classify branches to dot / dotdot when the component is "." / "..".
	classify := func(dot, dotdot obj.Label) {
		notDot, other := a.NewLabel(), a.NewLabel()
		a.cmpImm(X64, X12, 1)
		a.BCond(NE, notDot)
		a.ld(LDRB, X13, X9, 0)
		a.cmpImm(W32, X13, '.')
		a.BCond(EQ, dot)
		a.B(other)
		a.Bind(notDot)
		a.cmpImm(X64, X12, 2)
		a.BCond(NE, other)
		a.ld(LDRH, X13, X9, 0)
		a.mov(X14, '.'<<8|'.')
		a.Emit(CmpReg(W32, X13, X14, LSL, NoShift(W32)))
		a.BCond(EQ, dotdot)
		a.Bind(other)
	}
	readlink := func() { // readlinkat(cur, component, tmp, pathMax) -> x0
		a.Emit(Mov(X64, X0, X19))
		a.Emit(Mov(X64, X1, X9))
		a.addImm(X64, X2, SP, rsTmp)
		a.mov(X3, pathMax)
		a.syscall(sysReadlinkat)
	}
	// splice replaces the path by the symlink target (x0 bytes at tmp), plus "/" and the rest
	// at x11 for an intermediate component, and restarts the walk.
	splice := func(withRest bool) {
		a.addImm(X64, X21, X21, 1)
		a.cmpImm(X64, X21, maxSymlinks)
		a.BCond(HI, loopErr)
		a.Cbz(X64, X0, noent)
		a.cmpImm(X64, X0, pathMax-1)
		a.BCond(HS, tooLong)
		a.addImm(X64, X14, SP, rsTmp)
		a.ld(LDRB, X13, X14, 0)
		a.cmpImm(W32, X13, '/')
		a.BCond(EQ, escape)
		a.add(X15, X14, X0) // write cursor
		a.mov(X17, 2*pathMax-1)
		a.add(X17, X14, X17)
		if withRest {
			a.mov(X13, '/')
			a.Emit(LdstPost(STRB, X13, X15, must(NewSImm9(1))))
			cp, end := a.NewLabel(), a.NewLabel()
			a.Bind(cp)
			a.ld(LDRB, X13, X11, 0)
			a.Cbz(W32, X13, end)
			a.Emit(CmpReg(X64, X15, X17, LSL, NoShift(X64)))
			a.BCond(HS, tooLong)
			a.Emit(LdstPost(STRB, X13, X15, must(NewSImm9(1))))
			a.addImm(X64, X11, X11, 1)
			a.B(cp)
			a.Bind(end)
		}
		a.ld(STRB, ZR, X15, 0)
		a.sub(X16, X15, X14)
		a.cmpImm(X64, X16, pathMax-1)
		a.BCond(HS, tooLong)
		back := a.NewLabel()
		a.Emit(Mov(X64, X15, X23))
		a.Bind(back)
		a.Emit(LdstPost(LDRB, X13, X14, must(NewSImm9(1))))
		a.Emit(LdstPost(STRB, X13, X15, must(NewSImm9(1))))
		a.Cbnz(W32, X13, back)
		a.Emit(Mov(X64, X22, X23))
		a.B(loop)
	}

	a.Bind(loop)
	skipSlashes(X22)
	a.Cbz(W32, X13, nameDot) // nothing left ("a/" resolved through): the directory itself
	a.Emit(Mov(X64, X9, X22))
	a.Emit(Mov(X64, X10, X22))
	findEnd, found := a.NewLabel(), a.NewLabel()
	a.Bind(findEnd)
	a.ld(LDRB, X13, X10, 0)
	a.Cbz(W32, X13, found)
	a.cmpImm(W32, X13, '/')
	a.BCond(EQ, found)
	a.addImm(X64, X10, X10, 1)
	a.B(findEnd)
	a.Bind(found)
	a.sub(X12, X10, X9)
	a.Emit(Mov(X64, X11, X10))
	skipSlashes(X11)
	a.Cbnz(W32, X13, intermediate)
	a.Emit(CmpReg(X64, X11, X10, LSL, NoShift(X64)))
	a.BCond(EQ, final)
	a.Tbnz(X24, a.bit(1), final) // resolveStrip: "a/" names entry a
	a.B(intermediate)            // otherwise "a/" is the directory a itself, as in cap-std

	// The last component.
	a.Bind(final)
	{
		finalDotDot, plain := a.NewLabel(), a.NewLabel()
		classify(nameDot, finalDotDot)
		a.B(plain)
		a.Bind(finalDotDot)
		pop()
		a.B(nameDot)
		a.Bind(plain)
		a.ld(STRB, ZR, X10, 0)
		a.Emit(Mov(X64, X1, X9))
		a.Tbz(X24, a.bit(0), done)
		readlink()
		a.Emit(Mov(X64, X1, X9))
		a.Tbnz(X0, a.bit(63), done) // not a symlink (or absent): the caller's system call says so
		splice(false)
	}

	a.Bind(intermediate)
	{
		dot, dotdot, opened, notDir := a.NewLabel(), a.NewLabel(), a.NewLabel(), a.NewLabel()
		classify(dot, dotdot)
		a.ld(STRB, ZR, X10, 0)
		a.Emit(Mov(X64, X0, X19))
		a.Emit(Mov(X64, X1, X9))
		a.mov(X2, oPath|oDirectory|oNofollow|oCloexec)
		a.mov(X3, 0)
		a.syscall(sysOpenat)
		a.Tbz(X0, a.bit(63), opened)
		// ENOTDIR or ELOOP: it may be a symlink, to be spliced in.
		a.Emit(Mov(X64, X15, X0))
		a.Emit(CmnImm(X64, X0, must(NewImm12(linuxENOTDIR))))
		a.BCond(EQ, notDir)
		a.Emit(CmnImm(X64, X0, must(NewImm12(linuxELOOP))))
		a.BCond(NE, sysFail)
		a.Bind(notDir)
		readlink()
		a.Emit(Mov(X64, X16, X0))
		a.Emit(Mov(X64, X0, X15))
		a.Tbnz(X16, a.bit(63), sysFail)
		a.Emit(Mov(X64, X0, X16))
		splice(true)
		a.Bind(opened)
		full := a.NewLabel()
		a.cmpImm(X64, X20, maxDepth)
		a.BCond(HS, full)
		a.addImm(X64, X16, SP, rsStack)
		a.Emit(LdstReg(STRX, X19, X16, X20, UXTX, true))
		a.addImm(X64, X20, X20, 1)
		a.Emit(Mov(X64, X19, X0))
		a.Emit(Mov(X64, X22, X11))
		a.B(loop)
		a.Bind(full)
		a.syscall(sysClose)
		a.B(tooLong)
		a.Bind(dot)
		a.Emit(Mov(X64, X22, X11))
		a.B(loop)
		a.Bind(dotdot)
		pop()
		a.Emit(Mov(X64, X22, X11))
		a.B(loop)
	}

	a.Bind(nameDot)
	a.mov(X13, '.')
	a.ld(STRH, X13, X23, 0)
	a.Emit(Mov(X64, X1, X23))

	// Success: close the directories stacked above the base, keep the current one.
	a.Bind(done)
	a.Emit(Mov(X64, X9, X1))
	closeStacked(a)
	a.Emit(Mov(X64, X0, X19))
	a.Emit(Mov(X64, X1, X9))
	ret := a.NewLabel()
	a.Bind(ret)
	a.Emit(Pair(LDPX, X19, X20, SP, must(PairOffset(0, 8))))
	a.Emit(Pair(LDPX, X21, X22, SP, must(PairOffset(16, 8))))
	a.Emit(Pair(LDPX, X23, X24, SP, must(PairOffset(32, 8))))
	a.ld(LDRX, X30, SP, rsSaveLR)
	a.addImm(X64, SP, SP, resolveFrame)
	a.Emit(Ret())

	a.Bind(sysFail)
	a.Emit(Neg(X64, X0, X0, LSL, NoShift(X64)))
	a.Call("cot_rt_errno")
	a.Bind(fail)
	a.Emit(Mov(X64, X9, X0))
	closeStacked(a)
	keep := a.NewLabel()
	a.Cbz(X64, X20, keep) // at depth 0 the current directory is the caller's
	a.Emit(Mov(X64, X0, X19))
	a.syscall(sysClose)
	a.Bind(keep)
	a.Emit(Neg(X64, X0, X9, LSL, NoShift(X64)))
	a.B(ret)
}

// closeStacked closes the fds stack[1..depth) (stack[0] is the caller's base directory).
// Clobbers x0, x16, x17.
func closeStacked(a asm) {
	loop, out := a.NewLabel(), a.NewLabel()
	a.Emit(Mov(X64, X17, X20))
	a.Bind(loop)
	a.cmpImm(X64, X17, 1)
	a.BCond(LS, out)
	a.subImm(X64, X17, X17, 1)
	a.addImm(X64, X16, SP, rsStack)
	a.Emit(LdstReg(LDRX, X0, X16, X17, UXTX, true))
	a.syscall(sysClose)
	a.B(loop)
	a.Bind(out)
}

package rt

import . "cot/backend/arm64/enc"

func init() {
	define("cot_wasi_path_open", one("cot_wasi_path_open", true, pathOpen), "cot_rt_errno")
}

// Linux open flags (AArch64 values).
const (
	oWronly   = 0x1
	oRdwr     = 0x2
	oCreat    = 0x40
	oExcl     = 0x80
	oTrunc    = 0x200
	oAppend   = 0x400
	oNonblock = 0x800
	oDsync    = 0x1000
	oSync     = 0x101000
	oNofollow = 0x8000
	pathMax   = 4096
	createMod = 0o666 // before the umask
)

// pathOpen is path_open(w0 dirfd, w1 lookupflags, w2 path, w3 path_len, w4 oflags,
// x5 rights_base, x6 rights_inheriting, w7 fdflags, [sp] result ptr) -> errno: the ninth
// argument is the first 8-byte stack slot of the caller's outgoing area.
//
//	WASI                          Linux openat
//	dirfd 3 (preopen ".")      => AT_FDCWD (any other dirfd is passed through)
//	rights fd_write (bit 6)    => O_WRONLY, or O_RDWR with fd_read (bit 1); else O_RDONLY
//	oflags creat/directory/excl/trunc (1/2/4/8) => O_CREAT/O_DIRECTORY (read-only)/O_EXCL/O_TRUNC
//	fdflags append/dsync/nonblock/rsync/sync (1/2/4/8/16) => O_APPEND/O_DSYNC/O_NONBLOCK/O_SYNC/O_SYNC
//	lookupflags without symlink_follow (1) => O_NOFOLLOW
//
// The path is copied to the stack with a terminating NUL. Absolute paths are refused with
// ENOTCAPABLE; ".." is not checked (no sandboxing of the host file system beyond that).
//
//	x9 result offset, x10 path offset, x11 path length, x12 Linux flags, x13..x15 scratch
func pathOpen(a asm) {
	efault, nameTooLong, notCapable, einval, fail := a.NewLabel(), a.NewLabel(), a.NewLabel(), a.NewLabel(), a.NewLabel()
	a.ld(LDRW, X9, SP, 0)
	a.checkGuest(X9, 4, efault)
	a.zext(X10, X2)
	a.zext(X11, X3)
	a.checkGuestLen(X10, X11, efault)
	a.cmpImm(X64, X11, pathMax-1)
	a.BCond(HI, nameTooLong)

	// Access mode from the rights.
	noWrite := a.NewLabel()
	a.mov(X12, 0)
	a.Emit(TstImm(X64, X5, must(LogicalImm(1<<6, true))))
	a.BCond(EQ, noWrite)
	a.mov(X12, oWronly)
	a.mov(X13, oRdwr)
	a.Emit(TstImm(X64, X5, must(LogicalImm(1<<1, true))))
	a.Emit(Csel(X64, X12, X13, X12, NE))
	a.Bind(noWrite)

	// flagIf sets Linux flags when a WASI flag bit is set in reg.
	flagIf := func(reg Reg, bitNo uint64, linux uint64, clearAccess bool) {
		skip := a.NewLabel()
		a.Tbz(reg, a.bit(bitNo), skip)
		if clearAccess {
			a.Emit(AndImm(W32, X12, X12, must(LogicalImm(^uint64(3)&0xffffffff, false))))
		}
		a.mov(X13, linux)
		a.Emit(OrrReg(W32, X12, X12, X13, LSL, NoShift(W32)))
		a.Bind(skip)
	}
	flagIf(X4, 0, oCreat, false)
	flagIf(X4, 1, oDirectory, true)
	flagIf(X4, 2, oExcl, false)
	flagIf(X4, 3, oTrunc, false)
	flagIf(X7, 0, oAppend, false)
	flagIf(X7, 1, oDsync, false)
	flagIf(X7, 2, oNonblock, false)
	flagIf(X7, 3, oSync, false)
	flagIf(X7, 4, oSync, false)
	follow := a.NewLabel()
	a.Tbnz(X1, a.bit(0), follow)
	a.mov(X13, oNofollow)
	a.Emit(OrrReg(W32, X12, X12, X13, LSL, NoShift(W32)))
	a.Bind(follow)

	// Copy the path to the stack, NUL-terminated; refuse "/..." and embedded NULs.
	copyLoop, copied, popInval := a.NewLabel(), a.NewLabel(), a.NewLabel()
	a.add(X13, X28, X10)
	a.Cbz(X64, X11, einval) // an empty path names nothing
	a.ld(LDRB, X14, X13, 0)
	a.cmpImm(W32, X14, '/')
	a.BCond(EQ, notCapable)
	a.subImm(X64, SP, SP, pathMax)
	a.mov(X14, 0)
	a.Bind(copyLoop)
	a.Emit(CmpReg(X64, X14, X11, LSL, NoShift(X64)))
	a.BCond(HS, copied)
	a.ldIdx(LDRB, X15, X13, X14)
	a.Cbz(W32, X15, popInval)
	a.Emit(LdstReg(STRB, X15, SP, X14, UXTX, false))
	a.addImm(X64, X14, X14, 1)
	a.B(copyLoop)
	a.Bind(copied)
	a.Emit(LdstReg(STRB, ZR, SP, X14, UXTX, false))

	a.zext(X0, X0)
	a.mov(X15, atFDCWD)
	a.cmpImm(X64, X0, preopenFD)
	a.Emit(Csel(X64, X0, X15, X0, EQ))
	a.Emit(MovSP(X64, X1, SP))
	a.Emit(Mov(X64, X2, X12))
	a.mov(X3, createMod)
	a.syscall(sysOpenat)
	a.addImm(X64, SP, SP, pathMax)
	a.Tbnz(X0, a.bit(63), fail)
	a.Emit(LdstReg(STRW, X0, X28, X9, UXTX, false))
	a.retErrno(0)

	a.Bind(popInval)
	a.addImm(X64, SP, SP, pathMax)
	a.Bind(einval)
	a.retErrno(wasiEINVAL)
	a.Bind(fail)
	a.failSyscall()
	a.Bind(efault)
	a.retErrno(wasiEFAULT)
	a.Bind(nameTooLong)
	a.retErrno(wasiENAMETOOLONG)
	a.Bind(notCapable)
	a.retErrno(wasiENOTCAPABLE)
}

package rt

import . "cot/backend/arm64/enc"

func init() {
	define("cot_wasi_path_open", one("cot_wasi_path_open", true, pathOpen), "cot_rt_errno")
	define("cot_wasi_path_unlink_file", one("cot_wasi_path_unlink_file", true, func(a asm) { pathUnlink(a, 0) }),
		"cot_rt_errno")
	define("cot_wasi_path_remove_directory", one("cot_wasi_path_remove_directory", true,
		func(a asm) { pathUnlink(a, atRemoveDir) }), "cot_rt_errno")
	define("cot_wasi_path_create_directory", one("cot_wasi_path_create_directory", true, pathCreateDirectory),
		"cot_rt_errno")
	define("cot_wasi_path_rename", one("cot_wasi_path_rename", true, pathRename), "cot_rt_errno")
}

// Linux open flags (AArch64 values) and other constants of the path routines.
const (
	oWronly     = 0x1
	oRdwr       = 0x2
	oCreat      = 0x40
	oExcl       = 0x80
	oTrunc      = 0x200
	oAppend     = 0x400
	oNonblock   = 0x800
	oDsync      = 0x1000
	oSync       = 0x101000
	oNofollow   = 0x8000
	atRemoveDir = 0x200
	pathMax     = 4096
	createMode  = 0o666 // files, before the umask
	dirMode     = 0o777 // directories, before the umask

	sysMkdirat   = 34
	sysUnlinkat  = 35
	sysRenameat2 = 276
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
// The path is copied to the stack with a terminating NUL (frame.path refuses absolute paths;
// ".." is not checked: no sandboxing of the host file system beyond that).
//
//	x9 result offset, x12 Linux flags
func pathOpen(a asm) {
	a.ld(LDRW, X9, SP, 0) // before the frame moves sp
	f := newFrame(a, pathMax)
	a.checkGuest(X9, 4, f.fail(wasiEFAULT))

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
	flagIf := func(reg Reg, bitNo uint64, linux uint64, readOnly bool) {
		skip := a.NewLabel()
		a.Tbz(reg, a.bit(bitNo), skip)
		if readOnly {
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

	f.path(X2, X3, 0)
	f.dirfd(X0, X0)
	a.Emit(MovSP(X64, X1, SP))
	a.Emit(Mov(X64, X2, X12))
	a.mov(X3, createMode)
	f.syscallChecked(sysOpenat)
	a.Emit(LdstReg(STRW, X0, X28, X9, UXTX, false))
	f.ok()
	f.finish()
}

// pathUnlink is path_unlink_file / path_remove_directory(w0 dirfd, w1 path, w2 path_len) ->
// errno: unlinkat with flags 0 or AT_REMOVEDIR.
func pathUnlink(a asm, flags uint64) {
	f := newFrame(a, pathMax)
	f.path(X1, X2, 0)
	f.dirfd(X0, X0)
	a.Emit(MovSP(X64, X1, SP))
	a.mov(X2, flags)
	f.syscallChecked(sysUnlinkat)
	f.ok()
	f.finish()
}

// pathCreateDirectory is path_create_directory(w0 dirfd, w1 path, w2 path_len) -> errno.
func pathCreateDirectory(a asm) {
	f := newFrame(a, pathMax)
	f.path(X1, X2, 0)
	f.dirfd(X0, X0)
	a.Emit(MovSP(X64, X1, SP))
	a.mov(X2, dirMode)
	f.syscallChecked(sysMkdirat)
	f.ok()
	f.finish()
}

// pathRename is path_rename(w0 old dirfd, w1 old path, w2 old len, w3 new dirfd, w4 new path,
// w5 new len) -> errno: renameat2 with flags 0.
func pathRename(a asm) {
	f := newFrame(a, 2*pathMax)
	f.path(X1, X2, 0)
	f.path(X4, X5, pathMax)
	f.dirfd(X0, X0)
	a.Emit(MovSP(X64, X1, SP))
	f.dirfd(X2, X3)
	a.addImm(X64, X3, SP, pathMax)
	a.mov(X4, 0)
	f.syscallChecked(sysRenameat2)
	f.ok()
	f.finish()
}

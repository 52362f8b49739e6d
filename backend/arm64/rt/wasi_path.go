package rt

import . "cot/backend/arm64/enc"

func init() {
	deps := []string{"cot_rt_errno", "cot_rt_fds", "cot_rt_resolve"}
	define("cot_wasi_path_open", one("cot_wasi_path_open", true, pathOpen), append(deps, "cot_rt_fd_alloc")...)
	define("cot_wasi_path_unlink_file", one("cot_wasi_path_unlink_file", true,
		func(a asm) { pathUnlink(a, 0) }), deps...)
	define("cot_wasi_path_remove_directory", one("cot_wasi_path_remove_directory", true,
		func(a asm) { pathUnlink(a, atRemoveDir) }), deps...)
	define("cot_wasi_path_create_directory", one("cot_wasi_path_create_directory", true, pathCreateDirectory),
		deps...)
	define("cot_wasi_path_rename", one("cot_wasi_path_rename", true, pathRename), deps...)
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

// The frame of a path routine: two path buffers, then slots.
const (
	pfSize    = 3 * pathMax
	pfPath1   = 0
	pfPath2   = pathMax
	pfBase1   = 2 * pathMax // host fd of the first directory argument
	pfParent1 = pfBase1 + 8 // directory of the first path's last component
	pfBase2   = pfBase1 + 16
	pfParent2 = pfBase1 + 24
	pfName1   = pfBase1 + 32 // the first path's last component (a pointer)
	pfEnt     = pfBase1 + 40 // fd table entry of the first directory
	pfSave    = pfBase1 + 48 // eight slots for values needed after a lookup
	pfStat    = pfPath2      // struct stat, in routines with one path (add sp needs a 4 KiB multiple)
)

// newPathFrame starts a path routine with one or two {base, parent} slot pairs, zeroed before
// anything can fail so the exit's close of parent != base is a no-op until a lookup ran.
func newPathFrame(a asm, paths int) *frame {
	f := newCallFrame(a, pfSize)
	for i := 0; i < paths; i++ {
		base := uint64(pfBase1 + 16*i)
		a.ld(STRX, ZR, SP, int64(base))
		a.ld(STRX, ZR, SP, int64(base+8))
		f.closes = append(f.closes, [2]uint64{base + 8, base})
	}
	return f
}

// dir looks up the directory fd in src (the ent register gets its entry; EBADF unless it is a
// directory) and records its host fd as base and parent of lookup i (0 or 1). Clobbers x10,
// x16, x17.
func (f *frame) dir(i int, src, ent Reg) {
	f.fdLookup(ent, X10, src, true)
	base := int64(pfBase1 + 16*i)
	f.a.ld(STRX, X10, SP, base)
	f.a.ld(STRX, X10, SP, base+8)
}

// lookup resolves the path at sp+at beneath lookup i's base with the flags setFlags leaves in
// w2, and records the parent directory; x0 = that directory, x1 = the last component.
func (f *frame) lookup(i int, at uint64, setFlags func()) {
	a := f.a
	base := int64(pfBase1 + 16*i)
	setFlags()
	a.ld(LDRX, X0, SP, base)
	a.addImm(X64, X1, SP, at)
	a.Call("cot_rt_resolve")
	a.Tbnz(X0, a.bit(63), f.negErrno())
	a.ld(STRX, X0, SP, base+8)
}

// flags returns a setFlags for lookup that sets a constant.
func flags(a asm, v uint64) func() { return func() { a.mov(X2, v) } }

// followFlag returns a setFlags for lookup that follows a final symlink when bit 0 of the
// lookupflags saved at sp+slot is set.
func followFlag(a asm, slot int64) func() {
	return func() {
		a.ld(LDRX, X2, SP, slot)
		a.Emit(AndImm(W32, X2, X2, must(LogicalImm(resolveFollow, false))))
	}
}

// pathOpen is path_open(w0 dirfd, w1 lookupflags, w2 path, w3 path_len, w4 oflags,
// x5 rights_base, x6 rights_inheriting, w7 fdflags, [sp] result ptr) -> errno: the ninth
// argument is the first 8-byte stack slot of the caller's outgoing area.
//
//	rights fd_write (bit 6)    => O_WRONLY, or O_RDWR with fd_read (bit 1); else O_RDONLY
//	oflags creat/directory/excl/trunc (1/2/4/8) => O_CREAT/O_DIRECTORY (read-only)/O_EXCL/O_TRUNC
//	fdflags append/dsync/nonblock/rsync/sync (1/2/4/8/16) => O_APPEND/O_DSYNC/O_NONBLOCK/O_SYNC/O_SYNC
//	the path resolved beneath dirfd (cot_rt_resolve; symlink_follow (1) follows a final
//	symlink), the last component opened with O_NOFOLLOW
//
// The new fd's rights (reported by fd_fdstat_get) are the requested ones within the
// directory's inheriting rights; it is marked a directory when fstat says so.
//
//	x12 Linux flags
func pathOpen(a asm) {
	a.ld(LDRW, X9, SP, 0) // before the frame moves sp
	f := newPathFrame(a, 1)
	a.checkGuest(X9, 4, f.fail(wasiEFAULT))
	a.ld(STRX, X9, SP, pfSave)
	a.ld(STRX, X1, SP, pfSave+8)
	a.ld(STRX, X5, SP, pfSave+16)
	a.ld(STRX, X6, SP, pfSave+24)
	f.dir(0, X0, X9)
	a.ld(STRX, X9, SP, pfEnt)

	// Access mode from the rights.
	noWrite := a.NewLabel()
	a.mov(X12, oNofollow)
	a.Emit(TstImm(X64, X5, must(LogicalImm(rightFdWrite, true))))
	a.BCond(EQ, noWrite)
	a.mov(X12, oNofollow|oWronly)
	a.mov(X13, oNofollow|oRdwr)
	a.Emit(TstImm(X64, X5, must(LogicalImm(rightFdRead, true))))
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
	a.ld(STRX, X12, SP, pfSave+32)

	f.path(X2, X3, pfPath1)
	f.lookup(0, pfPath1, followFlag(a, pfSave+8))
	a.ld(LDRX, X2, SP, pfSave+32)
	a.mov(X3, createMode)
	f.syscallChecked(sysOpenat)
	a.ld(STRX, X0, SP, pfSave+40)
	a.ld(LDRX, X9, SP, pfEnt)
	a.ld(LDRX, X10, X9, entInh)
	a.ld(LDRX, X1, SP, pfSave+16)
	a.ld(LDRX, X2, SP, pfSave+24)
	a.Emit(AndReg(X64, X1, X1, X10, LSL, NoShift(X64)))
	a.Emit(AndReg(X64, X2, X2, X10, LSL, NoShift(X64)))
	a.Call("cot_rt_fd_alloc")
	full, notDir := a.NewLabel(), a.NewLabel()
	a.Tbnz(X0, a.bit(63), full)
	a.Emit(Mov(X64, X11, X0))
	a.ld(LDRX, X0, SP, pfSave+40)
	a.addImm(X64, X1, SP, pfStat)
	a.syscall(sysFstat)
	a.ld(LDRW, X10, SP, pfStat+16) // st_mode
	a.Emit(Ubfx(W32, X10, X10, must(BitField(12, 4, W32))))
	a.cmpImm(W32, X10, 4) // S_IFDIR >> 12
	a.BCond(NE, notDir)
	a.Addr(X9, "cot_rt_fds", 0)
	a.Emit(AddReg(X64, X9, X9, X11, LSL, must(ShiftAmount(6, X64))))
	a.mov(X10, flagDir)
	a.ld(STRW, X10, X9, entFlags)
	a.Bind(notDir)
	a.Emit(Mov(X64, X0, X11))
	a.ld(LDRX, X9, SP, pfSave)
	a.Emit(LdstReg(STRW, X0, X28, X9, UXTX, false))
	f.ok()
	a.Bind(full)
	a.ld(LDRX, X0, SP, pfSave+40)
	a.syscall(sysClose)
	a.B(f.fail(wasiEMFILE))
	f.finish()
}

// pathUnlink is path_unlink_file / path_remove_directory(w0 dirfd, w1 path, w2 path_len) ->
// errno: unlinkat with flags 0 or AT_REMOVEDIR on the entry the path names.
func pathUnlink(a asm, unlinkFlags uint64) {
	f := newPathFrame(a, 1)
	f.dir(0, X0, X9)
	f.path(X1, X2, pfPath1)
	f.lookup(0, pfPath1, flags(a, 0))
	a.mov(X2, unlinkFlags)
	f.syscallChecked(sysUnlinkat)
	f.ok()
	f.finish()
}

// pathCreateDirectory is path_create_directory(w0 dirfd, w1 path, w2 path_len) -> errno.
func pathCreateDirectory(a asm) {
	f := newPathFrame(a, 1)
	f.dir(0, X0, X9)
	f.path(X1, X2, pfPath1)
	f.lookup(0, pfPath1, flags(a, resolveStrip))
	a.mov(X2, dirMode)
	f.syscallChecked(sysMkdirat)
	f.ok()
	f.finish()
}

// pathRename is path_rename(w0 old dirfd, w1 old path, w2 old len, w3 new dirfd, w4 new path,
// w5 new len) -> errno: renameat2 with flags 0, both entries resolved beneath their dirfds.
func pathRename(a asm) {
	f := newPathFrame(a, 2)
	f.dir(0, X0, X9)
	f.dir(1, X3, X9)
	f.path(X1, X2, pfPath1)
	f.path(X4, X5, pfPath2)
	twoPaths(f, flags(a, 0))
	a.mov(X4, 0)
	f.syscallChecked(sysRenameat2)
	f.ok()
	f.finish()
}

// twoPaths resolves path 1 (with setFlags) and path 2 (no follow) and leaves x0, x1 = the
// first directory and name, x2, x3 = the second's, for renameat2 and linkat.
func twoPaths(f *frame, setFlags func()) {
	a := f.a
	f.lookup(0, pfPath1, setFlags)
	a.ld(STRX, X1, SP, pfName1)
	f.lookup(1, pfPath2, flags(a, 0))
	a.Emit(Mov(X64, X2, X0))
	a.Emit(Mov(X64, X3, X1))
	a.ld(LDRX, X0, SP, pfParent1)
	a.ld(LDRX, X1, SP, pfName1)
}

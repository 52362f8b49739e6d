package rt

import . "cot/backend/arm64/enc"

func init() {
	define("cot_wasi_fd_filestat_get", one("cot_wasi_fd_filestat_get", true, fdFilestatGet),
		"cot_rt_errno", "cot_rt_filetypes", "cot_rt_fds")
	define("cot_wasi_path_filestat_get", one("cot_wasi_path_filestat_get", true, pathFilestatGet),
		"cot_rt_errno", "cot_rt_filetypes", "cot_rt_fds", "cot_rt_resolve")
}

const (
	sysNewfstatat     = 79
	statSize          = 128 // struct stat on AArch64 Linux
	atSymlinkNofollow = 0x100
	filestatSize      = 64 // WASI filestat
)

// fdFilestatGet is fd_filestat_get(w0 fd, w1 result ptr) -> errno, from fstat.
func fdFilestatGet(a asm) {
	f := newFrame(a, statSize)
	a.zext(X9, X1)
	a.checkGuest(X9, filestatSize, f.fail(wasiEFAULT))
	f.fdLookup(X10, X0, X0, false)
	a.Emit(MovSP(X64, X1, SP))
	f.syscallChecked(sysFstat)
	filestat(a, 0, X9)
	f.ok()
	f.finish()
}

// pathFilestatGet is path_filestat_get(w0 dirfd, w1 lookupflags, w2 path, w3 path_len,
// w4 result ptr) -> errno: newfstatat(AT_SYMLINK_NOFOLLOW) on the resolved entry (a final
// symlink is resolved first with symlink_follow).
func pathFilestatGet(a asm) {
	f := newPathFrame(a, 1)
	f.dir(0, X0, X9)
	a.zext(X9, X4)
	a.checkGuest(X9, filestatSize, f.fail(wasiEFAULT))
	a.ld(STRX, X9, SP, pfSave)
	a.ld(STRX, X1, SP, pfSave+8)
	f.path(X2, X3, pfPath1)
	f.lookup(0, pfPath1, followFlag(a, pfSave+8))
	a.addImm(X64, X2, SP, pfStat)
	a.mov(X3, atSymlinkNofollow)
	f.syscallChecked(sysNewfstatat)
	a.ld(LDRX, X9, SP, pfSave)
	filestat(a, pfStat, X9)
	f.ok()
	f.finish()
}

// filestat converts the struct stat at sp+at into a WASI filestat at guest offset off:
//
//	stat: dev @0, ino @8, mode u32 @16, nlink u32 @20, size @48, atime @72/80, mtime @88/96, ctime @104/112
//	filestat: dev @0, ino @8, filetype u8 @16, nlink u64 @24, size @32, atim @40, mtim @48, ctim @56 (ns)
//
// Clobbers x10..x12, x16.
func filestat(a asm, at uint64, off Reg) {
	a.addImm(X64, X16, SP, at)
	a.add(X11, X28, off)
	copy64 := func(from, to int64) {
		a.ld(LDRX, X10, X16, from)
		a.ld(STRX, X10, X11, to)
	}
	copy64(0, 0)
	copy64(8, 8)
	a.ld(STRX, ZR, X11, 16)
	a.ld(LDRW, X10, X16, 16)
	a.Emit(Ubfx(W32, X10, X10, must(BitField(12, 4, W32))))
	a.Addr(X12, "cot_rt_filetypes", 0)
	a.ldIdx(LDRB, X10, X12, X10)
	a.ld(STRB, X10, X11, 16)
	a.ld(LDRW, X10, X16, 20)
	a.ld(STRX, X10, X11, 24)
	copy64(48, 32)
	a.mov(X12, 1_000_000_000)
	for i, to := range []int64{40, 48, 56} {
		sec := int64(72 + 16*i)
		a.ld(LDRX, X10, X16, sec)
		a.ld(LDRX, X17, X16, sec+8)
		a.Emit(Madd(X64, X10, X10, X12, X17))
		a.ld(STRX, X10, X11, to)
	}
}

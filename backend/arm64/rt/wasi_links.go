package rt

import . "cot/backend/arm64/enc"

func init() {
	deps := []string{"cot_rt_errno", "cot_rt_fds", "cot_rt_resolve"}
	define("cot_wasi_path_link", one("cot_wasi_path_link", true, pathLink), deps...)
	define("cot_wasi_path_symlink", one("cot_wasi_path_symlink", true, pathSymlink), deps...)
	define("cot_wasi_path_readlink", one("cot_wasi_path_readlink", true, pathReadlink), deps...)
	define("cot_wasi_fd_advise", one("cot_wasi_fd_advise", true, func(a asm) {
		a.zext(X3, X3) // WASI advice 0..5 = POSIX_FADV_NORMAL..NOREUSE
		fdCall(a, sysFadvise64)
	}), "cot_rt_errno", "cot_rt_fds")
	define("cot_wasi_fd_allocate", one("cot_wasi_fd_allocate", true, func(a asm) {
		a.Emit(Mov(X64, X3, X2)) // (fd, offset, len) -> fallocate(fd, 0, offset, len)
		a.Emit(Mov(X64, X2, X1))
		a.mov(X1, 0)
		fdCall(a, sysFallocate)
	}), "cot_rt_errno", "cot_rt_fds")
}

const (
	sysSymlinkat  = 36
	sysLinkat     = 37
	sysReadlinkat = 78
	sysFallocate  = 47
	sysFadvise64  = 223
)

// pathLink is path_link(w0 old dirfd, w1 old lookupflags, w2 old path, w3 old len, w4 new dirfd,
// w5 new path, w6 new len) -> errno: linkat(0) between the resolved entries; with
// symlink_follow the old path's final symlink is resolved first (beneath the old dirfd).
func pathLink(a asm) {
	f := newPathFrame(a, 2)
	a.ld(STRX, X1, SP, pfSave)
	f.dir(0, X0, X9)
	f.dir(1, X4, X9)
	f.path(X2, X3, pfPath1)
	f.path(X5, X6, pfPath2)
	twoPaths(f, followFlag(a, pfSave))
	a.mov(X4, 0)
	f.syscallChecked(sysLinkat)
	f.ok()
	f.finish()
}

// pathSymlink is path_symlink(w0 target, w1 target len, w2 dirfd, w3 link path, w4 link len) ->
// errno: symlinkat. The target is stored as given but must be relative (an absolute target is
// EPERM, as in frame.path); following it later is confined like any path.
func pathSymlink(a asm) {
	f := newPathFrame(a, 1)
	f.dir(0, X2, X9)
	f.path(X0, X1, pfPath2)
	f.path(X3, X4, pfPath1)
	f.lookup(0, pfPath1, flags(a, 0))
	a.Emit(Mov(X64, X2, X1))
	a.Emit(Mov(X64, X1, X0))
	a.addImm(X64, X0, SP, pfPath2)
	f.syscallChecked(sysSymlinkat)
	f.ok()
	f.finish()
}

// pathReadlink is path_readlink(w0 dirfd, w1 path, w2 path len, w3 buf, w4 buf len, w5 result
// ptr) -> errno: readlinkat straight into linear memory; *result = bytes stored (the target is
// truncated to buf len, without a NUL).
func pathReadlink(a asm) {
	f := newPathFrame(a, 1)
	f.dir(0, X0, X9)
	a.zext(X9, X3)
	a.zext(X10, X4)
	a.zext(X11, X5)
	a.checkGuestLen(X9, X10, f.fail(wasiEFAULT))
	a.checkGuest(X11, 4, f.fail(wasiEFAULT))
	a.ld(STRX, X9, SP, pfSave)
	a.ld(STRX, X10, SP, pfSave+8)
	a.ld(STRX, X11, SP, pfSave+16)
	f.path(X1, X2, pfPath1)
	f.lookup(0, pfPath1, flags(a, 0))
	a.ld(LDRX, X9, SP, pfSave)
	a.add(X2, X28, X9)
	a.ld(LDRX, X3, SP, pfSave+8)
	f.syscallChecked(sysReadlinkat)
	a.ld(LDRX, X11, SP, pfSave+16)
	a.Emit(LdstReg(STRW, X0, X28, X11, UXTX, false))
	f.ok()
	f.finish()
}

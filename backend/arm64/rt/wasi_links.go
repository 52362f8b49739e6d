package rt

import . "cot/backend/arm64/enc"

func init() {
	define("cot_wasi_path_link", one("cot_wasi_path_link", true, pathLink), "cot_rt_errno")
	define("cot_wasi_path_symlink", one("cot_wasi_path_symlink", true, pathSymlink), "cot_rt_errno")
	define("cot_wasi_path_readlink", one("cot_wasi_path_readlink", true, pathReadlink), "cot_rt_errno")
	define("cot_wasi_fd_advise", one("cot_wasi_fd_advise", true, func(a asm) {
		a.zext(X3, X3) // WASI advice 0..5 = POSIX_FADV_NORMAL..NOREUSE
		fdCall(a, sysFadvise64)
	}), "cot_rt_errno")
	define("cot_wasi_fd_allocate", one("cot_wasi_fd_allocate", true, func(a asm) {
		a.Emit(Mov(X64, X3, X2)) // (fd, offset, len) -> fallocate(fd, 0, offset, len)
		a.Emit(Mov(X64, X2, X1))
		a.mov(X1, 0)
		fdCall(a, sysFallocate)
	}), "cot_rt_errno")
	// Rights are not tracked (fd_fdstat_get reports them all), so dropping some changes nothing.
	define("cot_wasi_fd_fdstat_set_rights", one("cot_wasi_fd_fdstat_set_rights", true, func(a asm) { a.retErrno(0) }))
}

const (
	sysSymlinkat  = 36
	sysLinkat     = 37
	sysReadlinkat = 78
	sysFallocate  = 47
	sysFadvise64  = 223
)

// pathLink is path_link(w0 old dirfd, w1 old lookupflags, w2 old path, w3 old len, w4 new dirfd,
// w5 new path, w6 new len) -> errno: linkat, following a symlink source only with symlink_follow.
func pathLink(a asm) {
	f := newFrame(a, 2*pathMax)
	f.path(X2, X3, 0)
	f.path(X5, X6, pathMax)
	a.Emit(AndImm(W32, X9, X1, must(LogicalImm(1, false))))
	a.lsl(X9, X9, 10) // symlink_follow (bit 0) -> AT_SYMLINK_FOLLOW (bit 10)
	f.dirfd(X0, X0)
	a.Emit(MovSP(X64, X1, SP))
	f.dirfd(X2, X4)
	a.addImm(X64, X3, SP, pathMax)
	a.Emit(Mov(X64, X4, X9))
	f.syscallChecked(sysLinkat)
	f.ok()
	f.finish()
}

// pathSymlink is path_symlink(w0 target, w1 target len, w2 dirfd, w3 link path, w4 link len) ->
// errno: symlinkat. The target goes through the same checks as any path (relative only).
func pathSymlink(a asm) {
	f := newFrame(a, 2*pathMax)
	f.path(X0, X1, 0)
	f.path(X3, X4, pathMax)
	a.Emit(MovSP(X64, X0, SP))
	f.dirfd(X1, X2)
	a.addImm(X64, X2, SP, pathMax)
	f.syscallChecked(sysSymlinkat)
	f.ok()
	f.finish()
}

// pathReadlink is path_readlink(w0 dirfd, w1 path, w2 path len, w3 buf, w4 buf len, w5 result
// ptr) -> errno: readlinkat straight into linear memory; *result = bytes stored (the target is
// truncated to buf len, without a NUL).
func pathReadlink(a asm) {
	f := newFrame(a, pathMax)
	a.zext(X9, X3)
	a.zext(X10, X4)
	a.zext(X11, X5)
	a.checkGuestLen(X9, X10, f.fail(wasiEFAULT))
	a.checkGuest(X11, 4, f.fail(wasiEFAULT))
	f.path(X1, X2, 0)
	f.dirfd(X0, X0)
	a.Emit(MovSP(X64, X1, SP))
	a.add(X2, X28, X9)
	a.Emit(Mov(X64, X3, X10))
	f.syscallChecked(sysReadlinkat)
	a.Emit(LdstReg(STRW, X0, X28, X11, UXTX, false))
	f.ok()
	f.finish()
}

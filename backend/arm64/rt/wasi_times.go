package rt

import . "cot/backend/arm64/enc"

func init() {
	define("cot_wasi_fd_filestat_set_times", one("cot_wasi_fd_filestat_set_times", true, fdFilestatSetTimes),
		"cot_rt_errno", "cot_rt_fds")
	define("cot_wasi_path_filestat_set_times", one("cot_wasi_path_filestat_set_times", true, pathFilestatSetTimes),
		"cot_rt_errno", "cot_rt_fds", "cot_rt_resolve")
}

const (
	sysUtimensat = 88
	utimeNow     = 1<<30 - 1
	utimeOmit    = 1<<30 - 2
	// WASI fstflags bits
	fstAtim    = 0
	fstAtimNow = 1
	fstMtim    = 2
	fstMtimNow = 3
	timesAt    = pathMax // struct timespec[2] after the path buffer
)

// fdFilestatSetTimes is fd_filestat_set_times(w0 fd, x1 atim, x2 mtim, w3 fstflags) -> errno:
// utimensat(fd, NULL, times, 0).
func fdFilestatSetTimes(a asm) {
	f := newFrame(a, 2*pathMax)
	utimes(a, f, X1, X2, X3)
	f.fdLookup(X9, X0, X0, false)
	a.mov(X1, 0)
	a.addImm(X64, X2, SP, timesAt)
	a.mov(X3, 0)
	f.syscallChecked(sysUtimensat)
	f.ok()
	f.finish()
}

// pathFilestatSetTimes is path_filestat_set_times(w0 dirfd, w1 lookupflags, w2 path, w3 len,
// x4 atim, x5 mtim, w6 fstflags) -> errno: utimensat(AT_SYMLINK_NOFOLLOW) on the resolved
// entry (a final symlink is resolved first with symlink_follow).
func pathFilestatSetTimes(a asm) {
	f := newPathFrame(a, 1)
	f.dir(0, X0, X9)
	a.ld(STRX, X1, SP, pfSave)
	utimes(a, f, X4, X5, X6)
	f.path(X2, X3, pfPath1)
	f.lookup(0, pfPath1, followFlag(a, pfSave))
	a.addImm(X64, X2, SP, timesAt)
	a.mov(X3, atSymlinkNofollow)
	f.syscallChecked(sysUtimensat)
	f.ok()
	f.finish()
}

// utimes builds the two timespecs at sp+timesAt from the WASI times and fstflags: a time is
// UTIME_NOW with its *_NOW flag, the given nanoseconds with its flag, else UTIME_OMIT; both
// flags of one time at once are EINVAL. Clobbers x9..x12, x16.
func utimes(a asm, f *frame, atim, mtim, flags Reg) {
	a.Emit(AndImm(W32, X9, flags, must(LogicalImm(3, false))))
	a.cmpImm(W32, X9, 3)
	a.BCond(EQ, f.fail(wasiEINVAL))
	a.Emit(AndImm(W32, X9, flags, must(LogicalImm(12, false))))
	a.cmpImm(W32, X9, 12)
	a.BCond(EQ, f.fail(wasiEINVAL))
	a.mov(X12, 1_000_000_000)
	a.addImm(X64, X16, SP, timesAt)
	timespec := func(ns Reg, set, now uint64, at int64) {
		notGiven, notNow := a.NewLabel(), a.NewLabel()
		a.mov(X10, 0)
		a.mov(X11, utimeOmit)
		a.Tbz(flags, a.bit(set), notGiven)
		a.Emit(Udiv(X64, X10, ns, X12))
		a.Emit(Msub(X64, X11, X10, X12, ns))
		a.Bind(notGiven)
		a.Tbz(flags, a.bit(now), notNow)
		a.mov(X11, utimeNow)
		a.Bind(notNow)
		a.Emit(Pair(STPX, X10, X11, X16, must(PairOffset(at, 8))))
	}
	timespec(atim, fstAtim, fstAtimNow, 0)
	timespec(mtim, fstMtim, fstMtimNow, 16)
}

package rt

import . "cot/backend/arm64/enc"

// The rest of WASI preview 1: sockets (on fds the guest already has: preview 1 cannot open
// one), clock_res_get and proc_raise.
func init() {
	deps := []string{"cot_rt_errno", "cot_rt_fds"}
	define("cot_wasi_sock_recv", one("cot_wasi_sock_recv", true, func(a asm) { fdReadWrite(a, sysRecvfrom, xferRecv) }),
		deps...)
	define("cot_wasi_sock_send", one("cot_wasi_sock_send", true, func(a asm) { fdReadWrite(a, sysSendto, xferSend) }),
		deps...)
	define("cot_wasi_sock_shutdown", one("cot_wasi_sock_shutdown", true, sockShutdown), deps...)
	define("cot_wasi_sock_accept", one("cot_wasi_sock_accept", true, sockAccept), append(deps, "cot_rt_fd_alloc")...)
	define("cot_wasi_clock_res_get", one("cot_wasi_clock_res_get", true, clockResGet), "cot_rt_errno")
	// proc_raise: signals do not exist in the sandbox; wasmtime answers ENOTSUP too.
	define("cot_wasi_proc_raise", one("cot_wasi_proc_raise", true, func(a asm) { a.retErrno(wasiENOTSUP) }))
}

const (
	sysShutdown    = 210
	sysAccept4     = 242
	sysClockGetres = 114
	sockNonblock   = 0x800
	sockCloexec    = 0x80000
)

// sockShutdown is sock_shutdown(w0 fd, w1 sdflags) -> errno: sdflags rd (1), wr (2) or both
// are shutdown's SHUT_RD (0), SHUT_WR (1), SHUT_RDWR (2); anything else is EINVAL.
func sockShutdown(a asm) {
	f := newFrame(a, 16)
	f.fdLookup(X9, X0, X0, false)
	a.zext(X1, X1)
	a.Cbz(X64, X1, f.fail(wasiEINVAL))
	a.cmpImm(X64, X1, 3)
	a.BCond(HI, f.fail(wasiEINVAL))
	a.subImm(X64, X1, X1, 1)
	f.syscallChecked(sysShutdown)
	f.ok()
	f.finish()
}

// sockAccept is sock_accept(w0 fd, w1 fdflags, w2 result ptr) -> errno: accept4 (nonblock (4)
// -> SOCK_NONBLOCK), the connection becoming a new guest fd with every right.
func sockAccept(a asm) {
	f := newCallFrame(a, 32)
	f.fdLookup(X9, X0, X0, false)
	a.zext(X10, X2)
	a.checkGuest(X10, 4, f.fail(wasiEFAULT))
	a.ld(STRX, X10, SP, 0)
	a.Emit(Ubfx(W32, X3, X1, must(BitField(2, 1, W32))))
	a.lsl(X3, X3, 11) // SOCK_NONBLOCK
	a.orrImm(X64, X3, X3, sockCloexec)
	a.mov(X1, 0)
	a.mov(X2, 0)
	f.syscallChecked(sysAccept4)
	a.ld(STRX, X0, SP, 8)
	a.mov(X1, allRights)
	a.mov(X2, allRights)
	a.Call("cot_rt_fd_alloc")
	full := a.NewLabel()
	a.Tbnz(X0, a.bit(63), full)
	a.ld(LDRX, X10, SP, 0)
	a.Emit(LdstReg(STRW, X0, X28, X10, UXTX, false))
	f.ok()
	a.Bind(full)
	a.ld(LDRX, X0, SP, 8)
	a.syscall(sysClose)
	a.B(f.fail(wasiEMFILE))
	f.finish()
}

// clockResGet is clock_res_get(w0 clock id, w1 result ptr) -> errno: clock_getres in
// nanoseconds, for WASI's clock ids 0..3 (Linux's).
func clockResGet(a asm) {
	f := newFrame(a, 16)
	a.zext(X9, X1)
	a.checkGuest(X9, 8, f.fail(wasiEFAULT))
	a.zext(X0, X0)
	a.cmpImm(X64, X0, 3)
	a.BCond(HI, f.fail(wasiEINVAL))
	a.Emit(MovSP(X64, X1, SP))
	f.syscallChecked(sysClockGetres)
	a.Emit(Pair(LDPX, X10, X11, SP, must(PairOffset(0, 8))))
	a.mov(X12, 1_000_000_000)
	a.Emit(Madd(X64, X10, X10, X12, X11))
	a.Emit(LdstReg(STRX, X10, X28, X9, UXTX, false))
	f.ok()
	f.finish()
}

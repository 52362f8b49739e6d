package rt

import . "cot/backend/arm64/enc"

func init() {
	deps := []string{"cot_rt_errno", "cot_rt_fds"}
	define("cot_wasi_fd_write", one("cot_wasi_fd_write", true, func(a asm) { fdReadWrite(a, sysWrite, xferStream) }), deps...)
	define("cot_wasi_fd_read", one("cot_wasi_fd_read", true, func(a asm) { fdReadWrite(a, sysRead, xferStream) }), deps...)
	define("cot_wasi_fd_pwrite", one("cot_wasi_fd_pwrite", true, func(a asm) { fdReadWrite(a, sysPwrite64, xferPositional) }),
		deps...)
	define("cot_wasi_fd_pread", one("cot_wasi_fd_pread", true, func(a asm) { fdReadWrite(a, sysPread64, xferPositional) }),
		deps...)
	define("cot_wasi_fd_seek", one("cot_wasi_fd_seek", true, fdSeek), deps...)
	define("cot_wasi_fd_fdstat_get", one("cot_wasi_fd_fdstat_get", true, fdFdstatGet), append(deps, "cot_rt_filetypes")...)
	define("cot_wasi_fd_fdstat_set_flags", one("cot_wasi_fd_fdstat_set_flags", true, fdFdstatSetFlags), deps...)
	define("cot_rt_filetypes", rodata("cot_rt_filetypes", filetypes()))
	define("cot_wasi_fd_tell", one("cot_wasi_fd_tell", true, fdTell), deps...)
	define("cot_wasi_fd_sync", one("cot_wasi_fd_sync", true, func(a asm) { fdCall(a, sysFsync) }), deps...)
	define("cot_wasi_fd_datasync", one("cot_wasi_fd_datasync", true, func(a asm) { fdCall(a, sysFdatasync) }), deps...)
	define("cot_wasi_fd_filestat_set_size", one("cot_wasi_fd_filestat_set_size", true, func(a asm) {
		fdCall(a, sysFtruncate) // (w0 fd, x1 size)
	}), deps...)
	define("cot_wasi_sched_yield", one("cot_wasi_sched_yield", true, func(a asm) {
		a.syscall(sysSchedYield)
		a.retErrno(0)
	}))
}

// fdCall is a routine(w0 fd, other arguments untouched) -> errno that is one system call on the
// fd (fsync, fdatasync, ftruncate, fadvise64, fallocate).
func fdCall(a asm, nr uint64) {
	f := newFrame(a, 16)
	f.fdLookup(X9, X0, X0, false)
	f.syscallChecked(nr)
	f.ok()
	f.finish()
}

// fdTell is fd_tell(w0 fd, w1 result ptr) -> errno: lseek(fd, 0, SEEK_CUR).
func fdTell(a asm) {
	f := newFrame(a, 16)
	f.fdLookup(X10, X0, X0, false)
	a.zext(X9, X1)
	a.checkGuest(X9, 8, f.fail(wasiEFAULT))
	a.mov(X1, 0)
	a.mov(X2, 1) // SEEK_CUR
	f.syscallChecked(sysLseek)
	a.Emit(LdstReg(STRX, X0, X28, X9, UXTX, false))
	f.ok()
	f.finish()
}

// xfer says which transfer routine fdReadWrite builds.
type xfer int

const (
	xferStream     xfer = iota // fd_read / fd_write: read / write
	xferPositional             // fd_pread / fd_pwrite: pread64 / pwrite64 at x6, advanced by each transfer
	xferRecv                   // sock_recv: recvfrom(x6 = flags, NULL, NULL)
	xferSend                   // sock_send: sendto(x6 = MSG_NOSIGNAL, NULL, 0)
)

const (
	sysSendto   = 206
	sysRecvfrom = 207
	msgNosignal = 0x4000
)

// fdReadWrite is fd_write / fd_read(w0 fd, w1 iovs, w2 iovs_len, w3 result ptr) -> errno;
// fd_pwrite / fd_pread(w0 fd, w1 iovs, w2 iovs_len, x3 offset, w4 result ptr);
// sock_send(w0 fd, w1 iovs, w2 iovs_len, w3 si_flags, w4 result ptr); or sock_recv(w0 fd,
// w1 iovs, w2 iovs_len, w3 ri_flags, w4 result ptr, w5 ro_flags ptr), whose ri_flags recv_peek
// (1) and recv_waitall (2) are MSG_PEEK and MSG_WAITALL and whose ro_flags are always 0.
// Guest iovecs are {u32 buf, u32 len}; each is checked and transferred with one system call,
// stopping at the first short transfer. A failure after some bytes were transferred reports
// success with the count so far (as writev would).
//
//	x9 fd, x10 host iovec pointer, x11 iovecs left, x12 result offset, x13 total, x14/x15 buf/len,
//	x6 offset or flags, x16 ro_flags offset
func fdReadWrite(a asm, nr uint64, kind xfer) {
	efault, loop, done, fail := a.NewLabel(), a.NewLabel(), a.NewLabel(), a.NewLabel()
	badf := a.NewLabel()
	fdEntry(a, X7, X9, X0, badf)
	a.zext(X10, X1)
	a.zext(X11, X2)
	switch kind {
	case xferStream:
		a.zext(X12, X3)
	case xferPositional:
		a.Emit(Mov(X64, X6, X3))
		a.zext(X12, X4)
	case xferRecv:
		a.Emit(Ubfiz(W32, X6, X3, must(BitField(1, 1, W32))))           // recv_peek -> MSG_PEEK (2)
		a.Emit(Ubfx(W32, X3, X3, must(BitField(1, 1, W32))))            // recv_waitall
		a.Emit(OrrReg(W32, X6, X6, X3, LSL, must(ShiftAmount(8, W32)))) // -> MSG_WAITALL (0x100)
		a.zext(X12, X4)
		a.zext(X16, X5)
		a.checkGuest(X16, 2, efault)
	case xferSend:
		a.mov(X6, msgNosignal)
		a.zext(X12, X4)
	}
	a.Emit(AddReg(X64, X17, X10, X11, LSL, must(ShiftAmount(3, X64))))
	a.Emit(CmpReg(X64, X17, X27, LSL, NoShift(X64)))
	a.BCond(HI, efault)
	a.checkGuest(X12, 4, efault)
	a.add(X10, X28, X10)
	a.mov(X13, 0)
	a.Bind(loop)
	a.Cbz(X64, X11, done)
	a.ld(LDRW, X14, X10, 0)
	a.ld(LDRW, X15, X10, 4)
	a.checkGuestLen(X14, X15, efault)
	a.add(X1, X28, X14)
	a.Emit(Mov(X64, X2, X15))
	a.Emit(Mov(W32, X0, X9))
	if kind != xferStream {
		a.Emit(Mov(X64, X3, X6))
	}
	if kind == xferRecv || kind == xferSend {
		a.mov(X4, 0)
		a.mov(X5, 0)
	}
	a.syscall(nr)
	a.Tbnz(X0, a.bit(63), fail)
	a.add(X13, X13, X0)
	if kind == xferPositional {
		a.add(X6, X6, X0)
	}
	a.Emit(CmpReg(X64, X0, X15, LSL, NoShift(X64)))
	a.BCond(LO, done)
	a.addImm(X64, X10, X10, 8)
	a.subImm(X64, X11, X11, 1)
	a.B(loop)
	a.Bind(fail)
	a.Cbnz(X64, X13, done)
	a.failSyscall()
	a.Bind(done)
	a.Emit(LdstReg(STRW, X13, X28, X12, UXTX, false))
	if kind == xferRecv {
		a.Emit(LdstReg(STRH, ZR, X28, X16, UXTX, false))
	}
	a.retErrno(0)
	a.Bind(efault)
	a.retErrno(wasiEFAULT)
	a.Bind(badf)
	a.retErrno(wasiEBADF)
}

// fdSeek is fd_seek(w0 fd, x1 offset, w2 whence, w3 result ptr) -> errno. WASI's whence values
// (set 0, cur 1, end 2) are Linux's.
func fdSeek(a asm) {
	f := newFrame(a, 16)
	f.fdLookup(X10, X0, X0, false)
	a.zext(X9, X3)
	a.checkGuest(X9, 8, f.fail(wasiEFAULT))
	a.zext(X2, X2)
	a.cmpImm(X64, X2, 2)
	a.BCond(HI, f.fail(wasiEINVAL))
	f.syscallChecked(sysLseek)
	a.Emit(LdstReg(STRX, X0, X28, X9, UXTX, false))
	f.ok()
	f.finish()
}

// allRights is every WASI right (bits 0..29); character devices lack fd_seek (bit 2) and
// fd_tell (bit 5), which is how wasi-libc's isatty recognises a terminal.
const (
	allRights  = 1<<30 - 1
	ttyRights  = allRights &^ (1<<2 | 1<<5)
	wasiCharDv = 2
)

// fdFdstatGet is fd_fdstat_get(w0 fd, w1 result ptr) -> errno, from fstat and fcntl(F_GETFL).
// The fdstat is {u8 filetype; u16 flags @2; u64 rights_base @8; u64 rights_inheriting @16}.
//
//	x9 fd, x10 result offset, x11 filetype, x13 flags, x14 rights
func fdFdstatGet(a asm) {
	efault, fail, badf := a.NewLabel(), a.NewLabel(), a.NewLabel()
	fdEntry(a, X15, X9, X0, badf)
	a.zext(X10, X1)
	a.checkGuest(X10, 24, efault)
	a.subImm(X64, SP, SP, 128) // struct stat
	a.Emit(Mov(W32, X0, X9))
	a.Emit(MovSP(X64, X1, SP))
	a.syscall(sysFstat)
	a.ld(LDRW, X11, SP, 16) // st_mode
	a.addImm(X64, SP, SP, 128)
	a.Tbnz(X0, a.bit(63), fail)
	a.Emit(LsrImm(W32, X11, X11, must(ShiftAmount(12, W32)))) // file type nibble S_IFMT >> 12
	a.Emit(AndImm(W32, X11, X11, must(LogicalImm(15, false))))
	a.Addr(X12, "cot_rt_filetypes", 0)
	a.ldIdx(LDRB, X11, X12, X11)

	a.Emit(Mov(W32, X0, X9))
	a.mov(X1, 3) // F_GETFL
	a.syscall(sysFcntl)
	a.Emit(Ubfx(W32, X13, X0, must(BitField(10, 1, W32)))) // O_APPEND -> append (1)
	a.Emit(Ubfx(W32, X14, X0, must(BitField(11, 1, W32)))) // O_NONBLOCK -> nonblock (4)
	a.Emit(OrrReg(W32, X13, X13, X14, LSL, must(ShiftAmount(2, W32))))

	a.Emit(Pair(LDPX, X14, X12, X15, must(PairOffset(entBase, 8))))
	a.mov(X16, ttyRights)
	a.Emit(AndReg(X64, X16, X14, X16, LSL, NoShift(X64)))
	a.cmpImm(W32, X11, wasiCharDv)
	a.Emit(Csel(X64, X14, X16, X14, EQ))
	a.add(X10, X28, X10)
	a.ld(STRX, ZR, X10, 0)
	a.ld(STRB, X11, X10, 0)
	a.ld(STRH, X13, X10, 2)
	a.ld(STRX, X14, X10, 8)
	a.ld(STRX, X12, X10, 16)
	a.retErrno(0)
	a.Bind(fail)
	a.failSyscall()
	a.Bind(efault)
	a.retErrno(wasiEFAULT)
	a.Bind(badf)
	a.retErrno(wasiEBADF)
}

// fdFdstatSetFlags is fd_fdstat_set_flags(w0 fd, w1 fdflags) -> errno: fcntl(F_SETFL) with
// append (1) -> O_APPEND and nonblock (4) -> O_NONBLOCK. The sync flags (2, 8, 16) cannot be
// changed on an open Linux fd: ENOTSUP (58).
func fdFdstatSetFlags(a asm) {
	notsup, fail, badf := a.NewLabel(), a.NewLabel(), a.NewLabel()
	fdEntry(a, X11, X0, X0, badf)
	a.Emit(AndImm(W32, X9, X1, must(LogicalImm(0xffff, false))))
	a.mov(X10, 0xffff&^(1|4))
	a.Emit(TstReg(W32, X9, X10, LSL, NoShift(W32)))
	a.BCond(NE, notsup)
	a.Emit(Ubfiz(W32, X2, X9, must(BitField(10, 1, W32))))            // append bit 0 -> O_APPEND bit 10
	a.Emit(Ubfx(W32, X10, X9, must(BitField(2, 1, W32))))             // nonblock bit 2
	a.Emit(OrrReg(W32, X2, X2, X10, LSL, must(ShiftAmount(11, W32)))) // -> O_NONBLOCK bit 11
	a.mov(X1, 4)                                                      // F_SETFL
	a.syscall(sysFcntl)
	a.Cbnz(X64, X0, fail)
	a.retErrno(0)
	a.Bind(fail)
	a.failSyscall()
	a.Bind(notsup)
	a.retErrno(wasiENOTSUP)
	a.Bind(badf)
	a.retErrno(wasiEBADF)
}

// filetypes maps st_mode >> 12 to a WASI filetype.
func filetypes() []byte {
	t := make([]byte, 16)
	t[0x1] = 0 // FIFO: WASI has no pipe type, "unknown"
	t[0x2] = 2 // character device
	t[0x4] = 3 // directory
	t[0x6] = 1 // block device
	t[0x8] = 4 // regular file
	t[0xa] = 7 // symbolic link
	t[0xc] = 6 // socket (stream)
	return t
}

package rt

import . "cot/backend/arm64/enc"

func init() {
	define("cot_wasi_clock_time_get", one("cot_wasi_clock_time_get", true, clockTimeGet), "cot_rt_errno")
	define("cot_wasi_random_get", one("cot_wasi_random_get", true, randomGet), "cot_rt_errno")
	define("cot_wasi_args_sizes_get", one("cot_wasi_args_sizes_get", true, func(a asm) { vecSizesGet(a, argVector) }),
		"cot_rt_initial_sp")
	define("cot_wasi_args_get", one("cot_wasi_args_get", true, func(a asm) { vecGet(a, argVector) }),
		"cot_rt_initial_sp")
	define("cot_wasi_environ_sizes_get", one("cot_wasi_environ_sizes_get", true, environSizesGet),
		"cot_rt_env_vec", "cot_rt_env_count")
	define("cot_wasi_environ_get", one("cot_wasi_environ_get", true, environGet), "cot_rt_env_vec", "cot_rt_env_count")
	define("cot_wasi_proc_exit", one("cot_wasi_proc_exit", true, func(a asm) {
		a.zext(X0, X0)
		a.syscall(sysExitGroup)
	}))
	define("cot_rt_errno", one("cot_rt_errno", false, errno), "cot_rt_errno_table")
	define("cot_rt_errno_table", rodata("cot_rt_errno_table", errnoTable()))
}

// clockTimeGet is clock_time_get(w0 clock id, x1 precision, w2 result ptr) -> errno. WASI's
// clock ids 0..3 (realtime, monotonic, process/thread CPU time) are Linux's; the result is
// nanoseconds (u64).
func clockTimeGet(a asm) {
	efault, einval, fail := a.NewLabel(), a.NewLabel(), a.NewLabel()
	a.zext(X9, X2)
	a.checkGuest(X9, 8, efault)
	a.zext(X0, X0)
	a.cmpImm(X64, X0, 3)
	a.BCond(HI, einval)
	a.subImm(X64, SP, SP, 16) // struct timespec
	a.Emit(MovSP(X64, X1, SP))
	a.syscall(sysClockGettime)
	a.Emit(Pair(LDPX, X10, X11, SP, must(PairOffset(0, 8))))
	a.addImm(X64, SP, SP, 16)
	a.Tbnz(X0, a.bit(63), fail)
	a.mov(X12, 1_000_000_000)
	a.Emit(Madd(X64, X10, X10, X12, X11))
	a.Emit(LdstReg(STRX, X10, X28, X9, UXTX, false))
	a.retErrno(0)
	a.Bind(fail)
	a.failSyscall()
	a.Bind(efault)
	a.retErrno(wasiEFAULT)
	a.Bind(einval)
	a.retErrno(wasiEINVAL)
}

// randomGet is random_get(w0 buf, w1 len) -> errno: getrandom until the buffer is full
// (retrying EINTR).
func randomGet(a asm) {
	efault, loop, done, fail := a.NewLabel(), a.NewLabel(), a.NewLabel(), a.NewLabel()
	a.zext(X9, X0)
	a.zext(X10, X1)
	a.checkGuestLen(X9, X10, efault)
	a.add(X9, X28, X9)
	a.Bind(loop)
	a.Cbz(X64, X10, done)
	a.Emit(Mov(X64, X0, X9))
	a.Emit(Mov(X64, X1, X10))
	a.mov(X2, 0)
	a.syscall(sysGetrandom)
	a.Emit(CmnImm(X64, X0, must(NewImm12(4)))) // -EINTR
	a.BCond(EQ, loop)
	a.Tbnz(X0, a.bit(63), fail)
	a.add(X9, X9, X0)
	a.sub(X10, X10, X0)
	a.B(loop)
	a.Bind(done)
	a.retErrno(0)
	a.Bind(fail)
	a.failSyscall()
	a.Bind(efault)
	a.retErrno(wasiEFAULT)
}

// A vector loader sets x9 = address of the first char* and x10 = their number, from the
// initial stack: argc, argv[0..argc-1], NULL, envp[...], NULL. It may clobber x16/x17.
type vectorLoader func(a asm)

func argVector(a asm) {
	a.Addr(X9, "cot_rt_initial_sp", 0)
	a.ld(LDRX, X9, X9, 0)
	a.ld(LDRX, X10, X9, 0)
	a.addImm(X64, X9, X9, 8)
}

// vecSizesGet is args_sizes_get / environ_sizes_get(w0 count ptr, w1 buffer size ptr) -> errno:
// the number of strings and their total size including NULs.
func vecSizesGet(a asm, load vectorLoader) {
	efault, loop, done, strlen := a.NewLabel(), a.NewLabel(), a.NewLabel(), a.NewLabel()
	a.zext(X11, X0)
	a.zext(X12, X1)
	a.checkGuest(X11, 4, efault)
	a.checkGuest(X12, 4, efault)
	load(a)
	a.mov(X13, 0) // total size
	a.mov(X14, 0) // index
	a.Bind(loop)
	a.Emit(CmpReg(X64, X14, X10, LSL, NoShift(X64)))
	a.BCond(HS, done)
	a.Emit(LdstReg(LDRX, X15, X9, X14, UXTX, true))
	a.Bind(strlen)
	a.Emit(LdstPost(LDRB, X16, X15, must(NewSImm9(1))))
	a.addImm(X64, X13, X13, 1)
	a.Cbnz(W32, X16, strlen)
	a.addImm(X64, X14, X14, 1)
	a.B(loop)
	a.Bind(done)
	a.Emit(LdstReg(STRW, X10, X28, X11, UXTX, false))
	a.Emit(LdstReg(STRW, X13, X28, X12, UXTX, false))
	a.retErrno(0)
	a.Bind(efault)
	a.retErrno(wasiEFAULT)
}

// vecGet is args_get / environ_get(w0 pointer array, w1 string buffer) -> errno: each string
// (with its NUL) is copied to the buffer and its guest offset stored in the array.
//
//	x11 array cursor, x12 buffer cursor (guest offsets), x14 index, x15 host string
func vecGet(a asm, load vectorLoader) {
	efault, loop, done, copyLoop := a.NewLabel(), a.NewLabel(), a.NewLabel(), a.NewLabel()
	a.zext(X11, X0)
	a.zext(X12, X1)
	load(a)
	a.mov(X14, 0)
	a.Bind(loop)
	a.Emit(CmpReg(X64, X14, X10, LSL, NoShift(X64)))
	a.BCond(HS, done)
	a.checkGuest(X11, 4, efault)
	a.Emit(LdstReg(STRW, X12, X28, X11, UXTX, false))
	a.addImm(X64, X11, X11, 4)
	a.Emit(LdstReg(LDRX, X15, X9, X14, UXTX, true))
	a.Bind(copyLoop)
	a.checkGuest(X12, 1, efault)
	a.Emit(LdstPost(LDRB, X16, X15, must(NewSImm9(1))))
	a.Emit(LdstReg(STRB, X16, X28, X12, UXTX, false))
	a.addImm(X64, X12, X12, 1)
	a.Cbnz(W32, X16, copyLoop)
	a.addImm(X64, X14, X14, 1)
	a.B(loop)
	a.Bind(done)
	a.retErrno(0)
	a.Bind(efault)
	a.retErrno(wasiEFAULT)
}

// envVector sets x9 = cot_rt_env_vec ({pointer, length} pairs, built by cot_rt_wasi_init) and
// x10 = their number.
func envVector(a asm) {
	a.Addr(X9, "cot_rt_env_count", 0)
	a.ld(LDRX, X10, X9, 0)
	a.Addr(X9, "cot_rt_env_vec", 0)
}

// environSizesGet is environ_sizes_get(w0 count ptr, w1 buffer size ptr) -> errno.
func environSizesGet(a asm) {
	efault, loop, done := a.NewLabel(), a.NewLabel(), a.NewLabel()
	a.zext(X11, X0)
	a.zext(X12, X1)
	a.checkGuest(X11, 4, efault)
	a.checkGuest(X12, 4, efault)
	envVector(a)
	a.mov(X13, 0)
	a.mov(X14, 0)
	a.Bind(loop)
	a.Emit(CmpReg(X64, X14, X10, LSL, NoShift(X64)))
	a.BCond(HS, done)
	a.Emit(AddReg(X64, X15, X9, X14, LSL, must(ShiftAmount(4, X64))))
	a.ld(LDRX, X15, X15, 8)
	a.add(X13, X13, X15)
	a.addImm(X64, X13, X13, 1)
	a.addImm(X64, X14, X14, 1)
	a.B(loop)
	a.Bind(done)
	a.Emit(LdstReg(STRW, X10, X28, X11, UXTX, false))
	a.Emit(LdstReg(STRW, X13, X28, X12, UXTX, false))
	a.retErrno(0)
	a.Bind(efault)
	a.retErrno(wasiEFAULT)
}

// environGet is environ_get(w0 pointer array, w1 string buffer) -> errno: each entry and a NUL
// are copied to the buffer and its guest offset stored in the array.
//
//	x11 array cursor, x12 buffer cursor (guest offsets), x14 index, x15 host string, x16 length
func environGet(a asm) {
	efault, loop, done, copyLoop, term := a.NewLabel(), a.NewLabel(), a.NewLabel(), a.NewLabel(), a.NewLabel()
	a.zext(X11, X0)
	a.zext(X12, X1)
	envVector(a)
	a.mov(X14, 0)
	a.Bind(loop)
	a.Emit(CmpReg(X64, X14, X10, LSL, NoShift(X64)))
	a.BCond(HS, done)
	a.checkGuest(X11, 4, efault)
	a.Emit(LdstReg(STRW, X12, X28, X11, UXTX, false))
	a.addImm(X64, X11, X11, 4)
	a.Emit(AddReg(X64, X15, X9, X14, LSL, must(ShiftAmount(4, X64))))
	a.Emit(Pair(LDPX, X15, X16, X15, must(PairOffset(0, 8))))
	a.Bind(copyLoop)
	a.Cbz(X64, X16, term)
	a.checkGuest(X12, 1, efault)
	a.Emit(LdstPost(LDRB, X13, X15, must(NewSImm9(1))))
	a.Emit(LdstReg(STRB, X13, X28, X12, UXTX, false))
	a.addImm(X64, X12, X12, 1)
	a.subImm(X64, X16, X16, 1)
	a.B(copyLoop)
	a.Bind(term)
	a.checkGuest(X12, 1, efault)
	a.Emit(LdstReg(STRB, ZR, X28, X12, UXTX, false))
	a.addImm(X64, X12, X12, 1)
	a.addImm(X64, X14, X14, 1)
	a.B(loop)
	a.Bind(done)
	a.retErrno(0)
	a.Bind(efault)
	a.retErrno(wasiEFAULT)
}

// errno is cot_rt_errno(x0 = positive Linux errno) -> w0 = WASI errno, through a byte table;
// errnos without a WASI counterpart become EIO (29).
func errno(a asm) {
	unknown := a.NewLabel()
	a.cmpImm(X64, X0, uint64(len(errnoTable())))
	a.BCond(HS, unknown)
	a.Addr(X1, "cot_rt_errno_table", 0)
	a.ldIdx(LDRB, X0, X1, X0)
	a.Cbz(W32, X0, unknown)
	a.Emit(Ret())
	a.Bind(unknown)
	a.retErrno(wasiEIO)
}

// linuxToWASI maps Linux errno (asm-generic numbering, as on AArch64) to WASI errno.
var linuxToWASI = map[int]byte{
	1: 63, 2: 44, 3: 71, 4: 27, 5: 29, 6: 60, 7: 1, 8: 45, 9: 8, 10: 12, 11: 6, 12: 48, 13: 2,
	14: 21, 16: 10, 17: 20, 18: 75, 19: 43, 20: 54, 21: 31, 22: 28, 23: 41, 24: 33, 25: 59,
	26: 74, 27: 22, 28: 51, 29: 70, 30: 69, 31: 34, 32: 64, 33: 18, 34: 68, 35: 16, 36: 37,
	37: 46, 38: 52, 39: 55, 40: 32, 42: 49, 43: 24, 67: 47, 71: 65, 72: 36, 74: 9, 75: 61,
	84: 25, 88: 57, 89: 17, 90: 35, 91: 67, 92: 50, 93: 66, 95: 58, 97: 5, 98: 3, 99: 4,
	100: 38, 101: 40, 102: 39, 103: 13, 104: 15, 105: 42, 106: 30, 107: 53, 110: 73, 111: 14,
	113: 23, 114: 7, 115: 26, 116: 72, 122: 19, 125: 11, 130: 62, 131: 56,
}

// errnoTable is linuxToWASI as a byte table indexed by Linux errno (0 = no counterpart).
func errnoTable() []byte {
	t := make([]byte, 132)
	for l, w := range linuxToWASI {
		t[l] = w
	}
	return t
}

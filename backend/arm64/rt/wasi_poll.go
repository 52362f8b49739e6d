package rt

import . "cot/backend/arm64/enc"

func init() {
	define("cot_wasi_poll_oneoff", one("cot_wasi_poll_oneoff", true, pollOneoff), "cot_rt_errno")
}

const (
	sysClockNanosleep = 115
	subscriptionSize  = 48 // userdata u64 @0, tag u8 @8, clock {id u32 @16, timeout u64 @24, precision @32, flags u16 @40} | fd u32 @16
	eventSize         = 32 // userdata u64 @0, error u16 @8, type u8 @10, nbytes u64 @16, flags u16 @24
	clockMonotonic    = 1
)

// pollOneoff is poll_oneoff(w0 in, w1 out, w2 nsubscriptions, w3 result ptr) -> errno, for the
// uses WASI programs make of it (sleep, and polling stdio):
//
//   - fd_read/fd_write subscriptions are reported ready at once (one event each, nbytes 0), and
//     clocks are then ignored;
//
//   - otherwise the process sleeps (clock_nanosleep on the monotonic clock) until the earliest
//     clock subscription expires — an absolute timeout is first made relative to its clock —
//     and that subscription's event is reported.
//
//     x9 subscriptions, x10 events, x11 count, x12 result offset, x13 events written,
//     x14 cursor, x15 left, x5 earliest timeout (ns), x6 its subscription
func pollOneoff(a asm) {
	f := newFrame(a, 16) // struct timespec
	done := a.NewLabel()
	a.zext(X9, X0)
	a.zext(X10, X1)
	a.zext(X11, X2)
	a.zext(X12, X3)
	a.Cbz(X64, X11, f.fail(wasiEINVAL))
	a.mov(X16, subscriptionSize)
	a.Emit(Mul(X64, X16, X11, X16))
	a.checkGuestLen(X9, X16, f.fail(wasiEFAULT))
	a.lsl(X16, X11, 5) // eventSize
	a.checkGuestLen(X10, X16, f.fail(wasiEFAULT))
	a.checkGuest(X12, 4, f.fail(wasiEFAULT))
	a.add(X9, X28, X9)
	a.add(X10, X28, X10)

	// Pass 1: fd subscriptions are ready.
	a.mov(X13, 0)
	a.Emit(Mov(X64, X14, X9))
	a.Emit(Mov(X64, X15, X11))
	loop1, next1, end1 := a.NewLabel(), a.NewLabel(), a.NewLabel()
	a.Bind(loop1)
	a.Cbz(X64, X15, end1)
	a.ld(LDRB, X1, X14, 8)
	a.Cbz(W32, X1, next1)
	a.Emit(AddReg(X64, X2, X10, X13, LSL, must(ShiftAmount(5, X64))))
	event(a, X2, X14, X1)
	a.addImm(X64, X13, X13, 1)
	a.Bind(next1)
	a.addImm(X64, X14, X14, subscriptionSize)
	a.subImm(X64, X15, X15, 1)
	a.B(loop1)
	a.Bind(end1)
	a.Cbnz(X64, X13, done)

	// Pass 2: all clocks; find the earliest, relative to now.
	a.Emit(Movn(X64, X5, must(MoveWide(0, 0, true))))
	a.Emit(Mov(X64, X14, X9))
	a.Emit(Mov(X64, X15, X11))
	loop2, relative, next2, end2 := a.NewLabel(), a.NewLabel(), a.NewLabel(), a.NewLabel()
	a.Bind(loop2)
	a.Cbz(X64, X15, end2)
	a.ld(LDRX, X2, X14, 24) // timeout
	a.ld(LDRH, X3, X14, 40) // flags
	a.Tbz(X3, a.bit(0), relative)
	a.ld(LDRW, X0, X14, 16) // clock id
	a.Emit(MovSP(X64, X1, SP))
	f.syscallChecked(sysClockGettime)
	a.Emit(Pair(LDPX, X3, X4, SP, must(PairOffset(0, 8))))
	a.mov(X7, 1_000_000_000)
	a.Emit(Madd(X64, X3, X3, X7, X4)) // now
	a.Emit(SubsReg(X64, X2, X2, X3, LSL, NoShift(X64)))
	a.Emit(Csel(X64, X2, X2, ZR, HS)) // already past: 0
	a.Bind(relative)
	a.Emit(CmpReg(X64, X2, X5, LSL, NoShift(X64)))
	a.BCond(HS, next2)
	a.Emit(Mov(X64, X5, X2))
	a.Emit(Mov(X64, X6, X14))
	a.Bind(next2)
	a.addImm(X64, X14, X14, subscriptionSize)
	a.subImm(X64, X15, X15, 1)
	a.B(loop2)
	a.Bind(end2)

	a.mov(X7, 1_000_000_000)
	a.Emit(Udiv(X64, X3, X5, X7))
	a.Emit(Msub(X64, X4, X3, X7, X5))
	a.Emit(Pair(STPX, X3, X4, SP, must(PairOffset(0, 8))))
	a.mov(X0, clockMonotonic)
	a.mov(X1, 0)
	a.Emit(MovSP(X64, X2, SP))
	a.mov(X3, 0)
	a.syscall(sysClockNanosleep) // an interrupted sleep just ends early
	event(a, X10, X6, ZR)
	a.mov(X13, 1)

	a.Bind(done)
	a.Emit(LdstReg(STRW, X13, X28, X12, UXTX, false))
	f.ok()
	f.finish()
}

// event writes a WASI event at ev for the subscription at sub with the given type (register;
// ZR for clock): userdata copied, error 0, nbytes 0, flags 0. Clobbers x16.
func event(a asm, ev, sub, typ Reg) {
	a.ld(LDRX, X16, sub, 0)
	a.ld(STRX, X16, ev, 0)
	a.ld(STRX, ZR, ev, 8)
	a.ld(STRB, typ, ev, 10)
	a.Emit(Pair(STPX, ZR, ZR, ev, must(PairOffset(16, 8))))
}

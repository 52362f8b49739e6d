package rt

import (
	. "cot/backend/arm64/enc"
	"cot/backend/arm64/obj"
)

func init() {
	define("cot_wasi_poll_oneoff", one("cot_wasi_poll_oneoff", true, pollOneoff), "cot_rt_errno", "cot_rt_fds")
}

const (
	sysClockNanosleep = 115
	sysPpoll          = 73
	subscriptionSize  = 48 // userdata u64 @0, tag u8 @8, clock {id u32 @16, timeout u64 @24, precision @32, flags u16 @40} | fd u32 @16
	eventSize         = 32 // userdata u64 @0, error u16 @8, type u8 @10, nbytes u64 @16, flags u16 @24
	clockMonotonic    = 1
	maxPollFDs        = 500 // fd subscriptions of one call: struct pollfd (8 bytes) each, after the timespec
	pollIn            = 1
	pollOut           = 4
	pollErr           = 8
	pollHup           = 0x10
	pollNval          = 0x20
	linuxEINTR        = 4
)

// pollOneoff is poll_oneoff(w0 in, w1 out, w2 nsubscriptions, w3 result ptr) -> errno:
//
//   - fd_read / fd_write subscriptions become pollfds (POLLIN / POLLOUT) on their host fds;
//     one naming a closed guest fd is reported at once with error EBADF;
//   - the earliest clock subscription (an absolute timeout is first made relative to its clock)
//     bounds the wait: ppoll with that timeout, or none without clocks, or zero when an event is
//     already known; with no fd subscription the process sleeps (clock_nanosleep) instead;
//   - every ready fd subscription gets an event (POLLHUP sets the hangup flag, POLLNVAL and
//     POLLERR report EBADF and EIO; nbytes 0); when none is ready the earliest clock's event
//     is reported.
//
// Registers: x9 subscriptions, x10 events, x11 count, x12 result offset, x13 events written,
// x14 cursor, x15 left, x7 pollfds, x5 earliest timeout (ns, all ones: none), x6 its
// subscription, x4 pollfd count.
func pollOneoff(a asm) {
	f := newFrame(a, pathMax) // timespec at 0, pollfds at 16
	done, wait := a.NewLabel(), a.NewLabel()
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
	a.addImm(X64, X7, SP, 16)

	// forEach runs body for each subscription (x14 = it), skipping clocks when fds is set and fds
	// when it is not.
	forEach := func(fds bool, body func(next obj.Label)) {
		loop, next, end := a.NewLabel(), a.NewLabel(), a.NewLabel()
		a.Emit(Mov(X64, X14, X9))
		a.Emit(Mov(X64, X15, X11))
		a.Bind(loop)
		a.Cbz(X64, X15, end)
		a.ld(LDRB, X1, X14, 8)
		if fds {
			a.Cbz(W32, X1, next)
		} else {
			a.Cbnz(W32, X1, next)
		}
		body(next)
		a.Bind(next)
		a.addImm(X64, X14, X14, subscriptionSize)
		a.subImm(X64, X15, X15, 1)
		a.B(loop)
		a.Bind(end)
	}
	// eventAt writes an event for the subscription at x14 (type in x1, error in reg) at
	// events[x13++].
	eventAt := func(errReg Reg) {
		a.Emit(AddReg(X64, X2, X10, X13, LSL, must(ShiftAmount(5, X64))))
		event(a, X2, X14, X1)
		a.ld(STRH, errReg, X2, 8)
		a.addImm(X64, X13, X13, 1)
	}

	// Pass 1: fd subscriptions become pollfds (a closed guest fd: an EBADF event now).
	a.mov(X13, 0)
	a.mov(X4, 0)
	forEach(true, func(next obj.Label) {
		open := a.NewLabel()
		a.ld(LDRW, X2, X14, 16)
		fdEntry(a, X3, X2, X2, open)
		a.cmpImm(X64, X4, maxPollFDs)
		a.BCond(HS, f.fail(wasiENOTSUP))
		a.Emit(AddReg(X64, X3, X7, X4, LSL, must(ShiftAmount(3, X64))))
		a.ld(STRW, X2, X3, 0)
		a.cmpImm(W32, X1, 1) // fd_read
		a.mov(X2, pollIn)
		a.mov(X16, pollOut)
		a.Emit(Csel(X64, X2, X2, X16, EQ))
		a.ld(STRW, X2, X3, 4) // events, revents = 0
		a.addImm(X64, X4, X4, 1)
		a.B(next)
		a.Bind(open) // fdEntry failed: not open
		a.mov(X3, wasiEBADF)
		eventAt(X3)
	})

	// Pass 2: the earliest clock, relative to now.
	a.Emit(Movn(X64, X5, must(MoveWide(0, 0, true))))
	forEach(false, func(next obj.Label) {
		relative := a.NewLabel()
		a.ld(LDRX, X2, X14, 24) // timeout
		a.ld(LDRH, X3, X14, 40) // flags
		a.Tbz(X3, a.bit(0), relative)
		a.ld(LDRW, X0, X14, 16) // clock id
		a.Emit(MovSP(X64, X1, SP))
		f.syscallChecked(sysClockGettime)
		a.Emit(Pair(LDPX, X3, X16, SP, must(PairOffset(0, 8))))
		a.mov(X17, 1_000_000_000)
		a.Emit(Madd(X64, X3, X3, X17, X16)) // now
		a.Emit(SubsReg(X64, X2, X2, X3, LSL, NoShift(X64)))
		a.Emit(Csel(X64, X2, X2, ZR, HS)) // already past: 0
		a.Bind(relative)
		a.Emit(CmpReg(X64, X2, X5, LSL, NoShift(X64)))
		a.BCond(HS, next)
		a.Emit(Mov(X64, X5, X2))
		a.Emit(Mov(X64, X6, X14))
	})
	a.Cbnz(X64, X4, wait)
	a.Cbnz(X64, X13, done) // only closed fds: their EBADF events, no waiting
	a.Emit(CmnImm(X64, X5, must(NewImm12(1))))
	a.BCond(EQ, done) // no subscription of a known kind
	// Only clocks: sleep until the earliest, then report it.
	timespec(a, X5)
	a.mov(X0, clockMonotonic)
	a.mov(X1, 0)
	a.Emit(MovSP(X64, X2, SP))
	a.mov(X3, 0)
	a.syscall(sysClockNanosleep) // an interrupted sleep just ends early
	a.Emit(Mov(X64, X14, X6))
	a.mov(X1, 0)
	eventAt(ZR)
	a.B(done)

	// ppoll: timeout zero when events are known, none (NULL) without a clock, else the earliest.
	a.Bind(wait)
	zero, set, call := a.NewLabel(), a.NewLabel(), a.NewLabel()
	a.mov(X3, 0)
	a.Cbnz(X64, X13, zero)
	a.Emit(CmnImm(X64, X5, must(NewImm12(1))))
	a.BCond(EQ, call)
	timespec(a, X5)
	a.B(set)
	a.Bind(zero)
	a.Emit(Pair(STPX, ZR, ZR, SP, must(PairOffset(0, 8))))
	a.Bind(set)
	a.Emit(MovSP(X64, X3, SP))
	a.Bind(call)
	a.Emit(Mov(X64, X0, X7))
	a.Emit(Mov(X64, X1, X4))
	a.Emit(Mov(X64, X2, X3))
	a.mov(X3, 0)
	a.mov(X4, 0)
	a.syscall(sysPpoll)
	polled := a.NewLabel()
	a.Emit(CmnImm(X64, X0, must(NewImm12(linuxEINTR))))
	a.BCond(EQ, polled) // interrupted: report what is ready (revents stay 0)
	a.Tbnz(X0, a.bit(63), f.sysFail)
	a.Bind(polled)

	// Pass 3: an event for each ready pollfd, in subscription order.
	a.mov(X4, 0)
	forEach(true, func(next obj.Label) {
		skipped := a.NewLabel()
		a.ld(LDRW, X2, X14, 16)
		fdEntry(a, X3, X2, X2, next) // reported in pass 1
		a.Emit(AddReg(X64, X3, X7, X4, LSL, must(ShiftAmount(3, X64))))
		a.addImm(X64, X4, X4, 1)
		a.ld(LDRH, X3, X3, 6) // revents
		a.Cbz(W32, X3, skipped)
		a.mov(X16, wasiEBADF)
		a.mov(X17, wasiEIO)
		a.Emit(TstImm(W32, X3, must(LogicalImm(pollErr, false))))
		a.Emit(Csel(X64, X17, X17, ZR, NE))
		a.Emit(TstImm(W32, X3, must(LogicalImm(pollNval, false))))
		a.Emit(Csel(X64, X17, X16, X17, NE))
		eventAt(X17)
		a.Emit(Ubfx(W32, X3, X3, must(BitField(4, 1, W32)))) // POLLHUP -> hangup (1)
		a.ld(STRH, X3, X2, 24)
		a.Bind(skipped)
	})
	a.Cbnz(X64, X13, done)
	a.Emit(CmnImm(X64, X5, must(NewImm12(1))))
	a.BCond(EQ, done)
	a.Emit(Mov(X64, X14, X6)) // the timeout expired: the earliest clock's event
	a.mov(X1, 0)
	eventAt(ZR)

	a.Bind(done)
	a.Emit(LdstReg(STRW, X13, X28, X12, UXTX, false))
	f.ok()
	f.finish()
}

// timespec stores the nanoseconds in ns as a struct timespec at sp. Clobbers x3, x16, x17.
func timespec(a asm, ns Reg) {
	a.mov(X17, 1_000_000_000)
	a.Emit(Udiv(X64, X3, ns, X17))
	a.Emit(Msub(X64, X16, X3, X17, ns))
	a.Emit(Pair(STPX, X3, X16, SP, must(PairOffset(0, 8))))
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

package rt

import (
	"path/filepath"
	"syscall"
	"testing"
	"time"

	. "cot/backend/arm64/enc"
)

const (
	subOff = 0x400 // subscriptions
	evOff  = 0x600 // events
	nowOff = 0x380 // clock readings
)

// subscription stores a subscription at subOff+48*i: userdata, tag, fd or clock id, timeout,
// flags.
func subscription(a asm, i int, userdata uint32, tag byte, idOrFD uint32, timeout uint64, flags uint16) {
	off := uint64(subOff + subscriptionSize*i)
	pokeU32(a, off, userdata)
	pokeU32(a, off+4, 0)
	poke(a, off+8, []byte{tag, 0, 0, 0, 0, 0, 0, 0})
	pokeU32(a, off+16, idOrFD)
	pokeU32(a, off+24, uint32(timeout))
	pokeU32(a, off+28, uint32(timeout>>32))
	poke(a, off+40, []byte{byte(flags), byte(flags >> 8)})
}

// poll emits poll_oneoff(subOff, evOff, n, resOff) and prints errno, nevents, and the first
// event's userdata and type.
func poll(a asm, n uint32) {
	arg(a, X0, subOff)
	arg(a, X1, evOff)
	arg(a, X2, n)
	arg(a, X3, resOff)
	call(a, "cot_wasi_poll_oneoff")
	printW0(a)
	printMem32(a, resOff)
	printMem32(a, evOff)
	guest(a, X9, evOff+10)
	a.ld(LDRB, X0, X9, 0)
	printW0(a)
}

// monotonic stores the monotonic clock (ns) at guest offset off.
func monotonic(a asm, off uint32) {
	arg(a, X0, 1)
	arg(a, X2, off)
	call(a, "cot_wasi_clock_time_get")
}

// elapsedAtLeast prints 1 if the u64 at nowOff+8 minus the one at nowOff is >= d.
func elapsedAtLeast(a asm, d time.Duration) {
	guest(a, X9, nowOff)
	a.ld(LDRX, X10, X9, 0)
	a.ld(LDRX, X11, X9, 8)
	a.sub(X0, X11, X10)
	a.mov(X12, uint64(d))
	a.Emit(CmpReg(X64, X0, X12, LSL, NoShift(X64)))
	a.Emit(Cset(W32, X0, HS))
	printW0(a)
}

func TestWASIPoll(t *testing.T) {
	runProgs(t, []prog{{
		name: "poll_oneoff", stdin: "",
		body: func(a asm) {
			// relative 30 ms on the monotonic clock, and a later one that must not win
			subscription(a, 0, 7, 0, 1, uint64(5*time.Second), 0)
			subscription(a, 1, 8, 0, 1, uint64(30*time.Millisecond), 0)
			monotonic(a, nowOff)
			poll(a, 2)
			monotonic(a, nowOff+8)
			elapsedAtLeast(a, 30*time.Millisecond)
			// absolute: now + 20 ms
			subscription(a, 0, 9, 0, 1, 0, 1)
			monotonic(a, subOff+24)
			guest(a, X9, subOff+24)
			a.ld(LDRX, X10, X9, 0)
			a.mov(X11, uint64(20*time.Millisecond))
			a.add(X10, X10, X11)
			a.ld(STRX, X10, X9, 0)
			monotonic(a, nowOff)
			poll(a, 1)
			monotonic(a, nowOff+8)
			elapsedAtLeast(a, 15*time.Millisecond)
			// an absolute time in the past returns at once
			subscription(a, 0, 10, 0, 1, 1, 1)
			poll(a, 1)
			// fd_read on stdin is ready; the 10 s clock is ignored
			subscription(a, 0, 11, 0, 1, uint64(10*time.Second), 0)
			subscription(a, 1, 12, 1, 0, 0, 0)
			monotonic(a, nowOff)
			poll(a, 2)
			monotonic(a, nowOff+8)
			elapsedAtLeast(a, time.Second) // 0: no sleep
			arg(a, X0, subOff)
			arg(a, X1, evOff)
			arg(a, X2, 0)
			arg(a, X3, resOff)
			call(a, "cot_wasi_poll_oneoff")
			printW0(a) // EINVAL
			arg(a, X0, 0xffe0)
			arg(a, X2, 1)
			call(a, "cot_wasi_poll_oneoff")
			printW0(a) // EFAULT
		},
		stdout: ok32(0) + ok32(1) + ok32(8) + ok32(0) + ok32(1) +
			ok32(0) + ok32(1) + ok32(9) + ok32(0) + ok32(1) +
			ok32(0) + ok32(1) + ok32(10) + ok32(0) +
			ok32(0) + ok32(1) + ok32(12) + ok32(1) + ok32(0) +
			ok32(28) + ok32(21),
	}})
}

// TestWASIPollFDs polls real fds: a FIFO opened read-write (never readable here, always
// writable) against a clock, and a closed guest fd.
func TestWASIPollFDs(t *testing.T) {
	runProgs(t, []prog{{
		name: "poll_fds",
		setup: func(t *testing.T, dir string) {
			if err := syscall.Mkfifo(filepath.Join(dir, "fifo"), 0o644); err != nil {
				t.Fatal(err)
			}
		},
		body: func(a asm) {
			open(a, "fifo", 0, rightRead|rightWrite, 0)
			guest(a, X9, resOff)
			a.ld(LDRW, X19, X9, 0)
			// fd_read on the empty FIFO and a 30 ms clock: the clock's event, after 30 ms
			subscription(a, 0, 21, 1, 0, 0, 0)
			guest(a, X9, subOff+16)
			a.ld(STRW, X19, X9, 0)
			subscription(a, 1, 22, 0, 1, uint64(30*time.Millisecond), 0)
			monotonic(a, nowOff)
			poll(a, 2)
			monotonic(a, nowOff+8)
			elapsedAtLeast(a, 30*time.Millisecond)
			// fd_write on it is ready at once
			subscription(a, 0, 23, 2, 0, 0, 0)
			guest(a, X9, subOff+16)
			a.ld(STRW, X19, X9, 0)
			poll(a, 2)
			// a closed guest fd: an event with error EBADF, no wait
			subscription(a, 0, 24, 1, 99, 0, 0)
			poll(a, 2)
			guest(a, X9, evOff+8)
			a.ld(LDRH, X0, X9, 0)
			printW0(a)
		},
		stdout: ok32(0) + ok32(0) + ok32(1) + ok32(22) + ok32(0) + ok32(1) +
			ok32(0) + ok32(1) + ok32(23) + ok32(2) +
			ok32(0) + ok32(1) + ok32(24) + ok32(1) + ok32(8),
	}})
}

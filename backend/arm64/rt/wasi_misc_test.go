package rt

import (
	"path/filepath"
	"strings"
	"testing"

	. "cot/backend/arm64/enc"
)

// nonZero64 prints 1 if the u64 at guest offset off is not zero, else 0.
func nonZero64(a asm, off uint64) {
	guest(a, X9, off)
	a.ld(LDRX, X0, X9, 0)
	a.Emit(CmpImm(X64, X0, must(NewImm12(0))))
	a.Emit(Cset(W32, X0, NE))
	printW0(a)
}

func TestWASIClockRandomExit(t *testing.T) {
	runProgs(t, []prog{
		{name: "clock", body: func(a asm) {
			for _, id := range []uint32{0, 1, 2, 3} {
				arg(a, X0, id)
				a.mov(X1, 1)
				arg(a, X2, resOff)
				call(a, "cot_wasi_clock_time_get")
				printW0(a)
				nonZero64(a, resOff)
			}
			// realtime is after 2020-01-01 (1577836800 s)
			guest(a, X9, resOff)
			arg(a, X0, 0)
			arg(a, X2, resOff)
			call(a, "cot_wasi_clock_time_get")
			guest(a, X9, resOff)
			a.ld(LDRX, X0, X9, 0)
			a.mov(X10, 1577836800_000000000)
			a.Emit(CmpReg(X64, X0, X10, LSL, NoShift(X64)))
			a.Emit(Cset(W32, X0, HI))
			printW0(a)
			arg(a, X0, 4)
			arg(a, X2, resOff)
			call(a, "cot_wasi_clock_time_get")
			printW0(a) // EINVAL
			arg(a, X0, 1)
			arg(a, X2, 0xfffc)
			call(a, "cot_wasi_clock_time_get")
			printW0(a) // EFAULT
		}, stdout: strings.Repeat(ok32(0)+ok32(1), 4) + ok32(1) + ok32(28) + ok32(21)},
		{name: "random", body: func(a asm) {
			arg(a, X0, bufOff)
			arg(a, X1, 4096)
			call(a, "cot_wasi_random_get")
			printW0(a)
			// OR the 512 words together: all zero is (practically) impossible
			guest(a, X9, bufOff)
			a.mov(X0, 0)
			a.mov(X11, 512)
			loop := a.NewLabel()
			a.Bind(loop)
			a.Emit(LdstPost(LDRX, X10, X9, must(NewSImm9(8))))
			a.Emit(OrrReg(X64, X0, X0, X10, LSL, NoShift(X64)))
			a.subImm(X64, X11, X11, 1)
			a.Cbnz(X64, X11, loop)
			a.Emit(CmpImm(X64, X0, must(NewImm12(0))))
			a.Emit(Cset(W32, X0, NE))
			printW0(a)
			arg(a, X0, 0xff00)
			arg(a, X1, 0x101)
			call(a, "cot_wasi_random_get")
			printW0(a) // EFAULT
			arg(a, X0, 0)
			arg(a, X1, 0)
			call(a, "cot_wasi_random_get")
			printW0(a)
		}, stdout: ok32(0) + ok32(1) + ok32(21) + ok32(0)},
		{name: "proc_exit", body: func(a asm) {
			arg(a, X0, 42)
			call(a, "cot_wasi_proc_exit")
			call(a, "cot_trap_unreachable")
		}, exit: 42},
	})
}

// printVector prints count and size from *_sizes_get, then calls *_get and writes the string
// buffer (NULs included) and each pointer, relative to the buffer, as i32 lines.
func printVector(a asm, sizes, get string, n int) {
	arg(a, X0, resOff)
	arg(a, X1, resOff+4)
	call(a, sizes)
	printW0(a)
	printMem32(a, resOff)
	printMem32(a, resOff+4)
	arg(a, X0, resOff+16)
	arg(a, X1, bufOff)
	call(a, get)
	printW0(a)
	guest(a, X9, resOff+4)
	a.ld(LDRW, X19, X9, 0)
	pokeU32(a, iovOff, bufOff)
	guest(a, X9, iovOff+4)
	a.ld(STRW, X19, X9, 0)
	write(a, 1, 1)
	for i := 0; i < n; i++ {
		guest(a, X9, resOff+16+uint64(4*i))
		a.ld(LDRW, X0, X9, 0)
		a.subImm(W32, X0, X0, bufOff)
		printW0(a)
	}
}

func TestWASIArgsEnviron(t *testing.T) {
	args := []string{"one", "", "three"}
	// The guest sees what COT_ENV names, in its order: the host's COT_TEST, a fixed value (which
	// may contain '='), nothing for an unset name, and not COT_ENV itself.
	env := []string{"COT_TEST=yes", "FIXED=a=b"}
	runProgs(t, []prog{{
		name: "args_environ", args: args, env: []string{"COT_TEST=yes", "OTHER=no", "COT_ENV=COT_TEST;;UNSET;FIXED=a=b"},
		body: func(a asm) {
			printVector(a, "cot_wasi_args_sizes_get", "cot_wasi_args_get", 4)
			printVector(a, "cot_wasi_environ_sizes_get", "cot_wasi_environ_get", 2)
			arg(a, X0, 0xfffe)
			arg(a, X1, resOff)
			call(a, "cot_wasi_args_sizes_get")
			printW0(a) // EFAULT
			arg(a, X0, resOff)
			arg(a, X1, 0xfffe) // the strings do not fit
			call(a, "cot_wasi_environ_get")
			printW0(a) // EFAULT
		},
		stdoutIn: func(dir string) string {
			argv := append([]string{filepath.Join(dir, "prog")}, args...)
			return vectorOutput(argv) + vectorOutput(env) + ok32(21) + ok32(21)
		},
	}, {
		name: "no_environ", env: []string{"HOME=/root", "PWD=/x"}, body: func(a asm) { // nothing passes by default
			arg(a, X0, resOff)
			arg(a, X1, resOff+4)
			call(a, "cot_wasi_environ_sizes_get")
			printW0(a)
			printMem32(a, resOff)
			printMem32(a, resOff+4)
		}, stdout: ok32(0) + ok32(0) + ok32(0),
	}})
}

// vectorOutput is what printVector prints for the strings v.
func vectorOutput(v []string) string {
	size := 0
	for _, s := range v {
		size += len(s) + 1
	}
	out := ok32(0) + ok32(len(v)) + ok32(size) + ok32(0) + strings.Join(v, "\x00") + "\x00" + ok32(0)
	off := 0
	for _, s := range v {
		out += ok32(off)
		off += len(s) + 1
	}
	return out
}

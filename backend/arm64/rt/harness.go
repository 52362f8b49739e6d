package rt

import (
	"encoding/binary"

	. "cot/backend/arm64/enc"
)

// The spectest printers do nothing: the spec interpreter's output is not checked.
var spectestFuncs = []string{"print", "print_i32", "print_i64", "print_f32", "print_f64",
	"print_i32_f32", "print_f64_f64"}

func init() {
	for _, f := range spectestFuncs {
		define("cot_spectest_"+f, one("cot_spectest_"+f, true, func(a asm) { a.Emit(Ret()) }))
	}
	hexResult := func(name, prefix string, digits uint64, move func(a asm)) {
		define(name, one(name, true, func(a asm) {
			move(a)
			a.mov(X1, digits)
			a.mov(X2, binary.LittleEndian.Uint64([]byte(prefix+"\x00\x00")))
			a.Jump("cot_rt_hex_line")
		}), "cot_rt_hex_line")
	}
	hexResult("cot_harness_result_i32", "i32:0x", 8, func(a asm) { a.zext(X0, X0) })
	hexResult("cot_harness_result_i64", "i64:0x", 16, func(a asm) {})
	hexResult("cot_harness_result_f32", "f32:0x", 8, func(a asm) { a.Emit(FmovToGP(W32, X0, V0)) })
	hexResult("cot_harness_result_f64", "f64:0x", 16, func(a asm) { a.Emit(FmovToGP(X64, X0, V0)) })
	define("cot_rt_hex_line", one("cot_rt_hex_line", false, hexLine))
	define("cot_harness_begin", one("cot_harness_begin", true, harnessBegin))
	define("cot_harness_arg_start", one("cot_harness_arg_start", true, harnessArgStart), "cot_rt_initial_sp")
}

// hexDigit converts the nibble in x5 to its lowercase hex character (clobbers x6, x7).
func hexDigit(a asm) {
	a.cmpImm(X64, X5, 10)
	a.addImm(X64, X6, X5, '0')
	a.addImm(X64, X7, X5, 'a'-10)
	a.Emit(Csel(X64, X5, X7, X6, HS))
}

// hexLine is cot_rt_hex_line(x0 value, x1 digit count, x2 six prefix bytes): writes
// prefix, the value's low x1 nibbles in lowercase hex with leading zeros, and '\n' to fd 1.
func hexLine(a asm) {
	loop, out := a.NewLabel(), a.NewLabel()
	a.subImm(X64, SP, SP, 32)
	a.ld(STRX, X2, SP, 0)
	a.addImm(X64, X9, X1, 7) // line length
	a.addImm(X64, X4, SP, 6)
	a.add(X4, X4, X1) // end of the digits
	a.mov(X5, '\n')
	a.ld(STRB, X5, X4, 0)
	a.Bind(loop)
	a.Cbz(X64, X1, out)
	a.subImm(X64, X4, X4, 1)
	a.Emit(AndImm(X64, X5, X0, must(LogicalImm(15, true))))
	hexDigit(a)
	a.ld(STRB, X5, X4, 0)
	a.Emit(LsrImm(X64, X0, X0, must(ShiftAmount(4, X64))))
	a.subImm(X64, X1, X1, 1)
	a.B(loop)
	a.Bind(out)
	a.mov(X0, 1)
	a.Emit(MovSP(X64, X1, SP))
	a.Emit(Mov(X64, X2, X9))
	a.syscall(sysWrite)
	a.addImm(X64, SP, SP, 32)
	a.Emit(Ret())
}

// harnessBegin is cot_harness_begin(w0 n): writes "#<n in lowercase hex, no leading zeros>\n".
func harnessBegin(a asm) {
	loop := a.NewLabel()
	a.zext(X0, X0)
	a.subImm(X64, SP, SP, 32)
	a.addImm(X64, X4, SP, 31)
	a.mov(X5, '\n')
	a.ld(STRB, X5, X4, 0)
	a.Bind(loop) // at least one digit, so 0 prints "#0"
	a.subImm(X64, X4, X4, 1)
	a.Emit(AndImm(X64, X5, X0, must(LogicalImm(15, true))))
	hexDigit(a)
	a.ld(STRB, X5, X4, 0)
	a.Emit(LsrImm(X64, X0, X0, must(ShiftAmount(4, X64))))
	a.Cbnz(X64, X0, loop)
	a.subImm(X64, X4, X4, 1)
	a.mov(X5, '#')
	a.ld(STRB, X5, X4, 0)
	a.addImm(X64, X2, SP, 32)
	a.sub(X2, X2, X4)
	a.Emit(Mov(X64, X1, X4))
	a.mov(X0, 1)
	a.syscall(sysWrite)
	a.addImm(X64, SP, SP, 32)
	a.Emit(Ret())
}

// harnessArgStart is cot_harness_arg_start() -> w0: argv[1] as a decimal integer (an optional
// leading '-', digits up to the first non-digit), or 0 when there is no argv[1].
func harnessArgStart(a asm) {
	none, loop, end, positive := a.NewLabel(), a.NewLabel(), a.NewLabel(), a.NewLabel()
	a.Addr(X9, "cot_rt_initial_sp", 0)
	a.ld(LDRX, X9, X9, 0)
	a.ld(LDRX, X10, X9, 0)
	a.cmpImm(X64, X10, 2)
	a.BCond(LO, none)
	a.ld(LDRX, X11, X9, 16) // argv[1]
	a.mov(X0, 0)
	a.mov(X12, 0) // negative?
	a.ld(LDRB, X13, X11, 0)
	a.cmpImm(W32, X13, '-')
	a.BCond(NE, loop)
	a.mov(X12, 1)
	a.addImm(X64, X11, X11, 1)
	a.Bind(loop)
	a.mov(X14, 10)
	a.Emit(LdstPost(LDRB, X13, X11, must(NewSImm9(1))))
	a.subImm(W32, X13, X13, '0')
	a.cmpImm(W32, X13, 9)
	a.BCond(HI, end)
	a.Emit(Madd(X64, X0, X0, X14, X13))
	a.B(loop)
	a.Bind(end)
	a.Cbz(X64, X12, positive)
	a.Emit(Neg(X64, X0, X0, LSL, NoShift(X64)))
	a.Bind(positive)
	a.Emit(Ret())
	a.Bind(none)
	a.mov(X0, 0)
	a.Emit(Ret())
}

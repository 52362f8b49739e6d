package rt

import . "cot/backend/arm64/enc"

const (
	stackSize   = 8 << 20
	stackGuard  = 0x10000 // PROT_NONE below the stack
	stackMargin = 0x10000 // x26 sits this far above the guard, room for traps and runtime routines

	protNone      = 0
	protReadWrite = 3
	mapPrivAnon   = 0x4022 // MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE

	atFDCWD        = 1<<64 - 100 // AT_FDCWD (-100) as a 64-bit register value
	oDirectory     = 0x4000
	oCloexec       = 0x80000
	trapExitStatus = 134
)

func init() {
	define("_start", one("_start", true, start),
		"cot_rt_initial_sp", "cot_rt_wasi_init", "cot_trap_out_of_memory") // cot_module_init/main come from the backend
	define("cot_rt_initial_sp", bss("cot_rt_initial_sp", 8))
	define("cot_rt_max_pages", bss("cot_rt_max_pages", 8))
	define("cot_rt_memory_base", bss("cot_rt_memory_base", 8))
	define("cot_rt_memory_init", one("cot_rt_memory_init", true, memoryInit),
		"cot_rt_max_pages", "cot_rt_memory_base", "cot_rt_fault", "cot_trap_out_of_memory")
	define("cot_rt_memory_grow", one("cot_rt_memory_grow", true, memoryGrow), "cot_rt_max_pages")
	define("cot_rt_fault", one("cot_rt_fault", false, fault), "cot_rt_memory_base", "cot_trap_oob")
	define("cot_rt_die", one("cot_rt_die", false, die))
	for _, t := range trapMessages {
		t := t
		msg := "cot_rt_msg_" + t.name[len("cot_trap_"):]
		define(t.name, one(t.name, true, func(a asm) {
			a.Addr(X1, msg, 0)
			a.mov(X2, uint64(len(t.line)))
			a.Jump("cot_rt_die")
		}), msg, "cot_rt_die")
		define(msg, rodata(msg, []byte(t.line)))
	}
}

// trapMessages are the lines the trap stubs print (decisions.md #28), in the order of Traps.
// Every table fault prints "undefined element", the one message wazero, wasmtime and native can
// all give (wazero cannot tell an out-of-bounds index from a null entry; docs/decisions.md).
var trapMessages = []struct{ name, line string }{
	{"cot_trap_unreachable", "error: unreachable\n"},
	{"cot_trap_int_div_zero", "error: integer divide by zero\n"},
	{"cot_trap_int_overflow", "error: integer overflow\n"},
	{"cot_trap_invalid_conversion", "error: invalid conversion to integer\n"},
	{"cot_trap_oob", "error: out of bounds memory access\n"},
	{"cot_trap_table_oob", "error: undefined element\n"},
	{"cot_trap_indirect_type", "error: indirect call type mismatch\n"},
	{"cot_trap_undefined_element", "error: undefined element\n"},
	{"cot_trap_uninitialized_element", "error: undefined element\n"},
	{"cot_trap_stack_exhausted", "error: stack overflow\n"},
	{"cot_trap_out_of_memory", "error: out of memory\n"},
}

// start is the ELF entry point:
//
//	cot_rt_initial_sp = sp                      (argc, argv..., 0, envp..., 0)
//	stack = mmap(8 MiB + guard); mprotect(guard, PROT_NONE)
//	sp = stack top; x26 = stack bottom + 64 KiB
//	bl cot_rt_wasi_init                         guest fd table, preopens, environment
//	x27 = x18 = x28 = 0; bl cot_module_init; bl cot_module_main; exit_group(0)
func start(a asm) {
	oom := a.NewLabel()
	a.Emit(MovSP(X64, X0, SP))
	a.Addr(X1, "cot_rt_initial_sp", 0)
	a.ld(STRX, X0, X1, 0)

	a.mov(X0, 0)
	a.mov(X1, stackGuard+stackSize)
	a.mov(X2, protReadWrite)
	a.mov(X3, mapPrivAnon)
	a.Emit(Movn(X64, X4, must(MoveWide(0, 0, true)))) // fd -1
	a.mov(X5, 0)
	a.syscall(sysMmap)
	a.Tbnz(X0, a.bit(63), oom)
	a.Emit(Mov(X64, X19, X0))
	a.mov(X1, stackGuard)
	a.mov(X2, protNone)
	a.syscall(sysMprotect)
	a.mov(X1, stackGuard+stackSize)
	a.add(X0, X19, X1)
	a.Emit(MovSP(X64, SP, X0))
	a.addImm(X64, X26, X19, stackGuard+stackMargin)

	a.Call("cot_rt_wasi_init")
	a.mov(X27, 0)
	a.mov(X18, 0)
	a.mov(X28, 0)
	a.mov(X29, 0)
	a.Call("cot_module_init")
	a.Call("cot_module_main")
	a.mov(X0, 0)
	a.syscall(sysExitGroup)
	a.Bind(oom)
	a.Jump("cot_trap_out_of_memory")
}

// OffsetGuard is how far past the largest 32-bit index the memory reservation extends
// (docs/decisions.md, "native bounds checks"): cot_rt_memory_init reserves 4 GiB + OffsetGuard
// bytes, PROT_NONE beyond the current size, so any access whose static offset plus size is at
// most OffsetGuard lands inside the reservation and either succeeds or faults there. The
// backend checks only accesses with larger offsets explicitly.
const OffsetGuard = 64 << 20

// memoryWindow is the size of the reservation: every index (< 4 GiB) plus OffsetGuard.
const memoryWindow = 1<<32 + OffsetGuard

// memoryInit is cot_rt_memory_init(x0 = min pages, x1 = max pages): reserve memoryWindow bytes
// PROT_NONE, make the first min pages read-write, x28 = base, x27 = min × 64 KiB (and x18 from
// it), and install cot_rt_fault for SIGSEGV. Failure traps with "out of memory".
//
// Reserving 4 GiB costs nothing on real hardware but about 30 ms of qemu-user's time per process
// (it tracks every guest page: `qemu-aarch64` of a program that only reserves 64 MiB vs 4 GiB,
// 12 ms vs 42 ms); the price of checks that cost no instructions.
func memoryInit(a asm) {
	oom, done := a.NewLabel(), a.NewLabel()
	a.zext(X9, X0)  // min
	a.zext(X10, X1) // max
	a.Addr(X11, "cot_rt_max_pages", 0)
	a.ld(STRX, X10, X11, 0)
	a.mov(X0, 0)
	a.mov(X1, memoryWindow)
	a.mov(X2, protNone)
	a.mov(X3, mapPrivAnon)
	a.Emit(Movn(X64, X4, must(MoveWide(0, 0, true))))
	a.mov(X5, 0)
	a.syscall(sysMmap)
	a.Tbnz(X0, a.bit(63), oom)
	a.Emit(Mov(X64, X28, X0))
	a.Addr(X11, "cot_rt_memory_base", 0)
	a.ld(STRX, X28, X11, 0)
	a.lsl(X1, X9, 16)
	a.Cbz(X64, X1, done)
	a.mov(X2, protReadWrite)
	a.syscall(sysMprotect) // x0 = base still
	a.Cbnz(X64, X0, oom)
	a.Bind(done)
	a.lsl(X27, X9, 16)
	memLimit(a)
	installFaultHandler(a)
	a.Emit(Ret())
	a.Bind(oom)
	a.Jump("cot_trap_out_of_memory")
}

// memLimit sets x18 from x27 (docs/arm64-abi.md): x27 - 7 when x27 > 7, else 0, so that
// compiled code proves an access of up to 8 bytes at effective address ea in bounds with one
// comparison, ea < x18 (ea + 8 <= x27).
func memLimit(a asm) {
	a.Emit(CmpImm(X64, X27, must(NewImm12(7))))
	a.Emit(SubImm(X64, X18, X27, must(NewImm12(7))))
	a.Emit(Csel(X64, X18, X18, ZR, HI))
}

// memoryGrow is cot_rt_memory_grow(w0 = delta pages) -> w0 = old pages, or -1 when the new
// size would exceed the maximum or the kernel refuses; x27 (and x18) grow on success. The pages
// are already reserved (every maximum fits the window): growing makes them read-write.
func memoryGrow(a asm) {
	fail, ok := a.NewLabel(), a.NewLabel()
	a.zext(X9, X0)
	a.Emit(LsrImm(X64, X10, X27, must(ShiftAmount(16, X64)))) // old pages
	a.add(X11, X10, X9)
	a.Addr(X12, "cot_rt_max_pages", 0)
	a.ld(LDRX, X12, X12, 0)
	a.Emit(CmpReg(X64, X11, X12, LSL, NoShift(X64)))
	a.BCond(HI, fail)
	a.Cbz(X64, X9, ok)
	a.lsl(X13, X11, 16) // new size in bytes
	a.add(X0, X28, X27)
	a.lsl(X1, X9, 16)
	a.mov(X2, protReadWrite)
	a.syscall(sysMprotect)
	a.Cbnz(X64, X0, fail)
	a.Emit(Mov(X64, X27, X13))
	memLimit(a)
	a.Bind(ok)
	a.Emit(Mov(W32, X0, X10))
	a.Emit(Ret())
	a.Bind(fail)
	a.Emit(Movn(W32, X0, must(MoveWide(0, 0, false))))
	a.Emit(Ret())
}

// die writes the message at x1 (x2 bytes) to stderr and exits with status 134.
func die(a asm) {
	a.mov(X0, 2)
	a.syscall(sysWrite)
	a.mov(X0, trapExitStatus)
	a.syscall(sysExitGroup)
}

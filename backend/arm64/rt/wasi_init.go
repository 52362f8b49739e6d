package rt

import (
	. "cot/backend/arm64/enc"
	"cot/backend/arm64/obj"
)

// The WASI configuration (docs/decisions.md, "WASI sandbox"): which host directories are
// preopened under which guest names, and which environment variables the guest sees. `cot aot
// --dir=... --env=...` bakes the lists into cot_rt_cfg_dirs / cot_rt_cfg_env (the flags' values
// joined by ';'); the host variables COT_DIR / COT_ENV, when set, replace them at run time.
func init() {
	define("cot_rt_wasi_init", one("cot_rt_wasi_init", false, wasiInit),
		"cot_rt_fds", "cot_rt_fd_alloc", "cot_rt_getenv", "cot_rt_cfg_dirs", "cot_rt_cfg_env", "cot_rt_errno",
		"cot_rt_name_cot_dir", "cot_rt_name_cot_env", "cot_rt_msg_preopen", "cot_rt_msg_env",
		"cot_rt_env_vec", "cot_rt_env_count")
	define("cot_rt_getenv", one("cot_rt_getenv", false, getenv), "cot_rt_initial_sp")
	define("cot_rt_cfg_dirs", rodata("cot_rt_cfg_dirs", []byte(DefaultDirs+"\x00")))
	define("cot_rt_cfg_env", rodata("cot_rt_cfg_env", []byte("\x00")))
	define("cot_rt_name_cot_dir", rodata("cot_rt_name_cot_dir", []byte(EnvDirs)))
	define("cot_rt_name_cot_env", rodata("cot_rt_name_cot_env", []byte(EnvEnv)))
	define("cot_rt_msg_preopen", rodata("cot_rt_msg_preopen", []byte(msgPreopen)))
	define("cot_rt_msg_env", rodata("cot_rt_msg_env", []byte(msgEnv)))
	define("cot_rt_env_vec", bss("cot_rt_env_vec", 16*maxEnv))
	define("cot_rt_env_count", bss("cot_rt_env_count", 8))
}

const (
	// DefaultDirs is the preopen list without --dir: the working directory as "/", which both
	// wasi-libc and Go (GOOS=wasip1: a preopen is chosen by prefix of the absolute path, the cwd
	// being $PWD or else the first preopen's name) resolve every path against.
	DefaultDirs = ".::/"
	// EnvDirs and EnvEnv name the host variables that override the baked-in lists.
	EnvDirs = "COT_DIR"
	EnvEnv  = "COT_ENV"

	maxEnv     = 1024 // guest environment entries
	msgPreopen = "error: cannot open preopened directory "
	msgEnv     = "error: too many environment entries or preopens\n"
	fGetfd     = 1
)

// wasiInit is cot_rt_wasi_init, called by _start before cot_module_init: the open stdio fds
// become guest fds 0..2, each preopen is opened (O_RDONLY | O_DIRECTORY) and gets the next
// guest fd, and the guest environment is collected into cot_rt_env_vec ({pointer, length}
// pairs). A preopen that cannot be opened prints "error: cannot open preopened directory HOST"
// and exits with status 1.
//
//	x9 list cursor, x10 entry start, x11 entry end, x12 "::" or '=' position, x14 count
func wasiInit(a asm) {
	f := newCallFrame(a, 2*pathMax)
	a.Addr(X9, "cot_rt_fds", 0)
	for fd := uint64(0); fd < 3; fd++ {
		skip := a.NewLabel()
		a.mov(X0, fd)
		a.mov(X1, fGetfd)
		a.syscall(sysFcntl)
		a.Tbnz(X0, a.bit(63), skip)
		a.mov(X10, fd+1)
		a.ld(STRX, X10, X9, int64(fd*fdEntrySize+entHost))
		a.mov(X10, allRights)
		a.Emit(Pair(STPX, X10, X10, X9, must(PairOffset(int64(fd*fdEntrySize+entBase), 8))))
		a.Bind(skip)
	}

	// list loads the override variable name or the baked-in list into x9.
	list := func(name, baked string, n uint64) {
		have := a.NewLabel()
		a.Addr(X0, name, 0)
		a.mov(X1, n)
		a.Call("cot_rt_getenv")
		a.Cbnz(X64, X0, have)
		a.Addr(X0, baked, 0)
		a.Bind(have)
		a.Emit(Mov(X64, X9, X0))
	}
	// entry finds the next ';'-separated entry: x10 start, x11 end, x12 the first position of
	// sep (a byte, or "::" when double) or x11; branches to end when the list is exhausted.
	entry := func(sep byte, double bool, end obj.Label) {
		skip, start, scan, found, sepDone := a.NewLabel(), a.NewLabel(), a.NewLabel(), a.NewLabel(), a.NewLabel()
		a.Bind(skip)
		a.ld(LDRB, X13, X9, 0)
		a.Cbz(W32, X13, end)
		a.cmpImm(W32, X13, ';')
		a.BCond(NE, start)
		a.addImm(X64, X9, X9, 1)
		a.B(skip)
		a.Bind(start)
		a.Emit(Mov(X64, X10, X9))
		a.Emit(Mov(X64, X11, X9))
		a.Bind(scan)
		a.ld(LDRB, X13, X11, 0)
		a.Cbz(W32, X13, found)
		a.cmpImm(W32, X13, ';')
		a.BCond(EQ, found)
		a.addImm(X64, X11, X11, 1)
		a.B(scan)
		a.Bind(found)
		a.Emit(Mov(X64, X9, X11))
		a.Emit(Mov(X64, X12, X10))
		look := a.NewLabel()
		a.Bind(look)
		a.Emit(CmpReg(X64, X12, X11, LSL, NoShift(X64)))
		a.BCond(HS, sepDone)
		a.ld(LDRB, X13, X12, 0)
		a.cmpImm(W32, X13, uint64(sep))
		next := a.NewLabel()
		a.BCond(NE, next)
		if !double {
			a.B(sepDone)
		} else {
			a.addImm(X64, X13, X12, 1)
			a.Emit(CmpReg(X64, X13, X11, LSL, NoShift(X64)))
			a.BCond(HS, next)
			a.ld(LDRB, X13, X13, 0)
			a.cmpImm(W32, X13, uint64(sep))
			a.BCond(EQ, sepDone)
		}
		a.Bind(next)
		a.addImm(X64, X12, X12, 1)
		a.B(look)
		a.Bind(sepDone)
	}

	// Preopens.
	dirs, dirsDone, cannotOpen, tooMany := a.NewLabel(), a.NewLabel(), a.NewLabel(), a.NewLabel()
	list("cot_rt_name_cot_dir", "cot_rt_cfg_dirs", uint64(len(EnvDirs)))
	a.Bind(dirs)
	entry(':', true, dirsDone)
	a.sub(X14, X12, X10) // host length
	a.cmpImm(X64, X14, pathMax-1)
	a.BCond(HS, cannotOpen)
	copyHost := a.NewLabel()
	a.mov(X15, 0)
	a.Bind(copyHost)
	a.ldIdx(LDRB, X13, X10, X15)
	a.Emit(LdstReg(STRB, X13, SP, X15, UXTX, false))
	a.addImm(X64, X15, X15, 1)
	a.Emit(CmpReg(X64, X15, X14, LSL, NoShift(X64)))
	a.BCond(LO, copyHost)
	a.Emit(LdstReg(STRB, ZR, SP, X14, UXTX, false))
	a.mov(X0, atFDCWD)
	a.Emit(MovSP(X64, X1, SP))
	a.mov(X2, oDirectory|oCloexec)
	a.mov(X3, 0)
	a.syscall(sysOpenat)
	a.Tbnz(X0, a.bit(63), cannotOpen)
	a.mov(X1, allRights)
	a.mov(X2, allRights)
	a.Call("cot_rt_fd_alloc")
	a.Tbnz(X0, a.bit(63), tooMany)
	a.Addr(X13, "cot_rt_fds", 0)
	a.Emit(AddReg(X64, X13, X13, X0, LSL, must(ShiftAmount(6, X64))))
	a.mov(X15, flagPreopen|flagDir)
	a.ld(STRW, X15, X13, entFlags)
	// Guest name: after "::", else the host path as written.
	named := a.NewLabel()
	a.Emit(Mov(X64, X15, X10))
	a.Emit(CmpReg(X64, X12, X11, LSL, NoShift(X64)))
	a.BCond(EQ, named)
	a.addImm(X64, X15, X12, 2)
	a.Bind(named)
	a.ld(STRX, X15, X13, entName)
	a.sub(X15, X11, X15)
	a.ld(STRX, X15, X13, entNameLen)
	a.B(dirs)
	a.Bind(dirsDone)

	// Environment.
	env, envDone, store := a.NewLabel(), a.NewLabel(), a.NewLabel()
	list("cot_rt_name_cot_env", "cot_rt_cfg_env", uint64(len(EnvEnv)))
	a.mov(X14, 0)
	a.Bind(env)
	entry('=', false, envDone)
	a.sub(X15, X11, X10) // entry length
	a.Emit(CmpReg(X64, X12, X11, LSL, NoShift(X64)))
	a.BCond(NE, store) // NAME=VALUE as written
	a.Emit(Mov(X64, X0, X10))
	a.Emit(Mov(X64, X1, X15))
	a.Call("cot_rt_getenv") // NAME: the host's NAME=value, if any
	a.Cbz(X64, X0, env)
	a.sub(X10, X0, X15)
	a.subImm(X64, X10, X10, 1)
	strlen := a.NewLabel()
	a.Bind(strlen)
	a.ld(LDRB, X13, X0, 0)
	a.addImm(X64, X0, X0, 1)
	a.Cbnz(W32, X13, strlen)
	a.sub(X15, X0, X10)
	a.subImm(X64, X15, X15, 1)
	a.Bind(store)
	a.cmpImm(X64, X14, maxEnv)
	a.BCond(HS, tooMany)
	a.Addr(X13, "cot_rt_env_vec", 0)
	a.Emit(AddReg(X64, X13, X13, X14, LSL, must(ShiftAmount(4, X64))))
	a.Emit(Pair(STPX, X10, X15, X13, must(PairOffset(0, 8))))
	a.addImm(X64, X14, X14, 1)
	a.B(env)
	a.Bind(envDone)
	a.Addr(X13, "cot_rt_env_count", 0)
	a.ld(STRX, X14, X13, 0)
	f.ok()

	a.Bind(cannotOpen)
	a.Addr(X1, "cot_rt_msg_preopen", 0)
	a.mov(X2, uint64(len(msgPreopen)))
	a.mov(X0, 2)
	a.syscall(sysWrite)
	a.Emit(Mov(X64, X1, X10))
	a.sub(X2, X12, X10)
	a.mov(X0, 2)
	a.syscall(sysWrite)
	a.mov(X13, '\n')
	a.ld(STRB, X13, SP, 0)
	a.Emit(MovSP(X64, X1, SP))
	a.mov(X2, 1)
	a.mov(X0, 2)
	a.syscall(sysWrite)
	a.mov(X0, 1)
	a.syscall(sysExitGroup)
	a.Bind(tooMany)
	a.Addr(X1, "cot_rt_msg_env", 0)
	a.mov(X2, uint64(len(msgEnv)))
	a.mov(X0, 2)
	a.syscall(sysWrite)
	a.mov(X0, 1)
	a.syscall(sysExitGroup)
	f.finish()
}

// getenv is cot_rt_getenv(x0 name, x1 name length) -> x0 = the value of the first host
// environment entry NAME=value (a pointer into the initial stack), or 0. Clobbers x2..x6.
func getenv(a asm) {
	loop, cmp, eq, none := a.NewLabel(), a.NewLabel(), a.NewLabel(), a.NewLabel()
	a.Addr(X2, "cot_rt_initial_sp", 0)
	a.ld(LDRX, X2, X2, 0)
	a.ld(LDRX, X3, X2, 0)
	a.Emit(AddReg(X64, X2, X2, X3, LSL, must(ShiftAmount(3, X64))))
	a.addImm(X64, X2, X2, 16) // skip argc and argv's NULL
	a.Bind(loop)
	a.Emit(LdstPost(LDRX, X3, X2, must(NewSImm9(8))))
	a.Cbz(X64, X3, none)
	a.mov(X4, 0)
	a.Bind(cmp)
	a.Emit(CmpReg(X64, X4, X1, LSL, NoShift(X64)))
	a.BCond(HS, eq)
	a.ldIdx(LDRB, X5, X3, X4)
	a.ldIdx(LDRB, X6, X0, X4)
	a.Emit(CmpReg(W32, X5, X6, LSL, NoShift(W32)))
	a.BCond(NE, loop)
	a.addImm(X64, X4, X4, 1)
	a.B(cmp)
	a.Bind(eq)
	a.ldIdx(LDRB, X5, X3, X4)
	a.cmpImm(W32, X5, '=')
	a.BCond(NE, loop)
	a.add(X0, X3, X4)
	a.addImm(X64, X0, X0, 1)
	a.Emit(Ret())
	a.Bind(none)
	a.mov(X0, 0)
	a.Emit(Ret())
}

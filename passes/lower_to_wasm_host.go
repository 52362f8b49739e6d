package passes

// lower-to-wasm of the builtins that reach the host (language.md §10): each host call is one
// call of a WASI preview 1 function (or, for sockets and epoll, of the `cot` module: i64s in and
// out, runner/cotnet.go), @exit is proc_exit; @memcpy is memory.copy, the runtime's
// @memory_size and @memory_grow are memory.size and memory.grow. A WASI function takes its buffers and
// returns its results through memory: those live in a scratch area below ast.DataBase, which
// no program address ever reaches (a host call runs to completion before the next begins, so
// one area serves them all). The result of a host call is the WASI result, or the errno negated.
//
//	(host fd_write fd p n)  =>  i32.const S  p i32.wrap_i64  i32.store        ;; iovec {p, n}
//	                            i32.const S  n i32.wrap_i64  i32.store offset=4
//	                            fd i32.wrap_i64  i32.const S  i32.const 1  i32.const S+8
//	                            call $fd_write  local.tee e
//	                            if (result i64)  i64.const 0  local.get e  i64.extend_i32_u  i64.sub
//	                            else  i32.const S  i64.load32_u offset=8  end
//	(exit c)                =>  c i32.wrap_i64  i32.const 255  i32.and  call $proc_exit  unreachable

import (
	"cot/ir/ast"
	"cot/ir/wasm"
	"cot/runtime"
)

// hostScratch is the address of the scratch area of host calls (16 bytes, below ast.DataBase).
const hostScratch = 512

var (
	i32, i64 = wasm.I32, wasm.I64
	// wasiPair is the type of a WASI call of two addresses and an errno.
	wasiPair = wasm.FuncType{Params: []wasm.ValType{i32, i32}, Results: []wasm.ValType{i32}}
	// wasiFuncs are the WASI functions host calls use, in import order.
	wasiFuncs = []struct {
		name string
		typ  wasm.FuncType
	}{
		{"fd_write", wasm.FuncType{Params: []wasm.ValType{i32, i32, i32, i32}, Results: []wasm.ValType{i32}}},
		{"fd_read", wasm.FuncType{Params: []wasm.ValType{i32, i32, i32, i32}, Results: []wasm.ValType{i32}}},
		{"fd_close", wasm.FuncType{Params: []wasm.ValType{i32}, Results: []wasm.ValType{i32}}},
		{"fd_seek", wasm.FuncType{Params: []wasm.ValType{i32, i64, i32, i32}, Results: []wasm.ValType{i32}}},
		{"clock_time_get", wasm.FuncType{Params: []wasm.ValType{i32, i64, i32}, Results: []wasm.ValType{i32}}},
		{"random_get", wasm.FuncType{Params: []wasm.ValType{i32, i32}, Results: []wasm.ValType{i32}}},
		{"proc_exit", wasm.FuncType{Params: []wasm.ValType{i32}}},
		{"args_sizes_get", wasiPair}, {"args_get", wasiPair},
		{"environ_sizes_get", wasiPair}, {"environ_get", wasiPair},
		{"fd_prestat_get", wasiPair},
		{"fd_prestat_dir_name", wasm.FuncType{Params: []wasm.ValType{i32, i32, i32}, Results: []wasm.ValType{i32}}},
		{"path_open", wasm.FuncType{Params: []wasm.ValType{i32, i32, i32, i32, i32, i64, i64, i32, i32}, Results: []wasm.ValType{i32}}},
	}
)

// importHost imports the WASI functions the program's host calls and exits use (scanModule). It
// runs before any function is declared: imports head the function index space.
func importHost(b *moduleBuilder, needs *moduleNeeds) {
	used, net := needs.used, needs.net
	for _, w := range wasiFuncs {
		if used[w.name] {
			b.importFunc("wasi:"+w.name, runtime.WASIModule, w.name, w.typ)
		}
	}
	for _, name := range net {
		params := make([]wasm.ValType, ast.HostBuiltins[name].Args)
		for i := range params {
			params[i] = wasm.I64
		}
		b.importFunc("cot:"+name, runtime.NetModule, name, wasm.FuncType{Params: params, Results: []wasm.ValType{wasm.I64}})
	}
}

func (fl *funcLowerer) exit(s *ast.Exit) {
	fl.expr(s.Code)
	fl.emit(wasm.Simple(wasm.OpI32WrapI64), wasm.I32Const(255), wasm.Simple(wasm.OpI32And),
		wasm.Call(fl.b.funcIndex("wasi:proc_exit")), wasm.Simple(wasm.OpUnreachable))
}

// i32Arg pushes a host call's i64 argument as the i32 WASI takes.
func (fl *funcLowerer) i32Arg(e ast.Expr) {
	fl.expr(e)
	fl.emit(wasm.Simple(wasm.OpI32WrapI64))
}

func (fl *funcLowerer) hostCall(e *ast.HostCall) {
	store := func(offset uint64, x ast.Expr) {
		fl.emit(wasm.I32Const(hostScratch))
		fl.i32Arg(x)
		fl.emit(wasm.Instr{Op: wasm.OpI32Store, Align: 2, Offset: offset})
	}
	scratch := func(offset int32) { fl.emit(wasm.I32Const(hostScratch + offset)) }
	// ok pushes the result when errno is 0.
	var ok []wasm.Instr
	load := func(op wasm.Op, align uint32) []wasm.Instr {
		return []wasm.Instr{wasm.I32Const(hostScratch), {Op: op, Align: align, Offset: 8}}
	}
	if ast.HostBuiltins[e.Name].Net { // i64s in, the result (or a Linux errno negated) out
		for _, a := range e.Args {
			fl.expr(a)
		}
		fl.emit(wasm.Call(fl.b.funcIndex("cot:" + e.Name)))
		return
	}
	switch e.Name {
	case "memcpy": // memmove semantics, as language.md §9.2 wants
		fl.i32Arg(e.Args[0])
		fl.i32Arg(e.Args[1])
		fl.i32Arg(e.Args[2])
		fl.emit(wasm.Instr{Op: wasm.OpMemoryCopy})
		return
	case "memory_size":
		fl.emit(wasm.Instr{Op: wasm.OpMemorySize}, wasm.Simple(wasm.OpI64ExtendI32U))
		return
	case "memory_grow": // the old size in pages, or -1
		fl.i32Arg(e.Args[0])
		fl.emit(wasm.Instr{Op: wasm.OpMemoryGrow}, wasm.Simple(wasm.OpI64ExtendI32S))
		return
	case "fd_write", "fd_read":
		store(0, e.Args[1])
		store(4, e.Args[2])
		fl.i32Arg(e.Args[0])
		scratch(0)
		fl.emit(wasm.I32Const(1))
		scratch(8)
		ok = load(wasm.OpI64Load32U, 2)
	case "fd_close":
		fl.i32Arg(e.Args[0])
		ok = []wasm.Instr{wasm.I64Const(0)}
	case "fd_seek":
		fl.i32Arg(e.Args[0])
		fl.expr(e.Args[1])
		fl.i32Arg(e.Args[2])
		scratch(8)
		ok = load(wasm.OpI64Load, 3)
	case "time", "clock_time": // @time is the realtime clock, 0; nanosecond precision
		if e.Name == "time" {
			fl.emit(wasm.I32Const(0))
		} else {
			fl.i32Arg(e.Args[0])
		}
		fl.emit(wasm.I64Const(1))
		scratch(8)
		ok = load(wasm.OpI64Load, 3)
	case "fd_prestat_get": // the prestat {tag u8, name length u32} at S+8: the name's length
		fl.i32Arg(e.Args[0])
		scratch(8)
		ok = []wasm.Instr{wasm.I32Const(hostScratch), {Op: wasm.OpI64Load32U, Align: 2, Offset: 12}}
	case "fd_prestat_dir_name":
		fl.i32Arg(e.Args[0])
		fl.i32Arg(e.Args[1])
		fl.i32Arg(e.Args[2])
		ok = []wasm.Instr{wasm.I64Const(0)}
	case "path_open": // (dirfd path len oflags rights fdflags): symlinks followed, inheriting = base; the fd
		fl.i32Arg(e.Args[0])
		fl.emit(wasm.I32Const(1)) // lookupflags: symlink_follow (the sandbox keeps targets inside)
		fl.i32Arg(e.Args[1])
		fl.i32Arg(e.Args[2])
		fl.i32Arg(e.Args[3])
		fl.expr(e.Args[4])
		fl.expr(e.Args[4])
		fl.i32Arg(e.Args[5])
		scratch(8)
		ok = load(wasm.OpI64Load32U, 2)
	case "random", "args_sizes_get", "args_get", "environ_sizes_get", "environ_get": // two addresses
		fl.i32Arg(e.Args[0])
		fl.i32Arg(e.Args[1])
		ok = []wasm.Instr{wasm.I64Const(0)}
	default:
		panic("lower-to-wasm: unknown host builtin " + e.Name)
	}
	errno := uint32(fl.nparams + len(fl.localTypes))
	fl.localTypes = append(fl.localTypes, wasm.I32)
	fl.emit(wasm.Call(fl.b.funcIndex("wasi:"+ast.HostBuiltins[e.Name].WASI)), wasm.Instr{Op: wasm.OpLocalTee, Index: errno},
		wasm.If(wasm.ValueBlock(wasm.I64)), wasm.I64Const(0), wasm.LocalGet(errno), wasm.Simple(wasm.OpI64ExtendI32U), wasm.Simple(wasm.OpI64Sub),
		wasm.Simple(wasm.OpElse))
	fl.emit(ok...)
	fl.emit(wasm.End())
}

package runtime

// The routines below are written with the Wasm builder because they store to memory, which the
// Cot the compiler handles today cannot: they move to runtime/*.cot once Cot pointers and
// stores are supported. They reach the host only through WASI preview 1 (fd_write) and keep
// their scratch memory below the stack pointer global, which the linker allocates by symbol.

import "cot/ir/wasm"

// StackPointer is the symbol of the global holding the top of the shadow stack (grows down).
const StackPointer = "__stack_pointer"

// WASIModule is the import module of WASI preview 1.
const WASIModule = "wasi_snapshot_preview1"

// Import is a WASI function the runtime calls.
type Import struct {
	Name string
	Type wasm.FuncType
}

// WASIImports lists the host functions the routines may use, in import order.
var WASIImports = []Import{
	{"fd_write", wasm.FuncType{Params: []wasm.ValType{wasm.I32, wasm.I32, wasm.I32, wasm.I32}, Results: []wasm.ValType{wasm.I32}}},
}

// Env resolves symbols while a routine body is generated: "wasi:NAME" for WASI imports,
// "rt:NAME" for routines, and StackPointer for the stack pointer global.
type Env interface {
	Func(symbol string) uint32
	Global(symbol string) uint32
}

// Routine is one runtime function.
type Routine struct {
	Name   string
	Type   wasm.FuncType
	Locals []wasm.ValType // after the parameters
	Needs  []string       // symbols of the functions its body calls
	Body   func(env Env) []wasm.Instr
}

// Routines by name; the names are those of ast.Runtime marked Built, and their helpers.
var Routines = map[string]*Routine{}

func init() {
	for _, r := range []*Routine{writeAll, printInt} {
		Routines[r.Name] = r
	}
}

var (
	i64   = wasm.I64
	i32   = wasm.I32
	op    = wasm.Simple
	get   = wasm.LocalGet
	set   = wasm.LocalSet
	tee   = func(i uint32) wasm.Instr { return wasm.Instr{Op: wasm.OpLocalTee, Index: i} }
	i32c  = wasm.I32Const
	i64c  = wasm.I64Const
	empty = wasm.BlockType{}
)

func mem(o wasm.Op, align uint32, offset uint64) wasm.Instr {
	return wasm.Instr{Op: o, Align: align, Offset: offset}
}

// write_all(fd, addr, len: i64) (print_int's own copy of runtime/write.cot's write) writes len bytes at addr to fd, retrying after short writes and
// giving up on an error or a write of 0 bytes. An iovec {addr, len} and the written count live in
// the 16 bytes below the stack pointer.
var writeAll = &Routine{
	Name:   "write_all",
	Type:   wasm.FuncType{Params: []wasm.ValType{i64, i64, i64}},
	Locals: []wasm.ValType{i32, i64}, // 3: iovec address, 4: bytes written
	Needs:  []string{"wasi:fd_write"},
	Body: func(env Env) []wasm.Instr {
		const fd, addr, n, iov, done = 0, 1, 2, 3, 4
		return []wasm.Instr{
			wasm.GlobalGet(env.Global(StackPointer)), i32c(16), op(wasm.OpI32Sub), set(iov),
			wasm.Block(empty),
			wasm.Loop(empty),
			get(n), i64c(0), op(wasm.OpI64LeS), wasm.BrIf(1),
			get(iov), get(addr), op(wasm.OpI32WrapI64), mem(wasm.OpI32Store, 2, 0),
			get(iov), get(n), op(wasm.OpI32WrapI64), mem(wasm.OpI32Store, 2, 4),
			get(fd), op(wasm.OpI32WrapI64), get(iov), i32c(1), get(iov), i32c(8), op(wasm.OpI32Add),
			wasm.Call(env.Func("wasi:fd_write")), wasm.BrIf(1), // errno != 0
			get(iov), mem(wasm.OpI32Load, 2, 8), op(wasm.OpI64ExtendI32U), tee(done), op(wasm.OpI64Eqz), wasm.BrIf(1),
			get(addr), get(done), op(wasm.OpI64Add), set(addr),
			get(n), get(done), op(wasm.OpI64Sub), set(n),
			wasm.Br(0),
			wasm.End(),
			wasm.End(),
			wasm.End(),
		}
	},
}

// print_int(fd, v: i64) writes v in signed decimal: digits are produced backwards into 32 bytes
// reserved on the shadow stack, from the unsigned magnitude (so i64's minimum prints right).
var printInt = &Routine{
	Name:   "print_int",
	Type:   wasm.FuncType{Params: []wasm.ValType{i64, i64}},
	Locals: []wasm.ValType{i64, i32, i32, i32}, // 2: magnitude, 3: position, 4: end, 5: negative
	Needs:  []string{"rt:write_all"},
	Body: func(env Env) []wasm.Instr {
		const fd, v, mag, pos, end, neg = 0, 1, 2, 3, 4, 5
		sp := env.Global(StackPointer)
		return []wasm.Instr{
			wasm.GlobalGet(sp), tee(end), i32c(32), op(wasm.OpI32Sub), wasm.GlobalSet(sp),
			get(end), set(pos),
			get(v), i64c(0), op(wasm.OpI64LtS), tee(neg),
			wasm.If(wasm.ValueBlock(i64)), i64c(0), get(v), op(wasm.OpI64Sub), op(wasm.OpElse), get(v), wasm.End(),
			set(mag),
			wasm.Loop(empty),
			get(pos), i32c(1), op(wasm.OpI32Sub), tee(pos),
			get(mag), i64c(10), op(wasm.OpI64RemU), i64c('0'), op(wasm.OpI64Add), mem(wasm.OpI64Store8, 0, 0),
			get(mag), i64c(10), op(wasm.OpI64DivU), tee(mag), i64c(0), op(wasm.OpI64Ne), wasm.BrIf(0),
			wasm.End(),
			get(neg), wasm.If(empty),
			get(pos), i32c(1), op(wasm.OpI32Sub), tee(pos), i32c('-'), mem(wasm.OpI32Store8, 0, 0),
			wasm.End(),
			get(fd), get(pos), op(wasm.OpI64ExtendI32U), get(end), get(pos), op(wasm.OpI32Sub), op(wasm.OpI64ExtendI32U),
			wasm.Call(env.Func("rt:write_all")),
			get(end), wasm.GlobalSet(sp),
			wasm.End(),
		}
	},
}

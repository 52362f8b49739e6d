package runtime

// Routines written with the Wasm builder (today clock_ns, clock.go, which reads a clock id no
// host builtin takes): link-runtime adds the ones a module calls. They reach the host only
// through WASI preview 1 and keep their scratch memory below the stack pointer global, which
// the linker allocates by symbol. Every other routine is Cot (runtime/*.cot, runtime.go).

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
var WASIImports = []Import{}

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

// Routines by name (each file registers its own); the names are those of ast.Runtime marked
// Built, and their helpers.
var Routines = map[string]*Routine{}

var (
	i64  = wasm.I64
	i32  = wasm.I32
	op   = wasm.Simple
	get  = wasm.LocalGet
	tee  = func(i uint32) wasm.Instr { return wasm.Instr{Op: wasm.OpLocalTee, Index: i} }
	i32c = wasm.I32Const
	i64c = wasm.I64Const
)

func mem(o wasm.Op, align uint32, offset uint64) wasm.Instr {
	return wasm.Instr{Op: o, Align: align, Offset: offset}
}

package runtime

import "cot/ir/wasm"

func init() {
	WASIImports = append(WASIImports, Import{"clock_time_get",
		wasm.FuncType{Params: []wasm.ValType{wasm.I32, wasm.I64, wasm.I32}, Results: []wasm.ValType{wasm.I32}}})
	Routines[clockNs.Name] = clockNs
}

// clock_ns(id: i64) i64 reads WASI clock id (0 realtime, 1 monotonic) in nanoseconds, through 8
// bytes below the stack pointer; 0 when the host refuses the clock.
var clockNs = &Routine{
	Name:   "clock_ns",
	Type:   wasm.FuncType{Params: []wasm.ValType{i64}, Results: []wasm.ValType{i64}},
	Locals: []wasm.ValType{i32}, // 1: the result's address
	Needs:  []string{"wasi:clock_time_get"},
	Body: func(env Env) []wasm.Instr {
		const id, at = 0, 1
		return []wasm.Instr{
			wasm.GlobalGet(env.Global(StackPointer)), i32c(8), op(wasm.OpI32Sub), tee(at),
			i64c(0), mem(wasm.OpI64Store, 3, 0),
			get(id), op(wasm.OpI32WrapI64), i64c(1), get(at), wasm.Call(env.Func("wasi:clock_time_get")), op(wasm.OpDrop),
			get(at), mem(wasm.OpI64Load, 3, 0),
			wasm.End(),
		}
	},
}

package runtime

import "cot/ir/wasm"

// String routines (ir/ast/node_string.go), written with the Wasm builder like the others until
// the runtime is Cot code.

func init() { Routines[strEq.Name] = strEq }

// str_eq(p1, n1, p2, n2: i64) -> bool: the strings of n1 bytes at p1 and n2 bytes at p2 hold the
// same bytes (decisions.md #16: contents, not addresses).
var strEq = &Routine{
	Name:   "str_eq",
	Type:   wasm.FuncType{Params: []wasm.ValType{i64, i64, i64, i64}, Results: []wasm.ValType{i32}},
	Locals: []wasm.ValType{i64}, // 4: index
	Body: func(Env) []wasm.Instr {
		const p1, n1, p2, n2, i = 0, 1, 2, 3, 4
		byteAt := func(p uint32) []wasm.Instr {
			return []wasm.Instr{get(p), get(i), op(wasm.OpI64Add), op(wasm.OpI32WrapI64), mem(wasm.OpI32Load8U, 0, 0)}
		}
		body := []wasm.Instr{
			get(n1), get(n2), op(wasm.OpI64Ne), wasm.If(empty), i32c(0), op(wasm.OpReturn), wasm.End(),
			wasm.Block(empty), wasm.Loop(empty),
			get(i), get(n1), op(wasm.OpI64GeU), wasm.BrIf(1),
		}
		body = append(body, byteAt(p1)...)
		body = append(body, byteAt(p2)...)
		return append(body,
			op(wasm.OpI32Ne), wasm.If(empty), i32c(0), op(wasm.OpReturn), wasm.End(),
			get(i), i64c(1), op(wasm.OpI64Add), set(i),
			wasm.Br(0),
			wasm.End(), wasm.End(),
			i32c(1),
			wasm.End())
	},
}

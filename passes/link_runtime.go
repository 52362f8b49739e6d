// Pass link-runtime: wasm-structured -> wasm-final.
//
// Finishes the module for the runtime: the shadow-stack pointer global is allocated by symbol
// at the top of the memory, after the program's globals, unless lower-to-wasm allocated it
// already for the program's frames. The runtime's routines themselves are Cot and joined the
// program in import-runtime, so no import of module "cot_runtime" reaches this pass (it refuses
// one); its code indices need no remapping, as the global is appended. Streamed
// (front_stream.go) it leaves each body as it is and links the module at the join.
//
//	(global $g#1 (mut i64) (i64.const 7))   =>   (global $g#1 (mut i64) (i64.const 7))
//	                                             (global $__stack_pointer (mut i32) (i32.const 131072))

package passes

import (
	"cot/ir/pipeline"
	"cot/ir/wasm"
	"cot/runtime"
)

func linkRuntime(ctx *pipeline.Ctx, prog any) (any, error) {
	if unitOf(ctx) != nil {
		return prog, nil // streamed: a body, which the pass leaves as it is; the join links the module
	}
	old := prog.(*wasm.Module)
	for _, im := range old.Imports {
		if im.Module == wasm.RuntimeModule {
			panic("link-runtime: an import of " + wasm.RuntimeModule + "." + im.Name + ": the runtime's routines are Cot (import-runtime)")
		}
	}
	m := *old
	m.Globals = append([]wasm.Global(nil), old.Globals...)
	for _, g := range m.Globals {
		if g.Name == runtime.StackPointer {
			return &m, nil
		}
	}
	stackTop := int32(old.Mems[0].Limits.Min) * PageSize
	m.Globals = append(m.Globals, wasm.Global{Name: runtime.StackPointer, Type: wasm.GlobalType{Type: wasm.I32, Mutable: true},
		Init: []wasm.Instr{wasm.I32Const(stackTop), wasm.End()}})
	return &m, nil
}

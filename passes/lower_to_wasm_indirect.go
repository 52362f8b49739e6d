package passes

// Calls through function values in lower-to-wasm (see lower_to_wasm_pass.go; closure objects are
// convert-closures'). The functions with a table slot (Func.Slot) fill table 0 from index 1 by an
// active element segment; index 0 stays null, so a call through a zeroed object traps on every
// engine (convert-closures already stops a call of a null value with its own message). A
// call-indirect pushes its arguments, then the closure object's address (the callee's last
// parameter), then the slot read from the object's first 8 bytes, and calls through the table
// with the Wasm type of its arguments and result.
//
//	(call-indirect:i64 f#3 x#4)  =>  local.get x  local.get f  local.get f  i32.wrap_i64  i64.load
//	                                 i32.wrap_i64  call_indirect 0 (type T)

import (
	"fmt"

	"cot/ir/ast"
	"cot/ir/types"
	"cot/ir/wasm"
)

// tableSlots maps each table slot of funcs to its function's name (taken before lower-to-wasm
// consumes the functions).
func tableSlots(funcs []*ast.Func) map[int]string {
	bySlot := map[int]string{}
	for _, f := range funcs {
		if f.Slot > 0 {
			bySlot[f.Slot] = f.Name.String()
		}
	}
	return bySlot
}

// addTable declares the function table and its element segment, when functions have slots
// (bySlot: the function name in each slot).
func addTable(b *moduleBuilder, bySlot map[int]string, usesTable bool) {
	last := 0
	for slot := range bySlot {
		last = max(last, slot)
	}
	if last == 0 {
		if usesTable { // calls through values that only null values reach
			b.m.Tables = []wasm.Table{{Elem: wasm.FuncRef, Limits: wasm.Limits{Min: 1, Max: 1, HasMax: true}}}
		}
		return
	}
	elem := wasm.Elem{Mode: wasm.ElemActive, Offset: []wasm.Instr{wasm.I32Const(1), wasm.End()}, Type: wasm.FuncRef}
	for slot := 1; slot <= last; slot++ {
		name, ok := bySlot[slot]
		if !ok {
			panic(fmt.Sprintf("lower-to-wasm: no function in table slot %d", slot))
		}
		elem.Init = append(elem.Init, []wasm.Instr{{Op: wasm.OpRefFunc, Index: b.funcIndex(name)}, wasm.End()})
	}
	size := uint32(last + 1)
	b.m.Tables = []wasm.Table{{Elem: wasm.FuncRef, Limits: wasm.Limits{Min: size, Max: size, HasMax: true}}}
	b.m.Elems = []wasm.Elem{elem}
}

// callIndirect lowers a call through a closure object.
func (fl *funcLowerer) callIndirect(e *ast.CallIndirect) {
	var params []types.Type
	for _, a := range e.Args {
		fl.expr(a)
		params = append(params, a.Type())
	}
	fl.expr(e.Callee)
	params = append(params, e.Callee.Type())
	slotAddr := &ast.Convert{At: e.At, Typed: ast.Typed{T: types.PointerTo(types.TI64)}, X: e.Callee}
	fl.expr(&ast.Load{At: e.At, Typed: ast.Typed{T: types.TI64}, Addr: slotAddr})
	fl.emit(wasm.Simple(wasm.OpI32WrapI64))
	fl.emit(wasm.Instr{Op: wasm.OpCallIndirect, Index: fl.b.knownType(funcType(params, e.T)), Index2: 0})
}

package arm64

import (
	"cot/ir/ssa"
	"cot/ir/wasm"
)

// operation translates the non-control instructions.
func (tr *translator) operation(in wasm.Instr) {
	switch in.Op {
	case wasm.OpDrop:
		tr.pop()
	case wasm.OpSelect, wasm.OpSelectT:
		c := tr.pop()
		b := tr.pop()
		a := tr.pop()
		tr.push(tr.emit(ssa.OpSelect, a.Type, 0, a, b, c))
	case wasm.OpLocalGet:
		tr.push(tr.locals[in.Index])
	case wasm.OpLocalSet:
		tr.locals[in.Index] = tr.pop()
	case wasm.OpLocalTee:
		tr.locals[in.Index] = tr.stack[len(tr.stack)-1]
	case wasm.OpGlobalGet:
		t := ssa.FromWasm(tr.m.GlobalTypeOf(in.Index).Type)
		tr.push(tr.emit(ssa.OpGlobalGet, t, int64(in.Index)))
	case wasm.OpGlobalSet:
		tr.emit(ssa.OpGlobalSet, ssa.TNone, int64(in.Index), tr.pop())
	case wasm.OpI32Const:
		tr.push(tr.emit(ssa.OpConst, ssa.I32, int64(in.Const)))
	case wasm.OpI64Const:
		tr.push(tr.emit(ssa.OpConst, ssa.I64, int64(in.Const)))
	case wasm.OpF32Const:
		tr.push(tr.emit(ssa.OpConst, ssa.F32, int64(in.Const&0xFFFFFFFF)))
	case wasm.OpF64Const:
		tr.push(tr.emit(ssa.OpConst, ssa.F64, int64(in.Const)))
	case wasm.OpRefNull:
		tr.push(tr.emit(ssa.OpConst, ssa.Ref, 0))
	case wasm.OpCall:
		sig := tr.m.FuncTypeOf(in.Index)
		tr.call(ssa.OpCall, int64(in.Index), 0, sig, len(sig.Params))
	case wasm.OpCallIndirect:
		sig := tr.m.Types[in.Index]
		tr.call(ssa.OpCallIndirect, int64(in.Index), int64(in.Index2), sig, len(sig.Params)+1)
	default:
		t, n := ssa.WasmResult(in.Op)
		mustf(n >= 0, "translate: unsupported instruction %s", in.Op)
		v := tr.emit(ssa.Op(in.Op), t, 0, tr.popN(n)...)
		switch {
		case in.Op >= wasm.OpI32Load && in.Op <= wasm.OpI64Store32:
			v.Aux = int64(in.Offset)
		case in.Op == wasm.OpTableCopy || in.Op == wasm.OpTableInit:
			v.Aux, v.Aux2 = int64(in.Index), int64(in.Index2)
		case in.Op == wasm.OpMemoryInit || in.Op == wasm.OpDataDrop || in.Op == wasm.OpElemDrop ||
			in.Op == wasm.OpRefFunc || in.Op >= wasm.OpTableGet && in.Op <= wasm.OpTableSet ||
			in.Op >= wasm.OpTableGrow && in.Op <= wasm.OpTableFill:
			v.Aux = int64(in.Index)
		}
		if t != ssa.TNone {
			tr.push(v)
		}
	}
}

// call emits a call taking nargs operands, then one result value per signature result.
func (tr *translator) call(op ssa.Op, aux, aux2 int64, sig wasm.FuncType, nargs int) {
	c := tr.emit(op, ssa.TNone, aux, tr.popN(nargs)...)
	c.Aux2 = aux2
	for i, rt := range sig.Results {
		r := tr.emit(ssa.OpResult, ssa.FromWasm(rt), int64(i), c)
		tr.push(r)
	}
}

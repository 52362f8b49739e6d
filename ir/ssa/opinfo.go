package ssa

import "cot/ir/wasm"

var ssaOpNames = map[Op]string{
	OpConst:        "const",
	OpParam:        "param",
	OpCall:         "call",
	OpCallIndirect: "call_indirect",
	OpResult:       "result",
	OpGlobalGet:    "global.get",
	OpGlobalSet:    "global.set",
	OpSelect:       "select",
}

func (o Op) String() string {
	if n, ok := ssaOpNames[o]; ok {
		return n
	}
	return wasm.Op(o).String()
}

// OpByName returns the operation named name (SSA names first, then Wasm mnemonics).
func OpByName(name string) (Op, bool) {
	for op, n := range ssaOpNames {
		if n == name {
			return op, true
		}
	}
	op, ok := wasm.OpByName(name)
	return Op(op), ok
}

// WasmResult returns the result type of a Wasm numeric, memory or reference opcode kept as an
// SSA operation (TNone for side effects), and how many operands it takes.
func WasmResult(op wasm.Op) (Type, int) {
	switch {
	case op == wasm.OpI32Eqz || op == wasm.OpI64Eqz:
		return I32, 1
	case op >= wasm.OpI32Eq && op <= wasm.OpF64Ge:
		return I32, 2
	case op >= wasm.OpI32Clz && op <= wasm.OpI32Popcnt:
		return I32, 1
	case op >= wasm.OpI32Add && op <= wasm.OpI32Rotr:
		return I32, 2
	case op >= wasm.OpI64Clz && op <= wasm.OpI64Popcnt:
		return I64, 1
	case op >= wasm.OpI64Add && op <= wasm.OpI64Rotr:
		return I64, 2
	case op >= wasm.OpF32Abs && op <= wasm.OpF32Sqrt:
		return F32, 1
	case op >= wasm.OpF32Add && op <= wasm.OpF32Copysign:
		return F32, 2
	case op >= wasm.OpF64Abs && op <= wasm.OpF64Sqrt:
		return F64, 1
	case op >= wasm.OpF64Add && op <= wasm.OpF64Copysign:
		return F64, 2
	}
	switch op {
	case wasm.OpI32WrapI64, wasm.OpI32TruncF32S, wasm.OpI32TruncF32U, wasm.OpI32TruncF64S,
		wasm.OpI32TruncF64U, wasm.OpI32ReinterpretF32, wasm.OpI32Extend8S, wasm.OpI32Extend16S,
		wasm.OpI32TruncSatF32S, wasm.OpI32TruncSatF32U, wasm.OpI32TruncSatF64S, wasm.OpI32TruncSatF64U:
		return I32, 1
	case wasm.OpI64ExtendI32S, wasm.OpI64ExtendI32U, wasm.OpI64TruncF32S, wasm.OpI64TruncF32U,
		wasm.OpI64TruncF64S, wasm.OpI64TruncF64U, wasm.OpI64ReinterpretF64, wasm.OpI64Extend8S,
		wasm.OpI64Extend16S, wasm.OpI64Extend32S,
		wasm.OpI64TruncSatF32S, wasm.OpI64TruncSatF32U, wasm.OpI64TruncSatF64S, wasm.OpI64TruncSatF64U:
		return I64, 1
	case wasm.OpF32ConvertI32S, wasm.OpF32ConvertI32U, wasm.OpF32ConvertI64S, wasm.OpF32ConvertI64U,
		wasm.OpF32DemoteF64, wasm.OpF32ReinterpretI32:
		return F32, 1
	case wasm.OpF64ConvertI32S, wasm.OpF64ConvertI32U, wasm.OpF64ConvertI64S, wasm.OpF64ConvertI64U,
		wasm.OpF64PromoteF32, wasm.OpF64ReinterpretI64:
		return F64, 1
	case wasm.OpI32Load, wasm.OpI32Load8S, wasm.OpI32Load8U, wasm.OpI32Load16S, wasm.OpI32Load16U:
		return I32, 1
	case wasm.OpI64Load, wasm.OpI64Load8S, wasm.OpI64Load8U, wasm.OpI64Load16S, wasm.OpI64Load16U,
		wasm.OpI64Load32S, wasm.OpI64Load32U:
		return I64, 1
	case wasm.OpF32Load:
		return F32, 1
	case wasm.OpF64Load:
		return F64, 1
	case wasm.OpI32Store, wasm.OpI64Store, wasm.OpF32Store, wasm.OpF64Store, wasm.OpI32Store8,
		wasm.OpI32Store16, wasm.OpI64Store8, wasm.OpI64Store16, wasm.OpI64Store32:
		return TNone, 2
	case wasm.OpMemorySize:
		return I32, 0
	case wasm.OpMemoryGrow:
		return I32, 1
	case wasm.OpMemoryInit, wasm.OpMemoryCopy, wasm.OpMemoryFill:
		return TNone, 3
	case wasm.OpDataDrop, wasm.OpElemDrop:
		return TNone, 0
	case wasm.OpRefIsNull:
		return I32, 1
	case wasm.OpRefFunc:
		return Ref, 0
	case wasm.OpTableGet:
		return Ref, 1
	case wasm.OpTableSet:
		return TNone, 2
	case wasm.OpTableSize:
		return I32, 0
	case wasm.OpTableGrow:
		return I32, 2
	case wasm.OpTableFill, wasm.OpTableCopy, wasm.OpTableInit:
		return TNone, 3
	}
	return TNone, -1
}

// IsPure reports whether a value with this operation can be removed when unused: it has no side
// effect and cannot trap.
func IsPure(op Op) bool {
	switch op {
	case OpConst, OpParam, OpGlobalGet, OpSelect, OpResult:
		return true
	case OpCall, OpCallIndirect, OpGlobalSet:
		return false
	}
	w := wasm.Op(op)
	switch w {
	case wasm.OpI32DivS, wasm.OpI32DivU, wasm.OpI32RemS, wasm.OpI32RemU,
		wasm.OpI64DivS, wasm.OpI64DivU, wasm.OpI64RemS, wasm.OpI64RemU,
		wasm.OpI32TruncF32S, wasm.OpI32TruncF32U, wasm.OpI32TruncF64S, wasm.OpI32TruncF64U,
		wasm.OpI64TruncF32S, wasm.OpI64TruncF32U, wasm.OpI64TruncF64S, wasm.OpI64TruncF64U,
		wasm.OpMemorySize, wasm.OpTableSize, wasm.OpTableGet:
		// memory.size and table.size read state that calls change; keep them in place.
		return false
	}
	t, n := WasmResult(w)
	if n < 0 || t == TNone {
		return false
	}
	if w >= wasm.OpI32Load && w <= wasm.OpI64Load32U || w == wasm.OpMemoryGrow || w == wasm.OpTableGrow {
		return false
	}
	return true
}

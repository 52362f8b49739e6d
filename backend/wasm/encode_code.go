package wasm

import (
	"encoding/binary"

	"cot/ir/wasm"
)

// appendElem picks the element segment encoding (flags 0-7): function indices when every item
// is a plain ref.func of a funcref segment and the module did not ask for expressions; an
// explicit table when the table is not 0, the type is not funcref, or the module asked for it.
func appendElem(b []byte, el wasm.Elem) []byte {
	exprs := el.Exprs || el.Type != wasm.FuncRef || !allRefFunc(el.Init)
	var flags uint32
	if exprs {
		flags |= 4
	}
	switch el.Mode {
	case wasm.ElemActive:
		if el.TableExplicit || el.Table != 0 || el.Type != wasm.FuncRef {
			flags |= 2
		}
	case wasm.ElemPassive:
		flags |= 1
	case wasm.ElemDeclarative:
		flags |= 3
	}
	b = AppendU32(b, flags)
	if el.Mode == wasm.ElemActive {
		if flags&2 != 0 {
			b = AppendU32(b, el.Table)
		}
		b = appendExpr(b, el.Offset)
	}
	if flags&3 != 0 {
		if exprs {
			b = append(b, byte(el.Type))
		} else {
			b = append(b, 0x00) // element kind: funcref
		}
	}
	b = AppendU32(b, uint32(len(el.Init)))
	for _, it := range el.Init {
		if exprs {
			b = appendExpr(b, it)
		} else {
			b = AppendU32(b, it[0].Index)
		}
	}
	return b
}

func allRefFunc(items [][]wasm.Instr) bool {
	for _, it := range items {
		if len(it) != 2 || it[0].Op != wasm.OpRefFunc || it[1].Op != wasm.OpEnd {
			return false
		}
	}
	return true
}

func appendExpr(b []byte, body []wasm.Instr) []byte {
	for i := range body {
		b = appendInstr(b, &body[i])
	}
	return b
}

// appendInstr writes one instruction; the inverse of decoder.instr.
func appendInstr(b []byte, in *wasm.Instr) []byte {
	op := in.Op
	if op >= 0xFC00 {
		b = append(b, 0xFC)
		b = AppendU32(b, uint32(op&0xFF))
		switch op {
		case wasm.OpMemoryInit:
			return append(AppendU32(b, in.Index), 0)
		case wasm.OpDataDrop, wasm.OpElemDrop, wasm.OpTableGrow, wasm.OpTableSize, wasm.OpTableFill:
			return AppendU32(b, in.Index)
		case wasm.OpMemoryCopy:
			return append(b, 0, 0)
		case wasm.OpMemoryFill:
			return append(b, 0)
		case wasm.OpTableInit, wasm.OpTableCopy:
			return AppendU32(AppendU32(b, in.Index), in.Index2)
		}
		return b
	}
	b = append(b, byte(op))
	switch {
	case op == wasm.OpBlock || op == wasm.OpLoop || op == wasm.OpIf:
		switch in.Block.Kind {
		case wasm.BlockEmpty:
			return append(b, 0x40)
		case wasm.BlockValue:
			return append(b, byte(in.Block.Val))
		}
		return AppendS33(b, int64(in.Block.TypeIdx))
	case op == wasm.OpBr || op == wasm.OpBrIf || op == wasm.OpCall || op == wasm.OpRefFunc ||
		(op >= wasm.OpLocalGet && op <= wasm.OpTableSet):
		return AppendU32(b, in.Index)
	case op == wasm.OpBrTable:
		b = AppendU32(b, uint32(len(in.Labels())))
		for _, l := range in.Labels() {
			b = AppendU32(b, l)
		}
		return AppendU32(b, in.Index)
	case op == wasm.OpCallIndirect:
		return AppendU32(AppendU32(b, in.Index), in.Index2)
	case op == wasm.OpSelectT:
		return appendValTypes(b, in.Types())
	case op >= wasm.OpI32Load && op <= wasm.OpI64Store32:
		return AppendU32(AppendU32(b, in.Align), uint32(in.Offset))
	case op == wasm.OpMemorySize || op == wasm.OpMemoryGrow:
		return append(b, 0)
	case op == wasm.OpI32Const:
		return AppendS32(b, int32(in.Const))
	case op == wasm.OpI64Const:
		return AppendS64(b, int64(in.Const))
	case op == wasm.OpF32Const:
		return binary.LittleEndian.AppendUint32(b, uint32(in.Const))
	case op == wasm.OpF64Const:
		return binary.LittleEndian.AppendUint64(b, in.Const)
	case op == wasm.OpRefNull:
		return append(b, byte(in.RefType))
	}
	return b
}

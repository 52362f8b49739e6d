package wasm

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// F32Text and F64Text print a float exactly: hexadecimal for finite values, inf, and nan with
// its payload unless it is the canonical one.
func F32Text(bits uint32) string {
	sign := ""
	if bits>>31 != 0 {
		sign = "-"
	}
	exp, frac := bits>>23&0xFF, bits&(1<<23-1)
	if exp == 0xFF {
		switch {
		case frac == 0:
			return sign + "inf"
		case frac == 1<<22:
			return sign + "nan"
		}
		return fmt.Sprintf("%snan:0x%x", sign, frac)
	}
	return strconv.FormatFloat(float64(math.Float32frombits(bits)), 'x', -1, 32)
}

func F64Text(bits uint64) string {
	sign := ""
	if bits>>63 != 0 {
		sign = "-"
	}
	exp, frac := bits>>52&0x7FF, bits&(1<<52-1)
	if exp == 0x7FF {
		switch {
		case frac == 0:
			return sign + "inf"
		case frac == 1<<51:
			return sign + "nan"
		}
		return fmt.Sprintf("%snan:0x%x", sign, frac)
	}
	return strconv.FormatFloat(math.Float64frombits(bits), 'x', -1, 64)
}

// InstrText prints one instruction in flat WAT form with its immediates.
func InstrText(in *Instr) string {
	name := in.Op.String()
	switch op := in.Op; {
	case op == OpBlock || op == OpLoop || op == OpIf:
		switch in.Block.Kind {
		case BlockValue:
			return name + " (result " + in.Block.Val.String() + ")"
		case BlockTypeIndex:
			return fmt.Sprintf("%s (type %d)", name, in.Block.TypeIdx)
		}
		return name
	case op == OpBr || op == OpBrIf || op == OpCall || op == OpRefFunc || op == OpLocalGet ||
		op == OpLocalSet || op == OpLocalTee || op == OpGlobalGet || op == OpGlobalSet ||
		op == OpTableGet || op == OpTableSet || op == OpTableGrow || op == OpTableSize ||
		op == OpTableFill || op == OpMemoryInit || op == OpDataDrop || op == OpElemDrop:
		return fmt.Sprintf("%s %d", name, in.Index)
	case op == OpBrTable:
		var b strings.Builder
		b.WriteString(name)
		for _, l := range in.Labels() {
			fmt.Fprintf(&b, " %d", l)
		}
		fmt.Fprintf(&b, " %d", in.Index)
		return b.String()
	case op == OpCallIndirect:
		return fmt.Sprintf("%s %d (type %d)", name, in.Index2, in.Index)
	case op == OpTableCopy:
		return fmt.Sprintf("%s %d %d", name, in.Index, in.Index2)
	case op == OpTableInit:
		return fmt.Sprintf("%s %d %d", name, in.Index2, in.Index)
	case op == OpSelectT:
		var b strings.Builder
		b.WriteString("select (result")
		for _, t := range in.Types() {
			b.WriteString(" " + t.String())
		}
		b.WriteString(")")
		return b.String()
	case op >= OpI32Load && op <= OpI64Store32:
		s := name
		if in.Offset != 0 {
			s += fmt.Sprintf(" offset=%d", in.Offset)
		}
		if in.Align != naturalAlign(op) {
			s += fmt.Sprintf(" align=%d", uint64(1)<<min(in.Align, 63))
		}
		return s
	case op == OpI32Const:
		return fmt.Sprintf("%s %d", name, int32(in.Const))
	case op == OpI64Const:
		return fmt.Sprintf("%s %d", name, int64(in.Const))
	case op == OpF32Const:
		return name + " " + F32Text(uint32(in.Const))
	case op == OpF64Const:
		return name + " " + F64Text(in.Const)
	case op == OpRefNull:
		if in.RefType == ExternRef {
			return name + " extern"
		}
		return name + " func"
	}
	return name
}

// naturalAlign is log2 of the access size of a load or store.
func naturalAlign(op Op) uint32 {
	switch op {
	case OpI64Load, OpF64Load, OpI64Store, OpF64Store:
		return 3
	case OpI32Load, OpF32Load, OpI32Store, OpF32Store, OpI64Load32S, OpI64Load32U, OpI64Store32:
		return 2
	case OpI32Load16S, OpI32Load16U, OpI64Load16S, OpI64Load16U, OpI32Store16, OpI64Store16:
		return 1
	}
	return 0
}

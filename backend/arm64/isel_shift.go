package arm64

// Instruction selection of shifted-register operands (part of select-instructions): an add or
// sub whose (second, for sub) operand is a shift left by a constant, computed in the same block
// and used only there, takes the shift as its operand's `lsl #k`; the shift is not selected.
//
//	v3 = i32.shl v1, 2 ; v4 = i32.add v2, v3   =>  add w%104, w%102, w%101, lsl #2

import (
	"cot/ir/mir"
	"cot/ir/ssa"
	"cot/ir/wasm"
)

// shiftedOperand returns the shift v (an add or sub) can take as a shifted operand, its other
// operand, and the shift amount; nil when there is none.
func (s *selector) shiftedOperand(v *ssa.Value) (sh, other *ssa.Value, k int64) {
	var bits uint64
	switch wasm.Op(v.Op) {
	case wasm.OpI32Add, wasm.OpI32Sub:
		bits = 32
	case wasm.OpI64Add, wasm.OpI64Sub:
		bits = 64
	default:
		return nil, nil, 0
	}
	add := wasm.Op(v.Op) == wasm.OpI32Add || wasm.Op(v.Op) == wasm.OpI64Add
	for i := 1; i >= 0; i-- {
		if i == 0 && !add {
			break
		}
		x, y := v.Args[i], v.Args[1-i]
		if _, yK := isConst(y); yK || x.Block != v.Block || s.useCount(x) != 1 {
			continue
		}
		if w := wasm.Op(x.Op); w != wasm.OpI32Shl && w != wasm.OpI64Shl {
			continue
		}
		if amount, ok := isConst(x.Args[1]); ok {
			return x, y, int64(amount % bits) // Wasm shifts by the amount modulo the width
		}
	}
	return nil, nil, 0
}

// foldShifts marks the shifts of block b that an add or sub of b takes as a shifted operand.
func (s *selector) foldShifts(b *ssa.Block) {
	s.folded.reset()
	for _, v := range b.Instrs {
		if sh, _, _ := s.shiftedOperand(v); sh != nil {
			s.folded.add(sh)
		}
	}
}

// shiftedBinary selects v as add/sub with a shifted operand, reporting whether it did.
func (s *selector) shiftedBinary(v *ssa.Value) bool {
	sh, other, k := s.shiftedOperand(v)
	if sh == nil || !s.folded.has(sh) {
		return false
	}
	op := mir.ADDSH
	if w := wasm.Op(v.Op); w == wasm.OpI32Sub || w == wasm.OpI64Sub {
		op = mir.SUBSH
	}
	s.emit(&mir.Instr{Op: op, W: width(v.Type), Rd: s.def(v), Rn: s.use(other), Rm: s.use(sh.Args[0]), Imm: k})
	return true
}

package arm64

// Instruction selection of multiply-add (part of select-instructions): an add of a product, or a
// sub of one from a value, where the mul is computed in the same block and used only there, is
// one madd/msub; the mul is not selected.
//
//	v3 = i64.mul v1, v2 ; v4 = i64.add v0, v3   =>  madd x%104, x%101, x%102, x%100
//	v3 = i32.mul v1, v2 ; v4 = i32.sub v0, v3   =>  msub w%104, w%101, w%102, w%100

import (
	"cot/ir/mir"
	"cot/ir/ssa"
	"cot/ir/wasm"
)

// productOperand returns the mul v (an add or sub) can fuse and its other operand; nil when
// there is none. An add takes a product on either side, a sub only as the subtrahend.
func (s *selector) productOperand(v *ssa.Value) (mul, other *ssa.Value) {
	var want wasm.Op
	switch wasm.Op(v.Op) {
	case wasm.OpI32Add, wasm.OpI32Sub:
		want = wasm.OpI32Mul
	case wasm.OpI64Add, wasm.OpI64Sub:
		want = wasm.OpI64Mul
	default:
		return nil, nil
	}
	add := wasm.Op(v.Op) == wasm.OpI32Add || wasm.Op(v.Op) == wasm.OpI64Add
	for i := 1; i >= 0; i-- {
		if i == 0 && !add {
			break
		}
		x, y := v.Args[i], v.Args[1-i]
		if wasm.Op(x.Op) == want && x.Block == v.Block && s.useCount(x) == 1 && x != y {
			return x, y
		}
	}
	return nil, nil
}

// foldProducts marks the muls of block b that an add or sub of b fuses (after foldShifts: an
// add that takes a shifted operand keeps it).
func (s *selector) foldProducts(b *ssa.Block) {
	for _, v := range b.Instrs {
		if sh, _, _ := s.shiftedOperand(v); sh != nil && s.folded.has(sh) {
			continue
		}
		if mul, _ := s.productOperand(v); mul != nil {
			s.folded.add(mul)
		}
	}
}

// fusedMultiply selects v as madd/msub, reporting whether it did.
func (s *selector) fusedMultiply(v *ssa.Value) bool {
	mul, other := s.productOperand(v)
	if mul == nil || !s.folded.has(mul) {
		return false
	}
	op := mir.MADD
	if w := wasm.Op(v.Op); w == wasm.OpI32Sub || w == wasm.OpI64Sub {
		op = mir.MSUB
	}
	s.emit(&mir.Instr{Op: op, W: width(v.Type), Rd: s.def(v), Rn: s.use(mul.Args[0]), Rm: s.use(mul.Args[1]), Ra: s.use(other)})
	return true
}

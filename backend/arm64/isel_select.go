package arm64

// Selects: csel/fcsel on the flags of the condition. A comparison whose only use is a select
// of its own block is not materialised (cset) and retested (cmp #0): it is emitted right before
// the select, whose condition becomes the comparison's:
//
//	v5:i32 = i32.lt_u v1, v2 ; v6:i32 = select v3, v4, v5
//	  =>  cmp w%101, w%102 ; csel w%106, w%103, w%104, lo
//
// Moving the comparison is safe: it cannot trap and its operands are SSA values, unchanged at
// the select; nothing is emitted between the comparison and the csel (select operands are
// registers, constants are materialised at the function's entry). An integer 0 operand is wzr/xzr.

import (
	"cot/ir/mir"
	"cot/ir/ssa"
)

// fuseSelects marks the comparisons of b selected together with the select that uses them.
func (s *selector) fuseSelects(b *ssa.Block) {
	s.selFused.reset()
	for _, v := range b.Instrs {
		if v.Op != ssa.OpSelect {
			continue
		}
		c := v.Args[2]
		if c.Block == b && c != s.fused && c != v.Args[0] && c != v.Args[1] && s.useCount(c) == 1 && isComparison(c) {
			s.selFused.add(c)
		}
	}
}

func (s *selector) lowerSelect(v *ssa.Value) {
	a, b := s.selectOperand(v.Args[0]), s.selectOperand(v.Args[1])
	cond := mir.NE
	if c := v.Args[2]; s.selFused.has(c) {
		cond = s.compareFlags(c)
	} else {
		s.emit(&mir.Instr{Op: mir.CMPI, W: mir.W, Rn: s.use(c), Imm: 0})
	}
	op := mir.CSEL
	if v.Type.IsFloat() {
		op = mir.FCSEL
	}
	s.emit(&mir.Instr{Op: op, W: width(v.Type), Rd: s.def(v), Rn: a, Rm: b, Cond: cond})
}

// selectOperand is the register of a select operand: the zero register for an integer 0.
func (s *selector) selectOperand(x *ssa.Value) mir.Reg {
	if k, ok := isConst(x); ok && k == 0 && !x.Type.IsFloat() {
		return mir.ZR
	}
	return s.use(x)
}

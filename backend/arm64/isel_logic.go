package arm64

// Instruction selection of logical immediates and of zero tests (part of select-instructions):
// `and/orr/eor` with a bitmask-encodable constant take the immediate form; a branch on a value
// being zero or not is cbz/cbnz, and on an `and` being zero or not is tst + b.eq/b.ne, the `and`
// itself never materialised when the test is its only use.
//
//	v3 = i32.and v1, 0xff              =>  and w%103, w%101, #0xff
//	v4 = i32.eqz v2 ; branch v4, ...   =>  cbz w%102, ...
//	v3 = i32.and v1, 8 ; v4 = i32.eqz v3 ; branch v4, ...  =>  tst w%101, #0x8 ; b.eq ...

import (
	"cot/backend/arm64/enc"
	"cot/ir/mir"
	"cot/ir/ssa"
	"cot/ir/wasm"
)

// eqNeConds are the conditions of the equality comparisons.
var eqNeConds = map[wasm.Op]mir.Cond{wasm.OpI32Eq: mir.EQ, wasm.OpI64Eq: mir.EQ, wasm.OpI32Ne: mir.NE, wasm.OpI64Ne: mir.NE}

var logicalImmOps = map[mir.Op]mir.Op{mir.AND: mir.ANDI, mir.ORR: mir.ORRI, mir.EOR: mir.EORI}

// logicalImm selects op (and, orr, eor) of a and the constant k as one immediate-form
// instruction when k encodes as a bitmask of width vw, reporting whether it did.
func (s *selector) logicalImm(v *ssa.Value, op mir.Op, a *ssa.Value, k uint64, vw mir.Width) bool {
	iop, ok := logicalImmOps[op]
	if !ok {
		return false
	}
	if _, ok := enc.LogicalImm(k, vw == mir.X); !ok {
		return false
	}
	s.emit(&mir.Instr{Op: iop, W: vw, Rd: s.def(v), Rn: s.use(a), Imm: int64(k)})
	return true
}

// zeroTest returns x and the condition (EQ or NE) when comparison v tests x against zero
// (eqz x, x == 0, x != 0, 0 == x, 0 != x).
func zeroTest(v *ssa.Value) (*ssa.Value, mir.Cond, bool) {
	w := wasm.Op(v.Op)
	if w == wasm.OpI32Eqz || w == wasm.OpI64Eqz {
		return v.Args[0], mir.EQ, true
	}
	c, isEq := eqNeConds[w]
	if !isEq {
		return nil, 0, false
	}
	for i := 0; i < 2; i++ {
		if k, isK := isConst(v.Args[i]); isK && k == 0 {
			return v.Args[1-i], c, true
		}
	}
	return nil, 0, false
}

// isAnd reports whether v is an integer and.
func isAnd(v *ssa.Value) bool {
	w := wasm.Op(v.Op)
	return w == wasm.OpI32And || w == wasm.OpI64And
}

// testedAnd returns the `and` that comparison c, fused into the branch ending block b, tests
// against zero, when the test is its only use and it is computed in b: the branch selects it as
// a tst and its own instruction is skipped.
func (s *selector) testedAnd(c *ssa.Value, b *ssa.Block) *ssa.Value {
	x, _, ok := zeroTest(c)
	if !ok || !isAnd(x) || x.Block != b || s.useCount(x) != 1 {
		return nil
	}
	return x
}

// zeroFlags sets the flags for comparison v when it is a zero test, returning the condition
// true when v is: tst of the operands of a tested `and`, else cmp with #0.
func (s *selector) zeroFlags(v *ssa.Value) (mir.Cond, bool) {
	x, c, ok := zeroTest(v)
	if !ok {
		return 0, false
	}
	ow := width(x.Type)
	if x != s.tested {
		s.emit(&mir.Instr{Op: mir.CMPI, W: ow, Rn: s.use(x), Imm: 0})
		return c, true
	}
	a, b := x.Args[0], x.Args[1]
	if _, isK := isConst(a); isK {
		a, b = b, a
	}
	if k, isK := isConst(b); isK {
		if ow == mir.W {
			k &= 0xFFFFFFFF
		}
		if _, ok := enc.LogicalImm(k, ow == mir.X); ok {
			s.emit(&mir.Instr{Op: mir.TSTI, W: ow, Rn: s.use(a), Imm: int64(k)})
			return c, true
		}
	}
	s.emit(&mir.Instr{Op: mir.TST, W: ow, Rn: s.use(a), Rm: s.use(b)})
	return c, true
}

// zeroBranch emits cbz/cbnz for a fused zero test of a value that is not a tested `and`,
// reporting whether it did.
func (s *selector) zeroBranch(v *ssa.Value, target int) bool {
	x, c, ok := zeroTest(v)
	if !ok || x == s.tested {
		return false
	}
	op := mir.CBZ
	if c == mir.NE {
		op = mir.CBNZ
	}
	s.emit(&mir.Instr{Op: op, W: width(x.Type), Rn: s.use(x), Target: target})
	return true
}

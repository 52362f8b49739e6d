package arm64

// Instruction selection of branches on one bit (part of select-instructions): a branch on an
// `and` with a single-bit constant, on that `and` being zero or not, or on the sign of a value
// is tbz/tbnz, the `and` and the comparison never materialised.
//
//	v3 = i32.and v1, 8 ; branch v3, ...                 =>  tbnz w%101, #3, ...
//	v3 = i32.and v1, 8 ; v4 = i32.eqz v3 ; branch v4    =>  tbz w%101, #3, ...
//	v4 = i32.lt_s v1, 0 ; branch v4, ...                =>  tbnz w%101, #31, ...
//	v4 = i64.gt_s v1, -1 ; branch v4, ...               =>  tbz x%101, #63, ...

import (
	"math/bits"

	"cot/ir/mir"
	"cot/ir/ssa"
	"cot/ir/wasm"
)

// singleBit returns the bit an `and` with a one-bit constant keeps, and its other operand.
func singleBit(v *ssa.Value) (*ssa.Value, int, bool) {
	if !isAnd(v) {
		return nil, 0, false
	}
	for i := 0; i < 2; i++ {
		if k, ok := isConst(v.Args[i]); ok {
			if v.Type == ssa.I32 {
				k &= 0xFFFFFFFF
			}
			if bits.OnesCount64(k) == 1 {
				return v.Args[1-i], bits.TrailingZeros64(k), true
			}
		}
	}
	return nil, 0, false
}

// branchedAnd returns the condition of b's branch when it is an `and` with a one-bit constant
// computed in b for that branch alone: the branch tests the bit (bitBranch) and the `and` itself
// is never selected.
func (s *selector) branchedAnd(b *ssa.Block) *ssa.Value {
	c := b.Term.Cond
	if b.Term.Kind != ssa.TermBranch || c.Block != b || s.useCount(c) != 1 {
		return nil
	}
	if _, _, ok := singleBit(c); !ok {
		return nil
	}
	return c
}

// bitTest returns the value, the bit and whether the bit being set (true) or clear (false)
// makes cond true, when cond is a one-bit test: a branched `and`, a zero test of a tested
// `and`, or a sign test (x < 0, x >= 0, x > -1, x <= -1).
func (s *selector) bitTest(cond *ssa.Value) (*ssa.Value, int, bool, bool) {
	if cond == s.tested && s.fused == nil {
		x, bit, _ := singleBit(cond)
		return x, bit, true, true
	}
	if x, c, ok := zeroTest(cond); ok {
		if x != s.tested {
			return nil, 0, false, false
		}
		a, bit, ok := singleBit(x)
		return a, bit, c == mir.NE, ok
	}
	if len(cond.Args) != 2 {
		return nil, 0, false, false
	}
	k, ok := isConst(cond.Args[1])
	if !ok {
		return nil, 0, false, false
	}
	x := cond.Args[0]
	sign := 63
	if x.Type == ssa.I32 {
		sign, k = 31, uint64(int64(int32(k)))
	}
	switch w := wasm.Op(cond.Op); {
	case (w == wasm.OpI32LtS || w == wasm.OpI64LtS) && k == 0, (w == wasm.OpI32LeS || w == wasm.OpI64LeS) && int64(k) == -1:
		return x, sign, true, true
	case (w == wasm.OpI32GeS || w == wasm.OpI64GeS) && k == 0, (w == wasm.OpI32GtS || w == wasm.OpI64GtS) && int64(k) == -1:
		return x, sign, false, true
	}
	return nil, 0, false, false
}

// bitBranch emits tbnz (or tbz) to target when cond is a one-bit test, reporting whether it did.
func (s *selector) bitBranch(cond *ssa.Value, target int) bool {
	x, bit, set, ok := s.bitTest(cond)
	if !ok {
		return false
	}
	op := mir.TBZ
	if set {
		op = mir.TBNZ
	}
	w := mir.W
	if bit >= 32 {
		w = mir.X
	}
	s.emit(&mir.Instr{Op: op, W: w, Rn: s.use(x), Imm: int64(bit), Target: target})
	return true
}

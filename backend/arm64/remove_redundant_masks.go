// Pass remove-redundant-masks: ssa -> ssa.
//
// An optional pass. Removes an `and` with a constant that clears only bits already known to be
// zero in its other operand: the value is the operand. Known-zero bits come from zero-extending
// loads, constants, masks, unsigned shifts by constants, comparisons, bit counts, zero
// extensions, selects and block parameters (the bits zero in every incoming argument; an
// optimistic fixpoint, so a loop-carried byte stays known to be a byte).
//
//	v3:i32 = i32.load8_u v1 ; jump b1(v3)   b1(v4:i32): v6:i32 = i32.and v4, v5 (v5 = const 0xff)
//	  =>  uses of v6 use v4; v6 removed
//
// Design decision: only bits known zero are tracked (no known ones, no ranges): that is what
// makes a mask redundant, and it stays a bit-vector per value.
package arm64

import (
	"cot/ir/pipeline"
	"cot/ir/ssa"
	"cot/ir/wasm"
)

var removeRedundantMasksPass = pipeline.Pass{
	Name: "remove-redundant-masks",
	In:   LangSSA,
	Out:  LangSSA,
	Run:  eachSSAFunc(removeRedundantMasks),
}

// high32 are the bits an i32 never has (its register is kept zero-extended; here: by definition).
const high32 = ^uint64(0xFFFFFFFF)

// removeRedundantMasks reports whether it removed any mask (else f is as it was).
func removeRedundantMasks(f *ssa.Func) bool {
	if !hasConstMask(f) {
		return false
	}
	changed := false
	zero := knownZeroBits(f)
	repl := make([]*ssa.Value, f.NextID)
	get := func(v *ssa.Value) *ssa.Value {
		for v.ID < len(repl) && repl[v.ID] != nil {
			v = repl[v.ID]
		}
		return v
	}
	for _, b := range f.Blocks {
		keep := b.Instrs[:0]
		for _, v := range b.Instrs {
			if x, k, ok := constMask(v); ok && (^k&^zero[x.ID])&^typeZero(v.Type) == 0 {
				repl[v.ID] = x
				changed = true
				continue
			}
			keep = append(keep, v)
		}
		b.Instrs = keep
	}
	if changed {
		replaceUses(f, get) // eliminate_common_subexpressions.go
	}
	return changed
}

// constMask returns the operand and the constant of an integer `and` with a constant.
func constMask(v *ssa.Value) (*ssa.Value, uint64, bool) {
	if w := wasm.Op(v.Op); w != wasm.OpI32And && w != wasm.OpI64And {
		return nil, 0, false
	}
	for i := 0; i < 2; i++ {
		if k, ok := isConst(v.Args[i]); ok {
			return v.Args[1-i], k | typeZero(v.Type), true
		}
	}
	return nil, 0, false
}

func hasConstMask(f *ssa.Func) bool {
	for _, b := range f.Blocks {
		for _, v := range b.Instrs {
			if _, _, ok := constMask(v); ok {
				return true
			}
		}
	}
	return false
}

// typeZero is the bits a value of type t never has.
func typeZero(t ssa.Type) uint64 {
	if t == ssa.I32 {
		return high32
	}
	return 0
}

// knownZeroBits returns, by value id, the bits known to be zero in each integer value.
func knownZeroBits(f *ssa.Func) []uint64 {
	zero := make([]uint64, f.NextID)
	for _, b := range f.Blocks[1:] {
		for _, p := range b.Params {
			zero[p.ID] = ^uint64(0) // optimistic: lowered by the incoming arguments
		}
	}
	for _, p := range f.Blocks[0].Params {
		zero[p.ID] = typeZero(p.Type)
	}
	// The parameters reached by edges and the incoming arguments of each (slot: by value id,
	// the parameter's position in param plus one).
	var param []*ssa.Value
	var args [][]*ssa.Value
	slot := make([]int32, f.NextID)
	for _, b := range f.Blocks {
		for _, e := range b.Term.Succs {
			for i, a := range e.Args {
				p := e.To.Params[i]
				if slot[p.ID] == 0 {
					param = append(param, p)
					args = append(args, nil)
					slot[p.ID] = int32(len(param))
				}
				args[slot[p.ID]-1] = append(args[slot[p.ID]-1], a)
			}
		}
	}
	for sweep, changed := 0, true; changed; sweep++ {
		changed = false
		for _, b := range f.Blocks {
			for _, v := range b.Instrs {
				if z := zeroBitsOf(v, zero); z != zero[v.ID] {
					zero[v.ID], changed = z, true
				}
			}
		}
		for k, p := range param {
			z := ^uint64(0)
			for _, a := range args[k] {
				z &= zero[a.ID]
			}
			if sweep >= descendAfter {
				z &= zero[p.ID]
			}
			if z |= typeZero(p.Type); z != zero[p.ID] {
				zero[p.ID], changed = z, true
			}
		}
	}
	return zero
}

// descendAfter is the sweep from which a block parameter's known-zero bits may only shrink. The
// parameters start optimistic (all bits) and the instructions pessimistic (none), so the sweeps
// are not a descent: parameters that pass a value around a cycle of copies (p1 <- p3, p2 <- p1,
// p3 <- p2, one of them lowered by an instruction not yet swept) can rotate their bits forever
// (fuzz module seed42032382 hung the compiler). From this sweep on a parameter keeps only the
// bits it has and all its arguments have, so every parameter can shrink at most 64 times and
// the sweeps end. Any result where each parameter's bits are a subset of each argument's and
// each instruction's are its operands' transfer is sound, so the answer stays correct; functions
// that settle before this sweep (every one seen so far settles in a few) get the same answer as
// before.
const descendAfter = 64

// zeroBitsOf computes the known-zero bits of v from those of its operands.
func zeroBitsOf(v *ssa.Value, zero []uint64) uint64 {
	tz := typeZero(v.Type)
	arg := func(i int) uint64 { return zero[v.Args[i].ID] }
	if v.Op == ssa.OpConst {
		return ^uint64(v.Aux) | tz
	}
	if v.Op == ssa.OpSelect {
		return arg(0)&arg(1) | tz
	}
	if w := wasm.Op(v.Op); w >= wasm.OpI32Eqz && w <= wasm.OpF64Ge { // the comparisons' opcodes
		return ^uint64(1)
	}
	width := uint64(64)
	if v.Type == ssa.I32 {
		width = 32
	}
	switch w := wasm.Op(v.Op); w {
	case wasm.OpI32Load8U, wasm.OpI64Load8U:
		return ^uint64(0xFF)
	case wasm.OpI32Load16U, wasm.OpI64Load16U:
		return ^uint64(0xFFFF)
	case wasm.OpI64Load32U:
		return high32
	case wasm.OpI64ExtendI32U, wasm.OpI32WrapI64:
		return arg(0) | high32
	case wasm.OpI32And, wasm.OpI64And:
		return arg(0) | arg(1) | tz
	case wasm.OpI32Or, wasm.OpI64Or, wasm.OpI32Xor, wasm.OpI64Xor:
		return arg(0)&arg(1) | tz
	case wasm.OpI32Clz, wasm.OpI32Ctz, wasm.OpI32Popcnt, wasm.OpI64Clz, wasm.OpI64Ctz, wasm.OpI64Popcnt:
		return ^uint64(0x7F) // at most 64
	case wasm.OpI32ShrU, wasm.OpI64ShrU, wasm.OpI32Shl, wasm.OpI64Shl:
		k, ok := isConst(v.Args[1])
		if !ok {
			return tz
		}
		k %= width
		ones := ^uint64(0) >> (64 - width) // the type's bits
		if w == wasm.OpI32ShrU || w == wasm.OpI64ShrU {
			return (arg(0)&ones)>>k | ones&^(ones>>k) | tz
		}
		return (arg(0)<<k | (uint64(1)<<k - 1)) | tz
	}
	return tz
}

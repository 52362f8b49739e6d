// Pass optimize-constants: ssa -> ssa.
//
// Folds integer operations whose operands are all constants into constants (with Wasm's
// semantics: shift counts modulo the width, 32-bit wrap-around), a select with a constant
// condition into the chosen operand, and a branch on a constant into a jump, dropping the blocks
// that become unreachable. Operations that may trap (division, remainder) and float operations
// are left alone.
//
//	v3:i32 = i32.add v1, v2   (v1 = const 2, v2 = const 3)  =>  v3:i32 = const aux=0x5
//	branch v3, b1(), b2()     (v3 = const 5)                =>  jump b1()
package arm64

import (
	"math/bits"

	"cot/ir/pipeline"
	"cot/ir/ssa"
	"cot/ir/wasm"
)

var optimizeConstantsPass = pipeline.Pass{
	Name: "optimize-constants",
	In:   LangSSA,
	Out:  LangSSA,
	Run:  eachSSAFunc(optimizeConstants),
}

// optimizeConstants reports whether it changed f.
func optimizeConstants(f *ssa.Func) bool {
	repl := map[*ssa.Value]*ssa.Value{}
	folded := false
	resolve := func(v *ssa.Value) *ssa.Value {
		for {
			r, ok := repl[v]
			if !ok {
				return v
			}
			v = r
		}
	}
	for _, b := range f.Blocks {
		for _, v := range b.Instrs {
			for i, a := range v.Args {
				v.Args[i] = resolve(a)
			}
			if v.Op == ssa.OpSelect {
				if c, ok := isConst(v.Args[2]); ok {
					if uint32(c) != 0 {
						repl[v] = v.Args[0]
					} else {
						repl[v] = v.Args[1]
					}
				}
				continue
			}
			if r, ok := foldInt(v); ok {
				v.Op, v.Args, v.Aux, v.Aux2 = ssa.OpConst, nil, r, 0
				folded = true
			}
		}
	}
	substitute(f, resolve)
	changed := false
	for _, b := range f.Blocks {
		t := &b.Term
		if t.Kind != ssa.TermBranch {
			continue
		}
		if c, ok := isConst(t.Cond); ok {
			taken := t.Succs[1]
			if uint32(c) != 0 {
				taken = t.Succs[0]
			}
			*t = ssa.Term{Kind: ssa.TermJump, Succs: []ssa.Edge{taken}}
			changed = true
		}
	}
	if changed {
		removeUnreachableBlocks(f)
	}
	return changed || folded || len(repl) > 0
}

// foldInt evaluates an integer operation on constant operands; the result is in the SSA
// constant encoding (i32 sign-extended to 64 bits).
func foldInt(v *ssa.Value) (int64, bool) {
	if len(v.Args) == 0 || (v.Type != ssa.I32 && v.Type != ssa.I64) {
		return 0, false
	}
	var xs []uint64
	for _, a := range v.Args {
		if a.Type != ssa.I32 && a.Type != ssa.I64 {
			return 0, false
		}
		k, ok := isConst(a)
		if !ok {
			return 0, false
		}
		xs = append(xs, k)
	}
	op := wasm.Op(v.Op)
	name := op.String()
	is64 := len(name) > 3 && name[:3] == "i64"
	if r, ok := fold32(op, xs); ok && !is64 {
		return int64(int32(r)), true
	}
	if r, ok := fold64(op, xs); ok && is64 {
		if v.Type == ssa.I32 {
			return int64(int32(r)), true
		}
		return int64(r), true
	}
	return 0, false
}

func b2u(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

func fold32(op wasm.Op, xs []uint64) (uint32, bool) {
	a := uint32(xs[0])
	if len(xs) == 1 {
		switch op {
		case wasm.OpI32Eqz:
			return uint32(b2u(a == 0)), true
		case wasm.OpI32Clz:
			return uint32(bits.LeadingZeros32(a)), true
		case wasm.OpI32Ctz:
			return uint32(bits.TrailingZeros32(a)), true
		case wasm.OpI32Popcnt:
			return uint32(bits.OnesCount32(a)), true
		case wasm.OpI32Extend8S:
			return uint32(int32(int8(a))), true
		case wasm.OpI32Extend16S:
			return uint32(int32(int16(a))), true
		case wasm.OpI32WrapI64:
			return a, true
		}
		return 0, false
	}
	b := uint32(xs[1])
	switch op {
	case wasm.OpI32Add:
		return a + b, true
	case wasm.OpI32Sub:
		return a - b, true
	case wasm.OpI32Mul:
		return a * b, true
	case wasm.OpI32And:
		return a & b, true
	case wasm.OpI32Or:
		return a | b, true
	case wasm.OpI32Xor:
		return a ^ b, true
	case wasm.OpI32Shl:
		return a << (b & 31), true
	case wasm.OpI32ShrS:
		return uint32(int32(a) >> (b & 31)), true
	case wasm.OpI32ShrU:
		return a >> (b & 31), true
	case wasm.OpI32Rotl:
		return bits.RotateLeft32(a, int(b&31)), true
	case wasm.OpI32Rotr:
		return bits.RotateLeft32(a, -int(b&31)), true
	case wasm.OpI32Eq:
		return uint32(b2u(a == b)), true
	case wasm.OpI32Ne:
		return uint32(b2u(a != b)), true
	case wasm.OpI32LtS:
		return uint32(b2u(int32(a) < int32(b))), true
	case wasm.OpI32LtU:
		return uint32(b2u(a < b)), true
	case wasm.OpI32GtS:
		return uint32(b2u(int32(a) > int32(b))), true
	case wasm.OpI32GtU:
		return uint32(b2u(a > b)), true
	case wasm.OpI32LeS:
		return uint32(b2u(int32(a) <= int32(b))), true
	case wasm.OpI32LeU:
		return uint32(b2u(a <= b)), true
	case wasm.OpI32GeS:
		return uint32(b2u(int32(a) >= int32(b))), true
	case wasm.OpI32GeU:
		return uint32(b2u(a >= b)), true
	}
	return 0, false
}

func fold64(op wasm.Op, xs []uint64) (uint64, bool) {
	a := xs[0]
	if len(xs) == 1 {
		switch op {
		case wasm.OpI64Eqz:
			return b2u(a == 0), true
		case wasm.OpI64Clz:
			return uint64(bits.LeadingZeros64(a)), true
		case wasm.OpI64Ctz:
			return uint64(bits.TrailingZeros64(a)), true
		case wasm.OpI64Popcnt:
			return uint64(bits.OnesCount64(a)), true
		case wasm.OpI64Extend8S:
			return uint64(int64(int8(a))), true
		case wasm.OpI64Extend16S:
			return uint64(int64(int16(a))), true
		case wasm.OpI64Extend32S, wasm.OpI64ExtendI32S:
			return uint64(int64(int32(a))), true
		case wasm.OpI64ExtendI32U:
			return uint64(uint32(a)), true
		case wasm.OpI32WrapI64:
			return uint64(uint32(a)), true
		}
		return 0, false
	}
	b := xs[1]
	switch op {
	case wasm.OpI64Add:
		return a + b, true
	case wasm.OpI64Sub:
		return a - b, true
	case wasm.OpI64Mul:
		return a * b, true
	case wasm.OpI64And:
		return a & b, true
	case wasm.OpI64Or:
		return a | b, true
	case wasm.OpI64Xor:
		return a ^ b, true
	case wasm.OpI64Shl:
		return a << (b & 63), true
	case wasm.OpI64ShrS:
		return uint64(int64(a) >> (b & 63)), true
	case wasm.OpI64ShrU:
		return a >> (b & 63), true
	case wasm.OpI64Rotl:
		return bits.RotateLeft64(a, int(b&63)), true
	case wasm.OpI64Rotr:
		return bits.RotateLeft64(a, -int(b&63)), true
	case wasm.OpI64Eq:
		return b2u(a == b), true
	case wasm.OpI64Ne:
		return b2u(a != b), true
	case wasm.OpI64LtS:
		return b2u(int64(a) < int64(b)), true
	case wasm.OpI64LtU:
		return b2u(a < b), true
	case wasm.OpI64GtS:
		return b2u(int64(a) > int64(b)), true
	case wasm.OpI64GtU:
		return b2u(a > b), true
	case wasm.OpI64LeS:
		return b2u(int64(a) <= int64(b)), true
	case wasm.OpI64LeU:
		return b2u(a <= b), true
	case wasm.OpI64GeS:
		return b2u(int64(a) >= int64(b)), true
	case wasm.OpI64GeU:
		return b2u(a >= b), true
	}
	return 0, false
}

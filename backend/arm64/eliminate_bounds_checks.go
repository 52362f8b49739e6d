// Pass eliminate-bounds-checks: ssa-opt -> ssa-opt.
//
// An optional pass (--disable-pass=eliminate-bounds-checks keeps every check).
//
// Only accesses with an offset too large for the guard region are checked explicitly (isel_mem.go,
// guarded): the pass marks those whose bounds check is implied by a dominating access's: one with
// the same address operand and an end (offset + size) at least as far, or, for constant
// addresses, an absolute end at least as far. Linear memory never shrinks, so once a range was
// in bounds it stays in bounds, whatever runs in between (calls, memory.grow): the marked
// access cannot trap, and instruction selection emits it without the check. Trap behaviour is
// unchanged — the dominating access traps first or the marked one could not have trapped.
//
//	v5:i32 = i32.load v3 aux=0x4000008 ; ... ; v9:i32 = i32.load v3 aux=0x4000004
//	  =>  v5:i32 = i32.load v3 aux=0x4000008 ; ... ; v9:i32 = i32.load v3 aux=0x4000004 aux2=0x1
package arm64

import (
	"cot/ir/pipeline"
	"cot/ir/ssa"
	"cot/ir/wasm"
)

var eliminateBoundsChecksPass = pipeline.Pass{
	Name: "eliminate-bounds-checks",
	In:   LangSSAOpt,
	Out:  LangSSAOpt,
	Run:  eachSSAFunc(eliminateBoundsChecks),
}

// checkedKey identifies what a check covers: an address value, or (base == nil) constant addresses.
type checkedKey struct{ base *ssa.Value }

// eliminateBoundsChecks reports whether it marked any access (else f is as it was).
func eliminateBoundsChecks(f *ssa.Func) (changed bool) {
	if !hasCheckedAccess(f) {
		return false // the usual case: every access is covered by the guard region
	}
	dom := ssa.Dominators(f)
	if len(dom.RPO) == 0 {
		return false
	}
	checked := map[checkedKey]uint64{} // the largest end proven in bounds on the current dominator path
	type undo struct {
		key  checkedKey
		prev uint64
		had  bool
	}
	var walk func(b *ssa.Block)
	walk = func(b *ssa.Block) {
		var undos []undo
		for _, v := range b.Instrs {
			acc, ok := memAccesses.get(wasm.Op(v.Op))
			if !ok {
				continue
			}
			key, end := checkedKey{v.Args[0]}, uint64(v.Aux)+uint64(acc.size)
			if v.Args[0].Op == ssa.OpConst {
				key, end = checkedKey{}, end+uint64(uint32(v.Args[0].Aux))
			}
			prev, had := checked[key]
			if had && prev >= end {
				if !guarded(uint64(v.Aux), acc.size) {
					v.Aux2 = ssa.AccessInBounds
					changed = true
				}
				continue
			}
			undos = append(undos, undo{key, prev, had})
			checked[key] = end
		}
		for _, c := range dom.Children[b] {
			walk(c)
		}
		for i := len(undos) - 1; i >= 0; i-- {
			u := undos[i]
			if u.had {
				checked[u.key] = u.prev
			} else {
				delete(checked, u.key)
			}
		}
	}
	walk(dom.RPO[0])
	return changed
}

// hasCheckedAccess reports whether f has an access with an offset too large for the guard
// region, the only kind instruction selection checks explicitly.
func hasCheckedAccess(f *ssa.Func) bool {
	for _, b := range f.Blocks {
		for _, v := range b.Instrs {
			if acc, ok := memAccesses.get(wasm.Op(v.Op)); ok && !guarded(uint64(v.Aux), acc.size) {
				return true
			}
		}
	}
	return false
}

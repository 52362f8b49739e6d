// Pass eliminate-common-subexpressions: ssa-opt -> ssa-opt.
//
// An optional pass (--disable-pass=eliminate-common-subexpressions). A pure value computed again
// where an identical one (same operation, type, immediates and operands, operands of commutative
// operations in either order) dominates it is replaced by that one. Loads, global.get and call
// results are not pure in this sense (memory, globals and calls change between them), nor is
// anything that may trap.
//
//	b1: v5:i32 = i32.shl v2, v4 ; v6:i32 = i32.add v0, v5 ; ... b2: v9:i32 = i32.add v5, v0
//	  =>  b1: v5:i32 = i32.shl v2, v4 ; v6:i32 = i32.add v0, v5 ; ... b2: (v9 replaced by v6)
//
// Design decision: the walk follows the dominator tree with a scoped table, so a value is only
// replaced by one that dominates it. A longer-lived value may raise register pressure; the
// usual case (an address computed before a call and again after it) lowers it: the operands of
// the duplicate need not stay live.
package arm64

import (
	"sync"

	"cot/ir/pipeline"
	"cot/ir/ssa"
	"cot/ir/wasm"
)

var eliminateCommonSubexpressionsPass = pipeline.Pass{
	Name: "eliminate-common-subexpressions",
	In:   LangSSAOpt,
	Out:  LangSSAOpt,
	Run:  eachSSAFunc(eliminateCommonSubexpressions),
}

// exprKey identifies a pure computation; a and b are the operands' ids (-1 when absent), c the
// third operand's (select).
type exprKey struct {
	op        ssa.Op
	t         ssa.Type
	aux, aux2 int64
	a, b, c   int
}

// eliminateCommonSubexpressions reports whether it replaced any value (else f is as it was).
func eliminateCommonSubexpressions(f *ssa.Func) bool {
	if len(f.Blocks) == 0 {
		return false
	}
	changed := false
	order, kids := ssa.DominatorTreeByIndex(f)
	sc := cseScratches.Get().(*cseScratch)
	defer cseScratches.Put(sc)
	sc.repl = reuseSlice(sc.repl, f.NextID)
	repl := sc.repl // by value id: the dominating value replacing it
	get := func(v *ssa.Value) *ssa.Value {
		if v.ID < len(repl) && repl[v.ID] != nil {
			return repl[v.ID]
		}
		return v
	}
	table := sc.table   // every key entered is deleted when its subtree is left
	if len(table) > 0 { // a walk that panicked
		clear(table)
	}
	added := sc.added[:0] // keys entered by the blocks on the current dominator-tree path
	stack := append(sc.stack[:0], cseFrame{b: order[0], mark: -1})
	defer func() { sc.added, sc.stack = added[:0], stack[:0] }()
	for len(stack) > 0 {
		top := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if top.mark >= 0 { // leaving a subtree: drop what its root entered
			for _, k := range added[top.mark:] {
				delete(table, k)
			}
			added = added[:top.mark]
			continue
		}
		b := f.Blocks[top.b]
		stack = append(stack, cseFrame{b: top.b, mark: len(added)})
		keep := b.Instrs[:0]
		for _, v := range b.Instrs {
			for i, a := range v.Args {
				v.Args[i] = get(a)
			}
			k, ok := keyOf(v)
			if !ok {
				keep = append(keep, v)
				continue
			}
			if prev, ok := table[k]; ok {
				repl[v.ID] = prev
				changed = true
				continue
			}
			table[k] = v
			added = append(added, k)
			keep = append(keep, v)
		}
		b.Instrs = keep
		for _, c := range kids[top.b] {
			stack = append(stack, cseFrame{b: c, mark: -1})
		}
	}
	// Terminators (and any use in a block outside the dominator tree) are rewritten last: every
	// replacement is known by then.
	if changed {
		replaceUses(f, get)
	}
	return changed
}

// cseFrame is a step of the dominator-tree walk: enter block b (mark -1), or leave it, dropping
// the keys entered from added[mark:].
type cseFrame struct{ b, mark int }

// cseScratch is the walk's memory, kept for the next function (a sync.Pool: one per worker).
type cseScratch struct {
	repl  []*ssa.Value
	table map[exprKey]*ssa.Value
	added []exprKey
	stack []cseFrame
}

var cseScratches = sync.Pool{New: func() any { return &cseScratch{table: make(map[exprKey]*ssa.Value, 64)} }}

// reuseSlice returns s resized to n zero elements, keeping its memory when it is large enough.
func reuseSlice[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// replaceUses makes every operand v of f's instructions and terminators get(v).
func replaceUses(f *ssa.Func, get func(*ssa.Value) *ssa.Value) {
	for _, b := range f.Blocks {
		for _, v := range b.Instrs {
			for i, a := range v.Args {
				v.Args[i] = get(a)
			}
		}
		t := &b.Term
		if t.Cond != nil {
			t.Cond = get(t.Cond)
		}
		for _, e := range t.Succs {
			for i, a := range e.Args {
				e.Args[i] = get(a)
			}
		}
		for i, v := range t.Values {
			t.Values[i] = get(v)
		}
	}
}

// keyOf returns the key of a value that may be shared, and false for one that may not.
func keyOf(v *ssa.Value) (exprKey, bool) {
	switch v.Op {
	case ssa.OpParam, ssa.OpResult, ssa.OpGlobalGet, ssa.OpCall, ssa.OpCallIndirect, ssa.OpGlobalSet:
		return exprKey{}, false
	}
	if !ssa.IsPure(v.Op) || v.Type == ssa.TNone || len(v.Args) > 3 {
		return exprKey{}, false
	}
	k := exprKey{op: v.Op, t: v.Type, aux: v.Aux, aux2: v.Aux2, a: -1, b: -1, c: -1}
	switch len(v.Args) {
	case 3:
		k.c = v.Args[2].ID
		fallthrough
	case 2:
		k.b = v.Args[1].ID
		fallthrough
	case 1:
		k.a = v.Args[0].ID
	}
	if len(v.Args) == 2 && commutativeOps.at(wasm.Op(v.Op)) && k.a > k.b {
		k.a, k.b = k.b, k.a
	}
	return k, true
}

// commutativeOps are the Wasm operations whose two operands may be swapped.
var commutativeOps = newOpTable(map[wasm.Op]bool{
	wasm.OpI32Add: true, wasm.OpI32Mul: true, wasm.OpI32And: true, wasm.OpI32Or: true, wasm.OpI32Xor: true,
	wasm.OpI32Eq: true, wasm.OpI32Ne: true,
	wasm.OpI64Add: true, wasm.OpI64Mul: true, wasm.OpI64And: true, wasm.OpI64Or: true, wasm.OpI64Xor: true,
	wasm.OpI64Eq: true, wasm.OpI64Ne: true,
})

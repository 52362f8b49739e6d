// Pass optimize-block-layout: mir-final -> mir-final.
//
// Threads jumps and orders blocks so that jumps fall through. A branch to a block that only jumps
// elsewhere goes straight to the end of the chain; blocks no branch reaches any more are dropped;
// then blocks are laid out in chains: after a block ending in `b T` comes T, unless T is already
// placed, in which case a block ending in `b.cond C ; b T` with C not placed yet branches to T on
// the inverted condition and C comes next. A chain ends at a block whose successors are all
// placed; the next chain starts at the first unplaced block in the old order (so the entry stays
// first and the trap blocks, made last, stay last). resolve-branches then deletes every jump to
// the next block.
//
//	b.ne .L4 ; b .L2   .L4: b .L7          =>  b.ne .L7 ; b .L2
//	.L1: b.hs .L3 ; b .L5   (.L5 placed, .L3 not)  =>  .L1: b.lo .L5 ; b .L3   .L3: ...
//
// Inverting a condition code is exact (cc ^ 1 is the complement on the flags, unordered float
// comparisons included), so it never changes which way a branch goes. Functions with a block that
// falls through (none come out of select-instructions) are left as they are.
package arm64

import (
	"cot/ir/mir"
	"cot/ir/pipeline"
)

var optimizeBlockLayoutPass = pipeline.Pass{
	Name: "optimize-block-layout",
	In:   LangMIRFinal,
	Out:  LangMIRFinal,
	// The clobber check (a liveness analysis of every function with calls) runs after
	// resolve-branches, the last MIR pass, not after this one (Pass.Defers).
	Defers: []string{"no-clobber-across-call"},
	Run:    eachMIRFunc(optimizeBlockLayout),
}

// optimizeBlockLayout reports whether it changed f.
func optimizeBlockLayout(f *mir.Func) (changed bool) {
	if len(f.Blocks) < 2 {
		return false
	}
	byID := make(map[int]*mir.Block, len(f.Blocks))
	for _, b := range f.Blocks {
		n := len(b.Instrs)
		if n == 0 || !b.Instrs[n-1].Op.IsTerminator() {
			return false
		}
		byID[b.ID] = b
	}
	entry := f.Blocks[0]
	// final follows blocks that only jump, at most one step per block (a cycle of jumps stops).
	final := func(id int) int {
		for k := 0; k < len(f.Blocks); k++ {
			b := byID[id]
			if b == entry || len(b.Instrs) != 1 || b.Instrs[0].Op != mir.B || b.Instrs[0].Target == id {
				break
			}
			id = b.Instrs[0].Target
		}
		return id
	}
	for _, b := range f.Blocks {
		for _, in := range b.Instrs {
			if in.Op.IsBranch() {
				t := final(in.Target)
				changed = changed || t != in.Target
				in.Target = t
			}
			for k, t := range in.Table {
				in.Table[k] = final(t)
				changed = changed || in.Table[k] != t
			}
		}
	}
	reached := map[*mir.Block]bool{entry: true}
	work := []*mir.Block{entry}
	for len(work) > 0 {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		for _, in := range b.Instrs {
			for _, id := range in.Targets() {
				if t := byID[id]; !reached[t] {
					reached[t] = true
					work = append(work, t)
				}
			}
		}
	}
	placed := make(map[*mir.Block]bool, len(f.Blocks))
	order := make([]*mir.Block, 0, len(f.Blocks))
	for _, start := range f.Blocks {
		for b := start; b != nil && reached[b] && !placed[b]; {
			placed[b] = true
			order = append(order, b)
			b = nextInChain(b, byID, placed, &changed)
		}
	}
	changed = changed || len(order) != len(f.Blocks)
	for i := 0; !changed && i < len(order); i++ {
		changed = order[i] != f.Blocks[i]
	}
	f.Blocks = order
	return changed
}

// nextInChain returns the block to place after b (nil when its successors are all placed),
// inverting b's conditional branch when its target, not its jump's, is the one left to place
// (and then setting *inverted).
func nextInChain(b *mir.Block, byID map[int]*mir.Block, placed map[*mir.Block]bool, inverted *bool) *mir.Block {
	n := len(b.Instrs)
	last := b.Instrs[n-1]
	if last.Op != mir.B {
		return nil
	}
	if t := byID[last.Target]; !placed[t] {
		return t
	}
	if n < 2 {
		return nil
	}
	cond := b.Instrs[n-2]
	c := byID[cond.Target]
	if !isCondBranch(cond.Op) || placed[c] {
		return nil
	}
	invertBranch(cond)
	cond.Target, last.Target = last.Target, cond.Target
	*inverted = true
	return c
}

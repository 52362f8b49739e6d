// Pass duplicate-small-tails: mir-final -> mir-final.
//
// An optional pass. A jump to a block of at most maxTailInstrs instructions that ends in a jump
// or a return, and that is not the next block, is replaced by a copy of that block: one branch
// fewer on the path (the block stays for its other predecessors, or is dropped when none is left).
// The copies' branches are those of the original, so no fall-through is created or broken.
//
//	b .L9 ...   .L9: add w24, w24, #1 ; mov x23, x22 ; b .L4
//	  =>  add w24, w24, #1 ; mov x23, x22 ; b .L4
//	.L7: ... ; b .L3   .L3: cbz w10, .L8 ; b .L5   (.L8 follows .L7: a copied loop test)
//	  =>  .L7: ... ; cbnz w10, .L5 ; b .L8   (resolve-branches drops the b)
//
// Design decision: only blocks ending in an unconditional transfer are copied, and at most
// maxTailInstrs instructions, so code grows by a few words per copy; jump tables and traps (they
// end their blocks too) are never copied. A block with a call is not copied after a conditional
// branch: the MIR verifier's clobber check takes a block's registers live at its end to be those
// of all its successors, so a caller-saved register live only into the branch's target would
// seem live across the call.
//
//	b.ne .L5 ; b .L14    .L14: fmov s0, s8 ; bl f ; b .L4   (d16 live into .L5): not copied
package arm64

import (
	"cot/ir/mir"
	"cot/ir/pipeline"
)

var duplicateSmallTailsPass = pipeline.Pass{
	Name: "duplicate-small-tails",
	In:   LangMIRFinal,
	Out:  LangMIRFinal,
	// The clobber check runs after resolve-branches, the last MIR pass (Pass.Defers), as for
	// layout-frame and optimize-block-layout.
	Defers: []string{"no-clobber-across-call"},
	Run:    eachMIRFunc(duplicateSmallTails),
}

// maxTailInstrs is the largest block copied in place of a jump to it.
const maxTailInstrs = 4

// duplicateSmallTails reports whether it copied any block (else f is as it was).
func duplicateSmallTails(f *mir.Func) bool {
	byID := make(map[int]*mir.Block, len(f.Blocks))
	for _, b := range f.Blocks {
		byID[b.ID] = b
	}
	copied := false
	for i, b := range f.Blocks {
		n := len(b.Instrs)
		if n == 0 || b.Instrs[n-1].Op != mir.B {
			continue
		}
		t := byID[b.Instrs[n-1].Target]
		if t == b || i+1 < len(f.Blocks) && f.Blocks[i+1] == t || !copyable(t) || branchesBefore(b) && hasCall(t) {
			continue
		}
		instrs := b.Instrs[: n-1 : n-1]
		for _, in := range t.Instrs {
			c := *in
			instrs = append(instrs, &c)
		}
		b.Instrs = instrs
		copied = true
		if i+1 < len(f.Blocks) {
			fallThrough(b, f.Blocks[i+1].ID)
		}
	}
	if copied {
		dropUnreached(f)
	}
	return copied
}

// fallThrough turns `b.cond next ; b T` at the end of b into `b.!cond T ; b next` (a copied loop
// test, whose exit is now the next block), so that resolve-branches drops the jump.
func fallThrough(b *mir.Block, next int) {
	n := len(b.Instrs)
	if n < 2 {
		return
	}
	cond, last := b.Instrs[n-2], b.Instrs[n-1]
	if last.Op == mir.B && isCondBranch(cond.Op) && cond.Target == next {
		invertBranch(cond)
		cond.Target, last.Target = last.Target, next
	}
}

// invertBranch makes conditional branch in branch when it would not.
func invertBranch(in *mir.Instr) {
	switch in.Op {
	case mir.BCOND:
		in.Cond = in.Cond.Invert()
	case mir.CBZ:
		in.Op = mir.CBNZ
	case mir.CBNZ:
		in.Op = mir.CBZ
	case mir.TBZ:
		in.Op = mir.TBNZ
	case mir.TBNZ:
		in.Op = mir.TBZ
	}
}

// branchesBefore reports whether b branches conditionally before its final jump.
func branchesBefore(b *mir.Block) bool {
	for _, in := range b.Instrs[:len(b.Instrs)-1] {
		if in.Op.IsBranch() {
			return true
		}
	}
	return false
}

// hasCall reports whether t calls a function.
func hasCall(t *mir.Block) bool {
	for _, in := range t.Instrs {
		if in.Op.IsCall() {
			return true
		}
	}
	return false
}

// copyable reports whether t is a small block ending in a jump or return (a block that falls
// through cannot move).
func copyable(t *mir.Block) bool {
	n := len(t.Instrs)
	if n == 0 || n > maxTailInstrs {
		return false
	}
	last := t.Instrs[n-1].Op
	return last == mir.B || last == mir.RET
}

// dropUnreached removes the blocks no branch or fall-through reaches from the entry.
func dropUnreached(f *mir.Func) {
	g := mir.BuildCFG(f)
	reached := make([]bool, len(f.Blocks))
	for _, i := range g.Postorder() {
		reached[i] = true
	}
	kept := f.Blocks[:0]
	for i, b := range f.Blocks {
		if reached[i] {
			kept = append(kept, b)
		}
	}
	f.Blocks = kept
}

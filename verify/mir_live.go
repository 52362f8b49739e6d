package verify

import "cot/ir/mir"

// tracked reports whether liveness follows register r: allocatable physical registers only
// (x0..x24, v0..v31); the reserved registers x25..x30, sp and zr hold fixed roles.
func tracked(r mir.Reg) bool {
	return r >= 0 && r <= 24 || r.IsFloat()
}

// regBits is a set of physical registers (all below 128), one bit each: the liveness below runs
// to a fixpoint over every instruction of a function, so sets must be cheap to copy and merge.
type regBits [2]uint64

func (s *regBits) add(r mir.Reg)     { s[r>>6] |= 1 << (r & 63) }
func (s *regBits) remove(r mir.Reg)  { s[r>>6] &^= 1 << (r & 63) }
func (s regBits) has(r mir.Reg) bool { return s[r>>6]&(1<<(r&63)) != 0 }
func (s *regBits) union(t regBits)   { s[0] |= t[0]; s[1] |= t[1] }
func (s *regBits) minus(t regBits)   { s[0] &^= t[0]; s[1] &^= t[1] }
func physical(r mir.Reg) bool        { return r >= 0 && r < 128 }
func bitsOf(regs []mir.Reg) (s regBits) {
	for _, r := range regs {
		if physical(r) {
			s.add(r)
		}
	}
	return s
}

// instrEffect is what one instruction does to liveness: the registers it defines (a call all
// the caller-saved ones too), those it uses, and the block a conditional branch may go to.
type instrEffect struct {
	defs, uses regBits
	target     int // index of a conditional branch's target block, or -1
}

// clobbers checks "no-clobber-across-call" with a backward liveness analysis.
func (v *mirVerifier) clobbers() {
	f := v.f
	index := map[int]int{}
	for i, b := range f.Blocks {
		index[b.ID] = i
	}
	callerSaved := bitsOf(mir.CallerSaved())
	succs := make([][]int, len(f.Blocks))
	effects := make([][]instrEffect, len(f.Blocks))
	for i, b := range f.Blocks {
		for _, in := range b.Instrs {
			if in.Op.IsBranch() {
				succs[i] = append(succs[i], index[in.Target])
			}
			for _, t := range in.Table { // a jump table (BRTABLE) ends its block
				succs[i] = append(succs[i], index[t])
			}
		}
		if n := len(b.Instrs); !(n > 0 && b.Instrs[n-1].Op.IsTerminator()) && i+1 < len(f.Blocks) {
			succs[i] = append(succs[i], i+1)
		}
		effects[i] = make([]instrEffect, len(b.Instrs))
		for k, in := range b.Instrs {
			defs, uses := in.DefsUses()
			e := &effects[i][k]
			e.defs, e.target = bitsOf(defs), -1
			if in.Op.IsCall() {
				e.defs.union(callerSaved)
			}
			for _, u := range uses {
				if tracked(u) {
					e.uses.add(u)
				}
			}
			if in.Op.IsBranch() && in.Op != mir.B {
				e.target = index[in.Target]
			}
		}
	}
	liveIn := make([]regBits, len(f.Blocks))
	// transfer walks block i backwards from its live-out set, calling at for each instruction
	// with the set live after it.
	transfer := func(i int, at func(k int, after regBits)) regBits {
		var live regBits
		for _, s := range succs[i] {
			live.union(liveIn[s])
		}
		for k := len(effects[i]) - 1; k >= 0; k-- {
			e := &effects[i][k]
			if e.target >= 0 {
				live.union(liveIn[e.target])
			}
			if at != nil {
				at(k, live)
			}
			live.minus(e.defs)
			live.union(e.uses)
		}
		return live
	}
	// A worklist, not rounds over all blocks: a block is recomputed only when the live-in set of
	// one of its successors grew, and a set only grows (at most once per register), so the work
	// is linear in the function's size whatever its nesting (rounds took one per nesting level).
	preds := make([][]int, len(f.Blocks))
	for i := range f.Blocks {
		for _, s := range succs[i] {
			preds[s] = append(preds[s], i)
		}
	}
	work := make([]int, 0, len(f.Blocks))
	queued := make([]bool, len(f.Blocks))
	for i := range f.Blocks {
		work = append(work, i) // popped from the end: the last block first
		queued[i] = true
	}
	for len(work) > 0 {
		i := work[len(work)-1]
		work = work[:len(work)-1]
		queued[i] = false
		if in := transfer(i, nil); in != liveIn[i] {
			liveIn[i] = in
			for _, p := range preds[i] {
				if !queued[p] {
					queued[p] = true
					work = append(work, p)
				}
			}
		}
	}
	for i, b := range f.Blocks {
		transfer(i, func(k int, after regBits) {
			in := b.Instrs[k]
			if !in.Op.IsCall() {
				return
			}
			results := bitsOf(in.Defs)
			for _, r := range mir.CallerSaved() {
				if after.has(r) && !results.has(r) {
					v.errorf(b, in, "register %s is live across the call, which clobbers it", v.f.RegName(r, mir.X))
				}
			}
		})
	}
}

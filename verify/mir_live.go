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

// clobberScratch holds the tables of clobbers, kept for the next function.
type clobberScratch struct {
	succs, preds [][]int
	effects      []instrEffect
	start, work  []int
	liveIn       []regBits
	queued       []bool
}

// callerSaved is the set of registers a call clobbers.
var callerSaved = bitsOf(mir.CallerSaved())

// blockIndex maps block ids to positions in f.Blocks: a slice when the ids are small (as the
// backend numbers them), a map otherwise; -1 for an unknown id.
func (v *mirVerifier) blockIndex(f *mir.Func) func(id int) int {
	minID, maxID := 0, -1
	for _, b := range f.Blocks {
		minID, maxID = min(minID, b.ID), max(maxID, b.ID)
	}
	if minID >= 0 && maxID < 4*len(f.Blocks)+64 {
		v.ids = reuse(v.ids, maxID+1)
		index := v.ids
		for i := range index {
			index[i] = -1
		}
		for i, b := range f.Blocks {
			index[b.ID] = int32(i)
		}
		return func(id int) int {
			if id < 0 || id >= len(index) {
				return -1
			}
			return int(index[id])
		}
	}
	index := make(map[int]int, len(f.Blocks))
	for i, b := range f.Blocks {
		index[b.ID] = i
	}
	return func(id int) int {
		if i, ok := index[id]; ok {
			return i
		}
		return -1
	}
}

// clobbers checks "no-clobber-across-call" with a backward liveness analysis. A function
// without calls has nothing to check (most functions of a large module are leaves: they skip
// the analysis, which runs after every pass from allocate-registers on).
func (v *mirVerifier) clobbers(index func(id int) int) {
	f := v.f
	n := 0
	calls := false
	for _, b := range f.Blocks {
		n += len(b.Instrs)
		for _, in := range b.Instrs {
			calls = calls || in.Op.IsCall()
		}
	}
	if !calls {
		return
	}
	t := &v.scratch
	t.succs = reuseLists(t.succs, len(f.Blocks))
	succs := t.succs
	// effects of every instruction, block after block: block i's are effects[start[i]:start[i+1]].
	effects := t.effects[:0]
	t.start = reuse(t.start, len(f.Blocks)+1)
	start := t.start
	var buf mir.OperandBuf
	for i, b := range f.Blocks {
		start[i] = len(effects)
		for _, in := range b.Instrs {
			if in.Op.IsBranch() {
				if t := index(in.Target); t >= 0 { // an unknown target is reported by check
					succs[i] = append(succs[i], t)
				}
			}
			for _, t := range in.Table { // a jump table (BRTABLE) ends its block
				if t := index(t); t >= 0 {
					succs[i] = append(succs[i], t)
				}
			}
		}
		if n := len(b.Instrs); !(n > 0 && b.Instrs[n-1].Op.IsTerminator()) && i+1 < len(f.Blocks) {
			succs[i] = append(succs[i], i+1)
		}
		for _, in := range b.Instrs {
			defs, uses := in.DefsUsesIn(&buf)
			e := instrEffect{defs: bitsOf(defs), target: -1}
			if in.Op.IsCall() {
				e.defs.union(callerSaved)
			}
			for _, u := range uses {
				if tracked(u) {
					e.uses.add(u)
				}
			}
			if in.Op.IsBranch() && in.Op != mir.B {
				e.target = index(in.Target)
			}
			effects = append(effects, e)
		}
	}
	start[len(f.Blocks)] = len(effects)
	t.effects = effects
	t.liveIn = reuse(t.liveIn, len(f.Blocks))
	liveIn := t.liveIn
	// transfer walks block i backwards from its live-out set, calling at for each instruction
	// with the set live after it.
	transfer := func(i int, at func(k int, after regBits)) regBits {
		var live regBits
		for _, s := range succs[i] {
			live.union(liveIn[s])
		}
		es := effects[start[i]:start[i+1]]
		for k := len(es) - 1; k >= 0; k-- {
			e := &es[k]
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
	t.preds = reuseLists(t.preds, len(f.Blocks))
	preds := t.preds
	for i := range f.Blocks {
		for _, s := range succs[i] {
			preds[s] = append(preds[s], i)
		}
	}
	work := t.work[:0]
	t.queued = reuse(t.queued, len(f.Blocks))
	queued := t.queued
	for i := range f.Blocks {
		work = append(work, i) // popped from the end: the last block first
		queued[i] = true
	}
	defer func() { t.work = work }()
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
		if !hasCall(b) {
			continue
		}
		transfer(i, func(k int, after regBits) {
			in := b.Instrs[k]
			if !in.Op.IsCall() {
				return
			}
			clobbered := after
			clobbered.minus(bitsOf(in.Defs))
			if clobbered[0]&callerSaved[0] == 0 && clobbered[1]&callerSaved[1] == 0 {
				return
			}
			for _, r := range mir.CallerSaved() {
				if clobbered.has(r) {
					v.errorf(b, in, "register %s is live across the call, which clobbers it", v.f.RegName(r, mir.X))
				}
			}
		})
	}
}

func hasCall(b *mir.Block) bool {
	for _, in := range b.Instrs {
		if in.Op.IsCall() {
			return true
		}
	}
	return false
}

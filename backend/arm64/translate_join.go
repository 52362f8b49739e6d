package arm64

// Join blocks of translate (translate.go): which locals a join block takes as parameters.

import (
	"cot/ir/ssa"
	"cot/ir/wasm"
)

// joinBlock makes a block for the join at body index at, whose parameters are the locals that may
// still be read there followed by values of types ts.
//
// Design decision: a local gets no parameter when it is dead at the join, by either of two
// conservative tests. (1) Every path from the join writes it before reading it
// (writtenBeforeRead).
// (2) It has no local.get at or after s, the start of the outermost loop open at the join (the
// join itself outside loops): from the join, execution only moves forward or branches back to
// the header of an open loop, so it never again reaches a body index below s. Without this,
// every local was a parameter of every join — quadratic in a function's size (ANF temporaries
// make thousands of locals) — and remove-redundant-params had to undo it.
func (tr *translator) joinBlock(ts []wasm.ValType, at int) *ssa.Block {
	s := at // the outermost open loop's start, when before at (loops nest: inner ones start later)
	if tr.outerLoop >= 0 && tr.frames[tr.outerLoop].start < s {
		s = tr.frames[tr.outerLoop].start
	}
	writtenFirst := tr.writtenBeforeRead(at)
	b := tr.f.NewBlock()
	var live []int
	for x, t := range tr.ltypes {
		if tr.lastGet[x] >= s && !writtenFirst[uint32(x)] {
			tr.f.AddParam(b, t)
			live = append(live, x)
		}
	}
	tr.joinLocals[b] = live
	for _, t := range ts {
		tr.f.AddParam(b, ssa.FromWasm(t))
	}
	b.Term.Kind = ssa.TermUnreachable // until reached and completed
	return b
}

// writtenBeforeRead returns the locals that every path from body index at writes before reading
// them, as far as a forward scan can tell: a write counts for the rest of the construct it is
// in (a write in an if arm or a nested block does not count after it ends), a read counts unless a
// counting write precedes it, and the scan stops where control may leave the scanned code (a
// branch to a label outside it, return, unreachable, or the end or else of a construct that was
// open at the join). Back edges of loops opened during the scan return to code already scanned
// with fewer writes counted, so they cannot make a read look covered.
func (tr *translator) writtenBeforeRead(at int) map[uint32]bool {
	written := []map[uint32]bool{{}} // one set per construct opened during the scan, outermost first
	exposed := map[uint32]bool{}
	dead := map[uint32]bool{}
	covered := func(x uint32) bool {
		for _, w := range written {
			if w[x] {
				return true
			}
		}
		return false
	}
	leaves := func(label uint32) bool { return int(label) >= len(written)-1 }
	for _, in := range tr.body[at+1:] {
		depth := len(written) - 1
		switch in.Op {
		case wasm.OpLocalGet:
			if !covered(in.Index) {
				exposed[in.Index] = true
			}
		case wasm.OpLocalSet, wasm.OpLocalTee:
			if !exposed[in.Index] {
				written[depth][in.Index] = true
				if depth == 0 {
					dead[in.Index] = true
				}
			}
		case wasm.OpBlock, wasm.OpLoop, wasm.OpIf:
			written = append(written, map[uint32]bool{})
		case wasm.OpElse:
			if depth == 0 {
				return dead
			}
			written[depth] = map[uint32]bool{}
		case wasm.OpEnd:
			if depth == 0 {
				return dead
			}
			written = written[:depth]
		case wasm.OpBr, wasm.OpBrIf:
			if leaves(in.Index) {
				return dead
			}
		case wasm.OpBrTable:
			if leaves(in.Index) {
				return dead
			}
			for _, l := range in.Labels() {
				if leaves(l) {
					return dead
				}
			}
		case wasm.OpReturn, wasm.OpUnreachable:
			return dead
		}
	}
	return dead
}

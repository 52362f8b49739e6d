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
	tr.writtenBeforeRead(at)
	b := tr.f.NewBlock()
	var live []int
	for x, t := range tr.ltypes {
		if tr.lastGet[x] >= s && !tr.scan.deadAt(x) {
			tr.f.AddParam(b, t)
			live = append(live, x)
		}
	}
	tr.setJoinLocals(b, live)
	for _, t := range ts {
		tr.f.AddParam(b, ssa.FromWasm(t))
	}
	b.Term.Kind = ssa.TermUnreachable // until reached and completed
	return b
}

// writtenBeforeRead marks (deadAt) the locals that every path from body index at writes before
// reading them, as far as a forward scan can tell: a write counts for the rest of the construct
// it is in (a write in an if arm or a nested block does not count after it ends), a read counts
// unless a counting write precedes it, and the scan stops where control may leave the scanned code
// (a branch to a label outside it, return, unreachable, or the end or else of a construct that
// was open at the join). Back edges of loops opened during the scan return to code already
// scanned with fewer writes counted, so they cannot make a read look covered.
//
// Its sets are dense tables stamped with the scan's number (scanSets), reused by every scan of
// the function: a write is kept as the depth of the outermost construct whose rest it covers.
func (tr *translator) writtenBeforeRead(at int) {
	w := &tr.scan
	w.begin(len(tr.ltypes))
	leaves := func(label uint32) bool { return int(label) >= w.depth }
	for _, in := range tr.body[at+1:] {
		switch in.Op {
		case wasm.OpLocalGet:
			if !w.covered(in.Index) {
				w.exposed[in.Index] = w.epoch
			}
		case wasm.OpLocalSet, wasm.OpLocalTee:
			if w.exposed[in.Index] != w.epoch {
				w.write(in.Index)
			}
		case wasm.OpBlock, wasm.OpLoop, wasm.OpIf:
			w.open()
		case wasm.OpElse:
			if w.depth == 0 {
				return
			}
			w.forget()
		case wasm.OpEnd:
			if w.depth == 0 {
				return
			}
			w.forget()
			w.depth--
		case wasm.OpBr, wasm.OpBrIf:
			if leaves(in.Index) {
				return
			}
		case wasm.OpBrTable:
			if leaves(in.Index) {
				return
			}
			for _, l := range in.Labels() {
				if leaves(l) {
					return
				}
			}
		case wasm.OpReturn, wasm.OpUnreachable:
			return
		}
	}
}

// scanSets are writtenBeforeRead's sets of locals. An entry belongs to the current scan when its
// stamp is epoch; depth is the nesting depth of the scan (0: the code the join is in).
type scanSets struct {
	epoch      int32
	depth      int
	exposed    []int32    // read before any counting write
	dead       []int32    // written before read on every path (the result)
	written    []int32    // stamp of written's entry
	writeDepth []int32    // the outermost open depth whose write covers the local, -1 none
	byDepth    [][]uint32 // the locals whose writeDepth was set at each open depth
}

// begin starts a scan over n locals.
func (w *scanSets) begin(n int) {
	if len(w.exposed) < n {
		w.exposed, w.dead = make([]int32, n), make([]int32, n)
		w.written, w.writeDepth = make([]int32, n), make([]int32, n)
		w.epoch = 0
	}
	w.epoch++
	w.depth = 0
	if len(w.byDepth) == 0 {
		w.byDepth = append(w.byDepth, nil)
	}
	w.byDepth[0] = w.byDepth[0][:0]
}

func (w *scanSets) covered(x uint32) bool { return w.written[x] == w.epoch && w.writeDepth[x] >= 0 }

// write records a counting write of x at the current depth.
func (w *scanSets) write(x uint32) {
	if !w.covered(x) {
		w.written[x], w.writeDepth[x] = w.epoch, int32(w.depth)
		w.byDepth[w.depth] = append(w.byDepth[w.depth], x)
	}
	if w.depth == 0 {
		w.dead[x] = w.epoch
	}
}

// open enters a construct.
func (w *scanSets) open() {
	w.depth++
	if w.depth == len(w.byDepth) {
		w.byDepth = append(w.byDepth, nil)
	}
	w.byDepth[w.depth] = w.byDepth[w.depth][:0]
}

// forget drops the writes made at the current depth (its construct ends, or its else starts).
func (w *scanSets) forget() {
	for _, x := range w.byDepth[w.depth] {
		if w.writeDepth[x] == int32(w.depth) {
			w.writeDepth[x] = -1
		}
	}
	w.byDepth[w.depth] = w.byDepth[w.depth][:0]
}

// deadAt reports whether the last scan found x written before read.
func (w *scanSets) deadAt(x int) bool { return w.dead[x] == w.epoch }

package arm64

// Computing the live intervals (for allocate-registers, and for coalesce-copies restricted to
// the registers of its copies) into tables reused from one function to the next: a pool of
// them, one in use per worker. Every per-register table is a slice by r - FirstVirtual; the
// ranges of all intervals are found into one list and grouped by register at the end (a
// counting sort), so computing the intervals of a function allocates nothing once the tables
// have grown to its size.

import (
	"math"
	"sort"
	"sync"

	"cot/ir/mir"
)

// liveWork holds the tables; get one with getLiveWork and give it back with put.
type liveWork struct {
	lv     mir.Liveness
	slab   []interval
	ivs    []*interval
	found  []foundRange
	counts []int32 // per register: its ranges in found, then their start in ranges
	ranges []span
	fixed  fixedSpans
	calls  []int

	// Per register, during the scan.
	liveTo         []int32 // end of the range of a register live below the scan point, -1: not live
	weight         []float64
	defs           []int32 // definitions
	defBlk, defIdx []int32 // the last definition: block index and instruction index
	last           []int32 // the index in found of the register's last range, -1: none yet
	liveRegs       []mir.Reg
	physRegs       []mir.Reg
}

// foundRange is a range of register index k found by the scan.
type foundRange struct{ k, start, end int32 }

// fixedSpans lists, per physical register, the spans where it is used explicitly (sorted by
// start).
type fixedSpans [mir.FirstVirtual][]span

// liveWorks are the tables not in use: a free list, not a sync.Pool, which the collector empties
// at every cycle (several times a second while compiling a large module: the tables would be
// allocated again and again, which is what they are there to avoid). At most one is in use per
// worker, so the list holds as many as there are workers.
var liveWorks struct {
	sync.Mutex
	free []*liveWork
}

func getLiveWork() *liveWork {
	liveWorks.Lock()
	defer liveWorks.Unlock()
	if n := len(liveWorks.free); n > 0 {
		w := liveWorks.free[n-1]
		liveWorks.free = liveWorks.free[:n-1]
		return w
	}
	return new(liveWork)
}

// put gives w back; the intervals it returned must not be used after. The instructions the
// intervals point to are let go (clear), not kept alive until the tables are next used.
func (w *liveWork) put() {
	clear(w.slab)
	liveWorks.Lock()
	defer liveWorks.Unlock()
	liveWorks.free = append(liveWorks.free, w)
}

// intervals computes one interval per virtual register of f that want marks (by r -
// FirstVirtual; nil: all), in register order, from block-level liveness over g, scanning each
// block backwards (a value is live from its definition to its last use before the next
// definition, and over every block it is live into), and the spans of explicit physical-register
// uses (only when want is nil: no filtered caller needs them). depth is g's loop depth of each
// block. The results live in w's tables.
func (w *liveWork) intervals(f *mir.Func, g *mir.CFG, depth []int, want []bool) ([]*interval, *fixedSpans) {
	w.lv.OutOnly = true
	w.lv.Compute(f, g, want)
	nregs := max(0, int(f.NextV-mir.FirstVirtual))
	w.resetTables(nregs)
	skip := func(k int) bool { return want != nil && (k >= len(want) || !want[k]) }
	phys := want == nil // the spans of physical registers are the allocator's alone
	const whole = math.MaxInt32
	// Physical registers: the last use seen, scanning backwards, -1 when none.
	var liveEnd [mir.FirstVirtual]int
	for r := range liveEnd {
		liveEnd[r] = -1
	}
	var buf mir.OperandBuf
	pos := 0
	for i, b := range f.Blocks {
		first := 2 * pos
		blockEnd := 2*(pos+len(b.Instrs)) - 1
		if len(b.Instrs) == 0 {
			blockEnd = first
		}
		blockFound, blockCalls := len(w.found), len(w.calls)
		wt := math.Pow(10, float64(min(depth[i], 6)))
		w.liveRegs, w.physRegs = w.liveRegs[:0], w.physRegs[:0]
		for _, r := range w.lv.Out[i] {
			w.setLive(w.index(r), blockEnd)
		}
		for j := len(b.Instrs) - 1; j >= 0; j-- {
			in := b.Instrs[j]
			p := pos + j
			if in.Op.IsCall() {
				w.calls = append(w.calls, 2*p+1)
			}
			d, u := in.DefsUsesIn(&buf)
			for _, r := range d {
				if r.IsVirtual() {
					x := w.index(r)
					if skip(x) {
						continue
					}
					end := w.liveTo[x]
					if end < 0 {
						end = int32(2*p + 1) // a dead definition still needs its register
					}
					w.found = append(w.found, foundRange{int32(x), int32(2*p + 1), end})
					w.liveTo[x] = -1
					w.weight[x] += wt
					w.defs[x]++
					w.defBlk[x], w.defIdx[x] = int32(i), int32(j)
				} else if phys && allocatable(r) {
					end := liveEnd[r]
					if end < 0 {
						end = 2*p + 1
					}
					w.fixed[r] = append(w.fixed[r], span{2*p + 1, end})
					liveEnd[r] = -1
				}
			}
			for _, r := range u {
				if r.IsVirtual() {
					x := w.index(r)
					if skip(x) {
						continue
					}
					if w.liveTo[x] < 0 {
						w.setLive(x, 2*p)
					}
					w.weight[x] += wt
				} else if phys && allocatable(r) && liveEnd[r] < 0 {
					liveEnd[r] = 2 * p
					w.physRegs = append(w.physRegs, r)
				}
			}
		}
		for _, r := range w.liveRegs {
			if x := int(r - mir.FirstVirtual); w.liveTo[x] >= 0 {
				w.found = append(w.found, foundRange{int32(x), int32(first), w.liveTo[x]})
				w.liveTo[x] = -1
			}
		}
		// Found backwards: forwards, every register's ranges come sorted.
		reverse(w.found[blockFound:])
		w.join(blockFound)
		reverse(w.calls[blockCalls:])
		for _, r := range w.physRegs {
			end := liveEnd[r]
			if end < 0 {
				continue
			}
			liveEnd[r] = -1
			if i == 0 {
				w.fixed[r] = append(w.fixed[r], span{0, end}) // incoming arguments
			} else {
				w.fixed[r] = append(w.fixed[r], span{0, whole}) // live across blocks: never allocate it
			}
		}
		pos += len(b.Instrs)
	}
	for r, s := range w.fixed {
		if len(s) > 1 {
			sort.Slice(s, func(i, j int) bool { return s[i].start < s[j].start })
		}
		w.fixed[r] = s
	}
	return w.build(f), &w.fixed
}

// resetTables sizes and clears the per-register tables for nregs registers.
func (w *liveWork) resetTables(nregs int) {
	w.found, w.calls = w.found[:0], w.calls[:0]
	for r := range w.fixed {
		w.fixed[r] = w.fixed[r][:0]
	}
	w.liveTo = resizeTable(w.liveTo, nregs)
	for k := range w.liveTo {
		w.liveTo[k] = -1
	}
	w.defs = resizeTable(w.defs, nregs)
	w.last = resizeTable(w.last, nregs)
	for k := range w.last {
		w.last[k] = -1
	}
	w.defBlk = resizeTable(w.defBlk, nregs)
	w.defIdx = resizeTable(w.defIdx, nregs)
	if cap(w.weight) < nregs {
		w.weight = make([]float64, nregs)
	}
	w.weight = w.weight[:nregs]
	clear(w.weight)
}

// index returns r's index, the tables grown to hold it (a register above f.NextV).
func (w *liveWork) index(r mir.Reg) int {
	k := int(r - mir.FirstVirtual)
	for k >= len(w.liveTo) {
		w.liveTo = append(w.liveTo, -1)
		w.weight = append(w.weight, 0)
		w.defs, w.defBlk, w.defIdx = append(w.defs, 0), append(w.defBlk, 0), append(w.defIdx, 0)
		w.last = append(w.last, -1)
	}
	return k
}

// setLive records that register index k is live up to end below the scan point.
func (w *liveWork) setLive(k int, end int) {
	if w.liveTo[k] < 0 {
		w.liveRegs = append(w.liveRegs, mir.FirstVirtual+mir.Reg(k))
	}
	w.liveTo[k] = int32(end)
}

// join joins each range found in the block (found[from:], in order) to its register's previous
// range where they touch (a value live through many blocks gets one range), dropping it from
// found.
func (w *liveWork) join(from int) {
	kept := from
	for _, fr := range w.found[from:] {
		if l := w.last[fr.k]; l >= 0 && fr.start <= w.found[l].end+1 {
			w.found[l].end = max(w.found[l].end, fr.end)
			continue
		}
		w.found[kept] = fr
		w.last[fr.k] = int32(kept)
		kept++
	}
	w.found = w.found[:kept]
}

// build groups the ranges found by register (joined already) and makes the intervals.
func (w *liveWork) build(f *mir.Func) []*interval {
	nregs := len(w.liveTo)
	counts := resizeTable(w.counts, nregs+1)
	for _, fr := range w.found {
		counts[fr.k+1]++
	}
	for k := 0; k < nregs; k++ {
		counts[k+1] += counts[k]
	}
	if cap(w.ranges) < len(w.found) {
		w.ranges = make([]span, len(w.found))
	}
	ranges := w.ranges[:len(w.found)]
	for _, fr := range w.found {
		at := counts[fr.k]
		ranges[at] = span{int(fr.start), int(fr.end)}
		counts[fr.k]++
	}
	// counts[k] is now the end of register k's ranges, and the start of k+1's.
	live := 0
	for k, start := 0, int32(0); k < nregs; k++ {
		if counts[k] > start {
			live++
		}
		start = counts[k]
	}
	if cap(w.slab) < live {
		w.slab = make([]interval, live)
	}
	w.slab = w.slab[:live]
	w.ivs = w.ivs[:0]
	n := 0
	for k, start := 0, 0; k < nregs; k++ {
		end := int(counts[k])
		rs := ranges[start:end:end]
		start = end
		if len(rs) == 0 {
			continue
		}
		iv := &w.slab[n]
		n++
		r := mir.FirstVirtual + mir.Reg(k)
		*iv = interval{reg: r, class: f.Class[r], ranges: rs, weight: w.weight[k]}
		w.finish(f, iv, k)
		w.ivs = append(w.ivs, iv)
	}
	w.counts = counts
	return w.ivs
}

// finish sets iv's bounds, call crossing, rematerialisation and weight.
func (w *liveWork) finish(f *mir.Func, iv *interval, k int) {
	iv.start, iv.end = iv.ranges[0].start, iv.ranges[len(iv.ranges)-1].end
	size := 0
	for _, rg := range iv.ranges {
		size += rg.end - rg.start + 1
		// A call defines at its odd point: the value is live across it if it is live on both sides.
		c := sort.SearchInts(w.calls, rg.start+1)
		iv.crossCall = iv.crossCall || c < len(w.calls) && w.calls[c] < rg.end
	}
	if w.defs[k] == 1 {
		if in := f.Blocks[w.defBlk[k]].Instrs[w.defIdx[k]]; isRematerialisable(in) {
			iv.remat = in
			iv.weight /= 4
		}
	}
	// Per square root of the instructions covered: a short interval frees little by spilling, and
	// costs its loads; the root keeps a long interval with uses in a loop from being spilled first.
	iv.weight /= math.Sqrt(float64(size/2 + 4))
}

// resizeTable returns s with length n, all zero, reusing its memory.
func resizeTable(s []int32, n int) []int32 {
	if cap(s) < n {
		return make([]int32, n)
	}
	s = s[:n]
	clear(s)
	return s
}

func reverse[T any](s []T) {
	for i, j := 0, len(s)-1; i < j; i, j = i+1, j-1 {
		s[i], s[j] = s[j], s[i]
	}
}

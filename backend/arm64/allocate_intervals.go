package arm64

// Live intervals for allocate-registers: ranges with holes, weights, call crossings,
// rematerialisable constants and the fixed (explicit) uses of physical registers.

import (
	"math"
	"sort"

	"cot/ir/mir"
)

// interval is the live range of one virtual register, in instruction points (instruction i
// uses at 2i and defines at 2i+1): sorted disjoint ranges, with holes where it is dead (between
// a last use and the next definition, or over blocks it is not live through).
type interval struct {
	reg        mir.Reg
	ranges     []span // sorted, disjoint, inclusive
	start, end int    // ranges[0].start, ranges[len-1].end
	cur        int    // the first range that does not end before the scan point (the scan only advances)
	crossCall  bool
	weight     float64    // spill cost: uses and definitions, each 10^loop depth, per square root of the instructions covered
	remat      *mir.Instr // the single movz/movn defining the register, if that is its only definition
}

// span is an inclusive range of points.
type span struct{ start, end int }

// overlapsFixed reports whether [start, end] meets a span of spans (sorted by start).
func overlapsFixed(spans []span, start, end int) bool {
	k := sort.Search(len(spans), func(i int) bool { return spans[i].end >= start })
	return k < len(spans) && spans[k].start <= end
}

// covers reports whether iv is live at point p, moving its cursor to p (p never decreases).
func (iv *interval) covers(p int) bool {
	for iv.cur < len(iv.ranges) && iv.ranges[iv.cur].end < p {
		iv.cur++
	}
	return iv.cur < len(iv.ranges) && iv.ranges[iv.cur].start <= p
}

// intersects reports whether two intervals are live at a common point at or after their cursors.
func (iv *interval) intersects(o *interval) bool {
	if iv.end < o.start || o.end < iv.start {
		return false
	}
	return spansMeet(iv.ranges[iv.cur:], o.ranges[o.cur:])
}

// meetsFixed reports whether iv is live where physical register r is used explicitly.
func (iv *interval) meetsFixed(spans []span) bool {
	if !overlapsFixed(spans, iv.start, iv.end) {
		return false
	}
	for _, rg := range iv.ranges {
		if overlapsFixed(spans, rg.start, rg.end) {
			return true
		}
	}
	return false
}

// allocatableRegs marks the physical registers the allocator may give out.
var allocatableRegs = func() (t [mir.V0 + 32]bool) {
	for _, pool := range [][]mir.Reg{intCallerSaved, intCalleeSaved, floatCallerSaved, floatCalleeSaved, intScratch, floatScratch} {
		for _, r := range pool {
			t[r] = true
		}
	}
	return t
}()

// allocatable reports whether physical register r is one the allocator may give out.
func allocatable(r mir.Reg) bool {
	return r >= 0 && int(r) < len(allocatableRegs) && allocatableRegs[r]
}

// liveIntervals computes one interval per virtual register from block-level liveness, scanning
// each block backwards (a value is live from its definition to its last use before the next
// definition, and over every block it is live into), and the spans of explicit
// physical-register uses.
func liveIntervals(f *mir.Func) ([]*interval, map[mir.Reg][]span) {
	g := mir.BuildCFG(f)
	lv := mir.ComputeLiveness(f, g)
	depth := g.LoopDepth()
	ivs := make([]*interval, max(0, int(f.NextV-mir.FirstVirtual)))
	slab := make([]interval, len(ivs)) // the intervals, allocated at once
	get := func(r mir.Reg) *interval {
		k := int(r - mir.FirstVirtual)
		for k >= len(ivs) {
			ivs = append(ivs, nil)
		}
		if ivs[k] == nil {
			if k < len(slab) {
				ivs[k] = &slab[k]
			} else {
				ivs[k] = new(interval)
			}
			ivs[k].reg = r
		}
		return ivs[k]
	}
	// A block's ranges are found backwards; they are appended to the intervals forwards, so every
	// interval's ranges come sorted and a range continuing the previous one extends it (a value
	// live through many blocks gets one range: merged block by block, not at the end).
	type found struct {
		r mir.Reg
		s span
	}
	var blockRanges []found
	addRange := func(r mir.Reg, s, e int) { blockRanges = append(blockRanges, found{r, span{s, e}}) }
	flush := func() {
		for k := len(blockRanges) - 1; k >= 0; k-- {
			iv := get(blockRanges[k].r)
			s := blockRanges[k].s
			if n := len(iv.ranges); n > 0 && s.start <= iv.ranges[n-1].end+1 {
				iv.ranges[n-1].end = max(iv.ranges[n-1].end, s.end)
				continue
			}
			iv.ranges = append(iv.ranges, s)
		}
		blockRanges = blockRanges[:0]
	}
	// Per virtual register, by r - FirstVirtual: slices, not maps (this runs on every function,
	// twice with coalesce-copies). liveTo is the end of the range of a register live below the
	// scan point, -1 when it is not; liveRegs lists the registers set there since the block's
	// start (some reset since).
	defs := make([]int32, len(ivs))
	defInstr := make([]*mir.Instr, len(ivs))
	liveTo := make([]int32, len(ivs))
	for k := range liveTo {
		liveTo[k] = -1
	}
	index := func(r mir.Reg) int { // r's index, the tables grown to hold it
		k := int(r - mir.FirstVirtual)
		get(r)
		for len(liveTo) < len(ivs) {
			defs, defInstr, liveTo = append(defs, 0), append(defInstr, nil), append(liveTo, -1)
		}
		return k
	}
	var liveRegs []mir.Reg
	setLive := func(k int, end int) {
		if liveTo[k] < 0 {
			liveRegs = append(liveRegs, mir.FirstVirtual+mir.Reg(k))
		}
		liveTo[k] = int32(end)
	}
	fixed := map[mir.Reg][]span{}
	var calls []int
	const whole = math.MaxInt32
	// Physical registers: the last use seen, scanning backwards, -1 when none.
	var liveEnd [mir.FirstVirtual]int
	for r := range liveEnd {
		liveEnd[r] = -1
	}
	var physRegs []mir.Reg // registers set in liveEnd in this block
	var buf mir.OperandBuf
	pos := 0
	for i, b := range f.Blocks {
		first := 2 * pos
		blockEnd := 2*(pos+len(b.Instrs)) - 1
		if len(b.Instrs) == 0 {
			blockEnd = first
		}
		w := math.Pow(10, float64(min(depth[i], 6)))
		liveRegs, physRegs = liveRegs[:0], physRegs[:0]
		for _, r := range lv.Out[i] {
			setLive(index(r), blockEnd)
		}
		for k := len(b.Instrs) - 1; k >= 0; k-- {
			in := b.Instrs[k]
			p := pos + k
			if in.Op.IsCall() {
				calls = append(calls, 2*p+1)
			}
			d, u := in.DefsUsesIn(&buf)
			for _, r := range d {
				if r.IsVirtual() {
					x := index(r)
					end := int(liveTo[x])
					if end < 0 {
						end = 2*p + 1 // a dead definition still needs its register
					}
					addRange(r, 2*p+1, end)
					liveTo[x] = -1
					ivs[x].weight += w
					defs[x]++
					defInstr[x] = in
				} else if allocatable(r) {
					end := liveEnd[r]
					if end < 0 {
						end = 2*p + 1
					}
					fixed[r] = append(fixed[r], span{2*p + 1, end})
					liveEnd[r] = -1
				}
			}
			for _, r := range u {
				if r.IsVirtual() {
					x := index(r)
					if liveTo[x] < 0 {
						setLive(x, 2*p)
					}
					ivs[x].weight += w
				} else if allocatable(r) && liveEnd[r] < 0 {
					liveEnd[r] = 2 * p
					physRegs = append(physRegs, r)
				}
			}
		}
		for _, r := range liveRegs {
			if x := int(r - mir.FirstVirtual); liveTo[x] >= 0 {
				addRange(r, first, int(liveTo[x]))
				liveTo[x] = -1
			}
		}
		flush()
		for _, r := range physRegs {
			end := liveEnd[r]
			if end < 0 {
				continue
			}
			liveEnd[r] = -1
			if i == 0 {
				fixed[r] = append(fixed[r], span{0, end}) // incoming arguments
			} else {
				fixed[r] = append(fixed[r], span{0, whole}) // live across blocks: never allocate it
			}
		}
		pos += len(b.Instrs)
	}
	for r, s := range fixed {
		sort.Slice(s, func(i, j int) bool { return s[i].start < s[j].start })
		fixed[r] = s
	}
	sort.Ints(calls)
	out := make([]*interval, 0, len(ivs))
	for _, iv := range ivs {
		if iv == nil {
			continue
		}
		r := iv.reg
		iv.start, iv.end = iv.ranges[0].start, iv.ranges[len(iv.ranges)-1].end
		size := 0
		for _, rg := range iv.ranges {
			size += rg.end - rg.start + 1
			// A call defines at its odd point: the value is live across it if it is live on both sides.
			k := sort.SearchInts(calls, rg.start+1)
			iv.crossCall = iv.crossCall || k < len(calls) && calls[k] < rg.end
		}
		if in := defInstr[r-mir.FirstVirtual]; defs[r-mir.FirstVirtual] == 1 && isRematerialisable(in) {
			iv.remat = in
			iv.weight /= 4
		}
		// Per square root of the instructions covered: a short interval frees little by spilling, and
		// costs its loads; the root keeps a long interval with uses in a loop from being spilled first.
		iv.weight /= math.Sqrt(float64(size/2 + 4))
		out = append(out, iv)
	}
	return out, fixed
}

// isRematerialisable reports whether in, the only definition of its register, is a constant
// one instruction recreates anywhere: movz/movn, fmov #imm, fmov from the zero register.
func isRematerialisable(in *mir.Instr) bool {
	return in.Op == mir.MOVZ || in.Op == mir.MOVN || in.Op == mir.FMOVI || in.Op == mir.FMOV && in.Rn == mir.ZR
}

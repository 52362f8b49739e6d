package arm64

// Live intervals for allocate-registers: positions, weights, call crossings, rematerialisable
// constants and the fixed (explicit) uses of physical registers.

import (
	"math"
	"sort"

	"cot/ir/mir"
)

// interval is the conservative live range of one virtual register, in instruction points
// (instruction i uses at 2i and defines at 2i+1).
type interval struct {
	reg        mir.Reg
	start, end int
	crossCall  bool
	weight     float64    // spill cost: uses and definitions, each 10^loop depth
	remat      *mir.Instr // the single movz/movn defining the register, if that is its only definition
}

// span is a range of points over which a physical register is used explicitly.
type span struct{ start, end int }

// overlapsFixed reports whether [start, end] meets a span of spans (sorted by start).
func overlapsFixed(spans []span, start, end int) bool {
	k := sort.Search(len(spans), func(i int) bool { return spans[i].end >= start })
	return k < len(spans) && spans[k].start <= end
}

// allocatable reports whether physical register r is one the allocator may give out.
func allocatable(r mir.Reg) bool {
	return contains(intCallerSaved, r) || contains(intCalleeSaved, r) || contains(floatCallerSaved, r) || contains(floatCalleeSaved, r)
}

// liveIntervals computes one interval per virtual register from block-level liveness, and the
// spans of explicit physical-register uses.
func liveIntervals(f *mir.Func) ([]*interval, map[mir.Reg][]span) {
	g := mir.BuildCFG(f)
	lv := mir.ComputeLiveness(f, g)
	depth := g.LoopDepth()
	ivs := map[mir.Reg]*interval{}
	get := func(r mir.Reg) *interval {
		iv := ivs[r]
		if iv == nil {
			iv = &interval{reg: r, start: -1, end: -1}
			ivs[r] = iv
		}
		return iv
	}
	extend := func(r mir.Reg, p int) {
		iv := get(r)
		if iv.start < 0 || p < iv.start {
			iv.start = p
		}
		if p > iv.end {
			iv.end = p
		}
	}
	defs := map[mir.Reg]int{}
	defInstr := map[mir.Reg]*mir.Instr{}
	fixed := map[mir.Reg][]span{}
	var calls []int
	const whole = math.MaxInt32
	pos := 0
	for i, b := range f.Blocks {
		first := 2 * pos
		for _, r := range lv.In[i] {
			extend(r, first)
		}
		w := math.Pow(10, float64(min(depth[i], 6)))
		liveEnd := map[mir.Reg]int{} // physical registers: the last use seen, scanning backwards
		for k := len(b.Instrs) - 1; k >= 0; k-- {
			in := b.Instrs[k]
			p := pos + k
			d, u := in.DefsUses()
			for _, r := range d {
				if !r.IsVirtual() && allocatable(r) {
					end, ok := liveEnd[r]
					if !ok {
						end = 2*p + 1
					}
					fixed[r] = append(fixed[r], span{2*p + 1, end})
					delete(liveEnd, r)
				}
			}
			for _, r := range u {
				if _, ok := liveEnd[r]; !ok && !r.IsVirtual() && allocatable(r) {
					liveEnd[r] = 2 * p
				}
			}
		}
		for r, end := range liveEnd {
			if i == 0 {
				fixed[r] = append(fixed[r], span{0, end}) // incoming arguments
			} else {
				fixed[r] = append(fixed[r], span{0, whole}) // live across blocks: never allocate it
			}
		}
		for _, in := range b.Instrs {
			if in.Op.IsCall() {
				calls = append(calls, 2*pos+1)
			}
			d, u := in.DefsUses()
			for _, r := range u {
				if r.IsVirtual() {
					extend(r, 2*pos)
					get(r).weight += w
				}
			}
			for _, r := range d {
				if r.IsVirtual() {
					extend(r, 2*pos+1)
					get(r).weight += w
					defs[r]++
					defInstr[r] = in
				}
			}
			pos++
		}
		last := 2*pos - 1
		if len(b.Instrs) == 0 {
			last = first
		}
		for _, r := range lv.Out[i] {
			extend(r, last+1)
		}
	}
	for r, s := range fixed {
		sort.Slice(s, func(i, j int) bool { return s[i].start < s[j].start })
		fixed[r] = s
	}
	out := make([]*interval, 0, len(ivs))
	for r, iv := range ivs {
		// calls is sorted: find the first call after start.
		k := sort.SearchInts(calls, iv.start+1)
		iv.crossCall = k < len(calls) && calls[k] < iv.end
		if in := defInstr[r]; defs[r] == 1 && (in.Op == mir.MOVZ || in.Op == mir.MOVN) {
			iv.remat = in
			iv.weight /= 4
		}
		out = append(out, iv)
	}
	return out, fixed
}

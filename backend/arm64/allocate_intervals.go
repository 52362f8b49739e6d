package arm64

// Live intervals for allocate-registers: ranges with holes, weights, call crossings,
// rematerialisable constants and the fixed (explicit) uses of physical registers.

import (
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
	class      mir.Class
	crossCall  bool
	inactive   bool       // in the allocator's inactive set
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

// isRematerialisable reports whether in, the only definition of its register, is a constant
// one instruction recreates anywhere: movz/movn, fmov #imm, fmov from the zero register.
func isRematerialisable(in *mir.Instr) bool {
	return in.Op == mir.MOVZ || in.Op == mir.MOVN || in.Op == mir.FMOVI || in.Op == mir.FMOV && in.Rn == mir.ZR
}

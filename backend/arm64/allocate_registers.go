// Pass allocate-registers: mir-virtual -> mir-allocated.
//
// Linear-scan register allocation over live ranges with holes (Wimmer and Mössenböck, without
// splitting). Each virtual register gets one interval: the ranges of points where it is live,
// from sparse block liveness (ir/mir) and a backward scan of each block. Intervals are scanned by
// start; one in a hole at the scan point is inactive, and its register can go to an interval that
// fits in the hole. An interval that spans a call gets a callee-saved register (x19..x24,
// d8..d15; layout-frame saves them); others prefer caller-saved ones, x0..x12 and v0..v7,
// v16..v28. The argument registers x0..x7 and v0..v7 also carry explicit ABI moves: an interval
// gets one only where no such fixed use meets it. When no register is free, the register whose
// holders (live where the new interval is) weigh least together is taken from them if they weigh
// less than the new interval, which is spilled otherwise; a weight is the interval's uses and
// definitions, each 10^loop depth, per square root of the instructions it covers (a short interval frees little by
// spilling and costs a load per use).
//
// A spilled register lives in an 8-byte stack slot (slots are shared by intervals that do not
// overlap) and is loaded into a scratch register before each use and stored after each
// definition; a spilled constant (one movz/movn definition) is not stored but rematerialised
// before each use.
//
//	add w%103, w%101, w%102  =>  add w9, w10, w11            (all three allocated)
//	add w%103, w%101, w%102  =>  ldr x13, [sp, #8] ; add w9, w13, w11   (w%101 spilled)
//	movz w%101, #7 ; add w%103, w%101, w%102  =>  movz w13, #7 ; add w9, w13, w11   (rematerialised)
//
// Design decision: x13..x15 and v29..v31 are the spill scratch registers, x16 and x17 address far
// slots, x25..x28 hold the module context. Intervals are not split: a spilled value is loaded at
// each use (a scratch register still holding its slot in the same block serves instead).
package arm64

import (
	"slices"

	"cot/ir/mir"
	"cot/ir/pipeline"
)

var allocateRegistersPass = pipeline.Pass{
	Name: "allocate-registers",
	In:   LangMIRVirtual,
	Out:  LangMIRAlloc,
	Run: func(ctx *pipeline.Ctx, prog any) (any, error) {
		p := prog.(*mir.Program)
		for _, f := range p.Funcs {
			ctx.Func = f.Name
			assign := allocate(f)
			rewriteAllocated(f, assign)
		}
		return p, nil
	},
}

// Register pools, in order of preference.
var (
	intCallerSaved   = []mir.Reg{9, 10, 11, 12, 8, 7, 6, 5, 4, 3, 2, 1, 0}
	intCalleeSaved   = []mir.Reg{19, 20, 21, 22, 23, 24}
	floatCallerSaved = []mir.Reg{mir.V(16), mir.V(17), mir.V(18), mir.V(19), mir.V(20), mir.V(21), mir.V(22),
		mir.V(23), mir.V(24), mir.V(25), mir.V(26), mir.V(27), mir.V(28),
		mir.V(7), mir.V(6), mir.V(5), mir.V(4), mir.V(3), mir.V(2), mir.V(1), mir.V(0)}
	floatCalleeSaved = []mir.Reg{mir.V(8), mir.V(9), mir.V(10), mir.V(11), mir.V(12), mir.V(13), mir.V(14), mir.V(15)}
	intScratch       = []mir.Reg{13, 14, 15}
	floatScratch     = []mir.Reg{mir.V(29), mir.V(30), mir.V(31)}
)

// location is where allocation put a virtual register: a physical register, a spill slot, or
// (remat != nil) nowhere, its constant definition repeated at each use.
type location struct {
	reg   mir.Reg // mir.NoReg when spilled
	slot  int64
	remat *mir.Instr
}

// assignment is the location of every virtual register, by r - FirstVirtual (a slice: the
// allocator and the rewrite look a register up for every operand).
type assignment struct {
	locs []location
	set  []bool
}

func newAssignment(f *mir.Func) *assignment {
	n := max(0, int(f.NextV-mir.FirstVirtual))
	return &assignment{locs: make([]location, n), set: make([]bool, n)}
}

// of returns r's location, ok false when r has none (a physical register, or a virtual one
// without an interval: its zero location).
func (a *assignment) of(r mir.Reg) (location, bool) {
	k := int(r - mir.FirstVirtual)
	if k < 0 || k >= len(a.locs) || !a.set[k] {
		return location{}, false
	}
	return a.locs[k], true
}

// at returns r's location (the zero location when it has none).
func (a *assignment) at(r mir.Reg) location {
	loc, _ := a.of(r)
	return loc
}

func (a *assignment) put(r mir.Reg, loc location) {
	k := int(r - mir.FirstVirtual)
	if k >= len(a.locs) { // a register above f.NextV
		a.locs = append(a.locs, make([]location, k+1-len(a.locs))...)
		a.set = append(a.set, make([]bool, k+1-len(a.set))...)
	}
	a.locs[k], a.set[k] = loc, true
}

// allocator is the state of one function's scan: the intervals holding a register are active
// (live at the scan point) or inactive (in a hole at the scan point, live again later).
// Tables by physical register are arrays (every physical register is below FirstVirtual).
type allocator struct {
	f         *mir.Func
	fixed     *fixedSpans // explicit uses of physical registers
	assign    *assignment
	active    []*interval
	inactive  inactiveSet
	inUse     [mir.FirstVirtual]*interval // the active interval holding each register
	slotEnds  []int                       // per slot, the end of the last interval given it
	saved     [mir.FirstVirtual]bool
	extra     map[mir.Class][]mir.Reg // scratch registers given out too (allocate_scratch.go)
	withExtra [2][][]mir.Reg          // by class: the pools with extra
	held      []*interval             // holders' result
}

// linearScan allocates f with intervals of its own (allocate shares one computation of the
// intervals between its allocations).
func linearScan(f *mir.Func) *assignment {
	w := getLiveWork()
	defer w.put()
	ivs, fixed := scanIntervals(w, f)
	return linearScanWith(f, ivs, fixed, nil)
}

// scanIntervals computes f's intervals in w, in scan order (by start).
func scanIntervals(w *liveWork, f *mir.Func) ([]*interval, *fixedSpans) {
	g := mir.BuildCFG(f)
	ivs, fixed := w.intervals(f, g, g.LoopDepth(), nil)
	// Registers differ: any sort gives this one order.
	slices.SortFunc(ivs, func(a, b *interval) int {
		if a.start != b.start {
			return a.start - b.start
		}
		return int(a.reg - b.reg)
	})
	return ivs, fixed
}

// linearScanWith allocates over ivs, in scan order with their cursors at their first ranges,
// with extra[class] appended to that class's caller-saved pool.
func linearScanWith(f *mir.Func, ivs []*interval, fixed *fixedSpans, extra map[mir.Class][]mir.Reg) *assignment {
	// A copy between virtual registers hints its destination to reuse the source's register:
	// when the source dies at the copy, the copy disappears.
	hint := make([]mir.Reg, max(0, int(f.NextV-mir.FirstVirtual))) // by r - FirstVirtual; 0: none
	for _, b := range f.Blocks {
		for _, in := range b.Instrs {
			if (in.Op == mir.MOV && in.W == mir.X || in.Op == mir.FMOV && f.ClassOf(in.Rd) == f.ClassOf(in.Rn)) &&
				in.Rd.IsVirtual() && in.Rn.IsVirtual() {
				k := int(in.Rd - mir.FirstVirtual)
				if k >= len(hint) {
					hint = append(hint, make([]mir.Reg, k+1-len(hint))...)
				}
				hint[k] = in.Rn
			}
		}
	}
	hintOf := func(r mir.Reg) mir.Reg {
		if k := int(r - mir.FirstVirtual); k < len(hint) {
			return hint[k]
		}
		return 0
	}
	a := &allocator{f: f, fixed: fixed, assign: newAssignment(f), extra: extra}
	for _, c := range [...]mir.Class{mir.Int, mir.Float} {
		if x := extra[c]; len(x) > 0 {
			a.withExtra[c] = [][]mir.Reg{callerSaved[c], calleeSaved[c], x}
		}
	}
	for _, iv := range ivs { // from their starts (allocate scans the same intervals twice)
		iv.cur, iv.inactive = 0, false
	}
	for step, iv := range ivs {
		a.advance(iv.start)
		a.inactive.step = step + 1 // what blocked found for the previous interval is stale
		pools := a.pools(iv)
		chosen := mir.NoReg
		if loc, ok := a.assign.of(hintOf(iv.reg)); ok && loc.reg != mir.NoReg && a.free(loc.reg, iv) && inPools(pools, loc.reg) {
			chosen = loc.reg
		}
		for _, pool := range pools {
			for _, r := range pool {
				if chosen == mir.NoReg && a.free(r, iv) {
					chosen = r
				}
			}
		}
		if chosen == mir.NoReg {
			chosen = a.evict(iv, pools)
		}
		if chosen == mir.NoReg {
			a.spill(iv)
			continue
		}
		a.take(iv, chosen)
	}
	f.Slots = int64(len(a.slotEnds))
	f.Saved = nil
	for _, pool := range [][]mir.Reg{intCalleeSaved, floatCalleeSaved} {
		for _, r := range pool {
			if a.saved[r] {
				f.Saved = append(f.Saved, r)
			}
		}
	}
	return a.assign
}

// Pool lists by class: callee-saved only (an interval crossing a call), caller-saved then
// callee-saved (any other).
var (
	callerSaved  = [2][]mir.Reg{mir.Int: intCallerSaved, mir.Float: floatCallerSaved}
	calleeSaved  = [2][]mir.Reg{mir.Int: intCalleeSaved, mir.Float: floatCalleeSaved}
	calleeOnly   = [2][][]mir.Reg{mir.Int: {intCalleeSaved}, mir.Float: {floatCalleeSaved}}
	callerCallee = [2][][]mir.Reg{mir.Int: {intCallerSaved, intCalleeSaved}, mir.Float: {floatCallerSaved, floatCalleeSaved}}
)

func (a *allocator) pools(iv *interval) [][]mir.Reg {
	c := iv.class
	if iv.crossCall {
		return calleeOnly[c]
	}
	if a.withExtra[c] != nil {
		return a.withExtra[c]
	}
	return callerCallee[c]
}

func inPools(pools [][]mir.Reg, r mir.Reg) bool {
	for _, p := range pools {
		for _, x := range p {
			if x == r {
				return true
			}
		}
	}
	return false
}

// advance moves the scan to pos: intervals that ended are dropped, active ones in a hole at pos
// become inactive and inactive ones live again at pos become active.
func (a *allocator) advance(pos int) {
	active := a.active[:0]
	for _, x := range a.active {
		switch {
		case x.end < pos:
			a.inUse[a.assign.at(x.reg).reg] = nil
		case x.covers(pos):
			active = append(active, x)
		default:
			r := a.assign.at(x.reg).reg
			a.inUse[r] = nil
			a.inactive.add(x, r)
		}
	}
	a.active = active
	// Only the inactive intervals whose next range starts by pos can change.
	for {
		x, ok := a.inactive.woken(pos)
		if !ok {
			break
		}
		switch r := a.assign.at(x.reg).reg; {
		case x.end < pos:
			a.inactive.remove(x, r)
		case x.covers(pos):
			a.inactive.remove(x, r)
			a.inUse[r] = x
			a.active = append(a.active, x)
		default:
			a.inactive.sleep(x)
		}
	}
}

// free reports whether r is held by no interval live with iv and used explicitly nowhere iv is live.
func (a *allocator) free(r mir.Reg, iv *interval) bool {
	return a.inUse[r] == nil && !a.inactive.blocks(r, iv) && !iv.meetsFixed(a.fixed[r])
}

// evict frees a register for iv by spilling the intervals holding it where iv is live, choosing
// the register whose holders weigh least together, when that weight is below iv's own.
func (a *allocator) evict(iv *interval, pools [][]mir.Reg) mir.Reg {
	best, bestCost := mir.NoReg, iv.weight
	for _, pool := range pools {
		for _, r := range pool {
			if iv.meetsFixed(a.fixed[r]) {
				continue
			}
			cost := 0.0
			for _, x := range a.holders(r, iv) {
				cost += x.weight
			}
			if cost < bestCost {
				best, bestCost = r, cost
			}
		}
	}
	if best == mir.NoReg {
		return mir.NoReg
	}
	victims := a.holders(best, iv)
	active := a.active[:0]
	for _, x := range a.active {
		if !containsIv(victims, x) {
			active = append(active, x)
		}
	}
	a.active = active
	for _, x := range victims {
		if x.inactive {
			a.inactive.remove(x, best)
		}
	}
	a.inUse[best] = nil
	for _, x := range victims {
		a.spill(x)
	}
	return best
}

// holders returns the active and inactive intervals holding r that are live where iv is (the
// inactive ones latest made inactive first), in a buffer the next call reuses.
func (a *allocator) holders(r mir.Reg, iv *interval) []*interval {
	out := a.held[:0]
	if x := a.inUse[r]; x != nil {
		out = append(out, x)
	}
	if a.inactive.blocks(r, iv) {
		list := a.inactive.byReg[r]
		for i := len(list) - 1; i >= 0; i-- {
			if x := list[i]; x.intersects(iv) {
				out = append(out, x)
			}
		}
	}
	a.held = out
	return out
}

func containsIv(list []*interval, x *interval) bool {
	for _, y := range list {
		if y == x {
			return true
		}
	}
	return false
}

func (a *allocator) take(iv *interval, r mir.Reg) {
	a.inUse[r] = iv
	a.active = append(a.active, iv)
	a.assign.put(iv.reg, location{reg: r})
	if contains(intCalleeSaved, r) || contains(floatCalleeSaved, r) {
		a.saved[r] = true
	}
}

// spill gives iv a stack slot no overlapping interval holds, or rematerialises its constant.
func (a *allocator) spill(iv *interval) {
	if iv.remat != nil {
		a.assign.put(iv.reg, location{reg: mir.NoReg, remat: iv.remat})
		return
	}
	slot := -1
	for s, end := range a.slotEnds {
		if end < iv.start {
			slot = s
			break
		}
	}
	if slot < 0 {
		slot = len(a.slotEnds)
		a.slotEnds = append(a.slotEnds, 0)
	}
	a.slotEnds[slot] = max(a.slotEnds[slot], iv.end)
	a.assign.put(iv.reg, location{reg: mir.NoReg, slot: int64(slot)})
}

func contains(rs []mir.Reg, r mir.Reg) bool {
	for _, x := range rs {
		if x == r {
			return true
		}
	}
	return false
}

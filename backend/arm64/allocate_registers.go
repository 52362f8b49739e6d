// Pass allocate-registers: mir-virtual -> mir-allocated.
//
// Linear-scan register allocation. Each virtual register gets one live interval (from its first
// to its last live point, conservatively covering every block it is live through); intervals are
// scanned by start and given a free register of their class. An interval that spans a call gets
// a callee-saved register (x19..x24, d8..d15; layout-frame saves them) or is spilled; others
// prefer caller-saved registers. A spilled register lives in an 8-byte stack slot and is loaded
// into a scratch register before each use and stored after each definition.
//
//	add w%103, w%101, w%102  =>  add w9, w10, w11            (all three allocated)
//	add w%103, w%101, w%102  =>  ldr x13, [sp, #8] ; add w9, w13, w11   (w%101 spilled)
//
// Design decision: x0..x8 and v0..v7 are never allocated (they carry call arguments and results
// explicitly in the selected code), x13..x15 and v29..v31 are the spill scratch registers, x16
// and x17 address far slots. Holes in live ranges are ignored: simple, and always safe.
package arm64

import (
	"sort"

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
			assign := linearScan(f)
			rewriteAllocated(f, assign)
		}
		return p, nil
	},
}

// Register pools.
var (
	intCallerSaved   = []mir.Reg{9, 10, 11, 12, 8}
	intCalleeSaved   = []mir.Reg{19, 20, 21, 22, 23, 24}
	floatCallerSaved = []mir.Reg{mir.V(16), mir.V(17), mir.V(18), mir.V(19), mir.V(20), mir.V(21), mir.V(22),
		mir.V(23), mir.V(24), mir.V(25), mir.V(26), mir.V(27), mir.V(28)}
	floatCalleeSaved = []mir.Reg{mir.V(8), mir.V(9), mir.V(10), mir.V(11), mir.V(12), mir.V(13), mir.V(14), mir.V(15)}
	intScratch       = []mir.Reg{13, 14, 15}
	floatScratch     = []mir.Reg{mir.V(29), mir.V(30), mir.V(31)}
)

// interval is the conservative live range of one virtual register, in instruction points
// (instruction i uses at 2i and defines at 2i+1).
type interval struct {
	reg        mir.Reg
	start, end int
	crossCall  bool
}

// location is where allocation put a virtual register: a physical register or a spill slot.
type location struct {
	reg  mir.Reg // mir.NoReg when spilled
	slot int64
}

func linearScan(f *mir.Func) map[mir.Reg]location {
	ivs := liveIntervals(f)
	sort.Slice(ivs, func(i, j int) bool {
		if ivs[i].start != ivs[j].start {
			return ivs[i].start < ivs[j].start
		}
		return ivs[i].reg < ivs[j].reg
	})
	assign := map[mir.Reg]location{}
	type activeIv struct {
		end int
		reg mir.Reg
	}
	var active []activeIv
	inUse := map[mir.Reg]bool{}
	saved := map[mir.Reg]bool{}
	var slots int64
	for _, iv := range ivs {
		kept := active[:0]
		for _, a := range active {
			if a.end < iv.start {
				delete(inUse, a.reg)
			} else {
				kept = append(kept, a)
			}
		}
		active = kept
		callerPool, calleePool := intCallerSaved, intCalleeSaved
		if f.Class[iv.reg] == mir.Float {
			callerPool, calleePool = floatCallerSaved, floatCalleeSaved
		}
		pools := [][]mir.Reg{callerPool, calleePool}
		if iv.crossCall {
			pools = [][]mir.Reg{calleePool}
		}
		chosen := mir.NoReg
		for _, pool := range pools {
			for _, r := range pool {
				if !inUse[r] {
					chosen = r
					break
				}
			}
			if chosen != mir.NoReg {
				break
			}
		}
		if chosen == mir.NoReg {
			assign[iv.reg] = location{reg: mir.NoReg, slot: slots}
			slots++
			continue
		}
		inUse[chosen] = true
		active = append(active, activeIv{iv.end, chosen})
		assign[iv.reg] = location{reg: chosen}
		for _, r := range calleePool {
			if r == chosen {
				saved[r] = true
			}
		}
	}
	f.Slots = slots
	f.Saved = nil
	for _, pool := range [][]mir.Reg{intCalleeSaved, floatCalleeSaved} {
		for _, r := range pool {
			if saved[r] {
				f.Saved = append(f.Saved, r)
			}
		}
	}
	return assign
}

// liveIntervals computes one interval per virtual register from block-level liveness.
func liveIntervals(f *mir.Func) []interval {
	index := map[int]int{}
	for i, b := range f.Blocks {
		index[b.ID] = i
	}
	n := len(f.Blocks)
	first, last := make([]int, n), make([]int, n)
	pos := 0
	var calls []int
	for i, b := range f.Blocks {
		first[i] = 2 * pos
		for _, in := range b.Instrs {
			if in.Op.IsCall() {
				calls = append(calls, 2*pos+1)
			}
			pos++
		}
		last[i] = 2*pos - 1
		if len(b.Instrs) == 0 {
			last[i] = first[i]
		}
	}
	succs := make([][]int, n)
	use := make([]map[mir.Reg]bool, n)
	def := make([]map[mir.Reg]bool, n)
	for i, b := range f.Blocks {
		use[i], def[i] = map[mir.Reg]bool{}, map[mir.Reg]bool{}
		ends := false
		for _, in := range b.Instrs {
			if in.Op.IsBranch() {
				succs[i] = append(succs[i], index[in.Target])
			}
			ends = in.Op.IsTerminator()
			d, u := in.DefsUses()
			for _, r := range u {
				if r.IsVirtual() && !def[i][r] {
					use[i][r] = true
				}
			}
			for _, r := range d {
				if r.IsVirtual() {
					def[i][r] = true
				}
			}
		}
		if !ends && i+1 < n {
			succs[i] = append(succs[i], i+1)
		}
	}
	liveIn := make([]map[mir.Reg]bool, n)
	liveOut := make([]map[mir.Reg]bool, n)
	for i := range liveIn {
		liveIn[i], liveOut[i] = map[mir.Reg]bool{}, map[mir.Reg]bool{}
	}
	for changed := true; changed; {
		changed = false
		for i := n - 1; i >= 0; i-- {
			for _, s := range succs[i] {
				for r := range liveIn[s] {
					if !liveOut[i][r] {
						liveOut[i][r] = true
						changed = true
					}
				}
			}
			for r := range use[i] {
				if !liveIn[i][r] {
					liveIn[i][r] = true
					changed = true
				}
			}
			for r := range liveOut[i] {
				if !def[i][r] && !liveIn[i][r] {
					liveIn[i][r] = true
					changed = true
				}
			}
		}
	}
	ivs := map[mir.Reg]*interval{}
	extend := func(r mir.Reg, p int) {
		iv, ok := ivs[r]
		if !ok {
			ivs[r] = &interval{reg: r, start: p, end: p}
			return
		}
		if p < iv.start {
			iv.start = p
		}
		if p > iv.end {
			iv.end = p
		}
	}
	pos = 0
	for i, b := range f.Blocks {
		for r := range liveIn[i] {
			extend(r, first[i])
		}
		for r := range liveOut[i] {
			extend(r, last[i]+1)
		}
		for _, in := range b.Instrs {
			d, u := in.DefsUses()
			for _, r := range u {
				if r.IsVirtual() {
					extend(r, 2*pos)
				}
			}
			for _, r := range d {
				if r.IsVirtual() {
					extend(r, 2*pos+1)
				}
			}
			pos++
		}
	}
	var out []interval
	for _, iv := range ivs {
		for _, c := range calls {
			if iv.start < c && iv.end > c {
				iv.crossCall = true
				break
			}
		}
		out = append(out, *iv)
	}
	return out
}

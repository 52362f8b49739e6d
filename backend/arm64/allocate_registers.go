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
	"math/bits"
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
	// A copy between virtual registers hints its destination to reuse the source's register:
	// when the source dies at the copy, the copy disappears.
	hint := map[mir.Reg]mir.Reg{}
	for _, b := range f.Blocks {
		for _, in := range b.Instrs {
			if (in.Op == mir.MOV && in.W == mir.X || in.Op == mir.FMOV && f.ClassOf(in.Rd) == f.ClassOf(in.Rn)) &&
				in.Rd.IsVirtual() && in.Rn.IsVirtual() {
				hint[in.Rd] = in.Rn
			}
		}
	}
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
		if loc, ok := assign[hint[iv.reg]]; ok && loc.reg != mir.NoReg && !inUse[loc.reg] &&
			(!iv.crossCall || contains(calleePool, loc.reg)) {
			chosen = loc.reg
		}
		for _, pool := range pools {
			if chosen != mir.NoReg {
				break
			}
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

func contains(rs []mir.Reg, r mir.Reg) bool {
	for _, x := range rs {
		if x == r {
			return true
		}
	}
	return false
}

// bitset is a set of virtual registers, indexed from mir.FirstVirtual.
type bitset []uint64

func (b bitset) has(i int) bool { return b[i>>6]&(1<<(i&63)) != 0 }
func (b bitset) set(i int)      { b[i>>6] |= 1 << (i & 63) }

// liveIntervals computes one interval per virtual register from block-level liveness (bitsets
// over the dense virtual register numbers).
func liveIntervals(f *mir.Func) []interval {
	nv := int(f.NextV - mir.FirstVirtual)
	if nv <= 0 {
		return nil
	}
	words := (nv + 63) / 64
	index := map[int]int{}
	for i, b := range f.Blocks {
		index[b.ID] = i
	}
	n := len(f.Blocks)
	first, last := make([]int, n), make([]int, n)
	pos := 0
	var calls []int
	succs := make([][]int, n)
	use, def := make([]bitset, n), make([]bitset, n)
	liveIn, liveOut := make([]bitset, n), make([]bitset, n)
	for i, b := range f.Blocks {
		use[i], def[i] = make(bitset, words), make(bitset, words)
		liveIn[i], liveOut[i] = make(bitset, words), make(bitset, words)
		first[i] = 2 * pos
		ends := false
		for _, in := range b.Instrs {
			if in.Op.IsCall() {
				calls = append(calls, 2*pos+1)
			}
			if in.Op.IsBranch() {
				succs[i] = append(succs[i], index[in.Target])
			}
			ends = in.Op.IsTerminator()
			d, u := in.DefsUses()
			for _, r := range u {
				if r.IsVirtual() && !def[i].has(int(r-mir.FirstVirtual)) {
					use[i].set(int(r - mir.FirstVirtual))
				}
			}
			for _, r := range d {
				if r.IsVirtual() {
					def[i].set(int(r - mir.FirstVirtual))
				}
			}
			pos++
		}
		last[i] = 2*pos - 1
		if len(b.Instrs) == 0 {
			last[i] = first[i]
		}
		if !ends && i+1 < n {
			succs[i] = append(succs[i], i+1)
		}
	}
	for changed := true; changed; {
		changed = false
		for i := n - 1; i >= 0; i-- {
			out, in := liveOut[i], liveIn[i]
			for _, s := range succs[i] {
				for w, x := range liveIn[s] {
					out[w] |= x
				}
			}
			for w := range in {
				x := use[i][w] | out[w]&^def[i][w]
				if x != in[w] {
					in[w] = x
					changed = true
				}
			}
		}
	}
	start := make([]int, nv)
	end := make([]int, nv)
	for i := range start {
		start[i], end[i] = -1, -1
	}
	extend := func(v, p int) {
		if start[v] < 0 || p < start[v] {
			start[v] = p
		}
		if p > end[v] {
			end[v] = p
		}
	}
	pos = 0
	for i, b := range f.Blocks {
		for w := 0; w < words; w++ {
			for x := liveIn[i][w]; x != 0; x &= x - 1 {
				extend(w*64+bits.TrailingZeros64(x), first[i])
			}
			for x := liveOut[i][w]; x != 0; x &= x - 1 {
				extend(w*64+bits.TrailingZeros64(x), last[i]+1)
			}
		}
		for _, in := range b.Instrs {
			d, u := in.DefsUses()
			for _, r := range u {
				if r.IsVirtual() {
					extend(int(r-mir.FirstVirtual), 2*pos)
				}
			}
			for _, r := range d {
				if r.IsVirtual() {
					extend(int(r-mir.FirstVirtual), 2*pos+1)
				}
			}
			pos++
		}
	}
	var out []interval
	for v := 0; v < nv; v++ {
		if start[v] < 0 {
			continue
		}
		iv := interval{reg: mir.FirstVirtual + mir.Reg(v), start: start[v], end: end[v]}
		// calls is sorted: find the first call after start.
		k := sort.SearchInts(calls, start[v]+1)
		iv.crossCall = k < len(calls) && calls[k] < end[v]
		out = append(out, iv)
	}
	return out
}

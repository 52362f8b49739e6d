// Pass coalesce-copies: mir-virtual -> mir-virtual.
//
// Merges the two virtual registers of a register-to-register copy into one when their live
// ranges (allocate-registers' intervals, with holes) never meet, and deletes the copy, which now
// copies a register to itself. Copies come mostly from block arguments (select-instructions moves
// each argument into the target's parameter register on the edge), so a loop-carried value keeps
// one register around the loop instead of rotating through several. Only copies inside loops
// are tried (a function without one costs no liveness), deeper loops first; a merged register's ranges are the union of both, so a later copy sees every
// merge made before it. A constant defined by one movz/movn is left alone: the allocator
// rematerialises it, which a merged register (defined twice) would prevent.
//
//	mov x%110, x%103 ; b .Lf_1   (x%103 dead after the copy, x%110 dead before it)
//	  =>  b .Lf_1                (every x%110 renamed x%103)
//
// Design decision: aggressive coalescing (any non-overlapping pair) without a test of register
// pressure; linear scan with holes absorbs a longer merged range, and measured on bench/ it only
// removes instructions.
package arm64

import (
	"slices"

	"cot/ir/mir"
	"cot/ir/pipeline"
)

var coalesceCopiesPass = pipeline.Pass{
	Name: "coalesce-copies",
	In:   LangMIRVirtual,
	Out:  LangMIRVirtual,
	Run: func(ctx *pipeline.Ctx, prog any) (any, error) {
		p := prog.(*mir.Program)
		for _, f := range p.Funcs {
			ctx.Func = f.Name
			coalesceCopies(f)
		}
		return p, nil
	},
}

func coalesceCopies(f *mir.Func) {
	type copyAt struct {
		in    *mir.Instr
		depth int
	}
	var copies []copyAt
	if !hasCopy(f) {
		return // no loops needed to know
	}
	g := mir.BuildCFG(f)
	depth := g.LoopDepth()
	for i, b := range f.Blocks {
		for _, in := range b.Instrs {
			if depth[i] > 0 && isCopy(f, in) && in.Rd.IsVirtual() && in.Rn.IsVirtual() && in.Rd != in.Rn {
				copies = append(copies, copyAt{in, depth[i]})
			}
		}
	}
	if len(copies) == 0 {
		return
	}
	slices.SortStableFunc(copies, func(a, b copyAt) int { return b.depth - a.depth })
	// Only the registers of the copies need intervals: liveness and ranges of those alone.
	nregs := max(0, int(f.NextV-mir.FirstVirtual))
	for _, c := range copies {
		nregs = max(nregs, int(c.in.Rd-mir.FirstVirtual)+1, int(c.in.Rn-mir.FirstVirtual)+1)
	}
	want := make([]bool, nregs)
	for _, c := range copies {
		want[c.in.Rd-mir.FirstVirtual], want[c.in.Rn-mir.FirstVirtual] = true, true
	}
	w := getLiveWork()
	defer w.put()
	ivs, _ := w.intervals(f, g, depth, want)
	// By r - FirstVirtual: the ranges of each set of merged registers at its root (nil: a
	// rematerialised constant, left alone), and each register's parent in its set (0: a root).
	ranges := make([][]span, nregs)
	for _, iv := range ivs {
		if iv.remat == nil {
			ranges[iv.reg-mir.FirstVirtual] = iv.ranges
		}
	}
	parent := make([]mir.Reg, nregs)
	var find func(r mir.Reg) mir.Reg
	find = func(r mir.Reg) mir.Reg {
		k := r - mir.FirstVirtual
		if k < 0 || int(k) >= len(parent) || parent[k] == 0 {
			return r
		}
		root := find(parent[k])
		parent[k] = root
		return root
	}
	merged := false
	for _, c := range copies {
		a, b := find(c.in.Rd), find(c.in.Rn)
		ra, rb := ranges[a-mir.FirstVirtual], ranges[b-mir.FirstVirtual]
		if a == b || ra == nil || rb == nil || spansMeet(ra, rb) {
			continue
		}
		ranges[a-mir.FirstVirtual] = unionSpans(ra, rb)
		ranges[b-mir.FirstVirtual] = nil
		parent[b-mir.FirstVirtual] = a
		merged = true
	}
	if !merged {
		return
	}
	for _, b := range f.Blocks {
		kept := b.Instrs[:0]
		for _, in := range b.Instrs {
			for _, p := range [...]*mir.Reg{&in.Rd, &in.Rn, &in.Rm, &in.Ra} {
				if p.IsVirtual() {
					*p = find(*p)
				}
			}
			if isCopy(f, in) && in.Rd == in.Rn {
				continue
			}
			kept = append(kept, in)
		}
		b.Instrs = kept
	}
}

// hasCopy reports whether f copies a virtual register to another.
func hasCopy(f *mir.Func) bool {
	for _, b := range f.Blocks {
		for _, in := range b.Instrs {
			if (in.Op == mir.MOV || in.Op == mir.FMOV) && in.Rd.IsVirtual() && in.Rn.IsVirtual() && in.Rd != in.Rn && isCopy(f, in) {
				return true
			}
		}
	}
	return false
}

// spansMeet reports whether two sorted lists of spans share a point.
func spansMeet(a, b []span) bool {
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i].end < b[j].start:
			i++
		case b[j].end < a[i].start:
			j++
		default:
			return true
		}
	}
	return false
}

// unionSpans merges two sorted lists of disjoint spans that do not meet, joining touching ones.
func unionSpans(a, b []span) []span {
	out := make([]span, 0, len(a)+len(b))
	add := func(s span) {
		if n := len(out); n > 0 && s.start <= out[n-1].end+1 {
			out[n-1].end = max(out[n-1].end, s.end)
			return
		}
		out = append(out, s)
	}
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		if j == len(b) || i < len(a) && a[i].start < b[j].start {
			add(a[i])
			i++
		} else {
			add(b[j])
			j++
		}
	}
	return out
}

package verify

import "cot/ir/mir"

// tracked reports whether liveness follows register r: allocatable physical registers only
// (x0..x24, v0..v31); the reserved registers x25..x30, sp and zr hold fixed roles.
func tracked(r mir.Reg) bool {
	return r >= 0 && r <= 24 || r.IsFloat()
}

type regSet map[mir.Reg]bool

// clobbers checks "no-clobber-across-call" with a backward liveness analysis.
func (v *mirVerifier) clobbers() {
	f := v.f
	index := map[int]int{}
	for i, b := range f.Blocks {
		index[b.ID] = i
	}
	succs := func(i int) []int {
		b := f.Blocks[i]
		var out []int
		falls := true
		for _, in := range b.Instrs {
			if in.Op.IsBranch() {
				out = append(out, index[in.Target])
			}
		}
		if n := len(b.Instrs); n > 0 && b.Instrs[n-1].Op.IsTerminator() {
			falls = false
		}
		if falls && i+1 < len(f.Blocks) {
			out = append(out, i+1)
		}
		return out
	}
	liveIn := make([]regSet, len(f.Blocks))
	for i := range liveIn {
		liveIn[i] = regSet{}
	}
	// transfer walks block i backwards from its live-out set, calling at for each instruction
	// with the set live after it.
	transfer := func(i int, at func(in *mir.Instr, after regSet)) regSet {
		live := regSet{}
		for _, s := range succs(i) {
			for r := range liveIn[s] {
				live[r] = true
			}
		}
		instrs := f.Blocks[i].Instrs
		for k := len(instrs) - 1; k >= 0; k-- {
			in := instrs[k]
			if in.Op.IsBranch() && in.Op != mir.B {
				for r := range liveIn[index[in.Target]] {
					live[r] = true
				}
			}
			if at != nil {
				at(in, live)
			}
			defs, uses := in.DefsUses()
			if in.Op.IsCall() {
				defs = append(defs, mir.CallerSaved()...)
			}
			for _, d := range defs {
				delete(live, d)
			}
			for _, u := range uses {
				if tracked(u) {
					live[u] = true
				}
			}
		}
		return live
	}
	for changed := true; changed; {
		changed = false
		for i := len(f.Blocks) - 1; i >= 0; i-- {
			in := transfer(i, nil)
			if len(in) != len(liveIn[i]) {
				liveIn[i] = in
				changed = true
			}
		}
	}
	for i, b := range f.Blocks {
		transfer(i, func(in *mir.Instr, after regSet) {
			if !in.Op.IsCall() {
				return
			}
			results := regSet{}
			for _, d := range in.Defs {
				results[d] = true
			}
			for _, r := range mir.CallerSaved() {
				if after[r] && !results[r] {
					v.errorf(b, in, "register %s is live across the call, which clobbers it", v.f.RegName(r, mir.X))
				}
			}
		})
	}
}

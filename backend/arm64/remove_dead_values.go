// Pass remove-dead-values: ssa -> ssa-opt.
//
// Removes pure values nobody needs and block parameters whose values nobody needs (with their
// edge arguments). Liveness starts from side effects (stores, calls, possibly-trapping
// operations, global.set) and terminator operands, and flows from a live parameter to the
// arguments its incoming edges pass.
//
//	v7:i32 = i32.add v1, v2   (v7 unused)  =>  (removed)
package arm64

import (
	"cot/ir/pipeline"
	"cot/ir/ssa"
)

var removeDeadValuesPass = pipeline.Pass{
	Name: "remove-dead-values",
	In:   LangSSA,
	Out:  LangSSAOpt,
	Run: func(ctx *pipeline.Ctx, prog any) (any, error) {
		p := prog.(*ssa.Program)
		for _, f := range p.Funcs {
			ctx.Func = f.Name
			removeDeadValues(f)
		}
		return p, nil
	},
}

func removeDeadValues(f *ssa.Func) {
	in := incomingByPos(f)
	// By value id: liveness, and each parameter's block position and index (slices, not maps:
	// every value of every function passes here).
	live := newValueTable[bool](f)
	type paramAt struct{ block, index int32 }
	params := newValueTable[paramAt](f)
	for k, b := range f.Blocks {
		for i, p := range b.Params {
			*params.at(p) = paramAt{int32(k), int32(i)}
		}
	}
	var work []*ssa.Value
	mark := func(v *ssa.Value) {
		if l := live.at(v); !*l {
			*l = true
			work = append(work, v)
		}
	}
	for _, b := range f.Blocks {
		for _, v := range b.Instrs {
			if !ssa.IsPure(v.Op) {
				mark(v)
			}
		}
		if b.Term.Cond != nil {
			mark(b.Term.Cond)
		}
		for _, v := range b.Term.Values {
			mark(v)
		}
	}
	for _, p := range f.Blocks[0].Params {
		mark(p)
	}
	for len(work) > 0 {
		v := work[len(work)-1]
		work = work[:len(work)-1]
		for _, a := range v.Args {
			mark(a)
		}
		if v.Op == ssa.OpParam {
			at := *params.at(v)
			if f.Blocks[at.block].Params[at.index] != v {
				panic("remove-dead-values: parameter not in its block")
			}
			for _, e := range in[at.block] {
				mark(e.Args[at.index])
			}
		}
	}
	for k, b := range f.Blocks {
		keep := b.Instrs[:0] // in place: a block's instruction list is its own
		for _, v := range b.Instrs {
			if *live.at(v) {
				keep = append(keep, v)
			}
		}
		clear(b.Instrs[len(keep):])
		b.Instrs = keep
		if k == 0 {
			continue
		}
		dead := false
		for _, p := range b.Params {
			dead = dead || !*live.at(p)
		}
		if dead { // in one sweep: a block may have thousands of parameters
			keepParam := func(i int) bool { return *live.at(b.Params[i]) }
			for _, e := range in[k] {
				e.Args = filterValues(e.Args, keepParam)
			}
			b.Params = filterValues(b.Params, keepParam)
		}
	}
}

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
	in := incoming(f)
	live := map[*ssa.Value]bool{}
	var work []*ssa.Value
	mark := func(v *ssa.Value) {
		if !live[v] {
			live[v] = true
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
			idx := paramIndex(v)
			for _, e := range in[v.Block] {
				mark(e.Args[idx])
			}
		}
	}
	for _, b := range f.Blocks {
		var keep []*ssa.Value
		for _, v := range b.Instrs {
			if live[v] {
				keep = append(keep, v)
			}
		}
		b.Instrs = keep
		if b == f.Blocks[0] {
			continue
		}
		for i := 0; i < len(b.Params); i++ {
			if live[b.Params[i]] {
				continue
			}
			b.Params = append(b.Params[:i:i], b.Params[i+1:]...)
			for _, e := range in[b] {
				e.Args = append(e.Args[:i:i], e.Args[i+1:]...)
			}
			i--
		}
	}
}

func paramIndex(p *ssa.Value) int {
	for i, q := range p.Block.Params {
		if q == p {
			return i
		}
	}
	panic("remove-dead-values: parameter not in its block")
}

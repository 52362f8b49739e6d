// Pass resolve-branches: mir-final -> mir-final.
//
// Removes unconditional branches to the block that follows in layout order (fall through) and
// then blocks that nothing branches to and nothing falls into.
//
//	.Lf_3: ... ; b .Lf_4 ; .Lf_4: ...  =>  .Lf_3: ... ; .Lf_4: ...
package arm64

import (
	"cot/ir/mir"
	"cot/ir/pipeline"
)

var resolveBranchesPass = pipeline.Pass{
	Name: "resolve-branches",
	In:   LangMIRFinal,
	Out:  LangMIRFinal,
	Run: func(ctx *pipeline.Ctx, prog any) (any, error) {
		p := prog.(*mir.Program)
		for _, f := range p.Funcs {
			ctx.Func = f.Name
			resolveBranches(f)
		}
		return p, nil
	},
}

func resolveBranches(f *mir.Func) {
	for i, b := range f.Blocks {
		n := len(b.Instrs)
		if i+1 < len(f.Blocks) && n > 0 && b.Instrs[n-1].Op == mir.B && b.Instrs[n-1].Target == f.Blocks[i+1].ID {
			b.Instrs = b.Instrs[:n-1]
		}
	}
}

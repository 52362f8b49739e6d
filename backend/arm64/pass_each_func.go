package arm64

import (
	"cot/ir/mir"
	"cot/ir/pipeline"
	"cot/ir/ssa"
)

// eachSSAFunc is the Run of an SSA pass that rewrites one function at a time: run reports
// whether it changed the function, and a pass that changed none says so (Ctx.Unchanged), so
// that the streamed run need not verify the unit again.
func eachSSAFunc(run func(*ssa.Func) bool) func(*pipeline.Ctx, any) (any, error) {
	return func(ctx *pipeline.Ctx, prog any) (any, error) {
		p := prog.(*ssa.Program)
		changed := false
		for _, f := range p.Funcs {
			ctx.Func = f.Name
			changed = run(f) || changed
		}
		if !changed {
			ctx.Unchanged()
		}
		return p, nil
	}
}

// eachMIRFunc is eachSSAFunc for a MIR pass.
func eachMIRFunc(run func(*mir.Func) bool) func(*pipeline.Ctx, any) (any, error) {
	return func(ctx *pipeline.Ctx, prog any) (any, error) {
		p := prog.(*mir.Program)
		changed := false
		for _, f := range p.Funcs {
			ctx.Func = f.Name
			changed = run(f) || changed
		}
		if !changed {
			ctx.Unchanged()
		}
		return p, nil
	}
}

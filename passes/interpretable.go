package passes

import (
	"cot/ir/ast"
	"cot/ir/pipeline"
)

// Interpretable returns p, the output of any typed ast pass, ready for the reference interpreter
// (ast.Interpret): with the runtime imported when p calls routines of the runtime written in Cot
// (call-runtime between lower-print and import-runtime, or @alloc and its kin before
// lower-builtins makes them runtime calls), so the interpreter runs their Cot code. Used by
// TestEveryPassKeepsMeaning and the differential generator's test (internal/progen).
func Interpretable(ctx *pipeline.Ctx, p *ast.Program) (*ast.Program, error) {
	calls := false
	r := &ast.Rewriter{Expr: func(r *ast.Rewriter, e ast.Expr) ast.Expr {
		switch e := e.(type) {
		case *ast.RuntimeCall:
			calls = true
		case *ast.HostCall:
			if routine := ast.HostBuiltins[e.Name].Routine; routine != "" {
				calls = true
				return &ast.RuntimeCall{At: e.At, Typed: e.Typed, Name: routine, Args: r.RewriteExprs(e.Args)}
			}
		}
		return r.DefaultExpr(e)
	}}
	routed := r.Program(p)
	if !calls {
		return p, nil
	}
	out, err := importRuntime(ctx, routed)
	if err != nil {
		return nil, err
	}
	return out.(*ast.Program), nil
}

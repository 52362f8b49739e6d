package passes

// Calls through function values in make-memory-explicit (see make_memory_explicit.go): as a
// direct call's, aggregate arguments become addresses of fresh copies and an aggregate result is
// written into a fresh slot of the caller passed first, so a call-indirect matches the lowered
// signature of the function it reaches (a fn-lit lifted by convert-closures is lowered like any
// function). The callee keeps its fn type: lower-to-wasm takes the call's Wasm type from its
// arguments and result.
//
//	(call-indirect:Pt f#3 p#4)  =>  (call-indirect:(ptr Pt) f#3 (alloca:(ptr Pt)) (block … copy of p#4 …))

import (
	"cot/ir/ast"
	"cot/ir/types"
)

func (m *memoryLowerer) callIndirect(r *ast.Rewriter, c *ast.CallIndirect) ast.Expr {
	out := &ast.CallIndirect{At: c.At, Typed: c.Typed, Callee: r.RewriteExpr(c.Callee)}
	if isAggregate(c.T) {
		out.T = types.PointerTo(c.T)
		out.Args = append(out.Args, &ast.Alloca{At: c.At, Typed: ast.Typed{T: out.T}})
	}
	for _, a := range c.Args {
		if isAggregate(a.Type()) {
			out.Args = append(out.Args, m.fresh(r, a))
		} else {
			out.Args = append(out.Args, r.RewriteExpr(a))
		}
	}
	return out
}

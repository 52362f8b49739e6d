package passes

// The front end streams flatten-expressions and lower-to-wasm (ir/pipeline/stream.go): each
// function is flattened and its flattened tree lowered to its Wasm body at once, so the whole
// program's ANF tree is never held (it was the largest live heap of the front end, and the
// collector marked it several times on a large program) and functions are lowered beside each
// other on several cores. The module is the one the passes make one at a time over the whole
// program: the units lower against the module's start, which lower-to-wasm makes here from the
// input of flatten-expressions (the functions' headers, the globals and the data, which
// flattening does not change; the host calls in evaluation order, importHost), and the join
// adds the bodies in function order (wasmStart.finish). Under --verify=each the two passes run
// one at a time: the verifier checks whole programs.

import (
	"cot/ir/ast"
	"cot/ir/pipeline"
)

// frontStream is the front end's pipeline.Stream.
var frontStream = &pipeline.Stream{
	First:       "flatten-expressions",
	Last:        "lower-to-wasm",
	VerifyWhole: true,
	Units: func(ctx *pipeline.Ctx, prog any) []any {
		p := prog.(*ast.Program)
		startFlatten(ctx, p)
		st, funcs := startModule(p)
		ctx.Store[lowerKey] = st
		// p keeps its globals only: each function's tree belongs to its unit, which drops it
		// once flattened.
		rest := p.Decls[:0:0]
		for _, d := range p.Decls {
			if _, ok := d.(*ast.Func); !ok {
				rest = append(rest, d)
			}
		}
		p.Decls = rest
		units := make([]any, len(funcs))
		for i, f := range funcs {
			units[i] = &streamUnit{fn: f.(*ast.Func)}
		}
		return units
	},
	Join: func(ctx *pipeline.Ctx, _ any, outs []any) (any, error) {
		st := ctx.Store[lowerKey].(*wasmStart)
		for _, o := range outs {
			st.finish(o.(*loweredFunc))
		}
		return st.b.m, nil
	},
}

// streamUnit is one function of the stream, until flatten-expressions takes it (only the
// unit's own worker touches it).
type streamUnit struct{ fn *ast.Func }

// take returns the unit's function and drops the unit's hold on it.
func (u *streamUnit) take() *ast.Func {
	f := u.fn
	u.fn = nil
	return f
}

// unitOf returns the unit a streamed pass works on, or nil when it sees the whole program.
func unitOf(ctx *pipeline.Ctx) *streamUnit {
	u, _ := ctx.Unit.(*streamUnit)
	return u
}

package passes

// The front end streams its last passes, flatten-expressions to encode (ir/pipeline/stream.go):
// each function is flattened, lowered to its Wasm body, optimized, validated and encoded at
// once, so neither the whole program's ANF tree nor the whole module's instructions are ever
// held (they were the largest live heaps of the front end, and the collector marked the tree
// several times on a large program), and functions are compiled beside each other on several
// cores. The bytes are the ones the passes make one at a time over the whole program: the units
// lower against the module but its bodies, which lower-to-wasm makes here from the input of
// flatten-expressions (the functions' headers, the globals and the data, which flattening does
// not change; the host calls and calls through the table in evaluation order, scanModule), and
// the join links that module (link-runtime changes no body) and encodes it around the bodies'
// bytes in function order. Under --verify=each each unit's outputs are checked as they are made
// (front_stream_verify.go).

import (
	"cot/ir/ast"
	"cot/ir/pipeline"
	"cot/ir/wasm"
)

// frontStream is the front end's pipeline.Stream.
var frontStream = &pipeline.Stream{
	First:      "flatten-expressions",
	Last:       "encode",
	VerifyUnit: verifyUnit,
	VerifyJoin: verifyJoin,
	// Each pass's preparation of the whole program, timed as that pass's work.
	Start: map[string]func(ctx *pipeline.Ctx, prog any){
		"flatten-expressions": func(ctx *pipeline.Ctx, prog any) { startFlatten(ctx, prog.(*ast.Program)) },
		"lower-to-wasm": func(ctx *pipeline.Ctx, prog any) {
			st, funcs := startModule(prog.(*ast.Program))
			ctx.Store[lowerKey], ctx.Store[funcsKey] = st, funcs
		},
		"encode": func(ctx *pipeline.Ctx, _ any) { startEncode(ctx, ctx.Store[lowerKey].(*wasmStart).b.m) },
	},
	Units: func(ctx *pipeline.Ctx, prog any) []any {
		p := prog.(*ast.Program)
		startStreamVerify(ctx, p) // front_stream_verify.go
		funcs := ctx.Store[funcsKey].([]ast.Decl)
		delete(ctx.Store, funcsKey)
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
			units[i] = &streamUnit{index: i, fn: f.(*ast.Func)}
		}
		if ctx.VerifyEach() {
			ctx.Store[unitsKey] = units // the join's check reads their binders
		}
		return units
	},
	Join: func(ctx *pipeline.Ctx, _ any, outs []any) (any, error) {
		// link-runtime's part is the module's (the bodies it leaves alone); encode's, the
		// module's sections around the bodies' bytes.
		m, err := linkRuntime(ctx, ctx.Store[lowerKey].(*wasmStart).b.m)
		if err != nil {
			return nil, err
		}
		code := make([][]byte, len(outs))
		dataCount := false
		for i, o := range outs {
			e := o.(*encodedFunc)
			code[i], dataCount = e.code, dataCount || e.dataCount
		}
		return encodeParts(m.(*wasm.Module), code, dataCount), nil
	},
}

// streamUnit is one function of the stream, until flatten-expressions takes it (only the
// unit's own worker touches it).
type streamUnit struct {
	index int // the function's index among the defined functions
	fn    *ast.Func
	// binders are the binder IDs of the unit's flattened function, under --verify=each
	// (front_stream_verify.go): the join checks that no two units share one.
	binders []int
}

const (
	unitsKey = "stream units"
	funcsKey = "stream functions" // lower-to-wasm's Start to Units: the functions in index order
)

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

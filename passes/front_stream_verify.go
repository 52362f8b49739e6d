package passes

// The front end's stream under --verify=each (front_stream.go): each unit's output of each
// streamed pass is checked as the whole program's would be, so the stream keeps its streaming
// (one function's tree at a time) and its cores under the default mode too.
//
//   - flatten-expressions: a unit's function is walked by the ast verifier against a frame of the
//     rest of the program (verify.ASTFrame), made once from the stream's input: the top-level
//     binders, the functions' headers, the globals and types, which the stream's passes do not
//     change (a unit whose function's header changed fails). The frame's own checks fail every
//     unit, so the first unit reports them, whichever worker gets there first.
//   - lower-to-wasm, link-runtime, optimize-wasm-peephole: a unit's body is validated against the
//     module but its bodies, which lower-to-wasm made from the stream's input (the validator
//     encode uses, verify.WasmValidator).
//   - at the join: the binder IDs across units (flatten-expressions; the IDs a unit's flattening
//     makes are its own, ast.IDs.Fork), and the module's own rules
//     before link-runtime (lower-to-wasm's language) and after (link-runtime's); the encoded
//     module is checked by the pipeline as the stream's output.

import (
	"sync"

	"cot/ir/ast"
	"cot/ir/pipeline"
	"cot/ir/wasm"
	"cot/verify"
)

// streamVerify is what the units' checks share: the program but its bodies, and the frame made
// of it on the first unit's check (its language is the one the pipeline checks units against).
type streamVerify struct {
	top   *ast.Program // the stream's input, each function a header (Body nil)
	once  sync.Once
	frame *verify.ASTFrame
	errs  []error // the frame's own
}

const verifyKey = "verify stream"

// startStreamVerify keeps of p, the stream's input, what the units' checks need.
func startStreamVerify(ctx *pipeline.Ctx, p *ast.Program) {
	if !ctx.VerifyEach() {
		return
	}
	top := &ast.Program{Types: p.Types, Data: p.Data, Modules: p.Modules, Decls: make([]ast.Decl, len(p.Decls))}
	for i, d := range p.Decls {
		if f, ok := d.(*ast.Func); ok {
			h := *f
			h.Body = nil // the frame reads headers only; the bodies belong to the units
			d = &h
		}
		top.Decls[i] = d
	}
	ctx.Store[verifyKey] = &streamVerify{top: top}
}

// verifyUnit is the stream's Stream.VerifyUnit.
func verifyUnit(ctx *pipeline.Ctx, pass string, lang *pipeline.Lang, out any) []error {
	u := unitOf(ctx)
	switch o := out.(type) {
	case *ast.Program:
		sv := ctx.Store[verifyKey].(*streamVerify)
		sv.once.Do(func() {
			sv.frame, sv.errs = verify.NewASTFrame(lang, sv.top)
			sv.top = nil
		})
		if len(sv.errs) > 0 {
			return sv.errs
		}
		errs, binders := sv.frame.Unit(o.Decls)
		u.binders = binders
		return errs
	case *loweredFunc:
		val := ctx.Store[encodeKey].(*verify.WasmValidator)
		name := ctx.Store[lowerKey].(*wasmStart).b.m.Funcs[u.index].Name // the module's, as a whole check names it
		if err := val.Func(u.index, &wasm.Func{TypeIdx: o.typeIdx, Locals: o.locals, Body: o.body, Name: name}); err != nil {
			return []error{err}
		}
		return nil
	case *encodedFunc:
		return nil // bytes of one body, which the join's module holds: checked there
	}
	return pipeline.Binary.Verify(lang, out) // no pass of the stream makes anything else
}

// verifyJoin is the stream's Stream.VerifyJoin.
func verifyJoin(ctx *pipeline.Ctx, _ any, _ []any) (string, any, []error) {
	sv := ctx.Store[verifyKey].(*streamVerify)
	var binders [][]int
	for _, u := range ctx.Store[unitsKey].([]any) {
		binders = append(binders, u.(*streamUnit).binders)
	}
	if errs := sv.frame.Join(binders, ctx.Store[flattenKey].(*flattenShared).ids.Last()); len(errs) > 0 {
		return "flatten-expressions", &ast.Program{}, errs
	}
	m := ctx.Store[lowerKey].(*wasmStart).b.m
	if errs := verify.WasmModule(wasm.LangStructured, m); len(errs) > 0 {
		return "lower-to-wasm", m, errs
	}
	linked, err := linkRuntime(ctx, m)
	if err != nil {
		return "link-runtime", m, []error{err}
	}
	if errs := verify.WasmModule(wasm.LangFinal, linked.(*wasm.Module)); len(errs) > 0 {
		return "link-runtime", linked, errs
	}
	return "", nil, nil
}

// Pass lower-to-wasm: anf -> wasm-structured.
// (File lower_to_wasm_pass.go: a name ending in _wasm.go would build only for GOARCH=wasm.)
//
// Translates the ANF tree into a Wasm module: one Wasm function per function (i64 and u64 are
// Wasm i64; narrower integers and bool, 0/1, are i32: lower_to_wasm_int.go; f32 and f64 are
// Wasm f32 and f64: lower_to_wasm_float.go), one Wasm local per local binder, one mutable global per global, the
// static data image as an active data segment at ast.DataBase in an exported memory, and
// structured control flow (if/else; loops as block+loop with an inner block that `continue`
// leaves, so the step runs). Host builtins and @exit are WASI calls (lower_to_wasm_host.go).
//
//	(while-step L c STEP BODY)  =>  block  loop  c i32.eqz br_if 1  block BODY end  STEP br 0  end  end
//	(+:i64 a b)                 =>  local.get a  local.get b  i64.add
//	(/:i64 a b)                 =>  ... i64.div_s   (traps on a zero divisor and on MinInt/-1, as Wasm does)
//
// Design decision: non-void functions end with `unreachable`: check-types proved every path
// returns, and Wasm validation needs the end of the body to be unreachable or typed.
//
// Design decision: the pass consumes its input (decisions.md, front-end memory). The driver never
// reads a pass's input again, so each function's ANF tree is released once its Wasm body is
// built, and the ANF program and the module are never both held whole (the input keeps the
// functions not yet lowered, so an internal error still prints the function at fault).
//
// Design decision: the module is complete but for its bodies before any body is lowered
// (startModule: the imports, call_indirect signatures and function table that the bodies need
// come from one scan, lower_to_wasm_scan.go), so a body only reads it: the driver streams the
// pass (front_stream.go), lowering each function as flatten-expressions makes it.

package passes

import (
	"fmt"
	"slices"
	"sync"

	"cot/ir/ast"
	"cot/ir/pipeline"
	"cot/ir/types"
	"cot/ir/wasm"
	"cot/runtime"
)

// PageSize is the Wasm page size in bytes.
const PageSize = 65536

func valType(t types.Type) wasm.ValType {
	switch {
	case wide(t) || t == types.TString:
		return wasm.I64
	case t == types.TBool || types.IsInteger(t):
		return wasm.I32
	case t == types.TF32:
		return wasm.F32
	case t == types.TF64:
		return wasm.F64
	}
	panic(fmt.Sprintf("lower-to-wasm: no Wasm type for %v", t))
}

func funcType(params []types.Type, result types.Type) wasm.FuncType {
	var ft wasm.FuncType
	for _, p := range params {
		ft.Params = append(ft.Params, valType(p))
	}
	if result != types.TVoid {
		ft.Results = []wasm.ValType{valType(result)}
	}
	return ft
}

func lowerToWasm(ctx *pipeline.Ctx, prog any) (any, error) {
	p := prog.(*ast.Program)
	if unitOf(ctx) != nil { // streamed (front_stream.go): the one function flatten-expressions made
		f := p.Decls[0].(*ast.Func)
		ctx.Func = f.Name.Name
		return ctx.Store[lowerKey].(*wasmStart).lowerFunc(f, true), nil
	}
	st, funcs := startModule(p)
	// The pass consumes its input: from here p holds the functions not yet lowered, and each
	// function's tree is released once its body is built (the globals are in the module).
	p.Decls = funcs
	for len(p.Decls) > 0 {
		f := p.Decls[0].(*ast.Func)
		ctx.Func = f.Name.Name
		st.finish(st.lowerFunc(f, false))
		p.Decls[0] = nil
		p.Decls = p.Decls[1:]
	}
	return st.b.m, nil
}

// wasmStart is the module but its functions' bodies: imports, globals, memory, data, every
// function declared, exports and the function table. A streamed run's units lower their
// functions against it beside each other (read only: lowerFunc), and the join gives the module
// their bodies (finish).
type wasmStart struct {
	b       *moduleBuilder
	dataLen int
}

const lowerKey = "lower-to-wasm"

// startModule declares p's imports, globals, memory, data, functions, exports and function
// table, and returns the functions in declaration order. Only the functions' headers and what
// scanModule finds in their bodies are read, so p may be the input of flatten-expressions as
// well (front_stream.go).
func startModule(p *ast.Program) (*wasmStart, []ast.Decl) {
	b := newModuleBuilder()
	needs := scanModule(p) // lower_to_wasm_scan.go
	importHost(b, needs)   // imports head the function index space // lower_to_wasm_host.go
	var funcs []ast.Decl
	var list []*ast.Func
	for _, d := range p.Decls {
		switch d := d.(type) {
		case *ast.Global:
			b.addGlobal(d.Name.String(), wasm.GlobalType{Type: valType(d.Type), Mutable: true}, constInit(d))
		case *ast.Func:
			var params []types.Type
			for _, prm := range d.Params {
				params = append(params, prm.Type)
			}
			b.declareFunc(d.Name.String(), d.Name.Name, funcType(params, d.Result))
			funcs = append(funcs, d)
			list = append(list, d)
		}
	}
	for _, ft := range needs.sigs {
		b.typeIndex(ft)
	}
	pages := ast.MemoryPages(len(p.Data)) // data, then the shadow stack (ir/ast/memory.go)
	if usesFrames(p) {
		b.addGlobal(runtime.StackPointer, wasm.GlobalType{Type: wasm.I32, Mutable: true}, wasm.I32Const(int32(ast.StackTop(len(p.Data)))))
	}
	b.m.Mems = []wasm.Memory{{Limits: wasm.Limits{Min: uint32(pages)}}}
	b.m.Exports = append(b.m.Exports, wasm.Export{Name: "memory", Kind: wasm.ExternMemory, Index: 0})
	if len(p.Data) > 0 {
		b.m.Datas = []wasm.Data{{Mode: wasm.DataActive, Offset: []wasm.Instr{wasm.I32Const(ast.DataBase), wasm.End()},
			Bytes: append([]byte(nil), p.Data...)}}
	}
	for _, f := range list {
		if f.Export != "" {
			b.exportFunc(f.Export, f.Name.String())
		}
	}
	addTable(b, tableSlots(list), needs.indirect) // lower_to_wasm_indirect.go
	return &wasmStart{b: b, dataLen: len(p.Data)}, funcs
}

// loweredFunc is one function's Wasm, not yet in the module.
type loweredFunc struct {
	symbol  string
	typeIdx uint32
	locals  []wasm.ValType
	body    []wasm.Instr
	// buffers, when set, are the growing buffers body and locals lie in: a streamed unit's body
	// is encoded and dropped, so it is never copied out; whoever drops it gives them back
	// (release).
	buffers *lowerBuffers
}

// lowerBuffers are the growing buffers a function is lowered in, reused by the next function
// (bodyBuffers): growing a body, its local types and its map of locals afresh for every
// function was a tenth of the streamed passes' allocation.
type lowerBuffers struct {
	body   []wasm.Instr
	locals []wasm.ValType
	index  map[int]uint32 // binder ID -> local index
}

// bodyBuffers holds the buffers not in use, one set per function lowered at once.
var bodyBuffers sync.Pool

// release gives back the buffers of a body that was never copied out.
func (lf *loweredFunc) release() {
	if bufs := lf.buffers; bufs != nil {
		bufs.body, bufs.locals = lf.body[:0], lf.locals[:0]
		if len(bufs.index) > 1024 {
			bufs.index = nil // clearing a map costs its capacity: a huge function's is dropped
		}
		clear(bufs.index)
		bodyBuffers.Put(bufs)
		lf.buffers, lf.body, lf.locals = nil, nil, nil
	}
}

// lowerFunc builds f's body. It only reads the module, so the functions of a streamed run are
// lowered beside each other. With borrowed the body and its locals stay in the buffers (see
// loweredFunc.buffers); otherwise they are copied at their exact size, for a module that holds
// them.
func (st *wasmStart) lowerFunc(f *ast.Func, borrowed bool) *loweredFunc {
	bufs, _ := bodyBuffers.Get().(*lowerBuffers)
	if bufs == nil {
		bufs = &lowerBuffers{}
	}
	if bufs.index == nil {
		bufs.index = map[int]uint32{}
	}
	fl := &funcLowerer{b: st.b, locals: bufs.index, frame: f.Frame, dataLen: st.dataLen, body: bufs.body[:0], localTypes: bufs.locals[:0]}
	for i, prm := range f.Params {
		fl.locals[prm.Name.ID] = uint32(i)
	}
	fl.nparams = len(f.Params)
	if f.Frame > 0 {
		fl.enterFrame()
	}
	fl.block(f.Body)
	if f.Result != types.TVoid {
		fl.emit(wasm.Simple(wasm.OpUnreachable))
	} else {
		fl.leaveFrame()
	}
	fl.emit(wasm.End())
	symbol := f.Name.String()
	typeIdx := st.b.m.Funcs[int(st.b.funcIndex(symbol))-st.b.m.NumImported(wasm.ExternFunc)].TypeIdx
	out := &loweredFunc{symbol: symbol, typeIdx: typeIdx, locals: fl.localTypes, body: fl.body, buffers: bufs}
	if !borrowed {
		body, locals := slices.Clone(fl.body), slices.Clone(fl.localTypes) // at their exact size
		out.release()
		out.body, out.locals = body, locals
	}
	return out
}

// finish gives a lowered function's body to the module.
func (st *wasmStart) finish(lf *loweredFunc) { st.b.defineFunc(lf.symbol, lf.locals, lf.body) }

// constInit is a global's constant initializer (check-types allows only literals there).
func constInit(g *ast.Global) wasm.Instr {
	switch e := g.Init.(type) {
	case nil:
		return zero(g.Type)
	case *ast.IntLit:
		return intConst(g.Type, e.Value)
	case *ast.FloatLit:
		return floatConst(g.Type, e.Value)
	case *ast.BoolLit:
		return wasm.I32Const(boolInt(e.Value))
	case *ast.Unary:
		if lit, ok := e.X.(*ast.IntLit); ok && e.Op == "neg" {
			return intConst(g.Type, -lit.Value)
		}
		if lit, ok := e.X.(*ast.FloatLit); ok && e.Op == "neg" {
			return floatConst(g.Type, -lit.Value)
		}
	}
	panic("lower-to-wasm: non-constant global initializer " + ast.String(g))
}

func boolInt(b bool) int32 {
	if b {
		return 1
	}
	return 0
}

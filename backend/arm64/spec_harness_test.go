package arm64

import (
	"cot/ir/wasm"
)

// addHarness returns a copy of m with the cot_harness imports prepended (every function index
// shifted accordingly) and a new exported _start function built by body, which receives the
// index of each harness import by name and the shift applied to the module's own functions.
func addHarness(m *wasm.Module, body func(h map[string]uint32, shift uint32) []wasm.Instr) *wasm.Module {
	c := *m
	sigs := map[string]wasm.FuncType{
		"begin":      {Params: []wasm.ValType{wasm.I32}},
		"arg_start":  {Results: []wasm.ValType{wasm.I32}},
		"result_i32": {Params: []wasm.ValType{wasm.I32}},
		"result_i64": {Params: []wasm.ValType{wasm.I64}},
		"result_f32": {Params: []wasm.ValType{wasm.F32}},
		"result_f64": {Params: []wasm.ValType{wasm.F64}},
	}
	names := []string{"begin", "arg_start", "result_i32", "result_i64", "result_f32", "result_f64"}
	c.Types = append([]wasm.FuncType(nil), m.Types...)
	var imports []wasm.Import
	h := map[string]uint32{}
	for i, n := range names {
		c.Types = append(c.Types, sigs[n])
		imports = append(imports, wasm.Import{Module: "cot_harness", Name: n, Kind: wasm.ExternFunc, TypeIdx: uint32(len(c.Types) - 1)})
		h[n] = uint32(i)
	}
	shift := uint32(len(names))
	c.Imports = append(imports, m.Imports...)
	fix := func(code []wasm.Instr) []wasm.Instr {
		out := append([]wasm.Instr(nil), code...)
		for i := range out {
			if out[i].Op == wasm.OpCall || out[i].Op == wasm.OpRefFunc {
				out[i].Index += shift
			}
		}
		return out
	}
	c.Funcs = nil
	for _, f := range m.Funcs {
		f.Body = fix(f.Body)
		c.Funcs = append(c.Funcs, f)
	}
	c.Globals = nil
	for _, g := range m.Globals {
		g.Init = fix(g.Init)
		c.Globals = append(c.Globals, g)
	}
	c.Elems = nil
	for _, e := range m.Elems {
		var init [][]wasm.Instr
		for _, x := range e.Init {
			init = append(init, fix(x))
		}
		e.Init = init
		c.Elems = append(c.Elems, e)
	}
	c.Exports = nil
	for _, e := range m.Exports {
		if e.Kind == wasm.ExternFunc {
			e.Index += shift
			if e.Name == "_start" {
				continue
			}
		}
		c.Exports = append(c.Exports, e)
	}
	if m.Start != nil {
		s := *m.Start + shift
		c.Start = &s
	}
	c.Types = append(c.Types, wasm.FuncType{})
	start := wasm.Func{TypeIdx: uint32(len(c.Types) - 1), Locals: []wasm.ValType{wasm.I32}, Name: "harness_start"}
	start.Body = append(body(h, shift), wasm.End())
	idx := uint32(len(c.Imports)) - uint32(c.NumImported(wasm.ExternTable)+c.NumImported(wasm.ExternMemory)+c.NumImported(wasm.ExternGlobal)) + uint32(len(c.Funcs))
	c.Funcs = append(c.Funcs, start)
	c.Exports = append(c.Exports, wasm.Export{Name: "_start", Kind: wasm.ExternFunc, Index: idx})
	return &c
}

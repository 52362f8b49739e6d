package spectest

import "cot/ir/wasm"

// cloneForRenumbering copies m deeply enough that shiftFuncIndices and the harness additions do
// not write into m: every slice that is changed is copied.
func cloneForRenumbering(m *wasm.Module) *wasm.Module {
	h := *m
	h.Types = append([]wasm.FuncType(nil), m.Types...)
	h.Imports = append([]wasm.Import(nil), m.Imports...)
	h.Exports = append([]wasm.Export(nil), m.Exports...)
	h.Funcs = make([]wasm.Func, len(m.Funcs))
	for i, f := range m.Funcs {
		f.Body = append([]wasm.Instr(nil), f.Body...)
		f.Offsets = nil // the harness's bodies have no byte offsets in the original module
		h.Funcs[i] = f
	}
	h.Globals = make([]wasm.Global, len(m.Globals))
	for i, g := range m.Globals {
		g.Init = append([]wasm.Instr(nil), g.Init...)
		h.Globals[i] = g
	}
	h.Elems = make([]wasm.Elem, len(m.Elems))
	for i, e := range m.Elems {
		init := make([][]wasm.Instr, len(e.Init))
		for j, expr := range e.Init {
			init[j] = append([]wasm.Instr(nil), expr...)
		}
		e.Init = init
		e.Offset = append([]wasm.Instr(nil), e.Offset...)
		h.Elems[i] = e
	}
	if m.Start != nil {
		s := *m.Start
		h.Start = &s
	}
	return &h
}

// shiftFuncIndices adds delta to every function index >= first (see mapFuncIndices). It makes
// room for delta new function imports at index first.
func shiftFuncIndices(m *wasm.Module, first, delta uint32) {
	mapFuncIndices(m, func(i uint32) uint32 {
		if i >= first {
			return i + delta
		}
		return i
	})
}

// mapFuncIndices replaces every function index i by newIndex(i), everywhere a function index
// appears: calls, ref.func (in bodies, global initialisers, element segments), exports and the
// start function.
func mapFuncIndices(m *wasm.Module, newIndex func(uint32) uint32) {
	mapExpr := func(body []wasm.Instr) {
		for i := range body {
			switch body[i].Op {
			case wasm.OpCall, wasm.OpRefFunc:
				body[i].Index = newIndex(body[i].Index)
			}
		}
	}
	for i := range m.Funcs {
		mapExpr(m.Funcs[i].Body)
	}
	for i := range m.Globals {
		mapExpr(m.Globals[i].Init)
	}
	for i := range m.Elems {
		mapExpr(m.Elems[i].Offset)
		for _, expr := range m.Elems[i].Init {
			mapExpr(expr)
		}
	}
	for i := range m.Exports {
		if m.Exports[i].Kind == wasm.ExternFunc {
			m.Exports[i].Index = newIndex(m.Exports[i].Index)
		}
	}
	if m.Start != nil {
		*m.Start = newIndex(*m.Start)
	}
}

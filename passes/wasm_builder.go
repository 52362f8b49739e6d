package passes

// moduleBuilder assembles a Wasm module by symbol: functions and globals are declared under a
// name and referenced by that name, never by computing an index (design.md §1). Imports must be
// declared before any defined function, since they come first in the function index space.

import (
	"fmt"

	"cot/ir/wasm"
)

type moduleBuilder struct {
	m       *wasm.Module
	funcs   map[string]uint32
	globals map[string]uint32
}

func newModuleBuilder() *moduleBuilder {
	return &moduleBuilder{m: &wasm.Module{}, funcs: map[string]uint32{}, globals: map[string]uint32{}}
}

// typeIndex returns the index of signature ft, adding it once.
func (b *moduleBuilder) typeIndex(ft wasm.FuncType) uint32 {
	for i, t := range b.m.Types {
		if t.Equal(ft) {
			return uint32(i)
		}
	}
	b.m.Types = append(b.m.Types, ft)
	return uint32(len(b.m.Types) - 1)
}

// knownType returns the index of signature ft, which the module must have: it only reads the
// module, so bodies are lowered beside each other (lower_to_wasm_scan.go adds their signatures).
func (b *moduleBuilder) knownType(ft wasm.FuncType) uint32 {
	for i, t := range b.m.Types {
		if t.Equal(ft) {
			return uint32(i)
		}
	}
	panic(fmt.Sprintf("module builder: signature %v not declared", ft))
}

func (b *moduleBuilder) bindFunc(symbol string, index uint32) {
	if _, dup := b.funcs[symbol]; dup {
		panic(fmt.Sprintf("module builder: function symbol %s declared twice", symbol))
	}
	b.funcs[symbol] = index
}

// importFunc declares an imported function under symbol.
func (b *moduleBuilder) importFunc(symbol, module, name string, ft wasm.FuncType) uint32 {
	if len(b.m.Funcs) > 0 {
		panic("module builder: import " + module + "." + name + " after a defined function")
	}
	b.m.Imports = append(b.m.Imports, wasm.Import{Module: module, Name: name, Kind: wasm.ExternFunc, TypeIdx: b.typeIndex(ft)})
	idx := uint32(b.m.NumImported(wasm.ExternFunc) - 1)
	b.bindFunc(symbol, idx)
	return idx
}

// declareFunc reserves a defined function under symbol; defineFunc gives it a body later, so
// functions can call each other in any order.
func (b *moduleBuilder) declareFunc(symbol, debugName string, ft wasm.FuncType) uint32 {
	b.m.Funcs = append(b.m.Funcs, wasm.Func{TypeIdx: b.typeIndex(ft), Name: debugName})
	idx := uint32(b.m.NumImported(wasm.ExternFunc) + len(b.m.Funcs) - 1)
	b.bindFunc(symbol, idx)
	return idx
}

func (b *moduleBuilder) defineFunc(symbol string, locals []wasm.ValType, body []wasm.Instr) {
	f := &b.m.Funcs[int(b.funcIndex(symbol))-b.m.NumImported(wasm.ExternFunc)]
	if f.Body != nil {
		panic("module builder: function " + symbol + " defined twice")
	}
	f.Locals, f.Body = locals, body
}

func (b *moduleBuilder) funcIndex(symbol string) uint32 {
	idx, ok := b.funcs[symbol]
	if !ok {
		panic("module builder: unknown function symbol " + symbol)
	}
	return idx
}

func (b *moduleBuilder) hasFunc(symbol string) bool {
	_, ok := b.funcs[symbol]
	return ok
}

// addGlobal defines a global under symbol.
func (b *moduleBuilder) addGlobal(symbol string, t wasm.GlobalType, init wasm.Instr) uint32 {
	if _, dup := b.globals[symbol]; dup {
		panic("module builder: global symbol " + symbol + " declared twice")
	}
	b.m.Globals = append(b.m.Globals, wasm.Global{Type: t, Init: []wasm.Instr{init, wasm.End()}, Name: symbol})
	idx := uint32(b.m.NumImported(wasm.ExternGlobal) + len(b.m.Globals) - 1)
	b.globals[symbol] = idx
	return idx
}

func (b *moduleBuilder) globalIndex(symbol string) uint32 {
	idx, ok := b.globals[symbol]
	if !ok {
		panic("module builder: unknown global symbol " + symbol)
	}
	return idx
}

func (b *moduleBuilder) exportFunc(name, symbol string) {
	b.m.Exports = append(b.m.Exports, wasm.Export{Name: name, Kind: wasm.ExternFunc, Index: b.funcIndex(symbol)})
}

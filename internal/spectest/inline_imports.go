package spectest

import (
	"fmt"

	"cot/ir/wasm"
)

// A module that imports from a registered module cannot run on its own, except in one common
// case (table_copy.wast, table_init.wast): it imports only functions that are self-contained
// (they touch no memory, table or global and call nothing), so a copy of each, defined in the
// importing module, behaves exactly like the import. inlineRegisteredFuncs makes that copy.

// selfContained reports whether function fi of m can be copied into another module: defined
// (not imported), and its body uses only locals, constants, arithmetic and control flow.
func selfContained(m *wasm.Module, fi uint32) bool {
	nimp := uint32(m.NumImported(wasm.ExternFunc))
	if fi < nimp {
		return false
	}
	for _, in := range m.Funcs[fi-nimp].Body {
		switch {
		case in.Op == wasm.OpCall, in.Op == wasm.OpCallIndirect, in.Op == wasm.OpRefFunc,
			in.Op == wasm.OpGlobalGet, in.Op == wasm.OpGlobalSet,
			in.Op >= wasm.OpTableGet && in.Op <= wasm.OpMemoryGrow, // tables, loads, stores, memory
			in.Op >= 0xFC08: // bulk memory and table instructions
			return false
		}
	}
	return true
}

// registeredFunc finds the registered module and function that import im of m refers to, if it
// can be inlined: a self-contained function of the import's type.
func registeredFunc(m *wasm.Module, im wasm.Import, registers map[string]*unit) (*wasm.Module, uint32, bool) {
	reg := registers[im.Module]
	if im.Kind != wasm.ExternFunc || reg == nil || reg.Module == nil {
		return nil, 0, false
	}
	fi, err := findExport(reg.Module, im.Name, wasm.ExternFunc)
	if err != nil || !selfContained(reg.Module, fi) || !reg.Module.FuncTypeOf(fi).Equal(m.Types[im.TypeIdx]) {
		return nil, 0, false
	}
	return reg.Module, fi, true
}

// inlineRegisteredFuncs returns m with every import from a registered module replaced by a
// defined copy of the function, or an error naming the first import that cannot be replaced.
// Function indices are renumbered: the kept imports first, then m's functions, then the copies.
//
//	(import "a" "ef0" (func $f (result i32)))  =>  (func $f (result i32) (i32.const 0))
func inlineRegisteredFuncs(m *wasm.Module, registers map[string]*unit) (*wasm.Module, error) {
	type copied struct {
		from *wasm.Module
		fi   uint32
	}
	var kept []wasm.Import
	var copies []copied
	newIndex := map[uint32]uint32{}
	var inlined []uint32 // old indices of the inlined function imports, in order
	oldFunc, next := uint32(0), uint32(0)
	for _, im := range m.Imports {
		if im.Module == "spectest" || registers[im.Module] == nil {
			if im.Kind == wasm.ExternFunc {
				newIndex[oldFunc] = next
				oldFunc, next = oldFunc+1, next+1
			}
			kept = append(kept, im)
			continue
		}
		from, fi, ok := registeredFunc(m, im, registers)
		if !ok {
			return nil, fmt.Errorf("imports %s.%s from a registered module (no cross-module linking)", im.Module, im.Name)
		}
		copies = append(copies, copied{from, fi})
		inlined = append(inlined, oldFunc)
		oldFunc++
	}
	for i := range m.Funcs {
		newIndex[oldFunc+uint32(i)] = next + uint32(i)
	}
	firstCopy := next + uint32(len(m.Funcs))
	for j, old := range inlined {
		newIndex[old] = firstCopy + uint32(j)
	}
	h := cloneForRenumbering(m)
	h.Imports = kept
	mapFuncIndices(h, func(i uint32) uint32 { return newIndex[i] })
	for _, c := range copies {
		nimp := uint32(c.from.NumImported(wasm.ExternFunc))
		f := c.from.Funcs[c.fi-nimp]
		h.Funcs = append(h.Funcs, wasm.Func{
			TypeIdx: addType(h, c.from.FuncTypeOf(c.fi)),
			Locals:  append([]wasm.ValType(nil), f.Locals...),
			Body:    append([]wasm.Instr(nil), f.Body...),
			Name:    f.Name,
		})
	}
	return h, nil
}

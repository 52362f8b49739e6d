// Pass link-runtime: wasm-structured -> wasm-final.
//
// Links the routines of the runtime still built in Wasm (runtime/routines.go; the ones written in
// Cot joined the program in import-runtime) into the module: every import of module
// "cot_runtime" is replaced by the routine of that name and the routines it needs, the WASI
// imports those use are added unless the program imports them already, and the shadow-stack
// pointer global is allocated by symbol at the top of memory.
// The module is rebuilt through the module builder, so every function and global index in the
// program's code is remapped by symbol, never by offset arithmetic.
//
//	(import "cot_runtime" "print_int") ... call 0   =>   (import "wasi_snapshot_preview1" "fd_write")
//	                                                     ... call $print_int  (func $print_int ...) (func $write ...)

package passes

import (
	"fmt"
	"sort"
	"strings"

	"cot/ir/pipeline"
	"cot/ir/wasm"
	"cot/runtime"
)

// importSymbol is the symbol of import i: "wasi:NAME" for a WASI function, as the routines name
// the ones they need, so the program's import and theirs are one.
func importSymbol(m *wasm.Module, i int) string {
	if im := m.Imports[i]; im.Module == runtime.WASIModule {
		return "wasi:" + im.Name
	}
	return fmt.Sprintf("import:%d", i)
}

// builderEnv lets runtime routines resolve symbols in the module being built.
type builderEnv struct{ b *moduleBuilder }

func (e builderEnv) Func(symbol string) uint32   { return e.b.funcIndex(symbol) }
func (e builderEnv) Global(symbol string) uint32 { return e.b.globalIndex(symbol) }

func linkRuntime(_ *pipeline.Ctx, prog any) (any, error) {
	old := prog.(*wasm.Module)
	// Which routines, transitively, and which WASI imports.
	need := map[string]bool{}
	var visit func(symbol string)
	visit = func(symbol string) {
		if need[symbol] {
			return
		}
		need[symbol] = true
		if name, ok := strings.CutPrefix(symbol, "rt:"); ok {
			r := runtime.Routines[name]
			if r == nil {
				panic("link-runtime: no runtime routine " + symbol)
			}
			for _, n := range r.Needs {
				visit(n)
			}
		}
	}
	oldFuncSymbol := map[uint32]string{} // old function index -> symbol
	var fi uint32
	for i, im := range old.Imports {
		if im.Kind != wasm.ExternFunc {
			panic("link-runtime: only function imports are expected")
		}
		if im.Module == wasm.RuntimeModule {
			sym := "rt:" + im.Name
			visit(sym)
			if r := runtime.Routines[im.Name]; !r.Type.Equal(old.Types[im.TypeIdx]) {
				panic(fmt.Sprintf("link-runtime: %s is imported with a type other than the routine's", im.Name))
			}
			oldFuncSymbol[fi] = sym
		} else {
			oldFuncSymbol[fi] = importSymbol(old, i)
		}
		fi++
	}
	for i := range old.Funcs {
		oldFuncSymbol[fi] = fmt.Sprintf("prog:%d", i)
		fi++
	}

	b := newModuleBuilder()
	for i, im := range old.Imports {
		if im.Module != wasm.RuntimeModule {
			b.importFunc(importSymbol(old, i), im.Module, im.Name, old.Types[im.TypeIdx])
		}
	}
	for _, w := range runtime.WASIImports { // the ones the program does not import already
		if need["wasi:"+w.Name] && !b.hasFunc("wasi:"+w.Name) {
			b.importFunc("wasi:"+w.Name, runtime.WASIModule, w.Name, w.Type)
		}
	}
	oldGlobalSymbol := map[uint32]string{}
	for i, g := range old.Globals {
		sym := g.Name
		if sym == "" {
			sym = fmt.Sprintf("global:%d", i)
		}
		oldGlobalSymbol[uint32(i)] = sym
		if sym != runtime.StackPointer { // the program's frames use it: allocated once, below
			b.addGlobal(sym, g.Type, g.Init[0])
		}
	}
	stackTop := int32(old.Mems[0].Limits.Min) * PageSize
	b.addGlobal(runtime.StackPointer, wasm.GlobalType{Type: wasm.I32, Mutable: true}, wasm.I32Const(stackTop))

	for i, f := range old.Funcs {
		b.declareFunc(fmt.Sprintf("prog:%d", i), f.Name, old.Types[f.TypeIdx])
	}
	var routines []string
	for sym := range need {
		if strings.HasPrefix(sym, "rt:") {
			routines = append(routines, sym)
		}
	}
	sort.Strings(routines)
	for _, sym := range routines {
		r := runtime.Routines[sym[3:]]
		b.declareFunc(sym, r.Name, r.Type)
	}

	for i, f := range old.Funcs {
		body := make([]wasm.Instr, len(f.Body))
		for j, in := range f.Body {
			switch in.Op {
			case wasm.OpCall, wasm.OpRefFunc:
				in.Index = b.funcIndex(oldFuncSymbol[in.Index])
			case wasm.OpGlobalGet, wasm.OpGlobalSet:
				in.Index = b.globalIndex(oldGlobalSymbol[in.Index])
			case wasm.OpCallIndirect, wasm.OpBlock, wasm.OpLoop, wasm.OpIf:
				if in.Op == wasm.OpCallIndirect || in.Block.Kind == wasm.BlockTypeIndex {
					panic("link-runtime: type-indexed instructions are not expected yet")
				}
			}
			body[j] = in
		}
		b.defineFunc(fmt.Sprintf("prog:%d", i), append([]wasm.ValType(nil), f.Locals...), body)
	}
	env := builderEnv{b}
	for _, sym := range routines {
		r := runtime.Routines[sym[3:]]
		b.defineFunc(sym, r.Locals, r.Body(env))
	}

	m := b.m
	m.Mems = append([]wasm.Memory(nil), old.Mems...)
	m.Datas = append([]wasm.Data(nil), old.Datas...)
	for _, ex := range old.Exports {
		if ex.Kind == wasm.ExternFunc {
			ex.Index = b.funcIndex(oldFuncSymbol[ex.Index])
		}
		m.Exports = append(m.Exports, ex)
	}
	if len(old.Tables) > 0 || len(old.Elems) > 0 || old.Start != nil {
		panic("link-runtime: tables, element segments and start functions are not expected yet")
	}
	return m, nil
}

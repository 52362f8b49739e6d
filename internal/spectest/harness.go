package spectest

import (
	"fmt"

	"cot/ir/wasm"
)

// The cot_harness import module (docs/arm64-abi.md): the functions a harness module imports, in
// the order they are appended to the import section.
const harnessModule = "cot_harness"

var harnessImports = []struct {
	name string
	sig  wasm.FuncType
}{
	{"begin", wasm.FuncType{Params: []wasm.ValType{wasm.I32}}},
	{"result_i32", wasm.FuncType{Params: []wasm.ValType{wasm.I32}}},
	{"result_i64", wasm.FuncType{Params: []wasm.ValType{wasm.I64}}},
	{"result_f32", wasm.FuncType{Params: []wasm.ValType{wasm.F32}}},
	{"result_f64", wasm.FuncType{Params: []wasm.ValType{wasm.F64}}},
	{"arg_start", wasm.FuncType{Results: []wasm.ValType{wasm.I32}}},
}

// Offsets of the harness imports from the first one.
const (
	impBegin = iota
	impResultI32
	impResultI64
	impResultF32
	impResultF64
	impArgStart
)

// startArgShift: the harness's argv[1] packs two assertion numbers, replayFrom<<startArgShift |
// firstChecked (see Invocation), so one decimal argument drives a run.
const startArgShift = 16

// maxInvocations bounds the assertions per module so both numbers fit their halves.
const maxInvocations = 1<<startArgShift - 1

// Invocation is one assertion (or action) executed by a harness module.
type Invocation struct {
	Get     bool   // read the exported global Field instead of invoking the function Field
	Field   string // export name
	Args    []constant
	Results []wasm.ValType // printed in order by the result_* functions
	// Replay: the invocation is re-executed (unchecked) when a later run starts after it, because
	// its effects on the module's state are part of what later assertions observe. Trapping
	// assertions are not replayed: they end the process.
	Replay bool
}

// BuildHarness returns the harness module for m: m with the cot_harness functions imported (every
// function index renumbered), one function per invocation, and an exported `_start`:
//
//	_start: arg := arg_start(); from := arg >> 16; first := arg & 0xffff
//	        for each invocation i (straight-line, in order):
//	          if from <= i { inv_i(check = first <= i) }
//	inv_i(check): [if !check && !Replay: return]; begin(i); push args; call target / global.get;
//	        store results in locals; if check { result_T(r) for each result }
//
// m is not modified.
func BuildHarness(m *wasm.Module, invs []Invocation) (*wasm.Module, error) {
	if len(invs) > maxInvocations {
		return nil, fmt.Errorf("%d invocations in one module: at most %d", len(invs), maxInvocations)
	}
	h := cloneForRenumbering(m)
	firstHarness := uint32(m.NumImported(wasm.ExternFunc))
	shiftFuncIndices(h, firstHarness, uint32(len(harnessImports)))

	// Import the harness functions after the existing function imports so that imported functions
	// keep their indices; new types are appended so no type index moves.
	var imports []wasm.Import
	inserted := false
	insert := func() {
		for _, hi := range harnessImports {
			imports = append(imports, wasm.Import{Module: harnessModule, Name: hi.name,
				Kind: wasm.ExternFunc, TypeIdx: addType(h, hi.sig)})
		}
		inserted = true
	}
	seenFuncs := 0
	for _, im := range m.Imports {
		if im.Kind == wasm.ExternFunc {
			seenFuncs++
		}
		imports = append(imports, im)
		if !inserted && seenFuncs == int(firstHarness) {
			insert()
		}
	}
	if !inserted {
		insert()
	}
	h.Imports = imports

	invType := addType(h, wasm.FuncType{Params: []wasm.ValType{wasm.I32}})
	firstInv := firstHarness + uint32(len(harnessImports)) + uint32(len(h.Funcs))
	for i, inv := range invs {
		f, err := invocationFunc(m, firstHarness, uint32(i), inv)
		if err != nil {
			return nil, fmt.Errorf("invocation %d (%s): %v", i, inv.Field, err)
		}
		f.TypeIdx = invType
		h.Funcs = append(h.Funcs, f)
	}
	h.Funcs = append(h.Funcs, startFunc(h, firstHarness, firstInv, len(invs)))

	exports := h.Exports[:0:0]
	for _, e := range h.Exports {
		if e.Name != "_start" {
			exports = append(exports, e)
		}
	}
	h.Exports = append(exports, wasm.Export{Name: "_start", Kind: wasm.ExternFunc,
		Index: firstHarness + uint32(len(harnessImports)) + uint32(len(h.Funcs)) - 1})
	return h, nil
}

// addType appends a signature to the type section and returns its index.
func addType(m *wasm.Module, sig wasm.FuncType) uint32 {
	m.Types = append(m.Types, sig)
	return uint32(len(m.Types) - 1)
}

// findExport returns the index of the export name of kind k in m.
func findExport(m *wasm.Module, name string, k wasm.ExternKind) (uint32, error) {
	for _, e := range m.Exports {
		if e.Name == name {
			if e.Kind != k {
				return 0, fmt.Errorf("export %q has kind %d, want %d", name, e.Kind, k)
			}
			return e.Index, nil
		}
	}
	return 0, fmt.Errorf("no export %q", name)
}

// CheckInvocation reports why inv cannot be part of m's harness (no such export, arguments or
// results that do not fit its type), or nil.
func CheckInvocation(m *wasm.Module, inv Invocation) error {
	_, err := invocationFunc(m, uint32(m.NumImported(wasm.ExternFunc)), 0, inv)
	return err
}

// invocationFunc builds the function of invocation number n. Indices are looked up in the
// original module m and renumbered for the harness (function imports from firstHarness on move).
func invocationFunc(m *wasm.Module, firstHarness, n uint32, inv Invocation) (wasm.Func, error) {
	var body []wasm.Instr
	if !inv.Replay {
		// Not replayed: skip entirely unless checked.
		body = append(body, wasm.LocalGet(0), wasm.Simple(wasm.OpI32Eqz), wasm.If(wasm.BlockType{}),
			wasm.Simple(wasm.OpReturn), wasm.End())
	}
	body = append(body, wasm.I32Const(int32(n)), wasm.Call(firstHarness+impBegin))
	var results []wasm.ValType
	if inv.Get {
		g, err := findExport(m, inv.Field, wasm.ExternGlobal)
		if err != nil {
			return wasm.Func{}, err
		}
		results = []wasm.ValType{m.GlobalTypeOf(g).Type}
		body = append(body, wasm.GlobalGet(g))
	} else {
		fn, err := findExport(m, inv.Field, wasm.ExternFunc)
		if err != nil {
			return wasm.Func{}, err
		}
		sig := m.FuncTypeOf(fn)
		if len(sig.Params) != len(inv.Args) {
			return wasm.Func{}, fmt.Errorf("%d arguments for %d parameters", len(inv.Args), len(sig.Params))
		}
		for i, a := range inv.Args {
			if a.Type != sig.Params[i] {
				return wasm.Func{}, fmt.Errorf("argument %d is %s, parameter is %s", i, a.Type, sig.Params[i])
			}
			ins, err := constInstr(a)
			if err != nil {
				return wasm.Func{}, err
			}
			body = append(body, ins)
		}
		results = sig.Results
		if fn >= firstHarness {
			fn += uint32(len(harnessImports))
		}
		body = append(body, wasm.Call(fn))
	}
	if len(results) != len(inv.Results) {
		return wasm.Func{}, fmt.Errorf("%d results expected, export has %d", len(inv.Results), len(results))
	}
	// Local 0 is the check flag; locals 1.. hold the results, stored last-first off the stack.
	for i := len(results) - 1; i >= 0; i-- {
		body = append(body, wasm.LocalSet(uint32(1+i)))
	}
	if len(results) > 0 {
		body = append(body, wasm.LocalGet(0), wasm.If(wasm.BlockType{}))
		for i, t := range results {
			body = append(body, wasm.LocalGet(uint32(1+i)))
			switch t {
			case wasm.I32:
				body = append(body, wasm.Call(firstHarness+impResultI32))
			case wasm.I64:
				body = append(body, wasm.Call(firstHarness+impResultI64))
			case wasm.F32:
				body = append(body, wasm.Call(firstHarness+impResultF32))
			case wasm.F64:
				body = append(body, wasm.Call(firstHarness+impResultF64))
			case wasm.FuncRef, wasm.ExternRef:
				// A reference cannot be printed; its null-ness can (constant.matches).
				body = append(body, wasm.Simple(wasm.OpRefIsNull), wasm.Call(firstHarness+impResultI32))
			default:
				return wasm.Func{}, fmt.Errorf("result type %s", t)
			}
		}
		body = append(body, wasm.End())
	}
	body = append(body, wasm.End())
	return wasm.Func{Locals: append([]wasm.ValType(nil), results...), Body: body,
		Name: fmt.Sprintf("spectest_inv_%d", n)}, nil
}

// constInstr is the instruction pushing an argument constant.
func constInstr(c constant) (wasm.Instr, error) {
	switch {
	case c.NaN != nanExact:
		return wasm.Instr{}, fmt.Errorf("NaN pattern %s as an argument", c.NaN)
	case c.Type == wasm.FuncRef || c.Type == wasm.ExternRef:
		if !c.RefNull {
			return wasm.Instr{}, fmt.Errorf("non-null %s argument", c.Type)
		}
		return wasm.Instr{Op: wasm.OpRefNull, RefType: c.Type}, nil
	}
	switch c.Type {
	case wasm.I32:
		return wasm.I32Const(int32(uint32(c.Bits))), nil
	case wasm.I64:
		return wasm.I64Const(int64(c.Bits)), nil
	case wasm.F32:
		return wasm.Instr{Op: wasm.OpF32Const, Const: c.Bits & 0xffffffff}, nil
	case wasm.F64:
		return wasm.Instr{Op: wasm.OpF64Const, Const: c.Bits}, nil
	}
	return wasm.Instr{}, fmt.Errorf("argument type %s", c.Type)
}

// startFunc builds `_start` (see BuildHarness); its locals are 0 = arg, 1 = from, 2 = first.
func startFunc(h *wasm.Module, firstHarness, firstInv uint32, n int) wasm.Func {
	body := []wasm.Instr{
		wasm.Call(firstHarness + impArgStart), wasm.Instr{Op: wasm.OpLocalTee, Index: 0},
		wasm.I32Const(startArgShift), wasm.Simple(wasm.OpI32ShrU), wasm.LocalSet(1),
		wasm.LocalGet(0), wasm.I32Const(1<<startArgShift - 1), wasm.Simple(wasm.OpI32And), wasm.LocalSet(2),
	}
	for i := 0; i < n; i++ {
		body = append(body,
			wasm.LocalGet(1), wasm.I32Const(int32(i)), wasm.Simple(wasm.OpI32LeU), wasm.If(wasm.BlockType{}),
			wasm.LocalGet(2), wasm.I32Const(int32(i)), wasm.Simple(wasm.OpI32LeU),
			wasm.Call(firstInv+uint32(i)),
			wasm.End())
	}
	body = append(body, wasm.End())
	return wasm.Func{TypeIdx: addType(h, wasm.FuncType{}), Locals: []wasm.ValType{wasm.I32, wasm.I32, wasm.I32},
		Body: body, Name: "_start"}
}

// StartArg is the decimal argv[1] of a harness run: replay invocations from replayFrom on, check
// (print) those from firstChecked on.
func StartArg(replayFrom, firstChecked int) uint32 {
	return uint32(replayFrom)<<startArgShift | uint32(firstChecked)
}

// Wasm checks a *wasm.Module (family ir/wasm) with the validation algorithm of the WebAssembly
// 2.0 core specification (no SIMD). Invariants:
//
//   - every value type, block type and reference type is one of Wasm 2.0's (no v128);
//   - every index is in range for its space: types, functions, tables, memories, globals,
//     element and data segments, locals, labels (imports come first in each space);
//   - each function body is well typed: the operand stack is typed instruction by instruction,
//     with the polymorphic stack after unreachable, br, br_table and return; block, loop and if
//     signatures (multi-value included) hold at entry, at every branch and at end; an if without
//     else has equal parameter and result types; the body ends with exactly one final end;
//   - global.set targets a mutable global; loads and stores have an alignment no larger than
//     natural, a 32-bit offset and a memory to access; call_indirect and table.* use tables of
//     the right reference type; typed select has exactly one type, untyped select numeric operands;
//   - ref.func only names functions declared outside function bodies (element segments,
//     exports, global initialisers);
//   - at most one memory; memory limits at most 65536 pages; limits have min <= max;
//   - global initialisers, element offsets and items, and data offsets are constant
//     expressions of the right type (global.get only of imported immutable globals);
//   - export names are unique; the start function has type [] -> [];
//   - a data count, when present, equals the number of data segments.
//
// Errors are *WasmError values naming the function, the instruction (and its byte offset when
// the decoder recorded one) and the rule broken, worded like the spec test suite.
//
// With a language (the pipeline's verifier), the module may only have the parts the language
// allows; LangFinal's invariant "runtime-linked" forbids imports of wasm.RuntimeModule and
// "data-count-explicit" requires DataCount when a function uses memory.init or data.drop.
// Without a language (Decode, Encode), the module is only validated.

package verify

import (
	"fmt"
	"strings"

	"cot/ir/pipeline"
	"cot/ir/wasm"
)

func init() { wasm.RegisterVerifier(Wasm) }

// WasmError is one validation failure. Func is the index in the function index space (-1 for
// module-level rules), Instr the instruction's index in the body (-1 if none), Offset its byte
// offset in the binary (-1 if unknown).
type WasmError struct {
	Func   int
	Name   string // function name, if known
	Instr  int
	Offset int
	Msg    string
}

func (e *WasmError) Error() string {
	var b strings.Builder
	b.WriteString("wasm: ")
	if e.Func >= 0 {
		fmt.Fprintf(&b, "func %d", e.Func)
		if e.Name != "" {
			fmt.Fprintf(&b, " (%s)", e.Name)
		}
		if e.Instr >= 0 {
			fmt.Fprintf(&b, " instr %d", e.Instr)
		}
		if e.Offset >= 0 {
			fmt.Fprintf(&b, " @0x%x", e.Offset)
		}
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// Wasm validates prog, a *wasm.Module, and returns every violation (at most one per function:
// after the first error the operand stack of that function is meaningless).
func Wasm(lang *pipeline.Lang, prog any) []error {
	m, ok := prog.(*wasm.Module)
	if !ok {
		return []error{fmt.Errorf("wasm: want *wasm.Module, have %T", prog)}
	}
	v := &moduleChecker{m: m}
	if lang != nil {
		v.language(lang)
	}
	v.check()
	return v.errs
}

// WasmValidator validates a module whose function bodies come later, one at a time: a decoder
// that defers decoding the bodies (backend/wasm.DecodeLazy) checks the module-level rules once
// and each body when it decodes it, so no more than one body need be in memory.
type WasmValidator struct{ v *moduleChecker }

// NewWasmValidator validates every rule of Wasm but the bodies of m's functions (which may be
// absent) and returns the validator of the bodies with the module-level violations.
func NewWasmValidator(m *wasm.Module) (*WasmValidator, []error) {
	v := &moduleChecker{m: m, skipBodies: true}
	v.check()
	return &WasmValidator{v}, v.errs
}

// Func validates f as defined function i of the module (imports not counted) and returns its
// first violation, or nil. It may be called for several functions at once.
func (val *WasmValidator) Func(i int, f *wasm.Func) error {
	c := *val.v // the module-level state is only read; errors are this call's
	c.errs = nil
	c.function(len(c.funcs)-len(c.m.Funcs)+i, f)
	if len(c.errs) > 0 {
		return c.errs[0]
	}
	return nil
}

// language checks the parts of the module that the language allows and its named invariants.
func (v *moduleChecker) language(lang *pipeline.Lang) {
	m := v.m
	present := map[string]bool{
		"types": len(m.Types) > 0, "imports": len(m.Imports) > 0, "funcs": len(m.Funcs) > 0,
		"tables": len(m.Tables) > 0, "mems": len(m.Mems) > 0, "globals": len(m.Globals) > 0,
		"exports": len(m.Exports) > 0, "start": m.Start != nil, "elems": len(m.Elems) > 0,
		"datas": len(m.Datas) > 0, "customs": len(m.Customs) > 0,
	}
	for _, k := range wasm.Kinds {
		if present[k] && !lang.Allows(k) {
			v.errorf("language %s does not allow %s", lang.Name, k)
		}
	}
	if lang.Has("runtime-linked") {
		for _, im := range m.Imports {
			if im.Module == wasm.RuntimeModule {
				v.errorf("runtime import %q %q is not linked", im.Module, im.Name)
			}
		}
	}
	if lang.Has("data-count-explicit") && m.DataCount == nil {
		for i, f := range m.Funcs {
			for j, in := range f.Body {
				if in.Op == wasm.OpMemoryInit || in.Op == wasm.OpDataDrop {
					v.errs = append(v.errs, &WasmError{Func: m.NumImported(wasm.ExternFunc) + i, Name: f.Name,
						Instr: j, Offset: -1, Msg: "data count section required"})
					return
				}
			}
		}
	}
}

// moduleChecker holds the index spaces of the module (imports first) while checking it.
type moduleChecker struct {
	m       *wasm.Module
	errs    []error
	funcs   []uint32 // type index of every function
	tables  []wasm.Table
	mems    []wasm.Memory
	globals []wasm.GlobalType
	nImpGlb int             // imported globals: the only ones constant expressions may read
	refs    map[uint32]bool // functions declared for ref.func
	// skipBodies leaves the function bodies to WasmValidator.Func.
	skipBodies bool
}

func (v *moduleChecker) errorf(format string, args ...any) {
	v.errs = append(v.errs, &WasmError{Func: -1, Instr: -1, Offset: -1, Msg: fmt.Sprintf(format, args...)})
}

func (v *moduleChecker) check() {
	m := v.m
	for _, t := range m.Types {
		for _, p := range t.Params {
			v.valType(p)
		}
		for _, r := range t.Results {
			v.valType(r)
		}
	}
	for _, im := range m.Imports {
		switch im.Kind {
		case wasm.ExternFunc:
			v.typeIndex(im.TypeIdx)
			v.funcs = append(v.funcs, im.TypeIdx)
		case wasm.ExternTable:
			v.tableType(im.Table)
			v.tables = append(v.tables, im.Table)
		case wasm.ExternMemory:
			v.memType(im.Memory)
			v.mems = append(v.mems, im.Memory)
		case wasm.ExternGlobal:
			v.valType(im.Global.Type)
			v.globals = append(v.globals, im.Global)
			v.nImpGlb++
		default:
			v.errorf("malformed import kind")
		}
	}
	for _, f := range m.Funcs {
		v.typeIndex(f.TypeIdx)
		v.funcs = append(v.funcs, f.TypeIdx)
	}
	for _, t := range m.Tables {
		v.tableType(t)
		v.tables = append(v.tables, t)
	}
	for _, mem := range m.Mems {
		v.memType(mem)
		v.mems = append(v.mems, mem)
	}
	if len(v.mems) > 1 {
		v.errorf("multiple memories")
	}
	v.collectRefs()
	for _, g := range m.Globals {
		v.valType(g.Type.Type)
		v.constExpr(g.Init, g.Type.Type)
		v.globals = append(v.globals, g.Type)
	}
	v.exports()
	if m.Start != nil {
		switch {
		case int(*m.Start) >= len(v.funcs):
			v.errorf("unknown function %d", *m.Start)
		case !v.sigOK(v.funcs[*m.Start]):
		case len(m.Types[v.funcs[*m.Start]].Params) != 0 || len(m.Types[v.funcs[*m.Start]].Results) != 0:
			v.errorf("start function")
		}
	}
	v.elems()
	v.datas()
	if m.DataCount != nil && int(*m.DataCount) != len(m.Datas) {
		v.errorf("data count and data section have inconsistent lengths")
	}
	if v.skipBodies {
		return
	}
	nImpFuncs := len(v.funcs) - len(m.Funcs)
	for i := range m.Funcs {
		v.function(nImpFuncs+i, &m.Funcs[i])
	}
}

func (v *moduleChecker) sigOK(typeIdx uint32) bool { return int(typeIdx) < len(v.m.Types) }

func (v *moduleChecker) typeIndex(i uint32) {
	if !v.sigOK(i) {
		v.errorf("unknown type %d", i)
	}
}

func isValType(t wasm.ValType) bool {
	switch t {
	case wasm.I32, wasm.I64, wasm.F32, wasm.F64, wasm.FuncRef, wasm.ExternRef:
		return true
	}
	return false
}

func isRefType(t wasm.ValType) bool { return t == wasm.FuncRef || t == wasm.ExternRef }

func (v *moduleChecker) valType(t wasm.ValType) {
	if !isValType(t) {
		v.errorf("malformed value type 0x%x", byte(t))
	}
}

func (v *moduleChecker) limits(l wasm.Limits) {
	if l.HasMax && l.Min > l.Max {
		v.errorf("size minimum must not be greater than maximum")
	}
}

func (v *moduleChecker) tableType(t wasm.Table) {
	if !isRefType(t.Elem) {
		v.errorf("malformed reference type")
	}
	v.limits(t.Limits)
}

func (v *moduleChecker) memType(mem wasm.Memory) {
	const maxPages = 65536
	if mem.Limits.Min > maxPages || (mem.Limits.HasMax && mem.Limits.Max > maxPages) {
		v.errorf("memory size must be at most 65536 pages (4GiB)")
	}
	v.limits(mem.Limits)
}

// WasmModule is Wasm but the function bodies, which may be absent (a streamed run's module,
// whose bodies WasmValidator.Func checks one by one): the module-level rules and lang's.
func WasmModule(lang *pipeline.Lang, m *wasm.Module) []error {
	v := &moduleChecker{m: m, skipBodies: true}
	if lang != nil {
		v.language(lang)
	}
	v.check()
	return v.errs
}

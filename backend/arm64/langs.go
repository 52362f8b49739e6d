package arm64

import (
	"fmt"
	"io"
	"strings"

	"cot/backend/arm64/rt"
	"cot/ir/mir"
	"cot/ir/pipeline"
	"cot/ir/ssa"
	"cot/ir/wasm"
	"cot/verify"
)

// SSA is the backend SSA family.
var SSA = &pipeline.Family{
	Name:  "ssa",
	Print: func(w io.Writer, prog any, fn string) { ssa.Print(w, prog.(*ssa.Program), fn) },
	Verify: func(l *pipeline.Lang, prog any) []error {
		p, ok := prog.(*ssa.Program)
		if !ok {
			return []error{fmt.Errorf("ssa: want *ssa.Program, have %T", prog)}
		}
		return verify.SSA(l, p)
	},
	Checks: []string{"no-dead-values"},
}

// MIR is the machine IR family.
var MIR = &pipeline.Family{
	Name:  "mir",
	Print: func(w io.Writer, prog any, fn string) { mir.Print(w, prog.(*mir.Program), fn) },
	Verify: func(l *pipeline.Lang, prog any) []error {
		p, ok := prog.(*mir.Program)
		if !ok {
			return []error{fmt.Errorf("mir: want *mir.Program, have %T", prog)}
		}
		return verify.MIR(l, p)
	},
	Checks: []string{"no-vregs", "no-clobber-across-call", "frame-laid-out"},
}

// The backend's languages, each a delta of its base. The input is LangWasmLazy (decode.go: a
// decoded module, validated but for the function bodies, which translate decodes).
var (
	LangSSA        = &pipeline.Lang{Name: "ssa", Family: SSA, Add: []string{"value", "block-param", "jump", "branch", "switch", "return", "unreachable"}}
	LangSSAOpt     = &pipeline.Lang{Name: "ssa-opt", Family: SSA, Base: LangSSA, Invariants: []string{"no-dead-values"}}
	LangMIRVirtual = &pipeline.Lang{Name: "mir-virtual", Family: MIR, Add: []string{"instr", "vreg", "preg"}}
	LangMIRAlloc   = &pipeline.Lang{Name: "mir-allocated", Family: MIR, Base: LangMIRVirtual, Remove: []string{"vreg"},
		Invariants: []string{"no-vregs", "no-clobber-across-call"}}
	LangMIRFinal = &pipeline.Lang{Name: "mir-final", Family: MIR, Base: LangMIRAlloc, Invariants: []string{"frame-laid-out", "branches-resolved"}}
	LangObj      = &pipeline.Lang{Name: "obj", Family: ObjFamily, Add: []string{"symbol"}}
)

// importSymbol returns the native runtime symbol that implements import module.name.
func importSymbol(module, name string) string {
	sym, ok := rt.SymbolName(module, name)
	if !ok {
		panic(fmt.Sprintf("import %s.%s has no runtime symbol (check-imports lets it through)", module, name))
	}
	return sym
}

// FuncSymbols names every function of m by index: runtime symbols for imports, the sanitised
// name-section name (made unique) or wasm_func_N for defined functions.
func FuncSymbols(m *wasm.Module) []string {
	var out []string
	for _, im := range m.Imports {
		if im.Kind == wasm.ExternFunc {
			out = append(out, importSymbol(im.Module, im.Name))
		}
	}
	used := map[string]bool{"_start": true, "main": true}
	for i, f := range m.Funcs {
		idx := len(out)
		name := sanitize(f.Name)
		if name == "" || used[name] || strings.HasPrefix(name, "cot_") || strings.HasPrefix(name, "wasm_func_") {
			name = fmt.Sprintf("wasm_func_%d", idx)
		}
		_ = i
		used[name] = true
		out = append(out, name)
	}
	return out
}

func sanitize(s string) string {
	var sb strings.Builder
	for _, c := range s {
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9' && sb.Len() > 0, c == '_':
			sb.WriteRune(c)
		default:
			sb.WriteByte('_')
		}
	}
	return sb.String()
}

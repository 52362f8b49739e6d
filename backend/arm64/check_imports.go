// Pass check-imports: wasm-lazy -> wasm-lazy.
//
// Rejects imports the native runtime cannot satisfy: every imported function must be provided by
// backend/arm64/rt, and only spectest's globals, table and memory can be imported (the backend
// provides them as if the module defined them). A spectest import must also match the type of
// what it names, as Wasm linking requires ("incompatible import type"): the limits the module
// asks for must admit spectest's (memory 1..2, table 10..20 funcref), and a global's value type
// must be spectest's, immutable.
//
//	(import "env" "f" (func))  =>  error: import "env"."f" is not provided by the native runtime
//	two or more such imports   =>  one error naming them all (MissingImports), in module order
//	(import "spectest" "memory" (memory 2))  =>  error: import "spectest"."memory": incompatible import type
package arm64

import (
	"fmt"
	"strings"

	"cot/backend/arm64/rt"
	encwasm "cot/backend/wasm"
	"cot/ir/pipeline"
	"cot/ir/wasm"
)

var checkImportsPass = pipeline.Pass{
	Name: "check-imports",
	In:   LangWasmLazy,
	Out:  LangWasmLazy,
	Run: func(ctx *pipeline.Ctx, prog any) (any, error) {
		m := prog.(*encwasm.Lazy).M
		missing := &MissingImports{}
		for _, im := range m.Imports {
			ok := false
			switch im.Kind {
			case wasm.ExternFunc:
				ok = rt.Has(im.Module, im.Name)
			case wasm.ExternGlobal:
				_, ok = spectestGlobals[im.Name]
				ok = ok && im.Module == "spectest"
			case wasm.ExternTable:
				ok = im.Module == "spectest" && im.Name == "table"
			case wasm.ExternMemory:
				ok = im.Module == "spectest" && im.Name == "memory"
			}
			if !ok {
				missing.Names = append(missing.Names, fmt.Sprintf("%q.%q", im.Module, im.Name))
				continue
			}
			if !spectestImportMatches(im) {
				return nil, fmt.Errorf("import %q.%q: incompatible import type", im.Module, im.Name)
			}
		}
		if len(missing.Names) > 0 {
			return nil, missing
		}
		return prog, nil
	},
	Required: true, // translation assumes every import is provided natively
}

// MissingImports is check-imports' error: every import the native runtime does not provide,
// each as "module"."name", in module order.
type MissingImports struct{ Names []string }

func (e *MissingImports) Error() string {
	if len(e.Names) == 1 {
		return fmt.Sprintf("import %s is not provided by the native runtime", e.Names[0])
	}
	return fmt.Sprintf("%d imports are not provided by the native runtime: %s", len(e.Names), strings.Join(e.Names, ", "))
}

// spectestGlobalTypes are the value types of spectest's (immutable) globals.
var spectestGlobalTypes = map[string]wasm.ValType{
	"global_i32": wasm.I32, "global_i64": wasm.I64, "global_f32": wasm.F32, "global_f64": wasm.F64,
}

// spectestImportMatches reports whether a spectest global, table or memory import's type admits
// what spectest provides (functions are checked by name only).
func spectestImportMatches(im wasm.Import) bool {
	switch im.Kind {
	case wasm.ExternGlobal:
		return !im.Global.Mutable && im.Global.Type == spectestGlobalTypes[im.Name]
	case wasm.ExternTable:
		return im.Table.Elem == wasm.FuncRef && limitsAdmit(im.Table.Limits, spectestTable)
	case wasm.ExternMemory:
		return limitsAdmit(im.Memory.Limits, spectestMemory)
	}
	return true
}

// limitsAdmit is the import-matching rule of the Wasm spec: the provided limits must be at least
// the wanted minimum and, if a maximum is wanted, have one no larger.
func limitsAdmit(want, have wasm.Limits) bool {
	if have.Min < want.Min {
		return false
	}
	return !want.HasMax || (have.HasMax && have.Max <= want.Max)
}

// Pass check-imports: wasm-final -> wasm-final.
//
// Rejects imports the native runtime cannot satisfy: every imported function must be provided by
// backend/arm64/rt, and only spectest's globals, table and memory can be imported (the backend
// provides them as if the module defined them).
//
//	(import "env" "f" (func))  =>  error: import "env"."f" is not provided by the native runtime
package arm64

import (
	"fmt"

	"cot/backend/arm64/rt"
	"cot/ir/pipeline"
	"cot/ir/wasm"
)

var checkImportsPass = pipeline.Pass{
	Name: "check-imports",
	In:   wasm.LangFinal,
	Out:  wasm.LangFinal,
	Run: func(ctx *pipeline.Ctx, prog any) (any, error) {
		m := prog.(*wasm.Module)
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
				return nil, fmt.Errorf("import %q.%q is not provided by the native runtime", im.Module, im.Name)
			}
		}
		return m, nil
	},
}

package wasm

import (
	"fmt"
	"io"

	"cot/ir/pipeline"
)

// Family is the Wasm IR family. Verify runs the validator registered by package verify.
//
// Print is a plain instruction listing until the WAT printer lands (then it prints WAT).
var Family = &pipeline.Family{
	Name: "wasm",
	Print: func(w io.Writer, prog any, fn string) {
		m := prog.(*Module)
		for i, f := range m.Funcs {
			if fn != "" && f.Name != fn {
				continue
			}
			fmt.Fprintf(w, "(func %d %s type=%d locals=%v\n", m.NumImported(ExternFunc)+i, f.Name, f.TypeIdx, f.Locals)
			for _, in := range f.Body {
				fmt.Fprintf(w, "  %s %d %d %d\n", in.Op, in.Index, in.Const, in.Offset)
			}
			fmt.Fprintln(w, ")")
		}
	},
	Verify: verifyModule,
}

// Languages of the family.
var (
	// LangStructured is what the front end's lower-to-wasm produces: plain Wasm whose functions
	// may still call runtime routines through imports of module "cot_runtime" (resolved by
	// link-runtime).
	LangStructured = &pipeline.Lang{Name: "wasm-structured", Family: Family}
	// LangFinal is exactly the module that is encoded.
	LangFinal = &pipeline.Lang{Name: "wasm-final", Family: Family, Base: LangStructured}
)

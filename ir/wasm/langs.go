package wasm

import (
	"fmt"
	"io"

	"cot/ir/pipeline"
)

// Family is the Wasm IR family: programs are *Module, printed as WAT (Print) and checked by the
// verifier that package verify registers (verify.Wasm; see verifier.go for why).
var Family = &pipeline.Family{
	Name: "wasm",
	Print: func(w io.Writer, prog any, fn string) {
		if m, ok := prog.(*Module); ok {
			Print(w, m, fn)
			return
		}
		fmt.Fprintf(w, ";; not a wasm module: %T\n", prog)
	},
	Verify: verifyModule,
	Checks: []string{"wasm-valid", "runtime-linked", "data-count-explicit"},
}

// Kinds are the node kinds of the family: the parts of a module (one per section of the binary
// format).
var Kinds = []string{"types", "imports", "funcs", "tables", "mems", "globals", "exports",
	"start", "elems", "datas", "customs"}

// RuntimeModule is the import module through which front-end output calls runtime routines
// before link-runtime replaces those imports by the routines' code.
const RuntimeModule = "cot_runtime"

// Languages of the family, as deltas.
//
// Design decision: the front end emits plain Wasm (runtime globals are allocated by symbol in
// the module builder, so no symbolic reference reaches this IR). LangStructured, the output of
// lower-to-wasm, may still call runtime routines through imports of RuntimeModule. LangFinal is
// exactly the module that is encoded; it adds two named invariants: "runtime-linked" (no import
// of RuntimeModule is left) and "data-count-explicit" (DataCount is set when a function uses
// memory.init or data.drop). Both languages are fully validated by verify.Wasm.
var (
	LangStructured = &pipeline.Lang{Name: "wasm-structured", Family: Family, Add: Kinds,
		Invariants: []string{"wasm-valid"}}
	LangFinal = &pipeline.Lang{Name: "wasm-final", Family: Family, Base: LangStructured,
		Invariants: []string{"runtime-linked", "data-count-explicit"}}
)

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
}

// Node kinds of the family: the parts of a module (one per section of the binary format).
var Kinds = []string{"types", "imports", "funcs", "tables", "mems", "globals", "exports",
	"start", "elems", "datas", "customs"}

// Languages of the family, as deltas.
//
// Design decision: the front end emits plain Wasm (runtime globals are allocated by symbol in
// the module builder before lowering, so no symbolic reference reaches this IR). LangStructured
// is therefore the same language as LangFinal except for one named invariant: a final module is
// ready for Encode with its data count decided ("data-count-explicit": DataCount is set when a
// function uses memory.init or data.drop). Both are fully validated by verify.Wasm.
var (
	LangStructured = &pipeline.Lang{Name: "wasm-structured", Family: Family, Add: Kinds,
		Invariants: []string{"wasm-valid"}}
	LangFinal = &pipeline.Lang{Name: "wasm-final", Family: Family, Base: LangStructured,
		Invariants: []string{"data-count-explicit"}}
)

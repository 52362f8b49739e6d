// Pass decode: wasm-binary -> wasm-lazy.
//
// Decodes the module bytes with backend/wasm.DecodeLazy: the module is decoded and validated
// except for its function bodies, which translate decodes and validates one function at a time
// (so that a large module's instructions are never all in memory at once).
//
//	00 61 73 6d 01 00 00 00 ...  =>  *wasm.Lazy
package arm64

import (
	"fmt"
	"io"

	"cot/backend/wasm"
	"cot/ir/pipeline"
	irwasm "cot/ir/wasm"
	"cot/verify"
)

var decodePass = pipeline.Pass{
	Name: "decode",
	In:   pipeline.LangWasmBinary,
	Out:  LangWasmLazy,
	Run: func(ctx *pipeline.Ctx, prog any) (any, error) {
		return wasm.DecodeLazy(prog.([]byte))
	},
}

// WasmLazy is the family of decoded modules whose function bodies are decoded when a pass asks
// for one (*wasm.Lazy). Its text form is the module's WAT, every body decoded; its verifier
// checks the module-level rules of validation (each body is validated as it is decoded).
var WasmLazy = &pipeline.Family{
	Name: "wasm-lazy",
	Print: func(w io.Writer, prog any, fn string) {
		m, err := prog.(*wasm.Lazy).Full()
		if err != nil {
			fmt.Fprintf(w, ";; %v\n", err)
			return
		}
		irwasm.Print(w, m, fn)
	},
	Verify: func(_ *pipeline.Lang, prog any) []error {
		l, ok := prog.(*wasm.Lazy)
		if !ok {
			return []error{fmt.Errorf("wasm-lazy: want *wasm.Lazy, have %T", prog)}
		}
		_, errs := verify.NewWasmValidator(l.M)
		return errs
	},
}

// LangWasmLazy is the backend's input: a decoded module, validated but for the bodies.
var LangWasmLazy = &pipeline.Lang{Name: "wasm-lazy", Family: WasmLazy, Add: irwasm.Kinds}

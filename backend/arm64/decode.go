// Pass decode: wasm-binary -> wasm-final.
//
// Decodes and validates the module bytes with backend/wasm.Decode.
//
//	00 61 73 6d 01 00 00 00 ...  =>  *wasm.Module
package arm64

import (
	"cot/backend/wasm"
	"cot/ir/pipeline"
	irwasm "cot/ir/wasm"
)

var decodePass = pipeline.Pass{
	Name: "decode",
	In:   pipeline.LangWasmBinary,
	Out:  irwasm.LangFinal,
	Run: func(ctx *pipeline.Ctx, prog any) (any, error) {
		return wasm.Decode(prog.([]byte))
	},
}

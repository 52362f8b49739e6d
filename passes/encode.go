// Pass encode: wasm-final -> wasm-binary.
//
// Encodes the final module in the WebAssembly binary format (backend/wasm.Encode, which
// validates first). The bytes are the boundary of the front end: every engine and the AArch64
// backend start from them.
//
//	*wasm.Module  =>  []byte ("\x00asm" ...)

package passes

import (
	"cot/backend/wasm"
	"cot/ir/pipeline"
	irwasm "cot/ir/wasm"
)

func encode(_ *pipeline.Ctx, prog any) (any, error) {
	b, err := wasm.Encode(prog.(*irwasm.Module))
	if err != nil {
		panic("encode: " + err.Error()) // the module was verified: a failure here is a compiler bug
	}
	return b, nil
}

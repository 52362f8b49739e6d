// Pass encode: wasm-final -> wasm-binary.
//
// Encodes the final module in the WebAssembly binary format (backend/wasm.Encode, which
// validates first). The bytes are the boundary of the front end: every engine and the AArch64
// backend start from them. Streamed (front_stream.go), each function's body is validated and
// encoded as it is made, and the join encodes the module around the bodies' bytes
// (backend/wasm.EncodeParts), so the module never holds every body as instructions.
//
//	*wasm.Module  =>  []byte ("\x00asm" ...)

package passes

import (
	"bytes"
	"sync"

	"cot/backend/wasm"
	"cot/ir/pipeline"
	irwasm "cot/ir/wasm"
	"cot/verify"
)

func encode(ctx *pipeline.Ctx, prog any) (any, error) {
	if u := unitOf(ctx); u != nil { // streamed (front_stream.go): one function's code entry
		lf := prog.(*loweredFunc)
		ctx.Func = lf.symbol
		return encodeFunc(ctx.Store[encodeKey].(*verify.WasmValidator), u.index, lf), nil
	}
	b, err := wasm.Encode(prog.(*irwasm.Module))
	if err != nil {
		panic("encode: " + err.Error()) // the module was verified: a failure here is a compiler bug
	}
	return b, nil
}

const encodeKey = "encode"

// startEncode prepares the streamed units' encoding of the bodies of m (whole but its bodies):
// each is validated against m as Encode validates a whole module's.
func startEncode(ctx *pipeline.Ctx, m *irwasm.Module) {
	val, _ := verify.NewWasmValidator(m) // the module's own rules are checked at the join
	ctx.Store[encodeKey] = val
}

// encodedFunc is one function's code entry (wasm.AppendCode).
type encodedFunc struct {
	code      []byte
	dataCount bool // the body uses memory.init or data.drop
}

// encodeFunc validates and encodes the body of defined function i.
func encodeFunc(val *verify.WasmValidator, i int, lf *loweredFunc) *encodedFunc {
	if err := val.Func(i, &irwasm.Func{TypeIdx: lf.typeIdx, Locals: lf.locals, Body: lf.body, Name: lf.symbol}); err != nil {
		panic("encode: " + err.Error()) // a compiler bug, as in Encode
	}
	buf, _ := codeBuffers.Get().(*[]byte)
	if buf == nil {
		buf = new([]byte)
	}
	*buf = wasm.AppendCode((*buf)[:0], lf.locals, lf.body)
	out := &encodedFunc{code: bytes.Clone(*buf)}
	codeBuffers.Put(buf)
	for _, in := range lf.body {
		out.dataCount = out.dataCount || in.Op == irwasm.OpMemoryInit || in.Op == irwasm.OpDataDrop
	}
	lf.release() // the body is bytes now
	return out
}

// codeBuffers holds the growing buffers code entries are encoded in.
var codeBuffers sync.Pool

// encodeParts encodes m, whose bodies the units encoded (code, in function order).
func encodeParts(m *irwasm.Module, code [][]byte, dataCount bool) []byte {
	if dataCount && m.DataCount == nil {
		n := uint32(len(m.Datas))
		m.DataCount = &n // as Encode adds the section for a body that needs it
	}
	b, err := wasm.EncodeParts(m, code)
	if err != nil {
		panic("encode: " + err.Error())
	}
	return b
}

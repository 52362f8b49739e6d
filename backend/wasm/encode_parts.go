package wasm

import (
	"errors"
	"fmt"

	"cot/ir/wasm"
	"cot/verify"
)

// Encoding a module whose function bodies were encoded one at a time, as they were made (the
// front end's streamed passes): the module never holds every body as instructions.

// AppendCode appends to dst the code entry of a function (its size excepted): its locals, then
// its body, as Encode writes them. The caller validates the body first
// (verify.WasmValidator.Func).
func AppendCode(dst []byte, locals []wasm.ValType, body []wasm.Instr) []byte {
	return appendExpr(appendLocals(dst, locals), body)
}

// EncodeParts is Encode for m whose function bodies are absent (Func.Body nil): code[i] is the
// code entry of m.Funcs[i] (AppendCode), validated by the caller. It validates the rest of m.
// The bodies must not use memory.init or data.drop unless m has a data count (DataCount).
func EncodeParts(m *wasm.Module, code [][]byte) ([]byte, error) {
	if len(code) != len(m.Funcs) {
		return nil, fmt.Errorf("wasm: encode: %d code entries for %d functions", len(code), len(m.Funcs))
	}
	if _, errs := verify.NewWasmValidator(m); len(errs) > 0 {
		return nil, fmt.Errorf("wasm: encode: invalid module: %w", errors.Join(errs...))
	}
	if code == nil {
		code = [][]byte{}
	}
	e := &encoder{m: m, code: code, codeSize: 5}
	for _, c := range code {
		e.codeSize += 5 + len(c)
	}
	data := 0
	for _, d := range m.Datas {
		data += len(d.Bytes)
	}
	e.out = make([]byte, 0, e.codeSize+data+1<<16) // the code and the data are most of a module
	return e.module(), nil
}

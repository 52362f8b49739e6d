package runner

// What RunWazero does to a module before wazero sees it. backend/wasm decodes and validates it;
// the module then gets the miscompile workaround (wazero_workaround.go), and the one instantiation
// check wazero leaves out is made here.

import (
	"errors"

	encwasm "cot/backend/wasm"
	"cot/ir/wasm"

	"github.com/tetratelabs/wazero"
)

// WazeroSetup returns how cot runs module b on wazero, for RunWazero and for every other
// in-process use of wazero (the spec and fuzz harnesses): the bytes to compile, the runtime
// configuration to compile them with — the optimizing compiler on the module as
// avoidBandCompareMiscompile rewrites it, or the interpreter on the original when backend/wasm
// cannot decode it (SIMD) — and whether instantiation must trap on an element segment out of
// bounds (elemOutOfBounds). A module beyond the implementation limits of backend/wasm (those of
// cot aot and wasmtime) is refused with its *encwasm.DecodeError, never handed to the interpreter.
func WazeroSetup(b []byte) (code []byte, rc wazero.RuntimeConfig, elemOutOfBounds bool, err error) {
	prep, err := prepareForWazero(b)
	var de *encwasm.DecodeError
	switch {
	case errors.As(err, &de) && de.Limit:
		return nil, nil, false, err
	case err != nil:
		return b, wazero.NewRuntimeConfigInterpreter(), false, nil
	}
	return prep.code, wazero.NewRuntimeConfigCompiler(), prep.elemOutOfBounds, nil
}

// wazeroModule is a module prepared for wazero's compiler.
type wazeroModule struct {
	code []byte
	// elemOutOfBounds: an active element segment does not fit its table, so instantiation traps
	// (Wasm 2.0: active segments are table.init at instantiation). wazero v1.12.0 stops applying
	// segments there and runs the module anyway (store.go, applyElements); wasmtime traps.
	elemOutOfBounds bool
}

// prepareForWazero returns the module to run, or the error of backend/wasm when it cannot decode
// it (SIMD, or a module beyond its limits) or encode the rewritten module.
func prepareForWazero(b []byte) (wazeroModule, error) {
	m, err := encwasm.Decode(b)
	if err != nil {
		return wazeroModule{}, err
	}
	prep := wazeroModule{code: b, elemOutOfBounds: elemOutOfBounds(m)}
	if avoidBandCompareMiscompile(m) {
		if prep.code, err = encwasm.Encode(m); err != nil {
			return wazeroModule{}, err
		}
	}
	return prep, nil
}

// elemOutOfBounds reports whether an active element segment with a constant offset reaches past
// the initial size of a table the module defines. Segments are applied in order before the data
// segments, so this trap comes before any data segment's.
func elemOutOfBounds(m *wasm.Module) bool {
	nImported := m.NumImported(wasm.ExternTable)
	for _, el := range m.Elems {
		if el.Mode != wasm.ElemActive || int(el.Table) < nImported || len(el.Offset) != 2 || el.Offset[0].Op != wasm.OpI32Const {
			continue
		}
		size := uint64(m.Tables[int(el.Table)-nImported].Limits.Min)
		if uint64(uint32(el.Offset[0].Const))+uint64(len(el.Init)) > size {
			return true
		}
	}
	return false
}

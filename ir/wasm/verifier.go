package wasm

import (
	"errors"

	"cot/ir/pipeline"
)

// Design decision: the Wasm verifier lives in package verify, which imports ir/wasm; ir/wasm
// cannot import verify back. So Family.Verify calls a verifier registered by verify's init
// (verify.Wasm). A program that runs the wasm family without linking verify gets an explicit
// error instead of a silently skipped check.
var registeredVerifier func(*pipeline.Lang, any) []error

// RegisterVerifier installs the family's verifier; package verify calls it from init.
func RegisterVerifier(f func(*pipeline.Lang, any) []error) { registeredVerifier = f }

func verifyModule(lang *pipeline.Lang, prog any) []error {
	if registeredVerifier == nil {
		return []error{errors.New("wasm: no verifier registered (import cot/verify)")}
	}
	return registeredVerifier(lang, prog)
}

package main

import (
	"errors"
	"fmt"

	"cot/backend/wasm"
	"cot/ir/pipeline"
	"cot/ir/src"
)

// moduleError turns the backend's rejection of a `cot aot` input into a diagnostic that names
// the file, the byte offset when there is one, and a code: E0500 for a malformed or invalid
// module, E0501 for an import the native runtime does not provide. A .wasm file has no lines,
// so its position is `file:0xOFFSET`. Internal errors, user diagnostics and --stop-after pass
// through unchanged.
func moduleError(file string, err error) error {
	var ue *src.UserError
	var ie *pipeline.InternalError
	if errors.Is(err, pipeline.ErrStopped) || errors.As(err, &ue) || errors.As(err, &ie) {
		return err
	}
	var de *wasm.DecodeError
	if errors.As(err, &de) {
		return &diagnostic{fmt.Sprintf("%s:0x%x: error[E0500]: %s", file, de.Offset, de.Msg)}
	}
	return &diagnostic{fmt.Sprintf("%s: error[E0501]: %v", file, err)}
}

// diagnostic is a user error already formatted as a diagnostic line.
type diagnostic struct{ text string }

func (d *diagnostic) Error() string { return d.text }

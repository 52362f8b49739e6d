//go:build !cgo

package runner

import (
	"context"
	"errors"
)

// RunWasmtime needs cgo: wasmtime-go links the wasmtime C library.
func RunWasmtime(ctx context.Context, wasm []byte, cfg Config) (Result, error) {
	return Result{}, errors.New("wasmtime: this build has no cgo; install a C compiler (apt-get install gcc, or set CC=clang) and build with CGO_ENABLED=1")
}

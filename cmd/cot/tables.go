package main

import (
	"errors"

	"cot/ir/pipeline"
	"cot/passes"
)

// The pass tables of the two pipelines. backEnd returns an error that says what is missing while
// the AArch64 backend is not yet in the tree.

// frontEnd is the table from a source file (*src.File) to .wasm bytes.
func frontEnd() (*pipeline.Table, error) {
	return passes.Table(), nil
}

// backEnd is the AArch64 backend table from .wasm bytes to an ELF executable.
func backEnd() (*pipeline.Table, error) {
	return nil, errors.New("the AArch64 backend (backend/arm64.Table) is not in the tree yet")
}

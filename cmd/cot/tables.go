package main

import (
	"cot/backend/arm64"
	"cot/ir/pipeline"
	"cot/passes"
)

// The pass tables of the two pipelines; the .wasm bytes are the boundary between them.

// frontEnd is the table from a source file (*src.File) to .wasm bytes.
func frontEnd() *pipeline.Table { return passes.Table() }

// backEnd is the AArch64 backend table from .wasm bytes to an ELF executable.
func backEnd() *pipeline.Table { return arm64.Table() }

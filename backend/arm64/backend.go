// Package arm64 compiles a WebAssembly module (bytes) into a static AArch64 Linux executable,
// through its own pass table: decode, check-imports, translate, SSA optimisations, instruction
// selection, register allocation, frame layout, branch resolution, encoding and linking.
package arm64

import (
	"cot/ir/pipeline"
)

// Table returns the backend's pass table, from Wasm bytes to ELF bytes.
func Table() *pipeline.Table {
	return &pipeline.Table{
		Name: "arm64",
		Passes: []pipeline.Pass{
			decodePass,
			checkImportsPass,
			translatePass,
			removeRedundantParamsPass,
			optimizeConstantsPass,
			removeRedundantMasksPass,
			removeDeadValuesPass,
			eliminateCommonSubexpressionsPass,
			eliminateBoundsChecksPass,
			selectInstructionsPass,
			coalesceCopiesPass,
			allocateRegistersPass,
			layoutFramePass,
			optimizeBlockLayoutPass,
			duplicateSmallTailsPass,
			resolveBranchesPass,
			encodePass,
			linkPass,
		},
		Constraints: []pipeline.Constraint{
			{Before: "check-imports", After: "translate", Why: "translation assumes every import is provided natively"},
			{Before: "remove-redundant-params", After: "remove-dead-values", Why: "removing parameters leaves their constant arguments dead"},
			{Before: "remove-redundant-params", After: "optimize-constants", Why: "a parameter whose arguments are all one constant is folded only once it is replaced by it"},
			{Before: "optimize-constants", After: "remove-dead-values", Why: "folding leaves the folded operands dead"},
			{Before: "remove-redundant-masks", After: "remove-dead-values", Why: "a removed mask leaves its constant dead"},
			{Before: "remove-dead-values", After: "eliminate-bounds-checks", Why: "a check is dropped because a dominating access stays: no access may be removed afterwards"},
			{Before: "coalesce-copies", After: "allocate-registers", Why: "merging registers is only possible while they are virtual"},
			{Before: "allocate-registers", After: "layout-frame", Why: "the frame size depends on the spill slots"},
			{Before: "layout-frame", After: "optimize-block-layout", Why: "every block, the prologue's trap block too, must be placed"},
			{Before: "optimize-block-layout", After: "resolve-branches", Why: "fall-through jumps and branch reach depend on the final order"},
			{Before: "optimize-block-layout", After: "duplicate-small-tails", Why: "a jump to the next block is not copied: the order must be final"},
			{Before: "duplicate-small-tails", After: "resolve-branches", Why: "copies change the offsets branches reach"},
			{Before: "layout-frame", After: "resolve-branches", Why: "the stack-limit trap block is added by layout-frame"},
		},
		Stream: stream,
	}
}

// CompileModule compiles Wasm bytes to an executable under opts (dumps, verification, timing).
func CompileModule(wasmBytes []byte, opts *pipeline.Options) ([]byte, error) {
	if opts == nil {
		opts = &pipeline.Options{}
	}
	out, err := Table().Run(pipeline.NewCtx("arm64-linux"), wasmBytes, opts)
	if err != nil {
		return nil, err
	}
	return out.([]byte), nil
}

// Package passes holds the front end of cot: one file per pass (file name = pass name), and
// this file, the ordered pass table with its ordering constraints.
package passes

import (
	"cot/ir/ast"
	"cot/ir/pipeline"
	"cot/ir/wasm"
	_ "cot/verify" // installs the ast and wasm verifiers into their families
)

// Table returns the front-end pipeline: source text to Wasm bytes.
func Table() *pipeline.Table {
	return &pipeline.Table{
		Name: "front end",
		Passes: []pipeline.Pass{
			{Name: "parse", In: pipeline.LangSource, Out: ast.LangSrc, Run: parse},
			{Name: "resolve-names", In: ast.LangSrc, Out: ast.LangResolved, Run: resolveNames},
			{Name: "check-types", In: ast.LangResolved, Out: ast.LangTyped, Run: checkTypes, AfterErrors: true},
			{Name: "fold-constant-branches", In: ast.LangTyped, Out: ast.LangTyped, Run: foldConstantBranches, Required: true, AfterErrors: true},
			{Name: "check-missing-return", In: ast.LangTyped, Out: ast.LangTyped, Run: checkMissingReturn, Required: true, AfterErrors: true},
			{Name: "check-global-init-cycle", In: ast.LangTyped, Out: ast.LangTyped, Run: checkGlobalInitCycle, Required: true},
			{Name: "make-defer-explicit", In: ast.LangTyped, Out: ast.LangNoDefer, Run: makeDeferExplicit},
			{Name: "lower-tests", In: ast.LangNoDefer, Out: ast.LangNoTests, Run: lowerTests},
			{Name: "lower-enums", In: ast.LangNoTests, Out: ast.LangNoEnums, Run: lowerEnums},
			{Name: "remove-compound-assign", In: ast.LangNoEnums, Out: ast.LangNoCompoundAssign, Run: removeCompoundAssign},
			{Name: "lower-for-in", In: ast.LangNoCompoundAssign, Out: ast.LangNoForIn, Run: lowerForIn},
			{Name: "lower-switch", In: ast.LangNoForIn, Out: ast.LangNoSwitch, Run: lowerSwitch},
			{Name: "remove-logical-ops", In: ast.LangNoSwitch, Out: ast.LangNoShortCircuit, Run: removeLogicalOps},
			{Name: "lower-unions", In: ast.LangNoShortCircuit, Out: ast.LangNoUnions, Run: lowerUnions},
			{Name: "lower-optionals", In: ast.LangNoUnions, Out: ast.LangNoOptionals, Run: lowerOptionals},
			{Name: "lower-errors", In: ast.LangNoOptionals, Out: ast.LangNoErrors, Run: lowerErrors},
			{Name: "lower-print", In: ast.LangNoErrors, Out: ast.LangNoPrint, Run: lowerPrint},
			{Name: "lower-builtins", In: ast.LangNoPrint, Out: ast.LangNoBuiltins, Run: lowerBuiltins},
			{Name: "lower-strings", In: ast.LangNoBuiltins, Out: ast.LangNoStrings, Run: lowerStrings},
			{Name: "make-main-exit-explicit", In: ast.LangNoStrings, Out: ast.LangExplicitExit, Run: makeMainExitExplicit},
			{Name: "import-runtime", In: ast.LangExplicitExit, Out: ast.LangRuntimeImported, Run: importRuntime},
			{Name: "make-global-init-explicit", In: ast.LangRuntimeImported, Out: ast.LangConstGlobals, Run: makeGlobalInitExplicit},
			{Name: "layout-data", In: ast.LangConstGlobals, Out: ast.LangDataLaidOut, Run: layoutData},
			{Name: "make-memory-explicit", In: ast.LangDataLaidOut, Out: ast.LangMemory, Run: makeMemoryExplicit},
			{Name: "optimize-small-copies", In: ast.LangMemory, Out: ast.LangMemory, Run: optimizeSmallCopies},
			{Name: "make-frames-explicit", In: ast.LangMemory, Out: ast.LangFrames, Run: makeFramesExplicit},
			{Name: "flatten-expressions", In: ast.LangFrames, Out: ast.LangANF, Run: flattenExpressions},
			{Name: "lower-to-wasm", In: ast.LangANF, Out: wasm.LangStructured, Run: lowerToWasm},
			{Name: "link-runtime", In: wasm.LangStructured, Out: wasm.LangFinal, Run: linkRuntime},
			{Name: "optimize-wasm-peephole", In: wasm.LangFinal, Out: wasm.LangFinal, Run: optimizeWasmPeephole},
			{Name: "encode", In: wasm.LangFinal, Out: pipeline.LangWasmBinary, Run: encode},
		},
		Constraints: []pipeline.Constraint{
			constraint("resolve-names", "check-types", "types are attached to binders, so every name must denote its binder first"),
			constraint("check-types", "check-missing-return", "the analysis needs resolved loop labels and the result types"),
			constraint("fold-constant-branches", "check-missing-return", "only the taken branch of a folded condition runs, so only it must return"),
			constraint("check-types", "check-global-init-cycle", "a type error in an initializer is reported first, as the cause"),
			constraint("check-global-init-cycle", "lower-tests", "user errors are reported on the program as written, before any lowering"),
			constraint("check-global-init-cycle", "make-defer-explicit", "user errors are reported on the program as written, before any lowering"),
			constraint("check-missing-return", "make-defer-explicit", "user errors are reported on the program as written, before any lowering"),
			constraint("make-defer-explicit", "lower-tests", "a failing assertion in a test returns without running pending defers (spec §5.5)"),
			constraint("lower-tests", "lower-builtins", "assertions inside a test end the test; lower-builtins makes the others stop the program"),
			constraint("lower-tests", "lower-print", "the runner writes its lines with print statements"),
			constraint("lower-tests", "make-main-exit-explicit", "under cot test the generated runner is the main the entry calls"),
			constraint("check-global-init-cycle", "lower-enums", "user errors are reported on the program as written, before any lowering"),
			constraint("check-missing-return", "remove-compound-assign", "user errors are reported on the program as written, before any lowering"),
			constraint("check-global-init-cycle", "remove-compound-assign", "user errors are reported on the program as written, before any lowering"),
			constraint("check-types", "remove-compound-assign", "user errors are reported on the program as written, before any lowering"),
			constraint("remove-compound-assign", "lower-for-in", "lower-for-in emits plain assignments, the only kind the languages after it allow"),
			constraint("check-types", "lower-for-in", "the range step needs the loop variable's binder and type"),
			constraint("lower-for-in", "remove-logical-ops", "each lowering removes one construct; the order follows the language chain"),
			constraint("lower-switch", "remove-logical-ops", "a switch arm's test is an and/or of its patterns and guard"),
			constraint("check-types", "lower-switch", "patterns are compared on the subject's type"),
			constraint("check-types", "lower-print", "lower-print chooses the runtime routine by the argument's type"),
			constraint("remove-logical-ops", "lower-print", "bool printing introduces if statements, not and/or, so either order works; the chain fixes this one"),
			constraint("lower-enums", "lower-optionals", "the struct of an optional of an enum holds the enum's backing integer"),
			constraint("lower-switch", "lower-optionals", "a switch of optional type is an if expression by then, which lower-optionals retypes"),
			constraint("remove-logical-ops", "lower-unions", "each lowering removes one construct; the order follows the language chain"),
			constraint("lower-switch", "lower-unions", "a switch on a union is a switch on its tag, which lower-switch turns into ifs"),
			constraint("lower-unions", "lower-optionals", "each lowering removes one construct; the order follows the language chain"),
			constraint("lower-unions", "make-memory-explicit", "a union is a struct by then, an aggregate make-memory-explicit puts in memory"),
			constraint("lower-optionals", "lower-errors", "each lowering removes one construct; the order follows the language chain"),
			constraint("lower-errors", "lower-print", "an error returned by main is reported with a print statement"),
			constraint("lower-errors", "make-memory-explicit", "an error union is a struct by then, an aggregate make-memory-explicit puts in memory"),
			constraint("lower-optionals", "lower-print", "a failed unwrap writes its message with a print statement"),
			constraint("lower-optionals", "make-memory-explicit", "an optional is a struct by then, an aggregate make-memory-explicit puts in memory"),
			constraint("lower-print", "lower-builtins", "a failed @assert_eq prints its values as print does, with lower-print's routines"),
			constraint("lower-builtins", "layout-data", "assertion messages are string addresses that layout-data places"),
			constraint("lower-print", "make-main-exit-explicit", "both introduce runtime calls; the entry calls exit, never print"),
			constraint("lower-print", "layout-data", "lower-print creates the string addresses (\"true\", \"\\n\") that layout-data places"),
			constraint("lower-switch", "lower-strings", "a switch on a string compares its patterns with string =="),
			constraint("lower-builtins", "lower-strings", "@assert_eq on strings compares them with string =="),
			constraint("lower-strings", "layout-data", "string literals become the addresses of their bytes, which layout-data places"),
			constraint("make-main-exit-explicit", "make-global-init-explicit", "initializations go at the head of the entry function, which must exist"),
			constraint("lower-builtins", "import-runtime", "the runtime is compiled through lower-builtins, and the program's runtime calls must all exist"),
			constraint("make-main-exit-explicit", "import-runtime", "every runtime call the front end makes exists by then"),
			constraint("import-runtime", "make-global-init-explicit", "the runtime's globals are initialized with the program's"),
			constraint("import-runtime", "layout-data", "the runtime's strings are laid out with the program's, in one data image"),
			constraint("make-global-init-explicit", "flatten-expressions", "initializer expressions must be flattened like any other"),
			constraint("layout-data", "flatten-expressions", "data addresses are atoms of ANF"),
			constraint("remove-logical-ops", "flatten-expressions", "flatten-expressions turns the if-expressions of and/or into statements"),
			constraint("make-main-exit-explicit", "flatten-expressions", "the exit status expression (main() & 255) must be flattened too"),
			constraint("flatten-expressions", "lower-to-wasm", "lower-to-wasm translates ANF statement by statement"),
			constraint("layout-data", "make-memory-explicit", "address-taken globals are placed after the string bytes, in the laid-out data image"),
			constraint("make-global-init-explicit", "make-memory-explicit", "an address-taken global's late initializer is an init-global statement, which becomes a store"),
			constraint("remove-compound-assign", "make-memory-explicit", "compound assignments through pointers are plain assignments, which become stores"),
			constraint("make-memory-explicit", "make-frames-explicit", "frames hold the slots make-memory-explicit allocates"),
			constraint("make-memory-explicit", "optimize-small-copies", "it expands the copies and fills make-memory-explicit writes"),
			constraint("make-frames-explicit", "flatten-expressions", "the stack check is an if statement like any other; frame addresses are atoms of ANF"),
			constraint("lower-to-wasm", "link-runtime", "link-runtime resolves the cot_runtime imports lower-to-wasm emits"),
			constraint("link-runtime", "optimize-wasm-peephole", "the runtime routines are optimized with the program"),
			constraint("link-runtime", "encode", "only a linked module (WASI imports only) is a runnable program"),
		},
	}
}

// constraint says pass before must run before pass after, and why.
func constraint(before, after, why string) pipeline.Constraint {
	return pipeline.Constraint{Before: before, After: after, Why: why}
}

package ast

import (
	"fmt"
	"io"

	"cot/ir/pipeline"
)

// Family is the ast IR family. Its Verify is installed by package verify (verify/ast.go), which
// imports this package; until then verification reports that the verifier is not linked in.
var Family = &pipeline.Family{
	Name: "ast",
	Print: func(w io.Writer, prog any, fn string) {
		Fprint(w, prog.(*Program), fn)
	},
	Verify: func(_ *pipeline.Lang, _ any) []error {
		return []error{fmt.Errorf("ast verifier not linked: import cot/verify")}
	},
}

// Named invariants of the ast languages (checked by verify/ast.go).
const (
	// InvResolved: every binder has a program-unique ID, every reference the ID of a binder in
	// scope, every break/continue the ID of an enclosing loop.
	InvResolved = "names-resolved"
	// InvTyped: every expression has a type, consistent with its operands and binders.
	InvTyped = "typed"
	// InvEntry: the program has exactly one function exported as _start, taking and returning nothing.
	InvEntry = "entry-explicit"
	// InvConstGlobals: every global initializer is a literal (or a negated integer literal);
	// the others run as init-global statements of the entry function.
	InvConstGlobals = "globals-constant"
	// InvArgsTrivial: operands of operators and calls, and conditions, are atoms (IsTrivial); complex
	// expressions appear only as a var initializer, an assigned value, an expression statement or a
	// returned value.
	InvArgsTrivial = "args-trivial"
	// InvNoEnumTypes: no binder or expression has an enum type or the error type (enum and
	// error values are integers).
	InvNoEnumTypes = "no-enum-types"
	// InvNoUnions: no binder or expression has a union type (lower-unions made them structs).
	InvNoUnions = "no-union-types"
	// InvNoOptionals: no binder or expression has an optional type (lower-optionals made them structs).
	InvNoOptionals = "no-optional-types"
	// InvNoErrorUnions: no binder or expression has an error union type (lower-errors made them structs).
	InvNoErrorUnions = "no-error-union-types"
	// InvNoFreeVars: every function uses only its own parameters and locals, globals and
	// functions: no anonymous function is left to capture anything (convert-closures).
	InvNoFreeVars = "no-free-vars"
	// InvScalarMemory: loads and stores read and write only scalars (integers, bool, pointers).
	InvScalarMemory = "scalar-memory"
	// InvArcOwned: every fresh ARC object (a `new`, a call returning a pointer to a struct) is
	// owned: it is a variable's initializer, an assigned or returned value, or a value of an
	// aggregate literal (directly or as the value of a block or if expression there), and never
	// the operand of a retain (insert-arc).
	InvArcOwned = "objects-owned"
	// InvScalarValues: every binder and expression has a scalar type (integer, bool, pointer) or
	// void: aggregates are handled by address.
	InvScalarValues = "scalar-values"
)

// The ast languages, each a delta of its base. Passes (passes/pipeline.go) go from one to the next.
var (
	// LangSrc is what parse produces: the surface language, names unresolved, no types.
	LangSrc = &pipeline.Lang{Name: "src", Family: Family, Add: append([]string{
		"func", "param", "global", "enum", "member", "test", "bench",
		"block", "block-expr", "var", "const", "assign", "op-assign", "expr", "if", "while", "for-range",
		"break", "continue", "return", "print", "switch", "switch-expr", "switch-arm",
		"trap", "exit", "assert", "assert-eq", "size-of", "align-of",
		"int", "bool", "str", "char", "ref", "unary", "binary", "and", "or", "call", "if-expr", "int-cast", "host",
		"addr-of", "deref", "cast", "struct", "struct-lit", "zero", "field",
		"array-lit", "index", "slice", "len", "for-each", "tuple-lit", "type-alias", "null", "append",
		"float", "float-op",
		"null", "has-value", "unwrap", "orelse",
		"error-lit", "fail", "is-error", "error-code", "ok-value", "defer", "errdefer",
		"union", "union-lit", "union-tag", "union-payload",
		"str-len", "str-ptr", "str-make", "interp", "new",
		"fn-lit", "call-value",
		"comptime", "compile-error", "await",
	}, append(TypeExprKinds, GenericKinds...)...)}
	// LangResolved: every name refers to its binder by ID.
	LangResolved = &pipeline.Lang{Name: "resolved", Family: Family, Base: LangSrc, Invariants: []string{InvResolved}}
	// LangTyped: every expression and binder has its type; type expressions are gone.
	// Implicit conversions and @intCast are convert nodes; char literals are integer literals.
	LangTyped = &pipeline.Lang{Name: "typed", Family: Family, Base: LangResolved, Add: []string{"convert", "bytes-string", "string-bytes", "func-ref"}, Remove: append([]string{"char", "int-cast", "size-of", "align-of", "comptime", "compile-error", "await", "enum", "union", "member", "cast", "struct", "type-alias", "append"}, append(TypeExprKinds, GenericKinds...)...), Invariants: []string{InvTyped}}
	// LangNoClosures: every anonymous function is a top-level function, every function value the
	// address of a closure object, every call of a value a call-indirect (convert-closures).
	LangNoClosures = &pipeline.Lang{Name: "no-closures", Family: Family, Base: LangTyped, Remove: []string{"fn-lit", "func-ref", "call-value"}, Add: []string{"call-indirect"}, Invariants: []string{InvNoFreeVars}}
	// LangArc: reference counting is explicit (insert-arc): retains where a counted reference is
	// copied, releases (deferred, so LIFO with the program's defers) where one dies, destructor
	// calls of stack structs deferred.
	LangArc = &pipeline.Lang{Name: "arc-explicit", Family: Family, Base: LangNoClosures, Add: []string{"retain", "release"}, Invariants: []string{InvArcOwned}}
	// LangNoDefer: the body of every defer is copied to each exit of its block (make-defer-explicit).
	LangNoDefer = &pipeline.Lang{Name: "no-defer", Family: Family, Base: LangArc, Remove: []string{"defer", "errdefer"}}
	// LangNoTests: test blocks are plain functions (called by a generated runner main under
	// `cot test`, gone otherwise), bench blocks are gone; the runner reads the clock through a
	// runtime call.
	LangNoTests = &pipeline.Lang{Name: "no-tests", Family: Family, Base: LangNoDefer, Remove: []string{"test", "bench"}, Add: []string{"call-runtime"}}
	// LangNoArc: heap objects are runtime allocations, retain and release runtime calls and
	// calls of a release function per type (lower-arc).
	LangNoArc = &pipeline.Lang{Name: "no-arc", Family: Family, Base: LangNoTests, Remove: []string{"new", "retain", "release"}, Drop: []string{InvArcOwned}}
	// LangNoEnums: enum values are values of their backing integer type.
	LangNoEnums = &pipeline.Lang{Name: "no-enums", Family: Family, Base: LangNoArc, Invariants: []string{InvNoEnumTypes}}
	// LangNoCompoundAssign: `x op= e` is spelled `x = x op e`.
	LangNoCompoundAssign = &pipeline.Lang{Name: "no-compound-assign", Family: Family, Base: LangNoEnums, Remove: []string{"op-assign"}}
	// LangNoForIn: range loops are while loops with a step.
	LangNoForIn = &pipeline.Lang{Name: "no-for-in", Family: Family, Base: LangNoCompoundAssign, Remove: []string{"for-range", "for-each"}, Add: []string{"while-step"}}
	// LangNoSwitch: switches are chains of ifs.
	LangNoSwitch = &pipeline.Lang{Name: "no-switch", Family: Family, Base: LangNoForIn, Remove: []string{"switch", "switch-expr", "switch-arm"}}
	// LangNoShortCircuit: and/or are if-expressions.
	LangNoShortCircuit = &pipeline.Lang{Name: "no-short-circuit", Family: Family, Base: LangNoSwitch, Remove: []string{"and", "or"}}
	// LangNoUnions: every union is a struct of its tag and payload bytes (lower-unions).
	LangNoUnions = &pipeline.Lang{Name: "no-unions", Family: Family, Base: LangNoShortCircuit, Remove: []string{"union-lit", "union-tag", "union-payload"}, Invariants: []string{InvNoUnions}}
	// LangNoOptionals: every optional is a struct of its tag and payload (lower-optionals).
	LangNoOptionals = &pipeline.Lang{Name: "no-optionals", Family: Family, Base: LangNoUnions, Remove: []string{"null", "has-value", "unwrap", "orelse"}, Invariants: []string{InvNoOptionals}}
	// LangNoErrors: every error union is a struct of its tag and payload bytes, every error value
	// its i64 number (lower-errors).
	LangNoErrors = &pipeline.Lang{Name: "no-errors", Family: Family, Base: LangNoOptionals, Remove: []string{"error-lit", "fail", "is-error", "error-code", "ok-value"}, Invariants: []string{InvNoErrorUnions}}
	// LangNoPrint: print statements are runtime calls; printed string literals are addresses of
	// their bytes (the others stay values until lower-strings).
	LangNoPrint = &pipeline.Lang{Name: "no-print", Family: Family, Base: LangNoErrors, Remove: []string{"print", "interp"}, Add: []string{"call-runtime", "str-addr", "float-bits"}}
	// LangNoBuiltins: @assert and @assert_eq are tests, prints and runtime calls (@exit, @trap
	// and the host builtins stay for lower-to-wasm).
	LangNoBuiltins = &pipeline.Lang{Name: "no-builtins", Family: Family, Base: LangNoPrint, Remove: []string{"assert", "assert-eq"}}
	// LangNoStrings: string literals are made from the address of their bytes, indexing and
	// slicing of strings are bounds-checked address arithmetic, string == is a runtime call.
	LangNoStrings = &pipeline.Lang{Name: "no-strings", Family: Family, Base: LangNoBuiltins, Remove: []string{"str", "bytes-string", "string-bytes"}}
	// LangExplicitExit: an exported _start calls main and exits with its status.
	LangExplicitExit = &pipeline.Lang{Name: "explicit-exit", Family: Family, Base: LangNoStrings, Invariants: []string{InvEntry}}
	// LangRuntimeImported: the runtime functions the program calls are part of it; runtime
	// calls are plain calls.
	LangRuntimeImported = &pipeline.Lang{Name: "runtime-imported", Family: Family, Base: LangExplicitExit, Remove: []string{"call-runtime"}}
	// LangConstGlobals: non-constant global initializers run at the start of _start.
	LangConstGlobals = &pipeline.Lang{Name: "constant-globals", Family: Family, Base: LangRuntimeImported, Add: []string{"init-global"}, Invariants: []string{InvConstGlobals}}
	// LangDataLaidOut: string bytes live in Program.Data, referenced by offset.
	LangDataLaidOut = &pipeline.Lang{Name: "data-laid-out", Family: Family, Base: LangConstGlobals, Remove: []string{"str-addr"}, Add: []string{"data-addr"}}
	// LangMemory: variables whose address is taken, and every aggregate (struct) value, live in
	// memory (frame slots, the data image); an aggregate is handled by its address; pointers are
	// read and written by explicit loads and stores, aggregates copied and zeroed explicitly.
	LangMemory = &pipeline.Lang{Name: "memory-explicit", Family: Family, Base: LangDataLaidOut, Remove: []string{"addr-of", "deref", "struct-lit", "zero", "field", "array-lit", "index", "slice", "len", "tuple-lit"}, Add: []string{"alloca", "load", "store", "offset", "copy", "fill", "elem"}, Invariants: []string{InvScalarMemory, InvScalarValues}}
	// LangFrames: frame slots are offsets from the frame pointer; functions declare their frame size.
	LangFrames = &pipeline.Lang{Name: "frames-explicit", Family: Family, Base: LangMemory, Remove: []string{"alloca"}, Add: []string{"frame-addr", "stack-limit"}}
	// LangANF: administrative normal form, no if or block expressions.
	LangANF = &pipeline.Lang{Name: "anf", Family: Family, Base: LangFrames, Remove: []string{"if-expr", "block-expr"}, Invariants: []string{InvArgsTrivial}}
)

// Langs lists the ast languages from the source language on.
var Langs = []*pipeline.Lang{LangSrc, LangResolved, LangTyped, LangNoClosures, LangArc, LangNoDefer, LangNoTests, LangNoArc, LangNoEnums, LangNoCompoundAssign, LangNoForIn,
	LangNoSwitch, LangNoShortCircuit, LangNoUnions, LangNoOptionals, LangNoErrors, LangNoPrint, LangNoBuiltins, LangNoStrings, LangExplicitExit, LangRuntimeImported, LangConstGlobals, LangDataLaidOut, LangMemory, LangFrames, LangANF}

// IsConstInit reports whether a global initializer is a constant the Wasm module can hold
// statically: absent, a literal, or a negated integer or float literal.
func IsConstInit(e Expr) bool {
	switch e := e.(type) {
	case nil, *IntLit, *FloatLit, *BoolLit:
		return true
	case *Unary:
		_, lit := e.X.(*IntLit)
		_, float := e.X.(*FloatLit)
		return (lit || float) && e.Op == "neg"
	}
	return false
}

package ast

import "cot/ir/types"

// RuntimeSig is the Cot-level signature of a runtime routine.
type RuntimeSig struct {
	Params []types.Type
	Result types.Type
	// Built marks a routine still built with the Wasm builder (runtime/routines.go), which
	// link-runtime adds to the Wasm module; every other routine is a function of the runtime's
	// Cot source (runtime/*.cot) that import-runtime adds to the program.
	Built bool
}

// Runtime lists the runtime routines a RuntimeCall may name.
var Runtime = map[string]RuntimeSig{
	// write(fd, addr, len) writes len bytes at addr to fd (runtime/write.cot).
	"write": {Params: []types.Type{types.TI64, types.TI64, types.TI64}, Result: types.TVoid},
	// print_bool(fd, b) writes true or false (runtime/print.cot).
	"print_bool": {Params: []types.Type{types.TI64, types.TBool}, Result: types.TVoid},
	// print_int(fd, v) writes v in signed decimal.
	"print_int": {Params: []types.Type{types.TI64, types.TI64}, Result: types.TVoid, Built: true},
	// assert_failed() stops the program with `error: assertion failed` (runtime/fail.cot).
	"assert_failed": {Result: types.TVoid},
	// fail_exit() ends a failure report: exit status 134 (runtime/fail.cot).
	"fail_exit": {Result: types.TVoid},
	// host_result(r) translates a host call's negated WASI errno to the negated Linux errno
	// (runtime/host.cot).
	"host_result": {Params: []types.Type{types.TI64}, Result: types.TI64},
}

package ast

import "cot/ir/types"

// RuntimeSig is the Cot-level signature of a runtime routine.
type RuntimeSig struct {
	Params []types.Type
	Result types.Type
}

// Runtime lists the runtime routines a RuntimeCall may name. link-runtime supplies their code.
var Runtime = map[string]RuntimeSig{
	// write(fd, addr, len) writes len bytes at addr to fd.
	"write": {Params: []types.Type{types.TI64, types.TI64, types.TI64}, Result: types.TVoid},
	// print_int(fd, v) writes v in signed decimal.
	"print_int": {Params: []types.Type{types.TI64, types.TI64}, Result: types.TVoid},
	// exit(code) ends the process with status code.
	"exit": {Params: []types.Type{types.TI64}, Result: types.TVoid},
}

package verify

import (
	"slices"

	"cot/ir/ast"
	"cot/ir/types"
)

// hostCall checks a host builtin: a known name, its number of arguments (atoms in ANF), every
// argument and the result i64.
func (v *astVerifier) hostCall(e *ast.HostCall) {
	n, known := ast.HostBuiltins[e.Name]
	if !known {
		v.errorf(e, "unknown host builtin %s", e.Name)
		n = len(e.Args)
	}
	for _, a := range e.Args {
		v.expr(a, true)
	}
	v.call(e, slices.Repeat([]types.Type{types.TI64}, n), types.TI64, e.Args)
}

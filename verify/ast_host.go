package verify

import (
	"slices"

	"cot/ir/ast"
	"cot/ir/types"
)

// hostCall checks a host builtin: a known name, its number of arguments (atoms in ANF), every
// argument i64 (the first a string for a StringFirst builtin), the result i64 or void as the builtin says.
func (v *astVerifier) hostCall(e *ast.HostCall) {
	sig, known := ast.HostBuiltins[e.Name]
	if !known {
		v.errorf(e, "unknown host builtin %s", e.Name)
		sig = ast.HostSig{Args: len(e.Args)}
	}
	for _, a := range e.Args {
		v.expr(a, true)
	}
	params := sig.ParamTypes()
	if !known {
		params = slices.Repeat([]types.Type{types.TI64}, sig.Args)
	}
	v.call(e, params, sig.Result(), e.Args)
}

package passes

// check-types of the host builtins (language.md §10, decisions #24): every argument is an i64
// (integer literals take that type, narrower integers widen), the result an i64 or void.

import (
	"cot/ir/ast"
	"cot/ir/types"
)

func (c *checker) hostCall(e *ast.HostCall) ast.Expr {
	h := *e
	h.Args = nil
	for i, a := range e.Args {
		h.Args = append(h.Args, c.assign(a, types.TI64, hostArgWhat(e.Name, i)))
	}
	h.T = ast.HostBuiltins[e.Name].Result()
	return &h
}

func hostArgWhat(name string, i int) string {
	return "argument " + string(rune('1'+i)) + " of `@" + name + "`"
}

package passes

// check-types of the host builtins (language.md §10, decisions #24): every argument is an i64
// (integer literals take that type, narrower integers widen), the result an i64 or void.
// @fd_open has two forms (#24): (ptr, len, flags), and (path: string, flags, mode), which becomes
// the private fd_open_path.

import (
	"cot/ir/ast"
	"cot/ir/types"
)

func (c *checker) hostCall(e *ast.HostCall) ast.Expr {
	h := *e
	h.Args = nil
	for i, a := range e.Args {
		if i == 0 && e.Name == "fd_open" {
			if x := c.expr(a, types.TI64); types.Identical(x.Type(), types.TString) {
				h.Name = "fd_open_path"
				h.Args = append(h.Args, x)
			} else {
				h.Args = append(h.Args, c.convert(x, types.TI64, hostArgWhat(e.Name, i)))
			}
			continue
		}
		h.Args = append(h.Args, c.assign(a, ast.HostBuiltins[e.Name].ParamTypes()[i], hostArgWhat(e.Name, i)))
	}
	h.T = ast.HostBuiltins[e.Name].Result()
	return &h
}

func hostArgWhat(name string, i int) string {
	return "argument " + string(rune('1'+i)) + " of `@" + name + "`"
}

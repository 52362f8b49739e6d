package passes

// resolve-names of async / await (parse_async.go): `Future(T)` names the type of a future
// wherever no declaration named Future is visible; it keeps binder ID 0, as a type keyword does,
// and check-types makes it (check_types_async.go).

import "cot/ir/ast"

// predeclaredFuture reports whether t is `Future(T)` with no declaration named Future in sight.
func (rs *resolver) predeclaredFuture(t *ast.InstType) bool {
	if t.Name.Name != "Future" || len(t.Args) != 1 {
		return false
	}
	for i := len(rs.scopes) - 1; i >= 0; i-- {
		if _, ok := rs.inScope(i, t.Name.Name); ok {
			return false
		}
	}
	return rs.module == nil || len(rs.module.imported[t.Name.Name]) == 0
}

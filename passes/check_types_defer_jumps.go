package passes

// Jumps out of a defer body (check-types, spec §5.5; docs/decisions.md "defer diagnostics"): a
// deferred block runs to its end at every exit of its scope, so it may not leave itself. `return`
// and `try` there are reported where they are checked (check_types_stmt.go, the try spelling);
// here `break` and `continue` whose loop is outside the defer body: a loop inside the body may
// be left as usual, and a closure in it is its own function.

import "cot/ir/ast"

// checkDeferJumps reports the break and continue statements of a defer body that leave it.
func (c *checker) checkDeferJumps(body *ast.Block) {
	inside := map[int]bool{}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.While:
			inside[n.Label.ID] = true
		case *ast.ForRange:
			inside[n.Label.ID] = true
		case *ast.ForEach:
			inside[n.Label.ID] = true
		case *ast.Break:
			if !inside[n.Label.ID] {
				c.diags.Errorf(n.Pos(), codeTypeMismatch, "type mismatch: `break` inside a defer body leaves it (a deferred block runs to its end)")
			}
		case *ast.Continue:
			if !inside[n.Label.ID] {
				c.diags.Errorf(n.Pos(), codeTypeMismatch, "type mismatch: `continue` inside a defer body leaves it (a deferred block runs to its end)")
			}
		}
		return true
	})
}

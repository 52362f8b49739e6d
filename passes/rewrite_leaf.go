package passes

import "cot/ir/ast"

// defaultExpr is r.DefaultExpr for a sharing rewrite (ast.Rewriter.Share) whose hook leaves
// the leaves it has not handled as they are: a leaf (a literal, a reference, an address; no
// child expression) is returned at once, as the rewrite would return it after visiting its
// children. Most expressions are leaves, and the sharing rewrite costs a visit of each.
func defaultExpr(r *ast.Rewriter, e ast.Expr) ast.Expr {
	if ast.IsTrivial(e) {
		return e
	}
	return r.DefaultExpr(e)
}

// Pass fold-constant-branches: typed -> typed.
//
// Keeps only the taken branch of an if whose condition is a constant (spec §5.1, §12). check-types
// folds every foldable condition to its bool literal and type-checks only the branch it takes
// (check_types_comptime.go): the other is an empty block, or for an if expression the zero of its
// type, which never runs. This pass drops that branch and the test, so no later pass lowers it and
// check-missing-return sees the code that runs: a function whose taken branch returns needs no
// return after the if. An if statement becomes its taken block (empty when the condition is false
// and there is no else), an if expression its taken branch.
//
//	(if true (block A) (block))           =>  (block A)
//	(if false (block) (if C (block B)))   =>  (if C (block B))
//	(if-expr:i64 false (block:i64 (value 0)) (block:i64 (value E)))  =>  (block:i64 (value E))

package passes

import (
	"cot/ir/ast"
	"cot/ir/pipeline"
)

func foldConstantBranches(_ *pipeline.Ctx, prog any) (any, error) {
	r := &ast.Rewriter{Share: true}
	r.Stmt = func(r *ast.Rewriter, s ast.Stmt) []ast.Stmt {
		if st, ok := s.(*ast.If); ok && !st.HasValue() {
			if lit, ok := st.Cond.(*ast.BoolLit); ok {
				return r.RewriteStmt(takenBranch(st, lit.Value))
			}
		}
		return []ast.Stmt{r.DefaultStmt(s)}
	}
	r.Expr = func(r *ast.Rewriter, e ast.Expr) ast.Expr {
		if x, ok := e.(*ast.If); ok {
			if lit, ok := x.Cond.(*ast.BoolLit); ok {
				return r.RewriteExpr(takenBranch(x, lit.Value).(ast.Expr))
			}
		}
		return defaultExpr(r, e)
	}
	// Only declarations holding such an if are rewritten; the others are kept as they are.
	r.Decl = func(r *ast.Rewriter, d ast.Decl) []ast.Decl {
		if !hasConstantIf(d) {
			return []ast.Decl{d}
		}
		return []ast.Decl{r.DefaultDecl(d)}
	}
	return r.Program(prog.(*ast.Program)), nil
}

// hasConstantIf reports whether d holds an if whose condition is a bool literal.
func hasConstantIf(d ast.Decl) bool {
	found := false
	ast.Inspect(d, func(n ast.Node) bool {
		if x, ok := n.(*ast.If); ok {
			if _, lit := x.Cond.(*ast.BoolLit); lit {
				found = true
			}
		}
		return !found
	})
	return found
}

// takenBranch is the branch of s that runs when its condition is cond: then, else, or an empty
// block for a false condition without else.
func takenBranch(s *ast.If, cond bool) ast.Stmt {
	switch {
	case cond:
		return s.Then
	case s.Else != nil:
		return s.Else
	}
	return &ast.Block{At: s.At, Stmts: []ast.Stmt{}}
}

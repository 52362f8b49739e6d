package verify

// Compile-time evaluation nodes (ir/ast/node_comptime.go) and await: they exist only before check-types
// (the kind check keeps them out of typed languages); here their parts are walked.

import "cot/ir/ast"

func (v *astVerifier) comptimeExpr(e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.Comptime:
		v.block(e.X)
	case *ast.Await: // async / await (ir/ast/node_async.go), also gone after check-types
		v.expr(e.X, false)
	default:
		return false
	}
	return true
}

func (v *astVerifier) comptimeStmt(s ast.Stmt) bool {
	_, ok := s.(*ast.CompileError)
	return ok
}

package verify

// Compile-time evaluation nodes (ir/ast/node_comptime.go): they exist only before check-types
// (the kind check keeps them out of typed languages); here their parts are walked.

import "cot/ir/ast"

func (v *astVerifier) comptimeExpr(e ast.Expr) bool {
	c, ok := e.(*ast.Comptime)
	if ok {
		v.block(c.X)
	}
	return ok
}

func (v *astVerifier) comptimeStmt(s ast.Stmt) bool {
	_, ok := s.(*ast.CompileError)
	return ok
}

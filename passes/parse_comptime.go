package passes

// Compile-time evaluation in the parse pass (see parse.go): `comptime { e }` becomes a comptime
// node over its block expression, `@compileError("msg")` a compile-error statement (spec §12,
// §10); check-types folds the one and reports the other where it type-checks it
// (check_types_comptime.go).

import (
	"cot/grammar"
	"cot/ir/ast"
)

func (c *cstConverter) comptimeExpr(p *grammar.Primary) ast.Expr {
	return &ast.Comptime{At: c.at(p.Pos), X: c.valueBlock(p.Comptime)}
}

// compileErrorStmt converts @compileError("msg"); the message must be a plain string literal.
func (c *cstConverter) compileErrorStmt(b *grammar.BuiltinCall) ast.Stmt {
	args, ok := c.builtinArgs(b, 1)
	if !ok {
		return nil
	}
	msg, isLit := args[0].(*ast.StrLit)
	if !isLit {
		c.diags.Errorf(args[0].Pos(), codeTypeMismatch, "type mismatch: `@compileError` takes a string literal")
		return nil
	}
	return &ast.CompileError{At: c.at(b.Pos), Msg: msg.Value}
}

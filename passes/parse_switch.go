package passes

// Switches of the parse pass (see parse.go): arms, patterns, default arms and arm bodies;
// captures are in parse_union.go.

import (
	"cot/grammar"
	"cot/ir/ast"

	"github.com/alecthomas/participle/v2/lexer"
)

// switchOf converts a switch: an expression (each body is a block expression or a value) or a
// statement (each body is a block of statements, or an expression evaluated for its effect).
func (c *cstConverter) switchOf(sw *grammar.SwitchExpr, isExpr bool) *ast.Switch {
	out := &ast.Switch{At: c.at(sw.Pos), Subject: c.primary(sw.Subject)}
	body := func(e *grammar.Expr) *ast.Block {
		p := primaryOf(e)
		switch {
		case isExpr && p != nil && p.Block != nil:
			return c.valueBlock(p.Block)
		case isExpr && endsProgram(e): // `else => @trap()`: a branch without a value
			if st := c.builtinStmt(p.Builtin); st != nil {
				return &ast.Block{At: c.at(e.Pos), Stmts: []ast.Stmt{st}, Value: &ast.Zero{At: c.at(e.Pos)}}
			}
			return &ast.Block{At: c.at(e.Pos), Stmts: []ast.Stmt{}, Value: &ast.IntLit{At: c.at(e.Pos)}}
		case isExpr:
			return &ast.Block{At: c.at(e.Pos), Stmts: []ast.Stmt{}, Value: c.expr(e)}
		case p != nil && p.Block != nil:
			return c.block(p.Block)
		case p != nil && p.If != nil:
			// An if body of a switch statement is an if statement (no else needed).
			return &ast.Block{At: c.at(e.Pos), Stmts: []ast.Stmt{c.ifBody(p.If)}}
		}
		// An expression body of a switch statement is an expression statement (print included).
		return &ast.Block{At: c.at(e.Pos), Stmts: []ast.Stmt{c.simple(&grammar.SimpleStmt{Pos: e.Pos, Target: e})}}
	}
	for _, a := range sw.Arms {
		if a.Else || len(a.Patterns) == 1 && a.Patterns[0].End == nil && isUnderscore(a.Patterns[0].Value) {
			out.Else = body(a.Body) // the last default arm written wins (spec §6.12)
			continue
		}
		arm := &ast.SwitchArm{At: c.at(a.Pos), Body: body(a.Body)}
		if a.Guard != nil {
			arm.Guard = c.expr(a.Guard)
		}
		if a.Capture != "" {
			c.capturePayload(arm, a)
		}
		for _, p := range a.Patterns {
			arm.Lo = append(arm.Lo, c.pattern(p.Pos, p.Neg, p.Value))
			var hi ast.Expr
			if p.End != nil {
				hi = c.pattern(p.Pos, p.EndNeg, p.End)
			}
			arm.Hi = append(arm.Hi, hi)
		}
		out.Arms = append(out.Arms, arm)
	}
	if len(out.Arms) == 0 {
		c.diags.Errorf(out.P, codeTypeMismatch, "type mismatch: a switch needs at least one arm with a pattern")
	}
	return out
}

// endsProgram reports whether e is a call of @trap or @exit, which never return, or of
// @compileError, which stops the compilation where it is checked.
func endsProgram(e *grammar.Expr) bool {
	p := primaryOf(e)
	return p != nil && p.Builtin != nil && (p.Builtin.Name == "@trap" || p.Builtin.Name == "@exit" || p.Builtin.Name == "@compileError")
}

// ifBody converts an if expression written as the body of a switch statement's arm into an if
// statement: its value is not used, so it needs no else.
func (c *cstConverter) ifBody(x *grammar.IfExpr) ast.Stmt {
	stmt := func(b *grammar.Block) *grammar.Stmt {
		if b == nil {
			return nil
		}
		return &grammar.Stmt{Pos: b.Pos, EndPos: b.EndPos, Block: b}
	}
	var elseIfs []*grammar.ElseIfStmt
	for _, e := range x.ElseIfs {
		elseIfs = append(elseIfs, &grammar.ElseIfStmt{Pos: e.Pos, EndPos: e.EndPos, Cond: e.Cond, Capture: e.Capture, Then: stmt(e.Then)})
	}
	return c.ifStmt(x.Pos, x.Cond, x.Capture, stmt(x.Then), elseIfs, stmt(x.Else))
}

func isUnderscore(p *grammar.PostfixExpr) bool {
	return len(p.Suffixes) == 0 && p.Primary.Ident != nil && *p.Primary.Ident == "_"
}

// pattern converts one pattern value (neg: written with a leading minus).
func (c *cstConverter) pattern(pos lexer.Position, neg bool, v *grammar.PostfixExpr) ast.Expr {
	x := c.postfix(v)
	if neg {
		x = &ast.Unary{At: c.at(pos), Op: "neg", X: x}
	}
	return x
}

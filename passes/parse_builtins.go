package passes

// Builtins of the parse pass (see parse.go): @intCast, @sizeOf and @alignOf as expressions,
// @trap, @exit, @assert and @assert_eq as statements.

import (
	"cot/grammar"
	"cot/ir/ast"
)

// intCast converts @intCast(T, v); T may parse as a type or, when it is a bare name, as an
// expression.
func (c *cstConverter) intCast(b *grammar.BuiltinCall) ast.Expr {
	at := c.at(b.Pos)
	if len(b.Args) != 2 || b.Args[1].Expr == nil {
		c.diags.Errorf(at.P, codeTypeMismatch, "wrong number of arguments: `@intCast` takes a type and a value, got %d arguments", len(b.Args))
		return &ast.IntLit{At: at}
	}
	tx := c.typeArg(b.Args[0], "the first argument of `@intCast`")
	if tx == nil {
		return &ast.IntLit{At: at}
	}
	return &ast.IntCast{At: at, TypeX: tx, X: c.expr(b.Args[1].Expr)}
}

// builtinStmts are the builtins the compiler handles as statements (they yield no value).
var builtinStmts = map[string]bool{"@trap": true, "@exit": true, "@assert": true, "@assert_eq": true, "@compileError": true}

// builtinArgs converts the value arguments of a builtin, reporting a wrong count.
func (c *cstConverter) builtinArgs(b *grammar.BuiltinCall, n int) ([]ast.Expr, bool) {
	var args []ast.Expr
	for _, a := range b.Args {
		if a.Expr == nil {
			c.diags.Errorf(c.pos(a.Pos), codeTypeMismatch, "type mismatch: `%s` takes values, not types", b.Name)
			return nil, false
		}
		args = append(args, c.expr(a.Expr))
	}
	if len(args) != n {
		c.diags.Errorf(c.pos(b.Pos), codeTypeMismatch, "wrong number of arguments: `%s` takes %d, got %d", b.Name, n, len(args))
		return nil, false
	}
	return args, true
}

// builtinStmt converts @trap(), @exit(code), @assert(cond) and @assert_eq(x, y).
func (c *cstConverter) builtinStmt(b *grammar.BuiltinCall) ast.Stmt {
	if b.Name == "@compileError" {
		return c.compileErrorStmt(b) // parse_comptime.go
	}
	at := c.at(b.Pos)
	n := map[string]int{"@trap": 0, "@exit": 1, "@assert": 1, "@assert_eq": 2}[b.Name]
	args, ok := c.builtinArgs(b, n)
	switch {
	case !ok:
		return nil
	case b.Name == "@trap":
		return &ast.Trap{At: at}
	case b.Name == "@exit":
		return &ast.Exit{At: at, Code: args[0]}
	case b.Name == "@assert":
		return &ast.Assert{At: at, Cond: args[0]}
	}
	return &ast.AssertEq{At: at, X: args[0], Y: args[1]}
}

// sizeOf converts @sizeOf(T) and @alignOf(T).
func (c *cstConverter) sizeOf(b *grammar.BuiltinCall) ast.Expr {
	at := c.at(b.Pos)
	if len(b.Args) != 1 {
		c.diags.Errorf(at.P, codeTypeMismatch, "wrong number of arguments: `%s` takes 1, got %d", b.Name, len(b.Args))
		return &ast.IntLit{At: at}
	}
	tx := c.typeArg(b.Args[0], "the argument of `"+b.Name+"`")
	if tx == nil {
		return &ast.IntLit{At: at}
	}
	return &ast.SizeOf{At: at, Align: b.Name == "@alignOf", TypeX: tx}
}

// typeArg converts a builtin's type argument, which parses as a type or, when it is a bare
// name, as an expression; what names the argument in the error for anything else.
func (c *cstConverter) typeArg(a *grammar.Arg, what string) ast.TypeExpr {
	if t, ok := c.typeArgOf(a); ok { // parse_generic.go
		return t
	}
	c.diags.Errorf(c.pos(a.Pos), codeTypeMismatch, "type mismatch: %s must be a type", what)
	return nil
}

// ptrBuiltins are the pointer conversions of spec §10: @intToPtr(*T, addr), @ptrCast(*T, p)
// and @ptrToInt(p).
var ptrBuiltins = map[string]bool{"@intToPtr": true, "@ptrCast": true, "@ptrToInt": true}

// ptrBuiltin converts a pointer conversion builtin into a cast node.
func (c *cstConverter) ptrBuiltin(b *grammar.BuiltinCall) ast.Expr {
	at := c.at(b.Pos)
	if b.Name == "@ptrToInt" {
		args, ok := c.builtinArgs(b, 1)
		if !ok {
			return &ast.IntLit{At: at}
		}
		return &ast.Cast{At: at, Builtin: b.Name, X: args[0]}
	}
	if len(b.Args) != 2 || b.Args[1].Expr == nil {
		c.diags.Errorf(at.P, codeTypeMismatch, "wrong number of arguments: `%s` takes a type and a value, got %d arguments", b.Name, len(b.Args))
		return &ast.IntLit{At: at}
	}
	tx := c.typeArg(b.Args[0], "the first argument of `"+b.Name+"`")
	if tx == nil {
		return &ast.IntLit{At: at}
	}
	return &ast.Cast{At: at, Builtin: b.Name, TypeX: tx, X: c.expr(b.Args[1].Expr)}
}

// tupleOfNames returns the elements of e when it is a parenthesized list of two or more type
// names or such lists, as a tuple type written where an expression may stand; else nil.
func tupleOfNames(e *grammar.Expr) []*grammar.Expr {
	p := primaryOf(e)
	if p == nil || p.Paren == nil || len(p.Paren.Elems) < 2 {
		return nil
	}
	for _, x := range p.Paren.Elems {
		if q := primaryOf(x); q == nil || q.Ident == nil && tupleOfNames(x) == nil {
			return nil
		}
	}
	return p.Paren.Elems
}

// tupleTypeArg converts a tuple of names (tupleOfNames) into a tuple type.
func (c *cstConverter) tupleTypeArg(e *grammar.Expr) ast.TypeExpr {
	t := &ast.TupleType{At: c.at(e.Pos)}
	for _, x := range tupleOfNames(e) {
		if q := primaryOf(x); q.Ident != nil {
			t.Elems = append(t.Elems, &ast.TypeName{At: c.at(x.Pos), Name: ast.Name{Name: *q.Ident}})
		} else {
			t.Elems = append(t.Elems, c.tupleTypeArg(x))
		}
	}
	return t
}

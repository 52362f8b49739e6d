package passes

// Expressions of the parse pass (see parse.go).

import (
	"cot/grammar"
	"cot/ir/ast"

	"github.com/alecthomas/participle/v2/lexer"
)

// primaryOf returns the primary of an expression that is nothing but a primary (no operators,
// no suffixes), or nil.
func primaryOf(e *grammar.Expr) *grammar.Primary {
	if len(e.Rest) > 0 || len(e.Left.Rest) > 0 {
		return nil
	}
	a := e.Left.Left
	if len(a.Rest) > 0 || len(a.Left.Rest) > 0 || len(a.Left.Left.Rest) > 0 || len(a.Left.Left.Left.Rest) > 0 {
		return nil
	}
	u := a.Left.Left.Left.Left
	if len(u.Ops) > 0 || len(u.Operand.Suffixes) > 0 {
		return nil
	}
	return u.Operand.Primary
}

// directCall recognises `name(args)` as a whole expression.
func directCall(e *grammar.Expr) (string, *grammar.CallSuffix) {
	if len(e.Rest) > 0 || len(e.Left.Rest) > 0 {
		return "", nil
	}
	a := e.Left.Left
	if len(a.Rest) > 0 || len(a.Left.Rest) > 0 || len(a.Left.Left.Rest) > 0 || len(a.Left.Left.Left.Rest) > 0 {
		return "", nil
	}
	u := a.Left.Left.Left.Left
	if len(u.Ops) > 0 || len(u.Operand.Suffixes) != 1 || u.Operand.Primary.Ident == nil || u.Operand.Suffixes[0].Call == nil {
		return "", nil
	}
	return *u.Operand.Primary.Ident, u.Operand.Suffixes[0].Call
}

func (c *cstConverter) expr(e *grammar.Expr) ast.Expr {
	for _, r := range e.Rest {
		c.unsupported(r.Pos, "`"+r.Op+"`")
	}
	x := c.and(e.Left.Left)
	for _, r := range e.Left.Rest {
		x = &ast.Logical{At: c.at(r.Pos), Op: "or", X: x, Y: c.and(r.Right)}
	}
	return x
}

func (c *cstConverter) and(e *grammar.AndExpr) ast.Expr {
	x := c.cmp(e.Left)
	for _, r := range e.Rest {
		x = &ast.Logical{At: c.at(r.Pos), Op: "and", X: x, Y: c.cmp(r.Right)}
	}
	return x
}

func (c *cstConverter) cmp(e *grammar.CmpExpr) ast.Expr {
	x := c.add(e.Left)
	for _, r := range e.Rest {
		x = &ast.Binary{At: c.at(r.Pos), Op: r.Op, X: x, Y: c.add(r.Right)}
	}
	return x
}

func (c *cstConverter) add(e *grammar.AddExpr) ast.Expr {
	x := c.mul(e.Left)
	for _, r := range e.Rest {
		x = &ast.Binary{At: c.at(r.Pos), Op: r.Op, X: x, Y: c.mul(r.Right)}
	}
	return x
}

func (c *cstConverter) mul(e *grammar.MulExpr) ast.Expr {
	x := c.unary(e.Left)
	for _, r := range e.Rest {
		x = &ast.Binary{At: c.at(r.Pos), Op: r.Op, X: x, Y: c.unary(r.Right)}
	}
	return x
}

var unarySpelling = map[string]string{"-": "neg", "!": "not", "not": "not", "~": "bnot"}

func (c *cstConverter) unary(e *grammar.UnaryExpr) ast.Expr {
	x := c.postfix(e.Operand)
	for i := len(e.Ops) - 1; i >= 0; i-- {
		op, ok := unarySpelling[e.Ops[i]]
		if !ok {
			c.unsupported(e.Pos, "prefix `"+e.Ops[i]+"`")
			continue
		}
		x = &ast.Unary{At: c.at(e.Pos), Op: op, X: x}
	}
	return x
}

func (c *cstConverter) postfix(e *grammar.PostfixExpr) ast.Expr {
	if len(e.Suffixes) == 0 {
		return c.primary(e.Primary)
	}
	s := e.Suffixes[0]
	if e.Primary.Ident != nil && s.Call != nil && len(e.Suffixes) == 1 {
		name := *e.Primary.Ident
		if _, isPrint := printFds[name]; isPrint {
			c.unsupported(e.Pos, "`"+name+"` inside an expression")
		}
		callee := &ast.Ref{At: c.at(e.Primary.Pos), Name: ast.Name{Name: name}}
		return &ast.Call{At: c.at(e.Pos), Callee: callee, Args: c.args(s.Call)}
	}
	what := "this postfix expression"
	switch {
	case s.Field != nil:
		what = "field access and methods"
	case s.TupleIndex != nil:
		what = "tuples"
	case s.Deref:
		what = "pointers"
	case s.Unwrap, s.OptField != nil:
		what = "optionals"
	case s.Call != nil:
		what = "calls of computed functions"
	case s.Index != nil:
		what = "indexing and slicing"
	case s.StructLit != nil:
		what = "struct literals"
	}
	c.unsupported(s.Pos, what)
	return c.primary(e.Primary)
}

func (c *cstConverter) args(call *grammar.CallSuffix) []ast.Expr {
	var out []ast.Expr
	for _, a := range call.Args {
		if a.Type != nil {
			c.unsupported(a.Pos, "type arguments")
			continue
		}
		out = append(out, c.expr(a.Expr))
	}
	return out
}

func (c *cstConverter) primary(p *grammar.Primary) ast.Expr {
	at := c.at(p.Pos)
	switch {
	case p.Int != nil:
		v, err := grammar.IntValue(*p.Int)
		if err != nil {
			c.diags.Errorf(at.P, codeLiteralRange, "integer literal out of range")
		}
		return &ast.IntLit{At: at, Value: v}
	case p.Bool != nil:
		return &ast.BoolLit{At: at, Value: *p.Bool == "true"}
	case p.String != nil:
		if p.String.Plain == nil {
			c.unsupported(p.Pos, "string interpolation")
			return &ast.StrLit{At: at}
		}
		return &ast.StrLit{At: at, Value: grammar.Unquote(*p.String.Plain)}
	case p.Ident != nil:
		return &ast.Ref{At: at, Name: ast.Name{Name: *p.Ident}}
	case p.Paren != nil:
		if len(p.Paren.Elems) != 1 {
			c.unsupported(p.Pos, "tuples")
		}
		return c.expr(p.Paren.Elems[0])
	case p.If != nil:
		return c.ifExpr(p.If.Pos, p.If.Cond, p.If.Capture, p.If.Then, p.If.ElseIfs, p.If.Else)
	}
	what := "this expression"
	switch {
	case p.Float != nil:
		what = "floating-point numbers"
	case p.Char != nil:
		what = "character literals"
	case p.Null:
		what = "null"
	case p.Undefined:
		what = "`undefined` outside an initializer"
	case p.ErrorLit != nil:
		what = "error values"
	case p.ZeroInit:
		what = "`.{}`"
	case p.Builtin != nil:
		what = "builtin " + p.Builtin.Name
	case p.Closure != nil:
		what = "closures"
	case p.New != nil:
		what = "new"
	case p.Switch != nil:
		what = "switch"
	case p.Comptime != nil:
		what = "comptime"
	case p.Block != nil:
		what = "block expressions"
	case p.Array != nil:
		what = "array literals"
	}
	c.unsupported(p.Pos, what)
	return &ast.IntLit{At: at}
}

// ifExpr converts an if expression whose branches are blocks holding one expression each.
func (c *cstConverter) ifExpr(pos lexer.Position, cond *grammar.Expr, capture string, then *grammar.Block,
	elseIfs []*grammar.ElseIfExpr, els *grammar.Block) ast.Expr {
	if capture != "" {
		c.unsupported(pos, "optional capture in if")
	}
	x := &ast.IfExpr{At: c.at(pos), Cond: c.expr(cond), Then: c.valueBlock(then)}
	switch {
	case len(elseIfs) > 0:
		e := elseIfs[0]
		x.Else = c.ifExpr(e.Pos, e.Cond, e.Capture, e.Then, elseIfs[1:], els)
	case els != nil:
		x.Else = c.valueBlock(els)
	default:
		c.unsupported(pos, "if expression without else")
		x.Else = &ast.IntLit{At: c.at(pos)}
	}
	return x
}

// valueBlock converts `{ expr }`, the only block expression the slice handles; `{ if (c) { a }
// else { b } }` counts, since the grammar reads that inner if as a statement.
func (c *cstConverter) valueBlock(b *grammar.Block) ast.Expr {
	if len(b.Stmts) == 1 && b.Stmts[0].Simple != nil && b.Stmts[0].Simple.Op == "" {
		return c.expr(b.Stmts[0].Simple.Target)
	}
	if len(b.Stmts) == 1 && b.Stmts[0].If != nil {
		if s := b.Stmts[0].If; s.Then.Block != nil && (s.Else == nil || s.Else.Block != nil) {
			var elseIfs []*grammar.ElseIfExpr
			for _, e := range s.ElseIfs {
				if e.Then.Block == nil {
					c.unsupported(e.Pos, "if expression branches that are not blocks")
					return &ast.IntLit{At: c.at(e.Pos)}
				}
				elseIfs = append(elseIfs, &grammar.ElseIfExpr{Pos: e.Pos, Cond: e.Cond, Capture: e.Capture, Then: e.Then.Block})
			}
			var els *grammar.Block
			if s.Else != nil {
				els = s.Else.Block
			}
			return c.ifExpr(s.Pos, s.Cond, s.Capture, s.Then.Block, elseIfs, els)
		}
	}
	c.unsupported(b.Pos, "block expressions with statements")
	return &ast.IntLit{At: c.at(b.Pos)}
}

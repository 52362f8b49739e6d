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
	x := c.or(e.Left)
	for _, r := range e.Rest {
		if r.Op == "catch" {
			x = c.catchExpr(r, x)
			continue
		}
		x = &ast.OrElse{At: c.at(r.Pos), X: x, Y: c.or(r.Right)}
	}
	return x
}

func (c *cstConverter) or(e *grammar.OrExpr) ast.Expr {
	x := c.and(e.Left)
	for _, r := range e.Rest {
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

var unarySpelling = map[string]string{"-": "neg", "!": "not", "not": "not", "~": "bnot", "&": "addr-of"}

func (c *cstConverter) unary(e *grammar.UnaryExpr) ast.Expr {
	x := c.postfix(e.Operand)
	for i := len(e.Ops) - 1; i >= 0; i-- {
		op, ok := unarySpelling[e.Ops[i]]
		if !ok && e.Ops[i] != "try" && e.Ops[i] != "await" {
			c.unsupported(e.Pos, "prefix `"+e.Ops[i]+"`")
			continue
		}
		if e.Ops[i] == "try" {
			x = c.tryExpr(c.at(e.Pos), x)
			continue
		}
		if e.Ops[i] == "await" {
			x = &ast.Await{At: c.at(e.Pos), X: x} // parse_async.go
			continue
		}
		if op == "addr-of" {
			x = &ast.AddrOf{At: c.at(e.Pos), X: x}
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
	var x ast.Expr
	rest := e.Suffixes
	if s := rest[0]; e.Primary.Ident != nil && stringCalls[*e.Primary.Ident] && s.Call != nil {
		x, rest = c.stringCall(e, s.Call), rest[1:]
	} else if s := rest[0]; e.Primary.Ident != nil && *e.Primary.Ident == "append" && s.Call != nil {
		x, rest = c.appendCall(e, s.Call), rest[1:]
	} else if inst := c.instance(e); inst != nil {
		x, rest = inst, rest[1:]
	} else if s := rest[0]; e.Primary.Ident != nil && s.Call != nil {
		name := *e.Primary.Ident
		if _, isPrint := printFds[name]; isPrint {
			c.unsupported(e.Pos, "`"+name+"` inside an expression")
		}
		callee := &ast.Ref{At: c.at(e.Primary.Pos), Name: ast.Name{Name: name}}
		x, rest = &ast.Call{At: c.at(e.Pos), Callee: callee, Args: c.args(s.Call)}, rest[1:]
	} else {
		x = c.primary(e.Primary)
	}
	for i := 0; i < len(rest); i++ {
		s := rest[i]
		switch {
		case s.Field != nil:
			x = &ast.Member{At: c.at(s.Pos), X: x, Name: *s.Field}
		case s.Deref:
			x = &ast.Deref{At: c.at(s.Pos), X: x}
		case s.Unwrap:
			x = &ast.Unwrap{At: c.at(s.Pos), X: x}
		case s.OptField != nil:
			x = c.optChain(x, *s.OptField, c.at(s.Pos))
		case s.StructLit != nil:
			x = c.structLit(x, s.StructLit)
		case s.Index != nil:
			x = c.index(x, s.Index)
		case s.TupleIndex != nil:
			x = &ast.Member{At: c.at(s.Pos), X: x, Name: *s.TupleIndex}
		case s.Call != nil:
			if mi := c.methodInstance(x, rest[i:]); mi != nil { // x.m(T)(args), parse_generic.go
				x, i = &ast.Call{At: mi.At, Callee: mi, Args: c.args(rest[i+1].Call)}, i+1
				continue
			}
			if m, ok := x.(*ast.Member); ok { // a method call x.m(args) or T.f(args)
				x = &ast.Call{At: m.At, Callee: m, Args: c.args(s.Call)}
				continue
			}
			if in, ok := x.(*ast.Instance); ok { // f(T)(args)
				x = &ast.Call{At: in.At, Callee: in, Args: c.args(s.Call)}
				continue
			}
			if c.optChainCall(x, s.Call) { // x?.m(args)
				continue
			}
			x = &ast.Call{At: ast.At{P: x.Pos()}, Callee: x, Args: c.args(s.Call)} // a call of a computed function value

		default:
			c.unsupported(s.Pos, suffixName(s))
		}
	}
	return x
}

// suffixName names the construct of a postfix suffix the front end does not handle yet.
func suffixName(s *grammar.Suffix) string {
	switch {
	case s.TupleIndex != nil:
		return "tuples"
	case s.OptField != nil:
		return "optional chaining `?.`"
	case s.Call != nil:
		return "calls of computed functions"
	case s.Index != nil:
		return "indexing and slicing"
	case s.StructLit != nil:
		return "struct literals"
	}
	return "this postfix expression"
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
			return c.interpolation(p.String)
		}
		return &ast.StrLit{At: at, Value: grammar.Unquote(*p.String.Plain)}
	case p.Ident != nil:
		return &ast.Ref{At: at, Name: ast.Name{Name: *p.Ident}}
	case p.Char != nil:
		return &ast.CharLit{At: at, Value: grammar.CharValue(*p.Char)}
	case p.Float != nil:
		return c.floatLit(p)
	case p.Builtin != nil && isFloatBuiltin(p.Builtin.Name):
		return c.floatBuiltin(p.Builtin)
	case p.Builtin != nil && p.Builtin.Name == "@intCast":
		return c.intCast(p.Builtin)
	case p.Builtin != nil && (p.Builtin.Name == "@sizeOf" || p.Builtin.Name == "@alignOf"):
		return c.sizeOf(p.Builtin)
	case p.Builtin != nil && targetBuiltins[p.Builtin.Name]:
		return c.targetBuiltin(p.Builtin)
	case p.Builtin != nil && hostBuiltin(p.Builtin.Name):
		return c.hostCall(p.Builtin)
	case p.Builtin != nil && ptrBuiltins[p.Builtin.Name]:
		return c.ptrBuiltin(p.Builtin)
	case p.Builtin != nil && stringBuiltins[p.Builtin.Name] > 0:
		return c.stringBuiltin(p.Builtin)
	case p.ZeroInit:
		return &ast.Zero{At: at}
	case p.Array != nil:
		l := &ast.ArrayLit{At: at}
		for _, e := range p.Array.Elems {
			l.Elems = append(l.Elems, c.expr(e))
		}
		return l
	case p.Paren != nil:
		if len(p.Paren.Elems) > 1 {
			t := &ast.TupleLit{At: at}
			for _, e := range p.Paren.Elems {
				t.Elems = append(t.Elems, c.expr(e))
			}
			return t
		}
		return c.expr(p.Paren.Elems[0])
	case p.If != nil:
		return c.ifExpr(p.If.Pos, p.If.Cond, p.If.Capture, p.If.Then, p.If.ElseIfs, p.If.Else)
	case p.Closure != nil:
		return c.closure(p.Closure) // parse_closure.go
	case p.Block != nil:
		return c.valueBlock(p.Block)
	case p.Switch != nil:
		return c.capturingSwitch(c.switchOf(p.Switch, true), p.Switch, true).(ast.Expr)
	case p.Null:
		return &ast.NullLit{At: at}
	case p.Comptime != nil:
		return c.comptimeExpr(p) // parse_comptime.go
	case p.ErrorLit != nil:
		return &ast.ErrorLit{At: at, Name: *p.ErrorLit, Code: -1}
	case p.New != nil:
		return c.newExpr(p.New) // parse_new.go
	}
	if p.Builtin != nil && builtinStmts[p.Builtin.Name] { // `@assert(x) - 1`: a statement has no value
		c.diags.Errorf(c.pos(p.Pos), codeTypeMismatch, "type mismatch: %s is a statement, it has no value", p.Builtin.Name)
		return &ast.IntLit{At: at}
	}
	what := "this expression"
	switch {
	case p.Undefined:
		what = "`undefined` outside an initializer"
	case p.ErrorLit != nil:
		what = "error values"
	case p.ZeroInit:
		what = "`.{}`"
	case p.Builtin != nil:
		what = "builtin " + p.Builtin.Name
	case p.New != nil:
		what = "new"
	case p.Comptime != nil:
		what = "comptime"
	case p.Array != nil:
		what = "array literals"
	}
	c.unsupported(p.Pos, what)
	return &ast.IntLit{At: at}
}

// ifExpr converts an if expression; its branches are block expressions.
func (c *cstConverter) ifExpr(pos lexer.Position, cond *grammar.Expr, capture string, then *grammar.Block,
	elseIfs []*grammar.ElseIfExpr, els *grammar.Block) ast.Expr {
	x := &ast.If{At: c.at(pos), Cond: c.expr(cond), Then: c.valueBlock(then)}
	var capt *ast.Block
	if capture != "" {
		capt = c.captureOptional(x, capture, c.captureAt(cond.EndPos.Offset, capture, x.Then.At))
	}
	switch {
	case len(elseIfs) > 0:
		e := elseIfs[0]
		x.Else = c.ifExpr(e.Pos, e.Cond, e.Capture, e.Then, elseIfs[1:], els).(ast.Stmt)
	case els != nil:
		x.Else = c.valueBlock(els)
	default:
		c.unsupported(pos, "if expression without else")
		x.Else = &ast.Block{At: c.at(pos), Stmts: []ast.Stmt{}, Value: &ast.IntLit{At: c.at(pos)}}
	}
	if capt != nil {
		capt.Value = x
		return capt
	}
	return x
}

// valueBlock converts a block expression `{ stmts; value }`: its last statement is its value,
// an expression, a block, or an if statement whose branches end in values (the grammar reads
// `{ if (c) { a } else { b } }` and `{ { a } }` as statements).
func (c *cstConverter) valueBlock(b *grammar.Block) *ast.Block {
	out := &ast.Block{At: c.at(b.Pos), Stmts: []ast.Stmt{}}
	if len(b.Stmts) == 0 {
		c.diags.Errorf(out.P, codeTypeMismatch, "type mismatch: a block expression needs a value, found an empty block")
		out.Value = &ast.IntLit{At: out.At}
		return out
	}
	for _, s := range b.Stmts[:len(b.Stmts)-1] {
		if st := c.stmt(s); st != nil {
			out.Stmts = append(out.Stmts, st)
		}
	}
	if last := b.Stmts[len(b.Stmts)-1]; last.Return != nil || last.Break != nil || last.Continue != nil ||
		last.Simple != nil && last.Simple.Op == "" && endsProgram(last.Simple.Target) {
		// A block that leaves by a jump (or ends the program) has no value; its value is a
		// placeholder `.{}` that check-types types as the other branches (see divergesBlock)
		// and that never runs.
		out.Stmts = append(out.Stmts, c.stmt(last))
		out.Value = &ast.Zero{At: c.at(last.Pos)}
		return out
	}
	out.Value = c.blockValue(b.Stmts[len(b.Stmts)-1])
	return out
}

// blockValue converts the last statement of a block expression into its value.
func (c *cstConverter) blockValue(last *grammar.Stmt) ast.Expr {
	if last.Simple != nil && last.Simple.Op == "" {
		return c.expr(last.Simple.Target)
	}
	if last.Block != nil {
		return c.valueBlock(last.Block)
	}
	if s := last.If; s != nil && s.Then.Block != nil && s.Else != nil && s.Else.Block != nil {
		var elseIfs []*grammar.ElseIfExpr
		for _, e := range s.ElseIfs {
			if e.Then.Block == nil {
				c.unsupported(e.Pos, "if expression branches that are not blocks")
				return &ast.IntLit{At: c.at(e.Pos)}
			}
			elseIfs = append(elseIfs, &grammar.ElseIfExpr{Pos: e.Pos, Cond: e.Cond, Capture: e.Capture, Then: e.Then.Block})
		}
		return c.ifExpr(s.Pos, s.Cond, s.Capture, s.Then.Block, elseIfs, s.Else.Block)
	}
	c.diags.Errorf(c.pos(last.Pos), codeTypeMismatch, "type mismatch: a block expression must end with its value")
	return &ast.IntLit{At: c.at(last.Pos)}
}

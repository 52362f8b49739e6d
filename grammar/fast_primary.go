//go:build !cotref

package grammar

import "github.com/alecthomas/participle/v2/lexer"

// Hand-compiled Primary rules (cst_expr.go has the tags they implement; see fast.go).

// startsPrimary reports whether the current token starts one of Primary's alternatives.
func (p *fparser) startsPrimary() bool { return p.toks[p.i].cls&clsPrimary != 0 }

// binOp is the binary operator level of the current token (opFallback ... opMul, or 0).
func (p *fparser) binOp() uint8 { return p.toks[p.i].cls >> clsOpShift }

// Primary: one alternative per first token (no two alternatives share one).
func (p *fparser) primary() (*Primary, res) {
	if !p.startsPrimary() {
		return nil, noMatch
	}
	t := p.tok()
	x := p.nodes.primaries.alloc()
	x.Pos = p.pos(p.i)
	r := match
	switch t.Type {
	case TokIdent, TokTypeKw:
		x.Ident = p.str()
	case TokInt:
		x.Int = p.str()
	case TokFloat:
		x.Float = p.str()
	case TokChar:
		x.Char = p.str()
	case TokString, TokStrHead:
		x.String, r = p.stringLit()
	case TokBuiltin:
		x.Builtin, r = p.builtinCall()
	default:
		switch t.Value {
		case "true", "false":
			x.Bool = p.str()
		case "null":
			x.Null = true
			p.i++
		case "undefined":
			x.Undefined = true
			p.i++
		case "error": // 'error' '.' @Ident
			p.i++
			if r = p.expect(".", `"."`); r == match {
				if !p.isType(TokIdent) {
					return nil, p.failAt(expIdent)
				}
				x.ErrorLit = p.str()
			}
		case ".": // @'.' '{' '}'
			x.ZeroInit = true
			p.i++
			if r = p.expect("{", `"{"`); r == match {
				r = p.expect("}", `"}"`)
			}
		case "(":
			x.Paren, r = p.parenExpr()
		case "[":
			x.Array, r = p.arrayLit()
		case "{":
			x.Block, r = p.blockNode()
		case "fn":
			x.Closure, r = p.closure()
		case "new":
			x.New, r = p.newExpr()
		case "if":
			x.If, r = p.ifExpr()
		case "switch":
			x.Switch, r = p.switchExpr()
		case "comptime": // 'comptime' @@Block
			p.i++
			x.Comptime, r = p.blockNode()
			r = p.need(r, "Block")
		}
	}
	if r != match {
		return nil, r
	}
	x.EndPos = p.end()
	return x, match
}

// StringLit: `@String | @StrHead @@+InterpPart StrEnd`. Like the tag, the parts loop ends
// where no expression follows (at StrEnd after the last segment).
func (p *fparser) stringLit() (*StringLit, res) {
	s := p.nodes.strings.alloc()
	s.Pos = p.pos(p.i)
	if p.isType(TokString) {
		s.Plain = p.str()
		s.EndPos = p.end()
		return s, match
	}
	s.Head = p.str()
	for {
		start := p.i
		part, r := p.interpPart()
		if r == match {
			s.Parts = append(s.Parts, part)
			continue
		}
		if p.committed(r, start) {
			return nil, fail
		}
		break
	}
	if len(s.Parts) == 0 {
		return nil, p.failAt("InterpPart")
	}
	if !p.isType(TokStrEnd) {
		return nil, p.failAt("<strend>")
	}
	p.i++
	s.EndPos = p.end()
	return s, match
}

// InterpPart: `@@Expr @( StrMid | StrTail )`.
func (p *fparser) interpPart() (*InterpPart, res) {
	start := p.i
	e, r := p.expr()
	if r != match {
		return nil, r
	}
	if !p.isType(TokStrMid) && !p.isType(TokStrTail) {
		return nil, p.failAt(expNone)
	}
	part := p.nodes.interps.alloc()
	part.Pos, part.Expr, part.Text = p.pos(start), e, p.tok().Value
	p.i++
	part.EndPos = p.end()
	return part, match
}

// BuiltinCall: `@Builtin '(' ( @@Arg ... )? ')'`.
func (p *fparser) builtinCall() (*BuiltinCall, res) {
	b := p.nodes.builtins.alloc()
	b.Pos, b.Name = p.pos(p.i), p.tok().Value
	p.i++
	if r := p.expect("(", `"("`); r != match {
		return nil, r
	}
	r := p.list("Arg", ")", func() res {
		a, r := p.arg()
		if r == match {
			b.Args = add(&p.nodes.argLists, b.Args, a)
		}
		return r
	})
	if r != match {
		return nil, r
	}
	b.EndPos = p.end()
	return b, match
}

// ParenExpr: `'(' @@Expr ( (?! ',' ( ')' | '}' | ']' )) ',' @@Expr )* ','? ')'`.
func (p *fparser) parenExpr() (*ParenExpr, res) {
	x := p.nodes.parens.alloc()
	x.Pos = p.pos(p.i)
	p.i++
	parse := func() res {
		e, r := p.expr()
		if r == match {
			x.Elems = add(&p.nodes.exprLists, x.Elems, e)
		}
		return r
	}
	if r := p.need(parse(), "Expr"); r != match {
		return nil, r
	}
	if r := p.listRest("Expr", ")", parse); r != match {
		return nil, r
	}
	x.EndPos = p.end()
	return x, match
}

// ArrayLit: `'[' ( @@Expr ... )? ']'`.
func (p *fparser) arrayLit() (*ArrayLit, res) {
	x := p.nodes.arrays.alloc()
	x.Pos = p.pos(p.i)
	p.i++
	r := p.list("Expr", "]", func() res {
		e, r := p.expr()
		if r == match {
			x.Elems = add(&p.nodes.exprLists, x.Elems, e)
		}
		return r
	})
	if r != match {
		return nil, r
	}
	x.EndPos = p.end()
	return x, match
}

// Closure: `'fn' '(' ( @@Param ... )? ')' @@?Type @@Block`.
func (p *fparser) closure() (*Closure, res) {
	c := p.nodes.closures.alloc()
	c.Pos = p.pos(p.i)
	p.i++
	if r := p.params(&c.Params); r != match {
		return nil, r
	}
	if r := p.optType(&c.Ret); r != match {
		return nil, r
	}
	var r res
	if c.Body, r = p.blockNode(); r != match {
		return nil, p.need(r, "Block")
	}
	c.EndPos = p.end()
	return c, match
}

// Param: `@Ident ':' @@Type ( '=' @@Expr )?`.
func (p *fparser) param() (*Param, res) {
	if !p.isType(TokIdent) {
		return nil, noMatch
	}
	prm := p.nodes.params.alloc()
	return prm, p.paramInto(prm)
}

func (p *fparser) paramInto(prm *Param) res {
	return p.typedName(&prm.Pos, &prm.EndPos, &prm.Name, &prm.Type, &prm.Default)
}

// typedName parses Param and Field, which share their tags: `@Ident ':' @@Type ( '=' @@Expr )?`.
func (p *fparser) typedName(pos, end *lexer.Position, name *string, typ **Type, def **Expr) res {
	if !p.isType(TokIdent) {
		return noMatch
	}
	*pos, *name = p.pos(p.i), p.tok().Value
	p.i++
	if r := p.expect(":", `":"`); r != match {
		return r
	}
	if r := p.needType(typ); r != match {
		return r
	}
	if p.accept("=") {
		var r res
		if *def, r = p.expr(); r != match {
			return r
		}
	}
	*end = p.end()
	return match
}

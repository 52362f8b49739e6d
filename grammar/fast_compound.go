//go:build !cotref

package grammar

// Hand-compiled rules of the compound expressions: call arguments, `new`, `if` and `switch`
// expressions, struct literals (cst_expr.go has the tags they implement; see fast.go).

// Arg: `(?= <type start>) @@Type (?= ',' | ')') | @@Expr`.
func (p *fparser) arg() (*Arg, res) {
	a := p.nodes.args.alloc()
	a.Pos = p.pos(p.i)
	if p.argIsType() {
		start := p.i
		t, r := p.typ()
		if r == match {
			if !p.lit(",") && !p.lit(")") {
				return nil, p.failAt(expNone)
			}
			a.Type = t
			a.EndPos = p.end()
			return a, match
		}
		if p.committed(r, start) {
			return nil, fail
		}
	}
	var r res
	if a.Expr, r = p.expr(); r != match {
		return nil, r
	}
	a.EndPos = p.end()
	return a, match
}

// argIsType is Arg's lookahead: `'*' | '?' | '[' ( ']' | Int ']' ( '[' Int ']' )* ( Ident | TypeKw | '*' | '?' |
// '(' | 'fn' | '!' | '[' ']' ) ) | 'fn' '(' ( ')' ( '->' | ',' | ')' ) | TypeKw | '*' | '?' |
// '[' | '(' | 'fn' | Ident ( ',' | ')' ) ) | Ident '!'` (`E!T`: no expression has a name then `!`).
func (p *fparser) argIsType() bool {
	if p.tok().Type == TokIdent && p.at(1).Value == "!" {
		return true
	}
	switch p.tok().Value {
	case "*", "?":
		return true
	case "[":
		if p.at(1).Value == "]" {
			return true
		}
		// `[N]` repeated: `[2][3]i64` is a type, `[2][0]` an index expression.
		i := 1
		for p.at(i).Type == TokInt && p.at(i+1).Value == "]" && p.at(i+2).Value == "[" && p.at(i+3).Type == TokInt {
			i += 3
		}
		if p.at(i).Type != TokInt || p.at(i+1).Value != "]" {
			return false
		}
		t3 := p.at(i + 2)
		switch t3.Value {
		case "*", "?", "(", "fn", "!":
			return true
		case "[":
			return p.at(i+3).Value == "]"
		}
		return t3.Type == TokIdent || t3.Type == TokTypeKw
	case "fn":
		if p.at(1).Value != "(" {
			return false
		}
		t2 := p.at(2)
		switch t2.Value {
		case ")":
			v := p.at(3).Value
			return v == "->" || v == "," || v == ")"
		case "*", "?", "[", "(", "fn":
			return true
		}
		if t2.Type == TokTypeKw {
			return true
		}
		v := p.at(3).Value
		return t2.Type == TokIdent && (v == "," || v == ")")
	}
	return false
}

// NewExpr: `'new' @( Ident | TypeKw ) ( (?= NewParen) @@CallSuffix ( (?= NewParen)
// @@CallSuffix )? )? ( @NewBrace ( @@FieldInit ... )? '}' )?`.
func (p *fparser) newExpr() (*NewExpr, res) {
	n := p.nodes.news.alloc()
	n.Pos = p.pos(p.i)
	p.i++
	if !p.isName() {
		return nil, p.failAt(expNone)
	}
	n.Name = p.tok().Value
	p.i++
	var r res
	if p.isType(TokNewParen) {
		if n.Args1, r = p.callSuffix(); r != match {
			return nil, r
		}
		if p.isType(TokNewParen) {
			if n.Args2, r = p.callSuffix(); r != match {
				return nil, r
			}
		}
	}
	if p.isType(TokNewBrace) {
		n.Braces = true
		p.i++
		r = p.list("FieldInit", "}", func() res {
			f, r := p.fieldInit()
			if r == match {
				n.Fields = add(&p.nodes.fieldLists, n.Fields, f)
			}
			return r
		})
		if r != match {
			return nil, r
		}
	}
	n.EndPos = p.end()
	return n, match
}

// condition parses `'(' @@Expr ')'` after `if` (or `while`).
func (p *fparser) condition(dst **Expr) res {
	if r := p.expect("(", `"("`); r != match {
		return r
	}
	var r res
	if *dst, r = p.expr(); r != match {
		return r
	}
	return p.expect(")", `")"`)
}

// IfExpr: `'if' '(' @@Expr ')' ( '|' @Ident '|' )? @@Block ( (?= 'else' 'if') @@ElseIfExpr )*
// ( 'else' @@Block )?`.
func (p *fparser) ifExpr() (*IfExpr, res) {
	x := p.nodes.ifExprs.alloc()
	x.Pos = p.pos(p.i)
	p.i++
	if r := p.condition(&x.Cond); r != match {
		return nil, r
	}
	if r := p.pipeCapture(&x.Capture); r != match {
		return nil, r
	}
	var r res
	if x.Then, r = p.blockNode(); r != match {
		return nil, p.need(r, "Block")
	}
	for p.lit("else") && p.at(1).Value == "if" {
		e := p.nodes.elseIfExprs.alloc()
		e.Pos = p.pos(p.i)
		p.i += 2
		if r := p.condition(&e.Cond); r != match {
			return nil, r
		}
		if r := p.pipeCapture(&e.Capture); r != match {
			return nil, r
		}
		if e.Then, r = p.blockNode(); r != match {
			return nil, p.need(r, "Block")
		}
		e.EndPos = p.end()
		x.ElseIfs = append(x.ElseIfs, e)
	}
	if p.accept("else") {
		if x.Else, r = p.blockNode(); r != match {
			return nil, p.need(r, "Block")
		}
	}
	x.EndPos = p.end()
	return x, match
}

// SwitchExpr: `'switch' @@Primary '{' @@*SwitchArm '}'`.
func (p *fparser) switchExpr() (*SwitchExpr, res) {
	x := p.nodes.switches.alloc()
	x.Pos = p.pos(p.i)
	p.i++
	var r res
	if x.Subject, r = p.primary(); r != match {
		return nil, p.need(r, "Primary")
	}
	r = p.braced(func() res {
		arm, r := p.switchArm()
		if r == match {
			x.Arms = append(x.Arms, arm)
		}
		return r
	})
	if r != match {
		return nil, r
	}
	x.EndPos = p.end()
	return x, match
}

// SwitchArm: `( @'else' | @@Pattern ( ',' @@Pattern )* ) ( '|' @Ident '|' )? ( 'if' @@Expr )?
// '=>' @@Expr ','?`.
func (p *fparser) switchArm() (*SwitchArm, res) {
	start := p.i
	var pats []*Pattern
	els := p.accept("else")
	if !els {
		pat, r := p.pattern()
		if r != match {
			return nil, r
		}
		pats = append(pats, pat)
		for p.accept(",") {
			if pat, r = p.pattern(); r != match {
				return nil, r
			}
			pats = append(pats, pat)
		}
	}
	a := p.nodes.arms.alloc()
	a.Pos, a.Else, a.Patterns = p.pos(start), els, pats
	if r := p.pipeCapture(&a.Capture); r != match {
		return nil, r
	}
	var r res
	if p.accept("if") {
		if a.Guard, r = p.expr(); r != match {
			return nil, r
		}
	}
	if r := p.expect("=>", `"=>"`); r != match {
		return nil, r
	}
	if a.Body, r = p.expr(); r != match {
		return nil, r
	}
	p.accept(",")
	a.EndPos = p.end()
	return a, match
}

// Pattern: `@'-'? @@PostfixExpr ( '..' @'-'? @@PostfixExpr )?`.
func (p *fparser) pattern() (*Pattern, res) {
	start := p.i
	neg := p.accept("-")
	value, r := p.postfixExpr()
	if r != match {
		return nil, p.need(r, expPostfix)
	}
	x := p.nodes.patterns.alloc()
	x.Pos, x.Neg, x.Value = p.pos(start), neg, value
	if p.accept("..") {
		x.EndNeg = p.accept("-")
		if x.End, r = p.postfixExpr(); r != match {
			return nil, p.need(r, expPostfix)
		}
	}
	x.EndPos = p.end()
	return x, match
}

// StructLit: `( StructOpen | (?= '{':Punct '.' Ident) '{' ) ( @@FieldInit ... )? '}'`; the
// caller checked the opening.
func (p *fparser) structLit() (*StructLit, res) {
	s := p.nodes.structLits.alloc()
	s.Pos = p.pos(p.i)
	p.i++
	r := p.list("FieldInit", "}", func() res {
		f, r := p.fieldInit()
		if r == match {
			s.Fields = add(&p.nodes.fieldLists, s.Fields, f)
		}
		return r
	})
	if r != match {
		return nil, r
	}
	s.EndPos = p.end()
	return s, match
}

// FieldInit: `@'.'? @Ident ( @( '=' | ':' ) @@Expr )?`.
func (p *fparser) fieldInit() (*FieldInit, res) {
	start := p.i
	dot := p.lit(".")
	if dot {
		p.i++
	}
	if !p.isType(TokIdent) {
		return nil, p.failAt(expIdent)
	}
	f := p.nodes.fieldInits.alloc()
	f.Pos, f.Dot, f.Name = p.pos(start), dot, p.tok().Value
	p.i++
	if p.lit("=") || p.lit(":") {
		f.Sep = p.tok().Value
		p.i++
		var r res
		if f.Value, r = p.expr(); r != match {
			return nil, r
		}
	}
	f.EndPos = p.end()
	p.check(f)
	return f, match
}

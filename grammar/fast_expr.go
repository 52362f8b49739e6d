//go:build !cotref

package grammar

// Hand-compiled expression rules (cst_expr.go has the tags they implement; see fast.go).

// startsExpr reports whether an expression can start at the current token: a prefix operator or
// the first token of a Primary alternative. Otherwise UnaryExpr fails before allocating.
func (p *fparser) startsExpr() bool { return p.toks[p.i].cls&(clsPrimary|clsUnary) != 0 }

func (p *fparser) expr() (*Expr, res) {
	if !p.startsExpr() {
		return nil, p.failAt(expPostfix)
	}
	e := p.nodes.exprs.alloc()
	return e, p.exprInto(e)
}

// Expr: `@@OrExpr @@*FallbackOp`.
func (p *fparser) exprInto(e *Expr) res {
	start := p.i
	e.Pos = p.pos(start)
	if !p.startsExpr() {
		return p.failAt(expPostfix)
	}
	var r res
	if e.Left, r = p.orExpr(); r != match {
		return r
	}
	for p.binOp() == opFallback {
		op := p.nodes.fallbacks.alloc()
		op.Pos = p.pos(p.i)
		op.Op = p.tok().Value
		p.i++
		if op.Op == "catch" {
			if r := p.pipeCapture(&op.Capture); r != match {
				return r
			}
		}
		if op.Right, r = p.orExpr(); r != match {
			return r
		}
		op.EndPos = p.end()
		e.Rest = add(&p.nodes.fallbackLists, e.Rest, op)
	}
	e.EndPos = p.end()
	return match
}

// OrExpr: `@@AndExpr @@*OrOp`, OrOp: `@( 'or' | '||' ) @@AndExpr`.
func (p *fparser) orExpr() (*OrExpr, res) {
	e := p.nodes.ors.alloc()
	e.Pos = p.pos(p.i)
	var r res
	if e.Left, r = p.andExpr(); r != match {
		return nil, r
	}
	for p.binOp() == opOr {
		op := p.nodes.orOps.alloc()
		op.Pos, op.Op = p.pos(p.i), p.tok().Value
		p.i++
		if op.Right, r = p.andExpr(); r != match {
			return nil, r
		}
		op.EndPos = p.end()
		e.Rest = add(&p.nodes.orLists, e.Rest, op)
	}
	e.EndPos = p.end()
	return e, match
}

// AndExpr: `@@CmpExpr @@*AndOp`, AndOp: `@( 'and' | '&&' ) @@CmpExpr`.
func (p *fparser) andExpr() (*AndExpr, res) {
	e := p.nodes.ands.alloc()
	e.Pos = p.pos(p.i)
	var r res
	if e.Left, r = p.cmpExpr(); r != match {
		return nil, r
	}
	for p.binOp() == opAnd {
		op := p.nodes.andOps.alloc()
		op.Pos, op.Op = p.pos(p.i), p.tok().Value
		p.i++
		if op.Right, r = p.cmpExpr(); r != match {
			return nil, r
		}
		op.EndPos = p.end()
		e.Rest = add(&p.nodes.andLists, e.Rest, op)
	}
	e.EndPos = p.end()
	return e, match
}

// CmpExpr: `@@AddExpr @@*CmpOp`.
func (p *fparser) cmpExpr() (*CmpExpr, res) {
	e := p.nodes.cmps.alloc()
	e.Pos = p.pos(p.i)
	var r res
	if e.Left, r = p.addExpr(); r != match {
		return nil, r
	}
	for p.binOp() == opCmp {
		op := p.nodes.cmpOps.alloc()
		op.Pos, op.Op = p.pos(p.i), p.tok().Value
		p.i++
		if op.Right, r = p.addExpr(); r != match {
			return nil, r
		}
		op.EndPos = p.end()
		e.Rest = add(&p.nodes.cmpLists, e.Rest, op)
	}
	e.EndPos = p.end()
	return e, match
}

// AddExpr: `@@MulExpr @@*AddOp`.
func (p *fparser) addExpr() (*AddExpr, res) {
	e := p.nodes.adds.alloc()
	e.Pos = p.pos(p.i)
	var r res
	if e.Left, r = p.mulExpr(); r != match {
		return nil, r
	}
	for p.binOp() == opAdd {
		op := p.nodes.addOps.alloc()
		op.Pos, op.Op = p.pos(p.i), p.tok().Value
		p.i++
		if op.Right, r = p.mulExpr(); r != match {
			return nil, r
		}
		op.EndPos = p.end()
		e.Rest = add(&p.nodes.addLists, e.Rest, op)
	}
	e.EndPos = p.end()
	return e, match
}

// MulExpr: `@@UnaryExpr @@*MulOp`.
func (p *fparser) mulExpr() (*MulExpr, res) {
	e := p.nodes.muls.alloc()
	e.Pos = p.pos(p.i)
	var r res
	if e.Left, r = p.unaryExpr(); r != match {
		return nil, r
	}
	for p.binOp() == opMul {
		op := p.nodes.mulOps.alloc()
		op.Pos, op.Op = p.pos(p.i), p.tok().Value
		p.i++
		if op.Right, r = p.unaryExpr(); r != match {
			return nil, r
		}
		op.EndPos = p.end()
		e.Rest = add(&p.nodes.mulLists, e.Rest, op)
	}
	e.EndPos = p.end()
	return e, match
}

// UnaryExpr: `@( '-' | '!' | 'not' | '~' | '&' | 'try' | 'await' )* @@PostfixExpr`. The
// operand is required, so an expression never fails to match silently: it fails expecting
// PostfixExpr.
func (p *fparser) unaryExpr() (*UnaryExpr, res) {
	start := p.i
	for p.toks[p.i].cls&clsUnary != 0 {
		p.i++
	}
	if !p.startsPrimary() {
		return nil, p.failAt(expPostfix)
	}
	e := p.nodes.unaries.alloc()
	e.Pos = p.pos(start)
	if p.i > start {
		e.Ops = make([]string, 0, p.i-start)
		for i := start; i < p.i; i++ {
			e.Ops = append(e.Ops, p.value(i))
		}
	}
	var r res
	if e.Operand, r = p.postfixExpr(); r != match {
		return nil, p.need(r, expPostfix)
	}
	e.EndPos = p.end()
	return e, match
}

// PostfixExpr: `@@Primary @@*Suffix`.
func (p *fparser) postfixExpr() (*PostfixExpr, res) {
	if !p.startsPrimary() {
		return nil, noMatch
	}
	e := p.nodes.postfixes.alloc()
	e.Pos = p.pos(p.i)
	var r res
	if e.Primary, r = p.primary(); r != match {
		return nil, r
	}
	for {
		start := p.i
		s, r := p.suffix()
		if r == match {
			e.Suffixes = add(&p.nodes.suffixLists, e.Suffixes, s)
			continue
		}
		if p.committed(r, start) {
			return nil, fail
		}
		break
	}
	e.EndPos = p.end()
	return e, match
}

// Suffix: `.name` | `.0` | `.*` | `.?` | `?.name` | call | index | struct literal. A token that
// starts no suffix ends the loop (the alternation fails without consuming).
func (p *fparser) suffix() (*Suffix, res) {
	t := p.tok()
	start := p.i
	switch {
	case t.Value == "." && t.Type == TokPunct:
		s := p.newSuffix()
		if n := p.at(1); n.Type == TokIdent || n.Type == TokTypeKw {
			p.i++
			s.Field = p.str()
		} else {
			p.i++
			if !p.isType(TokInt) {
				return nil, p.failAt(expInt)
			}
			s.TupleIndex = p.str()
		}
		return p.doneSuffix(s)
	case t.Value == ".*":
		s := p.newSuffix()
		s.Deref = true
		p.i++
		return p.doneSuffix(s)
	case t.Value == ".?":
		s := p.newSuffix()
		s.Unwrap = true
		p.i++
		return p.doneSuffix(s)
	case t.Value == "?.":
		s := p.newSuffix()
		p.i++
		if !p.isType(TokIdent) {
			return nil, p.failAt(expIdent)
		}
		s.OptField = p.str()
		return p.doneSuffix(s)
	case t.Value == "(" && t.Type == TokPunct:
		s := p.newSuffix()
		var r res
		if s.Call, r = p.callSuffix(); r != match {
			return nil, r
		}
		return p.doneSuffix(s)
	case t.Value == "[":
		s := p.newSuffix()
		var r res
		if s.Index, r = p.indexSuffix(); r != match {
			return nil, r
		}
		return p.doneSuffix(s)
	case t.Type == TokStructOpen || t.Type == TokPunct && t.Value == "{" && p.at(1).Value == "." && p.at(2).Type == TokIdent:
		s := p.newSuffix()
		var r res
		if s.StructLit, r = p.structLit(); r != match {
			return nil, r
		}
		return p.doneSuffix(s)
	}
	p.i = start
	return nil, p.failAt(expNone)
}

func (p *fparser) newSuffix() *Suffix {
	s := p.nodes.suffixes.alloc()
	s.Pos = p.pos(p.i)
	return s
}

func (p *fparser) doneSuffix(s *Suffix) (*Suffix, res) {
	s.EndPos = p.end()
	return s, match
}

// CallSuffix: `'(' ( @@Arg ( (?! ',' ( ')' | '}' | ']' )) ',' @@Arg )* ','? )? ')'`.
func (p *fparser) callSuffix() (*CallSuffix, res) {
	if !p.lit("(") {
		return nil, noMatch
	}
	c := p.nodes.calls.alloc()
	c.Pos = p.pos(p.i)
	p.i++
	r := p.list("Arg", ")", func() res {
		a, r := p.arg()
		if r == match {
			c.Args = add(&p.nodes.argLists, c.Args, a)
		}
		return r
	})
	if r != match {
		return nil, r
	}
	c.EndPos = p.end()
	return c, match
}

// IndexSuffix: `'[' @@?Expr ( @':' @@?Expr )? ']'`.
func (p *fparser) indexSuffix() (*IndexSuffix, res) {
	x := p.nodes.indexes.alloc()
	x.Pos = p.pos(p.i)
	p.i++
	if r := p.optExpr(&x.Start); r == fail {
		return nil, r
	}
	if p.accept(":") {
		x.Slice = true
		if r := p.optExpr(&x.End); r == fail {
			return nil, r
		}
	}
	if r := p.expect("]", `"]"`); r != match {
		return nil, r
	}
	x.EndPos = p.end()
	return x, match
}

// optExpr parses `@@?Expr`: it fails only if the expression consumed tokens.
func (p *fparser) optExpr(dst **Expr) res {
	start := p.i
	e, r := p.expr()
	if r == match {
		*dst = e
		return match
	}
	if p.committed(r, start) {
		return fail
	}
	return match
}

package format

import "cot/grammar"

// Expressions (language.md §6): one space around binary operators, none after prefix operators
// (but after `not`, `try`, `await`) or around postfix ones. A line break the source has next to
// a binary operator is kept, after the operator, and the continued lines are indented once.

// binary prints Left (Op Right)*. op returns an operator's text, its right operand's span and
// a function that prints the operand.
func binary[L, R any](p *printer, left L, leftEnd int, rest []R, printLeft func(L), op func(R) (string, span, func())) {
	printLeft(left)
	indented := false
	prevEnd := leftEnd
	for _, r := range rest {
		text, right, printRight := op(r)
		p.sp()
		p.tok(text)
		if p.src.newline(prevEnd, right.pos) {
			if !indented {
				p.indent++
				indented = true
			}
			p.br(1)
		} else {
			p.sp()
		}
		printRight()
		prevEnd = right.end
	}
	if indented {
		p.indent--
	}
}

func (p *printer) expr(e *grammar.Expr) {
	binary(p, e.Left, e.Left.EndPos.Offset, e.Rest, p.or, func(r *grammar.FallbackOp) (string, span, func()) {
		op := r.Op
		if r.Capture != "" {
			op += " |" + r.Capture + "|"
		}
		return op, nodeSpan(r.Right), func() { p.or(r.Right) }
	})
}

func (p *printer) or(e *grammar.OrExpr) {
	binary(p, e.Left, e.Left.EndPos.Offset, e.Rest, p.and, func(r *grammar.OrOp) (string, span, func()) {
		return r.Op, nodeSpan(r.Right), func() { p.and(r.Right) }
	})
}

func (p *printer) and(e *grammar.AndExpr) {
	binary(p, e.Left, e.Left.EndPos.Offset, e.Rest, p.cmp, func(r *grammar.AndOp) (string, span, func()) {
		return r.Op, nodeSpan(r.Right), func() { p.cmp(r.Right) }
	})
}

func (p *printer) cmp(e *grammar.CmpExpr) {
	binary(p, e.Left, e.Left.EndPos.Offset, e.Rest, p.add, func(r *grammar.CmpOp) (string, span, func()) {
		return r.Op, nodeSpan(r.Right), func() { p.add(r.Right) }
	})
}

func (p *printer) add(e *grammar.AddExpr) {
	binary(p, e.Left, e.Left.EndPos.Offset, e.Rest, p.mul, func(r *grammar.AddOp) (string, span, func()) {
		return r.Op, nodeSpan(r.Right), func() { p.mul(r.Right) }
	})
}

func (p *printer) mul(e *grammar.MulExpr) {
	binary(p, e.Left, e.Left.EndPos.Offset, e.Rest, p.unary, func(r *grammar.MulOp) (string, span, func()) {
		return r.Op, nodeSpan(r.Right), func() { p.unary(r.Right) }
	})
}

func (p *printer) unary(u *grammar.UnaryExpr) {
	if len(u.Ops) > 0 {
		p.at(u.Pos.Offset)
	}
	for i, op := range u.Ops {
		p.tok(op)
		// `& &x` must not become the token `&&`.
		if op == "not" || op == "try" || op == "await" || op == "&" && i+1 < len(u.Ops) && u.Ops[i+1] == "&" {
			p.sp()
		}
	}
	p.postfix(u.Operand)
}

func (p *printer) postfix(pf *grammar.PostfixExpr) {
	p.operand(pf)
	for _, s := range pf.Suffixes {
		p.suffix(s)
	}
}

// operand prints the primary of a postfix expression, with the parenthesis rules of parens.go.
func (p *printer) operand(pf *grammar.PostfixExpr) {
	prim := pf.Primary
	if prim.Paren != nil && len(prim.Paren.Elems) == 1 {
		inner := stripParens(prim.Paren.Elems[0])
		if ipf := postfixOnly(inner); ipf != nil && !blockLike(ipf.Primary) {
			switch {
			case len(pf.Suffixes) == 0:
				p.postfix(ipf)
				return
			case len(ipf.Suffixes) == 0 && takesSuffixBare(ipf.Primary):
				p.primary(ipf.Primary)
				return
			}
		}
		p.parenthesised(prim.Pos.Offset, inner)
		return
	}
	if (prim.Int != nil || prim.Float != nil) && len(pf.Suffixes) > 0 {
		// `(1).0` is not the float `1.0`, nor `(1).*` the float `1.` and `*`.
		p.at(prim.Pos.Offset)
		p.tok("(")
		p.primary(prim)
		p.tok(")")
		return
	}
	p.primary(prim)
}

func (p *printer) suffix(s *grammar.Suffix) {
	p.at(s.Pos.Offset)
	switch {
	case s.Field != nil:
		p.tok("." + *s.Field)
	case s.TupleIndex != nil:
		p.tok("." + *s.TupleIndex)
	case s.Deref:
		p.tok(".*")
	case s.Unwrap:
		p.tok(".?")
	case s.OptField != nil:
		p.tok("?." + *s.OptField)
	case s.Call != nil:
		p.args(s.Call)
	case s.Index != nil:
		ix := s.Index
		p.tok("[")
		if ix.Start != nil {
			p.slot(ix.Start, false)
		}
		if ix.Slice {
			p.tok(":")
		}
		if ix.End != nil {
			p.slot(ix.End, false)
		}
		p.at(ix.EndPos.Offset - 1)
		p.tok("]")
	case s.StructLit != nil:
		p.sp()
		p.fieldInits(s.StructLit.Pos.Offset+1, s.StructLit.EndPos.Offset-1, s.StructLit.Fields)
	}
}

// args prints a call's argument list.
func (p *printer) args(c *grammar.CallSuffix) {
	p.list("(", ")", c.Pos.Offset+1, c.EndPos.Offset-1, spans(c.Args), func(i int) { p.arg(c.Args[i]) }, false)
}

func (p *printer) arg(a *grammar.Arg) {
	if a.Type != nil {
		p.typ(a.Type)
	} else {
		p.slot(a.Expr, false)
	}
}

// fieldInits prints the `{ ... }` of a struct literal or a `new`.
func (p *printer) fieldInits(openEnd, closeAt int, fs []*grammar.FieldInit) {
	p.list("{", "}", openEnd, closeAt, spans(fs), func(i int) {
		f := fs[i]
		if f.Dot {
			p.tok("." + f.Name)
		} else {
			p.tok(f.Name)
		}
		switch {
		case f.Value == nil:
		case f.Sep == ":":
			p.tok(":")
			p.sp()
			p.slot(f.Value, false)
		default:
			p.sp()
			p.tok(f.Sep)
			p.sp()
			p.slot(f.Value, false)
		}
	}, true)
}

package format

import "cot/grammar"

// Parentheses. The formatter removes the parentheses that only repeat what the grammar says:
//
//   - around a whole expression in a slot that delimits it anyway: an argument, an element, an
//     index, a condition, an initialiser, an assigned or returned value, a field value, a switch
//     subject, arm body or guard, an interpolation, an expression statement (`return (x)` =>
//     `return x`, `if ((a))` => `if (a)`); at the start of a statement they stay when the
//     expression begins with `{` or `if`, which would start a block or an if statement;
//   - around an operand that is a primary with suffixes or none (`(a.b) + 1` => `a.b + 1`,
//     `-(x)` => `-x`), and before suffixes around a bare name or literal (`(s).len` => `s.len`);
//     numbers, `new`, array literals and block-like primaries (`{}`, `if`, `switch`, `comptime`,
//     `fn`) keep them there, because the tokens would then read differently or hard.
//
// Parentheses around an operation inside another operation are kept, redundant or not
// (`a + (b * c)`, `(a + b) + c`): they say how the writer grouped the expression. Doubled
// parentheses become one pair. Parentheses in types are kept.

// slot prints an expression that fills a delimited slot: its outer parentheses go.
func (p *printer) slot(e *grammar.Expr, stmtStart bool) {
	inner := stripParens(e)
	if inner != e && stmtStart && startsLikeStatement(inner) {
		p.parenthesised(e.Pos.Offset, inner)
		return
	}
	p.expr(inner)
}

// parenthesised prints `(e)`, the `(` at source offset off.
func (p *printer) parenthesised(off int, e *grammar.Expr) {
	p.at(off)
	p.tok("(")
	p.expr(e)
	p.tok(")")
}

// stripParens returns e without its grouping parentheses.
func stripParens(e *grammar.Expr) *grammar.Expr {
	for {
		prim := grammar.SimplePrimary(e)
		if prim == nil || prim.Paren == nil || len(prim.Paren.Elems) != 1 {
			return e
		}
		e = prim.Paren.Elems[0]
	}
}

// postfixOnly returns the postfix expression e consists of (no operator), else nil.
func postfixOnly(e *grammar.Expr) *grammar.PostfixExpr {
	if len(e.Rest) > 0 {
		return nil
	}
	o := e.Left
	if len(o.Rest) > 0 || len(o.Left.Rest) > 0 || len(o.Left.Left.Rest) > 0 {
		return nil
	}
	a := o.Left.Left.Left
	if len(a.Rest) > 0 || len(a.Left.Rest) > 0 || len(a.Left.Left.Ops) > 0 {
		return nil
	}
	return a.Left.Left.Operand
}

// startsLikeStatement reports whether an expression statement e would, without parentheses,
// read as a block or an if statement.
func startsLikeStatement(e *grammar.Expr) bool {
	u := e.Left.Left.Left.Left.Left.Left
	if len(u.Ops) > 0 {
		return false
	}
	prim := u.Operand.Primary
	return prim.Block != nil || prim.If != nil
}

// blockLike reports whether a primary is written with braces after a keyword.
func blockLike(prim *grammar.Primary) bool {
	return prim.Block != nil || prim.If != nil || prim.Switch != nil || prim.Comptime != nil || prim.Closure != nil
}

// takesSuffixBare reports whether a primary reads the same without parentheses before a suffix.
func takesSuffixBare(prim *grammar.Primary) bool {
	return !blockLike(prim) && prim.Int == nil && prim.Float == nil && prim.New == nil && prim.Array == nil
}

func (p *printer) primary(prim *grammar.Primary) {
	p.at(prim.Pos.Offset)
	switch {
	case prim.Ident != nil:
		p.tok(*prim.Ident)
	case prim.Int != nil:
		p.tok(*prim.Int)
	case prim.Float != nil:
		p.tok(*prim.Float)
	case prim.Char != nil:
		p.tok(*prim.Char)
	case prim.String != nil:
		s := prim.String
		if s.Plain != nil {
			p.tok(*s.Plain)
			break
		}
		p.tok(*s.Head)
		for _, part := range s.Parts {
			p.slot(part.Expr, false)
			p.at(part.EndPos.Offset - len(part.Text))
			p.tok(part.Text)
		}
	case prim.Bool != nil:
		p.tok(*prim.Bool)
	case prim.Null:
		p.tok("null")
	case prim.Undefined:
		p.tok("undefined")
	case prim.ErrorLit != nil:
		p.tok("error." + *prim.ErrorLit)
	case prim.ZeroInit:
		p.tok(".{}")
	case prim.Builtin != nil:
		b := prim.Builtin
		p.tok(b.Name)
		open := p.src.toks[p.src.tokAt(b.Pos.Offset)+1].Pos.Offset
		p.list("(", ")", open+1, b.EndPos.Offset-1, spans(b.Args), func(i int) { p.arg(b.Args[i]) }, false)
	case prim.Paren != nil:
		pe := prim.Paren
		if len(pe.Elems) == 1 {
			p.tok("(")
			p.slot(pe.Elems[0], false)
			p.tok(")")
			break
		}
		p.list("(", ")", pe.Pos.Offset+1, pe.EndPos.Offset-1, spans(pe.Elems), func(i int) { p.slot(pe.Elems[i], false) }, false)
	case prim.Array != nil:
		a := prim.Array
		p.list("[", "]", a.Pos.Offset+1, a.EndPos.Offset-1, spans(a.Elems), func(i int) { p.slot(a.Elems[i], false) }, false)
	case prim.Block != nil:
		p.block(prim.Block)
	case prim.Closure != nil:
		c := prim.Closure
		p.tok("fn")
		p.params(c.Params)
		p.ret(c.Ret)
		p.sp()
		p.block(c.Body)
	case prim.New != nil:
		p.newExpr(prim.New)
	case prim.If != nil:
		p.ifExpr(prim.If)
	case prim.Switch != nil:
		p.switchExpr(prim.Switch)
	case prim.Comptime != nil:
		p.tok("comptime")
		p.sp()
		p.block(prim.Comptime)
	}
}

func (p *printer) newExpr(n *grammar.NewExpr) {
	p.tok("new")
	p.sp()
	p.tok(n.Name)
	for _, g := range []*grammar.CallSuffix{n.Args1, n.Args2} {
		if g != nil {
			p.at(g.Pos.Offset)
			p.args(g)
		}
	}
	if !n.Braces {
		return
	}
	// The brace is the first token after the name and the argument groups.
	after := n.Pos.Offset
	for _, g := range []*grammar.CallSuffix{n.Args1, n.Args2} {
		if g != nil {
			after = g.EndPos.Offset
		}
	}
	open := p.src.toks[p.src.tokAt(after)].Pos.Offset
	if after == n.Pos.Offset {
		open = p.src.toks[p.src.tokAt(after)+2].Pos.Offset // `new` Name `{`
	}
	p.sp()
	p.fieldInits(open+1, n.EndPos.Offset-1, n.Fields)
}

func (p *printer) ifExpr(e *grammar.IfExpr) {
	p.ifHead(e.Cond, e.Capture)
	p.block(e.Then)
	for _, ei := range e.ElseIfs {
		p.elseKeyword(ei.Pos.Offset)
		p.sp()
		p.ifHead(ei.Cond, ei.Capture)
		p.block(ei.Then)
	}
	if e.Else != nil {
		p.elseKeyword(p.src.toks[p.src.tokAt(e.Else.Pos.Offset)-1].Pos.Offset)
		p.sp()
		p.block(e.Else)
	}
}

func (p *printer) switchExpr(s *grammar.SwitchExpr) {
	p.tok("switch")
	p.sp()
	p.switchSubject(s.Subject)
	p.sp()
	openEnd := 0
	if len(s.Arms) > 0 {
		openEnd = p.src.prevTokEnd(s.Arms[0].Pos.Offset)
	}
	p.list("{", "}", openEnd, s.EndPos.Offset-1, spans(s.Arms), func(i int) { p.arm(s.Arms[i]) }, true)
}

// switchSubject prints the subject, a primary: `switch (x) {` => `switch x {`, but
// `switch (a.b) {` keeps its parentheses (`switch a.b {` does not parse).
func (p *printer) switchSubject(prim *grammar.Primary) {
	if prim.Paren != nil && len(prim.Paren.Elems) == 1 {
		inner := grammar.SimplePrimary(stripParens(prim.Paren.Elems[0]))
		if inner != nil && inner.Paren == nil && !blockLike(inner) {
			p.primary(inner)
			return
		}
	}
	p.primary(prim)
}

func (p *printer) arm(a *grammar.SwitchArm) {
	if a.Else {
		p.tok("else")
	}
	for i, pat := range a.Patterns {
		if i > 0 {
			p.tok(",")
			p.sp()
		}
		p.at(pat.Pos.Offset)
		if pat.Neg {
			p.tok("-")
		}
		p.postfix(pat.Value)
		if pat.End != nil {
			p.tok("..")
			if pat.EndNeg {
				p.tok("-")
			}
			p.postfix(pat.End)
		}
	}
	p.capture(a.Capture)
	if a.Guard != nil {
		p.sp()
		p.tok("if")
		p.sp()
		p.slot(a.Guard, false)
	}
	p.sp()
	p.tok("=>")
	p.sp()
	p.slot(a.Body, false)
}

// typ prints a type (language.md §3.2).
func (p *printer) typ(t *grammar.Type) {
	p.at(t.Pos.Offset)
	switch {
	case t.Pointer != nil:
		p.tok("*")
		p.typ(t.Pointer)
	case t.Optional != nil:
		p.tok("?") // `? ?T` keeps its space: printer.merges
		p.typ(t.Optional)
	case t.ErrorUnion != nil:
		p.tok(t.ErrorUnion.ErrorSet + "!")
		p.typ(t.ErrorUnion.Payload)
	case t.Slice != nil:
		p.tok("[]")
		p.typ(t.Slice)
	case t.Array != nil:
		p.tok("[")
		p.slot(t.Array.Len, false)
		p.tok("]")
		if t.Array.Elem != nil {
			p.typ(t.Array.Elem)
		}
	case t.Tuple != nil:
		tt := t.Tuple
		p.list("(", ")", tt.Pos.Offset+1, tt.EndPos.Offset-1, spans(tt.Elems), func(i int) { p.typ(tt.Elems[i]) }, false)
	case t.Func != nil:
		f := t.Func
		p.tok("fn")
		p.typeList(f.Params)
		if f.Ret != nil {
			p.sp()
			p.tok("->")
			p.sp()
			p.typ(f.Ret)
		}
	case t.Named != nil:
		p.tok(t.Named.Name)
		if len(t.Named.Args) > 0 {
			p.typeList(t.Named.Args)
		}
	}
}

// typeList prints `(T1, T2)` of a function type or a generic instance.
func (p *printer) typeList(ts []*grammar.Type) {
	if len(ts) == 0 {
		p.tok("()")
		return
	}
	p.list("(", ")", p.src.prevTokEnd(ts[0].Pos.Offset), p.src.closeAfter(ts[len(ts)-1].EndPos.Offset), spans(ts), func(i int) { p.typ(ts[i]) }, false)
}

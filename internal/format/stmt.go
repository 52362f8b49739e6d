package format

import "cot/grammar"

// Statements (language.md §5). A block is `{}` when empty; it stays on one line when the source
// wrote it on one line (`{ return 0 }`, `{ var x = 1; x = 2 }`: statements separated by `; `, or
// by a space after a statement that takes no `;`), which also keeps every line of a test that
// marks lines with comments; otherwise each statement goes on its own line, indented.

func (p *printer) block(b *grammar.Block) {
	open, closeAt := b.Pos.Offset, b.EndPos.Offset-1
	p.at(open)
	if len(b.Stmts) == 0 && !p.src.hasComment(open, closeAt) {
		p.tok("{")
		p.tok("}")
		return
	}
	if !p.src.newline(open, closeAt) {
		p.tok("{")
		for i, s := range b.Stmts {
			if i > 0 && takesSemicolon(b.Stmts[i-1]) {
				p.tok(";")
			}
			p.sp()
			p.stmt(s)
		}
		p.at(closeAt)
		p.sp()
		p.tok("}")
		return
	}
	p.open("{")
	for _, s := range b.Stmts {
		p.item(s.Pos.Offset)
		p.stmt(s)
	}
	p.close("}", closeAt)
}

// takesSemicolon reports whether the grammar accepts a `;` after s (§1.1).
func takesSemicolon(s *grammar.Stmt) bool {
	return s.Var != nil || s.Return != nil || s.Break != nil || s.Continue != nil || s.Defer != nil || s.Simple != nil
}

func (p *printer) stmt(s *grammar.Stmt) {
	switch {
	case s.Var != nil:
		p.varDecl(s.Var, true)
	case s.Return != nil:
		p.tok("return")
		if v := s.Return.Value; v != nil {
			p.sp()
			p.slot(v, false)
		}
		p.openStatement(s.Return.Value == nil, s.Return.Value)
	case s.Break != nil:
		p.jump(s.Break)
	case s.Continue != nil:
		p.jump(s.Continue)
	case s.Defer != nil:
		p.tok(s.Defer.Kind)
		p.sp()
		if s.Defer.Block != nil {
			p.block(s.Defer.Block)
		} else {
			p.simple(s.Defer.Simple)
		}
	case s.If != nil:
		p.ifStmt(s.If)
	case s.While != nil:
		w := s.While
		p.label(w.Label)
		p.tok("while")
		p.sp()
		p.cond(w.Cond)
		p.sp()
		p.block(w.Body)
	case s.For != nil:
		f := s.For
		p.label(f.Label)
		p.tok("for")
		p.sp()
		p.tok(f.First)
		if f.Second != "" {
			p.tok(",")
			p.sp()
			p.tok(f.Second)
		}
		p.sp()
		p.tok("in")
		p.sp()
		p.slot(f.Iter, false)
		if f.End != nil {
			p.tok("..")
			p.slot(f.End, false)
		}
		p.sp()
		p.block(f.Body)
	case s.Block != nil:
		p.block(s.Block)
	case s.Simple != nil:
		p.simple(s.Simple)
	}
}

func (p *printer) jump(j *grammar.JumpStmt) {
	p.tok(j.Kind)
	if j.Label != "" {
		p.sp()
		p.tok(":" + j.Label)
	}
}

func (p *printer) label(l string) {
	if l != "" {
		p.tok(l + ":")
		p.sp()
	}
}

// simple prints an expression statement or an assignment; the statement stays open for the
// `;` rule.
func (p *printer) simple(s *grammar.SimpleStmt) {
	p.slot(s.Target, true)
	if s.Op != "" {
		p.sp()
		p.tok(s.Op)
		p.sp()
		p.slot(s.Value, false)
	}
	last := s.Target
	if s.Value != nil {
		last = s.Value
	}
	p.openStatement(false, last)
}

// cond prints the parenthesised condition of `if` and `while`.
func (p *printer) cond(e *grammar.Expr) {
	p.tok("(")
	p.slot(e, false)
	p.tok(")")
}

func (p *printer) capture(name string) {
	if name != "" {
		p.sp()
		p.tok("|" + name + "|")
	}
}

func (p *printer) ifStmt(s *grammar.IfStmt) {
	p.ifHead(s.Cond, s.Capture)
	p.stmt(s.Then)
	prevEnd := s.Then.EndPos.Offset
	for _, e := range s.ElseIfs {
		p.elseKeyword(e.Pos.Offset)
		p.sp()
		p.ifHead(e.Cond, e.Capture)
		p.stmt(e.Then)
		prevEnd = e.Then.EndPos.Offset
	}
	if s.Else != nil {
		p.elseKeyword(p.src.toks[p.src.tokAt(prevEnd)].Pos.Offset)
		p.sp()
		p.stmt(s.Else)
	}
}

// ifHead prints `if (cond)[ |capture|] ` of an if or an else-if.
func (p *printer) ifHead(cond *grammar.Expr, capture string) {
	p.tok("if")
	p.sp()
	p.cond(cond)
	p.capture(capture)
	p.sp()
}

// elseKeyword prints `else` (at source offset off) on the line of the closing brace before it.
func (p *printer) elseKeyword(off int) {
	p.sp()
	p.at(off)
	p.tok("else")
}

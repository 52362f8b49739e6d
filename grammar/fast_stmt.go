//go:build !cotref

package grammar

// Hand-compiled statement rules (cst_stmt.go and VarDecl in cst_decl.go have the tags they
// implement; see fast.go).

func (p *fparser) blockNode() (*Block, res) {
	if !p.lit("{") {
		return nil, noMatch
	}
	b := p.nodes.blocks.alloc()
	return b, p.block(b)
}

// Block: `'{' @@*Stmt '}'`.
func (p *fparser) block(b *Block) res {
	if !p.lit("{") {
		return noMatch
	}
	b.Pos = p.pos(p.i)
	p.i++
	for {
		start := p.i
		s, r := p.stmt()
		if r == match {
			b.Stmts = add(&p.nodes.stmtLists, b.Stmts, s)
			continue
		}
		if p.committed(r, start) {
			return fail
		}
		break
	}
	if r := p.expect("}", `"}"`); r != match {
		return r
	}
	b.EndPos = p.end()
	return match
}

// Stmt: VarDecl | ReturnStmt | (?= 'break') JumpStmt | (?= 'continue') JumpStmt | DeferStmt |
// IfStmt | WhileStmt | ForStmt | Block | (?! '{' | 'if') SimpleStmt. The alternatives start
// with different tokens, so the first token picks one; when none matches, the failure is
// SimpleStmt's (the last alternative).
func (p *fparser) stmt() (*Stmt, res) {
	t := p.tok()
	if !p.startsExpr() && t.Value != "var" && t.Value != "let" && t.Value != "const" &&
		t.Value != "return" && t.Value != "break" && t.Value != "continue" && t.Value != "defer" &&
		t.Value != "errdefer" && t.Value != "while" && t.Value != "for" {
		return nil, p.failAt(expPostfix)
	}
	s := p.nodes.stmts.alloc()
	s.Pos = p.pos(p.i)
	var r res
	switch {
	case t.Value == "var" || t.Value == "let" || t.Value == "const":
		s.Var, r = p.varDecl()
	case t.Value == "return":
		r = p.returnStmt(s)
	case t.Value == "break":
		s.Break, r = p.jumpStmt()
	case t.Value == "continue":
		s.Continue, r = p.jumpStmt()
	case t.Value == "defer" || t.Value == "errdefer":
		s.Defer, r = p.deferStmt()
	case t.Value == "if":
		s.If, r = p.ifStmt()
	case p.loopAhead("while"):
		s.While, r = p.whileStmt()
	case p.loopAhead("for"):
		s.For, r = p.forStmt()
	case t.Value == "{":
		s.Block, r = p.blockNode()
	default:
		s.Simple, r = p.simpleStmt()
	}
	if r != match {
		return nil, r
	}
	s.EndPos = p.end()
	return s, match
}

// loopAhead reports a `while`/`for` statement, labelled (`outer: while`) or not.
func (p *fparser) loopAhead(kw string) bool {
	return p.lit(kw) || p.isType(TokIdent) && p.at(1).Value == ":" && p.at(2).Value == kw
}

// ReturnStmt: `'return' @@?Expr ';'?`.
func (p *fparser) returnStmt(s *Stmt) res {
	x := p.nodes.returns.alloc()
	x.Pos = p.pos(p.i)
	p.i++
	if r := p.optExpr(&x.Value); r != match {
		return r
	}
	p.accept(";")
	x.EndPos = p.end()
	s.Return = x
	return match
}

// JumpStmt: `@( 'break' | 'continue' ) ( ':' @Ident )? ';'?`.
func (p *fparser) jumpStmt() (*JumpStmt, res) {
	j := p.nodes.jumps.alloc()
	j.Pos, j.Kind = p.pos(p.i), p.tok().Value
	p.i++
	if p.accept(":") {
		if !p.isType(TokIdent) {
			return nil, p.failAt(expIdent)
		}
		j.Label = p.tok().Value
		p.i++
	}
	p.accept(";")
	j.EndPos = p.end()
	return j, match
}

// DeferStmt: `@( 'defer' | 'errdefer' ) ( @@Block ';'? | (?! '{') @@SimpleStmt )`.
func (p *fparser) deferStmt() (*DeferStmt, res) {
	d := p.nodes.defers.alloc()
	d.Pos, d.Kind = p.pos(p.i), p.tok().Value
	p.i++
	var r res
	if p.lit("{") {
		if d.Block, r = p.blockNode(); r != match {
			return nil, r
		}
		p.accept(";")
	} else if d.Simple, r = p.simpleStmt(); r != match {
		return nil, r
	}
	d.EndPos = p.end()
	return d, match
}

var assignOps = map[string]bool{"=": true, "+=": true, "-=": true, "*=": true, "/=": true, "%=": true,
	"&=": true, "|=": true, "^=": true}

// SimpleStmt: `@@Expr ( @( '=' | '+=' | ... ) @@Expr )? ';'?`.
func (p *fparser) simpleStmt() (*SimpleStmt, res) {
	start := p.i
	target, r := p.expr()
	if r != match {
		return nil, r
	}
	s := p.nodes.simples.alloc()
	s.Pos, s.Target = p.pos(start), target
	if t := p.tok(); t.Type == TokPunct && assignOps[t.Value] {
		s.Op = t.Value
		p.i++
		if s.Value, r = p.expr(); r != match {
			return nil, r
		}
	}
	p.accept(";")
	s.EndPos = p.end()
	return s, match
}

// needStmt parses a required `@@Stmt` after other tokens of a sequence.
func (p *fparser) needStmt(dst **Stmt) res {
	var r res
	*dst, r = p.stmt()
	return p.need(r, "Stmt")
}

// IfStmt: `'if' '(' @@Expr ')' ( '|' @Ident '|' )? @@Stmt ( (?= 'else' 'if') @@ElseIfStmt )*
// ( 'else' @@Stmt )?`.
func (p *fparser) ifStmt() (*IfStmt, res) {
	x := p.nodes.ifStmts.alloc()
	x.Pos = p.pos(p.i)
	p.i++
	if r := p.condition(&x.Cond); r != match {
		return nil, r
	}
	if r := p.pipeCapture(&x.Capture); r != match {
		return nil, r
	}
	if r := p.needStmt(&x.Then); r != match {
		return nil, r
	}
	for p.lit("else") && p.at(1).Value == "if" {
		e := p.nodes.elseIfStmts.alloc()
		e.Pos = p.pos(p.i)
		p.i += 2
		if r := p.condition(&e.Cond); r != match {
			return nil, r
		}
		if r := p.pipeCapture(&e.Capture); r != match {
			return nil, r
		}
		if r := p.needStmt(&e.Then); r != match {
			return nil, r
		}
		e.EndPos = p.end()
		x.ElseIfs = append(x.ElseIfs, e)
	}
	if p.accept("else") {
		if r := p.needStmt(&x.Else); r != match {
			return nil, r
		}
	}
	x.EndPos = p.end()
	return x, match
}

// label parses `( (?= Ident ':' kw) @Ident ':' )?`.
func (p *fparser) label(kw string) string {
	if p.isType(TokIdent) && p.at(1).Value == ":" && p.at(2).Value == kw {
		l := p.tok().Value
		p.i += 2
		return l
	}
	return ""
}

// needBlock parses a required `@@Block` after other tokens of a sequence.
func (p *fparser) needBlock(dst **Block) res {
	var r res
	*dst, r = p.blockNode()
	return p.need(r, "Block")
}

// WhileStmt: `( (?= Ident ':' 'while') @Ident ':' )? 'while' '(' @@Expr ')' @@Block`.
func (p *fparser) whileStmt() (*WhileStmt, res) {
	w := p.nodes.whiles.alloc()
	w.Pos = p.pos(p.i)
	w.Label = p.label("while")
	p.i++ // while
	if r := p.condition(&w.Cond); r != match {
		return nil, r
	}
	if r := p.needBlock(&w.Body); r != match {
		return nil, r
	}
	w.EndPos = p.end()
	return w, match
}

// ForStmt: `( (?= Ident ':' 'for') @Ident ':' )? 'for' @Ident ( ',' @Ident )? 'in' @@Expr
// ( '..' @@Expr )? @@Block`.
func (p *fparser) forStmt() (*ForStmt, res) {
	f := p.nodes.fors.alloc()
	f.Pos = p.pos(p.i)
	f.Label = p.label("for")
	p.i++ // for
	if !p.isType(TokIdent) {
		return nil, p.failAt(expIdent)
	}
	f.First = p.tok().Value
	p.i++
	if p.accept(",") {
		if !p.isType(TokIdent) {
			return nil, p.failAt(expIdent)
		}
		f.Second = p.tok().Value
		p.i++
	}
	if r := p.expect("in", `"in"`); r != match {
		return nil, r
	}
	var r res
	if f.Iter, r = p.expr(); r != match {
		return nil, r
	}
	if p.accept("..") {
		if f.End, r = p.expr(); r != match {
			return nil, r
		}
	}
	if r := p.needBlock(&f.Body); r != match {
		return nil, r
	}
	f.EndPos = p.end()
	return f, match
}

// VarDecl: `@( 'var' | 'let' | 'const' ) @Ident ( ':' @@Type )? ( '=' ( (?= 'error' '{')
// @@ErrorSet | @@Expr ) )? ';'?` (a local one; participle parses top-level ones).
func (p *fparser) varDecl() (*VarDecl, res) {
	v := p.nodes.vars.alloc()
	v.Pos, v.Kind = p.pos(p.i), p.tok().Value
	p.i++
	if !p.isType(TokIdent) {
		return nil, p.failAt(expIdent)
	}
	v.Name = p.tok().Value
	p.i++
	if p.accept(":") {
		if r := p.needType(&v.Type); r != match {
			return nil, r
		}
	}
	if p.accept("=") {
		var r res
		if p.lit("error") && p.at(1).Value == "{" {
			v.ErrorSet, r = p.errorSet()
		} else {
			v.Value, r = p.expr()
		}
		if r != match {
			return nil, r
		}
	}
	p.accept(";")
	v.EndPos = p.end()
	if v.ErrorSet != nil {
		p.check(v)
	}
	return v, match
}

// ErrorSet: `'error' '{' ( @Ident ( (?! ...) ',' @Ident )* ','? )? '}'`.
func (p *fparser) errorSet() (*ErrorSet, res) {
	e := p.nodes.errorSets.alloc()
	e.Pos = p.pos(p.i)
	p.i += 2
	r := p.list(expIdent, "}", func() res {
		if !p.isType(TokIdent) {
			return noMatch
		}
		e.Names = append(e.Names, p.tok().Value)
		p.i++
		return match
	})
	if r != match {
		return nil, r
	}
	e.EndPos = p.end()
	return e, match
}

//go:build !cotref

package grammar

// Hand-compiled declaration rules: Decl and the function, import, global and test forms
// (cst_decl.go has the tags they implement; the type declarations are in fast_decl_types.go;
// see fast.go).

import "github.com/alecthomas/participle/v2"

// next parses the declaration at the current token for ParseEach. A declaration that fails
// before consuming a token is reported at that token with no expectation, as participle's
// Decl rule is ("expected declaration" at the top level).
func (p *fparser) next() (*Decl, error) {
	start := p.i
	d, r := p.decl()
	switch {
	case r == match:
		return d, nil
	case r == noMatch || p.i == start:
		return nil, &participle.UnexpectedTokenError{Unexpected: p.lexToken(start)}
	}
	return nil, &participle.UnexpectedTokenError{Unexpected: p.lexToken(p.errTok), Expect: p.errExpect}
}

// Decl: ImportDecl | ExternFn | FnDecl | VarDecl | StructDecl | EnumDecl | UnionDecl |
// TypeAlias | ImplDecl | TraitDecl | TestDecl. Every alternative starts with its own keyword,
// so the first token picks one.
func (p *fparser) decl() (*Decl, res) {
	t := p.tok()
	d := p.nodes.decls.alloc()
	d.Pos = p.pos(p.i)
	var r res
	switch t.Value {
	case "import":
		d.Import, r = p.importDecl()
	case "extern":
		d.Extern, r = p.externFn()
	case "async", "fn":
		d.Fn, r = p.fnDecl()
	case "var", "let", "const":
		d.Var, r = p.varDecl()
	case "struct":
		d.Struct, r = p.structDecl()
	case "enum":
		d.Enum, r = p.enumDecl()
	case "union":
		d.Union, r = p.unionDecl()
	case "type":
		d.Alias, r = p.typeAlias()
	case "impl":
		d.Impl, r = p.implDecl()
	case "trait":
		d.Trait, r = p.traitDecl()
	case "test", "bench":
		d.Test, r = p.testDecl()
	default:
		return nil, noMatch
	}
	if r != match {
		return nil, r
	}
	d.EndPos = p.end()
	return d, match
}

// ImportDecl: `'import' @String`.
func (p *fparser) importDecl() (*ImportDecl, res) {
	x := p.nodes.imports.alloc()
	x.Pos = p.pos(p.i)
	p.i++
	if !p.isType(TokString) {
		return nil, p.failAt(expString)
	}
	x.Path = p.tok().Value
	p.i++
	x.EndPos = p.end()
	return x, match
}

// ident parses a required `@Ident` after other tokens of a sequence.
func (p *fparser) ident(dst *string) res {
	if !p.isType(TokIdent) {
		return p.failAt(expIdent)
	}
	*dst = p.tok().Value
	p.i++
	return match
}

// params parses `'(' ( @@Param ( (?! ',' ( ')' | '}' | ']' )) ',' @@Param )* ','? )? ')'`.
func (p *fparser) params(dst *[]*Param) res {
	if r := p.expect("(", `"("`); r != match {
		return r
	}
	return p.list("Param", ")", func() res {
		prm, r := p.param()
		if r == match {
			*dst = add(&p.nodes.paramLists, *dst, prm)
		}
		return r
	})
}

// identList parses `@Ident ( (?! ',' ( ')' | '}' | ']' )) ',' @Ident )* ','? ')'` after its
// opening bracket.
func (p *fparser) identList(dst *[]string) res {
	name := func() res {
		if !p.isType(TokIdent) {
			return noMatch
		}
		*dst = append(*dst, p.tok().Value)
		p.i++
		return match
	}
	if r := p.need(name(), expIdent); r != match {
		return r
	}
	return p.listRest(expIdent, ")", name)
}

// signature parses `@Ident '(' ( @@Param ... )? ')' @@?Type`, the rest of an extern function's or
// a trait method's head.
func (p *fparser) signature(name *string, params *[]*Param, ret **Type) res {
	if r := p.ident(name); r != match {
		return r
	}
	if r := p.params(params); r != match {
		return r
	}
	return p.optType(ret)
}

// ExternFn: `'extern' 'fn' @Ident '(' ( @@Param ... )? ')' @@?Type ';'`.
func (p *fparser) externFn() (*ExternFn, res) {
	x := p.nodes.externs.alloc()
	x.Pos = p.pos(p.i)
	p.i++
	if r := p.expect("fn", `"fn"`); r != match {
		return nil, r
	}
	if r := p.signature(&x.Name, &x.Params, &x.Ret); r != match {
		return nil, r
	}
	if r := p.expect(";", `";"`); r != match {
		return nil, r
	}
	x.EndPos = p.end()
	return x, match
}

// FnDecl: `@'async'? 'fn' @Ident ( (?= '(' Ident ( (?! ',' ')') ',' Ident )* ','? ')' '(')
// '(' @Ident ( ... ',' @Ident )* ','? ')' )? '(' ( @@Param ... )? ')' @@?Type ( 'where'
// @@Constraint ( ',' @@Constraint )* )? @@Block`. Without `async` or `fn` it fails without
// consuming (impl bodies end their method list there).
func (p *fparser) fnDecl() (*FnDecl, res) {
	start := p.i
	async := p.accept("async")
	if !p.lit("fn") {
		return nil, p.failAt(`"fn"`)
	}
	p.i++
	f := p.nodes.fns.alloc()
	f.Pos, f.Async = p.pos(start), async
	if r := p.ident(&f.Name); r != match {
		return nil, r
	}
	if p.typeParamsAhead() {
		p.i++
		if r := p.identList(&f.TypeParams); r != match {
			return nil, r
		}
	}
	if r := p.params(&f.Params); r != match {
		return nil, r
	}
	if r := p.optType(&f.Ret); r != match {
		return nil, r
	}
	if p.accept("where") {
		for {
			c, r := p.constraint()
			if r = p.need(r, "Constraint"); r != match {
				return nil, r
			}
			f.Where = append(f.Where, c)
			if !p.accept(",") {
				break
			}
		}
	}
	if r := p.needBlock(&f.Body); r != match {
		return nil, r
	}
	f.EndPos = p.end()
	return f, match
}

// typeParamsAhead is the lookahead (?= '(' Ident ( (?! ',' ')') ',' Ident )* ','? ')' '('):
// a parenthesised list of names followed by the parameter list.
func (p *fparser) typeParamsAhead() bool {
	if !p.lit("(") || p.at(1).Type != TokIdent {
		return false
	}
	k := 2
	for p.at(k).Value == "," && p.at(k+1).Type == TokIdent {
		k += 2
	}
	if p.at(k).Value == "," {
		k++
	}
	return p.at(k).Value == ")" && p.at(k+1).Value == "("
}

// Constraint: `@Ident ':' @Ident`.
func (p *fparser) constraint() (*Constraint, res) {
	if !p.isType(TokIdent) {
		return nil, noMatch
	}
	c := p.nodes.constraints.alloc()
	c.Pos, c.Param = p.pos(p.i), p.tok().Value
	p.i++
	if r := p.expect(":", `":"`); r != match {
		return nil, r
	}
	if r := p.ident(&c.Trait); r != match {
		return nil, r
	}
	c.EndPos = p.end()
	return c, match
}

// TestDecl: `@( 'test' | 'bench' ) @String @@Block`.
func (p *fparser) testDecl() (*TestDecl, res) {
	x := p.nodes.tests.alloc()
	x.Pos, x.Kind = p.pos(p.i), p.tok().Value
	p.i++
	if !p.isType(TokString) {
		return nil, p.failAt(expString)
	}
	x.Name = p.tok().Value
	p.i++
	if r := p.needBlock(&x.Body); r != match {
		return nil, r
	}
	x.EndPos = p.end()
	return x, match
}

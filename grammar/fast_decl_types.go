//go:build !cotref

package grammar

// Hand-compiled type declarations: structs, enums, unions, aliases, impls and traits
// (cst_decl.go has the tags they implement; see fast.go).

// StructDecl: `'struct' @Ident ( '(' @Ident ( ... ',' @Ident )* ','? ')' )? '{' ( @@Field
// ( (?! ',' ( ')' | '}' | ']' )) ',' @@Field )* ','? )? '}'`.
func (p *fparser) structDecl() (*StructDecl, res) {
	s := p.nodes.structDecls.alloc()
	s.Pos = p.pos(p.i)
	p.i++
	if r := p.ident(&s.Name); r != match {
		return nil, r
	}
	if r := p.optTypeParams(&s.TypeParams); r != match {
		return nil, r
	}
	if r := p.expect("{", `"{"`); r != match {
		return nil, r
	}
	r := p.list("Field", "}", func() res {
		if !p.isType(TokIdent) {
			return noMatch
		}
		f := p.nodes.fields.alloc()
		r := p.typedName(&f.Pos, &f.EndPos, &f.Name, &f.Type, &f.Default)
		if r == match {
			s.Fields = append(s.Fields, f)
		}
		return r
	})
	if r != match {
		return nil, r
	}
	s.EndPos = p.end()
	return s, match
}

// optTypeParams parses `( '(' @Ident ( ... ',' @Ident )* ','? ')' )?` after a type's name.
func (p *fparser) optTypeParams(dst *[]string) res {
	if !p.accept("(") {
		return match
	}
	return p.identList(dst)
}

// EnumDecl: `'enum' @Ident ( ':' @@Type )? '{' ( @@EnumVariant ... )? '}'`, EnumVariant:
// `@Ident ( '=' @@Expr )?`.
func (p *fparser) enumDecl() (*EnumDecl, res) {
	e := p.nodes.enumDecls.alloc()
	e.Pos = p.pos(p.i)
	p.i++
	if r := p.ident(&e.Name); r != match {
		return nil, r
	}
	if p.accept(":") {
		if r := p.needType(&e.Backing); r != match {
			return nil, r
		}
	}
	if r := p.expect("{", `"{"`); r != match {
		return nil, r
	}
	r := p.list("EnumVariant", "}", func() res {
		if !p.isType(TokIdent) {
			return noMatch
		}
		v := p.nodes.enumVariants.alloc()
		v.Pos, v.Name = p.pos(p.i), p.tok().Value
		p.i++
		if p.accept("=") {
			var r res
			if v.Value, r = p.expr(); r != match {
				return r
			}
		}
		v.EndPos = p.end()
		e.Variants = append(e.Variants, v)
		return match
	})
	if r != match {
		return nil, r
	}
	e.EndPos = p.end()
	return e, match
}

// UnionDecl: `'union' @Ident '{' ( @@UnionVariant ... )? '}'`, UnionVariant: `@Ident
// ( ':' @@Type )?`.
func (p *fparser) unionDecl() (*UnionDecl, res) {
	u := p.nodes.unionDecls.alloc()
	u.Pos = p.pos(p.i)
	p.i++
	if r := p.ident(&u.Name); r != match {
		return nil, r
	}
	if r := p.expect("{", `"{"`); r != match {
		return nil, r
	}
	r := p.list("UnionVariant", "}", func() res {
		if !p.isType(TokIdent) {
			return noMatch
		}
		v := p.nodes.unionVariants.alloc()
		v.Pos, v.Name = p.pos(p.i), p.tok().Value
		p.i++
		if p.accept(":") {
			if r := p.needType(&v.Payload); r != match {
				return r
			}
		}
		v.EndPos = p.end()
		u.Variants = append(u.Variants, v)
		return match
	})
	if r != match {
		return nil, r
	}
	u.EndPos = p.end()
	return u, match
}

// TypeAlias: `'type' @Ident '=' @@Type ';'?`.
func (p *fparser) typeAlias() (*TypeAlias, res) {
	a := p.nodes.aliases.alloc()
	a.Pos = p.pos(p.i)
	p.i++
	if r := p.ident(&a.Name); r != match {
		return nil, r
	}
	if r := p.expect("=", `"="`); r != match {
		return nil, r
	}
	if r := p.needType(&a.Type); r != match {
		return nil, r
	}
	p.accept(";")
	a.EndPos = p.end()
	return a, match
}

// ImplDecl: `'impl' ( (?= Ident 'for') @Ident 'for' )? @( Ident | TypeKw ) ( '(' @Ident ...
// ')' )? '{' @@FnDecl* '}'`.
func (p *fparser) implDecl() (*ImplDecl, res) {
	x := p.nodes.impls.alloc()
	x.Pos = p.pos(p.i)
	p.i++
	if p.isType(TokIdent) && p.at(1).Value == "for" {
		x.Trait = p.tok().Value
		p.i += 2
	}
	if !p.isName() {
		return nil, p.failAt(expNone)
	}
	x.Target = p.tok().Value
	p.i++
	if r := p.optTypeParams(&x.TypeParams); r != match {
		return nil, r
	}
	r := p.braced(func() res {
		f, r := p.fnDecl()
		if r == match {
			x.Methods = append(x.Methods, f)
		}
		return r
	})
	if r != match {
		return nil, r
	}
	x.EndPos = p.end()
	return x, match
}

// TraitDecl: `'trait' @Ident '{' @@TraitMethod* '}'`.
func (p *fparser) traitDecl() (*TraitDecl, res) {
	x := p.nodes.traits.alloc()
	x.Pos = p.pos(p.i)
	p.i++
	if r := p.ident(&x.Name); r != match {
		return nil, r
	}
	r := p.braced(func() res {
		m, r := p.traitMethod()
		if r == match {
			x.Methods = append(x.Methods, m)
		}
		return r
	})
	if r != match {
		return nil, r
	}
	x.EndPos = p.end()
	return x, match
}

// TraitMethod: `'fn' @Ident '(' ( @@Param ... )? ')' @@?Type ';'?`.
func (p *fparser) traitMethod() (*TraitMethod, res) {
	if !p.lit("fn") {
		return nil, noMatch
	}
	m := p.nodes.traitMethods.alloc()
	m.Pos = p.pos(p.i)
	p.i++
	if r := p.signature(&m.Name, &m.Params, &m.Ret); r != match {
		return nil, r
	}
	p.accept(";")
	m.EndPos = p.end()
	return m, match
}

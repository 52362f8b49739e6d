//go:build !cotref

package grammar

// Hand-compiled Type rules (cst_type.go has the tags they implement; see fast.go).

// startsType reports whether a Type alternative can start at the current token.
func (p *fparser) startsType() bool {
	t := p.tok()
	switch t.Value {
	case "*", "?", "!", "[", "(", "fn":
		return true
	}
	return t.Type == TokIdent || t.Type == TokTypeKw
}

func (p *fparser) typ() (*Type, res) {
	if !p.startsType() {
		return nil, p.failAt(expNone)
	}
	t := p.nodes.types.alloc()
	return t, p.typeInto(t)
}

// optType parses `@@?Type`: it fails only if the type consumed tokens.
func (p *fparser) optType(dst **Type) res {
	start := p.i
	t, r := p.typ()
	if r == match {
		*dst = t
		return match
	}
	if p.committed(r, start) {
		return fail
	}
	return match
}

// needType parses a required `@@Type` that follows other tokens of a sequence.
func (p *fparser) needType(dst **Type) res {
	var r res
	*dst, r = p.typ()
	return p.need(r, "Type")
}

// Type: `'*' @@ | '?' @@ | (?= Ident? '!') @@ErrorUnionType | (?= '[' ']') '[' ']' @@ |
// @@ArrayType | @@TupleType | @@FuncType | @@NamedType`. No match is a failure without
// consuming (the lookahead alternatives fail).
func (p *fparser) typeInto(t *Type) res {
	start := p.i
	t.Pos = p.pos(start)
	tok := p.tok()
	var r res
	switch {
	case tok.Value == "*":
		p.i++
		r = p.needType(&t.Pointer)
	case tok.Value == "?":
		p.i++
		r = p.needType(&t.Optional)
	case tok.Value == "!" || tok.Type == TokIdent && p.at(1).Value == "!":
		u := p.nodes.errorUnions.alloc()
		u.Pos = t.Pos
		if tok.Type == TokIdent {
			u.ErrorSet = tok.Value
			p.i++
		}
		p.i++
		if r = p.needType(&u.Payload); r == match {
			u.EndPos = p.end()
			t.ErrorUnion = u
		}
	case tok.Value == "[" && p.at(1).Value == "]":
		p.i += 2
		r = p.needType(&t.Slice)
	case tok.Value == "[":
		t.Array, r = p.arrayType()
	case tok.Value == "(":
		t.Tuple, r = p.tupleType()
	case tok.Value == "fn":
		t.Func, r = p.funcType()
	case tok.Type == TokIdent || tok.Type == TokTypeKw:
		t.Named, r = p.namedType()
	default:
		return p.failAt(expNone)
	}
	if r != match {
		return r
	}
	t.EndPos = p.end()
	return match
}

// ArrayType: `'[' @@Expr ']' @@?Type`.
func (p *fparser) arrayType() (*ArrayType, res) {
	a := p.nodes.arrayTypes.alloc()
	a.Pos = p.pos(p.i)
	p.i++
	var r res
	if a.Len, r = p.expr(); r != match {
		return nil, r
	}
	if r := p.expect("]", `"]"`); r != match {
		return nil, r
	}
	if r := p.optType(&a.Elem); r != match {
		return nil, r
	}
	a.EndPos = p.end()
	p.check(a)
	return a, match
}

// typeList parses `@@Type ( (?! ',' ( ')' | '}' | ']' )) ',' @@Type )* ','? ')'` with a
// required first element.
func (p *fparser) typeList(dst *[]*Type) res {
	parse := func() res {
		t, r := p.typ()
		if r == match {
			*dst = add(&p.nodes.typeLists, *dst, t)
		}
		return r
	}
	if r := p.need(parse(), "Type"); r != match {
		return r
	}
	return p.listRest("Type", ")", parse)
}

// TupleType: `'(' @@Type ( (?! ...) ',' @@Type )* ','? ')'`.
func (p *fparser) tupleType() (*TupleType, res) {
	x := p.nodes.tupleTypes.alloc()
	x.Pos = p.pos(p.i)
	p.i++
	if r := p.typeList(&x.Elems); r != match {
		return nil, r
	}
	x.EndPos = p.end()
	return x, match
}

// FuncType: `'fn' '(' ( @@Type ... )? ')' ( '->' @@Type )?`.
func (p *fparser) funcType() (*FuncType, res) {
	f := p.nodes.funcTypes.alloc()
	f.Pos = p.pos(p.i)
	p.i++
	if r := p.expect("(", `"("`); r != match {
		return nil, r
	}
	r := p.list("Type", ")", func() res {
		t, r := p.typ()
		if r == match {
			f.Params = add(&p.nodes.typeLists, f.Params, t)
		}
		return r
	})
	if r != match {
		return nil, r
	}
	if p.accept("->") {
		if r := p.needType(&f.Ret); r != match {
			return nil, r
		}
	}
	f.EndPos = p.end()
	return f, match
}

// NamedType: `@( Ident | TypeKw ) ( '(' @@Type ( (?! ...) ',' @@Type )* ','? ')' | '<' @@Type
// ( ',' @@Type )* ( '>' | '>>' ) )?`.
func (p *fparser) namedType() (*NamedType, res) {
	n := p.nodes.namedTypes.alloc()
	n.Pos, n.Name = p.pos(p.i), p.tok().Value
	p.i++
	switch {
	case p.accept("("):
		if r := p.typeList(&n.Args); r != match {
			return nil, r
		}
	case p.accept("<"):
		var t *Type
		if r := p.needType(&t); r != match {
			return nil, r
		}
		n.Legacy = append(n.Legacy, t)
		for p.accept(",") {
			if r := p.needType(&t); r != match {
				return nil, r
			}
			n.Legacy = append(n.Legacy, t)
		}
		if !p.accept(">") && !p.accept(">>") {
			return nil, p.failAt(expNone)
		}
	}
	n.EndPos = p.end()
	p.check(n)
	return n, match
}

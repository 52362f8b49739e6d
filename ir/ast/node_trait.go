package ast

// Traits (spec §4.10) live until check-types, which checks each `impl Trait for T` against its
// trait and each `where` bound of a generic function's instance against the impls; the methods
// of a trait impl are ordinary functions `T_m` (parse), so a call resolves statically.
//
//	(trait Shape#3 area perimeter)     `trait Shape { fn area(…) …  fn perimeter(…) … }`
//	(trait-impl Shape#3 Rect#2)        `impl Shape for Rect { … }` (its methods: Rect_area, …)

// TraitDecl is `trait Name { fn m(…) … }`: only the method names matter (§4.10).
type TraitDecl struct {
	At
	Name    Name
	Methods []string
}

// TraitImpl records `impl Trait for Target`. It binds no name.
type TraitImpl struct {
	At
	Trait   Name
	Target  TypeExpr
	Methods []string // the methods the impl defines
}

// Bound is one `where Param: Trait` of a generic function.
type Bound struct {
	Param, Trait Name
}

func (*TraitDecl) Kind() string        { return "trait" }
func (*TraitImpl) Kind() string        { return "trait-impl" }
func (d *TraitDecl) DeclName() Name    { return d.Name }
func (d *TraitImpl) DeclName() Name    { return Name{} }
func (*TraitDecl) declNode()           {}
func (*TraitImpl) declNode()           {}
func (*TraitDecl) children(*slots)     {}
func (n *TraitImpl) children(s *slots) { s.typ(&n.Target) }

func traitDeclSx(d Decl) *sx {
	switch d := d.(type) {
	case *TraitDecl:
		l := stmtList(atom("trait"), atom(d.Name.String()))
		for _, m := range d.Methods {
			l.list = append(l.list, atom(m))
		}
		return l
	case *TraitImpl:
		l := stmtList(atom("trait-impl"), atom(d.Trait.String()), typeExprSx(d.Target))
		for _, m := range d.Methods {
			l.list = append(l.list, atom(m))
		}
		return l
	}
	return nil
}

func (rd *reader) readTraitDecl(s *sx) Decl {
	if s.list[0].atom == "trait" {
		a := shape(s, 1, true)
		d := &TraitDecl{Name: readName(a[0])}
		for _, m := range a[1:] {
			d.Methods = append(d.Methods, m.atom)
		}
		return d
	}
	a := shape(s, 2, true)
	d := &TraitImpl{Trait: readName(a[0]), Target: rd.readTypeExpr(a[1])}
	for _, m := range a[2:] {
		d.Methods = append(d.Methods, m.atom)
	}
	return d
}

func boundsSx(bs []Bound) *sx {
	l := list(atom("where"))
	for _, b := range bs {
		l.list = append(l.list, list(atom(b.Param.String()), atom(b.Trait.String())))
	}
	return l
}

func readBounds(s *sx) []Bound {
	var out []Bound
	for _, b := range shape(s, 0, true) {
		if !b.isList || len(b.list) != 2 {
			fail(b, "want (PARAM TRAIT)")
		}
		out = append(out, Bound{Param: readName(b.list[0]), Trait: readName(b.list[1])})
	}
	return out
}

package ast

// Enum declarations and member access (spec §4.5).
//
//	(enum NAME BACKING|- (VARIANT VALUE|-)...)     a declaration; check-types makes it a named
//	                                               type of the (types …) section and removes it
//	(member X NAME)                                X.NAME; check-types turns Enum.Variant into
//	                                               an integer literal of the enum type

import "cot/ir/types"

// EnumDecl is `enum Name: Backing { Variant = value, ... }` before check-types: Variants[i]
// has the value Values[i], nil for "the previous value + 1".
type EnumDecl struct {
	At
	Name     Name
	BackingX TypeExpr // nil: i32
	Variants []string
	Values   []Expr
}

// Member is X.Name (today: a variant of the enum type X names).
type Member struct {
	At
	Typed
	X    Expr
	Name string
}

func (*EnumDecl) Kind() string     { return "enum" }
func (*Member) Kind() string       { return "member" }
func (d *EnumDecl) DeclName() Name { return d.Name }
func (*EnumDecl) declNode()        {}
func (*Member) exprNode()          {}

func (n *EnumDecl) children(s *slots) { s.typ(&n.BackingX); s.exprs(&n.Values) }
func (n *Member) children(s *slots)   { s.expr(&n.X) }

// SetType gives an expression another type (lower-enums replaces enum types by their backing).
func (t *Typed) SetType(x types.Type) { t.T = x }

func enumSx(d *EnumDecl) *sx {
	l := stmtList(atom("enum"), atom(d.Name.String()), typeExprSx(d.BackingX))
	for i, v := range d.Variants {
		l.list = append(l.list, list(atom(v), optExpr(d.Values[i])))
	}
	return l
}

func (rd *reader) readEnum(s *sx) *EnumDecl {
	a := shape(s, 2, true)
	d := &EnumDecl{Name: readName(a[0])}
	if a[1].isList || a[1].atom != "-" {
		d.BackingX = rd.readTypeExpr(a[1])
	}
	for _, v := range a[2:] {
		va := shape(v, 1, false)
		d.Variants, d.Values = append(d.Variants, v.list[0].atom), append(d.Values, rd.readOptExpr(va[0]))
	}
	return d
}

package ast

// Tagged unions (spec §4.6, §6.12). The declaration lives until check-types, which makes it a
// named type of the (types …) section; values live until lower-unions, which makes each union a
// struct of its tag and payload bytes (spec §3.3).
//
//	(union NAME (VARIANT TYPE|-)...)   a declaration
//	(union-lit:U K X|-)                 the value of variant K (its index) with payload X (unit: -)
//	(union-tag:i64 X)                   X.tag: the index of X's variant
//	(union-payload:T K X)               X.V, V variant K: its payload, unchecked (the payload
//	                                    bytes read as a T whatever variant X holds)

import "strconv"

// UnionDecl is `union Name { Variant: Payload, Unit, ... }` before check-types: PayloadX[i] is
// nil for a unit variant.
type UnionDecl struct {
	At
	Name     Name
	Variants []string
	PayloadX []TypeExpr
}

// UnionLit is a union value: variant Variant (its index), with Payload (nil for a unit variant).
type UnionLit struct {
	At
	Typed
	Variant int
	Payload Expr
}

// UnionTag is X.tag.
type UnionTag struct {
	At
	Typed
	X Expr
}

// UnionPayload is X.V, the payload of variant Variant.
type UnionPayload struct {
	At
	Typed
	Variant int
	X       Expr
}

func (*UnionDecl) Kind() string     { return "union" }
func (*UnionLit) Kind() string      { return "union-lit" }
func (*UnionTag) Kind() string      { return "union-tag" }
func (*UnionPayload) Kind() string  { return "union-payload" }
func (d *UnionDecl) DeclName() Name { return d.Name }
func (*UnionDecl) declNode()        {}
func (*UnionLit) exprNode()         {}
func (*UnionTag) exprNode()         {}
func (*UnionPayload) exprNode()     {}

func (n *UnionDecl) children(s *slots) {
	for i := range n.PayloadX {
		s.typ(&n.PayloadX[i])
	}
}
func (n *UnionLit) children(s *slots)     { s.expr(&n.Payload) }
func (n *UnionTag) children(s *slots)     { s.expr(&n.X) }
func (n *UnionPayload) children(s *slots) { s.expr(&n.X) }

func unionSx(d *UnionDecl) *sx {
	l := stmtList(atom("union"), atom(d.Name.String()))
	for i, v := range d.Variants {
		l.list = append(l.list, list(atom(v), typeExprSx(d.PayloadX[i])))
	}
	return l
}

func (rd *reader) readUnion(s *sx) *UnionDecl {
	a := shape(s, 1, true)
	d := &UnionDecl{Name: readName(a[0])}
	for _, v := range a[1:] {
		va := shape(v, 1, false)
		var p TypeExpr
		if va[0].isList || va[0].atom != "-" {
			p = rd.readTypeExpr(va[0])
		}
		d.Variants, d.PayloadX = append(d.Variants, v.list[0].atom), append(d.PayloadX, p)
	}
	return d
}

// unionExprSx renders a union expression, or returns nil for another expression.
func unionExprSx(e Expr) *sx {
	switch e := e.(type) {
	case *UnionLit:
		return list(head("union-lit", e.T), atom(strconv.Itoa(e.Variant)), optExpr(e.Payload))
	case *UnionTag:
		return list(head("union-tag", e.T), exprSx(e.X))
	case *UnionPayload:
		return list(head("union-payload", e.T), atom(strconv.Itoa(e.Variant)), exprSx(e.X))
	}
	return nil
}

// readUnionExpr reads a union expression whose head is h, or returns nil for another head.
func (rd *reader) readUnionExpr(s *sx, h string, ty Typed) Expr {
	variant := func(x *sx) int {
		k, err := strconv.Atoi(x.atom)
		if err != nil || x.isList {
			fail(x, "want a variant index")
		}
		return k
	}
	switch h {
	case "union-lit":
		a := shape(s, 2, false)
		return &UnionLit{Typed: ty, Variant: variant(a[0]), Payload: rd.readOptExpr(a[1])}
	case "union-tag":
		return &UnionTag{Typed: ty, X: rd.readExpr(shape(s, 1, false)[0])}
	case "union-payload":
		a := shape(s, 2, false)
		return &UnionPayload{Typed: ty, Variant: variant(a[0]), X: rd.readExpr(a[1])}
	}
	return nil
}

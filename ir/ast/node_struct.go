package ast

// Structs (spec §4.4, §6.9, decisions.md #13) and the aggregate memory nodes.
//
//	(struct NAME (FIELD TYPE DEFAULT|-)...)   a declaration; check-types makes it a named type of
//	                                          the (types …) section and removes it
//	(struct-lit:T TYPE|- (FIELD E)...)        T { .f = e, ... }; after check-types every field, in
//	                                          declaration order (omitted ones: default or zero)
//	(zero:T)                                  the zero value of T (`.{}`, omitted fields)
//	(field:T X NAME)                          X.NAME of a struct value X (check-types makes the
//	                                          auto-dereference of a pointer explicit)
//
// Memory level (make-memory-explicit on): an aggregate value is the address of its bytes.
//
//	(offset:(ptr F) P OFF)     the address P + OFF (a field's address)
//	(copy DST SRC SIZE)        memory.copy of SIZE bytes (overlap-safe)
//	(fill DST SIZE)            SIZE zero bytes at DST

import (
	"strconv"

	"cot/ir/types"
)

// StructDecl is `struct Name { field: Type = default, ... }` before check-types; Defaults[i]
// is nil for a field without a default.
type StructDecl struct {
	At
	Name       Name
	FieldNames []string
	FieldTypes []TypeExpr
	Defaults   []Expr
}

// StructLit is `T { .f = e, ... }` (TypeX set) or a literal whose type its context gives.
type StructLit struct {
	At
	Typed
	TypeX  TypeExpr
	Names  []string
	Values []Expr
}

// Zero is the zero value of its type.
type Zero struct {
	At
	Typed
}

// Field reads field Name of the struct value X (Index is the field's position once typed).
type Field struct {
	At
	Typed
	X     Expr
	Name  string
	Index int
}

// Offset is the address X + Off.
type Offset struct {
	At
	Typed
	X   Expr
	Off int64
}

// Copy copies Size bytes from Src to Dst.
type Copy struct {
	At
	Dst, Src Expr
	Size     int64
}

// Fill zeroes Size bytes at Dst.
type Fill struct {
	At
	Dst  Expr
	Size int64
}

func (*StructDecl) Kind() string     { return "struct" }
func (*StructLit) Kind() string      { return "struct-lit" }
func (*Zero) Kind() string           { return "zero" }
func (*Field) Kind() string          { return "field" }
func (*Offset) Kind() string         { return "offset" }
func (*Copy) Kind() string           { return "copy" }
func (*Fill) Kind() string           { return "fill" }
func (d *StructDecl) DeclName() Name { return d.Name }
func (*StructDecl) declNode()        {}
func (*StructLit) exprNode()         {}
func (*Zero) exprNode()              {}
func (*Field) exprNode()             {}
func (*Offset) exprNode()            {}
func (*Copy) stmtNode()              {}
func (*Fill) stmtNode()              {}

func (n *StructDecl) children(s *slots) { s.typs(&n.FieldTypes); s.exprs(&n.Defaults) }
func (n *StructLit) children(s *slots)  { s.typ(&n.TypeX); s.exprs(&n.Values) }
func (*Zero) children(*slots)           {}
func (n *Field) children(s *slots)      { s.expr(&n.X) }
func (n *Offset) children(s *slots)     { s.expr(&n.X) }
func (n *Copy) children(s *slots)       { s.expr(&n.Dst); s.expr(&n.Src) }
func (n *Fill) children(s *slots)       { s.expr(&n.Dst) }

// StructOf returns the struct type underlying t, or nil.
func StructOf(t types.Type) *types.Struct {
	s, _ := types.Underlying(t).(*types.Struct)
	return s
}

func structDeclSx(d *StructDecl) *sx {
	l := stmtList(atom("struct"), atom(d.Name.String()))
	for i, f := range d.FieldNames {
		l.list = append(l.list, list(atom(f), typeExprSx(d.FieldTypes[i]), optExpr(d.Defaults[i])))
	}
	return l
}

func (rd *reader) readStructDecl(s *sx) *StructDecl {
	a := shape(s, 1, true)
	d := &StructDecl{Name: readName(a[0])}
	for _, f := range a[1:] {
		fa := shape(f, 2, false)
		d.FieldNames = append(d.FieldNames, f.list[0].atom)
		d.FieldTypes = append(d.FieldTypes, rd.readTypeExpr(fa[0]))
		d.Defaults = append(d.Defaults, rd.readOptExpr(fa[1]))
	}
	return d
}

// structExprSx renders a struct or aggregate expression, or returns nil for another one.
func structExprSx(e Expr) *sx {
	switch e := e.(type) {
	case *StructLit:
		l := list(head("struct-lit", e.T), typeExprSx(e.TypeX))
		for i, n := range e.Names {
			l.list = append(l.list, list(atom(n), exprSx(e.Values[i])))
		}
		return l
	case *Zero:
		return list(head("zero", e.T))
	case *Field:
		return list(head("field", e.T), exprSx(e.X), atom(e.Name))
	case *Offset:
		return list(head("offset", e.T), exprSx(e.X), atom(strconv.FormatInt(e.Off, 10)))
	case *TupleLit:
		return tupleSx(e)
	}
	return nil
}

func (rd *reader) readStructExpr(s *sx, h string, ty Typed) Expr {
	switch h {
	case "struct-lit":
		a := shape(s, 1, true)
		l := &StructLit{Typed: ty}
		if a[0].isList || a[0].atom != "-" {
			l.TypeX = rd.readTypeExpr(a[0])
		}
		for _, f := range a[1:] {
			fa := shape(f, 1, false)
			l.Names = append(l.Names, f.list[0].atom)
			l.Values = append(l.Values, rd.readExpr(fa[0]))
		}
		return l
	case "zero":
		shape(s, 0, false)
		return &Zero{Typed: ty}
	case "tuple-lit":
		return rd.readTupleLit(s, ty)
	case "field":
		a := shape(s, 2, false)
		f := &Field{Typed: ty, X: rd.readExpr(a[0]), Name: a[1].atom}
		f.Index = fieldIndex(f.X.Type(), f.Name)
		return f
	case "offset":
		a := shape(s, 2, false)
		off, err := strconv.ParseInt(a[1].atom, 10, 64)
		if err != nil {
			fail(s, "bad offset")
		}
		return &Offset{Typed: ty, X: rd.readExpr(a[0]), Off: off}
	}
	return nil
}

func structStmtSx(s Stmt) *sx {
	switch s := s.(type) {
	case *Copy:
		return stmtList(atom("copy"), exprSx(s.Dst), exprSx(s.Src), atom(strconv.FormatInt(s.Size, 10)))
	case *Fill:
		return stmtList(atom("fill"), exprSx(s.Dst), atom(strconv.FormatInt(s.Size, 10)))
	}
	return nil
}

func (rd *reader) readStructStmt(s *sx) Stmt {
	size := func(x *sx) int64 {
		n, err := strconv.ParseInt(x.atom, 10, 64)
		if err != nil || n < 0 {
			fail(s, "bad size")
		}
		return n
	}
	switch s.list[0].atom {
	case "copy":
		a := shape(s, 3, false)
		return &Copy{Dst: rd.readExpr(a[0]), Src: rd.readExpr(a[1]), Size: size(a[2])}
	case "fill":
		a := shape(s, 2, false)
		return &Fill{Dst: rd.readExpr(a[0]), Size: size(a[1])}
	}
	return nil
}

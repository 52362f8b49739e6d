package ast

// Tuples (spec §6.11) and type aliases (spec §4.8).
//
//	(tuple-lit:T E...)          (a, b, ...); t.0 reads element 0 as a field node (field:T X 0)
//	(type-alias NAME TYPE)      `type Name = T`; check-types resolves it and removes it

import (
	"strconv"

	"cot/ir/types"
)

// TupleLit is (Elems...), two or more.
type TupleLit struct {
	At
	Typed
	Elems []Expr
}

// AliasDecl is `type Name = T`.
type AliasDecl struct {
	At
	Name  Name
	TypeX TypeExpr
}

func (*TupleLit) Kind() string      { return "tuple-lit" }
func (*AliasDecl) Kind() string     { return "type-alias" }
func (*TupleLit) exprNode()         {}
func (d *AliasDecl) DeclName() Name { return d.Name }
func (*AliasDecl) declNode()        {}

func (n *TupleLit) children(s *slots)  { s.exprs(&n.Elems) }
func (n *AliasDecl) children(s *slots) { s.typ(&n.TypeX) }

// FieldType returns the type of field i of a struct or tuple type, or nil.
func FieldType(t types.Type, i int) types.Type {
	if st := StructOf(t); st != nil && i >= 0 && i < len(st.Fields) {
		return st.Fields[i].Type
	}
	if tu, ok := t.(*types.Tuple); ok && i >= 0 && i < len(tu.Elems) {
		return tu.Elems[i]
	}
	return nil
}

// FieldOffset returns the offset of field i of a struct or tuple type.
func FieldOffset(t types.Type, i int) int64 {
	if st := StructOf(t); st != nil {
		return types.FieldOffset(st, i)
	}
	return types.TupleOffset(t.(*types.Tuple), i)
}

// fieldIndex returns the index of the field called name of a struct or tuple type, or -1.
func fieldIndex(t types.Type, name string) int {
	if st := StructOf(t); st != nil {
		_, i := st.Field(name)
		return i
	}
	if tu, ok := t.(*types.Tuple); ok {
		if i, err := strconv.Atoi(name); err == nil && i >= 0 && i < len(tu.Elems) {
			return i
		}
	}
	return -1
}

func tupleSx(e *TupleLit) *sx {
	l := list(head("tuple-lit", e.T))
	for _, x := range e.Elems {
		l.list = append(l.list, exprSx(x))
	}
	return l
}

func (rd *reader) readTupleLit(s *sx, ty Typed) Expr {
	l := &TupleLit{Typed: ty}
	for _, x := range shape(s, 0, true) {
		l.Elems = append(l.Elems, rd.readExpr(x))
	}
	return l
}

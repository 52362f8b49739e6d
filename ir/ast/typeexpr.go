package ast

// Type expressions: types as the source writes them. parse produces them, resolve-names gives
// their names binder IDs (a keyword keeps ID 0), check-types turns them into types.Type and
// removes them. Their text form is the type syntax of types_text.go with names instead of
// declared types: (ptr Point#4), (array 4 (opt u8)).

import (
	"strconv"

	"cot/ir/types"
)

// TypeExpr is a type expression.
type TypeExpr interface {
	Node
	typeExprNode()
	rewriteType(r *Rewriter) TypeExpr
}

// TypeName names a type: a keyword (i64, string) or a declared type.
type TypeName struct {
	At
	Name Name
}

// PtrType is *Elem.
type PtrType struct {
	At
	Elem TypeExpr
}

// OptType is ?Elem.
type OptType struct {
	At
	Elem TypeExpr
}

// SliceType is []Elem.
type SliceType struct {
	At
	Elem TypeExpr
}

// ArrayType is [Len]Elem.
type ArrayType struct {
	At
	Len  int64
	Elem TypeExpr
}

// TupleType is (Elems...).
type TupleType struct {
	At
	Elems []TypeExpr
}

// FuncType is fn(Params...) -> Result.
type FuncType struct {
	At
	Params []TypeExpr
	Result TypeExpr
}

// ErrorUnionType is Err!Payload; Err (a *TypeName) is nil for `!T`.
type ErrorUnionType struct {
	At
	Err     TypeExpr
	Payload TypeExpr
}

func (*TypeName) Kind() string       { return "type-name" }
func (*PtrType) Kind() string        { return "type-ptr" }
func (*OptType) Kind() string        { return "type-opt" }
func (*SliceType) Kind() string      { return "type-slice" }
func (*ArrayType) Kind() string      { return "type-array" }
func (*TupleType) Kind() string      { return "type-tuple" }
func (*FuncType) Kind() string       { return "type-fn" }
func (*ErrorUnionType) Kind() string { return "type-err-union" }

func (*TypeName) typeExprNode()       {}
func (*PtrType) typeExprNode()        {}
func (*OptType) typeExprNode()        {}
func (*SliceType) typeExprNode()      {}
func (*ArrayType) typeExprNode()      {}
func (*TupleType) typeExprNode()      {}
func (*FuncType) typeExprNode()       {}
func (*ErrorUnionType) typeExprNode() {}

// TypeExprKinds lists the kinds of type expressions (the languages before typed allow them).
var TypeExprKinds = []string{"type-name", "type-ptr", "type-opt", "type-slice", "type-array", "type-tuple", "type-fn", "type-err-union", "type-by-ref"}

func (*TypeName) children(*slots)           {}
func (n *PtrType) children(s *slots)        { s.typ(&n.Elem) }
func (n *OptType) children(s *slots)        { s.typ(&n.Elem) }
func (n *SliceType) children(s *slots)      { s.typ(&n.Elem) }
func (n *ArrayType) children(s *slots)      { s.typ(&n.Elem) }
func (n *TupleType) children(s *slots)      { s.typs(&n.Elems) }
func (n *FuncType) children(s *slots)       { s.typs(&n.Params); s.typ(&n.Result) }
func (n *ErrorUnionType) children(s *slots) { s.typ(&n.Err); s.typ(&n.Payload) }

// typeExprSx renders a type expression in the type syntax.
func typeExprSx(t TypeExpr) *sx {
	switch t := t.(type) {
	case nil:
		return atom("-")
	case *TypeName:
		return atom(t.Name.String())
	case *PtrType:
		return list(atom("ptr"), typeExprSx(t.Elem))
	case *OptType:
		return list(atom("opt"), typeExprSx(t.Elem))
	case *SliceType:
		return list(atom("slice"), typeExprSx(t.Elem))
	case *ArrayType:
		return list(atom("array"), atom(strconv.FormatInt(t.Len, 10)), typeExprSx(t.Elem))
	case *TupleType:
		l := list(atom("tuple"))
		for _, e := range t.Elems {
			l.list = append(l.list, typeExprSx(e))
		}
		return l
	case *FuncType:
		params := list()
		for _, p := range t.Params {
			params.list = append(params.list, typeExprSx(p))
		}
		return list(atom("fn"), params, typeExprSx(t.Result))
	case *ErrorUnionType:
		return list(atom("err-union"), typeExprSx(t.Err), typeExprSx(t.Payload))
	case *InstType:
		return typeExprsSx("inst", t.Name, t.Args)
	case *ByRefType:
		return list(atom("by-ref"), typeExprSx(t.Elem))
	case *KnownType:
		return typeSx(t.T)
	}
	panic("ast: print of unknown type expression")
}

// typeSlotSx renders a binder's type: its type expression before check-types, its type after.
func typeSlotSx(x TypeExpr, t types.Type) *sx {
	if x != nil {
		return typeExprSx(x)
	}
	return typeSx(t)
}

// denotesType reports whether a type slot of the text names only keywords and declared types, so
// it reads as a types.Type; otherwise (an undeclared name) it reads as a type expression.
func (rd *reader) denotesType(s *sx) bool {
	if !s.isList {
		_, basic := types.Lookup(s.atom)
		return s.atom == "-" || basic || rd.named[s.atom] != nil
	}
	if len(s.list) > 0 && s.list[0].atom == "by-ref" {
		return false // a safe file's parameter type before check-types resolves it: no type of its own
	}
	for i, c := range s.list {
		if i == 0 || (c.isList && len(c.list) == 0) {
			continue
		}
		if s.list[0].atom == "array" && i == 1 {
			continue
		}
		if !rd.denotesType(c) {
			return false
		}
	}
	return true
}

// readTypeSlot reads a binder's type (see denotesType).
func (rd *reader) readTypeSlot(s *sx) (TypeExpr, types.Type) {
	if rd.denotesType(s) {
		return nil, rd.readType(s)
	}
	return rd.readTypeExpr(s), nil
}

func (rd *reader) readTypeExpr(s *sx) TypeExpr {
	if !s.isList {
		if s.quoted || s.atom == "-" {
			fail(s, "want a type expression")
		}
		return &TypeName{Name: readName(s)}
	}
	if len(s.list) == 0 || s.list[0].isList {
		fail(s, "want a type expression")
	}
	switch h := s.list[0].atom; h {
	case "ptr":
		return &PtrType{Elem: rd.readTypeExpr(shape(s, 1, false)[0])}
	case "opt":
		return &OptType{Elem: rd.readTypeExpr(shape(s, 1, false)[0])}
	case "slice":
		return &SliceType{Elem: rd.readTypeExpr(shape(s, 1, false)[0])}
	case "array":
		a := shape(s, 2, false)
		n, err := strconv.ParseInt(a[0].atom, 10, 64)
		if err != nil || n < 0 {
			fail(s, "bad array length")
		}
		return &ArrayType{Len: n, Elem: rd.readTypeExpr(a[1])}
	case "tuple":
		t := &TupleType{}
		for _, e := range s.list[1:] {
			t.Elems = append(t.Elems, rd.readTypeExpr(e))
		}
		return t
	case "fn":
		a := shape(s, 2, false)
		if !a[0].isList {
			fail(s, "want a parameter type list")
		}
		f := &FuncType{Result: rd.readTypeExpr(a[1])}
		for _, p := range a[0].list {
			f.Params = append(f.Params, rd.readTypeExpr(p))
		}
		return f
	case "by-ref":
		return &ByRefType{Elem: rd.readTypeExpr(shape(s, 1, false)[0])}
	case "inst":
		a := shape(s, 1, true)
		t := &InstType{Name: readName(a[0])}
		for _, x := range a[1:] {
			t.Args = append(t.Args, rd.readTypeExpr(x))
		}
		return t
	case "err-union":
		a := shape(s, 2, false)
		u := &ErrorUnionType{Payload: rd.readTypeExpr(a[1])}
		if a[0].isList || a[0].atom != "-" {
			u.Err = &TypeName{Name: readName(a[0])}
		}
		return u
	}
	fail(s, "unknown type expression")
	return nil
}

package ast

// Generics (spec §4.11). Generic declarations, instance types and generic function instances
// live until check-types, which instantiates what the program uses (passes/check_types_generic.go)
// and removes them: the typed languages hold only concrete functions and types, an instance of
// a generic struct being a *types.Named with Args.
//
//	(generic-fn (T#3 …) (where (T#3 Tr#4)…) OWNER|- (func …))   `fn f(T)(…) where T: Tr`; OWNER names the generic struct of an
//	                                        `impl Pair(A, B)` method (its type parameters are the impl's), `(OWNER N)`
//	                                        when the last N are the method's own (`fn m(U)(…)`)
//	(generic-struct (T#3 …) (struct …))      `struct Pair(A, B) { … }`
//	(inst Pair#2 T…)                         the type expression `Pair(i64, bool)`
//	(instance f#3 T…)                        the callee `f(i64)` of a generic call `f(i64)(x)`
//	(method-instance X m T…)                 the callee `x.m(i64)` of a generic method call `x.m(i64)(y)`
//
// A type expression whose type check-types already knows (a type parameter replaced by its
// argument in an instance) prints as that type.

import (
	"reflect"
	"strconv"
	"strings"

	"cot/ir/types"
)

// GenericFunc is a generic function: Func with type parameters.
type GenericFunc struct {
	Func
	TypeParams []Name
	Bounds     []Bound // `where T: Trait, …` (node_trait.go)
	Owner      Name    // the generic struct of an `impl Name(A, B)` method; Name "" otherwise
	OwnParams  int     // how many of TypeParams, at the end, are an impl method's own (`fn m(U)(…)`)
}

// GenericStruct is a generic struct declaration.
type GenericStruct struct {
	StructDecl
	TypeParams []Name
}

// InstType is the type expression `Name(Args…)`, an instance of a generic struct.
type InstType struct {
	At
	Name Name
	Args []TypeExpr
}

// Instance is `Name(Args…)` as a callee: the instance of a generic function.
type Instance struct {
	At
	Typed
	Name Name
	Args []TypeExpr
}

// MethodInstance is `X.Name(Args…)` as a callee: the instance of the generic method Name of X's
// type (its own type parameters; those of a generic impl come from X's type).
type MethodInstance struct {
	At
	Typed
	X    Expr
	Name string
	Args []TypeExpr
}

// KnownType is a type expression check-types has already resolved to T (a type parameter in
// the copy of a generic declaration made for one instance).
type KnownType struct {
	At
	T types.Type
}

// GenericKinds lists the node kinds of generics (the languages before typed allow them).
var GenericKinds = []string{"generic-fn", "generic-struct", "type-inst", "instance", "method-instance", "type-known", "trait", "trait-impl"}

func (*GenericFunc) Kind() string    { return "generic-fn" }
func (*GenericStruct) Kind() string  { return "generic-struct" }
func (*InstType) Kind() string       { return "type-inst" }
func (*Instance) Kind() string       { return "instance" }
func (*MethodInstance) Kind() string { return "method-instance" }
func (*KnownType) Kind() string      { return "type-known" }
func (*InstType) typeExprNode()      {}
func (*KnownType) typeExprNode()     {}
func (*Instance) exprNode()          {}
func (*MethodInstance) exprNode()    {}

func (n *InstType) children(s *slots) { s.typs(&n.Args) }
func (n *Instance) children(s *slots) { s.typs(&n.Args) }
func (n *MethodInstance) children(s *slots) {
	s.expr(&n.X)
	s.typs(&n.Args)
}
func (*KnownType) children(*slots) {}

func seeAll(names []Name, see func(Name)) {
	for _, n := range names {
		see(n)
	}
}

func namesSx(names []Name) *sx {
	l := list()
	for _, n := range names {
		l.list = append(l.list, atom(n.String()))
	}
	return l
}

func typeExprsSx(h string, name Name, args []TypeExpr) *sx {
	l := list(atom(h), atom(name.String()))
	for _, a := range args {
		l.list = append(l.list, typeExprSx(a))
	}
	return l
}

// genericDeclSx renders a generic declaration, or returns nil for another declaration.
func genericDeclSx(d Decl) *sx {
	switch d := d.(type) {
	case *GenericFunc:
		owner := atom("-")
		if d.Owner.Name != "" {
			owner = atom(d.Owner.String())
		}
		if d.OwnParams > 0 {
			owner = list(owner, atom(strconv.Itoa(d.OwnParams)))
		}
		return stmtList(atom("generic-fn"), namesSx(d.TypeParams), boundsSx(d.Bounds), owner, declSx(&d.Func))
	case *GenericStruct:
		return stmtList(atom("generic-struct"), namesSx(d.TypeParams), structDeclSx(&d.StructDecl))
	}
	return nil
}

func (rd *reader) readGenericDecl(s *sx) Decl {
	var params []Name
	a := shape(s, 2, true)
	if !a[0].isList {
		fail(a[0], "want a type parameter list")
	}
	for _, p := range a[0].list {
		params = append(params, readName(p))
	}
	if s.list[0].atom == "generic-struct" {
		return &GenericStruct{StructDecl: *rd.readStructDecl(shape(s, 2, false)[1]), TypeParams: params}
	}
	a = shape(s, 4, false)
	f, ok := rd.readDecl(a[3]).(*Func)
	if !ok {
		fail(a[3], "want a func")
	}
	g := &GenericFunc{Func: *f, TypeParams: params, Bounds: readBounds(a[1])}
	if a[2].isList || a[2].atom != "-" {
		owner := a[2]
		if owner.isList && len(owner.list) == 2 {
			g.OwnParams, _ = strconv.Atoi(owner.list[1].atom)
			owner = owner.list[0]
		}
		if owner.isList || owner.atom != "-" {
			g.Owner = readName(owner)
		}
	}
	return g
}

// readInstance reads (instance NAME T…) or (method-instance X NAME T…) whose head is h, or
// returns nil for another head.
func (rd *reader) readInstance(s *sx, h string, ty Typed) Expr {
	if h == "method-instance" {
		a := shape(s, 2, true)
		e := &MethodInstance{Typed: ty, X: rd.readExpr(a[0]), Name: a[1].atom}
		for _, t := range a[2:] {
			e.Args = append(e.Args, rd.readTypeExpr(t))
		}
		return e
	}
	if h != "instance" {
		return nil
	}
	a := shape(s, 1, true)
	e := &Instance{Typed: ty, Name: readName(a[0])}
	for _, t := range a[1:] {
		e.Args = append(e.Args, rd.readTypeExpr(t))
	}
	return e
}

// TypeKey is a text that two types share exactly when they are identical (named types by
// their IDs): the key check-types interns instances by.
func TypeKey(t types.Type) string {
	var sb strings.Builder
	typeSx(t).render(&sb, 0)
	return sb.String()
}

// Substitute returns a copy of d in which every type name whose ID subst maps is a KnownType
// of its type, and every binder ID that fresh maps (with every use of it) is renamed: the copy
// of a generic declaration for one instance, its locals given IDs of their own.
func Substitute(d Decl, subst map[int]types.Type, fresh func(id int) int) Decl {
	r := &Rewriter{}
	r.Type = func(r *Rewriter, t TypeExpr) TypeExpr {
		if n, ok := t.(*TypeName); ok {
			if s, ok := subst[n.Name.ID]; ok && n.Name.ID != 0 {
				return &KnownType{At: n.At, T: s}
			}
		}
		return r.DefaultType(t)
	}
	c := r.RewriteDecl(d)[0]
	Inspect(c, func(n Node) bool {
		renameNames(reflect.ValueOf(n).Elem(), fresh)
		return true
	})
	return c
}

func renameNames(v reflect.Value, fresh func(int) int) {
	if v.Kind() != reflect.Struct {
		return
	}
	rename := func(n reflect.Value) {
		if id := n.FieldByName("ID"); id.Int() != 0 {
			id.SetInt(int64(fresh(int(id.Int()))))
		}
	}
	for i := 0; i < v.NumField(); i++ {
		f := v.Field(i)
		switch {
		case f.Type() == nameType:
			rename(f)
		case f.Kind() == reflect.Slice && f.Type().Elem() == nameType:
			s := reflect.MakeSlice(f.Type(), f.Len(), f.Len()) // the copy may share the slice
			reflect.Copy(s, f)
			for j := 0; j < s.Len(); j++ {
				rename(s.Index(j))
			}
			f.Set(s)
		case f.Kind() == reflect.Struct && f.Type() != reflect.TypeOf(At{}) && f.Type() != reflect.TypeOf(Typed{}):
			renameNames(f, fresh) // an embedded declaration (GenericFunc's Func)
		}
	}
}

func methodInstanceSx(i *MethodInstance) *sx {
	l := list(head("method-instance", i.T), exprSx(i.X), atom(i.Name))
	for _, a := range i.Args {
		l.list = append(l.list, typeExprSx(a))
	}
	return l
}

package ast

// The text form of types (printed by print.go, read by read.go):
//
//	i64 bool string untyped-int …    basic types by keyword
//	Point#4                          a named type, declared in the program's (types …) section
//	(ptr T) (opt T) (slice T) (array N T) (tuple T…) (fn (P…) R) (err-union E|- T)
//
// The (types …) section declares every named type of the program once, so a type may refer to
// any other, itself included:
//
//	(types
//	  (struct Node#3 (value i64) (next (ptr Node#3)))
//	  (enum Color#5 i32 (red 0) (green -1))
//	  (union Shape#6 (circle f64) (empty -))
//	  (error-set FileError#7 NotFound Denied)
//	  (struct (Pair#9 i64 bool) (first i64) (second bool)))   an instance of a generic struct
//
// On an expression the type follows a colon: x#3:i64, and a composite type as a list: x#3:(ptr i64).

import (
	"strconv"

	"cot/ir/types"
)

// typeSx renders t; nil (an absent type) is "-".
func typeSx(t types.Type) *sx {
	switch t := t.(type) {
	case nil:
		return atom("-")
	case *types.Basic:
		return atom(t.Name)
	case *types.Named:
		return atom(Name{t.Name, t.ID}.String())
	case *types.Pointer:
		return list(atom("ptr"), typeSx(t.Elem))
	case *types.Optional:
		return list(atom("opt"), typeSx(t.Elem))
	case *types.Slice:
		return list(atom("slice"), typeSx(t.Elem))
	case *types.Array:
		return list(atom("array"), atom(strconv.FormatInt(t.Len, 10)), typeSx(t.Elem))
	case *types.Tuple:
		return list(append([]*sx{atom("tuple")}, typeSxs(t.Elems)...)...)
	case *types.Func:
		return list(atom("fn"), list(typeSxs(t.Params)...), typeSx(t.Result))
	case *types.ErrorUnion:
		return list(atom("err-union"), typeSx(t.Err), typeSx(t.Payload))
	}
	panic("ast: print of a type without a text form: " + t.String())
}

func typeSxs(ts []types.Type) []*sx {
	out := []*sx{}
	for _, t := range ts {
		out = append(out, typeSx(t))
	}
	return out
}

// typesSx renders the declarations of the named types.
func typesSx(named []*types.Named) *sx {
	s := stmtList(atom("types"))
	for _, n := range named {
		name := atom(Name{n.Name, n.ID}.String())
		if n.Args != nil { // an instance: its type arguments follow its name
			name = list(append([]*sx{name}, typeSxs(n.Args)...)...)
		}
		var d *sx
		switch u := n.Underlying().(type) {
		case *types.Struct:
			d = stmtList(atom("struct"), name)
			for _, f := range u.Fields {
				d.list = append(d.list, list(atom(f.Name), typeSx(f.Type)))
			}
		case *types.Enum:
			d = stmtList(atom("enum"), name, typeSx(u.Backing))
			for _, v := range u.Variants {
				d.list = append(d.list, list(atom(v.Name), atom(strconv.FormatInt(v.Value, 10))))
			}
		case *types.Union:
			d = stmtList(atom("union"), name)
			for _, v := range u.Variants {
				d.list = append(d.list, list(atom(v.Name), typeSx(v.Payload)))
			}
		case *types.ErrorSet:
			d = stmtList(atom("error-set"), name)
			for _, e := range u.Names {
				d.list = append(d.list, atom(e))
			}
		default:
			panic("ast: print of incomplete type " + n.Name)
		}
		s.list = append(s.list, d)
	}
	return s
}

// reader holds what reading one program needs besides the text: its named types.
type reader struct {
	named map[string]*types.Named
}

var typeDeclKinds = map[string]bool{"struct": true, "enum": true, "union": true, "error-set": true}

// readTypes reads the (types …) section in two phases: declare every name, then complete each.
func (rd *reader) readTypes(s *sx) []*types.Named {
	var out []*types.Named
	decls := s.list[1:]
	for _, d := range decls {
		a := shape(d, 1, true)
		if !typeDeclKinds[d.list[0].atom] {
			fail(d, "unknown type declaration")
		}
		head := a[0]
		if head.isList && len(head.list) > 0 { // an instance (Name#ID ARGS…): arguments read below
			head = head.list[0]
		}
		name := readName(head)
		key := name.String()
		if rd.named[key] != nil {
			fail(d, "type %s declared twice", key)
		}
		n := types.NewNamed(name.Name, name.ID)
		rd.named[key] = n
		out = append(out, n)
	}
	for i, d := range decls {
		if h := d.list[1]; h.isList {
			out[i].Args = []types.Type{}
			for _, a := range h.list[1:] {
				out[i].Args = append(out[i].Args, rd.readType(a))
			}
		}
		out[i].SetUnderlying(rd.readUnderlying(d))
	}
	return out
}

func (rd *reader) readUnderlying(d *sx) types.Type {
	a := d.list[2:]
	switch d.list[0].atom {
	case "struct":
		st := &types.Struct{}
		for _, f := range a {
			fa := shape(f, 1, false)
			st.Fields = append(st.Fields, &types.Field{Name: f.list[0].atom, Type: rd.readType(fa[0])})
		}
		return st
	case "enum":
		if len(a) == 0 {
			fail(d, "want a backing type")
		}
		backing, ok := rd.readType(a[0]).(*types.Basic)
		if !ok || !types.IsInteger(backing) {
			fail(d, "want an integer backing type")
		}
		e := &types.Enum{Backing: backing}
		for _, v := range a[1:] {
			va := shape(v, 1, false)
			n, err := strconv.ParseInt(va[0].atom, 10, 64)
			if err != nil {
				fail(v, "bad enum value")
			}
			e.Variants = append(e.Variants, types.EnumVariant{Name: v.list[0].atom, Value: n})
		}
		return e
	case "union":
		u := &types.Union{}
		for _, v := range a {
			va := shape(v, 1, false)
			u.Variants = append(u.Variants, types.UnionVariant{Name: v.list[0].atom, Payload: rd.readType(va[0])})
		}
		return u
	}
	es := &types.ErrorSet{}
	for _, e := range a {
		if e.isList || e.quoted {
			fail(d, "want error names")
		}
		es.Names = append(es.Names, e.atom)
	}
	return es
}

// readType reads a type; "-" is an absent type (nil).
func (rd *reader) readType(s *sx) types.Type {
	if !s.isList {
		if s.quoted {
			fail(s, "want a type")
		}
		if s.atom == "-" {
			return nil
		}
		if t, ok := types.Lookup(s.atom); ok {
			return t
		}
		if n := rd.named[s.atom]; n != nil {
			return n
		}
		fail(s, "unknown type %s", s.atom)
	}
	if len(s.list) == 0 || s.list[0].isList {
		fail(s, "want a type")
	}
	need := func(t types.Type, at *sx) types.Type {
		if t == nil {
			fail(at, "want a type, not -")
		}
		return t
	}
	switch h := s.list[0].atom; h {
	case "ptr", "opt", "slice":
		elem := need(rd.readType(shape(s, 1, false)[0]), s)
		return map[string]func() types.Type{
			"ptr":   func() types.Type { return types.PointerTo(elem) },
			"opt":   func() types.Type { return types.OptionalOf(elem) },
			"slice": func() types.Type { return types.SliceOf(elem) },
		}[h]()
	case "array":
		a := shape(s, 2, false)
		n, err := strconv.ParseInt(a[0].atom, 10, 64)
		if err != nil || n < 0 {
			fail(s, "bad array length")
		}
		return types.ArrayOf(n, need(rd.readType(a[1]), s))
	case "tuple":
		var elems []types.Type
		for _, e := range s.list[1:] {
			elems = append(elems, need(rd.readType(e), s))
		}
		return types.TupleOf(elems...)
	case "fn":
		a := shape(s, 2, false)
		if !a[0].isList {
			fail(s, "want a parameter type list")
		}
		var params []types.Type
		for _, p := range a[0].list {
			params = append(params, need(rd.readType(p), s))
		}
		return types.FuncOf(params, need(rd.readType(a[1]), s))
	case "err-union":
		a := shape(s, 2, false)
		return types.ErrorUnionOf(rd.readType(a[0]), need(rd.readType(a[1]), s))
	}
	fail(s, "unknown type")
	return nil
}

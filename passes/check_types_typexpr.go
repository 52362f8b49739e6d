package passes

// Type expressions of check-types (see check_types.go): a type expression becomes the
// types.Type it denotes; types the back ends cannot handle yet are reported here, once, where
// the program writes them.

import (
	"cot/ir/ast"
	"cot/ir/src"
	"cot/ir/types"
)

// typeOf returns the type x denotes.
func (c *checker) typeOf(x ast.TypeExpr) types.Type {
	switch x := x.(type) {
	case *ast.TypeName:
		if t, ok := types.Keyword(x.Name.Name); ok {
			return t
		}
		if n := c.named[x.Name.ID]; n != nil {
			return n
		}
		if c.aliases[x.Name.ID] != nil {
			return c.aliasType(x.Name.ID)
		}
		return types.TInvalid // resolve-names reported it
	case *ast.PtrType:
		return types.PointerTo(c.typeOf(x.Elem))
	case *ast.OptType:
		return types.OptionalOf(c.typeOf(x.Elem))
	case *ast.SliceType:
		return types.SliceOf(c.typeOf(x.Elem))
	case *ast.ArrayType:
		return types.ArrayOf(x.Len, c.typeOf(x.Elem))
	case *ast.TupleType:
		var elems []types.Type
		for _, e := range x.Elems {
			elems = append(elems, c.typeOf(e))
		}
		return types.TupleOf(elems...)
	case *ast.FuncType:
		var params []types.Type
		for _, p := range x.Params {
			params = append(params, c.typeOf(p))
		}
		return types.FuncOf(params, c.typeOf(x.Result))
	case *ast.InstType:
		if f := c.predeclaredFutureType(x); f != nil { // check_types_async.go
			return f
		}
		return c.instStruct(x) // check_types_generic.go
	case *ast.KnownType:
		return x.T
	case *ast.ByRefType:
		return c.byRefType(x) // check_types_safe.go
	case *ast.ErrorUnionType:
		if x.Err != nil {
			c.typeOf(x.Err) // reports an unknown name; E!T is checked as !T (parse_error.go)
		}
		return types.ErrorUnionOf(nil, c.typeOf(x.Payload))
	}
	panic("check-types: unexpected type expression " + x.Kind())
}

// supportedType reports whether the back ends handle values of type t today.
func supportedType(t types.Type) bool {
	switch t := t.(type) {
	case *types.Pointer:
		if _, named := t.Elem.(*types.Named); named {
			return true // a struct, enum or union; a struct's fields are checked where it is declared
		}
		return supportedType(t.Elem)
	case *types.Named:
		// Incomplete: a union, whose variants are completed after the structs that may hold it.
		return t.Underlying() == nil || ast.StructOf(t) != nil || unionOf(t) != nil || isEnum(t)
	case *types.Tuple:
		for _, e := range t.Elems {
			if !supportedType(e) {
				return false
			}
		}
		return true
	case *types.Array:
		return supportedType(t.Elem)
	case *types.Func:
		return funcTypeSupported(t) // check_types_closure.go
	case *types.Slice:
		return supportedType(t.Elem)
	case *types.Optional:
		return supportedType(t.Elem)
	case *types.ErrorUnion:
		return t.Payload == types.TVoid || supportedType(t.Payload)
	}
	return scalarType(t)
}

// scalarType reports whether t is a scalar the back ends handle: an integer, float, bool, enum
// or pointer.
func scalarType(t types.Type) bool {
	if p, ok := t.(*types.Pointer); ok {
		return supportedType(p)
	}
	return t == types.TBool || types.IsNumeric(t) && !types.IsUntyped(t) || isEnum(t) || t == types.TString
}

// printable reports whether print can print a value of type t.
func printable(t types.Type) bool {
	return t == types.TBool || types.IsNumeric(t) && !types.IsUntyped(t) || isEnum(t) || t == types.TString
}

// valueType resolves the type of a parameter, variable or global written at pos: the type x
// denotes, or t when there is no type expression (a program read from text).
func (c *checker) valueType(pos src.Pos, x ast.TypeExpr, t types.Type) types.Type {
	if x != nil {
		pos, t = x.Pos(), c.typeOf(x)
	}
	switch {
	case t == types.TInvalid || supportedType(t):
		return t
	case hasInvalid(t): // `*Nope`: the undefined name is the error
		return types.TInvalid
	case t == types.TVoid:
		c.diags.Errorf(pos, codeTypeMismatch, "type mismatch: void is not a value type")
	default:
		c.diags.Errorf(pos, codeNotSupported, "not yet supported: type %v", t)
	}
	return types.TInvalid
}

// resultType resolves a function's declared result type (void allowed).
func (c *checker) resultType(x ast.TypeExpr) types.Type {
	if t := c.typeOf(x); t == types.TVoid {
		return t
	}
	return c.valueType(x.Pos(), x, nil)
}

// hasInvalid reports whether the type expression that made t had an error: TInvalid inside a
// pointer, optional, slice, array or tuple type.
func hasInvalid(t types.Type) bool {
	return types.Mentions(t, func(t types.Type) bool { return t == types.TInvalid })
}

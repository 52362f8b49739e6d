package verify

// Array and slice rules of the ast verifier (see the invariant list in ast.go;
// ir/ast/node_array.go): an array literal has an array type of its length whose elements have
// the element type; index and slice operands are arrays or slices, their indexes and bounds
// i64, an index has the element type and a slice the slice type of the element; len reads an
// array or a slice; elem takes a pointer and an i64 and gives a pointer; for-each binds its index (i64)
// and element in the scope of its body; append (before check-types only) checks its operands.

import (
	"cot/ir/ast"
	"cot/ir/types"
)

func (v *astVerifier) elemOf(at ast.Node, x ast.Expr) types.Type {
	elem := ast.ElemType(x.Type())
	if v.typed && x.Type() != nil && elem == nil {
		v.errorf(at, "indexing a value of type %v", x.Type())
	}
	return elem
}

func (v *astVerifier) i64(at ast.Node, e ast.Expr, what string) {
	if e != nil {
		v.expr(e, v.anf)
		v.same(at, types.TI64, e.Type(), what)
	}
}

// arrayExpr checks an array or slice expression; it reports false for another kind.
func (v *astVerifier) arrayExpr(e ast.Expr) bool {
	t := e.Type()
	switch e := e.(type) {
	case *ast.ArrayLit:
		for _, x := range e.Elems {
			v.expr(x, false)
		}
		if a, ok := t.(*types.Array); v.typed && t != nil {
			if !ok || a.Len != int64(len(e.Elems)) {
				v.errorf(e, "array literal of %d elements with type %v", len(e.Elems), t)
				break
			}
			for _, x := range e.Elems {
				v.same(e, a.Elem, x.Type(), "element type")
			}
		}
	case *ast.Index:
		v.expr(e.X, false)
		v.i64(e, e.I, "index type")
		v.same(e, v.elemOf(e, e.X), t, "element type")
	case *ast.SliceExpr:
		v.expr(e.X, false)
		v.i64(e, e.Lo, "slice start type")
		v.i64(e, e.Hi, "slice end type")
		if elem := v.elemOf(e, e.X); elem != nil {
			v.same(e, types.SliceOf(elem), t, "slice type")
		}
	case *ast.Len:
		v.expr(e.X, false)
		if v.typed && ast.ElemType(e.X.Type()) == nil {
			v.errorf(e, "len of a value of type %v", e.X.Type())
		}
		v.same(e, types.TI64, t, "length type")
	case *ast.Append: // untyped only: check-types spells it out
		v.expr(e.X, false)
		v.expr(e.Elem, false)
	case *ast.Elem:
		v.expr(e.X, true)
		v.i64(e, e.I, "element index type")
		v.pointer(e, e.X.Type(), "element base")
		if p := v.pointer(e, t, "element address type"); p != nil {
			v.same(e, p, e.X.Type(), "element pointer type")
		}
	default:
		return false
	}
	return true
}

// forEach checks a for-each loop.
func (v *astVerifier) forEach(s *ast.ForEach) {
	v.binder(s.Label, s)
	v.expr(s.X, false)
	elem := v.elemOf(s, s.X)
	v.push()
	if s.Index.Name != "" {
		v.binder(s.Index, s)
		v.declare(s.Index, &binderInfo{name: s.Index.Name, kind: "const", typ: types.TI64})
	}
	v.binder(s.Var, s)
	v.declare(s.Var, &binderInfo{name: s.Var.Name, kind: "var", typ: elem})
	v.loops = append(v.loops, s.Label.ID)
	v.block(s.Body)
	v.loops = v.loops[:len(v.loops)-1]
	v.pop()
}

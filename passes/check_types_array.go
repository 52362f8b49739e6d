package passes

// Arrays and slices of check-types (see check_types.go), spec §3.2–§3.4, §5.3, §6.11: an array
// literal takes its element type from the expected array type or from its first element;
// indexes and slice bounds are integers converted to i64; indexing, slicing and `for` dereference
// one pointer to an array, a slice or a string (§6.7); `.len` of an array is its length (a
// constant once memory is explicit);
// an array converts implicitly
// to a slice of its element type (a slice of all of it); `for x in a` and `for i, x in a` bind
// the element (a copy) and the index (an i64 constant).
//
//	(array-lit 1 2 3)     =>  (array-lit:(array 3 i64) 1:i64 2:i64 3:i64)
//	(member a#4 len)      =>  (len:i64 a#4:(array 3 i64))

import (
	"fmt"

	"cot/ir/ast"
	"cot/ir/types"
)

// arrayLit checks [e, ...].
func (c *checker) arrayLit(e *ast.ArrayLit, want types.Type) ast.Expr {
	out := &ast.ArrayLit{At: e.At, Typed: ast.Typed{T: types.TInvalid}}
	if len(e.Elems) == 0 {
		c.diags.Errorf(e.Pos(), codeTypeMismatch, "type mismatch: an empty array literal `[]` has no element type (write `var a: [N]T = .{}`)")
		return out
	}
	var elem types.Type
	if a, ok := want.(*types.Array); ok && a.Len == int64(len(e.Elems)) {
		elem = a.Elem
	} else if s, ok := want.(*types.Slice); ok {
		elem = s.Elem
	}
	for i, x := range e.Elems {
		if elem == nil {
			first := c.expr(x, nil)
			elem = types.Default(first.Type())
			if elem == types.TVoid {
				c.diags.Errorf(x.Pos(), codeTypeMismatch, "type mismatch: an array element has no value")
				elem = types.TInvalid
			}
			out.Elems = append(out.Elems, c.convert(first, elem, "element 1 of the array literal"))
			continue
		}
		out.Elems = append(out.Elems, c.assign(x, elem, fmt.Sprintf("element %d of the array literal", i+1)))
	}
	if elem != types.TInvalid {
		out.T = types.ArrayOf(int64(len(e.Elems)), elem)
	}
	return out
}

// autoDeref dereferences a pointer to an array, a slice or a string: indexing, slicing and `for`
// reach through one pointer level as field access does (§6.7).
func autoDeref(x ast.Expr) ast.Expr {
	if p, ok := x.Type().(*types.Pointer); ok {
		switch p.Elem.(type) {
		case *types.Array, *types.Slice:
		default:
			if p.Elem != types.TString {
				return x
			}
		}
		return &ast.Deref{At: ast.At{P: x.Pos()}, Typed: ast.Typed{T: p.Elem}, X: x}
	}
	return x
}

// indexable checks the operand of an index or slice: an array or slice value, or a pointer to
// one (dereferenced by autoDeref). It returns the operand and its element type, nil if it has
// none.
func (c *checker) indexable(x ast.Expr, what string) (ast.Expr, types.Type) {
	t := x.Type()
	if t == types.TInvalid {
		return x, nil
	}
	elem := ast.ElemType(t)
	if elem == nil {
		c.diags.Errorf(x.Pos(), codeTypeMismatch, "type mismatch: %s a value of type %v, expected an array or a slice", what, t)
	}
	return x, elem
}

// indexValue checks an index or slice bound: an integer, as an i64.
func (c *checker) indexValue(e ast.Expr, what string) ast.Expr {
	x := c.expr(e, types.TI64)
	switch t := x.Type(); {
	case t == types.TInvalid || t == types.TI64:
		return x
	case types.IsInteger(t):
		return &ast.Convert{At: ast.At{P: x.Pos()}, Typed: ast.Typed{T: types.TI64}, X: x}
	}
	c.diags.Errorf(e.Pos(), codeTypeMismatch, "type mismatch: %s: expected an integer, found %v", what, x.Type())
	return x
}

// index checks x[i].
func (c *checker) index(e *ast.Index) ast.Expr {
	checked := autoDeref(c.expr(e.X, nil))
	if checked.Type() == types.TString {
		return c.stringIndex(e, checked)
	}
	x, elem := c.indexable(checked, "indexing")
	out := &ast.Index{At: e.At, X: x, I: c.indexValue(e.I, "index"), Typed: ast.Typed{T: types.TInvalid}}
	if elem != nil {
		out.T = elem
	}
	return out
}

// sliceExpr checks x[lo:hi].
func (c *checker) sliceExpr(e *ast.SliceExpr) ast.Expr {
	checked := autoDeref(c.expr(e.X, nil))
	if checked.Type() == types.TString {
		return c.stringSlice(e, checked)
	}
	x, elem := c.indexable(checked, "slicing")
	out := &ast.SliceExpr{At: e.At, X: x, Typed: ast.Typed{T: types.TInvalid}}
	if e.Lo != nil {
		out.Lo = c.indexValue(e.Lo, "slice start")
	}
	if e.Hi != nil {
		out.Hi = c.indexValue(e.Hi, "slice end")
	}
	if elem != nil {
		out.T = types.SliceOf(elem)
	}
	return out
}

// length checks x.len of an array (a constant) or a slice.
func (c *checker) length(e *ast.Member, x ast.Expr) ast.Expr {
	switch x.Type().(type) {
	case *types.Array, *types.Slice: // an array's stays a node too: tools see the reference in x
		return &ast.Len{At: e.At, Typed: ast.Typed{T: types.TI64}, X: x}
	}
	return nil
}

// arrayToSlice converts an array value to a slice of all of it (spec §3.4), or returns nil.
func arrayToSlice(x ast.Expr, want types.Type) ast.Expr {
	a, ok := x.Type().(*types.Array)
	s, ok2 := want.(*types.Slice)
	if !ok || !ok2 || !types.Identical(a.Elem, s.Elem) {
		return nil
	}
	return &ast.SliceExpr{At: ast.At{P: x.Pos()}, Typed: ast.Typed{T: want}, X: x}
}

// forEach checks `for x in a` and `for i, x in a`.
func (c *checker) forEach(s *ast.ForEach) ast.Stmt {
	f := *s
	x := c.expr(s.X, nil)
	if m := mapOf(x); m != nil {
		return c.mapLoop(s, x, m) // check_types_for_map.go
	}
	var elem types.Type
	f.X, elem = c.indexable(autoDeref(x), "`for` over")
	if elem == nil {
		elem = types.TInvalid
	}
	if s.Index.Name != "" {
		c.binders[s.Index.ID] = &checkedBinder{kind: "const", typ: types.TI64}
	}
	c.binders[s.Var.ID] = &checkedBinder{kind: "var", typ: elem}
	f.Body = c.block(s.Body)
	return &f
}

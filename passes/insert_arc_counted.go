package passes

// Counted values of insert-arc (see insert_arc.go) beyond a bare *S: a function value (its
// closure object), an optional or error union whose payload is counted (`?*S`, `E!*S`), a struct
// held by value with a counted field, a union with a counted payload, and an array or tuple of
// counted elements (decisions.md 32, 33).
// Such a value holds the counts of the objects in it; retaining or releasing it retains or
// releases each of them, spelled out here with the nodes of optionals, errors, fields and
// indexes around retain and release of the *S (or function value) inside, so no later pass, the
// verifier nor the interpreter meets a retain or release of anything else:
//
//	(release o#3:(opt (ptr S)))    =>  (if (has-value o#3) (block (release (unwrap o#3))))
//	(release r#4:(err-union - (ptr S)))
//	                               =>  (if (not (is-error r#4)) (block (release (ok-value r#4))))
//	(release s#5:Pair)             =>  (release (field s#5 a)) (release (field s#5 b))…
//	(release u#7:U)                =>  (if (== (union-tag u#7) 1) (block (release (union-payload 1 u#7))))…
//	(retain X:(opt (ptr S)))       =>  (block (const arc.t#9 X) (if (has-value arc.t#9) (block (expr (retain (unwrap arc.t#9))))) (value arc.t#9))
//
//	(release a#6:(array 2 (ptr S)))  =>  (block (var arc.i#9 i64 0) (while (< arc.i#9 2) (block (release (index a#6 arc.i#9)) (assign arc.i#9 (+ arc.i#9 1)))))
//
// Slices are not counted (a counted value stored in a slice's elements is retained and never
// released: it leaks rather than dangles).

import (
	"strconv"
	"sync"

	"cot/ir/ast"
	"cot/ir/types"
)

// countedType reports whether a value of type t holds counts: a *S (S a struct), a function
// value (its closure object, decisions.md 33), an optional or error union of a counted type, or
// a struct with a counted field.
func countedType(t types.Type) bool {
	if countedLeaf(t) {
		return true
	}
	switch x := t.(type) {
	case *types.Optional:
		return countedType(x.Elem)
	case *types.ErrorUnion:
		return countedType(x.Payload)
	case *types.Array:
		return x.Len > 0 && countedType(x.Elem)
	case *types.Tuple:
		for _, e := range x.Elems {
			if countedType(e) {
				return true
			}
		}
	case *types.Named:
		if v, ok := countedNamed.Load(x); ok {
			return v.(bool)
		}
		counted := false
		if st := ast.StructOf(x); st != nil {
			for _, f := range st.Fields {
				counted = counted || countedType(f.Type)
			}
		} else if u, ok := x.Underlying().(*types.Union); ok {
			for _, v := range u.Variants {
				counted = counted || v.Payload != nil && countedType(v.Payload)
			}
		}
		countedNamed.Store(x, counted)
		return counted
	}
	return false
}

// countedNamed remembers countedType of named types (complete, so the answer never changes),
// asked for every binder and expression.
var countedNamed sync.Map

// countedLeaf reports whether t is counted itself: a *S, or a function type, whose values are
// the addresses of closure objects (the static objects of closures capturing nothing and of
// named functions are no heap objects: retain and release pass them by, as every address that
// is no live object).
func countedLeaf(t types.Type) bool {
	if _, fn := t.(*types.Func); fn {
		return true
	}
	return ast.ArcStruct(t) != nil
}

// countedParts calls leaf on each *S inside the counted value x (a place or a read evaluated
// as often as needed), each under the checks that it is there (the elements of an array in a
// loop whose counter takes a fresh ID from ids), and returns the statements.
func countedParts(ids *ast.IDs, x ast.Expr, leaf func(p ast.Expr) ast.Stmt) []ast.Stmt {
	at := ast.AtOf(x.Pos())
	t := x.Type()
	if countedLeaf(t) {
		return []ast.Stmt{leaf(x)}
	}
	switch u := t.(type) {
	case *types.Optional:
		inner := countedParts(ids, &ast.Unwrap{At: at, Typed: ast.Typed{T: u.Elem}, X: x}, leaf)
		return []ast.Stmt{&ast.If{At: at, Cond: &ast.HasValue{At: at, Typed: ast.Typed{T: types.TBool}, X: x}, Then: &ast.Block{At: at, Stmts: inner}}}
	case *types.ErrorUnion:
		inner := countedParts(ids, &ast.OkValue{At: at, Typed: ast.Typed{T: u.Payload}, X: x}, leaf)
		ok := &ast.Unary{At: at, Typed: ast.Typed{T: types.TBool}, Op: "not", X: &ast.IsError{At: at, Typed: ast.Typed{T: types.TBool}, X: x}}
		return []ast.Stmt{&ast.If{At: at, Cond: ok, Then: &ast.Block{At: at, Stmts: inner}}}
	case *types.Named:
		if un, ok := u.Underlying().(*types.Union); ok {
			return unionParts(ids, x, un, leaf)
		}
		var out []ast.Stmt
		for i, f := range ast.StructOf(u).Fields {
			if countedType(f.Type) {
				out = append(out, countedParts(ids, &ast.Field{At: at, Typed: ast.Typed{T: f.Type}, X: x, Name: f.Name, Index: i}, leaf)...)
			}
		}
		return out
	case *types.Tuple: // element i reads as the field "i"
		var out []ast.Stmt
		for i, e := range u.Elems {
			if countedType(e) {
				out = append(out, countedParts(ids, &ast.Field{At: at, Typed: ast.Typed{T: e}, X: x, Name: strconv.Itoa(i), Index: i}, leaf)...)
			}
		}
		return out
	case *types.Array:
		i := ast.Name{Name: "arc.i", ID: ids.Next()}
		ref := func() ast.Expr { return &ast.Ref{At: at, Typed: ast.Typed{T: types.TI64}, Name: i} }
		body := countedParts(ids, &ast.Index{At: at, Typed: ast.Typed{T: u.Elem}, X: x, I: ref()}, leaf)
		next := &ast.Binary{At: at, Typed: ast.Typed{T: types.TI64}, Op: "+", X: ref(), Y: i64Lit(at, 1)}
		body = append(body, &ast.Assign{At: at, Target: ref(), Value: next})
		cond := &ast.Binary{At: at, Typed: ast.Typed{T: types.TBool}, Op: "<", X: ref(), Y: i64Lit(at, uint64(u.Len))}
		return []ast.Stmt{&ast.Block{At: at, Stmts: []ast.Stmt{
			&ast.VarDecl{At: at, Name: i, Type: types.TI64, Init: i64Lit(at, 0)},
			&ast.While{At: at, Label: ast.Name{Name: "_", ID: ids.Next()}, Cond: cond, Body: &ast.Block{At: at, Stmts: body}},
		}}}
	}
	return nil
}

// unionParts calls leaf on the counted values of the variant the union x holds.
func unionParts(ids *ast.IDs, x ast.Expr, u *types.Union, leaf func(p ast.Expr) ast.Stmt) []ast.Stmt {
	at := ast.AtOf(x.Pos())
	var out []ast.Stmt
	for k, v := range u.Variants {
		if v.Payload == nil || !countedType(v.Payload) {
			continue
		}
		tag := &ast.UnionTag{At: at, Typed: ast.Typed{T: types.TI64}, X: x}
		is := &ast.Binary{At: at, Typed: ast.Typed{T: types.TBool}, Op: "==", X: tag, Y: i64Lit(at, uint64(k))}
		inner := countedParts(ids, &ast.UnionPayload{At: at, Typed: ast.Typed{T: v.Payload}, Variant: k, X: x}, leaf)
		out = append(out, &ast.If{At: at, Cond: is, Then: &ast.Block{At: at, Stmts: inner}})
	}
	return out
}

// releaseStmts releases the counts the value x holds.
func (a *arcInserter) releaseStmts(x ast.Expr) []ast.Stmt {
	return countedParts(a.ids, x, func(p ast.Expr) ast.Stmt { return &ast.Release{At: ast.AtOf(p.Pos()), X: p} })
}

// retainExpr is e with the counts it holds retained, its value once evaluated.
func (a *arcInserter) retainExpr(e ast.Expr) ast.Expr {
	at := ast.AtOf(e.Pos())
	if countedLeaf(e.Type()) {
		return &ast.Retain{At: at, Typed: ast.Typed{T: e.Type()}, X: e}
	}
	t, decl := a.temp(e)
	stmts := append([]ast.Stmt{decl}, countedParts(a.ids, t, func(p ast.Expr) ast.Stmt {
		return &ast.ExprStmt{At: at, X: &ast.Retain{At: at, Typed: ast.Typed{T: p.Type()}, X: p}}
	})...)
	return &ast.Block{At: at, Typed: ast.Typed{T: e.Type()}, Stmts: stmts, Value: t}
}

// isWrap reports whether c passes the counts of its operand on: into an optional or error union
// of its type, or a closure object made by convert-closures into its function value.
func isWrap(c *ast.Convert) bool {
	switch c.T.(type) {
	case *types.Optional, *types.ErrorUnion:
		return !types.Identical(c.T, c.X.Type())
	case *types.Func:
		_, made := c.X.(*ast.New)
		return made
	}
	return false
}

// isFresh reports whether e is a counted value that carries counts of its own, which its user
// must take or release: a fresh object (a `new`, a call returning a counted value: every
// function returns its counted result owned), a retained value, a struct literal of a counted
// type (whose counted fields insert-arc makes owned), a fresh value wrapped in an optional or
// error union, a closure just made, and a block or if expression whose values are fresh.
func isFresh(e ast.Expr) bool {
	switch x := e.(type) {
	case *ast.New, *ast.Retain:
		return true
	case *ast.Call, *ast.CallIndirect: // a function value's call returns its result owned too
		return countedType(x.Type())
	case *ast.StructLit:
		return countedType(x.T)
	case *ast.ArrayLit, *ast.TupleLit:
		return countedType(x.Type())
	case *ast.UnionLit: // its payload owned by insert-arc, as a struct literal's fields
		return countedType(x.T)
	case *ast.Convert:
		return isWrap(x) && isFresh(x.X)
	case *ast.Block:
		return x.Value != nil && countedType(x.T) && isFresh(x.Value)
	case *ast.If:
		if !x.HasValue() || !countedType(x.T) {
			return false
		}
		els, ok := x.Else.(ast.Expr)
		return ok && isFresh(x.Then) && isFresh(els)
	}
	return false
}

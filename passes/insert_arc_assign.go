package passes

// Assignments of insert-arc (see insert_arc.go): a counted place takes the new value owned,
// then releases the old one; a store into memory nothing counts takes the value owned and never
// releases it. And `??` of a counted type, whose value is owned either way.

import (
	"cot/ir/ast"
	"cot/ir/types"
)

// assign releases the old value of an owning place after taking the new one owned. The owning
// places are the counted locals and globals, a field of a struct behind a pointer (an object's,
// or a struct's wherever it lives: a stack struct's fields are counted too), and a field of an
// owning place, and an element of an owning array; a store through a plain pointer (`p.* = v`)
// or into a slice's element is a store into memory nothing counts (storeRaw).
func (a *arcInserter) assign(r *ast.Rewriter, s *ast.Assign) []ast.Stmt {
	a.target = true // a target stays a place: a fresh object it dereferences is not bound
	target := r.RewriteExpr(s.Target)
	a.target = false
	value := r.RewriteExpr(s.Value)
	pre, target := a.hoistFreshBase(target)
	plain := []ast.Stmt{&ast.Assign{At: s.At, Target: target, Value: value}}
	if pre != nil {
		plain = []ast.Stmt{&ast.Block{At: s.At, Stmts: append(append([]ast.Stmt{}, pre...), plain...)}}
	}
	switch target.(type) {
	case *ast.Deref: // a List's buffer, memory from @alloc
		return a.storeRaw(s.At, pre, target, value)
	case *ast.Index: // an element of a slice, or of an array nothing counts
		if !a.countedPlace(target) {
			return a.storeRaw(s.At, pre, target, value)
		}
	}
	if !countedType(target.Type()) || !a.countedPlace(target) {
		return plain
	}
	more, target := a.stablePlace(target)
	pre = append(pre, more...)
	nv, decl := a.temp(a.own(value))
	pre = append(append(pre, decl), a.releaseStmts(target)...)
	pre = append(pre, &ast.Assign{At: s.At, Target: target, Value: nv})
	return []ast.Stmt{&ast.Block{At: s.At, Stmts: pre}}
}

// countedPlace reports whether the place t owns the counts its value holds.
func (a *arcInserter) countedPlace(t ast.Expr) bool {
	switch t := t.(type) {
	case *ast.Ref:
		return a.counted[t.Name.ID]
	case *ast.Field:
		if _, ok := t.X.(*ast.Deref); ok {
			return true
		}
		return a.countedPlace(t.X)
	case *ast.Index: // an element of a counted array (a slice's elements are counted by no one)
		if _, ok := t.X.Type().(*types.Array); ok {
			return a.countedPlace(t.X)
		}
	}
	return false
}

// stablePlace binds the pointer a field target dereferences, and an element's index, to
// temporaries when computing them is not trivial, so the target can be read (the old value
// released) and written.
func (a *arcInserter) stablePlace(t ast.Expr) ([]ast.Stmt, ast.Expr) {
	if ix, ok := t.(*ast.Index); ok {
		pre, x := a.stablePlace(ix.X)
		c := *ix
		c.X = x
		if !ast.IsTrivial(ix.I) && !isConstant(ix.I) {
			i, decl := a.temp(ix.I)
			pre = append(pre, decl)
			c.I = i
		}
		return pre, &c
	}
	f, ok := t.(*ast.Field)
	if !ok {
		return nil, t
	}
	nf := *f
	if d, ok := f.X.(*ast.Deref); ok {
		if ast.IsTrivial(d.X) {
			return nil, t
		}
		ptr, decl := a.temp(d.X)
		nd := *d
		nd.X = ptr
		nf.X = &nd
		return []ast.Stmt{decl}, &nf
	}
	pre, x := a.stablePlace(f.X)
	nf.X = x
	return pre, &nf
}

// orElse makes `x ?? y` of a counted type an owned value: x is evaluated once (and released
// after, when fresh), then its payload retained or y owned, y evaluated only when x is null.
//
//	(orelse X Y)  =>  (block (const arc.t#9 X) [(defer (release arc.t#9))]
//	                    (value (if-expr (has-value arc.t#9) (retain (unwrap arc.t#9)) Y')))
func (a *arcInserter) orElse(e *ast.OrElse) ast.Expr {
	at := e.At
	t, decl := a.temp(e.X)
	stmts := []ast.Stmt{decl}
	if isFresh(e.X) {
		stmts = append(stmts, a.releaseLater(t))
	}
	var payload ast.Expr = &ast.Unwrap{At: at, Typed: ast.Typed{T: e.T}, X: t}
	if types.Identical(e.T, t.T) { // `a ?? b` of two optionals of one type is that optional
		payload = t
	}
	payload = a.own(payload)
	choose := &ast.If{At: at, Typed: ast.Typed{T: e.T}, Cond: &ast.HasValue{At: at, Typed: ast.Typed{T: types.TBool}, X: t},
		Then: &ast.Block{At: at, Typed: ast.Typed{T: e.T}, Stmts: []ast.Stmt{}, Value: payload},
		Else: &ast.Block{At: at, Typed: ast.Typed{T: e.T}, Stmts: []ast.Stmt{}, Value: a.own(e.Y)}}
	return &ast.Block{At: at, Typed: ast.Typed{T: e.T}, Stmts: stmts, Value: choose}
}

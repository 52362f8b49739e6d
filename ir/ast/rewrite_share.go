package ast

// Sharing rewrites (Rewriter.Share): a node none of whose children changed is returned as it
// is instead of copied, so a pass that changes a few node kinds allocates only the spine above
// what it changed. Copying every node in every pass was most of the front end's allocation.
//
// Each node's generated rewriteSelf (walk_gen*.go) rewrites its children once, into locals,
// through the slot functions below (a list's reports whether it changed), and copies the node
// only when one did.

// Clone returns a copy of the node n points to, its child fields shared: what a hook of a
// sharing rewrite changes when a Default method returned a node as it was.
func Clone[N Node](n N) N { return shallowCopy(n) }

// exprsSlot rewrites a list of expressions: when sharing, l itself unless an element changed;
// when copying, a new list (nil when empty).
func (r *Rewriter) exprsSlot(l []Expr) ([]Expr, bool) {
	if !r.Share {
		return r.RewriteExprs(l), true
	}
	return sharedList(r, l, (*Rewriter).RewriteExpr)
}

// typesSlot is exprsSlot for type expressions.
func (r *Rewriter) typesSlot(l []TypeExpr) ([]TypeExpr, bool) {
	if !r.Share {
		return copiedList(r, l, (*Rewriter).RewriteType), true
	}
	return r.typesEach(l)
}

// typesEach rewrites each element of a list of type expressions written as one slot per
// element (UnionDecl): l itself unless one changed, else a new list (never l's array rewritten
// in place, which the input shares).
func (r *Rewriter) typesEach(l []TypeExpr) ([]TypeExpr, bool) {
	return sharedList(r, l, (*Rewriter).RewriteType)
}

// paramsSlot rewrites each parameter (no hook sees them: they are rewritten by default).
func (r *Rewriter) paramsSlot(l []*Param) ([]*Param, bool) {
	if !r.Share {
		return copiedList(r, l, rewriteParam), true
	}
	return sharedList(r, l, rewriteParam)
}

// armsSlot is paramsSlot for switch arms.
func (r *Rewriter) armsSlot(l []*SwitchArm) ([]*SwitchArm, bool) {
	if !r.Share {
		return copiedList(r, l, rewriteArm), true
	}
	return sharedList(r, l, rewriteArm)
}

func rewriteParam(r *Rewriter, p *Param) *Param       { return p.rewriteSelf(r) }
func rewriteArm(r *Rewriter, a *SwitchArm) *SwitchArm { return a.rewriteSelf(r) }

// sharedList rewrites each element of l with f; l itself when no element changed. f is a
// function, not a closure over r, so that passing it allocates nothing.
func sharedList[T comparable](r *Rewriter, l []T, f func(*Rewriter, T) T) ([]T, bool) {
	for i, x := range l {
		y := f(r, x)
		if y == x {
			continue
		}
		out := make([]T, i, len(l))
		copy(out, l[:i])
		out = append(out, y)
		for _, x := range l[i+1:] {
			out = append(out, f(r, x))
		}
		return out, true
	}
	return l, false
}

// copiedList is the list a copying rewrite makes: each element rewritten, nil when l is empty.
func copiedList[T any](r *Rewriter, l []T, f func(*Rewriter, T) T) []T {
	var out []T
	for _, x := range l {
		out = append(out, f(r, x))
	}
	return out
}

// stmtsSlot rewrites a statement list, where a statement may become several (or none): when
// sharing, l itself unless a statement changed; when copying, a new list.
func (r *Rewriter) stmtsSlot(l []Stmt) ([]Stmt, bool) {
	if !r.Share {
		out := make([]Stmt, 0, len(l))
		for _, s := range l {
			out = append(out, r.RewriteStmt(s)...)
		}
		return out, true
	}
	return sharedStmts(r, l)
}

// sharedStmts rewrites a statement list for a sharing Rewriter; l itself when every statement
// stayed itself.
func sharedStmts(r *Rewriter, l []Stmt) ([]Stmt, bool) {
	for i, s := range l {
		one, list, many := r.sharedStmt(s)
		if !many && one == s || many && len(list) == 1 && list[0] == s {
			continue
		}
		out := make([]Stmt, i, len(l)+len(list))
		copy(out, l[:i])
		if many {
			out = append(out, list...)
		} else {
			out = append(out, one)
		}
		for _, s := range l[i+1:] {
			if one, list, many := r.sharedStmt(s); many {
				out = append(out, list...)
			} else {
				out = append(out, one)
			}
		}
		return out, true
	}
	return l, false
}

// sharedStmt is RewriteStmt without the one-element list when there is no Stmt hook: either
// one statement (many false) or the hook's list.
func (r *Rewriter) sharedStmt(s Stmt) (Stmt, []Stmt, bool) {
	if r.Stmt == nil && s != nil {
		if _, ok := s.(*Block); !ok {
			return s.rewriteStmt(r), nil, false
		}
	}
	return nil, r.RewriteStmt(s), true
}

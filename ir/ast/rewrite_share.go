package ast

import "sync"

// Sharing rewrites (Rewriter.Share): a node none of whose children changed is returned as it
// is instead of copied, so a pass that changes a few node kinds allocates only the spine above
// what it changed. Copying every node in every pass was most of the front end's allocation.
//
// A node is rewritten in two walks over its children (the children method lists them in a fixed
// order): probe rewrites each child and pushes each result that differs from the child it
// replaces on the Rewriter's stack, marking its slot; only then, if one does, is the node copied
// and apply stores the pushed results into the marked slots of the copy, in the same order. A
// child's own rewrite pushes and pops above its parent's entries, so one stack serves the whole
// tree.

// Clone returns a copy of the node n points to, its child fields shared: what a hook of a
// sharing rewrite changes when a Default method returned a node as it was.
func Clone[N Node](n N) N { return shallowCopy(n) }

// pending is one rewritten child, in the field of its slot kind.
type pending struct {
	expr   Expr
	exprs  []Expr
	stmt   Stmt
	stmts  []Stmt
	block  *Block
	params []*Param
	arms   []*SwitchArm
	typ    TypeExpr
	typs   []TypeExpr
}

// shareState is the stack of a sharing Rewriter and its two sets of child visitors. Only the
// children that changed are pushed, each with its slot's bit in the node's mask: most nodes of
// most passes change nothing and then cost no stack traffic (a pending holds pointers, so pushing
// and clearing one costs write barriers while the collector marks).
type shareState struct {
	stack []pending
	next  int    // apply's read position in stack
	slot  uint   // the index of the slot probe or apply visits next, in the current node
	mask  uint64 // the slots of the current node whose child changed (saved around each node)
	probe *slots
	apply *slots
}

// rewriteShared is rewriteChildren for a sharing Rewriter: n itself when no child changed.
func rewriteShared[N Node](r *Rewriter, n N) N {
	st := r.shared
	if st == nil {
		st = &shareState{}
		st.probe, st.apply = probeSlots(r, st), applySlots(st)
		r.shared = st
	}
	mark, outerSlot, outerMask := len(st.stack), st.slot, st.mask
	if mark == 0 && st.stack == nil {
		st.stack = takeStack()
		defer st.giveStack()
	}
	st.slot, st.mask = 0, 0
	n.children(st.probe)
	mask := st.mask
	st.slot, st.mask = outerSlot, outerMask
	if mask == 0 {
		return n // nothing was pushed
	}
	c := shallowCopy(n)
	st.next, st.slot, st.mask = mark, 0, mask
	c.children(st.apply)
	st.slot, st.mask = outerSlot, outerMask
	clear(st.stack[mark:])
	st.stack = st.stack[:mark]
	return c
}

// stacks holds the empty stacks of the sharing rewrites not under way: a Rewriter takes one for
// each outermost node it rewrites, so the many short-lived Rewriters of the passes do not each
// grow a stack of their own (a twentieth of the front end's allocation).
var stacks sync.Pool

func takeStack() []pending {
	if s, ok := stacks.Get().(*[]pending); ok {
		return *s
	}
	return make([]pending, 0, 64)
}

// giveStack returns the (empty) stack to stacks when the outermost rewrite ends.
func (st *shareState) giveStack() {
	s := st.stack[:0]
	st.stack = nil
	stacks.Put(&s)
}

// sharedList rewrites each element of l with f; l itself when no element changed.
func sharedList[T comparable](l []T, f func(T) T) ([]T, bool) {
	for i, x := range l {
		y := f(x)
		if y == x {
			continue
		}
		out := make([]T, i, len(l))
		copy(out, l[:i])
		out = append(out, y)
		for _, x := range l[i+1:] {
			out = append(out, f(x))
		}
		return out, true
	}
	return l, false
}

// sharedStmts rewrites a statement list, where a statement may become several (or none); l
// itself when every statement stayed itself.
func sharedStmts(r *Rewriter, l []Stmt) ([]Stmt, bool) {
	for i, s := range l {
		list := r.sharedStmt(s)
		if len(list) == 1 && list[0] == s {
			continue
		}
		out := make([]Stmt, i, len(l)+len(list))
		copy(out, l[:i])
		out = append(out, list...)
		for _, s := range l[i+1:] {
			out = append(out, r.sharedStmt(s)...)
		}
		return out, true
	}
	return l, false
}

// sharedStmt is RewriteStmt without the one-element list when there is no Stmt hook.
func (r *Rewriter) sharedStmt(s Stmt) []Stmt {
	if r.Stmt == nil && s != nil {
		if _, ok := s.(*Block); !ok {
			return []Stmt{rewriteShared(r, s)}
		}
	}
	return r.RewriteStmt(s)
}

// probeSlots rewrites each child and pushes the result when it changed, noting its slot.
func probeSlots(r *Rewriter, st *shareState) *slots {
	push := func(p pending, changed bool) {
		if changed {
			st.stack = append(st.stack, p)
			st.mask |= 1 << st.slot
		}
		st.slot++
	}
	return &slots{
		expr: func(e *Expr) {
			x := r.RewriteExpr(*e)
			push(pending{expr: x}, x != *e)
		},
		exprs: func(l *[]Expr) {
			out, changed := sharedList(*l, r.RewriteExpr)
			push(pending{exprs: out}, changed)
		},
		stmt: func(s *Stmt) {
			x := r.RewriteOne(*s)
			push(pending{stmt: x}, x != *s)
		},
		stmts: func(l *[]Stmt) {
			out, changed := sharedStmts(r, *l)
			push(pending{stmts: out}, changed)
		},
		block: func(b **Block) {
			x := r.RewriteBlock(*b)
			push(pending{block: x}, x != *b)
		},
		params: func(l *[]*Param) {
			out, changed := sharedList(*l, func(p *Param) *Param { return rewriteShared(r, p) })
			push(pending{params: out}, changed)
		},
		arms: func(l *[]*SwitchArm) {
			out, changed := sharedList(*l, func(a *SwitchArm) *SwitchArm { return rewriteShared(r, a) })
			push(pending{arms: out}, changed)
		},
		typ: func(t *TypeExpr) {
			x := r.RewriteType(*t)
			push(pending{typ: x}, x != *t)
		},
		typs: func(l *[]TypeExpr) {
			out, changed := sharedList(*l, r.RewriteType)
			push(pending{typs: out}, changed)
		},
	}
}

// applySlots stores the pushed results into a node's copy, in the order probe pushed them; a
// slot whose child did not change keeps the child the copy already holds.
func applySlots(st *shareState) *slots {
	pop := func() *pending {
		changed := st.mask&(1<<st.slot) != 0
		st.slot++
		if !changed {
			return nil
		}
		st.next++
		return &st.stack[st.next-1]
	}
	return &slots{
		expr: func(e *Expr) {
			if p := pop(); p != nil {
				*e = p.expr
			}
		},
		exprs: func(l *[]Expr) {
			if p := pop(); p != nil {
				*l = p.exprs
			}
		},
		stmt: func(s *Stmt) {
			if p := pop(); p != nil {
				*s = p.stmt
			}
		},
		stmts: func(l *[]Stmt) {
			if p := pop(); p != nil {
				*l = p.stmts
			}
		},
		block: func(b **Block) {
			if p := pop(); p != nil {
				*b = p.block
			}
		},
		params: func(l *[]*Param) {
			if p := pop(); p != nil {
				*l = p.params
			}
		},
		arms: func(l *[]*SwitchArm) {
			if p := pop(); p != nil {
				*l = p.arms
			}
		},
		typ: func(t *TypeExpr) {
			if p := pop(); p != nil {
				*t = p.typ
			}
		},
		typs: func(l *[]TypeExpr) {
			if p := pop(); p != nil {
				*l = p.typs
			}
		},
	}
}

package ast

import (
	"reflect"
	"slices"
	"testing"
)

// The generated walks (walk_gen*.go) against the children methods they come from: every node
// type gets a distinct leaf in each child slot, and the generated Inspect must visit, and the
// generated rewrites replace, exactly those leaves in the children method's order.

// fillSlots stores a fresh leaf (numbered from *k) into each child field of a node.
func fillSlots(k *int64) *slots {
	lit := func() *IntLit { *k++; return &IntLit{Value: uint64(*k)} }
	tn := func() *TypeName { *k++; return &TypeName{Name: Name{ID: int(*k)}} }
	brk := func() *Break { *k++; return &Break{Label: Name{ID: int(*k)}} }
	return &slots{
		expr:   func(e *Expr) { *e = lit() },
		exprs:  func(l *[]Expr) { *l = []Expr{lit(), lit()} },
		stmt:   func(s *Stmt) { *s = brk() },
		stmts:  func(l *[]Stmt) { *l = []Stmt{brk(), brk()} },
		block:  func(b **Block) { *b = &Block{Stmts: []Stmt{brk()}} },
		params: func(l *[]*Param) { *l = []*Param{{TypeX: tn()}} },
		arms:   func(l *[]*SwitchArm) { *l = []*SwitchArm{{Guard: lit()}} },
		typ:    func(t *TypeExpr) { *t = tn() },
		typs:   func(l *[]TypeExpr) { *l = []TypeExpr{tn(), tn()} },
	}
}

// refWalk is Inspect written over the children methods (the walk before generation).
func refWalk(n Node, out *[]Node) {
	if n == nil || reflect.ValueOf(n).IsNil() {
		return
	}
	*out = append(*out, n)
	one := func(x Node) { refWalk(x, out) }
	n.children(&slots{
		expr:  func(e *Expr) { one(*e) },
		exprs: func(l *[]Expr) { each(*l, one) },
		stmt:  func(s *Stmt) { one(*s) },
		stmts: func(l *[]Stmt) { each(*l, one) },
		block: func(b **Block) {
			if *b != nil {
				one(*b)
			}
		},
		params: func(l *[]*Param) { each(*l, one) },
		arms:   func(l *[]*SwitchArm) { each(*l, one) },
		typ:    func(t *TypeExpr) { one(*t) },
		typs:   func(l *[]TypeExpr) { each(*l, one) },
	})
}

func each[T Node](l []T, f func(Node)) {
	for _, x := range l {
		f(x)
	}
}

// leaves returns the numbers of the leaves in a walk, in walk order (the root not included).
func leaves(walk []Node) []int64 {
	var out []int64
	for _, n := range walk[1:] {
		switch n := n.(type) {
		case *IntLit:
			out = append(out, int64(n.Value))
		case *TypeName:
			out = append(out, int64(n.Name.ID))
		case *Break:
			out = append(out, int64(n.Label.ID))
		}
	}
	return out
}

func TestGeneratedWalksFollowChildren(t *testing.T) {
	bump := &Rewriter{
		Share: true,
		Expr: func(r *Rewriter, e Expr) Expr {
			if l, ok := e.(*IntLit); ok {
				return &IntLit{Value: l.Value + 1000}
			}
			return r.DefaultExpr(e)
		},
		Type: func(r *Rewriter, t TypeExpr) TypeExpr {
			if n, ok := t.(*TypeName); ok {
				return &TypeName{Name: Name{ID: n.Name.ID + 1000}}
			}
			return r.DefaultType(t)
		},
		Stmt: func(r *Rewriter, s Stmt) []Stmt {
			if b, ok := s.(*Break); ok {
				return []Stmt{&Break{Label: Name{ID: b.Label.ID + 1000}}}
			}
			return []Stmt{r.DefaultStmt(s)}
		},
	}
	for _, typ := range allNodes {
		n := reflect.New(reflect.TypeOf(typ).Elem()).Interface().(Node)
		var k int64
		n.children(fillSlots(&k))
		var want, got []Node
		refWalk(n, &want)
		Inspect(n, func(x Node) bool { got = append(got, x); return true })
		if !slices.Equal(want, got) {
			t.Errorf("%T: Inspect visits %d nodes, the children method lists %d (or another order)", n, len(got), len(want))
		}
		wantLeaves := leaves(want)
		for _, share := range []bool{true, false} {
			r := &Rewriter{Share: share}
			c := r.rewrite(n)
			if share && c != n {
				t.Errorf("%T: a sharing rewrite that changes nothing copied the node", n)
			}
			if !share && c == n {
				t.Errorf("%T: a copying rewrite returned its input", n)
			}
			var after []Node
			refWalk(c, &after)
			if l := leaves(after); !reflect.DeepEqual(l, wantLeaves) {
				t.Errorf("%T share=%v: leaves %v after a rewrite without hooks, want %v", n, share, l, wantLeaves)
			}
			bump.Share = share
			var bumped []Node
			refWalk(bump.rewrite(n), &bumped)
			plus := make([]int64, len(wantLeaves))
			for i, l := range wantLeaves {
				plus[i] = l + 1000
			}
			if got := leaves(bumped); !slices.Equal(got, plus) {
				t.Errorf("%T share=%v: rewritten leaves %v, want %v", n, share, got, plus)
			}
			if len(wantLeaves) > 0 && c == bump.rewrite(n) {
				t.Errorf("%T: a rewrite that changes a child returned the node itself", n)
			}
		}
		if l := leaves(want); !reflect.DeepEqual(l, wantLeaves) {
			t.Errorf("%T: a rewrite changed its input", n)
		}
	}
}

// rewrite applies r's default rewrite to any node.
func (r *Rewriter) rewrite(n Node) Node {
	switch n := n.(type) {
	case Decl:
		return r.DefaultDecl(n)
	case Stmt:
		return r.DefaultStmt(n)
	case Expr:
		return r.DefaultExpr(n)
	case TypeExpr:
		return r.DefaultType(n)
	case *Param:
		return n.rewriteSelf(r)
	case *SwitchArm:
		return n.rewriteSelf(r)
	}
	panic("no rewrite for " + n.Kind())
}

package ast

// The one description of each node's children. Rewrite (copy with children rewritten), Inspect
// (read-only walk) and MaxID are written once over it, so a new node kind adds one children
// method here and nothing in the walkers.

import (
	"reflect"
	"sync"
)

// slots receives the child fields of a node, by address, in source order. A walker that only
// reads ignores the addresses; a rewriter stores into them (the node is a fresh copy by then).
type slots struct {
	expr   func(*Expr)   // one expression, possibly nil
	exprs  func(*[]Expr) // a list of expressions
	stmt   func(*Stmt)   // one statement that must stay one (an else branch, a loop step), possibly nil
	stmts  func(*[]Stmt) // a statement list, where a statement may become several
	block  func(**Block) // a block that must stay a block (a body, a branch), possibly nil
	params func(*[]*Param)
	arms   func(*[]*SwitchArm)
	typ    func(*TypeExpr)   // one type expression, possibly nil
	typs   func(*[]TypeExpr) // a list of type expressions
}

// children lists the child fields of each node kind.
func (n *Func) children(s *slots)   { s.params(&n.Params); s.typ(&n.ResultX); s.block(&n.Body) }
func (n *Param) children(s *slots)  { s.typ(&n.TypeX) }
func (n *Global) children(s *slots) { s.typ(&n.TypeX); s.expr(&n.Init) }

func (n *Block) children(s *slots)      { s.stmts(&n.Stmts); s.expr(&n.Value) }
func (n *VarDecl) children(s *slots)    { s.typ(&n.TypeX); s.expr(&n.Init) }
func (n *Assign) children(s *slots)     { s.expr(&n.Target); s.expr(&n.Value) }
func (n *OpAssign) children(s *slots)   { s.expr(&n.Target); s.expr(&n.Value) }
func (n *ExprStmt) children(s *slots)   { s.expr(&n.X) }
func (n *If) children(s *slots)         { s.expr(&n.Cond); s.block(&n.Then); s.stmt(&n.Else) }
func (n *While) children(s *slots)      { s.expr(&n.Cond); s.block(&n.Body); s.stmt(&n.Step) }
func (n *ForRange) children(s *slots)   { s.expr(&n.Lo); s.expr(&n.Hi); s.block(&n.Body) }
func (*Break) children(*slots)          {}
func (*Continue) children(*slots)       {}
func (n *Return) children(s *slots)     { s.expr(&n.Value) }
func (n *InitGlobal) children(s *slots) { s.expr(&n.Value) }
func (n *Print) children(s *slots)      { s.exprs(&n.Args) }

func (*IntLit) children(*slots)          {}
func (*BoolLit) children(*slots)         {}
func (*StrLit) children(*slots)          {}
func (*StrAddr) children(*slots)         {}
func (*DataAddr) children(*slots)        {}
func (*Ref) children(*slots)             {}
func (n *Unary) children(s *slots)       { s.expr(&n.X) }
func (n *Binary) children(s *slots)      { s.expr(&n.X); s.expr(&n.Y) }
func (n *Logical) children(s *slots)     { s.expr(&n.X); s.expr(&n.Y) }
func (n *Call) children(s *slots)        { s.expr(&n.Callee); s.exprs(&n.Args) }
func (n *RuntimeCall) children(s *slots) { s.exprs(&n.Args) }
func (n *Convert) children(s *slots)     { s.expr(&n.X) }
func (*CharLit) children(*slots)         {}
func (n *IntCast) children(s *slots)     { s.typ(&n.TypeX); s.expr(&n.X) }

// shallowCopy returns a copy of the node n points to (its child fields still shared).
func shallowCopy[N Node](n N) N {
	v := reflect.ValueOf(n).Elem()
	c := reflect.New(v.Type())
	c.Elem().Set(v)
	return c.Interface().(N)
}

// Inspect walks the tree under n in source order, calling f before the children; f returning
// false skips the children.
func Inspect(n Node, f func(Node) bool) {
	w, _ := inspectors.Get().(*inspector)
	if w == nil {
		w = &inspector{}
		w.slots = inspectSlots(w)
	}
	w.f = f
	w.visit(n)
	w.f = nil
	inspectors.Put(w)
}

// inspector is one Inspect walk; its child visitors are built once, not per node, and the
// walker is reused by later walks (inspectors): passes make many small walks, whose visitors
// were a tenth of the front end's allocation.
type inspector struct {
	f     func(Node) bool
	slots *slots
}

// inspectors holds the walkers not in use (a walk inside f takes another).
var inspectors sync.Pool

func (w *inspector) visit(n Node) {
	if n == nil || isNilNode(n) || !w.f(n) {
		return
	}
	n.children(w.slots)
}

// inspectSlots returns the child visitors that walk each child with w.
func inspectSlots(w *inspector) *slots {
	return &slots{
		expr: func(e *Expr) {
			if *e != nil {
				w.visit(*e)
			}
		},
		exprs: func(l *[]Expr) {
			for _, e := range *l {
				w.visit(e)
			}
		},
		stmt: func(s *Stmt) {
			if *s != nil {
				w.visit(*s)
			}
		},
		stmts: func(l *[]Stmt) {
			for _, s := range *l {
				w.visit(s)
			}
		},
		block: func(b **Block) {
			if *b != nil {
				w.visit(*b)
			}
		},
		params: func(l *[]*Param) {
			for _, p := range *l {
				w.visit(p)
			}
		},
		arms: func(l *[]*SwitchArm) {
			for _, a := range *l {
				w.visit(a)
			}
		},
		typ: func(t *TypeExpr) {
			if *t != nil {
				w.visit(*t)
			}
		},
		typs: func(l *[]TypeExpr) {
			for _, t := range *l {
				w.visit(t)
			}
		},
	}
}

// isNilNode catches typed nils stored in interfaces (a nil *Block as a Node).
func isNilNode(n Node) bool {
	v := reflect.ValueOf(n)
	return v.Kind() == reflect.Pointer && v.IsNil()
}

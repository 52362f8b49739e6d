package ast

// The one description of each node's children: the children methods below and in the node
// files. internal/astgen reads them and generates (walk_gen*.go) each node's rewrite (copy, or
// share, with the children rewritten) and Inspect's visit of its children as straight-line code,
// so a new node kind adds one children method and runs go generate; nothing in the walkers.
// ast_gen_test.go fails when walk_gen*.go are out of date.

//go:generate go run ../../internal/astgen -dir .

// slots names the kinds of child field: a children method hands each child field, by address,
// in source order, to the slot of its kind. internal/astgen reads those calls; at run time only
// the tests call children (walk_gen_test.go walks with them to check the generated walks).
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
func shallowCopy[N Node](n N) N { return n.cloneNode().(N) }

// Inspect walks the tree under n in source order, calling f before the children; f returning
// false skips the children. A nil node, or a typed nil, is not visited.
func Inspect(n Node, f func(Node) bool) {
	if n != nil && !n.isNil() && f(n) {
		n.inspectChildren(f)
	}
}

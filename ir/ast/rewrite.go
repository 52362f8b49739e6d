package ast

import "fmt"

// Rewriter is the shared tree rewrite. Every hook is optional: a nil hook means "copy the node
// with its children rewritten" (the Default* methods), so a pass sets only the hooks of the node
// kinds it changes and calls the Default method for everything else. The input tree is never
// mutated: every node on the way is copied.
type Rewriter struct {
	Expr func(r *Rewriter, e Expr) Expr
	// Stmt may expand one statement into several (or none).
	Stmt func(r *Rewriter, s Stmt) []Stmt
	// Decl may expand one declaration into several.
	Decl func(r *Rewriter, d Decl) []Decl
}

// Program rewrites every declaration of p.
func (r *Rewriter) Program(p *Program) *Program {
	out := &Program{Types: p.Types, Data: append([]byte(nil), p.Data...)}
	for _, d := range p.Decls {
		out.Decls = append(out.Decls, r.RewriteDecl(d)...)
	}
	return out
}

// RewriteDecl applies the Decl hook or the default.
func (r *Rewriter) RewriteDecl(d Decl) []Decl {
	if r.Decl != nil {
		return r.Decl(r, d)
	}
	return []Decl{r.DefaultDecl(d)}
}

// DefaultDecl copies d with its children rewritten.
func (r *Rewriter) DefaultDecl(d Decl) Decl {
	switch d := d.(type) {
	case *Func:
		c := *d
		c.Params = nil
		for _, p := range d.Params {
			pc := *p
			c.Params = append(c.Params, &pc)
		}
		c.Body = r.RewriteBlock(d.Body)
		return &c
	case *Global:
		c := *d
		c.Init = r.RewriteExpr(d.Init)
		return &c
	}
	panic(fmt.Sprintf("ast: rewrite of unknown declaration %T", d))
}

// RewriteBlock rewrites a block that must stay a block (a body, a branch) through the Stmt
// hook, so a hook sees every block (scoping passes push a scope there).
func (r *Rewriter) RewriteBlock(b *Block) *Block {
	if b == nil {
		return nil
	}
	if r.Stmt == nil {
		return r.DefaultBlock(b)
	}
	list := r.Stmt(r, b)
	if len(list) == 1 {
		if nb, ok := list[0].(*Block); ok {
			return nb
		}
	}
	return &Block{At: b.At, Stmts: append([]Stmt{}, list...)}
}

// DefaultBlock copies b with each statement rewritten.
func (r *Rewriter) DefaultBlock(b *Block) *Block {
	out := &Block{At: b.At, Stmts: []Stmt{}}
	for _, s := range b.Stmts {
		out.Stmts = append(out.Stmts, r.RewriteStmt(s)...)
	}
	return out
}

// RewriteStmt applies the Stmt hook or the default.
func (r *Rewriter) RewriteStmt(s Stmt) []Stmt {
	if s == nil {
		return nil
	}
	if r.Stmt != nil {
		return r.Stmt(r, s)
	}
	return []Stmt{r.DefaultStmt(s)}
}

// RewriteOne rewrites a statement that must stay one statement (an else branch, a loop step):
// several results are wrapped in a block.
func (r *Rewriter) RewriteOne(s Stmt) Stmt {
	if s == nil {
		return nil
	}
	list := r.RewriteStmt(s)
	if len(list) == 1 {
		return list[0]
	}
	return &Block{At: At{s.Pos()}, Stmts: append([]Stmt{}, list...)}
}

// DefaultStmt copies s with its children rewritten.
func (r *Rewriter) DefaultStmt(s Stmt) Stmt {
	switch s := s.(type) {
	case *Block:
		return r.DefaultBlock(s)
	case *VarDecl:
		c := *s
		c.Init = r.RewriteExpr(s.Init)
		return &c
	case *Assign:
		c := *s
		c.Target, c.Value = r.RewriteExpr(s.Target), r.RewriteExpr(s.Value)
		return &c
	case *OpAssign:
		c := *s
		c.Target, c.Value = r.RewriteExpr(s.Target), r.RewriteExpr(s.Value)
		return &c
	case *ExprStmt:
		c := *s
		c.X = r.RewriteExpr(s.X)
		return &c
	case *If:
		c := *s
		c.Cond = r.RewriteExpr(s.Cond)
		c.Then = r.RewriteBlock(s.Then)
		c.Else = r.RewriteOne(s.Else)
		return &c
	case *While:
		c := *s
		c.Cond = r.RewriteExpr(s.Cond)
		c.Step = r.RewriteOne(s.Step)
		c.Body = r.RewriteBlock(s.Body)
		return &c
	case *ForRange:
		c := *s
		c.Lo, c.Hi = r.RewriteExpr(s.Lo), r.RewriteExpr(s.Hi)
		c.Body = r.RewriteBlock(s.Body)
		return &c
	case *Break:
		c := *s
		return &c
	case *Continue:
		c := *s
		return &c
	case *Return:
		c := *s
		c.Value = r.RewriteExpr(s.Value)
		return &c
	case *Print:
		c := *s
		c.Args = r.RewriteExprs(s.Args)
		return &c
	case *InitGlobal:
		c := *s
		c.Value = r.RewriteExpr(s.Value)
		return &c
	}
	panic(fmt.Sprintf("ast: rewrite of unknown statement %T", s))
}

// RewriteExpr applies the Expr hook or the default; nil stays nil.
func (r *Rewriter) RewriteExpr(e Expr) Expr {
	if e == nil {
		return nil
	}
	if r.Expr != nil {
		return r.Expr(r, e)
	}
	return r.DefaultExpr(e)
}

// RewriteExprs rewrites a list of expressions into a new list.
func (r *Rewriter) RewriteExprs(list []Expr) []Expr {
	var out []Expr
	for _, e := range list {
		out = append(out, r.RewriteExpr(e))
	}
	return out
}

// DefaultExpr copies e with its children rewritten.
func (r *Rewriter) DefaultExpr(e Expr) Expr {
	switch e := e.(type) {
	case *IntLit:
		c := *e
		return &c
	case *BoolLit:
		c := *e
		return &c
	case *StrLit:
		c := *e
		return &c
	case *StrAddr:
		c := *e
		return &c
	case *DataAddr:
		c := *e
		return &c
	case *Ref:
		c := *e
		return &c
	case *Unary:
		c := *e
		c.X = r.RewriteExpr(e.X)
		return &c
	case *Binary:
		c := *e
		c.X, c.Y = r.RewriteExpr(e.X), r.RewriteExpr(e.Y)
		return &c
	case *Logical:
		c := *e
		c.X, c.Y = r.RewriteExpr(e.X), r.RewriteExpr(e.Y)
		return &c
	case *Call:
		c := *e
		c.Args = r.RewriteExprs(e.Args)
		return &c
	case *RuntimeCall:
		c := *e
		c.Args = r.RewriteExprs(e.Args)
		return &c
	case *IfExpr:
		c := *e
		c.Cond, c.Then, c.Else = r.RewriteExpr(e.Cond), r.RewriteExpr(e.Then), r.RewriteExpr(e.Else)
		return &c
	}
	panic(fmt.Sprintf("ast: rewrite of unknown expression %T", e))
}

// Inspect walks the tree under n in source order, calling f before the children; f returning
// false skips the children.
func Inspect(n Node, f func(Node) bool) {
	if n == nil || !f(n) {
		return
	}
	each := func(list ...Node) {
		for _, c := range list {
			if c != nil && !isNilNode(c) {
				Inspect(c, f)
			}
		}
	}
	switch n := n.(type) {
	case *Func:
		for _, p := range n.Params {
			each(p)
		}
		each(n.Body)
	case *Global:
		each(n.Init)
	case *Block:
		for _, s := range n.Stmts {
			each(s)
		}
	case *VarDecl:
		each(n.Init)
	case *Assign:
		each(n.Target, n.Value)
	case *OpAssign:
		each(n.Target, n.Value)
	case *ExprStmt:
		each(n.X)
	case *If:
		each(n.Cond, n.Then, n.Else)
	case *While:
		each(n.Cond, n.Body, n.Step)
	case *ForRange:
		each(n.Lo, n.Hi, n.Body)
	case *Return:
		each(n.Value)
	case *InitGlobal:
		each(n.Value)
	case *Print:
		for _, a := range n.Args {
			each(a)
		}
	case *Unary:
		each(n.X)
	case *Binary:
		each(n.X, n.Y)
	case *Logical:
		each(n.X, n.Y)
	case *Call:
		for _, a := range n.Args {
			each(a)
		}
	case *RuntimeCall:
		for _, a := range n.Args {
			each(a)
		}
	case *IfExpr:
		each(n.Cond, n.Then, n.Else)
	}
}

// isNilNode catches typed nils stored in interfaces (a nil *Block as a Node).
func isNilNode(n Node) bool {
	switch n := n.(type) {
	case *Block:
		return n == nil
	case Expr:
		return n == nil
	}
	return false
}

// MaxID returns the largest binder or reference ID in p; fresh IDs start above it.
func MaxID(p *Program) int {
	max := 0
	see := func(n Name) {
		if n.ID > max {
			max = n.ID
		}
	}
	for _, t := range p.Types {
		see(Name{t.Name, t.ID})
	}
	for _, d := range p.Decls {
		see(d.DeclName())
		Inspect(d, func(n Node) bool {
			switch n := n.(type) {
			case *Param:
				see(n.Name)
			case *VarDecl:
				see(n.Name)
			case *While:
				see(n.Label)
			case *ForRange:
				see(n.Label)
				see(n.Var)
			case *Ref:
				see(n.Name)
			case *Call:
				see(n.Func)
			}
			return true
		})
	}
	return max
}

// IDs hands out fresh binder IDs above every ID of a program.
type IDs struct{ last int }

// NewIDs returns a generator of IDs fresh for p.
func NewIDs(p *Program) *IDs { return &IDs{last: MaxID(p)} }

// Next returns a new ID.
func (g *IDs) Next() int {
	g.last++
	return g.last
}

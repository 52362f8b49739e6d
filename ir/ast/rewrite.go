package ast

import "slices"

// Rewriter is the shared tree rewrite. Every hook is optional: a nil hook means "copy the node
// with its children rewritten" (the Default* methods), so a pass sets only the hooks of the node
// kinds it changes and calls the Default method for everything else. The input tree is never
// mutated: every node on the way is copied, unless Share is set.
type Rewriter struct {
	Expr func(r *Rewriter, e Expr) Expr
	// Stmt may expand one statement into several (or none).
	Stmt func(r *Rewriter, s Stmt) []Stmt
	// Decl may expand one declaration into several.
	Decl func(r *Rewriter, d Decl) []Decl
	// Type rewrites a type expression; without it type expressions are shared, not copied
	// (nothing mutates them).
	Type func(r *Rewriter, t TypeExpr) TypeExpr
	// Share returns a node none of whose children changed as it is, not copied, so the output
	// shares unchanged subtrees with the input (rewrite_share.go). Set it only when no hook
	// mutates a node that a Default method or a Rewrite method returned (DefaultBlock's blocks
	// included: clone them, ast.Clone, before changing them).
	Share bool
}

// RewriteType applies the Type hook; nil stays nil.
func (r *Rewriter) RewriteType(t TypeExpr) TypeExpr {
	if t == nil || r.Type == nil {
		return t
	}
	return r.Type(r, t)
}

// DefaultType copies t with its children rewritten.
func (r *Rewriter) DefaultType(t TypeExpr) TypeExpr { return t.rewriteType(r) }

// Program rewrites every declaration of p.
func (r *Rewriter) Program(p *Program) *Program {
	out := &Program{Types: p.Types, Data: append([]byte(nil), p.Data...), Decls: make([]Decl, 0, len(p.Decls))}
	for _, d := range p.Decls {
		out.Decls = r.appendDecl(out.Decls, d)
	}
	out.ids = p.ids
	return out
}

// Consume is Program for a pass that consumes its input (decisions.md, front-end memory): p
// keeps only the declarations not yet rewritten, so each one's tree is released once rewritten
// and the input and the output are never both held whole. p stays a valid program (the
// remaining declarations), so a panic's report can still print the declaration at fault. An
// IDs of p must have walked it first (IDs.Now); p.Decls must be p's own (Program's output is).
func (r *Rewriter) Consume(p *Program) *Program {
	out := &Program{Types: p.Types, Data: append([]byte(nil), p.Data...), Decls: make([]Decl, 0, len(p.Decls)), ids: p.ids}
	for len(p.Decls) > 0 {
		out.Decls = r.appendDecl(out.Decls, p.Decls[0])
		p.Decls[0] = nil
		p.Decls = p.Decls[1:]
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

// appendDecl appends d rewritten to out, without RewriteDecl's one-element list when there is no
// Decl hook.
func (r *Rewriter) appendDecl(out []Decl, d Decl) []Decl {
	if r.Decl == nil {
		return append(out, r.DefaultDecl(d))
	}
	return append(out, r.Decl(r, d)...)
}

// DefaultDecl copies d with its children rewritten.
func (r *Rewriter) DefaultDecl(d Decl) Decl { return d.rewriteDecl(r) }

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
	if b.Value != nil {
		panic("ast: a rewrite turned a block expression into statements")
	}
	return &Block{At: b.At, Stmts: append([]Stmt{}, list...)}
}

// DefaultBlock copies b with each statement rewritten; a sharing Rewriter returns b itself
// when no statement and not its value changed, and otherwise a block whose statement list is
// its own (appending to it never writes into b's).
func (r *Rewriter) DefaultBlock(b *Block) *Block {
	if r.Share {
		stmts, changed := sharedStmts(r, b.Stmts)
		v := r.RewriteExpr(b.Value)
		if !changed && v == b.Value {
			return b
		}
		return &Block{At: b.At, Typed: b.Typed, Stmts: slices.Clip(stmts), Value: v}
	}
	out := &Block{At: b.At, Typed: b.Typed, Stmts: make([]Stmt, 0, len(b.Stmts))}
	for _, s := range b.Stmts {
		out.Stmts = append(out.Stmts, r.RewriteStmt(s)...)
	}
	out.Value = r.RewriteExpr(b.Value)
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
	return &Block{At: AtOf(s.Pos()), Stmts: append([]Stmt{}, list...)}
}

// DefaultStmt copies s with its children rewritten.
func (r *Rewriter) DefaultStmt(s Stmt) Stmt {
	if b, ok := s.(*Block); ok {
		return r.DefaultBlock(b)
	}
	return s.rewriteStmt(r)
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
	if len(list) == 0 {
		return nil
	}
	out := make([]Expr, 0, len(list))
	for _, e := range list {
		out = append(out, r.RewriteExpr(e))
	}
	return out
}

// DefaultExpr copies e with its children rewritten.
func (r *Rewriter) DefaultExpr(e Expr) Expr { return e.rewriteExpr(r) }

// DeepClone returns a deep copy of e (nil stays nil); Clone (rewrite_share.go) copies one node.
func DeepClone(e Expr) Expr { return cloner.RewriteExpr(e) }

// cloner is DeepClone's Rewriter: hookless and not sharing, it holds no state, so every clone
// uses this one.
var cloner = &Rewriter{}

// Pass make-defer-explicit: arc-explicit -> no-defer.
//
// Copies the body of every defer (spec §5.5) to each exit of its block, last in first out: the
// fall-through end, every `return` (the defers of all enclosing blocks of the function), every
// `break`/`continue` (the defers of the blocks inside the loop it leaves), and the `return` of a
// propagating `try` (parse spelled it as one). An errdefer is copied only to error exits: a
// return of a fail (`return error.X` or `try`). A returned value, and the value of a block
// expression, is computed first and saved, so a defer cannot change it. Binders declared in a
// copied body get fresh IDs, so every copy is a scope of its own.
//
//	(block (defer (block A)) (errdefer (block B)) S1 (return (fail X)) S2)
//	  =>  (block S1 (block (const ret.v#9 (fail X)) (block B) (block A) (return ret.v#9)) S2 (block A))
//	(while _#2 C (block (defer (block A)) (break _#2)))
//	  =>  (while _#2 C (block (block (block A) (break _#2)) (block A)))

package passes

import (
	"cot/ir/ast"
	"cot/ir/pipeline"
)

type deferScope struct {
	defers []*ast.Defer // reached so far, in order
	loop   int          // the ID of the loop whose body this block is, 0 for others
}

type deferMaker struct {
	ids         *ast.IDs
	scopes      []*deferScope
	pendingLoop int // the loop ID of the next body block
}

func makeDeferExplicit(_ *pipeline.Ctx, prog any) (any, error) {
	p := prog.(*ast.Program)
	if !usesDefer(p) {
		return p, nil
	}
	m := &deferMaker{ids: ast.NewIDs(p)}
	// Sharing: no hook changes a node a Rewrite method returned (blocks are always new ones).
	// A declaration without a defer is kept as it is.
	r := &ast.Rewriter{Share: true, Stmt: m.stmt, Expr: m.expr, Decl: func(r *ast.Rewriter, d ast.Decl) []ast.Decl {
		if !hasDefer(d) {
			return []ast.Decl{d}
		}
		return []ast.Decl{r.DefaultDecl(d)}
	}}
	return r.Program(p), nil
}

func hasDefer(root ast.Node) bool {
	found := false
	ast.Inspect(root, func(n ast.Node) bool {
		_, ok := n.(*ast.Defer)
		found = found || ok
		return !found
	})
	return found
}

func usesDefer(p *ast.Program) bool {
	return containsNode(p, func(n ast.Node) bool { _, ok := n.(*ast.Defer); return ok })
}

// containsNode reports whether a node of p satisfies is.
func containsNode(p *ast.Program, is func(ast.Node) bool) bool {
	found := false
	for _, d := range p.Decls {
		ast.Inspect(d, func(n ast.Node) bool {
			found = found || is(n)
			return !found
		})
	}
	return found
}

func (m *deferMaker) stmt(r *ast.Rewriter, s ast.Stmt) []ast.Stmt {
	switch s := s.(type) {
	case *ast.Block:
		return []ast.Stmt{m.block(r, s)}
	case *ast.While:
		c := *s
		c.Cond = r.RewriteExpr(s.Cond)
		c.Step = r.RewriteOne(s.Step)
		c.Body = m.loopBody(r, s.Label.ID, s.Body)
		return []ast.Stmt{&c}
	case *ast.ForRange:
		c := *s
		c.Lo, c.Hi = r.RewriteExpr(s.Lo), r.RewriteExpr(s.Hi)
		c.Body = m.loopBody(r, s.Label.ID, s.Body)
		return []ast.Stmt{&c}
	case *ast.ForEach:
		c := *s
		c.X = r.RewriteExpr(s.X)
		c.Body = m.loopBody(r, s.Label.ID, s.Body)
		return []ast.Stmt{&c}
	case *ast.Return:
		return m.leave(r.DefaultStmt(s), len(m.scopes), ast.IsErrorExit(s))
	case *ast.Break:
		return m.leave(s, m.scopesInLoop(s.Label.ID), false)
	case *ast.Continue:
		return m.leave(s, m.scopesInLoop(s.Label.ID), false)
	}
	return []ast.Stmt{r.DefaultStmt(s)}
}

func (m *deferMaker) expr(r *ast.Rewriter, e ast.Expr) ast.Expr {
	if b, ok := e.(*ast.Block); ok {
		return m.block(r, b)
	}
	return defaultExpr(r, e)
}

func (m *deferMaker) loopBody(r *ast.Rewriter, loop int, body *ast.Block) *ast.Block {
	m.pendingLoop = loop
	return r.RewriteBlock(body)
}

// scopesInLoop is how many of the innermost scopes a jump to the loop leaves.
func (m *deferMaker) scopesInLoop(loop int) int {
	for i := len(m.scopes) - 1; i >= 0; i-- {
		if m.scopes[i].loop == loop {
			return len(m.scopes) - i
		}
	}
	return 0
}

// block rewrites a block (a statement or an expression) as a scope of defers.
func (m *deferMaker) block(r *ast.Rewriter, b *ast.Block) *ast.Block {
	sc := &deferScope{loop: m.pendingLoop}
	m.pendingLoop = 0
	m.scopes = append(m.scopes, sc)
	out := &ast.Block{At: b.At, Typed: b.Typed, Stmts: []ast.Stmt{}}
	for _, s := range b.Stmts {
		if d, ok := s.(*ast.Defer); ok {
			sc.defers = append(sc.defers, m.deferBody(r, d))
			continue
		}
		out.Stmts = append(out.Stmts, r.RewriteStmt(s)...)
	}
	m.scopes = m.scopes[:len(m.scopes)-1]
	switch {
	case b.Value != nil:
		out.Value = r.RewriteExpr(b.Value)
		if runs := m.copies([]*deferScope{sc}, false); len(runs) > 0 {
			at := ast.AtOf(b.Value.Pos())
			n := ast.Name{Name: "blk.v", ID: m.ids.Next()}
			out.Stmts = append(out.Stmts, &ast.VarDecl{At: at, Name: n, Const: true, Type: out.Value.Type(), Init: out.Value})
			out.Stmts = append(out.Stmts, runs...)
			out.Value = &ast.Ref{At: at, Typed: ast.Typed{T: out.Value.Type()}, Name: n}
		}
	case canFallThrough(out):
		out.Stmts = append(out.Stmts, m.copies([]*deferScope{sc}, false)...)
	}
	return out
}

// deferBody rewrites the body of a defer on its own: a scope stack of its own, since nothing
// leaves a deferred body but its end.
func (m *deferMaker) deferBody(r *ast.Rewriter, d *ast.Defer) *ast.Defer {
	saved := m.scopes
	m.scopes = nil
	body := r.RewriteBlock(d.Body)
	m.scopes = saved
	return &ast.Defer{At: d.At, Err: d.Err, Body: body}
}

// leave puts before the jump s (its operands rewritten) the copies of the defers of the
// innermost n scopes; a returned value is saved first.
func (m *deferMaker) leave(s ast.Stmt, n int, errExit bool) []ast.Stmt {
	runs := m.copies(m.scopes[len(m.scopes)-n:], errExit)
	if len(runs) == 0 {
		return []ast.Stmt{s}
	}
	var stmts []ast.Stmt
	if ret, ok := s.(*ast.Return); ok && ret.Value != nil {
		at := ast.AtOf(ret.Value.Pos())
		n := ast.Name{Name: "ret.v", ID: m.ids.Next()}
		stmts = append(stmts, &ast.VarDecl{At: at, Name: n, Const: true, Type: ret.Value.Type(), Init: ret.Value})
		s = &ast.Return{At: ret.At, Value: &ast.Ref{At: at, Typed: ast.Typed{T: ret.Value.Type()}, Name: n}}
	}
	stmts = append(append(stmts, runs...), s)
	return []ast.Stmt{&ast.Block{At: ast.AtOf(s.Pos()), Stmts: stmts}}
}

// copies are fresh copies of the bodies of the scopes' defers, innermost scope first, each
// scope's last defer first; errdefers only for an error exit.
func (m *deferMaker) copies(scopes []*deferScope, errExit bool) []ast.Stmt {
	var out []ast.Stmt
	for i := len(scopes) - 1; i >= 0; i-- {
		ds := scopes[i].defers
		for j := len(ds) - 1; j >= 0; j-- {
			if !ds[j].Err || errExit {
				out = append(out, freshCopy(m.ids, ds[j].Body))
			}
		}
	}
	return out
}

// freshCopy copies b giving every binder and loop declared in it a fresh ID.
func freshCopy(ids *ast.IDs, b *ast.Block) *ast.Block {
	fresh := map[int]int{}
	ast.Inspect(b, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.VarDecl:
			fresh[n.Name.ID] = ids.Next()
		case *ast.While:
			fresh[n.Label.ID] = ids.Next()
		case *ast.ForRange:
			fresh[n.Label.ID], fresh[n.Var.ID] = ids.Next(), ids.Next()
		case *ast.ForEach:
			fresh[n.Label.ID], fresh[n.Var.ID] = ids.Next(), ids.Next()
			if n.Index.ID != 0 {
				fresh[n.Index.ID] = ids.Next()
			}
		}
		return true
	})
	rename := func(n *ast.Name) {
		if id, ok := fresh[n.ID]; ok {
			n.ID = id
		}
	}
	r := &ast.Rewriter{}
	r.Stmt = func(r *ast.Rewriter, s ast.Stmt) []ast.Stmt {
		out := r.DefaultStmt(s)
		switch s := out.(type) {
		case *ast.VarDecl:
			rename(&s.Name)
		case *ast.While:
			rename(&s.Label)
		case *ast.ForRange:
			rename(&s.Label)
			rename(&s.Var)
		case *ast.ForEach:
			rename(&s.Label)
			rename(&s.Var)
			rename(&s.Index)
		case *ast.Break:
			c := *s
			rename(&c.Label)
			return []ast.Stmt{&c}
		case *ast.Continue:
			c := *s
			rename(&c.Label)
			return []ast.Stmt{&c}
		}
		return []ast.Stmt{out}
	}
	r.Expr = func(r *ast.Rewriter, e ast.Expr) ast.Expr {
		out := r.DefaultExpr(e)
		if ref, ok := out.(*ast.Ref); ok {
			rename(&ref.Name)
		}
		return out
	}
	return r.RewriteBlock(b)
}

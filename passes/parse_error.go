package passes

// Errors of the parse pass (spec §7, decisions.md #14): `error.X`, `try`, `catch` and error set
// declarations are spelled with the nodes of node_error.go, so no later pass knows `try` or
// `catch`:
//
//	try E                =>  (block (var err.try E) (if (is-error err.try) (return (fail (error-code err.try))))
//	                             (value (ok-value err.try)))
//	E catch |e| Y        =>  (block (var err.catch E) (value (if-expr (not (is-error err.catch))
//	                             (block (value (ok-value err.catch))) (block (const e (error-code err.catch)) (value Y)))))
//	E catch |e| { S }    (a statement)  =>  (block (var err.catch E) (if (is-error err.catch) (block (const e (error-code err.catch)) S)))
//
// The value branch comes first so that it gives the if expression its type (the payload's), which
// the fallback is checked against, as the right operand of `??` is. A `try` statement
// (`try f()`, f returning !void) is the block without its value. The subject is evaluated once into `err.try` / `err.catch`, names no program can spell; the
// fallback runs only on an error (catch is lazy); the capture is an immutable error value
// scoped to the fallback. check-types gives fail the result type of the function (reporting a `try` outside
// a function returning an error union) and reports a subject that is not an error union.
//
// Error sets are not types of their own: every set names the one type of error values, `error`
// (its value the error's number), and `E!T` is checked like `!T` (spec §7: `E!T` functions are
// not checked against E's members).

import (
	"cot/grammar"
	"cot/ir/ast"
)

const (
	errTryTemp   = "err.try"
	errCatchTemp = "err.catch"
)

// tryStmt spells the statement `try x`, whose value is dropped.
func (c *cstConverter) tryStmt(at ast.At, x ast.Expr) ast.Stmt {
	b := c.tryExpr(at, x).(*ast.Block)
	b.Value = nil
	return b
}

// isTryStmt reports whether the expression statement e is `try x`, and returns x's syntax.
func isTryStmt(e *grammar.Expr) (*grammar.PostfixExpr, bool) {
	if len(e.Rest) > 0 || len(e.Left.Rest) > 0 {
		return nil, false
	}
	a := e.Left.Left
	if len(a.Rest) > 0 || len(a.Left.Rest) > 0 || len(a.Left.Left.Rest) > 0 || len(a.Left.Left.Left.Rest) > 0 {
		return nil, false
	}
	u := a.Left.Left.Left.Left
	return u.Operand, len(u.Ops) == 1 && u.Ops[0] == "try"
}

// tryExpr spells `try x`.
func (c *cstConverter) tryExpr(at ast.At, x ast.Expr) ast.Expr {
	tmp := func() ast.Expr { return &ast.Ref{At: at, Name: ast.Name{Name: errTryTemp}} }
	decl := &ast.VarDecl{At: at, Name: ast.Name{Name: errTryTemp}, Init: x}
	fail := &ast.Return{At: at, Value: &ast.Fail{At: at, X: &ast.ErrorCode{At: at, X: tmp()}}}
	check := &ast.If{At: at, Cond: &ast.IsError{At: at, X: tmp()}, Then: &ast.Block{At: at, Stmts: []ast.Stmt{fail}}}
	return &ast.Block{At: at, Stmts: []ast.Stmt{decl, check}, Value: &ast.OkValue{At: at, X: tmp()}}
}

// catchExpr spells `x catch |capture| y` (capture "" when there is none).
func (c *cstConverter) catchExpr(r *grammar.FallbackOp, x ast.Expr) ast.Expr {
	at := c.at(r.Pos)
	tmp := func() ast.Expr { return &ast.Ref{At: at, Name: ast.Name{Name: errCatchTemp}} }
	decl := &ast.VarDecl{At: at, Name: ast.Name{Name: errCatchTemp}, Init: x}
	y := c.or(r.Right)
	then, isBlock := y.(*ast.Block)
	if !isBlock {
		then = &ast.Block{At: at, Stmts: []ast.Stmt{}, Value: y}
	}
	c.bindCapture(r, then, tmp())
	ok := &ast.Block{At: at, Stmts: []ast.Stmt{}, Value: &ast.OkValue{At: at, X: tmp()}}
	noError := &ast.Unary{At: at, Op: "not", X: &ast.IsError{At: at, X: tmp()}}
	choose := &ast.If{At: at, Cond: noError, Then: ok, Else: then}
	return &ast.Block{At: at, Stmts: []ast.Stmt{decl}, Value: choose}
}

// catchStmt spells `x catch |capture| { … }` as a statement: the fallback's value, if any, is
// dropped, and so is the subject's value.
func (c *cstConverter) catchStmt(e *grammar.Expr) ast.Stmt {
	r := e.Rest[0]
	at := c.at(r.Pos)
	tmp := func() ast.Expr { return &ast.Ref{At: at, Name: ast.Name{Name: errCatchTemp}} }
	decl := &ast.VarDecl{At: at, Name: ast.Name{Name: errCatchTemp}, Init: c.or(e.Left)}
	var then *ast.Block
	if p := orPrimary(r.Right); p != nil && p.Block != nil {
		then = c.block(p.Block)
	} else {
		then = &ast.Block{At: at, Stmts: []ast.Stmt{&ast.ExprStmt{At: at, X: c.or(r.Right)}}}
	}
	c.bindCapture(r, then, tmp())
	check := &ast.If{At: at, Cond: &ast.IsError{At: at, X: tmp()}, Then: then}
	return &ast.Block{At: at, Stmts: []ast.Stmt{decl, check}}
}

// bindCapture puts `const capture = error-code(subject)` at the head of the fallback block.
func (c *cstConverter) bindCapture(r *grammar.FallbackOp, then *ast.Block, subject ast.Expr) {
	if r.Capture == "" {
		return
	}
	at := c.at(r.Pos)
	bind := &ast.VarDecl{At: c.captureAt(r.Pos.Offset, r.Capture, at), Name: ast.Name{Name: r.Capture}, Const: true, Init: &ast.ErrorCode{At: at, X: subject}}
	then.Stmts = append([]ast.Stmt{bind}, then.Stmts...)
}

// isCatchStmt reports whether the expression statement e is `x catch …` (one fallback).
func isCatchStmt(e *grammar.Expr) bool {
	return len(e.Rest) == 1 && e.Rest[0].Op == "catch"
}

// orPrimary returns the primary of an or-level expression that is nothing but a primary, or nil.
func orPrimary(o *grammar.OrExpr) *grammar.Primary {
	return primaryOf(&grammar.Expr{Left: o})
}

// errorSetDecl is `const E = error { … }`: an alias of `error`, the type of error values
// (types.TError: every set is one type, spec §7's numbers being global by name), so E names a
// type wherever it is used (`E!T`, `var e: E`). The member names need no declaration: every
// `error.X` is numbered by name (check_types_error.go).
func errorSetDecl(at ast.At, name string) ast.Decl {
	return &ast.AliasDecl{At: at, Name: ast.Name{Name: name}, TypeX: &ast.TypeName{At: at, Name: ast.Name{Name: "error"}}}
}

// deferStmt is `defer S` or `errdefer S`; a simple statement S becomes a block of its own.
func (c *cstConverter) deferStmt(d *grammar.DeferStmt) ast.Stmt {
	at := c.at(d.Pos)
	body := &ast.Block{At: at, Stmts: []ast.Stmt{}}
	if d.Block != nil {
		body = c.block(d.Block)
	} else if s := c.simple(d.Simple); s != nil {
		body.Stmts = append(body.Stmts, s)
	}
	return &ast.Defer{At: at, Err: d.Kind == "errdefer", Body: body}
}

package passes

// async / await in the parse pass (see parse.go; spec §13, decisions #27: an async call runs its
// body eagerly and returns a completed future). `async fn f(ps) R { body }` becomes two plain
// functions, so no later pass sees async:
//
//	fn f.async(ps) R { body }                                   the body, as written
//	fn f(ps) Future(R) { return Future(R) { .value = f.async(ps) } }
//
// (for R void: `{ f.async(ps); return Future(void) {} }`). The body keeps its own function, so
// `return` and `try` in it work as in any function of result R. `await x` is an await node
// (check-types reads the value out of the future). A generic `async fn f(T)(ps) R` makes two
// generic functions over the same parameters, the wrapper calling `f.async(T)(ps)`; the `where`
// bounds stay on the body, where its calls need them. An async method of an impl block is split
// the same way after the impl has named it (`impl S { async fn m(self: *S) R }` makes `S_m.async`
// and the wrapper `S_m`, which `s.m()` calls; a generic impl's, two generic methods).

import (
	"cot/grammar"
	"cot/ir/ast"
)

// asyncSuffix names the function holding an async function's body; users cannot spell it.
const asyncSuffix = ".async"

// asyncFn splits a top-level `async fn`.
func (c *cstConverter) asyncFn(fd *grammar.FnDecl) []ast.Decl {
	return c.splitAsync(fd, c.fn)
}

// splitAsync makes the body and the wrapper of the async function fd, which build converts as
// it would a plain function (a top-level function, or a method named and given its `self` by
// its impl block): once as written for the body, renamed NAME.async, and once without its body
// and `where` bounds for the wrapper, so the two share no node and a diagnostic of the body or
// of a bound is reported once.
func (c *cstConverter) splitAsync(fd *grammar.FnDecl, build func(*grammar.FnDecl) ast.Decl) []ast.Decl {
	plain := *fd
	plain.Async = false
	bodyDecl := build(&plain)
	body := funcOf(bodyDecl)
	shell := plain
	shell.Body, shell.Where = &grammar.Block{Pos: fd.Body.Pos}, nil
	wrapperDecl := build(&shell)
	wrapper := funcOf(wrapperDecl)
	if body == nil || wrapper == nil {
		return nil
	}
	at := body.At
	name := body.Name.Name
	body.Name.Name = name + asyncSuffix
	future := func() ast.TypeExpr {
		result := ast.TypeExpr(&ast.TypeName{At: at, Name: ast.Name{Name: "void"}})
		if fd.Ret != nil {
			result = c.typ(fd.Ret)
		}
		return &ast.InstType{At: at, Name: ast.Name{Name: "Future"}, Args: []ast.TypeExpr{result}}
	}
	call := &ast.Call{At: at, Callee: &ast.Ref{At: at, Name: body.Name}}
	if g, ok := wrapperDecl.(*ast.GenericFunc); ok { // the wrapper's own type parameters, passed on: f.async(T, U)(ps)
		g.Bounds = nil
		inst := &ast.Instance{At: at, Name: body.Name}
		for _, tp := range g.TypeParams {
			inst.Args = append(inst.Args, &ast.TypeName{At: at, Name: ast.Name{Name: tp.Name}})
		}
		call.Callee = inst
	}
	for _, p := range wrapper.Params {
		call.Args = append(call.Args, &ast.Ref{At: p.At, Name: ast.Name{Name: p.Name.Name}})
	}
	wrapper.Result, wrapper.ResultX = nil, future()
	wrapper.Body = &ast.Block{At: at, Stmts: []ast.Stmt{}}
	lit := &ast.StructLit{At: at, TypeX: future()}
	if fd.Ret == nil || fd.Ret.Named != nil && fd.Ret.Named.Name == "void" && len(fd.Ret.Named.Args) == 0 {
		wrapper.Body.Stmts = append(wrapper.Body.Stmts, &ast.ExprStmt{At: at, X: call})
	} else {
		lit.Names, lit.Values = []string{"value"}, []ast.Expr{call}
	}
	wrapper.Body.Stmts = append(wrapper.Body.Stmts, &ast.Return{At: at, Value: lit})
	return []ast.Decl{bodyDecl, wrapperDecl}
}

// funcOf returns the function of a plain or generic function declaration, nil for another.
func funcOf(d ast.Decl) *ast.Func {
	switch d := d.(type) {
	case *ast.Func:
		return d
	case *ast.GenericFunc:
		return &d.Func
	}
	return nil
}

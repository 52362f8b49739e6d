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
// bounds stay on the body, where its calls need them.

import (
	"cot/grammar"
	"cot/ir/ast"
)

// asyncSuffix names the function holding an async function's body; users cannot spell it.
const asyncSuffix = ".async"

func (c *cstConverter) asyncFn(fd *grammar.FnDecl) []ast.Decl {
	plain := *fd
	plain.Async = false
	var body *ast.Func
	var generic *ast.GenericFunc
	switch d := c.fn(&plain).(type) {
	case *ast.Func:
		body = d
	case *ast.GenericFunc:
		generic, body = d, &d.Func
	default:
		return nil
	}
	at := body.At
	body.Name.Name = fd.Name + asyncSuffix
	future := func() ast.TypeExpr {
		result := ast.TypeExpr(&ast.TypeName{At: at, Name: ast.Name{Name: "void"}})
		if fd.Ret != nil {
			result = c.typ(fd.Ret)
		}
		return &ast.InstType{At: at, Name: ast.Name{Name: "Future"}, Args: []ast.TypeExpr{result}}
	}
	call := &ast.Call{At: at, Callee: &ast.Ref{At: at, Name: body.Name}}
	if generic != nil { // the wrapper's own type parameters, passed on: f.async(T, U)(ps)
		inst := &ast.Instance{At: at, Name: body.Name}
		for _, tp := range fd.TypeParams {
			inst.Args = append(inst.Args, &ast.TypeName{At: at, Name: ast.Name{Name: tp}})
		}
		call.Callee = inst
	}
	wrapper := &ast.Func{At: at, Name: ast.Name{Name: fd.Name}, ResultX: future(), Body: &ast.Block{At: at}}
	for _, p := range fd.Params {
		wrapper.Params = append(wrapper.Params, &ast.Param{At: c.at(p.Pos), Name: ast.Name{Name: p.Name}, TypeX: c.paramType(p.Type)})
		call.Args = append(call.Args, &ast.Ref{At: c.at(p.Pos), Name: ast.Name{Name: p.Name}})
	}
	lit := &ast.StructLit{At: at, TypeX: future()}
	if fd.Ret == nil || fd.Ret.Named != nil && fd.Ret.Named.Name == "void" && len(fd.Ret.Named.Args) == 0 {
		wrapper.Body.Stmts = append(wrapper.Body.Stmts, &ast.ExprStmt{At: at, X: call})
	} else {
		lit.Names, lit.Values = []string{"value"}, []ast.Expr{call}
	}
	wrapper.Body.Stmts = append(wrapper.Body.Stmts, &ast.Return{At: at, Value: lit})
	if generic != nil {
		return []ast.Decl{generic, &ast.GenericFunc{Func: *wrapper, TypeParams: typeParams(fd.TypeParams)}}
	}
	return []ast.Decl{body, wrapper}
}

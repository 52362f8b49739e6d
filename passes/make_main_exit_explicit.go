// Pass make-main-exit-explicit: no-strings -> explicit-exit.
//
// Adds the program entry: a function exported as _start that calls main and ends the process
// with @exit, with the low 8 bits of main's i64 result or 0 for a void main
// (decisions.md #20). After this pass nothing about main is special.
//
//	(func main#1 () i64 BODY)
//	  =>  (func main#1 () i64 BODY)
//	      (func __start#9 () void (export "_start")
//	        (block (exit (& (call main#1) 255))))

package passes

import (
	"slices"

	"cot/ir/ast"
	"cot/ir/pipeline"
	"cot/ir/types"
)

func makeMainExitExplicit(_ *pipeline.Ctx, prog any) (any, error) {
	p := prog.(*ast.Program)
	var main *ast.Func
	for _, d := range p.Decls {
		if f, ok := d.(*ast.Func); ok && f.Name.Name == "main" {
			main = f
		}
	}
	if main == nil {
		panic("make-main-exit-explicit: no main (check-types, or lower-tests for a test file, reports that)")
	}
	// Every declaration stays as it is (nothing mutates them): only the list is new.
	out := &ast.Program{Types: p.Types, Data: p.Data, Decls: slices.Clip(p.Decls)}
	ast.CarryIDs(out, p)
	at := main.At
	i64 := ast.Typed{T: types.TI64}
	call := &ast.Call{At: at, Typed: ast.Typed{T: main.Result}, Callee: &ast.Ref{At: at, Typed: ast.Typed{T: main.Signature()}, Name: main.Name}}
	var body []ast.Stmt
	if main.Result == types.TVoid {
		body = []ast.Stmt{&ast.ExprStmt{At: at, X: call}, &ast.Exit{At: at, Code: &ast.IntLit{At: at, Typed: i64, Value: 0}}}
	} else {
		status := &ast.Binary{At: at, Typed: i64, Op: "&", X: call, Y: &ast.IntLit{At: at, Typed: i64, Value: 255}}
		body = []ast.Stmt{&ast.Exit{At: at, Code: status}}
	}
	start := &ast.Func{At: at, Name: ast.Name{Name: "__start", ID: ast.NewIDs(p).Next()}, Result: types.TVoid,
		Export: "_start", Body: &ast.Block{At: at, Stmts: body}}
	out.Decls = append(out.Decls, start)
	return out, nil
}

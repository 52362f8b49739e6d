// Pass make-global-init-explicit: runtime-imported -> constant-globals.
//
// Global initializers that are not constants run at program start, before main, in dependency
// order (decisions.md #12): each becomes an init-global statement at the head of the entry
// function, and the global itself starts zeroed. Constant initializers stay in the global,
// where the Wasm module holds them statically.
//
//	(global var a#1 i64 (call f#2))  (global const k#3 i64 4)  (func __start#9 ... (block S...))
//	  =>  (global var a#1 i64 -)  (global const k#3 i64 4)
//	      (func __start#9 ... (block (init-global a#1 (call f#2)) S...))
//
// Design decision: the order is computed by ast.GlobalInitOrder, the same function check-types used
// to reject cycles, so the two can never disagree.

package passes

import (
	"cot/ir/ast"
	"cot/ir/pipeline"
)

func makeGlobalInitExplicit(_ *pipeline.Ctx, prog any) (any, error) {
	p := prog.(*ast.Program)
	order, cycle := ast.GlobalInitOrder(p)
	if cycle != nil {
		panic("make-global-init-explicit: initialization cycle (check-types reports those)")
	}
	var inits []ast.Stmt
	late := map[int]bool{}
	copier := &ast.Rewriter{}
	for _, g := range order {
		late[g.Name.ID] = true
		inits = append(inits, &ast.InitGlobal{At: g.At, Name: g.Name, Value: copier.RewriteExpr(g.Init)})
	}
	// A sharing rewrite: _start and its body are copied before they are changed.
	r := &ast.Rewriter{Share: true, Decl: func(r *ast.Rewriter, d ast.Decl) []ast.Decl {
		switch d := d.(type) {
		case *ast.Global:
			if late[d.Name.ID] {
				c := *d
				c.Init = nil
				return []ast.Decl{&c}
			}
		case *ast.Func:
			if d.Export == "_start" {
				c := ast.Clone(r.DefaultDecl(d).(*ast.Func))
				body := *c.Body
				body.Stmts = append(append([]ast.Stmt{}, inits...), body.Stmts...)
				c.Body = &body
				return []ast.Decl{c}
			}
		}
		return []ast.Decl{r.DefaultDecl(d)}
	}}
	return r.Program(p), nil
}

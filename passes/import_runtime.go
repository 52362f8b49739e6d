// Pass import-runtime: explicit-exit -> runtime-imported.
//
// Adds to the program the functions and globals of the runtime (runtime/*.cot) that it calls,
// transitively, and nothing else, so an unused routine costs nothing; a call-runtime becomes a
// plain call of the routine's function. The runtime is compiled by the
// program's own passes, parse through lower-strings, once per process (runtime_program.go); its
// binder IDs are moved above the program's, so the two never collide. Its names are its own: it imports none of the
// program's files and the program none of its.
//
//	(expr (call-runtime write 1 (str-addr "hi") 2))
//	  =>  (expr (call write#40 1 (str-addr "hi") 2))  …  (func write#40 ((fd#41 i64) …) void …)

package passes

import (
	"fmt"

	"cot/ir/ast"
	"cot/ir/pipeline"
	"cot/ir/types"
)

func importRuntime(ctx *pipeline.Ctx, prog any) (any, error) {
	p := prog.(*ast.Program)
	calls, calling := runtimeCallsByDecl(p)
	rt := runtimeProgram(ctx.Target, calls)
	if len(rt.Types) > 0 {
		panic("import-runtime: the runtime declares types, which ast.ShiftIDs does not move yet")
	}
	delta := ast.MaxID(p) // the runtime's IDs go above the program's
	routines := map[string]*ast.Func{}
	decls := map[int]ast.Decl{}
	for _, d := range rt.Decls {
		decls[d.DeclName().ID] = d
		if f, ok := d.(*ast.Func); ok {
			routines[f.Name.Name] = f
		}
	}
	routine := func(name string) *ast.Func {
		sig := ast.Runtime[name]
		f := routines[name]
		if f == nil || !sameSignature(f, sig) {
			panic(fmt.Sprintf("import-runtime: the runtime has no function %s with the signature of ast.Runtime", name))
		}
		return f
	}

	// What the program needs, transitively: the routines it calls by name, and what their
	// declarations refer to (by the runtime's IDs).
	needed := map[int]bool{}
	var need func(root ast.Node)
	mark := func(d ast.Decl) {
		if id := d.DeclName().ID; !needed[id] {
			needed[id] = true
			need(d)
		}
	}
	need = func(root ast.Node) {
		ast.Inspect(root, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.RuntimeCall:
				mark(routine(n.Name))
			case *ast.Ref:
				if d := decls[n.Name.ID]; d != nil {
					mark(d)
				}
			}
			return true
		})
	}
	for _, name := range calls { // the program's own calls: its references are not the runtime's
		mark(routine(name))
	}

	r := &ast.Rewriter{Share: true, Expr: func(r *ast.Rewriter, e ast.Expr) ast.Expr {
		rc, ok := e.(*ast.RuntimeCall)
		if !ok {
			return r.DefaultExpr(e)
		}
		f := routine(rc.Name)
		name := ast.Name{Name: f.Name.Name, ID: f.Name.ID + delta}
		return &ast.Call{At: rc.At, Typed: rc.Typed, Callee: &ast.Ref{At: rc.At, Typed: ast.Typed{T: f.Signature()}, Name: name},
			Args: r.RewriteExprs(rc.Args)}
	}}
	// Only the declarations that call the runtime are rewritten: the others would come back
	// as they are (the rewrite shares), after a walk of each.
	out := &ast.Program{Types: p.Types, Data: append([]byte(nil), p.Data...), Decls: make([]ast.Decl, 0, len(p.Decls))}
	ast.CarryIDs(out, p)
	for i, d := range p.Decls {
		if calling[i] {
			out.Decls = append(out.Decls, r.RewriteDecl(d)...)
		} else {
			out.Decls = append(out.Decls, d)
		}
	}
	n := len(out.Decls)
	for _, d := range rt.Decls {
		if needed[d.DeclName().ID] {
			out.Decls = append(out.Decls, r.RewriteDecl(ast.ShiftIDs(d, delta))...)
		}
	}
	ast.ReserveIDs(out, out.Decls[n:]...) // the moved IDs are above delta
	return out, nil
}

// sameSignature reports whether f has the parameter and result types of sig.
func sameSignature(f *ast.Func, sig ast.RuntimeSig) bool {
	if len(f.Params) != len(sig.Params) || !types.Identical(f.Result, sig.Result) {
		return false
	}
	for i, prm := range f.Params {
		if !types.Identical(prm.Type, sig.Params[i]) {
			return false
		}
	}
	return true
}

// Pass lower-builtins: no-print -> no-builtins.
//
// Spells @assert and @assert_eq with tests and runtime calls: a failed assertion writes its
// message to stderr and exits with status 134, as every runtime failure does (decisions.md
// #28), the values of @assert_eq printed as print prints them (#19). Each host builtin's result
// goes through the runtime's host_result, which turns a WASI errno into Linux's (language.md
// §10) — in the program; the runtime's own host calls see WASI's numbers. In a program that
// calls a function of the `cot` module (sockets, epoll), @fd_read, @fd_write and @fd_close are
// runtime routines that send a net fd to that module (runtime/net.cot). @alloc, @dealloc and
// @realloc are calls of the runtime's allocator. @exit, @trap and the host calls themselves stay; lower-to-wasm makes them WASI calls
// and Wasm's unreachable.
//
//	(assert c)         =>  (if c (block) (block (expr (call-runtime assert_failed))))
//	(assert-eq x y)    =>  (block (const a#8 T x) (const b#9 T y)
//	                              (if (!= a#8 b#9) (block write "error: assert_eq failed: ", print a#8,
//	                                                      write " != ", print b#9, write "\n",
//	                                                      (expr (call-runtime fail_exit)))))
//	(host fd_close 3)  =>  (call-runtime host_result (host fd_close 3))
//	                   =>  (call-runtime net_fd_close 3)        ; in a program with sockets
//	(host alloc 16)    =>  (call-runtime alloc 16)

package passes

import (
	"cot/ir/ast"
	"cot/ir/pipeline"
	"cot/ir/types"
)

func lowerBuiltins(ctx *pipeline.Ctx, prog any) (any, error) {
	p := prog.(*ast.Program)
	ids := ast.NewIDs(p)
	r := &ast.Rewriter{Share: true, Stmt: func(r *ast.Rewriter, s ast.Stmt) []ast.Stmt {
		switch s := s.(type) {
		case *ast.Assert:
			return []ast.Stmt{&ast.If{At: s.At, Cond: r.RewriteExpr(s.Cond), Then: &ast.Block{At: s.At, Stmts: []ast.Stmt{}},
				Else: &ast.Block{At: s.At, Stmts: []ast.Stmt{runtimeStmt(s.At, "assert_failed")}}}}
		case *ast.AssertEq:
			at := s.At
			x, y := r.RewriteExpr(s.X), r.RewriteExpr(s.Y)
			a, b := ast.Name{Name: "a", ID: ids.Next()}, ast.Name{Name: "b", ID: ids.Next()}
			ref := func(n ast.Name, t types.Type) ast.Expr { return &ast.Ref{At: at, Typed: ast.Typed{T: t}, Name: n} }
			differ := &ast.Binary{At: at, Typed: ast.Typed{T: types.TBool}, Op: "!=", X: ref(a, x.Type()), Y: ref(b, y.Type())}
			return []ast.Stmt{&ast.Block{At: at, Stmts: []ast.Stmt{
				&ast.VarDecl{At: at, Name: a, Const: true, Type: x.Type(), Init: x},
				&ast.VarDecl{At: at, Name: b, Const: true, Type: y.Type(), Init: y},
				&ast.If{At: at, Cond: differ, Then: &ast.Block{At: at, Stmts: []ast.Stmt{
					writeString(at, 2, "error: assert_eq failed: "), printValue(at, 2, ref(a, x.Type())),
					writeString(at, 2, " != "), printValue(at, 2, ref(b, y.Type())), writeString(at, 2, "\n"),
					runtimeStmt(at, "fail_exit")}}},
			}}}
		}
		return []ast.Stmt{r.DefaultStmt(s)}
	}}
	runtime, _ := ctx.Store[libraryKey].(bool) // the runtime's own host calls keep WASI's errnos
	// Whether the program uses sockets is known once the rewrite has seen every host call: the
	// calls that become net_fd_* in a program with sockets are noted as they are lowered
	// without, and changed at the end if it has any (instead of a walk of the program first).
	net := false
	var fdCalls []fdCall
	r.Expr = func(r *ast.Rewriter, e ast.Expr) ast.Expr {
		h, ok := e.(*ast.HostCall)
		if !ok {
			return defaultExpr(r, e)
		}
		sig := ast.HostBuiltins[h.Name]
		net = net || sig.Net
		if !runtime && netFDRoutines[h.Name] != "" {
			args := r.RewriteExprs(h.Args)
			rc := &ast.RuntimeCall{At: h.At, Typed: h.Typed}
			fdCalls = append(fdCalls, fdCall{rc, h, args})
			return rc // its fields are set below
		}
		switch {
		case sig.Routine != "":
			return &ast.RuntimeCall{At: h.At, Typed: h.Typed, Name: sig.Routine, Args: r.RewriteExprs(h.Args)}
		case sig.WASI != "" && !runtime:
			return &ast.RuntimeCall{At: h.At, Typed: h.Typed, Name: "host_result", Args: []ast.Expr{r.DefaultExpr(h)}}
		}
		return r.DefaultExpr(e)
	}
	out := r.Program(p)
	for _, c := range fdCalls {
		switch routine := ast.HostBuiltins[c.h.Name].Routine; {
		case net:
			c.rc.Name, c.rc.Args = netFDRoutines[c.h.Name], c.args
			continue
		case routine != "":
			c.rc.Name, c.rc.Args = routine, c.args
			continue
		}
		hc := *c.h // as the rewrite's default would copy it, with its arguments rewritten
		hc.Args = c.args
		c.rc.Name, c.rc.Args = "host_result", []ast.Expr{&hc}
	}
	return out, nil
}

// fdCall is a host call to fd_read, fd_write or fd_close lowered before the program is known
// to use sockets or not: its runtime call, the host call and its arguments rewritten.
type fdCall struct {
	rc   *ast.RuntimeCall
	h    *ast.HostCall
	args []ast.Expr
}

// netFDRoutines are the routines @fd_read, @fd_write and @fd_close become in a program with
// sockets.
var netFDRoutines = map[string]string{"fd_read": "net_fd_read", "fd_write": "net_fd_write", "fd_close": "net_fd_close"}

// Pass lower-print: no-short-circuit -> no-print.
//
// Replaces print/println/eprint/eprintln by calls of runtime routines chosen by the argument's
// type (decisions.md #19): integers through print_int (signed decimal), strings by writing their
// bytes, bools by writing "true" or "false". The ln forms then write "\n".
//
//	(println 1 x:i64)          =>  (expr (call-runtime print_int 1 x)) (expr (call-runtime write 1 (str-addr "\n") 1))
//	(print 2 (str "hi"))       =>  (expr (call-runtime write 2 (str-addr "hi") 2))
//	(print 1 b:bool)           =>  (if b (block (expr (call-runtime write 1 (str-addr "true") 4)))
//	                                     (block (expr (call-runtime write 1 (str-addr "false") 5))))

package passes

import (
	"fmt"

	"cot/ir/ast"
	"cot/ir/pipeline"
	"cot/ir/types"
)

func lowerPrint(_ *pipeline.Ctx, prog any) (any, error) {
	r := &ast.Rewriter{Stmt: func(r *ast.Rewriter, s ast.Stmt) []ast.Stmt {
		p, ok := s.(*ast.Print)
		if !ok {
			return []ast.Stmt{r.DefaultStmt(s)}
		}
		at := p.At
		fd := &ast.IntLit{At: at, Typed: ast.Typed{T: types.TI64}, Value: uint64(p.Fd)}
		arg := p.Args[0]
		var out []ast.Stmt
		switch arg.Type() {
		case types.TI64:
			out = append(out, runtimeStmt(at, "print_int", fd, r.RewriteExpr(arg)))
		case types.TString:
			out = append(out, writeString(at, p.Fd, arg.(*ast.StrLit).Value))
		case types.TBool:
			out = append(out, &ast.If{At: at, Cond: r.RewriteExpr(arg),
				Then: &ast.Block{At: at, Stmts: []ast.Stmt{writeString(at, p.Fd, "true")}},
				Else: &ast.Block{At: at, Stmts: []ast.Stmt{writeString(at, p.Fd, "false")}}})
		default:
			panic(fmt.Sprintf("lower-print: cannot print %v", arg.Type()))
		}
		if p.Newline {
			out = append(out, writeString(at, p.Fd, "\n"))
		}
		return out
	}}
	return r.Program(prog.(*ast.Program)), nil
}

func runtimeStmt(at ast.At, name string, args ...ast.Expr) ast.Stmt {
	return &ast.ExprStmt{At: at, X: &ast.RuntimeCall{At: at, Typed: ast.Typed{T: ast.Runtime[name].Result}, Name: name, Args: args}}
}

func writeString(at ast.At, fd int, s string) ast.Stmt {
	i64 := ast.Typed{T: types.TI64}
	return runtimeStmt(at, "write",
		&ast.IntLit{At: at, Typed: i64, Value: uint64(fd)},
		&ast.StrAddr{At: at, Typed: i64, Value: s},
		&ast.IntLit{At: at, Typed: i64, Value: uint64(len(s))})
}

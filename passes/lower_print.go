// Pass lower-print: no-optionals -> no-print.
//
// Replaces print/println/eprint/eprintln by calls of runtime routines chosen by the argument's
// type (decisions.md #19): integers through print_int (signed decimal of an i64; narrower
// integers converted to i64 first) or, for 64-bit unsigned ones, print_uint; strings by writing
// their bytes, bools through print_bool, floats through the runtime's print_f64/print_f32
// (runtime/print_float.cot), which take the value's IEEE bits. The ln forms then write "\n".
//
//	(println 1 x:i64)          =>  (expr (call-runtime print_int 1 x)) (expr (call-runtime write 1 (str-addr "\n") 1))
//	(print 1 x:u8)             =>  (expr (call-runtime print_int 1 (convert:i64 x)))
//	(print 1 x:u64)            =>  (expr (call-runtime print_uint 1 x))
//	(print 2 (str "hi"))       =>  (expr (call-runtime write 2 (str-addr "hi") 2))
//	(print 1 (interp "a=" x:i64))  =>  (expr (call-runtime write 1 (str-addr "a=") 2)) (expr (call-runtime print_int 1 x))
//	(print 1 s:string)         =>  (expr (call-runtime print_str 1 s))
//	(print 1 b:bool)           =>  (expr (call-runtime print_bool 1 b))
//	(print 1 x:f32)            =>  (expr (call-runtime print_f32 1 (float-bits:u64 x)))

package passes

import (
	"fmt"
	"strconv"

	"cot/ir/ast"
	"cot/ir/pipeline"
	"cot/ir/types"
)

func lowerPrint(_ *pipeline.Ctx, prog any) (any, error) {
	r := &ast.Rewriter{Share: true, Stmt: func(r *ast.Rewriter, s ast.Stmt) []ast.Stmt {
		p, ok := s.(*ast.Print)
		if !ok {
			return []ast.Stmt{r.DefaultStmt(s)}
		}
		at := p.At
		arg := p.Args[0]
		if lit, ok := arg.(*ast.StrLit); ok {
			arg = lit
		} else {
			arg = r.RewriteExpr(arg)
		}
		var out []ast.Stmt
		if in, ok := arg.(*ast.Interp); ok { // "a ${x} b": each part as print prints it
			for _, part := range in.Parts {
				out = append(out, printValue(at, p.Fd, part))
			}
		} else {
			out = append(out, printValue(at, p.Fd, arg))
		}
		if p.Newline {
			out = append(out, writeString(at, p.Fd, "\n"))
		}
		return out
	}}
	return r.Program(prog.(*ast.Program)), nil
}

// printValue is the statement that writes x (lowered already) to fd as print does.
func printValue(at ast.At, fd int, x ast.Expr) ast.Stmt {
	fdLit := &ast.IntLit{At: at, Typed: ast.Typed{T: types.TI64}, Value: uint64(fd)}
	switch t := x.Type(); {
	case types.IsUnsigned(t) && types.Bits(t) == 64:
		return runtimeStmt(at, "print_uint", fdLit, x)
	case types.IsInteger(t):
		return runtimeStmt(at, "print_int", fdLit, toI64(x))
	case t == types.TString:
		if lit, ok := x.(*ast.StrLit); ok {
			return writeString(at, fd, lit.Value)
		}
		return runtimeStmt(at, "print_str", fdLit, x)
	case types.IsFloat(t):
		bits := &ast.FloatBits{At: at, Typed: ast.Typed{T: types.TU64}, X: x}
		return runtimeStmt(at, "print_f"+strconv.Itoa(types.Bits(t)), fdLit, bits)
	case t == types.TBool:
		return runtimeStmt(at, "print_bool", fdLit, x)
	}
	panic(fmt.Sprintf("lower-print: cannot print %v", x.Type()))
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

// toI64 converts an integer to i64 (nothing to do for an i64).
func toI64(e ast.Expr) ast.Expr {
	if e.Type() == types.TI64 {
		return e
	}
	return &ast.Convert{At: ast.At{P: e.Pos()}, Typed: ast.Typed{T: types.TI64}, X: e}
}

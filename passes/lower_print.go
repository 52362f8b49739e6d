// Pass lower-print: no-errors -> no-print.
//
// Replaces print/println/eprint/eprintln by calls of runtime routines chosen by the argument's
// type (decisions.md #19): integers through print_int (signed decimal of an i64; narrower
// integers converted to i64 first) or, for 64-bit unsigned ones, print_uint; strings by writing
// their bytes, bools through print_bool, floats through the runtime's print_f64/print_f32
// (runtime/print_float.cot), which take the value's IEEE bits. The ln forms then write "\n".
// An interpolated string (lower_print_interp.go) prints part by part, after evaluating its
// embedded expressions; anywhere else it becomes the string the runtime builds from its parts.
//
//	(println 1 x:i64)          =>  (expr (call-runtime print_int 1 x)) (expr (call-runtime write 1 (str-addr "\n") 1))
//	(print 1 x:u8)             =>  (expr (call-runtime print_int 1 (convert:i64 x)))
//	(print 1 x:u64)            =>  (expr (call-runtime print_uint 1 x))
//	(print 2 (str "hi"))       =>  (expr (call-runtime write 2 (str-addr "hi") 2))
//	(print 1 (interp "a=" X:i64))  =>  (const v#7 i64 X) (expr (call-runtime write 1 (str-addr "a=") 2))
//	                                   (expr (call-runtime print_int 1 v#7))
//	(interp "a=" X:i64)        =>  (block:string (const v#7 i64 X) (expr (call-runtime interp_begin))
//	                                 (expr (call-runtime interp_str (str "a="))) (expr (call-runtime interp_int v#7))
//	                                 (value (call-runtime:string interp_end)))
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
	p := prog.(*ast.Program)
	l := &stringLowerer{ids: ast.NewIDs(p)}
	r := &ast.Rewriter{Share: true, Stmt: func(r *ast.Rewriter, s ast.Stmt) []ast.Stmt {
		p, ok := s.(*ast.Print)
		if !ok {
			return []ast.Stmt{r.DefaultStmt(s)}
		}
		at := p.At
		out, parts := l.interpParts(at, p.Args[0], r) // "a ${x} b": each part as print prints it
		for _, part := range parts {
			out = append(out, printValue(at, p.Fd, part))
		}
		if p.Newline {
			out = append(out, writeString(at, p.Fd, "\n"))
		}
		return out
	}, Expr: func(r *ast.Rewriter, e ast.Expr) ast.Expr {
		if in, ok := e.(*ast.Interp); ok {
			return l.interpValue(in, r)
		}
		return r.DefaultExpr(e)
	}}
	return r.Program(p), nil
}

// printValue is the statement that writes x (lowered already) to fd as print does.
func printValue(at ast.At, fd int, x ast.Expr) ast.Stmt {
	if lit, ok := x.(*ast.StrLit); ok {
		return writeString(at, fd, lit.Value)
	}
	kind, arg := formatRoutine(at, x)
	return runtimeStmt(at, "print_"+kind, &ast.IntLit{At: at, Typed: ast.Typed{T: types.TI64}, Value: uint64(fd)}, arg)
}

// formatRoutine chooses how x (lowered already) is formatted, by its type: the name of the
// routine's kind (print_KIND writes it, interp_KIND appends it to a string) and its argument.
func formatRoutine(at ast.At, x ast.Expr) (string, ast.Expr) {
	switch t := x.Type(); {
	case types.IsUnsigned(t) && types.Bits(t) == 64:
		return "uint", x
	case types.IsInteger(t):
		return "int", toI64(x)
	case t == types.TString:
		return "str", x
	case types.IsFloat(t):
		return "f" + strconv.Itoa(types.Bits(t)), &ast.FloatBits{At: at, Typed: ast.Typed{T: types.TU64}, X: x}
	case t == types.TBool:
		return "bool", x
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
	return &ast.Convert{At: ast.AtOf(e.Pos()), Typed: ast.Typed{T: types.TI64}, X: e}
}

// Pass lower-enums: no-tests -> no-enums.
//
// Gives every expression and binder of an enum type its enum's backing integer type (an enum
// value is its integer, spec §4.5), and drops the conversions that become identities. The enum
// types stay declared in the program's types section.
//
//	(var c#4 Color#1 2:Color#1)                  =>  (var c#4 i32 2:i32)
//	(convert:i64 c#4:Color#1) (backing i32)      =>  (convert:i64 c#4:i32)
//	(convert:i32 c#4:Color#1)                    =>  c#4:i32
//	18446744073709551612:Level#3 (i8, value -4)  =>  (neg:i8 4:i8)

package passes

import (
	"cot/ir/ast"
	"cot/ir/pipeline"
	"cot/ir/types"
)

// backing returns t with every enum type in it replaced by its backing type (a function's
// signature included).
func backing(t types.Type) types.Type {
	switch x := t.(type) {
	case *types.Named:
		if e, ok := x.Underlying().(*types.Enum); ok {
			return e.Backing
		}
	case *types.Optional:
		return types.OptionalOf(backing(x.Elem))
	case *types.Func:
		params := make([]types.Type, len(x.Params))
		for i, p := range x.Params {
			params[i] = backing(p)
		}
		return types.FuncOf(params, backing(x.Result))
	}
	return t
}

func lowerEnums(_ *pipeline.Ctx, prog any) (any, error) {
	// A sharing rewrite: a node that came back as it was is copied before it is changed.
	r := &ast.Rewriter{Share: true}
	r.Expr = func(r *ast.Rewriter, e ast.Expr) ast.Expr {
		x := r.DefaultExpr(e)
		if lit, ok := x.(*ast.IntLit); ok && isEnum(lit.T) && int64(lit.Value) < 0 && types.IsSigned(backing(lit.T)) {
			// A negative enum constant holds its value's bits; as an integer it is a negated literal.
			t := ast.Typed{T: backing(lit.T)}
			return &ast.Unary{At: lit.At, Typed: t, Op: "neg", X: &ast.IntLit{At: lit.At, Typed: t, Value: uint64(-int64(lit.Value))}}
		}
		if t := x.Type(); t != nil && !types.Identical(backing(t), t) {
			if x == e {
				x = ast.Clone(x)
			}
			x.(interface{ SetType(types.Type) }).SetType(backing(t))
		}
		if cv, ok := x.(*ast.Convert); ok && types.Identical(cv.X.Type(), cv.T) {
			return cv.X
		}
		return x
	}
	r.Stmt = func(r *ast.Rewriter, s ast.Stmt) []ast.Stmt {
		out := r.DefaultStmt(s)
		switch v := out.(type) {
		case *ast.VarDecl:
			if t := backing(v.Type); !types.Identical(t, v.Type) {
				if out == s {
					v = ast.Clone(v)
					out = v
				}
				v.Type = t
			}
		case *ast.Block: // a branch of an if or switch expression (DefaultBlock's blocks are fresh)
			v.T = backing(v.T)
		}
		return []ast.Stmt{out}
	}
	r.Decl = func(r *ast.Rewriter, d ast.Decl) []ast.Decl {
		out := r.DefaultDecl(d)
		switch f := out.(type) {
		case *ast.Func:
			if out == d {
				f = ast.Clone(f)
				out = f
			}
			f.Result = backing(f.Result)
			params := f.Params
			for i, p := range params {
				if t := backing(p.Type); !types.Identical(t, p.Type) {
					if &params[0] == &f.Params[0] { // still the input's list
						f.Params = append([]*ast.Param(nil), params...)
					}
					c := *p
					c.Type = t
					f.Params[i] = &c
				}
			}
		case *ast.Global:
			if t := backing(f.Type); !types.Identical(t, f.Type) {
				if out == d {
					f = ast.Clone(f)
					out = f
				}
				f.Type = t
			}
		}
		return []ast.Decl{out}
	}
	return r.Program(prog.(*ast.Program)), nil
}

package passes

// Expression rules of check-types (see check_types.go).

import (
	"fmt"

	"cot/ir/ast"
	"cot/ir/types"
)

var opSpelling = map[string]string{"neg": "-", "not": "not", "bnot": "~"}

func (c *checker) expr(e ast.Expr) ast.Expr {
	switch e := e.(type) {
	case *ast.IntLit:
		if !literalFits(e.Value, false) {
			c.diags.Errorf(e.Pos(), codeLiteralRange, "integer literal out of range")
		}
		return &ast.IntLit{At: e.At, Typed: ast.Typed{T: types.TI64}, Value: e.Value}
	case *ast.BoolLit:
		return &ast.BoolLit{At: e.At, Typed: ast.Typed{T: types.TBool}, Value: e.Value}
	case *ast.StrLit:
		c.diags.Errorf(e.Pos(), codeNotSupported, "not yet supported: string values (only as the argument of print)")
		return &ast.StrLit{At: e.At, Typed: ast.Typed{T: types.TInvalid}, Value: e.Value}
	case *ast.Ref:
		r := *e
		r.T = types.TInvalid
		switch b := c.binder(e.Name.ID); {
		case b == nil: // undefined: resolve-names reported it
		case b.kind == "func":
			c.diags.Errorf(e.Pos(), codeNotSupported, "not yet supported: function values (`%s`)", e.Name.Name)
		default:
			r.T = b.typ
		}
		return &r
	case *ast.Unary:
		u := *e
		if lit, ok := e.X.(*ast.IntLit); ok && e.Op == "neg" && literalFits(lit.Value, true) {
			// -9223372036854775808 is a valid literal (decisions.md #6).
			u.X = &ast.IntLit{At: lit.At, Typed: ast.Typed{T: types.TI64}, Value: lit.Value}
		} else {
			u.X = c.expr(e.X)
		}
		want := types.TI64
		if e.Op == "not" {
			want = types.TBool
		}
		u.T = want
		if t := u.X.Type(); t != want {
			c.mismatch(e.Pos(), "operand of `"+opSpelling[e.Op]+"`", want, t)
		}
		return &u
	case *ast.Binary:
		return c.binary(e)
	case *ast.Logical:
		l := *e
		l.X = c.expect(e.X, types.TBool, "left operand of `"+e.Op+"`")
		l.Y = c.expect(e.Y, types.TBool, "right operand of `"+e.Op+"`")
		l.T = types.TBool
		return &l
	case *ast.Call:
		return c.call(e)
	case *ast.IfExpr:
		x := *e
		x.Cond = c.cond(e.Cond)
		x.Then = c.expr(e.Then)
		x.Else = c.expr(e.Else)
		x.T = x.Then.Type()
		if !types.Identical(x.Then.Type(), x.Else.Type()) {
			c.mismatch(e.Else.Pos(), "branches of if expression", x.Then.Type(), x.Else.Type())
			x.T = types.TInvalid
		}
		if x.T == types.TVoid {
			c.diags.Errorf(e.Pos(), codeNotSupported, "not yet supported: if expression without a value")
			x.T = types.TInvalid
		}
		return &x
	}
	panic(fmt.Sprintf("check-types: unexpected expression %T", e))
}

func (c *checker) binary(e *ast.Binary) ast.Expr {
	b := *e
	b.X, b.Y = c.expr(e.X), c.expr(e.Y)
	x, y := b.X.Type(), b.Y.Type()
	switch {
	case x == types.TInvalid || y == types.TInvalid:
		b.T = types.TInvalid
		if ast.IsComparison(e.Op) {
			b.T = types.TBool
		}
	case e.Op == "==" || e.Op == "!=":
		b.T = types.TBool
		if !types.Identical(x, y) || (x != types.TI64 && x != types.TBool) {
			c.diags.Errorf(e.Pos(), codeTypeMismatch, "type mismatch: `%s` on %v and %v", e.Op, x, y)
		}
	default:
		b.T = types.TI64
		if ast.IsComparison(e.Op) {
			b.T = types.TBool
		}
		if x != types.TI64 || y != types.TI64 {
			c.diags.Errorf(e.Pos(), codeTypeMismatch, "type mismatch: `%s` on %v and %v, expected integers", e.Op, x, y)
		}
	}
	return &b
}

func (c *checker) call(e *ast.Call) ast.Expr {
	call := *e
	call.Args = nil
	for _, a := range e.Args {
		call.Args = append(call.Args, c.expr(a))
	}
	call.T = types.TInvalid
	b := c.binder(e.Func.ID)
	switch {
	case b == nil:
		return &call
	case b.kind != "func":
		c.diags.Errorf(e.Pos(), codeTypeMismatch, "cannot call non-function `%s`", e.Func.Name)
		return &call
	}
	call.T = b.fn.Result
	if len(e.Args) != len(b.fn.Params) {
		c.diags.Errorf(e.Pos(), codeTypeMismatch, "wrong number of arguments: `%s` takes %d, got %d", e.Func.Name, len(b.fn.Params), len(e.Args))
		return &call
	}
	for i, a := range call.Args {
		if want := b.fn.Params[i].Type; !types.Identical(a.Type(), want) {
			c.mismatch(e.Args[i].Pos(), fmt.Sprintf("argument %d of `%s`", i+1, e.Func.Name), want, a.Type())
		}
	}
	return &call
}

package passes

// Builtins of check-types (see check_types.go): @sizeOf/@alignOf fold to i64 constants of the
// layout of spec §3.3 (ir/types/layout.go); @exit takes an i64; @assert a bool; @assert_eq two
// printable values of one type, unified as the operands of == are.

import (
	"cot/ir/ast"
	"cot/ir/types"
)

func (c *checker) sizeOf(e *ast.SizeOf) ast.Expr {
	t := c.typeOf(e.TypeX)
	lit := &ast.IntLit{At: e.At, Typed: ast.Typed{T: types.TI64}}
	switch {
	case !hasLayout(t): // TInvalid, or a struct whose error was reported
		lit.T = types.TInvalid
	case e.Align:
		lit.Value = uint64(types.Alignof(t))
	default:
		lit.Value = uint64(types.Sizeof(t))
	}
	return lit
}

func (c *checker) builtinStmt(s ast.Stmt) ast.Stmt {
	switch s := s.(type) {
	case *ast.Trap:
		return s
	case *ast.Exit:
		return &ast.Exit{At: s.At, Code: c.assign(s.Code, types.TI64, "argument 1 of `@exit`")}
	case *ast.Assert:
		return &ast.Assert{At: s.At, Cond: c.assign(s.Cond, types.TBool, "argument 1 of `@assert`")}
	case *ast.AssertEq:
		// A failing @assert_eq prints both values, so they must be printable: optionals and
		// pointers, which compare only with null or each other, are asserted with @assert.
		before := len(c.diags.List)
		cmp := c.binary(&ast.Binary{At: s.At, Op: "==", X: s.X, Y: s.Y}, nil)
		eq, isEq := cmp.(*ast.Binary)
		switch {
		case len(c.diags.List) > before || cmp.Type() == types.TInvalid: // reported
		case !isEq: // an optional against null
			c.diags.Errorf(s.Pos(), codeTypeMismatch, "type mismatch: `@assert_eq` compares values print can print, not optionals (write `@assert(o == null)`)")
		case !printable(eq.X.Type()) && eq.X.Type() != types.TInvalid:
			c.diags.Errorf(s.Pos(), codeTypeMismatch, "type mismatch: `@assert_eq` compares values print can print, not %v (write `@assert(a == b)`)", eq.X.Type())
		}
		// The checked operands stay in the tree after an error too: tools (the LSP's index)
		// find their names there.
		if isEq {
			return &ast.AssertEq{At: s.At, X: eq.X, Y: eq.Y}
		}
		return &ast.Assert{At: s.At, Cond: cmp}
	}
	return nil
}

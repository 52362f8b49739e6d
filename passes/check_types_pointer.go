package passes

// Pointers of check-types (see check_types.go), spec §6.7 and §10: `&x` of a variable, `p.*`
// as a value and as an assignment target, and the conversions @intToPtr(*T, addr),
// @ptrCast(*T, p) and @ptrToInt(p), which become convert nodes (a pointer is a 64-bit address,
// spec §9.1, so each conversion keeps the bits); `p + n` and `p - n` of a *T and an integer
// move p by n elements (§6.2), spelled out on the address.
//
//	(addr-of x#3)                  => (addr-of:(ptr i64) x#3:i64)
//	(cast @intToPtr (ptr u8) a#4)  => (convert:(ptr u8) a#4:i64)
//	(cast @ptrToInt p#5)           => (convert:i64 p#5:(ptr u8))
//	(+ p#5 n#6)                    => (convert:(ptr i32) (+:i64 (convert:i64 p#5) (*:i64 n#6 4:i64)))

import (
	"cot/ir/ast"
	"cot/ir/types"
)

// memoryExpr checks a pointer expression, or returns nil for another kind.
func (c *checker) memoryExpr(e ast.Expr, want types.Type) ast.Expr {
	switch e := e.(type) {
	case *ast.AddrOf:
		return c.addrOf(e)
	case *ast.Deref:
		d := &ast.Deref{At: e.At, X: c.expr(e.X, nil), Typed: ast.Typed{T: types.TInvalid}}
		switch t := d.X.Type(); {
		case t == types.TInvalid:
		case isPointer(t):
			d.T = t.(*types.Pointer).Elem
		default:
			c.diags.Errorf(e.Pos(), codeTypeMismatch, "type mismatch: `.*` on %v, expected a pointer", t)
		}
		return d
	case *ast.Cast:
		return c.ptrCast(e)
	case *ast.StructLit:
		return c.structLit(e, want)
	case *ast.Zero:
		return c.zero(e, want)
	case *ast.ArrayLit:
		return c.arrayLit(e, want)
	case *ast.TupleLit:
		return c.tupleLit(e, want)
	case *ast.Index:
		return c.index(e)
	case *ast.SliceExpr:
		return c.sliceExpr(e)
	case *ast.Append:
		return c.appendExpr(e)
	}
	return nil
}

func isIndex(e ast.Expr) bool {
	_, ok := e.(*ast.Index)
	return ok
}

func isDeref(e ast.Expr) bool {
	_, ok := e.(*ast.Deref)
	return ok
}

func isPointer(t types.Type) bool {
	_, ok := t.(*types.Pointer)
	return ok
}

// addrOf checks &x: x must be a variable, parameter or global (a constant has no address).
func (c *checker) addrOf(e *ast.AddrOf) ast.Expr {
	x := c.expr(e.X, nil)
	a := &ast.AddrOf{At: e.At, X: x, Typed: ast.Typed{T: types.TInvalid}}
	if x.Type() == types.TInvalid {
		return a
	}
	root, ok := lvalueRoot(x)
	if !ok {
		c.diags.Errorf(e.Pos(), codeTypeMismatch, "type mismatch: `&` needs a variable, found %s", describe(x))
		return a
	}
	if b := c.binderOf(root); b != nil && b.kind == "const" {
		c.diags.Errorf(e.Pos(), codeTypeMismatch, "type mismatch: cannot take the address of constant `%s`", root.Name.Name)
		return a
	}
	a.T = types.PointerTo(x.Type())
	return a
}

// binderOf returns the binder a reference names, or nil for no reference.
func (c *checker) binderOf(r *ast.Ref) *checkedBinder {
	if r == nil {
		return nil
	}
	return c.binder(r.Name.ID)
}

// describe names the kind of a value that cannot stand where a variable is needed.
func describe(x ast.Expr) string {
	switch x.(type) {
	case *ast.IntLit, *ast.BoolLit:
		return "a literal"
	case *ast.Call:
		return "a call result"
	}
	return "a computed value"
}

// ptrCast checks @intToPtr(*T, addr), @ptrCast(*T, p) and @ptrToInt(p).
func (c *checker) ptrCast(e *ast.Cast) ast.Expr {
	x := c.expr(e.X, nil)
	conv := &ast.Convert{At: e.At, X: x, Typed: ast.Typed{T: types.TInvalid}}
	want := types.Type(types.TI64)
	if e.TypeX != nil {
		want = c.typeOf(e.TypeX)
		if want != types.TInvalid && !isPointer(want) {
			c.diags.Errorf(e.TypeX.Pos(), codeTypeMismatch, "type mismatch: `%s` converts to a pointer type, not %v", e.Builtin, want)
			return conv
		}
	}
	xt := x.Type()
	switch {
	case xt == types.TInvalid || want == types.TInvalid:
		return conv
	case e.Builtin == "@intToPtr" && !types.IsInteger(xt):
		c.diags.Errorf(e.X.Pos(), codeTypeMismatch, "type mismatch: argument 2 of `@intToPtr`: expected an integer, found %v", xt)
		return conv
	case e.Builtin == "@ptrCast" && !isPointer(xt):
		c.diags.Errorf(e.X.Pos(), codeTypeMismatch, "type mismatch: argument 2 of `@ptrCast`: expected a pointer, found %v", xt)
		return conv
	case e.Builtin == "@ptrToInt" && !isPointer(xt):
		c.diags.Errorf(e.X.Pos(), codeTypeMismatch, "type mismatch: argument of `@ptrToInt`: expected a pointer, found %v", xt)
		return conv
	}
	if types.Identical(x.Type(), want) {
		return x
	}
	conv.X, conv.T = x, want
	return conv
}

// pointerArith spells out `p + n` and `p - n` of a pointer p (*T) and an integer n, both
// checked: the address moves by n·sizeof(T) (spec §6.2). It returns nil for other operands.
func pointerArith(b *ast.Binary) ast.Expr {
	p, ok := b.X.Type().(*types.Pointer)
	if !ok || (b.Op != "+" && b.Op != "-") || !types.IsInteger(b.Y.Type()) {
		return nil
	}
	at := b.At
	i64 := func(x ast.Expr) ast.Expr {
		if x.Type() == types.TI64 {
			return x
		}
		return &ast.Convert{At: at, Typed: ast.Typed{T: types.TI64}, X: x}
	}
	size := &ast.IntLit{At: at, Typed: ast.Typed{T: types.TI64}, Value: uint64(sizeOf(p.Elem))}
	step := &ast.Binary{At: at, Typed: ast.Typed{T: types.TI64}, Op: "*", X: i64(b.Y), Y: size}
	addr := &ast.Binary{At: at, Typed: ast.Typed{T: types.TI64}, Op: b.Op, X: i64(b.X), Y: step}
	return &ast.Convert{At: at, Typed: ast.Typed{T: p}, X: addr}
}

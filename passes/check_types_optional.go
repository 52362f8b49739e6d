package passes

// Optionals of check-types (see check_types.go), spec §6.6, §8 and decisions.md #9: null takes
// its expected type (an optional, or a pointer: address 0); a T where a ?T is expected is wrapped
// by a convert (after T's own implicit conversion); `.?` and `??` want an optional; `o == null`
// and `o != null` become has-value tests; `x?.f` (parse_optional.go) is an if expression whose
// else branch is null, typed ?F (F the field's type, or F itself when F is an optional).
//
//	(null) want (opt i64)              => (null:(opt i64))
//	(null) want (ptr u8)               => (convert:(ptr u8) 0:i64)
//	x#3:i32 want (opt i64)             => (convert:(opt i64) (convert:i64 x#3:i32))
//	(== o#4 (null))                    => (not:bool (has-value:bool o#4:(opt i64)))
//	(orelse o#4 7)                     => (orelse:i64 o#4:(opt i64) 7:i64)

import (
	"cot/ir/ast"
	"cot/ir/types"
)

func isOptional(t types.Type) bool {
	_, ok := t.(*types.Optional)
	return ok
}

// literalWant gives a literal expected to be a ?T (or E!T, E!?T…) the expected type T, so
// `var o: ?u8 = 200` types 200 as a u8 and `[1, 2]` expected as an E![2]i32 is a [2]i32.
func literalWant(e ast.Expr, want types.Type) types.Type {
	var elem types.Type
	switch w := want.(type) {
	case *types.Optional:
		elem = w.Elem
	case *types.ErrorUnion: // the same for E!T
		elem = w.Payload
	default:
		return want
	}
	switch e := e.(type) {
	case *ast.IntLit, *ast.FloatLit, *ast.CharLit, *ast.ArrayLit:
		return literalWant(e, elem) // through every level: 5 into an E!?i8 is an i8
	case *ast.NullLit:
		if isErrorUnion(want) { // null into an E!?T
			return elem
		}
	case *ast.Unary:
		if e.Op == "neg" {
			return literalWant(e, elem)
		}
	}
	return want
}

// wrapOptional converts x (a value assignable to o's payload type) to the optional o.
func (c *checker) wrapOptional(x ast.Expr, o *types.Optional, what string) ast.Expr {
	return &ast.Convert{At: ast.AtOf(x.Pos()), Typed: ast.Typed{T: o}, X: c.convert(x, o.Elem, what)}
}

// optionalExpr checks an optional node, or returns nil for another kind.
func (c *checker) optionalExpr(e ast.Expr, want types.Type) ast.Expr {
	switch e := e.(type) {
	case *ast.NullLit:
		switch w := want.(type) {
		case *types.Optional:
			return &ast.NullLit{At: e.At, Typed: ast.Typed{T: w}}
		case *types.Pointer:
			zero := &ast.IntLit{At: e.At, Typed: ast.Typed{T: types.TI64}}
			return &ast.Convert{At: e.At, Typed: ast.Typed{T: w}, X: zero}
		}
		switch {
		case want == nil:
			c.diags.Errorf(e.Pos(), codeTypeMismatch, "type mismatch: null needs an optional or pointer type from its context")
		case want != types.TInvalid:
			c.diags.Errorf(e.Pos(), codeTypeMismatch, "type mismatch: expected %v, found null (only optionals and pointers are null)", want)
		}
		return &ast.NullLit{At: e.At, Typed: ast.Typed{T: types.TInvalid}}
	case *ast.HasValue:
		op := "`if (x) |v|`"
		if r, ok := e.X.(*ast.Ref); ok && r.Name.Name == optChainTemp {
			op = "`?.`"
		}
		x, o := c.optionalOperand(e.X, op)
		t := types.Type(types.TBool)
		if o == nil {
			t = types.TInvalid
		}
		return &ast.HasValue{At: e.At, Typed: ast.Typed{T: t}, X: x}
	case *ast.Unwrap:
		if r, ok := e.X.(*ast.Ref); ok && (r.Name.Name == optTemp || r.Name.Name == optChainTemp) && !isOptional(c.expr(r, nil).Type()) {
			// The payload of `if (x) |v|` or `x?.f`: has-value reported a subject that is not optional.
			return &ast.Unwrap{At: e.At, Typed: ast.Typed{T: types.TInvalid}, X: c.expr(r, nil)}
		}
		x, o := c.optionalOperand(e.X, "`.?`")
		u := &ast.Unwrap{At: e.At, Typed: ast.Typed{T: types.TInvalid}, X: x}
		if o != nil {
			u.T = o.Elem
		}
		return u
	case *ast.OrElse:
		x, o := c.optionalOperand(e.X, "`??`")
		r := &ast.OrElse{At: e.At, Typed: ast.Typed{T: types.TInvalid}, X: x}
		if o == nil {
			r.Y = c.expr(e.Y, nil)
			return r
		}
		if y := c.expr(e.Y, o.Elem); types.Identical(y.Type(), o) {
			r.Y, r.T = y, o // a ?? b with b optional: the result is optional too
		} else {
			r.Y, r.T = c.convert(y, o.Elem, "right operand of `??`"), o.Elem
		}
		return r
	}
	return nil
}

// optionalOperand checks the operand of an optional operator; o is nil (and the error reported)
// when it is not an optional.
func (c *checker) optionalOperand(e ast.Expr, op string) (ast.Expr, *types.Optional) {
	x := c.expr(e, nil)
	if o, ok := x.Type().(*types.Optional); ok {
		return x, o
	}
	if x.Type() != types.TInvalid {
		c.diags.Errorf(e.Pos(), codeTypeMismatch, "type mismatch: %s wants an optional, found %v", op, x.Type())
	}
	return x, nil
}

// optionalCompare turns `o == null` and `o != null` (either order) into has-value tests; any
// other comparison of an optional is a type mismatch. It returns nil when neither operand is an
// optional.
func (c *checker) optionalCompare(b *ast.Binary) ast.Expr {
	xo, yo := isOptional(b.X.Type()), isOptional(b.Y.Type())
	if !xo && !yo {
		return nil
	}
	_, xnull := b.X.(*ast.NullLit)
	_, ynull := b.Y.(*ast.NullLit)
	opt := b.X
	if xnull {
		opt = b.Y
	}
	if (b.Op != "==" && b.Op != "!=") || xnull == ynull || !isOptional(opt.Type()) {
		c.diags.Errorf(b.Pos(), codeTypeMismatch, "type mismatch: `%s` on %v and %v (an optional compares only with null; unwrap it with `.?`, `??` or `if (o) |v|`)", b.Op, b.X.Type(), b.Y.Type())
		return &ast.BoolLit{At: b.At, Typed: ast.Typed{T: types.TInvalid}}
	}
	var out ast.Expr = &ast.HasValue{At: b.At, Typed: ast.Typed{T: types.TBool}, X: opt}
	if b.Op == "==" {
		out = &ast.Unary{At: b.At, Typed: ast.Typed{T: types.TBool}, Op: "not", X: out}
	}
	return out
}

// optionalBranches returns the optional type an if expression whose then branch has type t takes
// when t is a payload and the context or the else branch wants its optional (`if (c) 5 else
// null`), or nil.
func optionalBranches(want, els, t types.Type) types.Type {
	want = errorUnionPayload(want)
	if isOptional(t) || t == types.TInvalid {
		return nil
	}
	for _, o := range []types.Type{want, els} {
		if isOptional(o) && types.AssignableTo(t, o) {
			return o
		}
	}
	return nil
}

// elseWant is the type the else branch els (nil: an else-if) of an if expression is checked
// against: the then branch's type t, or the context's optional when t is its payload, or ?t when
// the else branch is a bare null (`if (c) 5 else null`, and `x?.f`).
func elseWant(want, t types.Type, els *ast.Block) types.Type {
	want = errorUnionPayload(want)
	if isOptional(want) && !isOptional(t) {
		return want
	}
	if els == nil || len(els.Stmts) != 0 || t == types.TInvalid || isOptional(t) || !supportedType(t) {
		return t
	}
	if _, null := els.Value.(*ast.NullLit); null {
		return types.OptionalOf(t)
	}
	return t
}

// errorUnionPayload is T for an expected E!T (an if or switch expression there yields a T, which
// the context wraps: `return if (c) { x } else { null }` in an E!?i64 function is a ?i64), else
// want itself.
func errorUnionPayload(want types.Type) types.Type {
	if u, ok := want.(*types.ErrorUnion); ok {
		return u.Payload
	}
	return want
}

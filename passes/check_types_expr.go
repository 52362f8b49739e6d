package passes

// Expressions of check-types (see check_types.go). expr takes the type the context expects
// (nil: none); literals take it when their value fits, every other expression ignores it and the
// caller converts or reports (assign).

import (
	"fmt"

	"cot/ir/ast"
	"cot/ir/types"
)

var opSpelling = map[string]string{"neg": "-", "not": "not", "bnot": "~"}

func (c *checker) expr(e ast.Expr, want types.Type) ast.Expr {
	want = literalWant(e, want)
	switch e := e.(type) {
	case *ast.IntLit:
		return c.intLit(e, want, false)
	case *ast.FloatLit:
		return c.floatLit(e, want)
	case *ast.FloatOp:
		return c.floatOp(e, want)
	case *ast.CharLit:
		if !types.IsInteger(want) || types.IsUntyped(want) {
			want = types.TU8 // a character is a u8 unless its context wants another integer type
		}
		return c.intLit(&ast.IntLit{At: e.At, Value: uint64(e.Value)}, want, false)
	case *ast.IntCast:
		return c.intCast(e)
	case *ast.BoolLit:
		return &ast.BoolLit{At: e.At, Typed: ast.Typed{T: types.TBool}, Value: e.Value}
	case *ast.Ref:
		return c.ref(e)
	case *ast.Unary:
		return c.unary(e, want)
	case *ast.Binary:
		return c.binary(e, want)
	case *ast.Logical:
		l := *e
		l.X = c.assign(e.X, types.TBool, "left operand of `"+e.Op+"`")
		l.Y = c.assign(e.Y, types.TBool, "right operand of `"+e.Op+"`")
		l.T = types.TBool
		return &l
	case *ast.Call:
		if u, ok := c.unionCall(e); ok {
			return u
		}
		return c.call(e)
	case *ast.If:
		return c.ifExpr(e, want)
	case *ast.Block:
		return c.blockExpr(e, want)
	case *ast.Switch:
		return c.switchExpr(e, want)
	case *ast.SizeOf:
		return c.sizeOf(e)
	case *ast.Comptime:
		return c.comptimeExpr(e, want)
	case *ast.Await:
		return c.await(e) // check_types_async.go
	case *ast.HostCall:
		return c.hostCall(e)
	case *ast.FuncLit:
		return c.funcLit(e) // check_types_closure.go
	case *ast.Member:
		if u, ok := c.unionMember(e, want); ok {
			return u
		}
		if x := c.stringMember(e); x != nil {
			return x
		}
		return c.member(e)
	}
	if x := c.stringExpr(e); x != nil {
		return x
	}
	if x := c.memoryExpr(e, want); x != nil {
		return x
	}
	if x := c.errorExpr(e, want); x != nil {
		return x
	}
	if x := c.optionalExpr(e, want); x != nil {
		return x
	}
	if x := c.newExpr(e); x != nil { // check_types_new.go
		return x
	}
	panic(fmt.Sprintf("check-types: unexpected expression %T", e))
}

// intLit types an integer literal: the expected integer type when there is one, else i64 (u64
// when only u64 holds it). A
// literal that does not fit is an error (decisions.md #6); negated tells that a minus sign
// directly precedes it.
func (c *checker) intLit(e *ast.IntLit, want types.Type, negated bool) ast.Expr {
	if types.IsFloat(want) && !types.IsUntyped(want) {
		return intLitAsFloat(e, want)
	}
	t := types.Type(types.TI64)
	switch {
	case types.IsInteger(want) && !types.IsUntyped(want) && want != types.TError: // a number is no error
		t = want
	case !negated && e.Value > 1<<63-1:
		t = types.TU64 // an untyped literal must fit i64 or u64 (decisions #6)
	}
	neg, max := types.IntRange(t)
	if negated && e.Value > neg || !negated && e.Value > max { // `-1` fits no unsigned type
		c.diags.Errorf(e.Pos(), codeLiteralRange, "integer literal out of range: %s does not fit %v", literalText(e.Value, negated), t)
	}
	return &ast.IntLit{At: e.At, Typed: ast.Typed{T: t}, Value: e.Value}
}

func literalText(v uint64, negated bool) string {
	if negated {
		return fmt.Sprintf("-%d", v)
	}
	return fmt.Sprint(v)
}

func (c *checker) ref(e *ast.Ref) ast.Expr {
	r := *e
	r.T = types.TInvalid
	switch b := c.binder(e.Name.ID); {
	case c.named[e.Name.ID] != nil || c.aliases[e.Name.ID] != nil:
		c.diags.Errorf(e.Pos(), codeTypeMismatch, "type mismatch: `%s` is a type, not a value", e.Name.Name)
	case b == nil && c.genericRef(e): // check_types_generic.go
	case b == nil: // undefined: resolve-names reported it
	case b.kind == "func":
		return c.funcRef(e, b) // check_types_closure.go
	default:
		r.T = b.typ
	}
	return &r
}

func (c *checker) unary(e *ast.Unary, want types.Type) ast.Expr {
	u := *e
	lit, negLit := e.X.(*ast.IntLit)
	negLit = negLit && e.Op == "neg"
	if negLit {
		l := *lit
		l.At = e.At // a diagnostic points at the minus sign, part of the literal (#6)
		u.X = c.intLit(&l, want, true)
	} else if e.Op == "not" {
		u.X = c.assign(e.X, types.TBool, "operand of `not`")
	} else {
		u.X = errorNumber(c, c.expr(e.X, want)) // check_types_binary.go
	}
	u.T = u.X.Type()
	switch t := u.T; {
	case e.Op == "not" || t == types.TInvalid:
	case e.Op == "neg" && types.IsFloat(t):
	case !types.IsInteger(t):
		c.diags.Errorf(e.Pos(), codeTypeMismatch, "type mismatch: operand of `%s`: expected an integer, found %v", opSpelling[e.Op], t)
		u.T = types.TInvalid
	case e.Op == "neg" && types.IsUnsigned(t) && !negLit: // a negated literal: intLit reported it
		c.diags.Errorf(e.Pos(), codeTypeMismatch, "type mismatch: operand of `-`: expected a signed integer, found %v", t)
	}
	return &u
}

// isLiteral reports whether e is an integer literal, possibly negated: its type comes from the
// other operand.
func isLiteral(e ast.Expr) bool {
	if u, ok := e.(*ast.Unary); ok && u.Op == "neg" {
		e = u.X
	}
	switch e.(type) {
	case *ast.IntLit, *ast.FloatLit:
		return true
	}
	return false
}

// isFloatLiteral reports whether e is a float literal, possibly negated.
func isFloatLiteral(e ast.Expr) bool {
	if u, ok := e.(*ast.Unary); ok && u.Op == "neg" {
		e = u.X
	}
	_, ok := e.(*ast.FloatLit)
	return ok
}

// ifExpr checks an if expression: the branches' values have one type, the then branch's (a
// literal there takes the else branch's type), the else branch's converted to it.
func (c *checker) ifExpr(e *ast.If, want types.Type) ast.Expr {
	cond := c.cond(e.Cond)
	if folded := c.foldedIfExpr(e, cond, want); folded != nil { // check_types_comptime.go
		return folded
	}
	x := &ast.If{At: e.At, Cond: cond, Then: c.valueBlock(e.Then, want)}
	if x.Then.T == types.TVoid {
		c.diags.Errorf(e.Pos(), codeTypeMismatch, "type mismatch: the branches of an if expression need values, found void")
		x.T = types.TInvalid
	}
	// t is nil when the then branch jumps: it takes the else branch's type. ew is the type the
	// else branch is expected to have.
	t := x.Then.T
	ew := func(b *ast.Block) types.Type {
		if t == nil {
			return want
		}
		return elseWant(want, t, b)
	}
	var els ast.Expr
	switch b := e.Else.(type) {
	case *ast.Block:
		els = c.valueBlock(b, ew(b))
	case *ast.If:
		els = c.ifExpr(b, ew(nil))
	}
	switch {
	case t == nil && leaves(els):
		c.diags.Errorf(e.Pos(), codeTypeMismatch, "type mismatch: an if expression needs a branch with a value, every branch jumps")
		t = types.TInvalid
		c.settleJump(x.Then, t)
		c.settleJump(els.(*ast.Block), t)
	case t == nil:
		t = els.Type()
		c.settleJump(x.Then, t)
	case leaves(els):
		c.settleJump(els.(*ast.Block), t)
	}
	if len(e.Then.Stmts) == 0 && isLiteral(e.Then.Value) && !types.Identical(t, els.Type()) {
		x.Then = c.valueBlock(e.Then, els.Type())
		t = x.Then.Type()
	}
	if ot := optionalBranches(want, els.Type(), t); ot != nil {
		x.Then.Value, x.Then.T, t = c.convert(x.Then.Value, ot, "branches of if expression"), ot, ot
	}
	if x.T == nil {
		x.T = t
	}
	switch b := els.(type) {
	case *ast.Block:
		b.Value = c.convert(b.Value, t, branchesOf(e)) // check_types_error.go
		b.T = t
		x.Else = b
	case *ast.If:
		if v := c.convert(b, t, "branches of if expression"); v != ast.Expr(b) {
			x.Else = &ast.Block{At: b.At, Typed: ast.Typed{T: t}, Stmts: []ast.Stmt{}, Value: v}
		} else {
			x.Else = b
		}
	}
	return x
}

// valueBlock checks a block expression: its statements, then its value with the expected type.
func (c *checker) valueBlock(b *ast.Block, want types.Type) *ast.Block {
	if divergesBlock(b) {
		return c.divergingBlock(b)
	}
	out := c.block(b)
	out.Value = c.expr(b.Value, want)
	out.T = out.Value.Type()
	return out
}

// intCast checks @intCast(T, x): an integer (or an enum's value) converted to the integer type T,
// wrapping; conversions from and to floats are castFloat's (check_types_float.go).
func (c *checker) intCast(e *ast.IntCast) ast.Expr {
	t := c.typeOf(e.TypeX)
	x := c.expr(e.X, nil)
	switch xt := x.Type(); {
	case t == types.TInvalid || xt == types.TInvalid:
		return &ast.Convert{At: e.At, Typed: ast.Typed{T: types.TInvalid}, X: x}
	case types.IsFloat(t) || types.IsFloat(xt):
		if cast, ok := castFloat(e, t, x, xt); ok {
			return cast
		}
		if !types.IsNumeric(t) {
			c.diags.Errorf(e.TypeX.Pos(), codeTypeMismatch, "type mismatch: `@intCast` converts to a numeric type, not %v", t)
		} else {
			c.diags.Errorf(e.X.Pos(), codeTypeMismatch, "type mismatch: argument 2 of `@intCast`: expected a number, found %v", xt)
		}
	case !types.IsInteger(t):
		c.diags.Errorf(e.TypeX.Pos(), codeTypeMismatch, "type mismatch: `@intCast` converts to a numeric type, not %v", t)
	case !types.IsInteger(xt) && !isEnum(xt):
		c.diags.Errorf(e.X.Pos(), codeTypeMismatch, "type mismatch: argument 2 of `@intCast`: expected an integer, found %v", xt)
	case types.Identical(t, xt):
		return x
	default:
		return &ast.Convert{At: e.At, Typed: ast.Typed{T: t}, X: x}
	}
	return &ast.Convert{At: e.At, Typed: ast.Typed{T: types.TInvalid}, X: x}
}

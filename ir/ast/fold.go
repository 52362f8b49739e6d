package ast

// Constant folding of typed expressions (spec §12, docs/decisions.md "compile-time evaluation").
// Fold computes what an expression evaluates to at run time when that needs no run time:
// literals, names of folded constants (through lookup), unary and binary operators, and/or,
// numeric conversions, an if expression with a folded condition, a block with only a value.
// Every operator is the reference interpreter's (interp_expr.go, interp_float.go), which the
// differential suite holds to the Wasm engines, so folding matches run time bit for bit:
// wrapping at the type's width, a logical `>>`, unsigned division. An operation that traps at
// run time (division by zero, i64 min / -1) does not fold; neither does a float result that
// no literal spells the same (NaN, an infinity, -0.0).

import (
	"math"

	"cot/ir/types"
)

// Fold returns the literal e evaluates to — an IntLit (a negated one for a negative value of
// a signed type), BoolLit, FloatLit or StrLit of e's type at e's position — or nil when e does
// not fold. lookup gives the folded value of a constant by binder ID, or nil.
func Fold(e Expr, lookup func(id int) Expr) Expr {
	v, ok := fold(e, lookup)
	if !ok {
		return nil
	}
	return v.literal(At{P: e.Pos()})
}

// constant is a folded value: an integer or bool (bits in the interpreter's representation of
// t, bool as 0/1), a float (its bits) or a string.
type constant struct {
	t    types.Type
	bits int64
	str  string
}

func fold(e Expr, lookup func(int) Expr) (c constant, ok bool) {
	defer func() {
		if r := recover(); r != nil {
			if _, trap := r.(trapSignal); !trap {
				panic(r)
			}
			ok = false // the operation traps at run time: not a constant
		}
	}()
	return foldExpr(e, lookup)
}

func foldExpr(e Expr, lookup func(int) Expr) (constant, bool) {
	t := e.Type()
	switch e := e.(type) {
	case *IntLit:
		return constant{t: t, bits: norm(int64(e.Value), t)}, types.IsInteger(t) && !types.IsUntyped(t)
	case *BoolLit:
		return constant{t: t, bits: b2i(e.Value)}, t == types.TBool
	case *FloatLit:
		return constant{t: t, bits: floatBits(e.Value, t)}, types.IsFloat(t)
	case *StrLit:
		return constant{t: t, str: e.Value}, t == types.TString
	case *Ref:
		if v := lookup(e.Name.ID); v != nil && types.Identical(v.Type(), t) {
			return foldExpr(v, lookup)
		}
	case *Unary:
		x, ok := foldExpr(e.X, lookup)
		if !ok || isString(x.t) {
			return constant{}, false
		}
		switch {
		case types.IsFloat(t) && e.Op == "neg":
			return constant{t: t, bits: x.bits ^ int64(1)<<(types.Bits(t)-1)}, true
		case types.IsFloat(t):
		case e.Op == "neg":
			return constant{t: t, bits: norm(-x.bits, t)}, true
		case e.Op == "bnot":
			return constant{t: t, bits: norm(^x.bits, t)}, true
		case e.Op == "not":
			return constant{t: t, bits: b2i(x.bits == 0)}, true
		}
	case *Binary:
		return foldBinary(e, lookup)
	case *Logical:
		x, ok := foldExpr(e.X, lookup)
		if !ok {
			return constant{}, false
		}
		if (e.Op == "and") == (x.bits == 0) {
			return x, true
		}
		return foldExpr(e.Y, lookup)
	case *Convert:
		x, ok := foldExpr(e.X, lookup)
		from := e.X.Type()
		switch {
		case !ok || !numeric(from) || !numeric(t):
		case types.IsFloat(from) || types.IsFloat(t):
			return constant{t: t, bits: convertNumber(x.bits, from, t)}, true
		default:
			return constant{t: t, bits: norm(x.bits, t)}, true
		}
	case *If:
		cond, ok := foldExpr(e.Cond, lookup)
		if !ok || !e.HasValue() {
			return constant{}, false
		}
		if cond.bits != 0 {
			return foldExpr(e.Then, lookup)
		}
		if els, isExpr := e.Else.(Expr); isExpr {
			return foldExpr(els, lookup)
		}
	case *Block:
		if len(e.Stmts) == 0 && e.Value != nil {
			return foldExpr(e.Value, lookup)
		}
	}
	return constant{}, false
}

func foldBinary(e *Binary, lookup func(int) Expr) (constant, bool) {
	x, okx := foldExpr(e.X, lookup)
	y, oky := foldExpr(e.Y, lookup)
	if !okx || !oky {
		return constant{}, false
	}
	if isString(x.t) || isString(y.t) {
		switch {
		case !isString(x.t) || !isString(y.t):
		case e.Op == "==":
			return constant{t: types.TBool, bits: b2i(x.str == y.str)}, true
		case e.Op == "!=":
			return constant{t: types.TBool, bits: b2i(x.str != y.str)}, true
		}
		return constant{}, false
	}
	if !numeric(x.t) && x.t != types.TBool {
		return constant{}, false
	}
	return constant{t: e.Type(), bits: (*interp)(nil).binary(e.Op, x.t, x.bits, y.bits)}, true
}

func numeric(t types.Type) bool {
	return (types.IsInteger(t) || types.IsFloat(t)) && !types.IsUntyped(t)
}

func isString(t types.Type) bool { return t == types.TString }

// literal spells a folded value as a literal node, or returns nil for a float no literal
// spells the same.
func (c constant) literal(at At) Expr {
	ty := Typed{T: c.t}
	switch {
	case c.t == types.TBool:
		return &BoolLit{At: at, Typed: ty, Value: c.bits != 0}
	case isString(c.t):
		return &StrLit{At: at, Typed: ty, Value: c.str}
	case types.IsFloat(c.t):
		f := floatValue(c.bits, c.t)
		if math.IsNaN(f) || math.IsInf(f, 0) || f == 0 && math.Signbit(f) {
			return nil
		}
		if f < 0 {
			return &Unary{At: at, Typed: ty, Op: "neg", X: &FloatLit{At: at, Typed: ty, Value: -f}}
		}
		return &FloatLit{At: at, Typed: ty, Value: f}
	case types.IsSigned(c.t) && c.bits < 0:
		return &Unary{At: at, Typed: ty, Op: "neg", X: &IntLit{At: at, Typed: ty, Value: uint64(-c.bits)}}
	}
	return &IntLit{At: at, Typed: ty, Value: uint64(c.bits) & widthMask(c.t)}
}

func widthMask(t types.Type) uint64 {
	return ^uint64(0) >> (64 - types.Bits(t))
}

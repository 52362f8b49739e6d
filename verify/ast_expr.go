package verify

// Expression rules of the ast verifier (see the invariant list in ast.go).

import (
	"fmt"

	"cot/ir/ast"
	"cot/ir/types"
)

// arith checks the operand types of an arithmetic, bitwise or shift operator.
func (v *astVerifier) arith(at ast.Node, op string, x, y types.Type) {
	if !v.typed || x == nil || y == nil {
		return
	}
	if !(types.IsInteger(x) || floatOperand(op, x)) || !types.Identical(x, y) {
		v.errorf(at, "operator %s on %v and %v", op, x, y)
	}
}

// intLit checks that an integer literal fits its type; negated says a minus sign precedes it.
func (v *astVerifier) intLit(e *ast.IntLit, negated bool) {
	if !v.typed || e.T == nil {
		return
	}
	t := e.T
	if en, ok := types.Underlying(t).(*types.Enum); ok {
		// An enum constant holds its value's bits (negative values included).
		neg, max := types.IntRange(en.Backing)
		if types.IsSigned(en.Backing) && (int64(e.Value) < 0 && uint64(-int64(e.Value)) > neg || int64(e.Value) >= 0 && e.Value > max) ||
			!types.IsSigned(en.Backing) && e.Value > max {
			v.errorf(e, "enum constant %d does not fit %v", int64(e.Value), en.Backing)
		}
		return
	}
	if !types.IsInteger(t) || types.IsUntyped(t) {
		v.errorf(e, "integer literal of type %v", e.T)
		return
	}
	if neg, max := types.IntRange(t); e.Value > max && !(negated && e.Value <= neg) {
		v.errorf(e, "integer literal %d does not fit %v", e.Value, e.T)
	}
}

// expr checks e; nested says e is an operand, which ANF requires to be an atom.
func (v *astVerifier) expr(e ast.Expr, nested bool) {
	if e == nil {
		v.errorf(&ast.Block{}, "missing expression")
		return
	}
	v.kind(e)
	if v.typed && e.Type() == nil {
		v.errorf(e, "expression without a type")
	}
	v.notEnum(e, e.Type())
	v.scalarValue(e, e.Type())
	if nested && v.anf && !ast.IsTrivial(e) {
		v.errorf(e, "args-trivial: operand %s is not an atom", e.Kind())
	}
	t := e.Type()
	if v.floatExpr(e, t) || v.optionalExpr(e, t) || v.errorExpr(e, t) {
		return
	}
	if v.stringExpr(e, t) {
		return
	}
	switch e := e.(type) {
	case *ast.IntLit:
		v.intLit(e, false)
	case *ast.BoolLit:
		v.same(e, types.TBool, t, "bool literal type")
	case *ast.StrLit:
		v.same(e, types.TString, t, "string literal type")
	case *ast.StrAddr:
		v.same(e, types.TI64, t, "address type")
	case *ast.DataAddr:
		if _, ptr := t.(*types.Pointer); !ptr {
			v.same(e, types.TI64, t, "address type")
		}
	case *ast.Ref:
		if b := v.lookup(e.Name, e); b != nil {
			if b.kind == "func" && v.typed {
				v.errorf(e, "%s is a function, not a value", e.Name)
			}
			if v.differ(b.typ, t) {
				v.same(e, b.typ, t, "type of "+e.Name.String())
			}
		}
	case *ast.Unary:
		// A negated literal may be the magnitude of its type's minimum (decisions.md #6).
		if lit, ok := e.X.(*ast.IntLit); ok && e.Op == "neg" {
			v.kind(lit)
			v.intLit(lit, true)
		} else {
			v.expr(e.X, true)
		}
		switch e.Op {
		case "neg", "bnot":
			v.arith(e, e.Op, e.X.Type(), e.X.Type())
			v.same(e, e.X.Type(), t, "result type")
		case "not":
			v.same(e, types.TBool, e.X.Type(), "operand of not")
			v.same(e, types.TBool, t, "result type")
		default:
			v.errorf(e, "unknown unary operator %s", e.Op)
		}
	case *ast.Binary:
		v.expr(e.X, true)
		v.expr(e.Y, true)
		x, y := e.X.Type(), e.Y.Type()
		switch {
		case e.Op == "==" || e.Op == "!=":
			if v.typed && x != nil && y != nil && (!types.Identical(x, y) || !(isScalar(x) || floatOperand(e.Op, x) || isEnumType(x))) {
				v.errorf(e, "operator %s on %v and %v", e.Op, x, y)
			}
			v.same(e, types.TBool, t, "result type")
		case ast.IsComparison(e.Op):
			v.arith(e, e.Op, x, y)
			v.same(e, types.TBool, t, "result type")
		default:
			v.arith(e, e.Op, x, y)
			v.same(e, x, t, "result type")
		}
	case *ast.Logical:
		v.expr(e.X, true)
		v.expr(e.Y, true)
		if v.differ(types.TBool, e.X.Type()) || v.differ(types.TBool, e.Y.Type()) {
			v.same(e, types.TBool, e.X.Type(), "left operand of "+e.Op)
			v.same(e, types.TBool, e.Y.Type(), "right operand of "+e.Op)
		}
		v.same(e, types.TBool, t, "result type")
	case *ast.Call:
		for _, a := range e.Args {
			v.expr(a, true)
		}
		if m, ok := e.Callee.(*ast.Member); ok && !v.typed { // a method call, until check-types
			v.expr(m, false)
			break
		}
		if in, ok := e.Callee.(*ast.Instance); ok { // a generic call, until check-types
			v.instance(in)
			break
		}
		if mi, ok := e.Callee.(*ast.MethodInstance); ok { // a generic method call, until check-types
			v.methodInstance(mi) // ast_generic.go
			break
		}
		ref, ok := e.Callee.(*ast.Ref)
		if !ok && !v.typed { // a call of a computed function value, until check-types
			v.expr(e.Callee, false)
			break
		}
		if !ok {
			v.errorf(e, "callee is not a function name")
			break
		}
		v.kind(ref)
		if v.typed && ref.T == nil {
			v.errorf(ref, "expression without a type")
		}
		b := v.lookup(ref.Name, ref)
		if b == nil {
			break
		}
		if b.kind != "func" {
			if v.typed { // before check-types this is the user's error, reported there
				v.errorf(e, "call of %s, which is a %s", ref.Name, b.kind)
			}
			break
		}
		if v.typed && ref.T != nil && !sigIs(b.fn, ref.T) {
			v.same(ref, b.fn.Signature(), ref.T, "callee type")
		}
		v.callWith(e, len(b.fn.Params), func(i int) types.Type { return b.fn.Params[i].Type }, b.fn.Result, e.Args)
	case *ast.RuntimeCall:
		for _, a := range e.Args {
			v.expr(a, true)
		}
		sig, ok := ast.Runtime[e.Name]
		if !ok {
			v.errorf(e, "unknown runtime routine %s", e.Name)
			break
		}
		v.call(e, sig.Params, sig.Result, e.Args)
	case *ast.HostCall:
		v.hostCall(e)
	case *ast.CharLit: // only before check-types, which the kind check enforces
	case *ast.SizeOf:
		v.needType(e, e.TypeX, nil)
	case *ast.Member: // only before check-types, which the kind check enforces
		v.expr(e.X, false)
	case *ast.IntCast:
		v.needType(e, e.TypeX, nil)
		v.expr(e.X, true)
	case *ast.Convert:
		v.expr(e.X, true)
		if x := e.X.Type(); v.typed && x != nil && t != nil && !numericConvert(x, t) && (!types.IsInteger(types.Underlying(x)) && !isEnumType(x) && !isPointerType(x) && !isFuncType(x) ||
			!types.IsInteger(t) && !isPointerType(t) && !isFuncType(t) || types.Identical(x, t)) {
			v.errorf(e, "conversion from %v to %v", x, t)
		}
	case *ast.If:
		v.cond(e, e.Cond)
		v.kind(e.Then)
		v.blockBody(e.Then)
		v.same(e, t, e.Then.T, "then branch type")
		switch els := e.Else.(type) {
		case *ast.Block:
			v.kind(els)
			v.blockBody(els)
			if els.Value == nil {
				v.errorf(e, "else branch without a value")
			}
			v.same(e, t, els.T, "else branch type")
		case *ast.If:
			v.expr(els, false)
			v.same(e, t, els.T, "else branch type")
		default:
			v.errorf(e, "an if expression needs an else branch with a value")
		}
	case *ast.Switch:
		v.switchParts(e)
		if e.Else == nil && v.typed { // before check-types the user's error, reported there
			v.errorf(e, "a switch expression without an else arm")
		}
	case *ast.Block:
		v.blockBody(e)
		if e.Value == nil {
			v.errorf(e, "block expression without a value")
		}
	default:
		if !v.memoryExpr(e) && !v.structExpr(e) && !v.arrayExpr(e) && !v.closureExpr(e) && !v.arcExpr(e) && !v.comptimeExpr(e) {
			v.errorf(e, "unknown expression %T", e)
		}
	}
}

func (v *astVerifier) call(e ast.Expr, params []types.Type, result types.Type, args []ast.Expr) {
	v.callWith(e, len(params), func(i int) types.Type { return params[i] }, result, args)
}

// callWith is call with the n parameter types given by param (a function's, without making its
// signature).
func (v *astVerifier) callWith(e ast.Expr, n int, param func(i int) types.Type, result types.Type, args []ast.Expr) {
	if !v.typed {
		return
	}
	if len(args) != n {
		v.errorf(e, "call with %d arguments, want %d", len(args), n)
		return
	}
	for i, a := range args {
		if v.differ(param(i), a.Type()) {
			v.same(e, param(i), a.Type(), fmt.Sprintf("argument %d type", i+1))
		}
	}
	v.same(e, result, e.Type(), "call result type")
}

// sigIs reports whether t is identical to fn's signature, without making it (the verifier asks
// for every call, after every pass).
func sigIs(fn *ast.Func, t types.Type) bool {
	ft, ok := t.(*types.Func)
	if !ok || len(ft.Params) != len(fn.Params) || !types.Identical(fn.Result, ft.Result) {
		return false
	}
	for i, p := range fn.Params {
		if !types.Identical(p.Type, ft.Params[i]) {
			return false
		}
	}
	return true
}

// switchParts checks a switch's subject (an integer, bool, enum or string once typed), patterns of its type,
// bool guards, and bodies: blocks with values of the switch's type for a switch expression,
// blocks without values for a statement.
func (v *astVerifier) switchParts(s *ast.Switch) {
	v.expr(s.Subject, v.anf)
	st := s.Subject.Type()
	if v.typed && st != nil && !types.IsInteger(st) && st != types.TBool && !isEnumType(st) && st != types.TString {
		v.errorf(s, "switch on %v", st)
	}
	body := func(b *ast.Block) {
		v.kind(b)
		v.blockBody(b)
		if (b.Value != nil) != s.HasValue() {
			v.errorf(s, "switch bodies must all have values or none")
		}
		if s.HasValue() {
			v.same(s, s.T, b.T, "switch arm type")
		}
	}
	for _, a := range s.Arms {
		v.kind(a)
		if len(a.Lo) == 0 || len(a.Lo) != len(a.Hi) {
			v.errorf(s, "switch arm with %d patterns and %d range ends", len(a.Lo), len(a.Hi))
		}
		for i, lo := range a.Lo {
			v.expr(lo, false)
			v.same(s, st, lo.Type(), "pattern type")
			if a.Hi[i] != nil {
				v.expr(a.Hi[i], false)
				v.same(s, st, a.Hi[i].Type(), "range end type")
			}
		}
		if a.Guard != nil {
			v.expr(a.Guard, false)
			v.same(s, types.TBool, a.Guard.Type(), "guard type")
		}
		if a.Body == nil {
			v.errorf(s, "switch arm without a body")
			continue
		}
		body(a.Body)
	}
	if s.Else != nil {
		body(s.Else)
	}
}

func isPointerType(t types.Type) bool {
	_, ok := t.(*types.Pointer)
	return ok
}

func isEnumType(t types.Type) bool {
	_, ok := types.Underlying(t).(*types.Enum)
	return ok
}

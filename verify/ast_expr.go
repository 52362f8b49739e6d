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
	if !types.IsInteger(x) || !types.Identical(x, y) {
		v.errorf(at, "operator %s on %v and %v", op, x, y)
	}
}

// intLit checks that an integer literal fits its type; negated says a minus sign precedes it.
func (v *astVerifier) intLit(e *ast.IntLit, negated bool) {
	if !v.typed || e.T == nil {
		return
	}
	if !types.IsInteger(e.T) || types.IsUntyped(e.T) {
		v.errorf(e, "integer literal of type %v", e.T)
		return
	}
	if neg, max := types.IntRange(e.T); e.Value > max && !(negated && e.Value <= neg) {
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
	if nested && v.anf && !ast.IsTrivial(e) {
		v.errorf(e, "args-trivial: operand %s is not an atom", e.Kind())
	}
	t := e.Type()
	switch e := e.(type) {
	case *ast.IntLit:
		v.intLit(e, false)
	case *ast.BoolLit:
		v.same(e, types.TBool, t, "bool literal type")
	case *ast.StrLit:
		v.same(e, types.TString, t, "string literal type")
	case *ast.StrAddr, *ast.DataAddr:
		v.same(e, types.TI64, t, "address type")
	case *ast.Ref:
		if b := v.lookup(e.Name, e); b != nil {
			if b.kind == "func" && v.typed {
				v.errorf(e, "%s is a function, not a value", e.Name)
			}
			v.same(e, b.typ, t, "type of "+e.Name.String())
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
			if v.typed && x != nil && y != nil && (!types.Identical(x, y) || !(types.IsInteger(x) || x == types.TBool)) {
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
		v.same(e, types.TBool, e.X.Type(), "left operand of "+e.Op)
		v.same(e, types.TBool, e.Y.Type(), "right operand of "+e.Op)
		v.same(e, types.TBool, t, "result type")
	case *ast.Call:
		for _, a := range e.Args {
			v.expr(a, true)
		}
		ref, ok := e.Callee.(*ast.Ref)
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
		sig := b.fn.Signature()
		if v.typed {
			v.same(ref, sig, ref.T, "callee type")
		}
		v.call(e, sig.Params, sig.Result, e.Args)
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
	case *ast.Convert:
		v.expr(e.X, true)
		if x := e.X.Type(); v.typed && x != nil && t != nil && (!types.IsInteger(x) || !types.IsInteger(t) || types.Identical(x, t)) {
			v.errorf(e, "conversion from %v to %v", x, t)
		}
	case *ast.IfExpr:
		v.cond(e, e.Cond)
		v.expr(e.Then, false)
		v.expr(e.Else, false)
		v.same(e, t, e.Then.Type(), "then arm type")
		v.same(e, t, e.Else.Type(), "else arm type")
	default:
		v.errorf(e, "unknown expression %T", e)
	}
}

func (v *astVerifier) call(e ast.Expr, params []types.Type, result types.Type, args []ast.Expr) {
	if !v.typed {
		return
	}
	if len(args) != len(params) {
		v.errorf(e, "call with %d arguments, want %d", len(args), len(params))
		return
	}
	for i, a := range args {
		v.same(e, params[i], a.Type(), fmt.Sprintf("argument %d type", i+1))
	}
	v.same(e, result, e.Type(), "call result type")
}

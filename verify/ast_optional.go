package verify

// Optional rules of the ast verifier (see ast.go): null has an optional type; has-value, unwrap
// and orelse take an optional operand and have the types of node_optional.go; a conversion to an
// optional ?T converts a T; and "no-optional-types": no binder or expression has an optional type.

import (
	"cot/ir/ast"
	"cot/ir/types"
)

// optionalExpr checks an optional node (or a conversion to an optional), and reports false for
// any other expression.
func (v *astVerifier) optionalExpr(e ast.Expr, t types.Type) bool {
	switch e := e.(type) {
	case *ast.NullLit:
		v.wantOptional(e, t)
	case *ast.Convert:
		o, ok := t.(*types.Optional)
		if !ok {
			return false
		}
		v.expr(e.X, true)
		if v.typed {
			v.same(e, o.Elem, e.X.Type(), "operand of a conversion to "+t.String())
		}
	case *ast.HasValue:
		v.expr(e.X, true)
		v.wantOptional(e, e.X.Type())
		if v.typed {
			v.same(e, types.TBool, t, "has-value type")
		}
	case *ast.Unwrap:
		v.expr(e.X, true)
		if o := v.wantOptional(e, e.X.Type()); o != nil {
			v.same(e, o.Elem, t, "unwrap type")
		}
	case *ast.OrElse:
		v.expr(e.X, true)
		v.expr(e.Y, false)
		if o := v.wantOptional(e, e.X.Type()); o != nil {
			v.same(e, t, e.Y.Type(), "fallback type")
			if !types.Identical(t, o) {
				v.same(e, o.Elem, t, "orelse type")
			}
		}
	default:
		return false
	}
	return true
}

// wantOptional checks, once typed, that t is an optional type and returns it.
func (v *astVerifier) wantOptional(at ast.Node, t types.Type) *types.Optional {
	if !v.typed {
		return nil
	}
	o, ok := t.(*types.Optional)
	if !ok {
		v.errorf(at, "%s wants an optional, has %v", at.Kind(), t)
	}
	return o
}

// notOptional checks "no-optional-types" for one type.
func (v *astVerifier) notOptional(n ast.Node, t types.Type) {
	if _, ok := t.(*types.Optional); ok && v.noOptionals {
		v.errorf(n, "no-optional-types: a value of optional type %v", t)
	}
}

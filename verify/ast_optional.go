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
	case *ast.UnionLit:
		if v.typed {
			u, ok := types.Underlying(t).(*types.Union)
			switch {
			case !ok || e.Variant < 0 || e.Variant >= len(u.Variants):
				v.errorf(e, "union-lit of variant %d of %v", e.Variant, t)
			case (e.Payload == nil) != (u.Variants[e.Variant].Payload == nil):
				v.errorf(e, "union-lit: payload of variant %s", u.Variants[e.Variant].Name)
			case e.Payload != nil:
				v.expr(e.Payload, true)
				v.same(e, v.payload(u.Variants[e.Variant].Payload), e.Payload.Type(), "payload of "+u.Variants[e.Variant].Name)
			}
		}
	case *ast.UnionTag:
		v.expr(e.X, true)
		if v.typed {
			v.same(e, types.TI64, t, "union-tag type")
		}
	case *ast.UnionPayload:
		v.expr(e.X, true)
		if v.typed {
			u, ok := types.Underlying(e.X.Type()).(*types.Union)
			if !ok || e.Variant < 0 || e.Variant >= len(u.Variants) || u.Variants[e.Variant].Payload == nil {
				v.errorf(e, "union-payload of variant %d of %v", e.Variant, e.X.Type())
			} else {
				v.same(e, v.payload(u.Variants[e.Variant].Payload), t, "union-payload type")
			}
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
	if _, ok := t.(*types.Optional); ok {
		if v.read(keyBits().noOptionals); v.noOptionals {
			v.errorf(n, "no-optional-types: a value of optional type %v", t)
		}
	}
	if _, ok := t.(*types.ErrorUnion); ok {
		if v.read(keyBits().noErrs); v.noErrorUnions {
			v.errorf(n, "no-error-union-types: a value of error union type %v", t)
		}
	}
	if _, ok := types.Underlying(t).(*types.Union); ok {
		if v.read(keyBits().noUnions); v.noUnions {
			v.errorf(n, "no-union-types: a value of union type %v", t)
		}
	}
}

// payload is the type a union payload of declared type t has in the language: its backing type
// once enums are integers.
func (v *astVerifier) payload(t types.Type) types.Type {
	if e, ok := types.Underlying(t).(*types.Enum); ok {
		if v.read(keyBits().noEnums); v.noEnums {
			return e.Backing
		}
	}
	return t
}

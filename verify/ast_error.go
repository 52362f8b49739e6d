package verify

// Error rules of the ast verifier (see ast.go): an error literal, an error code and the error of
// a fail are error values (`error`; i64 once lower-enums has made error values numbers); fail, is-error,
// error-code and ok-value have the types of node_error.go; a conversion to an error union E!T
// converts a T; and "no-error-union-types" (ast_optional.go's notOptional).

import (
	"cot/ir/ast"
	"cot/ir/types"
)

// errorExpr checks an error node (or a conversion to an error union), and reports false for
// any other expression.
func (v *astVerifier) errorExpr(e ast.Expr, t types.Type) bool {
	switch e := e.(type) {
	case *ast.ErrorLit:
		if v.typed {
			v.same(e, v.errorType(), t, "error-lit type")
		}
	case *ast.Convert:
		u, ok := t.(*types.ErrorUnion)
		if !ok {
			return false
		}
		v.expr(e.X, true)
		if v.typed {
			v.same(e, u.Payload, e.X.Type(), "operand of a conversion to "+t.String())
		}
	case *ast.Fail:
		v.expr(e.X, true)
		if v.typed {
			v.wantErrorUnion(e, t)
			v.same(e, v.errorType(), e.X.Type(), "error of fail")
		}
	case *ast.IsError:
		v.expr(e.X, true)
		v.wantErrorUnion(e, e.X.Type())
		if v.typed {
			v.same(e, types.TBool, t, "is-error type")
		}
	case *ast.ErrorCode:
		v.expr(e.X, true)
		v.wantErrorUnion(e, e.X.Type())
		if v.typed {
			v.same(e, v.errorType(), t, "error-code type")
		}
	case *ast.OkValue:
		v.expr(e.X, true)
		if u := v.wantErrorUnion(e, e.X.Type()); u != nil {
			v.same(e, u.Payload, t, "ok-value type")
		}
	default:
		return false
	}
	return true
}

// wantErrorUnion checks, once typed, that t is an error union type and returns it.
func (v *astVerifier) wantErrorUnion(at ast.Node, t types.Type) *types.ErrorUnion {
	if !v.typed {
		return nil
	}
	u, ok := t.(*types.ErrorUnion)
	if !ok {
		v.errorf(at, "%s wants an error union, has %v", at.Kind(), t)
	}
	return u
}

// errorType is the type of error values in the language: `error` until lower-enums makes it
// i64 (no-enums).
func (v *astVerifier) errorType() types.Type {
	if v.read(keyBits().noEnums); v.noEnums {
		return types.TI64
	}
	return types.TError
}

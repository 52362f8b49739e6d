package passes

// Errors of check-types (see check_types.go), spec §7 and decisions.md #14: an error value has
// the type `error` (types.TError, which every error set names) and is the number of its name,
// numbered in the order names are first met (one number per name in the whole program, so the
// same name in two sets is one error); `error.X`, or any error value, where an error union is
// expected is that union in the error state (a fail); a T where an E!T is expected is wrapped by
// a convert; the capture of `catch |e|` is an error value, so `catch |e| { return e }` passes the
// error on; the nodes parse spells `try` and `catch` with want an error union, and `try` a
// function returning one. A `!void` function returns the zero error union (ok) where it falls
// off its end or returns without a value.
//
//	(error-lit A -1)                  => (error-lit:error A 0)
//	(error-lit A -1) want (err i64)   => (fail:(err i64) (error-lit:error A 0))
//	e#3:error want (err i64)          => (fail:(err i64) e#3:error)
//	x#3:i32 want (err i64)            => (convert:(err i64) (convert:i64 x#3:i32))
//	(return) in fn f() !void          => (return (zero:(err void)))

import (
	"cot/ir/ast"
	"cot/ir/types"
)

func isErrorUnion(t types.Type) bool {
	_, ok := t.(*types.ErrorUnion)
	return ok
}

// isVoidErrorUnion reports whether t is !void (E!void).
func isVoidErrorUnion(t types.Type) bool {
	u, ok := t.(*types.ErrorUnion)
	return ok && u.Payload == types.TVoid
}

// errorCode is the number of the error name.
func (c *checker) errorCode(name string) int64 {
	if c.errorCodes == nil {
		c.errorCodes = map[string]int64{}
	}
	n, ok := c.errorCodes[name]
	if !ok {
		n = int64(len(c.errorCodes))
		c.errorCodes[name] = n
	}
	return n
}

// failWith makes the error value x (of the error type) the error union u in the error state:
// an error set's value returned, assigned or passed where an E!T is expected (spec §3.4).
func failWith(x ast.Expr, u *types.ErrorUnion) ast.Expr {
	return &ast.Fail{At: ast.AtOf(x.Pos()), Typed: ast.Typed{T: u}, X: x}
}

// wrapErrorUnion converts x (a value assignable to u's payload type) to the error union u.
func (c *checker) wrapErrorUnion(x ast.Expr, u *types.ErrorUnion, what string) ast.Expr {
	return &ast.Convert{At: ast.AtOf(x.Pos()), Typed: ast.Typed{T: u}, X: c.convert(x, u.Payload, what)}
}

// errorExpr checks an error node, or returns nil for another kind.
func (c *checker) errorExpr(e ast.Expr, want types.Type) ast.Expr {
	switch e := e.(type) {
	case *ast.ErrorLit:
		lit := &ast.ErrorLit{At: e.At, Typed: ast.Typed{T: types.TError}, Name: e.Name, Code: c.errorCode(e.Name)}
		if u, ok := want.(*types.ErrorUnion); ok {
			return &ast.Fail{At: e.At, Typed: ast.Typed{T: u}, X: lit}
		}
		return lit
	case *ast.Fail: // the propagation of `try`
		x := c.assign(e.X, types.TError, "error")
		if !isErrorUnion(c.fn.Result) {
			if c.fn.Result != types.TInvalid {
				c.tryOutside(e) // check_types_mismatch.go
			}
			return &ast.Fail{At: e.At, Typed: ast.Typed{T: types.TInvalid}, X: x}
		}
		return &ast.Fail{At: e.At, Typed: ast.Typed{T: c.fn.Result}, X: x}
	case *ast.IsError:
		x, u := c.errorUnionOperand(e.X)
		t := types.Type(types.TBool)
		if u == nil {
			t = types.TInvalid
		}
		return &ast.IsError{At: e.At, Typed: ast.Typed{T: t}, X: x}
	case *ast.ErrorCode:
		x := c.expr(e.X, nil)
		return &ast.ErrorCode{At: e.At, Typed: ast.Typed{T: types.TError}, X: x}
	case *ast.OkValue:
		x := c.expr(e.X, nil)
		t := types.Type(types.TInvalid)
		if u, ok := x.Type().(*types.ErrorUnion); ok {
			t = u.Payload
		}
		return &ast.OkValue{At: e.At, Typed: ast.Typed{T: t}, X: x}
	}
	return nil
}

// errorUnionOperand checks the subject of `try` or `catch` (held in its temporary); u is nil
// (and the error reported) when it is not an error union.
func (c *checker) errorUnionOperand(e ast.Expr) (ast.Expr, *types.ErrorUnion) {
	x := c.expr(e, nil)
	if u, ok := x.Type().(*types.ErrorUnion); ok {
		return x, u
	}
	if r, ok := e.(*ast.Ref); ok && x.Type() != types.TInvalid {
		c.diags.Errorf(e.Pos(), codeTypeMismatch, "type mismatch: %s wants an error union, found %v", errorOperator(r.Name.Name), x.Type())
	}
	return x, nil
}

// okVoid is the ok value of the !void type t: its zero (tag 0).
func okVoid(at ast.At, t types.Type) ast.Expr { return &ast.Zero{At: at, Typed: ast.Typed{T: t}} }

// endVoidErrorUnion makes a !void function body that may fall off its end return ok there.
func endVoidErrorUnion(f *ast.Func) {
	if isVoidErrorUnion(f.Result) && canFallThrough(f.Body) {
		at := f.Body.At
		f.Body.Stmts = append(f.Body.Stmts, &ast.Return{At: at, Value: okVoid(at, f.Result)})
	}
}

// mainErrorUnion reports whether t is a result `main` may have besides i64 and void: !i64 or
// !void (lower-errors makes an error end the program).
func mainErrorUnion(t types.Type) bool {
	u, ok := t.(*types.ErrorUnion)
	return ok && (u.Payload == types.TVoid || u.Payload == types.TI64)
}

// deferStmt checks a defer's body, in which a return is an error.
func (c *checker) deferStmt(s *ast.Defer) ast.Stmt {
	saved := c.inDefer
	c.inDefer = true
	c.checkDeferJumps(s.Body) // check_types_defer_jumps.go
	body := c.block(s.Body)
	c.inDefer = saved
	return &ast.Defer{At: s.At, Err: s.Err, Body: body}
}

// errorOperator names the operator whose subject the temporary tmp holds (parse_error.go).
func errorOperator(tmp string) string {
	if tmp == errTryTemp {
		return "`try`"
	}
	return "`catch`"
}

// branchesOf names the branches of an if expression in a diagnostic: the value and the
// fallback of a `catch` (parse spells it as an if on its subject's temporary).
func branchesOf(e *ast.If) string {
	if u, ok := e.Cond.(*ast.Unary); ok && u.Op == "not" {
		if is, ok := u.X.(*ast.IsError); ok {
			if r, ok := is.X.(*ast.Ref); ok && r.Name.Name == errCatchTemp {
				return "`catch` fallback"
			}
		}
	}
	return "branches of if expression"
}

// returnSpelling is what the program wrote for s: the propagation of a `try` is a return.
func returnSpelling(s *ast.Return) string {
	if _, ok := s.Value.(*ast.Fail); ok {
		return "`try`"
	}
	return "`return`"
}

// errorReturn reports `return error.X` in a function that returns neither an error union nor
// an error value (where the error's number would silently be the result).
func (c *checker) errorReturn(s *ast.Return) {
	lit, ok := s.Value.(*ast.ErrorLit)
	r := c.fn.Result
	if o, opt := r.(*types.Optional); opt {
		r = o.Elem
	}
	if ok && !isErrorUnion(r) && r != types.TError && r != types.TInvalid {
		c.diags.Errorf(lit.Pos(), codeTypeMismatch, "type mismatch: `return error.%s` in `%s`, which returns %v, not an error union", lit.Name, c.fn.Name.Name, c.fn.Result)
	}
}

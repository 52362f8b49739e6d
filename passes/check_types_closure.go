package passes

// Function values and anonymous functions of check-types (see check_types.go), spec §6.16,
// decisions.md #15. A named function used as a value is a func-ref of its signature; a fn-lit is
// checked as a function of its own (its returns and `try`s refer to its result) and typed with
// its signature; its captures (resolve-names) are typed refs to the enclosing binders. A call
// whose callee is not a function name is a call-value of a `fn(A, B) R` value: the arguments
// are checked against A, B as a direct call's are. Two function types are the same when their
// parameter and result types are (types.Identical), so a value converts to no other fn type.
//
//	(call (ref f#3) 1)   with f#3 a var of type fn(i64) i64  =>  (call-value:i64 f#3:(fn (i64) i64) 1:i64)
//	(ref add#1)          in a value position                 =>  (func-ref:(fn (i64 i64) i64) add#1)

import (
	"fmt"

	"cot/ir/ast"
	"cot/ir/types"
)

// funcLit checks an anonymous function.
func (c *checker) funcLit(e *ast.FuncLit) ast.Expr {
	out := *e
	out.Params, out.Captures = nil, nil
	for _, prm := range e.Params {
		pc := *prm
		pc.TypeX, pc.Type = nil, c.valueType(prm.Pos(), prm.TypeX, prm.Type)
		out.Params = append(out.Params, &pc)
		c.binders[pc.Name.ID] = &checkedBinder{kind: "param", typ: pc.Type}
	}
	if e.ResultX != nil {
		out.ResultX, out.Result = nil, c.resultType(e.ResultX)
	}
	for _, x := range e.Captures {
		out.Captures = append(out.Captures, c.expr(x, nil))
	}
	fn := &ast.Func{At: e.At, Name: ast.Name{Name: "fn"}, Params: out.Params, Result: out.Result}
	saved, savedDefer := c.fn, c.inDefer
	c.fn, c.inDefer = fn, false
	fn.Body = c.block(e.Body)
	endVoidErrorUnion(fn)
	c.fn, c.inDefer = saved, savedDefer
	out.Body = fn.Body
	out.T = out.Signature()
	return &out
}

// funcRef is the named function of binder b used as a value.
func (c *checker) funcRef(e *ast.Ref, b *checkedBinder) ast.Expr {
	return &ast.FuncRef{At: e.At, Typed: ast.Typed{T: b.typ}, Name: e.Name}
}

// callValue checks a call whose callee is an expression of function type.
func (c *checker) callValue(e *ast.Call) ast.Expr {
	callee := c.expr(e.Callee, nil)
	out := &ast.CallValue{At: e.At, Typed: ast.Typed{T: types.TInvalid}, Callee: callee}
	name := "the function value"
	if ref, ok := e.Callee.(*ast.Ref); ok {
		name = "`" + ref.Name.Name + "`"
	} else if m, ok := e.Callee.(*ast.Member); ok {
		name = "`" + m.Name + "`"
	}
	badArgs := func() ast.Expr {
		for _, a := range e.Args {
			out.Args = append(out.Args, c.expr(a, nil))
		}
		return out
	}
	sig, ok := callee.Type().(*types.Func)
	if !ok {
		if t := callee.Type(); t != types.TInvalid {
			c.diags.Errorf(e.Pos(), codeTypeMismatch, "type mismatch: cannot call non-function %s of type %v", name, t)
		}
		return badArgs()
	}
	out.T = sig.Result
	if len(e.Args) != len(sig.Params) {
		arityError(c.diags, e.Pos(), fmt.Sprintf("wrong number of arguments: %s takes %d, got %d", name, len(sig.Params), len(e.Args)), len(sig.Params), len(e.Args))
		return badArgs()
	}
	for i, a := range e.Args {
		out.Args = append(out.Args, c.assign(a, sig.Params[i], fmt.Sprintf("argument %d of %s", i+1, name)))
	}
	return out
}

// fieldCall checks `x.f(args)` where f is a field of function type of the struct x (or *x) has
// no method f: a call of the field's value. It reports false when t has no such field.
func (c *checker) fieldCall(e *ast.Call, m *ast.Member, t types.Type) (ast.Expr, bool) {
	st := ast.StructOf(t)
	if st == nil {
		return nil, false
	}
	for _, f := range st.Fields {
		if _, fn := f.Type.(*types.Func); fn && f.Name == m.Name {
			return c.callValue(e), true
		}
	}
	return nil, false
}

// funcTypeSupported reports whether the back ends handle values of the function type t: its
// parameters and result are supported value types (or void).
func funcTypeSupported(t *types.Func) bool {
	for _, p := range t.Params {
		if !supportedType(p) {
			return false
		}
	}
	return t.Result == types.TVoid || supportedType(t.Result)
}

// isFunc reports whether t is a function type.
func isFunc(t types.Type) bool {
	_, ok := t.(*types.Func)
	return ok
}

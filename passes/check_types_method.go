package passes

// Method calls of check-types (see check_types.go), spec §4.2, §4.9: `impl T { fn m(...) }` declares
// the function T_m (parse); `T.m(args)` calls it directly (an associated function), `x.m(args)`
// passes the receiver first: its address when T_m takes `self: *T` and x is a value (a
// variable's address, or a temporary's for a computed value), x itself when the kinds agree,
// and `x.*` when T_m takes `self: T` and x is a pointer. Without a T_m, a free function m whose
// first parameter is `self: T` or `self: *T` is called the same way (§4.2: `p.Point_len()`).
//
//	(call (member c#4 bump) 2)  =>  (call Counter_bump#7 (addr-of c#4) 2:i64)

import (
	"fmt"

	"cot/ir/ast"
	"cot/ir/types"
)

func (c *checker) methodCall(e *ast.Call, m *ast.Member) ast.Expr {
	bad := func() ast.Expr {
		for _, a := range e.Args {
			c.expr(a, nil)
		}
		return &ast.Call{At: e.At, Callee: m, Typed: ast.Typed{T: types.TInvalid}}
	}
	if ref, ok := m.X.(*ast.Ref); ok && c.named[ref.Name.ID] != nil { // T.f(args)
		n := c.named[ref.Name.ID]
		id, ok := c.funcsByName[n.Name+"_"+m.Name]
		if !ok {
			c.diags.Errorf(m.Pos(), codeUndefined, "undefined identifier `%s.%s`: no function `%s` in an impl of `%s`", n.Name, m.Name, m.Name, n.Name)
			return bad()
		}
		return c.call(&ast.Call{At: e.At, Callee: &ast.Ref{At: m.At, Name: ast.Name{Name: n.Name + "_" + m.Name, ID: id}}, Args: e.Args})
	}
	recv := c.expr(m.X, nil)
	rt := recv.Type()
	if rt == types.TInvalid {
		return bad()
	}
	t := rt
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem
	}
	n, _ := t.(*types.Named)
	id, ok := 0, false
	name := ast.Name{Name: m.Name}
	if n != nil {
		name.Name = n.Name + "_" + m.Name
		id, ok = c.funcsByName[name.Name]
	}
	if !ok && n != nil && n.Args != nil {
		id, ok = c.instanceMethod(n, m.Name, m.Pos()) // check_types_generic.go
	}
	if b, basic := t.(*types.Basic); !ok && basic { // a method of `impl Trait for i64` (§4.10)
		name.Name = b.Name + "_" + m.Name
		id, ok = c.funcsByName[name.Name]
	}
	if !ok {
		name.Name = m.Name
		id, ok = c.selfFunc(m.Name, t)
	}
	if !ok && c.genericMethodNamed(t, m) { // check_types_generic_method.go
		return bad()
	}
	if !ok {
		if x, field := c.fieldCall(e, m, t); field { // a field of function type (check_types_closure.go)
			return x
		}
		c.noMethod(m.Pos(), t, m.Name) // check_types_mismatch.go
		return bad()
	}
	name.ID = id
	sig := c.binder(id).typ.(*types.Func)
	if len(sig.Params) == 0 {
		c.diags.Errorf(m.Pos(), codeTypeMismatch, "type mismatch: `%s` has no `self` parameter: call it as `%s.%s(...)`", name.Name, n.Name, m.Name)
		return bad()
	}
	callee := &ast.Ref{At: m.At, Typed: ast.Typed{T: sig}, Name: name}
	if name.Name == m.Name { // a self function: the name after the dot is a use of it (tools rename it)
		pos := callee.Pos()
		pos.Offset, pos.Col = pos.Offset+1, pos.Col+1
		callee.At = ast.AtOf(pos)
	}
	out := &ast.Call{At: e.At, Typed: ast.Typed{T: sig.Result}, Callee: callee,
		Args: []ast.Expr{c.receiver(recv, sig.Params[0], m)}}
	if len(e.Args) != len(sig.Params)-1 {
		arityError(c.diags, e.Pos(), fmt.Sprintf("wrong number of arguments: `%s` takes %d, got %d", m.Name, len(sig.Params)-1, len(e.Args)), len(sig.Params)-1, len(e.Args))
		bad()
		out.T = types.TInvalid
		return out
	}
	for i, a := range e.Args {
		what := fmt.Sprintf("argument %d of `%s`", i+1, m.Name)
		if x, ok := c.byRefArgument(id, i+1, a, sig.Params[i+1], what); ok { // check_types_safe.go
			out.Args = append(out.Args, x)
			continue
		}
		out.Args = append(out.Args, c.assign(a, sig.Params[i+1], what))
	}
	return out
}

// receiver adapts the receiver x to the method's first parameter type want.
func (c *checker) receiver(x ast.Expr, want types.Type, m *ast.Member) ast.Expr {
	have := x.Type()
	_, wantPtr := want.(*types.Pointer)
	_, havePtr := have.(*types.Pointer)
	switch {
	case wantPtr == havePtr:
		return c.convert(x, want, "receiver of `"+m.Name+"`")
	case havePtr: // self: T on a pointer: the value it points to
		return &ast.Deref{At: m.At, Typed: ast.Typed{T: have.(*types.Pointer).Elem}, X: x}
	}
	ptr := types.PointerTo(have)
	if _, ok := lvalueRoot(x); ok {
		return &ast.AddrOf{At: m.At, Typed: ast.Typed{T: ptr}, X: x}
	}
	// A computed receiver lives in a temporary for the call.
	tmp := ast.Name{Name: "recv.self", ID: c.ids.Next()} // a dot: never a name the user wrote
	c.binders[tmp.ID] = &checkedBinder{kind: "var", typ: have}
	return &ast.Block{At: m.At, Typed: ast.Typed{T: ptr}, Stmts: []ast.Stmt{&ast.VarDecl{At: m.At, Name: tmp, Type: have, Init: x}},
		Value: &ast.AddrOf{At: m.At, Typed: ast.Typed{T: ptr}, X: &ast.Ref{At: m.At, Typed: ast.Typed{T: have}, Name: tmp}}}
}

// selfFunc finds the free function `name` whose first parameter is `self: T` or `self: *T`:
// spec §4.2 makes it callable with method syntax on a T (`p.Point_len()`), under its full name.
func (c *checker) selfFunc(name string, t types.Type) (int, bool) {
	id, ok := c.funcsByName[name]
	if !ok {
		return 0, false
	}
	fn := c.binder(id).fn
	if fn == nil || len(fn.Params) == 0 || fn.Params[0].Name.Name != "self" {
		return 0, false
	}
	self := fn.Params[0].Type
	if p, ok := self.(*types.Pointer); ok {
		self = p.Elem
	}
	return id, types.Identical(self, t)
}

package passes

// Generic methods and generic trait impls of check-types (see check_types_generic.go), spec
// §4.9–§4.11. A method of a generic impl is a generic function over the impl's type parameters
// followed by its own: `impl Box(T) { fn map(U)(self: *Box(T), …) }` is `Box_map(T, U)`, so
// `b.map(i64)(…)` on a Box(string) is the instance Box_map(string, i64) and the free-function
// call spells every argument, `Box_map(string, i64)(&b, …)`. A generic method of a plain impl
// (or of `impl Trait for i64`) has only its own. `impl Trait for Box(T)` implements Trait for
// every instance of Box, which a `where` bound then accepts.
//
//	(call (method-instance b#4 map i64) x)  =>  (call Box_map#21:(fn (*Box(string) i64) …) (addr-of b#4) x)

import (
	"fmt"
	"strconv"
	"strings"

	"cot/ir/ast"
	"cot/ir/src"
	"cot/ir/types"
)

// genericImplKey is the key of `impl Trait for G(T…)` in generics.impls: every instance of G.
func genericImplKey(id int) string { return "generic " + strconv.Itoa(id) }

// traitTarget is the type an `impl Trait for T` names and its key in generics.impls; the type
// of `impl Trait for Box(T)` is the generic Box itself, shown as Box(T).
func (c *checker) traitTarget(x ast.TypeExpr) (types.Type, string) {
	inst, ok := x.(*ast.InstType)
	if !ok {
		t := c.typeOf(x)
		return t, ast.TypeKey(t)
	}
	g, ok := c.gen.decls[inst.Name.ID].(*ast.GenericStruct)
	if !ok {
		return types.TInvalid, "" // resolve-names reported it
	}
	if len(inst.Args) != len(g.TypeParams) {
		c.diags.Errorf(inst.Pos(), codeTypeMismatch, "wrong number of arguments: `%s` takes %d type argument%s, got %d", g.Name.Name, len(g.TypeParams), plural(len(g.TypeParams)), len(inst.Args))
		return types.TInvalid, ""
	}
	shown := types.NewNamed(g.Name.Name+"("+joinNames(g.TypeParams)+")", g.Name.ID)
	return shown, genericImplKey(g.Name.ID)
}

// implements reports whether an impl of the trait exists for t: for t itself, or for every
// instance of t's generic struct.
func (c *checker) implements(trait int, t types.Type) bool {
	if c.gen.impls[trait][ast.TypeKey(t)] {
		return true
	}
	n, ok := t.(*types.Named)
	origin := c.originOf(n)
	return ok && origin != nil && c.gen.impls[trait][genericImplKey(origin.Name.ID)]
}

// originOf returns the generic struct n is an instance of, or nil.
func (c *checker) originOf(n *types.Named) *ast.GenericStruct {
	if n == nil || n.Args == nil {
		return nil
	}
	for key, inst := range c.gen.structs {
		if inst == n {
			id, _ := strconv.Atoi(strings.Fields(key)[0])
			g, _ := c.gen.decls[id].(*ast.GenericStruct)
			return g
		}
	}
	return nil
}

// ownMethod finds the generic function of method m of t's impls: a generic impl's method (with
// the impl's type parameters first, bound to n's type arguments), or a generic method of a
// plain impl. known are the type arguments t fixes.
func (c *checker) ownMethod(t types.Type, m string) (g *ast.GenericFunc, known []ast.TypeExpr) {
	name, owner := "", 0
	switch t := t.(type) {
	case *types.Named:
		name = t.Name + "_" + m
		if origin := c.originOf(t); origin != nil {
			owner = origin.Name.ID
			for _, a := range t.Args {
				known = append(known, &ast.KnownType{T: a})
			}
		}
	case *types.Basic:
		name = t.Name + "_" + m
	default:
		return nil, nil
	}
	for _, d := range c.gen.decls {
		if f, ok := d.(*ast.GenericFunc); ok && f.Name.Name == name && f.Owner.ID == owner && (owner == 0 || len(f.TypeParams)-f.OwnParams == len(known)) {
			return f, known
		}
	}
	return nil, nil
}

// instanceMethod finds the method m of the generic impl of n's generic struct, instantiated
// with n's type arguments (a method without type parameters of its own).
func (c *checker) instanceMethod(n *types.Named, m string, use src.Pos) (int, bool) {
	g, known := c.ownMethod(n, m)
	if g == nil || len(known) == 0 || len(g.TypeParams) != len(known) {
		return 0, false
	}
	name, ok := c.instFunc(g, use, known)
	return name.ID, ok
}

// genericMethodCall checks `x.m(A…)(args)`: the receiver as a method call's, the callee the
// instance of x's generic method m with x's type arguments and A….
func (c *checker) genericMethodCall(e *ast.Call, mi *ast.MethodInstance) ast.Expr {
	m := &ast.Member{At: mi.At, X: mi.X, Name: mi.Name}
	recv := c.expr(mi.X, nil)
	t := recv.Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem
	}
	g, known := c.ownMethod(t, mi.Name)
	switch {
	case g == nil || len(g.TypeParams) == len(known):
		if t != types.TInvalid {
			c.diags.Errorf(mi.Pos(), codeTypeMismatch, "type mismatch: %v has no generic method `%s`, so `%s` takes no type arguments", t, mi.Name, mi.Name)
		}
		return c.badCall(e)
	case len(g.TypeParams)-len(known) != len(mi.Args):
		own := len(g.TypeParams) - len(known)
		c.diags.Errorf(mi.Pos(), codeTypeMismatch, "wrong number of arguments: `%s` takes %d type argument%s, got %d", mi.Name, own, plural(own), len(mi.Args))
		return c.badCall(e)
	}
	name, ok := c.instFunc(g, mi.Pos(), append(known, mi.Args...))
	if !ok {
		return c.badCall(e)
	}
	sig := c.binder(name.ID).typ.(*types.Func)
	if len(sig.Params) == 0 {
		c.diags.Errorf(mi.Pos(), codeTypeMismatch, "type mismatch: `%s` has no `self` parameter", g.Name.Name)
		return c.badCall(e)
	}
	call := &ast.Call{At: e.At, Typed: ast.Typed{T: sig.Result}, Callee: &ast.Ref{At: mi.At, Typed: ast.Typed{T: sig}, Name: name},
		Args: []ast.Expr{c.receiver(recv, sig.Params[0], m)}}
	if len(e.Args) != len(sig.Params)-1 {
		arityError(c.diags, e.Pos(), fmt.Sprintf("wrong number of arguments: `%s` takes %d, got %d", mi.Name, len(sig.Params)-1, len(e.Args)), len(sig.Params)-1, len(e.Args))
		return c.badCall(e)
	}
	for i, a := range e.Args {
		call.Args = append(call.Args, c.assign(a, sig.Params[i+1], fmt.Sprintf("argument %d of `%s`", i+1, mi.Name)))
	}
	return call
}

// genericMethodNamed reports the method m of t named without its type arguments when it is
// generic (`b.zip(x)` for `fn zip(U)(…)`), and says whether it did.
func (c *checker) genericMethodNamed(t types.Type, m *ast.Member) bool {
	g, known := c.ownMethod(t, m.Name)
	if g == nil || len(g.TypeParams) == len(known) {
		return false
	}
	c.diags.Errorf(m.Pos(), codeTypeMismatch, "type mismatch: `%s` is generic: call it with its type arguments, `%s(%s)(…)`", m.Name, m.Name, joinNames(g.TypeParams[len(known):]))
	return true
}
